import OversightCore

/// What a stored extract was: enough to tell one import from another and to show where figures came from.
public struct ExtractDescription: Sendable, Hashable, Codable {
    /// The kind of source: `ssd`, later `cin` or `903`.
    public var kind: String
    /// The folder or file that was read.
    public var source: String
    /// A content hash of the input, so re-importing the same extract is recognisable.
    public var fingerprint: String
    /// When the import ran, as the caller's clock gave it (ISO 8601).
    public var importedAt: String
    public var rowsRead: Int
    public var rowsRejected: Int

    public init(kind: String, source: String, fingerprint: String, importedAt: String, rowsRead: Int = 0, rowsRejected: Int = 0) {
        self.kind = kind
        self.source = source
        self.fingerprint = fingerprint
        self.importedAt = importedAt
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
    }
}

/// Receives the records of one import inside the store's transaction.
public protocol CaseRecordWriter: AnyObject {
    /// Stores one record.
    /// - Throws: `StorageError.duplicateKey` when a record with the same key was already written in
    ///   this import (the caller decides whether that row is skipped or the import fails), or
    ///   `StorageError.unknownChild` when the child has not been written.
    func insert(_ record: CaseRecord) throws(StorageError)
}

/// Counts of stored records per entity.
public typealias EntityCounts = [Entity: Int]

/// The case records of one authority: children's journeys and the workforce that holds them.
///
/// Writes are whole: an import replaces every case record in one transaction, so a failed import
/// changes nothing and a repeated import leaves the same data (the SSD is a full rebuild each run).
public protocol CaseRecordStore: Sendable {
    /// Replaces every case record with those `write` inserts, atomically.
    ///
    /// If `write` throws, nothing is changed and the error is rethrown.
    /// - Parameter write: inserts the new records through the writer it is given, and returns the
    ///   description of the extract, stored with the data when the transaction commits.
    func replaceCaseRecords(_ write: (any CaseRecordWriter) throws -> ExtractDescription) throws

    /// Record counts per entity; entities with no records are present with 0.
    func fetchEntityCounts() throws(StorageError) -> EntityCounts

    /// Every import that has landed, oldest first.
    func fetchExtracts() throws(StorageError) -> [ExtractDescription]

    /// Every case record.
    func fetchCaseRecords() throws(StorageError) -> CaseRecords

    /// Every record about one child; `nil` when there is no such child.
    func fetchChildRecords(_ childID: Identifier<Child>) throws(StorageError) -> CaseRecords?

    /// Hands every record of one entity to `body`, one at a time, from a single consistent snapshot.
    ///
    /// Computations over a whole authority use this rather than `fetchCaseRecords()`, so that an
    /// England-sized extract never has to exist as one array of records.
    func forEachRecord(of entity: Entity, _ body: (CaseRecord) -> Void) throws(StorageError)
}

/// Why the store could not do what was asked.
public enum StorageError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case migrationFailed(String, reason: String)
    case duplicateKey(Entity, key: String)
    case unknownChild(Entity, key: String, childID: String)
    case corruptValue(Entity, key: String, column: String, value: String)
    /// The database reported a failure; `operation` says what Oversight was doing.
    case database(operation: String, reason: String)
    /// An improvement plan with this ID is already stored.
    case planExists(String)
    /// No improvement plan has this ID.
    case unknownPlan(String)
    /// The plan has no action with this ref.
    case unknownAction(plan: String, ref: String)
    /// An update's timestamp does not begin with a date, so it could never be read back as of one.
    case undatedUpdate(ref: String, at: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open database \(path): \(reason)"
        case .migrationFailed(let name, let reason): "database migration \(name) failed: \(reason)"
        case .duplicateKey(let entity, let key): "\(entity.title): ID '\(key)' appears more than once"
        case .unknownChild(let entity, let key, let childID):
            "\(entity.title): record '\(key)' refers to child '\(childID)', who is not in the person table"
        case .corruptValue(let entity, let key, let column, let value):
            "\(entity.title): record '\(key)' has an unreadable \(column) '\(value)' in the database"
        case .database(let operation, let reason): "database error while \(operation): \(reason)"
        case .planExists(let id): "an improvement plan with ID '\(id)' is already stored; import with another --id"
        case .unknownPlan(let id): "no improvement plan has ID '\(id)'"
        case .unknownAction(let plan, let ref): "plan '\(plan)' has no action '\(ref)'"
        case .undatedUpdate(let ref, let at): "the update to \(ref) is timed '\(at)', which does not begin with a date (YYYY-MM-DD)"
        }
    }
}
