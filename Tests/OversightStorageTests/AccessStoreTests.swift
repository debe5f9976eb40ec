import Foundation
import GRDB
import OversightCore
import OversightStorage
@testable import OversightStorageSQLite
import Testing

@Suite("Access store (SQLite)")
struct AccessStoreTests {
    @Test("Users, sessions, tokens, restrictions and audits round-trip")
    func roundTrip() throws {
        let store = try SQLiteCaseRecordStore(inMemoryNamed: "access")
        let user = UserAccount(username: "m", displayName: "Mo", role: .teamManager, workerID: nil, teamID: "T1")
        try store.saveUser(user, passwordHash: "hash1")
        #expect(try store.user(named: "m") == user)
        #expect(try store.passwordHash(of: "m") == "hash1")
        var changed = user
        changed.role = .director
        try store.saveUser(changed, passwordHash: "hash2")
        #expect(try store.users() == [changed])
        #expect(try store.passwordHash(of: "m") == "hash2")

        try store.createSession(StoredSession(token: "t", username: "m", csrfToken: "c", expiresAt: 100))
        try store.extendSession(token: "t", until: 200)
        #expect(try store.session(token: "t")?.expiresAt == 200)
        try store.deleteSession(token: "t")
        #expect(try store.session(token: "t") == nil)

        try store.saveAPIToken(hash: "h", username: "m", label: "test")
        #expect(try store.username(forAPITokenHash: "h") == "m")
        #expect(try store.username(forAPITokenHash: "x") == nil)

        let restriction = ChildRestriction(childID: "c1", usernames: ["a", "b"], teamIDs: ["T2"], reason: "relative")
        try store.saveRestriction(restriction)
        #expect(try store.restrictions() == [restriction])
        try store.removeRestriction(childID: "c1")
        #expect(try store.restrictions().isEmpty)

        try store.assignAudit(childID: "c1", to: "a")
        try store.assignAudit(childID: "c1", to: "a")
        #expect(try store.auditedChildren(of: "a") == ["c1"])
    }

    @Test("The access log is append-only: the database refuses updates and deletions")
    func appendOnly() throws {
        let store = try SQLiteCaseRecordStore(inMemoryNamed: "access-log")
        for subject in ["c1", "c2", "c1"] {
            try store.appendAccessLog(AccessLogEntry(
                at: "2025-01-01T00:00:00Z", username: "d", role: .director, action: .viewChild, subject: subject, reason: "test"))
        }
        #expect(try store.accessLog(subject: "c1", username: nil, limit: 10).count == 2)
        #expect(try store.accessLog(subject: nil, username: "d", limit: 1).first?.subject == "c1")
        #expect(throws: StorageError.self) { try store.writeCatalogue("tampering") { db in try db.execute(sql: "DELETE FROM access_log") } }
        #expect(throws: StorageError.self) {
            try store.writeCatalogue("tampering") { db in try db.execute(sql: "UPDATE access_log SET username = 'x'") }
        }
        #expect(try store.accessLog(subject: nil, username: "d", limit: 10).count == 3)
    }
}
