import ArgumentParser
import Foundation
import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite
import OversightWeb

/// Where an Oversight database is: the one place that reads `--db` and decides which store to open.
///
/// `--db` takes a SQLite file path (`./oversight.sqlite`), the same with a prefix (`sqlite:./oversight.sqlite`),
/// or a PostgreSQL URL (`postgres://user:password@host:port/database`). A PostgreSQL URL may end in
/// `?schema=NAME` to choose the catalogue schema (`oversight` unless given), so that several stores can share one
/// database; when it names no password, `PGPASSWORD` from the environment is used, as PostgreSQL's own tools do.
enum StoreLocation: CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: PostgresURL, schema: String)

    static let defaultSchema = "oversight"

    /// Reads a `--db` value.
    /// - Throws: `ValidationError` naming the part of a PostgreSQL URL that is wrong.
    init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ValidationError) {
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else {
            self = .sqlite(path: text.hasPrefix("sqlite:") ? String(text.dropFirst(7)) : text)
            return
        }
        // `schema=NAME` is Oversight's own parameter: taken out here, the rest is the database's address.
        var address = Substring(text)
        var schema = Self.defaultSchema
        if let mark = text.firstIndex(of: "?") {
            address = text[..<mark]
            var kept: [Substring] = []
            for parameter in text[text.index(after: mark)...].split(separator: "&") {
                if parameter.hasPrefix("schema=") {
                    schema = String(parameter.dropFirst(7))
                } else {
                    kept.append(parameter)
                }
            }
            if !kept.isEmpty { address += "?" + kept.joined(separator: "&") }
        }
        var url: PostgresURL
        do {
            url = try PostgresURL(parsing: String(address))
        } catch {
            throw ValidationError("--db: \(error.description)")
        }
        if url.password == nil { url.password = environment["PGPASSWORD"] }
        self = .postgres(url: url, schema: schema)
    }

    /// Opens the store, creating a SQLite file or a PostgreSQL catalogue schema if there is none yet, and brings its
    /// schema up to date.
    /// - Throws: `StorageError.cannotOpen` (a PostgreSQL server that cannot be reached is named by host and port) or
    ///   `StorageError.migrationFailed`.
    func open() throws(StorageError) -> any OversightStore {
        switch self {
        case .sqlite(let path): try SQLiteCaseRecordStore(path: path)
        case .postgres(let url, let schema): try PostgresCaseRecordStore(url: url, schema: schema)
        }
    }

    /// Whether there is a database to read: a SQLite file must exist; a PostgreSQL database is not looked for
    /// before connecting (connecting says whether it is there).
    var isPresent: Bool {
        switch self {
        case .sqlite(let path): FileManager.default.fileExists(atPath: path)
        case .postgres: true
        }
    }

    /// The database for messages: the SQLite path, or the URL without its password (and the schema, when not the default).
    var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url, let schema): schema == Self.defaultSchema ? url.description : "\(url)?schema=\(schema)"
        }
    }

    /// Where an import writes its rejects report unless told: beside a SQLite file, or in the current folder,
    /// named after the PostgreSQL database and schema.
    var defaultRejectsPath: String {
        switch self {
        case .sqlite(let path): path + ".rejects.csv"
        case .postgres(let url, let schema): "\(url.database)-\(schema).rejects.csv"
        }
    }
}

/// `--db` for commands that read an existing database: one declaration, one check, one message.
struct ExistingDatabase: ParsableArguments {
    @Option(help: "The database: a SQLite file path, sqlite:PATH, or postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME].")
    var db: String

    /// Where the database is; `validate()` has already read `db`.
    var location: StoreLocation { (try? StoreLocation(parsing: db)) ?? .sqlite(path: db) }

    func validate() throws {
        let location = try StoreLocation(parsing: db)
        if case .sqlite(let path) = location, !location.isPresent {
            throw ValidationError("\(db) does not exist; import an extract first with 'oversight import ssd DIR --db \(path)', or run 'oversight demo'")
        }
    }

    /// Opens the store, printing the reason and failing if it cannot.
    func open() throws -> any OversightStore {
        do { return try location.open() } catch { throw failure(error) }
    }

    /// The database as messages name it: what was typed for a SQLite file, the URL without its password otherwise.
    var shownName: String {
        if case .sqlite = location { return db }
        return location.description
    }
}

/// `--db` for commands that may create the database: a SQLite file that does not exist yet is made.
struct TargetDatabase: ParsableArguments {
    @Option(help: "The database: a SQLite file path (created if missing), sqlite:PATH, or postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME].")
    var db: String

    /// Where the database is; `validate()` has already read `db`.
    var location: StoreLocation { (try? StoreLocation(parsing: db)) ?? .sqlite(path: db) }

    func validate() throws { _ = try StoreLocation(parsing: db) }
}

extension StoreLocation {
    /// Opens the store, which applies any migration it lacks.
    /// - Returns: the migrations applied now, and every migration applied, oldest first.
    /// - Throws: `StorageError`.
    func migrate() throws(StorageError) -> (applied: [String], all: [String]) {
        switch self {
        case .sqlite(let path):
            let store = try SQLiteCaseRecordStore(path: path)
            return (store.migrationsAppliedOnOpening, try store.appliedMigrations())
        case .postgres(let url, let schema):
            let store = try PostgresCaseRecordStore(url: url, schema: schema)
            defer { store.close() }
            return (store.migrationsAppliedOnOpening, try store.appliedMigrations())
        }
    }

    /// Backs the store up into a new folder: see `SQLiteCaseRecordStore.backup(to:createdAt:)` and
    /// `PostgresCaseRecordStore.backup(to:createdAt:)`.
    /// - Throws: `BackupError`.
    func backup(to folder: String, createdAt: String) throws(BackupError) -> BackupManifest {
        switch self {
        case .sqlite(let path):
            let store: SQLiteCaseRecordStore
            do { store = try SQLiteCaseRecordStore(path: path) } catch { throw .storage(error) }
            return try store.backup(to: folder, createdAt: createdAt)
        case .postgres(let url, let schema):
            let store: PostgresCaseRecordStore
            do { store = try PostgresCaseRecordStore(url: url, schema: schema) } catch { throw .storage(error) }
            defer { store.close() }
            return try store.backup(to: folder, createdAt: createdAt)
        }
    }

    /// Restores a backup into this location: see `SQLiteCaseRecordStore.restore(from:to:force:)` and
    /// `PostgresCaseRecordStore.restore(from:url:schema:force:)`.
    /// - Throws: `BackupError`.
    func restore(from folder: String, force: Bool) throws(BackupError) -> BackupManifest {
        switch self {
        case .sqlite(let path): try SQLiteCaseRecordStore.restore(from: folder, to: path, force: force)
        case .postgres(let url, let schema): try PostgresCaseRecordStore.restore(from: folder, url: url, schema: schema, force: force)
        }
    }
}
