import Foundation
import GRDB
import GRDBSQLite
import OversightCore
import OversightStorage

/// Case records in one SQLite file: the embedded default store.
///
/// The file is in WAL mode, so pages can read while an import writes, with foreign keys enforced.
/// An import is one immediate transaction: on any error SQLite rolls it back and the file is as it was.
public final class SQLiteCaseRecordStore: CaseRecordStore {
    let database: any DatabaseWriter
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// - Throws: `StorageError.cannotOpen` or `StorageError.migrationFailed`.
    public init(path: String) throws(StorageError) {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A large page cache pays for itself when an import rebuilds indexes over millions of rows.
            try db.execute(sql: "PRAGMA cache_size = -262144")
        }
        do {
            database = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        try migrate()
    }

    /// A store in memory, gone when released: for tests that need real SQL without a file.
    public init(inMemoryNamed name: String = "oversight") throws(StorageError) {
        self.path = ":memory:"
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        do {
            database = try DatabaseQueue(named: name, configuration: configuration)
        } catch {
            throw .cannotOpen(path: ":memory:", reason: Self.reason(error))
        }
        try migrate()
    }

    private func migrate() throws(StorageError) {
        do {
            try Migrations.migrator.migrate(database)
        } catch {
            throw .migrationFailed("001-case-records", reason: Self.reason(error))
        }
    }

    /// The names of the migrations applied to this file, oldest first.
    public func appliedMigrations() throws(StorageError) -> [String] {
        try read("reading migrations") { db in try Migrations.migrator.appliedMigrations(db) }
    }

    public func replaceCaseRecords(_ write: (any CaseRecordWriter) throws -> ExtractDescription) throws {
        do {
            try database.writeWithoutTransaction { db in
                // For the length of a bulk replace the writer checks each record's child itself, against the
                // children it has written: SQLite's per-row check is a b-tree seek, half the cost of an insert
                // at England's volume. The constraints stay declared, and enforced for every other write;
                // the pragma cannot change inside a transaction, so it is set around it.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                try db.inTransaction(.immediate) {
                    for entity in Entity.allCases.reversed() {
                        try db.execute(sql: "DELETE FROM \(Self.type(of: entity).table)")
                    }
                    for (table, column) in Migrations.childIndexes {
                        try db.execute(sql: "DROP INDEX IF EXISTS \(table)_\(column)")
                    }
                    let extract = try write(Writer(db))
                    for (table, column) in Migrations.childIndexes {
                        try db.execute(sql: "CREATE INDEX \(table)_\(column) ON \(table)(\(column))")
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO extract (kind, source, fingerprint, imported_at, rows_read, rows_rejected)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [extract.kind, extract.source, extract.fingerprint, extract.importedAt,
                                    extract.rowsRead, extract.rowsRejected])
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw StorageError.database(operation: "replacing case records", reason: Self.reason(error))
        }
    }

    /// Violations of the declared foreign keys, as SQLite's own `foreign_key_check` finds them: the proof
    /// that a bulk replace, which checks children itself, stored nothing SQLite would have refused.
    public func foreignKeyViolations() throws(StorageError) -> Int {
        try read("checking foreign keys") { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
    }

    public func fetchEntityCounts() throws(StorageError) -> EntityCounts {
        try read("counting records") { db in
            var counts = EntityCounts()
            for entity in Entity.allCases {
                counts[entity] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(Self.type(of: entity).table)") ?? 0
            }
            return counts
        }
    }

    public func fetchExtracts() throws(StorageError) -> [ExtractDescription] {
        try read("reading extracts") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM extract ORDER BY id").map { row in
                ExtractDescription(kind: row["kind"], source: row["source"], fingerprint: row["fingerprint"],
                                   importedAt: row["imported_at"], rowsRead: row["rows_read"], rowsRejected: row["rows_rejected"])
            }
        }
    }

    public func fetchCaseRecords() throws(StorageError) -> CaseRecords {
        try read("reading case records") { db in
            var records = CaseRecords()
            for entity in Entity.allCases {
                let type = Self.type(of: entity)
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(type.table) ORDER BY \(type.columns[0]), \(type.columns[1])")
                while let row = try cursor.next() { records.append(try Self.record(entity, row)) }
            }
            return records
        }
    }

    public func fetchChildRecords(_ childID: Identifier<Child>) throws(StorageError) -> CaseRecords? {
        try read("reading a child's records") { db in
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

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try database.read(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw .database(operation: operation, reason: Self.reason(error))
        }
    }

    static func type(of entity: Entity) -> any StoredEntity.Type {
        switch entity {
        case .child: Child.self
        case .team: Team.self
        case .worker: Worker.self
        case .contact: Contact.self
        case .earlyHelpEpisode: EarlyHelpEpisode.self
        case .childInNeedEpisode: ChildInNeedEpisode.self
        case .assessment: Assessment.self
        case .childInNeedPlan: ChildInNeedPlan.self
        case .statutoryVisit: StatutoryVisit.self
        case .section47Enquiry: Section47Enquiry.self
        case .initialChildProtectionConference: InitialChildProtectionConference.self
        case .childProtectionPlan: ChildProtectionPlan.self
        case .childProtectionReview: ChildProtectionReview.self
        case .legalStatusSpell: LegalStatusSpell.self
        case .lookedAfterEpisode: LookedAfterEpisode.self
        case .placement: Placement.self
        case .lookedAfterReview: LookedAfterReview.self
        case .missingEpisode: MissingEpisode.self
        case .careLeaver: CareLeaver.self
        case .involvement: Involvement.self
        }
    }

    static func record(_ entity: Entity, _ row: Row) throws(StorageError) -> CaseRecord {
        switch entity {
        case .child: .child(try Child(row: row))
        case .team: .team(try Team(row: row))
        case .worker: .worker(try Worker(row: row))
        case .contact: .contact(try Contact(row: row))
        case .earlyHelpEpisode: .earlyHelpEpisode(try EarlyHelpEpisode(row: row))
        case .childInNeedEpisode: .childInNeedEpisode(try ChildInNeedEpisode(row: row))
        case .assessment: .assessment(try Assessment(row: row))
        case .childInNeedPlan: .childInNeedPlan(try ChildInNeedPlan(row: row))
        case .statutoryVisit: .statutoryVisit(try StatutoryVisit(row: row))
        case .section47Enquiry: .section47Enquiry(try Section47Enquiry(row: row))
        case .initialChildProtectionConference: .initialChildProtectionConference(try InitialChildProtectionConference(row: row))
        case .childProtectionPlan: .childProtectionPlan(try ChildProtectionPlan(row: row))
        case .childProtectionReview: .childProtectionReview(try ChildProtectionReview(row: row))
        case .legalStatusSpell: .legalStatusSpell(try LegalStatusSpell(row: row))
        case .lookedAfterEpisode: .lookedAfterEpisode(try LookedAfterEpisode(row: row))
        case .placement: .placement(try Placement(row: row))
        case .lookedAfterReview: .lookedAfterReview(try LookedAfterReview(row: row))
        case .missingEpisode: .missingEpisode(try MissingEpisode(row: row))
        case .careLeaver: .careLeaver(try CareLeaver(row: row))
        case .involvement: .involvement(try Involvement(row: row))
        }
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
            }
        }
    }
}

extension SQLiteCaseRecordStore {
    /// A PRAGMA's current value as text, for checks that the file is set up as intended.
    public func pragma(_ name: String) throws(StorageError) -> String? {
        try read("reading PRAGMA \(name)") { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }
}
