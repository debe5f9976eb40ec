import Foundation
import GRDB
import GRDBSQLite
import OversightCore
import OversightStorage
import Synchronization

/// Case records in SQLite: the embedded default store.
///
/// The database at `path` is the catalogue, in WAL mode with foreign keys on: it records every import and
/// names the snapshot file that holds the current case records. Each import writes a new snapshot beside it
/// (in `<path>.snapshots/`), then switches the catalogue to it in one transaction, so an import lands whole
/// or not at all and readers, in this process or another, move to the new data on their next read.
///
/// A snapshot is written once and only read afterwards, because every SSD extract is a full rebuild. That is
/// why it is written without a journal: in WAL mode every page of a large import would be written twice.
public final class SQLiteCaseRecordStore: CaseRecordStore {
    public let path: String
    let catalogue: any DatabaseWriter
    private let openSnapshot = Mutex<OpenSnapshot?>(nil)
    /// Set for stores made by `init(inMemoryNamed:)`, whose files live in a folder removed on release.
    private let temporaryFolder: String?

    private struct OpenSnapshot {
        var file: String
        var queue: DatabaseQueue
    }

    /// The catalogue migrations this store applied when it opened, oldest first: empty when the file was already
    /// up to date, every migration when it was new.
    public let migrationsAppliedOnOpening: [String]

    /// Where this database's snapshot files live.
    public var snapshotFolder: String { path + ".snapshots" }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// - Throws: `StorageError.cannotOpen` or `StorageError.migrationFailed`.
    public convenience init(path: String) throws(StorageError) {
        try self.init(path: path, temporaryFolder: nil)
    }

    /// A store in a temporary folder, removed when the store is released: for tests that want real SQL
    /// without choosing a path.
    public convenience init(inMemoryNamed name: String = "oversight") throws(StorageError) {
        let folder = NSTemporaryDirectory() + "oversight-store-\(name)-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: folder, reason: error.localizedDescription)
        }
        try self.init(path: folder + "/oversight.sqlite", temporaryFolder: folder)
    }

    private init(path: String, temporaryFolder: String?) throws(StorageError) {
        self.path = path
        self.temporaryFolder = temporaryFolder
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            catalogue = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        do {
            let migrator = Migrations.catalogue
            let before = try catalogue.read { db in try migrator.appliedMigrations(db) }
            try migrator.migrate(catalogue)
            migrationsAppliedOnOpening = try catalogue.read { db in try migrator.appliedMigrations(db) }.filter { !before.contains($0) }
        } catch {
            throw .migrationFailed("catalogue", reason: Self.reason(error))
        }
        try upgradeCurrentSnapshot()
    }

    /// Gives a snapshot written by an earlier version the tables added since, empty, so reads find every table.
    private func upgradeCurrentSnapshot() throws(StorageError) {
        let current = try readCatalogue("finding the current snapshot") { db in
            try String.fetchOne(db, sql: "SELECT snapshot FROM extract ORDER BY id DESC LIMIT 1")
        }
        guard let current, FileManager.default.fileExists(atPath: snapshotFolder + "/" + current) else { return }
        do {
            let queue = try DatabaseQueue(path: snapshotFolder + "/" + current)
            let migrator = Migrations.snapshot
            if try !queue.read(migrator.hasCompletedMigrations) { try migrator.migrate(queue) }
            try queue.close()
        } catch {
            throw .migrationFailed("snapshot \(current)", reason: Self.reason(error))
        }
    }

    deinit {
        openSnapshot.withLock { $0 = nil }
        if let temporaryFolder { try? FileManager.default.removeItem(atPath: temporaryFolder) }
    }

    /// The names of the migrations applied to the catalogue, oldest first.
    public func appliedMigrations() throws(StorageError) -> [String] {
        try readCatalogue("reading migrations") { db in try Migrations.catalogue.appliedMigrations(db) }
    }

    /// The migrations applied to the current snapshot, oldest first; empty before the first import.
    public func appliedSnapshotMigrations() throws(StorageError) -> [String] {
        try readSnapshot("reading the snapshot's migrations", whenEmpty: []) { db in try Migrations.snapshot.appliedMigrations(db) }
    }

    public func replaceCaseRecords(_ write: (any CaseRecordWriter) throws -> ExtractDescription) throws {
        let fileManager = FileManager.default
        let file = "snapshot-\(UUID().uuidString).sqlite"
        let snapshotPath = snapshotFolder + "/" + file
        let extract: ExtractDescription
        do {
            try fileManager.createDirectory(atPath: snapshotFolder, withIntermediateDirectories: true)
            extract = try Self.buildSnapshot(at: snapshotPath, write)
        } catch {
            // A failed import leaves nothing behind: the half-written snapshot was never named current.
            try? fileManager.removeItem(atPath: snapshotPath)
            if let error = error as? DatabaseError {
                throw StorageError.database(operation: "writing a snapshot of the case records", reason: Self.reason(error))
            }
            throw error
        }
        let superseded: [String]
        do {
            superseded = try catalogue.write { db in
                let previous = try String.fetchAll(db, sql: "SELECT DISTINCT snapshot FROM extract")
                try db.execute(
                    sql: """
                        INSERT INTO extract (kind, source, fingerprint, imported_at, rows_read, rows_rejected, snapshot)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [extract.kind, extract.source, extract.fingerprint, extract.importedAt,
                                extract.rowsRead, extract.rowsRejected, file])
                return previous
            }
        } catch {
            try? fileManager.removeItem(atPath: snapshotPath)
            throw StorageError.database(operation: "recording the import", reason: Self.reason(error))
        }
        openSnapshot.withLock { $0 = nil }
        // Only snapshots the catalogue once named are removed: a file another process is still
        // building is not in the catalogue yet. A reader elsewhere that has one open keeps reading it
        // until its next read, which moves to the new snapshot.
        for old in superseded where old != file {
            try? fileManager.removeItem(atPath: snapshotFolder + "/" + old)
        }
    }

    /// Writes one snapshot file: schema, records, then the lookup indexes.
    private static func buildSnapshot(
        at path: String, _ write: (any CaseRecordWriter) throws -> ExtractDescription
    ) throws -> ExtractDescription {
        var configuration = Configuration()
        // The writer checks each record's child itself (and a test runs SQLite's foreign_key_check over
        // the result): SQLite's per-row check is a b-tree seek, half the cost of an insert at England's size.
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A large page cache pays for itself when the indexes are built over millions of rows.
            try db.execute(sql: "PRAGMA cache_size = -262144")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try Migrations.snapshot.migrate(queue)
        var extract: ExtractDescription?
        try queue.inDatabase { db in
            try db.inTransaction {
                extract = try write(Writer(db))
                // Built once after loading: maintaining them row by row costs more.
                for (table, column) in Migrations.childIndexes {
                    try db.execute(sql: "CREATE INDEX \(table)_\(column) ON \(table)(\(column))")
                }
                return .commit
            }
        }
        try queue.close()
        guard let extract else { throw StorageError.database(operation: "writing a snapshot", reason: "the import returned no description") }
        return extract
    }

    public func fetchEntityCounts() throws(StorageError) -> EntityCounts {
        try readSnapshot("counting records", whenEmpty: Dictionary(uniqueKeysWithValues: Entity.allCases.map { ($0, 0) })) { db in
            var counts = EntityCounts()
            for entity in Entity.allCases {
                counts[entity] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(Self.type(of: entity).table)") ?? 0
            }
            return counts
        }
    }

    public func fetchExtracts() throws(StorageError) -> [ExtractDescription] {
        try readCatalogue("reading extracts") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM extract ORDER BY id").map { row in
                ExtractDescription(kind: row["kind"], source: row["source"], fingerprint: row["fingerprint"],
                                   importedAt: row["imported_at"], rowsRead: row["rows_read"], rowsRejected: row["rows_rejected"])
            }
        }
    }

    public func fetchCaseRecords() throws(StorageError) -> CaseRecords {
        try readSnapshot("reading case records", whenEmpty: CaseRecords()) { db in
            var records = CaseRecords()
            for entity in Entity.allCases {
                let type = Self.type(of: entity)
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(type.table) ORDER BY \(type.columns[0]), \(type.columns[1])")
                while let row = try cursor.next() { records.append(try Self.record(entity, row)) }
            }
            return records
        }
    }

    public func forEachRecord(of entity: Entity, _ body: (CaseRecord) -> Void) throws(StorageError) {
        try readSnapshot("reading \(entity.title.lowercased())", whenEmpty: ()) { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(Self.type(of: entity).table)")
            while let row = try cursor.next() { body(try Self.record(entity, row)) }
        }
    }

    public func fetchChildRecords(_ childID: Identifier<Child>) throws(StorageError) -> CaseRecords? {
        try readSnapshot("reading a child's records", whenEmpty: nil) { db in
            guard let childRow = try Row.fetchOne(db, sql: "SELECT * FROM child WHERE id = ?", arguments: [childID.rawValue]) else {
                return nil
            }
            var records = CaseRecords()
            records.append(.child(try Child(row: childRow)))
            for entity in Entity.allCases where entity != .child && entity != .team && entity != .worker {
                let type = Self.type(of: entity)
                let rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM \(type.table) WHERE child_id = ? ORDER BY \(type.columns[0]), \(type.columns[1])",
                    arguments: [childID.rawValue])
                for row in rows { records.append(try Self.record(entity, row)) }
            }
            // The workers and teams who held the child, so a chronology can name them.
            for row in try Row.fetchAll(db, sql: "SELECT * FROM worker WHERE id IN (SELECT worker_id FROM involvement WHERE child_id = ?) ORDER BY id", arguments: [childID.rawValue]) {
                records.append(.worker(try Worker(row: row)))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM team WHERE id IN (SELECT team_id FROM involvement WHERE child_id = ?) ORDER BY id", arguments: [childID.rawValue]) {
                records.append(.team(try Team(row: row)))
            }
            return records
        }
    }

    func readCatalogue<T>(_ operation: String, _ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try catalogue.read(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw .database(operation: operation, reason: Self.reason(error))
        }
    }

    /// Reads the current snapshot, reopening it when the catalogue names a newer one (an import in this
    /// process or another); `whenEmpty` when nothing has been imported yet.
    private func readSnapshot<T>(_ operation: String, whenEmpty: T, _ body: (Database) throws -> T) throws(StorageError) -> T {
        let current = try readCatalogue("finding the current snapshot") { db in
            try String.fetchOne(db, sql: "SELECT snapshot FROM extract ORDER BY id DESC LIMIT 1")
        }
        guard let current else { return whenEmpty }
        let opened: Result<DatabaseQueue, StorageError> = openSnapshot.withLock { open in
            if let open, open.file == current { return .success(open.queue) }
            var configuration = Configuration()
            configuration.readonly = true
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
            do {
                let queue = try DatabaseQueue(path: snapshotFolder + "/" + current, configuration: configuration)
                open = OpenSnapshot(file: current, queue: queue)
                return .success(queue)
            } catch {
                return .failure(.cannotOpen(path: snapshotFolder + "/" + current, reason: Self.reason(error)))
            }
        }
        let queue = try opened.get()
        do {
            return try queue.read(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw .database(operation: operation, reason: Self.reason(error))
        }
    }

    static func type(of entity: Entity) -> any StoredEntity.Type { entity.persistedType }

    static func record(_ entity: Entity, _ row: Row) throws(StorageError) -> CaseRecord {
        try CaseRecord(entity, reading: RowReader(row, entity, keyColumn: entity.persistedType.keyColumn))
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }

    /// Inserts records with one prepared statement per table, inside the import's transaction.
    private final class Writer: CaseRecordWriter {
        let db: Database
        var statements: [PreparedInsert?] = Array(repeating: nil, count: Entity.allCases.count)
        /// The children written so far: every other record must name one of them.
        var children: Set<Identifier<Child>> = []

        init(_ db: Database) { self.db = db }

        func insert(_ record: CaseRecord) throws(StorageError) {
            let entity = record.entity
            if case .child = record {
            } else if let childID = record.childID, !children.contains(childID) {
                throw .unknownChild(entity, key: record.key, childID: childID.rawValue)
            }
            let slot = entity.ordinal
            let insert: PreparedInsert
            if let prepared = statements[slot] {
                insert = prepared
            } else {
                do {
                    insert = PreparedInsert(try db.makeStatement(sql: SQLiteCaseRecordStore.type(of: entity).insertSQL))
                } catch {
                    throw .database(operation: "preparing to store \(entity.title.lowercased())", reason: SQLiteCaseRecordStore.reason(error))
                }
                statements[slot] = insert
            }
            let result = Writer.execute(insert, record)
            if result == SQLITE_DONE {
                if case .child(let child) = record { children.insert(child.id) }
                return
            }
            switch ResultCode(rawValue: result) {
            case .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE:
                throw .duplicateKey(entity, key: record.key)
            case .SQLITE_CONSTRAINT_FOREIGNKEY:
                throw .unknownChild(entity, key: record.key, childID: record.childID?.rawValue ?? "")
            default:
                let message = String(cString: sqlite3_errstr(result))
                throw .database(operation: "storing \(entity.title.lowercased()) '\(record.key)'", reason: message)
            }
        }

        static func execute(_ insert: PreparedInsert, _ record: CaseRecord) -> Int32 {
            switch record {
            case .child(let r): insert.execute(r)
            case .contact(let r): insert.execute(r)
            case .earlyHelpEpisode(let r): insert.execute(r)
            case .childInNeedEpisode(let r): insert.execute(r)
            case .assessment(let r): insert.execute(r)
            case .childInNeedPlan(let r): insert.execute(r)
            case .statutoryVisit(let r): insert.execute(r)
            case .section47Enquiry(let r): insert.execute(r)
            case .initialChildProtectionConference(let r): insert.execute(r)
            case .childProtectionPlan(let r): insert.execute(r)
            case .childProtectionReview(let r): insert.execute(r)
            case .legalStatusSpell(let r): insert.execute(r)
            case .lookedAfterEpisode(let r): insert.execute(r)
            case .placement(let r): insert.execute(r)
            case .lookedAfterReview(let r): insert.execute(r)
            case .missingEpisode(let r): insert.execute(r)
            case .careLeaver(let r): insert.execute(r)
            case .team(let r): insert.execute(r)
            case .worker(let r): insert.execute(r)
            case .involvement(let r): insert.execute(r)
            case .unaccompaniedAsylumSeekingStatus(let r): insert.execute(r)
            case .continuouslyLookedAfterOutcomes(let r): insert.execute(r)
            case .adoption(let r): insert.execute(r)
            case .decisionToPlaceForAdoption(let r): insert.execute(r)
            case .previousPermanence(let r): insert.execute(r)
            case .socialWorkerEpisode(let r): insert.execute(r)
            case .deprivationOfLibertyOrder(let r): insert.execute(r)
            }
        }
    }
}

extension SQLiteCaseRecordStore {
    /// A PRAGMA's current value in the catalogue, as text, for checks that the file is set up as intended.
    public func pragma(_ name: String) throws(StorageError) -> String? {
        try readCatalogue("reading PRAGMA \(name)") { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    /// Violations of the declared foreign keys in the current snapshot, as SQLite's own `foreign_key_check`
    /// finds them: the proof that an import, which checks children itself, stored nothing SQLite would refuse.
    public func foreignKeyViolations() throws(StorageError) -> Int {
        try readSnapshot("checking foreign keys", whenEmpty: 0) { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
    }
}
