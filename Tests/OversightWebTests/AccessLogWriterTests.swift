import Foundation
import OversightCore
import OversightStorage
import OversightStorageSQLite
@testable import OversightWeb
import Testing

@Suite("Access log group commit")
struct AccessLogWriterTests {
    @Test("Concurrent views each return only once their entry is stored, and every entry is stored once")
    func concurrentAppends() async throws {
        let store = try SQLiteCaseRecordStore(inMemoryNamed: "log-writer")
        let writer = AccessLogWriter(store: store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<300 {
                group.addTask {
                    let entry = AccessLogEntry(
                        at: "2025-01-01T00:00:00Z", username: "u\(index % 7)", role: .director, action: .viewChild, subject: "child-\(index)",
                        reason: "test")
                    try await writer.append(entry)
                    // Durable before the view is shown: the caller can read its own entry back.
                    #expect(try store.accessLog(subject: "child-\(index)", username: nil, limit: 5).count == 1)
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.accessLog(subject: nil, username: nil, limit: 1000).count == 300)
    }

    @Test("When the log cannot be written, every waiting view fails rather than being shown unlogged")
    func failuresReachEveryCaller() async throws {
        let writer = AccessLogWriter(store: RefusingStore())
        await #expect(throws: StorageError.self) {
            try await writer.append(AccessLogEntry(at: "t", username: "u", role: .director, action: .viewChild, subject: "c", reason: "r"))
        }
    }
}

/// An access store whose log is unwritable (a full disk, a lost connection).
private struct RefusingStore: AccessStore {
    func saveUser(_ user: UserAccount, passwordHash: String) throws(StorageError) {}
    func user(named username: String) throws(StorageError) -> UserAccount? { nil }
    func passwordHash(of username: String) throws(StorageError) -> String? { nil }
    func users() throws(StorageError) -> [UserAccount] { [] }
    func createSession(_ session: StoredSession) throws(StorageError) {}
    func session(token: String) throws(StorageError) -> StoredSession? { nil }
    func extendSession(token: String, until expiresAt: Int64) throws(StorageError) {}
    func deleteSession(token: String) throws(StorageError) {}
    func saveAPIToken(hash: String, username: String, label: String) throws(StorageError) {}
    func username(forAPITokenHash hash: String) throws(StorageError) -> String? { nil }
    func saveRestriction(_ restriction: ChildRestriction) throws(StorageError) {}
    func removeRestriction(childID: String) throws(StorageError) {}
    func restrictions() throws(StorageError) -> [ChildRestriction] { [] }
    func assignAudit(childID: String, to username: String) throws(StorageError) {}
    func auditedChildren(of username: String) throws(StorageError) -> Set<String> { [] }
    func appendAccessLog(_ entry: AccessLogEntry) throws(StorageError) {
        throw .database(operation: "writing the access log", reason: "disk full")
    }
    func accessLog(subject: String?, username: String?, limit: Int) throws(StorageError) -> [AccessLogEntry] { [] }
}
