import Foundation
import OversightCore
import OversightStorage
@testable import OversightStoragePostgres
@testable import OversightStorageSQLite
import Testing

/// A store that can be backed up, with where it is, so a backup can be restored beside it or over it.
private struct BackedUpStore {
    var store: any CaseRecordStore & AccessStore
    var backup: (String) throws -> BackupManifest
    /// Restores a backup into a new, empty location, and opens it.
    var restoreElsewhere: (String, Bool) throws -> any CaseRecordStore & AccessStore
    /// Restores a backup over this store's own location.
    var restoreInPlace: (String, Bool) throws -> Void
    var reopen: () throws -> any CaseRecordStore & AccessStore
    var tamper: (any CaseRecordStore & AccessStore, String) throws -> Void
    var cleanup: () -> Void

    static func make(_ kind: StoreKind, folder: String) throws -> BackedUpStore {
        switch kind {
        case .sqliteFile:
            let path = folder + "/source.sqlite"
            let store = try SQLiteCaseRecordStore(path: path)
            var restored = 0
            return BackedUpStore(
                store: store,
                backup: { out in try store.backup(to: out, createdAt: "2026-11-22T10:00:00Z") },
                restoreElsewhere: { backup, force in
                    restored += 1
                    let target = folder + "/restored-\(restored).sqlite"
                    try SQLiteCaseRecordStore.restore(from: backup, to: target, force: force)
                    return try SQLiteCaseRecordStore(path: target)
                },
                restoreInPlace: { backup, force in try SQLiteCaseRecordStore.restore(from: backup, to: path, force: force) },
                reopen: { try SQLiteCaseRecordStore(path: path) },
                tamper: { store, sql in
                    try (store as! SQLiteCaseRecordStore).writeCatalogue("tampering") { db in try db.execute(sql: sql) }
                },
                cleanup: {})
        case .postgres:
            let url = try PostgresTestServer.url()
            let store = try PostgresCaseRecordStore.temporary(url: url, prefix: "backup_src")
            let parsed = try PostgresURL(parsing: url)
            let restoredStores = RestoredStores()
            return BackedUpStore(
                store: store,
                backup: { out in try store.backup(to: out, createdAt: "2026-11-22T10:00:00Z") },
                restoreElsewhere: { backup, force in
                    let schema = "backup_dst_\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
                    restoredStores.schemas.append(schema)
                    try PostgresCaseRecordStore.restore(from: backup, url: parsed, schema: schema, force: force)
                    return try PostgresCaseRecordStore(url: parsed, schema: schema)
                },
                restoreInPlace: { backup, force in
                    try PostgresCaseRecordStore.restore(from: backup, url: parsed, schema: store.schema, force: force)
                },
                reopen: { try PostgresCaseRecordStore(url: parsed, schema: store.schema) },
                tamper: { store, sql in try (store as! PostgresCaseRecordStore).executeInCatalogue("tampering", sql) },
                cleanup: {
                    store.close()
                    for schema in restoredStores.schemas {
                        guard let restored = try? PostgresCaseRecordStore(url: parsed, schema: schema) else { continue }
                        try? restored.dropSchemas()
                        restored.close()
                    }
                })
        case .memory, .sqliteMemory:
            throw NoAccessData(kind: kind)
        }
    }

    /// The schemas a test restored into, dropped when it ends.
    private final class RestoredStores {
        var schemas: [String] = []
    }
}

/// Everything a store holds that a restore must bring back, read through the store's own protocols.
private struct Held: Equatable {
    var records: Set<CaseRecord>
    var recordCount: Int
    var extracts: [ExtractDescription]
    var users: [UserAccount]
    var passwordHashes: [String?]
    var session: StoredSession?
    var tokenOwner: String?
    var restrictions: [ChildRestriction]
    var audited: Set<String>
    var accessLog: [AccessLogEntry]

    init(_ store: any CaseRecordStore & AccessStore) throws {
        let all = try store.fetchCaseRecords()
        records = Set(all.allRecords)
        recordCount = all.allRecords.count
        extracts = try store.fetchExtracts()
        users = try store.users()
        passwordHashes = try users.map { try store.passwordHash(of: $0.username) }
        session = try store.session(token: "session-1")
        tokenOwner = try store.username(forAPITokenHash: "token-hash-1")
        restrictions = try store.restrictions()
        audited = try store.auditedChildren(of: "qa")
        accessLog = try store.accessLog(subject: nil, username: nil, limit: 1_000)
    }
}

private func fill(_ store: any CaseRecordStore & AccessStore) throws {
    try store.replaceCaseRecords { writer in
        for record in Journey.records { try writer.insert(record) }
        return Journey.extract
    }
    try store.saveUser(UserAccount(username: "dee", displayName: "Dee", role: .director), passwordHash: "hash-dee")
    try store.saveUser(UserAccount(username: "qa", displayName: "Quinn", role: .qualityAuditor, teamID: "T1"), passwordHash: "hash-qa")
    try store.createSession(StoredSession(token: "session-1", username: "dee", csrfToken: "csrf", expiresAt: 1_900_000_000))
    try store.saveAPIToken(hash: "token-hash-1", username: "qa", label: "reports")
    try store.saveRestriction(ChildRestriction(childID: "amara", usernames: ["dee"], reason: "relative"))
    try store.assignAudit(childID: "jordan", to: "qa")
    for (n, subject) in ["amara", "jordan", "amara"].enumerated() {
        try store.appendAccessLog(AccessLogEntry(
            at: "2026-11-22T09:0\(n):00Z", username: "dee", role: .director, action: .viewChild, subject: subject, reason: "test"))
    }
}

@Suite("Backup and restore: the same from SQLite and PostgreSQL")
struct BackupTests {
    static let kinds = StoreKind.tested.filter { $0 == .sqliteFile || $0 == .postgres }

    private func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "oversight-backup-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("A backup restored into a new location holds the same records, users, sessions, restrictions and access log",
          arguments: kinds)
    func roundTrip(kind: StoreKind) throws {
        let work = try folder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let subject = try BackedUpStore.make(kind, folder: work)
        defer { subject.cleanup() }
        try fill(subject.store)
        let before = try Held(subject.store)

        let manifest = try subject.backup(work + "/backup")
        #expect(manifest.store == (kind == .postgres ? .postgres : .sqlite))
        #expect(manifest.migrations == ["001-extracts", "002-access", "003-plans", "004-workforce", "005-audits", "006-lado-notifications", "007-escalations-send", "009-cin-child-details"])
        #expect(manifest.contents == StoreContents(extracts: 1, users: 2, sessions: 1, apiTokens: 1, restrictions: 1, auditAssignments: 1,
                                                   accessLogEntries: 3))
        #expect(manifest.snapshot != nil)
        #expect(try BackupManifest.read(from: work + "/backup") == manifest)
        // The source keeps going after the backup: the restored copy does not see this.
        try subject.store.appendAccessLog(AccessLogEntry(at: "2026-11-22T11:00:00Z", username: "qa", role: .qualityAuditor,
                                                         action: .viewChild, subject: "jordan", reason: "audit"))

        let restored = try subject.restoreElsewhere(work + "/backup", false)
        #expect(try Held(restored) == before)
        #expect(before.recordCount == Journey.records.count)
        // The SSDA903 tables (snapshot migration 008-ssda903-tables) come back with the rest.
        #expect(Journey.ssda903.allSatisfy(before.records.contains))
        #expect(before.accessLog.count == 3)
        #expect(try subject.store.accessLog(subject: nil, username: nil, limit: 10).count == 4, "the source is untouched")

        // The restored log is still append-only, and still grows newest first.
        #expect(throws: (any Error).self) { try subject.tamper(restored, "DELETE FROM access_log") }
        try restored.appendAccessLog(AccessLogEntry(at: "2026-11-22T12:00:00Z", username: "dee", role: .director, action: .viewChild,
                                                    subject: "unborn", reason: "after restore"))
        #expect(try restored.accessLog(subject: nil, username: nil, limit: 1).first?.subject == "unborn")
        // And it takes new imports.
        try restored.replaceCaseRecords { writer in
            try writer.insert(.child(Journey.amara))
            return Journey.extract
        }
        #expect(try restored.fetchEntityCounts()[.child] == 1)
    }

    @Test("Restoring over a database that holds data is refused unless forced, and forced it brings the backup back",
          arguments: kinds)
    func refusesUnlessForced(kind: StoreKind) throws {
        let work = try folder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let subject = try BackedUpStore.make(kind, folder: work)
        defer { subject.cleanup() }
        try fill(subject.store)
        let before = try Held(subject.store)
        _ = try subject.backup(work + "/backup")
        #expect(throws: BackupError.outputExists(work + "/backup")) { try subject.backup(work + "/backup") }

        // Later changes: a second import, a lifted restriction, more log.
        try subject.store.replaceCaseRecords { writer in
            try writer.insert(.child(Journey.jordan))
            return Journey.extract
        }
        try subject.store.removeRestriction(childID: "amara")
        try subject.store.appendAccessLog(AccessLogEntry(at: "2026-11-22T11:00:00Z", username: "qa", role: .qualityAuditor,
                                                         action: .viewChild, subject: "jordan", reason: "audit"))
        let changed = try Held(subject.store)

        let refusal = try #require(throws: BackupError.self) { try subject.restoreInPlace(work + "/backup", false) }
        guard case .targetHoldsData(_, let contents) = refusal else {
            Issue.record("expected targetHoldsData, got \(refusal)")
            return
        }
        #expect(contents.extracts == 2 && contents.accessLogEntries == 4)
        #expect(try Held(subject.reopen()) == changed, "a refused restore changes nothing")

        try subject.restoreInPlace(work + "/backup", true)
        let reopened = try subject.reopen()
        #expect(try Held(reopened) == before)
        #expect(try reopened.fetchEntityCounts()[.child] == 3)
    }

    @Test("A place holding tables Oversight did not create is never restored into, even by force", arguments: kinds)
    func foreignTables(kind: StoreKind) throws {
        let work = try folder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let subject = try BackedUpStore.make(kind, folder: work)
        defer { subject.cleanup() }
        try fill(subject.store)
        _ = try subject.backup(work + "/backup")
        try subject.tamper(subject.store, "CREATE TABLE other_application (id INTEGER)")
        for force in [false, true] {
            let error = try #require(throws: BackupError.self) { try subject.restoreInPlace(work + "/backup", force) }
            guard case .foreignTables(_, let tables) = error else {
                Issue.record("expected foreignTables, got \(error)")
                return
            }
            #expect(tables == ["other_application"])
        }
        #expect(try subject.reopen().users().count == 2, "nothing was replaced")
    }

    @Test("An empty store backs up and restores; a folder that is not a backup is refused", arguments: kinds)
    func emptyAndBad(kind: StoreKind) throws {
        let work = try folder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let subject = try BackedUpStore.make(kind, folder: work)
        defer { subject.cleanup() }
        let manifest = try subject.backup(work + "/empty")
        #expect(manifest.snapshot == nil)
        #expect(manifest.contents.isEmpty)
        let restored = try subject.restoreElsewhere(work + "/empty", false)
        #expect(try restored.fetchEntityCounts().values.allSatisfy { $0 == 0 })
        #expect(try restored.users().isEmpty)

        try FileManager.default.createDirectory(atPath: work + "/nothing", withIntermediateDirectories: true)
        #expect(throws: BackupError.notABackup(work + "/nothing", reason: "it holds no oversight-backup.json")) {
            _ = try subject.restoreElsewhere(work + "/nothing", false)
        }
    }
}
