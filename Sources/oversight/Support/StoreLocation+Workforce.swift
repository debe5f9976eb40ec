import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite

extension StoreLocation {
    /// Opens the store with its workforce register (both stores keep one; see `WorkforceStore`).
    /// - Throws: `StorageError.cannotOpen` or `StorageError.migrationFailed`.
    func openWorkforce() throws(StorageError) -> any CaseRecordStore & WorkforceStore {
        switch self {
        case .sqlite(let path): try SQLiteCaseRecordStore(path: path)
        case .postgres(let url, let schema): try PostgresCaseRecordStore(url: url, schema: schema)
        }
    }
}

extension ExistingDatabase {
    /// Opens the store with its workforce register, printing the reason and failing if it cannot.
    func openWorkforce() throws -> any CaseRecordStore & WorkforceStore {
        do { return try location.openWorkforce() } catch { throw failure(error) }
    }
}

