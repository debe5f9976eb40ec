import OversightCore
import Synchronization

/// A case-record store held in memory: for tests, and the reference the database stores must match.
public final class InMemoryCaseRecordStore: CaseRecordStore {
    private struct State {
        var records = CaseRecords()
        var extracts: [ExtractDescription] = []
    }
    private let state = Mutex(State())

    public init() {}

    public func replaceCaseRecords(_ write: (any CaseRecordWriter) throws -> ExtractDescription) throws {
        let writer = Writer()
        let finished = try write(writer)
        state.withLock {
            $0.records = writer.records
            $0.extracts.append(finished)
        }
    }

    public func fetchEntityCounts() throws(StorageError) -> EntityCounts {
        let records = state.withLock { $0.records }
        return EntityCounts(uniqueKeysWithValues: Entity.allCases.map { ($0, records.count(of: $0)) })
    }

    public func fetchExtracts() throws(StorageError) -> [ExtractDescription] { state.withLock { $0.extracts } }

    public func fetchCaseRecords() throws(StorageError) -> CaseRecords { state.withLock { $0.records } }

    public func fetchChildRecords(_ childID: Identifier<Child>) throws(StorageError) -> CaseRecords? {
        let records = state.withLock { $0.records }
        guard records.children.contains(where: { $0.id == childID }) else { return nil }
        return records.filtered(to: childID)
    }

    public func forEachRecord(of entity: Entity, _ body: (CaseRecord) -> Void) throws(StorageError) {
        let records = state.withLock { $0.records }
        records.forEach(of: entity, body)
    }

    private final class Writer: CaseRecordWriter {
        var records = CaseRecords()
        var keys: Set<String> = []
        var children: Set<Identifier<Child>> = []

        func insert(_ record: CaseRecord) throws(StorageError) {
            let entity = record.entity
            guard keys.insert("\(entity.rawValue)\u{1F}\(record.key)").inserted else {
                throw .duplicateKey(entity, key: record.key)
            }
            if case .child(let child) = record {
                children.insert(child.id)
            } else if let childID = record.childID, !children.contains(childID) {
                keys.remove("\(entity.rawValue)\u{1F}\(record.key)")
                throw .unknownChild(entity, key: record.key, childID: childID.rawValue)
            }
            records.append(record)
        }
    }
}
