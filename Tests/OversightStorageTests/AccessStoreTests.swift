import Foundation
import GRDB
import OversightCore
import OversightStorage
@testable import OversightStoragePostgres
@testable import OversightStorageSQLite
import Testing

/// A store holding access data, with a way round it to the database for checks of what the database itself refuses.
struct AccessStoreUnderTest {
    var store: any CaseRecordStore & AccessStore
    /// Runs SQL straight against the tables the store keeps its access data in.
    var execute: (String) throws -> Void
    var cleanup: () -> Void
}

extension StoreKind {
    /// The stores that keep access data: every one but the in-memory case-record store.
    static var accessTested: [StoreKind] { tested.filter { $0 != .memory } }

    func makeAccessStore() throws -> AccessStoreUnderTest {
        let (store, cleanup) = try make()
        switch store {
        case let sqlite as SQLiteCaseRecordStore:
            return AccessStoreUnderTest(
                store: sqlite, execute: { sql in try sqlite.writeCatalogue("tampering") { db in try db.execute(sql: sql) } }, cleanup: cleanup)
        case let postgres as PostgresCaseRecordStore:
            return AccessStoreUnderTest(store: postgres, execute: { sql in try postgres.executeInCatalogue("tampering", sql) }, cleanup: cleanup)
        default:
            cleanup()
            throw NoAccessData(kind: self)
        }
    }
}

struct NoAccessData: Error, CustomStringConvertible {
    var kind: StoreKind
    var description: String { "the \(kind.rawValue) store keeps no access data" }
}

private func entry(_ subject: String, by username: String = "d", at: String = "2025-01-01T00:00:00Z", count: Int = 1) -> AccessLogEntry {
    AccessLogEntry(at: at, username: username, role: .director, action: .viewChild, subject: subject, reason: "test", childCount: count)
}

@Suite("Access store contract: the same behaviour from SQLite and PostgreSQL")
struct AccessStoreTests {
    @Test("Users, sessions, tokens, restrictions and audits round-trip", arguments: StoreKind.accessTested)
    func roundTrip(kind: StoreKind) throws {
        let tested = try kind.makeAccessStore()
        defer { tested.cleanup() }
        let store = tested.store
        let user = UserAccount(username: "m", displayName: "Mo", role: .teamManager, workerID: nil, teamID: "T1")
        try store.saveUser(user, passwordHash: "hash1")
        #expect(try store.user(named: "m") == user)
        #expect(try store.user(named: "nobody") == nil)
        #expect(try store.passwordHash(of: "m") == "hash1")
        var changed = user
        changed.role = .director
        changed.workerID = "W1"
        try store.saveUser(changed, passwordHash: "hash2")
        #expect(try store.users() == [changed])
        #expect(try store.passwordHash(of: "m") == "hash2")

        try store.createSession(StoredSession(token: "t", username: "m", csrfToken: "c", expiresAt: 100))
        try store.extendSession(token: "t", until: 200)
        #expect(try store.session(token: "t") == StoredSession(token: "t", username: "m", csrfToken: "c", expiresAt: 200))
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
        try store.assignAudit(childID: "c2", to: "a")
        #expect(try store.auditedChildren(of: "a") == ["c1", "c2"])
        #expect(try store.auditedChildren(of: "b").isEmpty)
    }

    @Test("Users are listed byte-wise by username; a disabled user has no password hash to sign in with",
          arguments: StoreKind.accessTested)
    func usersAndDisabled(kind: StoreKind) throws {
        let tested = try kind.makeAccessStore()
        defer { tested.cleanup() }
        let store = tested.store
        for name in ["bob", "Zed", "amy"] {
            try store.saveUser(UserAccount(username: name, displayName: name.uppercased(), role: .socialWorker), passwordHash: "h-\(name)")
        }
        #expect(try store.users().map(\.username) == ["Zed", "amy", "bob"])
        let disabled = UserAccount(username: "bob", displayName: "Bob", role: .socialWorker, workerID: "W9", teamID: "T9", isActive: false)
        try store.saveUser(disabled, passwordHash: "h-bob")
        #expect(try store.user(named: "bob") == disabled)
        #expect(try store.passwordHash(of: "bob") == nil)
        #expect(try store.passwordHash(of: "amy") == "h-amy")
    }

    @Test("A new session sweeps sessions expired more than 30 days before its own expiry; sessions need a user",
          arguments: StoreKind.accessTested)
    func sessionSweep(kind: StoreKind) throws {
        let tested = try kind.makeAccessStore()
        defer { tested.cleanup() }
        let store = tested.store
        let month: Int64 = 86_400 * 30
        try store.saveUser(UserAccount(username: "m", displayName: "Mo", role: .director), passwordHash: "h")
        try store.createSession(StoredSession(token: "old", username: "m", csrfToken: "c1", expiresAt: 100))
        try store.createSession(StoredSession(token: "later", username: "m", csrfToken: "c2", expiresAt: 99 + month))
        #expect(try store.session(token: "old") != nil)
        try store.createSession(StoredSession(token: "new", username: "m", csrfToken: "c3", expiresAt: 100 + month))
        #expect(try store.session(token: "old") == nil)
        #expect(try store.session(token: "later") != nil)
        #expect(try store.session(token: "new") != nil)
        #expect(throws: StorageError.self) {
            try store.createSession(StoredSession(token: "ghost", username: "nobody", csrfToken: "c", expiresAt: 100 + month))
        }
        #expect(throws: StorageError.self) { try store.saveAPIToken(hash: "h1", username: "nobody", label: "x") }
    }

    @Test("Saving a restriction again replaces it", arguments: StoreKind.accessTested)
    func restrictionUpsert(kind: StoreKind) throws {
        let tested = try kind.makeAccessStore()
        defer { tested.cleanup() }
        let store = tested.store
        try store.saveRestriction(ChildRestriction(childID: "c2", usernames: ["a"], reason: "first"))
        try store.saveRestriction(ChildRestriction(childID: "c1", teamIDs: ["T1", "T2"], reason: "other"))
        let replacement = ChildRestriction(childID: "c2", usernames: [], teamIDs: ["T3"], reason: "second")
        try store.saveRestriction(replacement)
        #expect(try store.restrictions() == [ChildRestriction(childID: "c1", teamIDs: ["T1", "T2"], reason: "other"), replacement])
        try store.removeRestriction(childID: "not-restricted")
        #expect(try store.restrictions().count == 2)
    }

    @Test("The access log reads newest first, filtered by child, user or both, up to the limit", arguments: StoreKind.accessTested)
    func accessLogQueries(kind: StoreKind) throws {
        let tested = try kind.makeAccessStore()
        defer { tested.cleanup() }
        let store = tested.store
        #expect(try store.accessLog(subject: nil, username: nil, limit: 10).isEmpty)
        let written = [
            entry("c1", by: "d", at: "2025-01-01T09:00:00Z"), entry("c2", by: "e", at: "2025-01-01T10:00:00Z", count: 3),
            entry("c1", by: "e", at: "2025-01-01T11:00:00Z"), entry("c1", by: "d", at: "2025-01-01T12:00:00Z"),
        ]
        for entry in written { try store.appendAccessLog(entry) }
        #expect(try store.accessLog(subject: nil, username: nil, limit: 10) == written.reversed())
        #expect(try store.accessLog(subject: nil, username: nil, limit: 2) == [written[3], written[2]])
        #expect(try store.accessLog(subject: "c1", username: nil, limit: 10) == [written[3], written[2], written[0]])
        #expect(try store.accessLog(subject: nil, username: "e", limit: 10) == [written[2], written[1]])
        #expect(try store.accessLog(subject: "c1", username: "d", limit: 1) == [written[3]])
        #expect(try store.accessLog(subject: "c9", username: nil, limit: 10).isEmpty)
        #expect(try store.accessLog(subject: nil, username: nil, limit: 0).isEmpty)
        // SQLite reads a negative limit as none.
        #expect(try store.accessLog(subject: nil, username: nil, limit: -1).count == 4)
    }

    @Test("A batch of entries (the web app's group commit) is stored in order, as single appends would be", arguments: StoreKind.accessTested)
    func batchAppend(kind: StoreKind) throws {
        let tested = try kind.makeAccessStore()
        defer { tested.cleanup() }
        let batch = [entry("c1", at: "2025-01-01T09:00:00Z"), entry("c2", by: "e", at: "2025-01-01T09:00:01Z", count: 4), entry("c3")]
        try tested.store.appendAccessLog(batch)
        try tested.store.appendAccessLog([])
        #expect(try tested.store.accessLog(subject: nil, username: nil, limit: 10) == batch.reversed())
    }

    @Test("The access log is append-only: the database refuses updates and deletions", arguments: StoreKind.accessTested)
    func appendOnly(kind: StoreKind) throws {
        let tested = try kind.makeAccessStore()
        defer { tested.cleanup() }
        let store = tested.store
        for subject in ["c1", "c2", "c1"] { try store.appendAccessLog(entry(subject)) }
        #expect(try store.accessLog(subject: "c1", username: nil, limit: 10).count == 2)
        #expect(try store.accessLog(subject: nil, username: "d", limit: 1).first?.subject == "c1")
        for tampering in ["DELETE FROM access_log", "UPDATE access_log SET username = 'x'", "DELETE FROM access_log WHERE subject = 'c2'"] {
            let error = try #require(throws: StorageError.self, "\(tampering)") { try tested.execute(tampering) }
            #expect(error.description.contains("append-only"), "\(error)")
        }
        if kind == .postgres {
            let error = try #require(throws: StorageError.self) { try tested.execute("TRUNCATE access_log") }
            #expect(error.description.contains("append-only"), "\(error)")
        }
        #expect(try store.accessLog(subject: nil, username: "d", limit: 10).map(\.subject) == ["c1", "c2", "c1"])
    }
}
