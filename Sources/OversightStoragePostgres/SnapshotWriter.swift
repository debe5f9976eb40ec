import OversightCore
import OversightStorage
import PostgresNIO

extension PostgresCaseRecordStore {
    /// Inserts one import's records into its snapshot schema, inside the import's transaction, in batches.
    ///
    /// Records are appended to a per-table batch of column arrays and sent `batchSize` rows at a time as one
    /// `INSERT … SELECT * FROM unnest($1, $2, …)`, so a large import makes one round trip per batch and keeps
    /// no record once its values are written. Refusals are decided here, at `insert`, as the SQLite store
    /// decides them, so the caller can skip a row and go on (a failed statement would abort the transaction):
    ///
    /// - a record about a child not yet written is `unknownChild`, checked against the children written so far
    ///   (kept exactly, as SQLite's writer keeps them), before its key is looked at, as SQLite does;
    /// - a repeated key is `duplicateKey`. The writer keeps a 64-bit hash of every key written; a record whose
    ///   hash is new is certainly new. When the hash has been seen, the table's pending batch is sent and the
    ///   database is asked, by primary key, whether the key is really there, so a hash collision never refuses
    ///   a good record.
    final class Writer: CaseRecordWriter {
        static let batchSize = 2_000
        /// A batch is also sent once its values pass this many bytes, whatever its row count.
        static let batchBytes = 4 << 20

        private let connection: PostgresConnection
        private let snapshot: String
        private let logger: Logger
        private var batches: [ColumnBatch?] = Array(repeating: nil, count: Entity.allCases.count)
        private var keyHashes: [Set<Int>] = Array(repeating: [], count: Entity.allCases.count)
        /// The children written so far: every other record must name one of them.
        private var children: Set<Identifier<Child>> = []

        init(connection: PostgresConnection, snapshot: String, logger: Logger) {
            self.connection = connection
            self.snapshot = snapshot
            self.logger = logger
        }

        func insert(_ record: CaseRecord) throws(StorageError) {
            let entity = record.entity
            if case .child = record {
            } else if let childID = record.childID, !children.contains(childID) {
                throw .unknownChild(entity, key: record.key, childID: childID.rawValue)
            }
            // Keys compare as PostgreSQL (and SQLite) compare them, byte for byte: the database has the last word.
            if !keyHashes[entity.ordinal].insert(record.key.hashValue).inserted, try isStored(record) {
                throw .duplicateKey(entity, key: record.key)
            }
            let batch = batches[entity.ordinal] ?? ColumnBatch()
            batches[entity.ordinal] = batch
            Self.append(record, to: batch)
            if case .child(let child) = record { children.insert(child.id) }
            if batch.rowCount >= Self.batchSize || batch.byteCount >= Self.batchBytes { try send(entity) }
        }

        /// Sends every pending batch.
        func finish() throws(StorageError) {
            for entity in Entity.allCases { try send(entity) }
        }

        /// Sends the pending rows of one table.
        private func send(_ entity: Entity) throws(StorageError) {
            guard let batch = batches[entity.ordinal], batch.rowCount > 0 else { return }
            let type = PostgresCaseRecordStore.type(of: entity)
            var binds = PostgresBindings(capacity: batch.columns.count)
            for column in batch.columns { binds.append(column) }
            let parameters = (1...batch.columns.count).map { "$\($0)" }.joined(separator: ", ")
            do {
                try connection.run(
                    "INSERT INTO \(quoted(snapshot)).\(type.table) (\(type.columnList)) SELECT * FROM unnest(\(parameters))", binds,
                    logger: logger)
            } catch {
                throw .database(operation: "storing \(entity.title.lowercased())", reason: ConnectionPool.describe(error))
            }
            batch.removeAll()
        }

        /// Whether a record with this key is already stored: sends the table's pending rows, then asks by key.
        private func isStored(_ record: CaseRecord) throws(StorageError) -> Bool {
            let entity = record.entity
            try send(entity)
            let type = PostgresCaseRecordStore.type(of: entity)
            let values: [String] =
                if case .statutoryVisit(let visit) = record { [visit.context.rawValue, visit.id.rawValue] } else { [record.key] }
            var binds = PostgresBindings(capacity: values.count)
            for value in values { binds.append(value) }
            let condition = type.keyColumns.enumerated().map { "\(quoted($0.element)) = $\($0.offset + 1)" }.joined(separator: " AND ")
            do {
                return try !connection.run("SELECT 1 FROM \(quoted(snapshot)).\(type.table) WHERE \(condition)", binds, logger: logger).isEmpty
            } catch {
                throw .database(operation: "checking \(entity.title.lowercased()) '\(record.key)'", reason: ConnectionPool.describe(error))
            }
        }

        private static func append(_ record: CaseRecord, to batch: ColumnBatch) {
            switch record {
            case .child(let r): batch.append(r)
            case .contact(let r): batch.append(r)
            case .earlyHelpEpisode(let r): batch.append(r)
            case .childInNeedEpisode(let r): batch.append(r)
            case .assessment(let r): batch.append(r)
            case .childInNeedPlan(let r): batch.append(r)
            case .statutoryVisit(let r): batch.append(r)
            case .section47Enquiry(let r): batch.append(r)
            case .initialChildProtectionConference(let r): batch.append(r)
            case .childProtectionPlan(let r): batch.append(r)
            case .childProtectionReview(let r): batch.append(r)
            case .legalStatusSpell(let r): batch.append(r)
            case .lookedAfterEpisode(let r): batch.append(r)
            case .placement(let r): batch.append(r)
            case .lookedAfterReview(let r): batch.append(r)
            case .missingEpisode(let r): batch.append(r)
            case .careLeaver(let r): batch.append(r)
            case .unaccompaniedAsylumSeekingStatus(let r): batch.append(r)
            case .continuouslyLookedAfterOutcomes(let r): batch.append(r)
            case .adoption(let r): batch.append(r)
            case .decisionToPlaceForAdoption(let r): batch.append(r)
            case .previousPermanence(let r): batch.append(r)
            case .socialWorkerEpisode(let r): batch.append(r)
            case .deprivationOfLibertyOrder(let r): batch.append(r)
            case .team(let r): batch.append(r)
            case .worker(let r): batch.append(r)
            case .involvement(let r): batch.append(r)
            }
        }
    }
}
