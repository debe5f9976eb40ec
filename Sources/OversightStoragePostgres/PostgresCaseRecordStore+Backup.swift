import Foundation
import OversightStorage
import PostgresNIO

/// Backups of a PostgreSQL store with PostgreSQL's own programs: a folder holding a `pg_dump` archive of the
/// catalogue schema and the current snapshot schema.
///
/// ```
/// BACKUP/oversight-backup.json   what the backup holds (BackupManifest), with the schema names backed up
/// BACKUP/oversight.dump          pg_dump --format=custom of the two schemas: tables, data, indexes, constraints,
///                                and the access log's append-only trigger
/// ```
///
/// The archive is one moment's state: the store opens a `REPEATABLE READ` transaction, exports its snapshot, finds the
/// current snapshot schema, locks the tables to be dumped (so an import cannot drop them meanwhile) and runs `pg_dump
/// --snapshot` inside that moment. A server or an import can keep running.
///
/// `pg_dump`, `pg_restore` and `psql` must be on `PATH`, of the server's major version or later.
extension PostgresCaseRecordStore {
    static let backupArchive = "oversight.dump"

    /// What the catalogue holds besides case records: imports, users, sessions and so on, counted.
    /// - Throws: `StorageError.database`.
    public func contents() throws(StorageError) -> StoreContents {
        try database("counting what the database holds") { connection in try contents(connection) }
    }

    private func contents(_ connection: PostgresConnection) throws -> StoreContents {
        let tables = StoreContents.tables
        let sql = "SELECT " + tables.map { "(SELECT count(*) FROM \(catalogue($0.table)))" }.joined(separator: ", ")
        guard let row = try connection.run(sql, logger: pool.logger).first else { return StoreContents() }
        var contents = StoreContents()
        for (cell, table) in zip(row, tables) { contents[keyPath: table.path] = try cell.decode(Int.self) }
        return contents
    }

    /// Dumps the catalogue schema and the current snapshot schema into a new folder with `pg_dump`.
    ///
    /// - Parameters:
    ///   - folder: a folder that does not exist yet, or an empty one.
    ///   - createdAt: the time to record in the manifest (ISO 8601).
    /// - Returns: the manifest written into the folder.
    /// - Throws: `BackupError.toolMissing` when `pg_dump` is not on `PATH` (before anything is written),
    ///   `.toolFailed`, `.outputExists`, `.file` or `.storage`; the folder is removed again if the backup fails.
    public func backup(to folder: String, createdAt: String) throws(BackupError) -> BackupManifest {
        let programs = ClientPrograms(url: url)
        _ = try programs.locate("pg_dump")
        try BackupManifest.createFolder(folder)
        do {
            return try writeBackup(to: folder, createdAt: createdAt, programs: programs)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    private func writeBackup(to folder: String, createdAt: String, programs: ClientPrograms) throws(BackupError) -> BackupManifest {
        let logger = pool.logger
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try pool.withConnection { connection in
                    try transaction(connection, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") {
                        let exported = try connection.run("SELECT pg_export_snapshot()", logger: logger)[0].decode(String.self)
                        let current = try connection.run(
                            "SELECT snapshot FROM \(catalogue("extract")) ORDER BY id DESC LIMIT 1", logger: logger
                        ).first.map { try $0.decode(String.self) }
                        let schemas = [schema] + (current.map { [$0] } ?? [])
                        // Held until pg_dump has its own locks: an import that lands meanwhile cannot drop what is dumped.
                        var binds = PostgresBindings()
                        binds.append(schemas)
                        let tables = try connection.run(
                            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = ANY($1)", binds, logger: logger
                        ).map { try $0.decode(String.self) }
                        try connection.run("LOCK TABLE \(tables.joined(separator: ", ")) IN ACCESS SHARE MODE", logger: logger)
                        let contents = try contents(connection)
                        let migrations = try connection.run(
                            "SELECT name FROM \(catalogue("schema_migrations")) ORDER BY applied_at, name", logger: logger
                        ).map { try $0.decode(String.self) }
                        try programs.run(
                            "pg_dump",
                            ["--snapshot=\(exported)", "--format=custom", "--no-owner", "--no-privileges", "--strict-names"]
                                + schemas.map { "--schema=\($0)" }
                                + ["--file=\(folder)/\(Self.backupArchive)", "--dbname=\(programs.connectionString)", "--no-password"])
                        let manifest = BackupManifest(
                            store: .postgres, createdAt: createdAt, migrations: migrations, schema: schema, snapshot: current,
                            contents: contents)
                        try manifest.write(to: folder)
                        return manifest
                    }
                }
            } catch let error as BackupError {
                throw error
            } catch {
                // The snapshot found was dropped by a newer import before it could be locked: find the new one.
                if attempt < 3, let state = ConnectionPool.sqlState(error), ["42P01", "3F000", "40P01"].contains(state) { continue }
                throw .storage(Self.storageError(error, operation: "backing up \(url) (schema \(schema))"))
            }
        }
    }

    /// Restores a backup made by `backup(to:createdAt:)` into the catalogue schema `schema` of the database at `url`.
    ///
    /// `pg_restore` turns the archive into SQL, and `psql` runs it in one transaction together with the steps
    /// around it: the target's schemas are dropped first (they are empty, or `force` was given), and when the
    /// target schema's name is not the one backed up, the restored schemas are renamed to the target's names and the
    /// catalogue's snapshot names follow. If another store in the database uses the backup's schema names, its schemas
    /// are set aside within the same transaction and put back before it commits. Nothing changes if any step fails.
    /// Migrations newer than the backup are then applied.
    ///
    /// - Parameters:
    ///   - folder: the backup.
    ///   - url: the database to restore into.
    ///   - schema: the catalogue schema to restore as.
    ///   - force: replace a store that already holds data (imports, users or access-log entries); without it, such
    ///     a store is refused and left untouched.
    /// - Returns: the backup's manifest.
    /// - Throws: `BackupError.notABackup`, `.wrongStore`, `.toolMissing`, `.toolFailed`, `.targetHoldsData`,
    ///   `.file` or `.storage`.
    @discardableResult
    public static func restore(from folder: String, url: PostgresURL, schema: String, force: Bool) throws(BackupError) -> BackupManifest {
        let manifest = try BackupManifest.read(from: folder)
        guard manifest.store == .postgres else { throw .wrongStore(folder, holds: manifest.store, target: .postgres) }
        guard let source = manifest.schema, isValidSchemaName(source) else {
            throw .notABackup(folder, reason: "its manifest names no usable catalogue schema")
        }
        if let snapshot = manifest.snapshot, !snapshot.hasPrefix(source + "_s") || !isValidSchemaName(String(snapshot.dropFirst(source.count))) {
            throw .notABackup(folder, reason: "its manifest names a snapshot schema '\(snapshot)' that is not one of '\(source)'")
        }
        let archive = folder + "/" + backupArchive
        guard FileManager.default.fileExists(atPath: archive) else { throw .notABackup(folder, reason: "\(archive) is missing") }
        let programs = ClientPrograms(url: url)
        _ = try programs.locate("pg_restore")
        _ = try programs.locate("psql")

        try refuseForeignTables(url: url, schema: schema)
        let target: PostgresCaseRecordStore
        do { target = try PostgresCaseRecordStore(url: url, schema: schema) } catch { throw .storage(error) }
        let plan: RestorePlan
        do {
            defer { target.close() }
            let existing = try target.contents()
            guard force || existing.isEmpty else { throw BackupError.targetHoldsData("\(url) (schema \(schema))", contents: existing) }
            plan = RestorePlan(
                source: source, snapshot: manifest.snapshot, target: schema, targetSchemas: [schema] + (try target.snapshotSchemas()),
                taken: source == schema ? [] : try target.existingSchemas([source] + (manifest.snapshot.map { [$0] } ?? [])))
        } catch let error as BackupError {
            throw error
        } catch {
            throw .storage(storageError(error, operation: "looking at \(url) (schema \(schema))"))
        }

        let work = NSTemporaryDirectory() + "oversight-restore-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: work) }
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            try plan.before.write(toFile: work + "/before.sql", atomically: true, encoding: .utf8)
            try plan.after.write(toFile: work + "/after.sql", atomically: true, encoding: .utf8)
        } catch {
            throw .file(work, reason: error.localizedDescription)
        }
        try programs.run("pg_restore", ["--no-owner", "--no-privileges", "--file=\(work)/restore.sql", archive])
        try programs.run(
            "psql",
            ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", "--dbname=\(programs.connectionString)", "--no-password",
             "--file=\(work)/before.sql", "--file=\(work)/restore.sql", "--file=\(work)/after.sql"])
        // A backup from an earlier version gains the migrations added since.
        do { try PostgresCaseRecordStore(url: url, schema: schema).close() } catch { throw .storage(error) }
        return manifest
    }

    /// Refuses a target schema holding tables Oversight did not create (`?schema=public`, say), looking without
    /// changing anything: the restore drops the schema it restores into.
    private static func refuseForeignTables(url: PostgresURL, schema: String) throws(BackupError) {
        guard isValidSchemaName(schema) else { return }  // opening the store refuses it, with the reason
        let pool = ConnectionPool(url: url)
        defer { pool.close() }
        var binds = PostgresBindings()
        binds.append(schema)
        binds.append(Array(StoreContents.catalogueTables))
        let foreign: [String]
        do {
            foreign = try pool.withConnection { connection in
                try connection.run(
                    """
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname <> ALL($2)
                    ORDER BY c.relname
                    """, binds, logger: pool.logger
                ).map { try $0.decode(String.self) }
            }
        } catch {
            throw .storage(storageError(error, operation: "looking at \(url) (schema \(schema))"))
        }
        guard foreign.isEmpty else { throw .foreignTables("\(url) (schema \(schema))", tables: foreign) }
    }

    /// Which of `names` are schemas in this database.
    private func existingSchemas(_ names: [String]) throws -> [String] {
        var binds = PostgresBindings()
        binds.append(names)
        return try pool.withConnection { connection in
            try connection.run("SELECT nspname FROM pg_namespace WHERE nspname = ANY($1) ORDER BY nspname", binds, logger: pool.logger)
                .map { try $0.decode(String.self) }
        }
    }
}

/// The SQL run around a restored archive, in the same transaction.
private struct RestorePlan {
    /// The catalogue schema backed up, and its snapshot schema.
    var source: String
    var snapshot: String?
    /// The catalogue schema restored into, and the schemas it has now (dropped first).
    var target: String
    var targetSchemas: [String]
    /// Schemas of another store with the backup's names: set aside while the archive is restored.
    var taken: [String]

    private let asidePrefix = "oversight_restore_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)

    private func aside(_ index: Int) -> String { "\(asidePrefix)_\(index)" }

    private func renamed(_ name: String) -> String { target + name.dropFirst(source.count) }

    var before: String {
        var lines = targetSchemas.map { "DROP SCHEMA IF EXISTS \(quoted($0)) CASCADE;" }
        lines += taken.enumerated().map { "ALTER SCHEMA \(quoted($0.element)) RENAME TO \(quoted(aside($0.offset)));" }
        return lines.joined(separator: "\n") + "\n"
    }

    var after: String {
        var lines: [String] = []
        if source != target {
            lines.append("ALTER SCHEMA \(quoted(source)) RENAME TO \(quoted(target));")
            if let snapshot { lines.append("ALTER SCHEMA \(quoted(snapshot)) RENAME TO \(quoted(renamed(snapshot)));") }
            // Every import the catalogue records names its snapshot after the catalogue schema.
            lines.append(
                "UPDATE \(quoted(target)).extract SET snapshot = '\(target)' || substr(snapshot, \(source.count + 1)) "
                    + "WHERE starts_with(snapshot, '\(source)_s');")
        }
        lines += taken.enumerated().map { "ALTER SCHEMA \(quoted(aside($0.offset))) RENAME TO \(quoted($0.element));" }
        return lines.joined(separator: "\n") + "\n"
    }
}
