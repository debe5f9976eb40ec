import OversightCore
import OversightStorage
import PostgresNIO
import Synchronization

/// Case records in PostgreSQL: the store for a deployment with a database server.
///
/// It keeps the SQLite store's design in PostgreSQL's terms. A catalogue schema (`oversight` unless told
/// otherwise) records every import in `extract` and names the snapshot schema that holds the current case
/// records. Each import builds a new snapshot schema (`<catalogue>_s<hex>`) with the same tables as SQLite's
/// snapshot file, loads it, builds the child indexes and foreign keys, and records itself in the catalogue, all in
/// one transaction: a failed import leaves nothing behind and readers keep the previous data until the commit.
/// The superseded snapshot schema is then dropped.
///
/// Readers find the current snapshot and read it inside one `REPEATABLE READ` transaction, so every read sees a
/// single import; rows are streamed through a cursor a few thousand at a time.
///
/// ```swift
/// let store = try PostgresCaseRecordStore(url: "postgres://oversight:secret@db.internal:5432/oversight")
/// defer { store.close() }
/// let counts = try store.fetchEntityCounts()
/// ```
public final class PostgresCaseRecordStore: CaseRecordStore {
    /// Where the database is (without its password when printed).
    public var url: PostgresURL { pool.url }
    /// The catalogue schema; snapshot schemas are named after it.
    public let schema: String
    let pool: ConnectionPool
    /// Set for stores made by `temporary(url:)`, whose schemas are dropped on `close()`.
    private let isTemporary: Bool
    private let closed = Atomic(false)

    /// The catalogue migrations this store applied when it opened, oldest first: empty when the schema was already
    /// up to date, every migration when it was new.
    public var migrationsAppliedOnOpening: [String] { appliedOnOpening.withLock { $0 } }
    private let appliedOnOpening = Mutex<[String]>([])

    /// Rows fetched per round trip when streaming a table.
    static let fetchSize = 2_000

    /// Connects to the database at `url` and brings the catalogue schema up to date.
    ///
    /// - Parameters:
    ///   - url: `postgres://user:password@host:port/database`.
    ///   - schema: the catalogue schema: lower-case letters, digits and `_`, at most 40 characters, so that
    ///     snapshot schema names stay within PostgreSQL's 63.
    /// - Throws: `StorageError.cannotOpen` for a bad URL, a bad schema name or an unreachable server, or
    ///   `StorageError.migrationFailed`.
    public convenience init(url: String, schema: String = "oversight") throws(StorageError) {
        let parsed: PostgresURL
        do {
            parsed = try PostgresURL(parsing: url)
        } catch {
            throw .cannotOpen(path: Self.redacted(url), reason: error.description)
        }
        try self.init(url: parsed, schema: schema)
    }

    /// Connects to the database at `url` and brings the catalogue schema up to date.
    /// - Throws: `StorageError.cannotOpen` or `StorageError.migrationFailed`.
    public convenience init(url: PostgresURL, schema: String = "oversight") throws(StorageError) {
        try self.init(url: url, schema: schema, isTemporary: false)
    }

    /// A store in a catalogue schema of its own with a unique name, dropped with its snapshots by `close()`:
    /// for tests that want real SQL without sharing tables, so that they can run in parallel.
    /// - Throws: as `init(url:schema:)`.
    public static func temporary(url: String, prefix: String = "oversight_tmp") throws(StorageError) -> PostgresCaseRecordStore {
        let parsed: PostgresURL
        do {
            parsed = try PostgresURL(parsing: url)
        } catch {
            throw .cannotOpen(path: Self.redacted(url), reason: error.description)
        }
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return try PostgresCaseRecordStore(url: parsed, schema: "\(prefix)_\(suffix)", isTemporary: true)
    }

    private init(url: PostgresURL, schema: String, isTemporary: Bool) throws(StorageError) {
        guard Self.isValidSchemaName(schema) else {
            throw .cannotOpen(
                path: url.description,
                reason: "'\(schema)' is not a usable schema name (lower-case letters, digits and _, starting with a letter or _, at most 40 characters)")
        }
        self.schema = schema
        self.isTemporary = isTemporary
        pool = ConnectionPool(url: url)
        do {
            let applied = try migrateCatalogue()
            appliedOnOpening.withLock { $0 = applied }
        } catch {
            pool.close()
            throw error
        }
    }

    deinit { close() }

    /// Closes the store's connections; a temporary store first drops its schemas. Safe to call more than once.
    public func close() {
        guard closed.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else { return }
        if isTemporary { try? dropSchemas() }
        pool.close()
    }

    /// The names of the migrations applied to the catalogue, oldest first.
    /// - Throws: `StorageError.database`.
    public func appliedMigrations() throws(StorageError) -> [String] {
        try database("reading migrations") { connection in
            try connection.run("SELECT name FROM \(catalogue("schema_migrations")) ORDER BY applied_at, name", logger: pool.logger)
                .map { try $0.decode(String.self) }
        }
    }

    /// The migrations applied to the current snapshot schema, oldest first; empty before the first import.
    public func appliedSnapshotMigrations() throws(StorageError) -> [String] {
        try readSnapshot("reading the snapshot's migrations", whenEmpty: []) { connection, snapshot in
            try connection.run("SELECT name FROM \(quoted(snapshot)).schema_migrations ORDER BY name", logger: pool.logger)
                .map { try $0.decode(String.self) }
        }
    }

    /// The snapshot schemas that exist for this store: after an import, exactly one.
    /// - Throws: `StorageError.database`.
    public func snapshotSchemas() throws(StorageError) -> [String] {
        // Exactly the names imports give (`<schema>_s<hex>`), and never a catalogue: another store whose own name
        // starts with this one's (`oversight_staging` beside `oversight`) is not this store's to list or drop.
        try database("listing snapshot schemas") { connection in
            try connection.run(
                """
                SELECT n.nspname FROM pg_namespace n
                WHERE n.nspname ~ $1
                    AND NOT EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = n.nspname AND t.tablename = 'extract')
                ORDER BY n.nspname
                """,
                Self.binds("^\(schema)_s[0-9a-f]+$"), logger: pool.logger
            ).map { try $0.decode(String.self) }
        }
    }

    // MARK: Writing

    public func replaceCaseRecords(_ write: (any CaseRecordWriter) throws -> ExtractDescription) throws {
        let snapshot = "\(schema)_s\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let logger = pool.logger
        let superseded: [String]
        do {
            superseded = try pool.withConnection { connection in
                try transaction(connection) { try buildSnapshot(snapshot, on: connection, write) }
            }
        } catch let error as PSQLError {
            throw StorageError.database(operation: "writing the case records", reason: ConnectionPool.describe(error))
        }
        // Only snapshots the catalogue once named are dropped: one another import is still building is not in
        // the catalogue yet. A reader still on an old snapshot finishes first (DROP waits for its lock); one
        // that looked up the old name just before the switch retries on the new snapshot.
        for old in superseded where old != snapshot {
            // Best effort, as SQLite removes old snapshot files: the import has landed either way, and the
            // next import drops whatever this one could not.
            _ = try? pool.withConnection { connection in
                try connection.run("DROP SCHEMA IF EXISTS \(quoted(old)) CASCADE", logger: logger)
            }
        }
    }

    /// Creates the snapshot schema, loads it through `write`, adds the indexes and foreign keys, and records the
    /// import in the catalogue, inside the caller's transaction; returns the snapshots the catalogue named before.
    private func buildSnapshot(
        _ snapshot: String, on connection: PostgresConnection, _ write: (any CaseRecordWriter) throws -> ExtractDescription
    ) throws -> [String] {
        let logger = pool.logger
        try connection.run("CREATE SCHEMA \(quoted(snapshot))", logger: logger)
        try connection.run("SET LOCAL search_path TO \(quoted(snapshot))", logger: logger)
        try apply(Migrations.snapshot, on: connection)
        let writer = Writer(connection: connection, snapshot: snapshot, logger: logger)
        let extract = try write(writer)
        try writer.finish()
        // Built once after loading: maintaining them row by row costs more.
        for statement in Migrations.afterLoading { try connection.run(statement, logger: logger) }
        let previous = try connection.run(
            """
            SELECT DISTINCT e.snapshot FROM \(catalogue("extract")) e
            WHERE EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = e.snapshot)
            """, logger: logger
        ).map { try $0.decode(String.self) }
        var binds = PostgresBindings()
        binds.append(extract.kind)
        binds.append(extract.source)
        binds.append(extract.fingerprint)
        binds.append(extract.importedAt)
        binds.append(extract.rowsRead)
        binds.append(extract.rowsRejected)
        binds.append(snapshot)
        try connection.run(
            """
            INSERT INTO \(catalogue("extract")) (kind, source, fingerprint, imported_at, rows_read, rows_rejected, snapshot)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, binds, logger: logger)
        return previous
    }

    // MARK: Reading

    public func fetchEntityCounts() throws(StorageError) -> EntityCounts {
        try readSnapshot("counting records", whenEmpty: Dictionary(uniqueKeysWithValues: Entity.allCases.map { ($0, 0) })) {
            connection, snapshot in
            let sql = Entity.allCases.map { entity in
                "SELECT \(entity.ordinal)::bigint, count(*) FROM \(quoted(snapshot)).\(Self.type(of: entity).table)"
            }.joined(separator: " UNION ALL ")
            var counts = EntityCounts()
            for row in try connection.run(sql, logger: pool.logger) {
                let (ordinal, count) = try row.decode((Int, Int).self)
                counts[Entity.allCases[ordinal]] = count
            }
            return counts
        }
    }

    public func fetchExtracts() throws(StorageError) -> [ExtractDescription] {
        try database("reading extracts") { connection in
            try connection.run(
                """
                SELECT kind, source, fingerprint, imported_at, rows_read, rows_rejected FROM \(catalogue("extract")) ORDER BY id
                """, logger: pool.logger
            ).map { row in
                let (kind, source, fingerprint, importedAt, rowsRead, rowsRejected) = try row.decode((String, String, String, String, Int, Int).self)
                return ExtractDescription(kind: kind, source: source, fingerprint: fingerprint, importedAt: importedAt,
                                          rowsRead: rowsRead, rowsRejected: rowsRejected)
            }
        }
    }

    public func fetchCaseRecords() throws(StorageError) -> CaseRecords {
        try readSnapshot("reading case records", whenEmpty: CaseRecords()) { connection, snapshot in
            var records = CaseRecords()
            for entity in Entity.allCases {
                let type = Self.type(of: entity)
                try stream(
                    connection, "SELECT \(type.columnList) FROM \(quoted(snapshot)).\(type.table) ORDER BY \(Self.orderBy(type))"
                ) { row throws(StorageError) in records.append(try Self.record(entity, row)) }
            }
            return records
        }
    }

    public func forEachRecord(of entity: Entity, _ body: (CaseRecord) -> Void) throws(StorageError) {
        try readSnapshot("reading \(entity.title.lowercased())", whenEmpty: ()) { connection, snapshot in
            let type = Self.type(of: entity)
            try stream(connection, "SELECT \(type.columnList) FROM \(quoted(snapshot)).\(type.table)") { row throws(StorageError) in
                body(try Self.record(entity, row))
            }
        }
    }

    public func fetchChildRecords(_ childID: Identifier<Child>) throws(StorageError) -> CaseRecords? {
        try readSnapshot("reading a child's records", whenEmpty: nil) { connection, snapshot in
            let logger = pool.logger
            let id = Self.binds(childID.rawValue)
            let prefix = quoted(snapshot)
            guard let childRow = try connection.run("SELECT \(Child.columnList) FROM \(prefix).child WHERE id = $1", id, logger: logger).first
            else { return nil }
            var records = CaseRecords()
            records.append(.child(try Child(row: childRow)))
            for entity in Entity.allCases where entity != .child && entity != .team && entity != .worker {
                let type = Self.type(of: entity)
                let rows = try connection.run(
                    "SELECT \(type.columnList) FROM \(prefix).\(type.table) WHERE child_id = $1 ORDER BY \(Self.orderBy(type))", id,
                    logger: logger)
                for row in rows { records.append(try Self.record(entity, row)) }
            }
            // The workers and teams who held the child, so a chronology can name them.
            for row in try connection.run(
                """
                SELECT \(Worker.columnList) FROM \(prefix).worker
                WHERE id IN (SELECT worker_id FROM \(prefix).involvement WHERE child_id = $1) ORDER BY id COLLATE "C"
                """, id, logger: logger)
            {
                records.append(.worker(try Worker(row: row)))
            }
            for row in try connection.run(
                """
                SELECT \(Team.columnList) FROM \(prefix).team
                WHERE id IN (SELECT team_id FROM \(prefix).involvement WHERE child_id = $1) ORDER BY id COLLATE "C"
                """, id, logger: logger)
            {
                records.append(.team(try Team(row: row)))
            }
            return records
        }
    }

    // MARK: Plumbing

    /// Brings the catalogue schema up to date, one transaction, holding an advisory lock so that two stores
    /// opening the same schema at once do not both create it.
    /// - Returns: the names of the migrations applied.
    private func migrateCatalogue() throws(StorageError) -> [String] {
        let logger = pool.logger
        do {
            return try pool.withConnection { connection in
                try transaction(connection) {
                    try connection.run("SELECT pg_advisory_xact_lock(hashtext($1))", Self.binds("oversight catalogue " + schema), logger: logger)
                    try connection.run("CREATE SCHEMA IF NOT EXISTS \(quoted(schema))", logger: logger)
                    try connection.run("SET LOCAL search_path TO \(quoted(schema))", logger: logger)
                    let applied = try apply(Migrations.catalogue, on: connection)
                    // A snapshot loaded by an earlier version gains the tables added since, empty, so reads find every table.
                    let current = try connection.run(
                        """
                        SELECT e.snapshot FROM extract e WHERE EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = e.snapshot)
                        ORDER BY e.id DESC LIMIT 1
                        """, logger: logger)
                    if let snapshot = try current.first?.decode(String.self) {
                        try connection.run("SET LOCAL search_path TO \(quoted(snapshot))", logger: logger)
                        try apply(Migrations.snapshot, on: connection)
                    }
                    return applied
                }
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw .migrationFailed(Migrations.catalogue.last?.name ?? "catalogue", reason: ConnectionPool.describe(error))
        }
    }

    /// Applies the migrations not yet recorded in `schema_migrations` of the schema first on `search_path`,
    /// recording each; the caller holds the transaction.
    /// - Returns: the names of the migrations applied.
    @discardableResult
    private func apply(_ migrations: [Migrations.Migration], on connection: PostgresConnection) throws -> [String] {
        let logger = pool.logger
        try connection.run(Migrations.migrationsTable, logger: logger)
        let applied = Set(try connection.run("SELECT name FROM schema_migrations", logger: logger).map { try $0.decode(String.self) })
        var names: [String] = []
        for migration in migrations where !applied.contains(migration.name) {
            do {
                for statement in migration.statements { try connection.run(statement, logger: logger) }
                try connection.run("INSERT INTO schema_migrations (name) VALUES ($1)", Self.binds(migration.name), logger: logger)
            } catch {
                throw StorageError.migrationFailed(migration.name, reason: ConnectionPool.describe(error))
            }
            names.append(migration.name)
        }
        return names
    }

    /// Drops the catalogue schema and every snapshot schema named after it: everything this store keeps.
    ///
    /// For tests and for taking a deployment's data out of a shared database; the store cannot be used
    /// afterwards until it is opened again.
    /// - Throws: `StorageError.database`.
    public func dropSchemas() throws(StorageError) {
        let snapshots = try snapshotSchemas()
        try database("dropping the store's schemas") { connection in
            for name in snapshots + [schema] { try connection.run("DROP SCHEMA IF EXISTS \(quoted(name)) CASCADE", logger: pool.logger) }
        }
    }

    /// Runs `body` between BEGIN and COMMIT, rolling back and rethrowing if it throws.
    func transaction<T>(_ connection: PostgresConnection, begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        try connection.run(begin, logger: pool.logger)
        let result: T
        do {
            result = try body()
        } catch {
            _ = try? connection.run("ROLLBACK", logger: pool.logger)
            throw error
        }
        try connection.run("COMMIT", logger: pool.logger)
        return result
    }

    /// Runs `body` with a connection, turning database failures into `StorageError.database`.
    func database<T>(_ operation: String, _ body: (PostgresConnection) throws -> T) throws(StorageError) -> T {
        do {
            return try pool.withConnection(body)
        } catch {
            throw Self.storageError(error, operation: operation)
        }
    }

    /// Reads the current snapshot inside one read-only `REPEATABLE READ` transaction; `whenEmpty` when nothing
    /// has been imported yet.
    ///
    /// If an import drops the snapshot between finding its name and reading it, the read starts again on the
    /// new one. Nothing has been handed to the caller by then: reads of several tables return only at the end,
    /// and a read of one table holds its lock, which makes the drop wait, from its first statement.
    private func readSnapshot<T>(
        _ operation: String, whenEmpty: T, _ body: (PostgresConnection, String) throws -> T
    ) throws(StorageError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try pool.withConnection { connection in
                    try transaction(connection, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") {
                        let current = try connection.run(
                            "SELECT snapshot FROM \(catalogue("extract")) ORDER BY id DESC LIMIT 1", logger: pool.logger
                        ).first.map { try $0.decode(String.self) }
                        guard let current else { return whenEmpty }
                        return try body(connection, current)
                    }
                }
            } catch {
                // 42P01 undefined table and 3F000 undefined schema: dropped by a newer import. 40P01 deadlock: this
                // read and that drop each held a table the other wanted, and PostgreSQL chose this read to stop.
                if attempt == 1, let state = ConnectionPool.sqlState(error), ["42P01", "3F000", "40P01"].contains(state) { continue }
                throw Self.storageError(error, operation: operation)
            }
        }
    }

    /// Hands the rows of `sql` to `body` through a cursor, `fetchSize` at a time, inside the caller's transaction.
    private func stream(_ connection: PostgresConnection, _ sql: String, _ body: (PostgresRow) throws(StorageError) -> Void) throws {
        try connection.run("DECLARE oversight_rows NO SCROLL CURSOR FOR \(sql)", logger: pool.logger)
        while true {
            let rows = try connection.run("FETCH FORWARD \(Self.fetchSize) FROM oversight_rows", logger: pool.logger)
            for row in rows { try body(row) }
            if rows.count < Self.fetchSize { break }
        }
        try connection.run("CLOSE oversight_rows", logger: pool.logger)
    }

    func catalogue(_ table: String) -> String { "\(quoted(schema)).\(table)" }

    /// SQLite's order (the first two columns, byte-wise), so both stores return records in the same order. A table
    /// keyed by child is ordered by the child alone: its second column may be a date, which has no collation.
    static func orderBy(_ type: any StoredEntity.Type) -> String {
        type.columns.prefix(type.keyColumn == "child_id" ? 1 : 2).map { "\(quoted($0)) COLLATE \"C\"" }.joined(separator: ", ")
    }

    static func binds(_ values: String...) -> PostgresBindings {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { binds.append(value) }
        return binds
    }

    static func storageError(_ error: any Error, operation: String) -> StorageError {
        if let error = error as? StorageError { return error }
        return .database(operation: operation, reason: ConnectionPool.describe(error))
    }

    static func isValidSchemaName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 40 else { return false }
        func allowed(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_")
        }
        return allowed(first) && name.utf8.allSatisfy { allowed($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// A URL text for messages, with anything between `:` and `@` in the user information blanked.
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text[schemeEnd.upperBound...].lastIndex(of: "@"),
            let colon = text[schemeEnd.upperBound..<at].firstIndex(of: ":")
        else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    static func type(of entity: Entity) -> any StoredEntity.Type { entity.persistedType }

    static func record(_ entity: Entity, _ row: PostgresRow) throws(StorageError) -> CaseRecord {
        try CaseRecord(entity, reading: RowReader(row, entity, keyColumn: entity.persistedType.keyColumn))
    }
}
