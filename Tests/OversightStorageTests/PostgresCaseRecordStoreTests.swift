import Foundation
import OversightCore
import OversightStorage
@testable import OversightStoragePostgres
import Testing

@Suite("PostgreSQL URL")
struct PostgresURLTests {
    struct Good: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: PostgresURL
        var testDescription: String { text }
    }

    static let good: [Good] = [
        Good(text: "postgres://oversight:secret@db.internal:5433/oversight",
             expected: PostgresURL(username: "oversight", password: "secret", host: "db.internal", port: 5433, database: "oversight")),
        Good(text: "postgresql://reader@127.0.0.1/reports",
             expected: PostgresURL(username: "reader", password: nil, host: "127.0.0.1", port: 5432, database: "reports")),
        Good(text: "postgres://a%40b:p%3Aw@[::1]:6000/my%20db?sslmode=disable",
             expected: PostgresURL(username: "a@b", password: "p:w", host: "::1", port: 6000, database: "my db")),
        Good(text: "postgres://u:p@ss@host:1/db",
             expected: PostgresURL(username: "u", password: "p@ss", host: "host", port: 1, database: "db")),
    ]

    @Test("A URL names user, password, host, port and database", arguments: good)
    func parses(_ row: Good) throws {
        #expect(try PostgresURL(parsing: row.text) == row.expected)
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        var text: String
        var error: PostgresURL.ParseError
        var testDescription: String { text }
    }

    static let bad: [Bad] = [
        Bad(text: "mysql://u:p@h/db", error: .scheme("mysql")),
        Bad(text: "u:p@h/db", error: .scheme("")),
        Bad(text: "postgres://h:5432/db", error: .missingUser),
        Bad(text: "postgres://:p@h/db", error: .missingUser),
        Bad(text: "postgres://u:p@/db", error: .missingHost),
        Bad(text: "postgres://u:p@[::1/db", error: .missingHost),
        Bad(text: "postgres://u:p@h:port/db", error: .port("port")),
        Bad(text: "postgres://u:p@h:70000/db", error: .port("70000")),
        Bad(text: "postgres://u:p@h:/db", error: .port("")),
        Bad(text: "postgres://u:p@h:5432", error: .missingDatabase),
        Bad(text: "postgres://u:p@h:5432/", error: .missingDatabase),
        Bad(text: "postgres://u:p@h:5432/a/b", error: .missingDatabase),
        Bad(text: "postgres://u:p%zz@h/db", error: .badEscape("p%zz")),
        Bad(text: "postgres://u:p@h/db?sslmode=require", error: .unsupportedParameter("sslmode=require")),
    ]

    @Test("A URL that is wrong is refused, naming the part that is wrong", arguments: bad)
    func refuses(_ row: Bad) {
        #expect(throws: row.error) { try PostgresURL(parsing: row.text) }
    }

    @Test("A URL printed in a message has no password")
    func redacted() throws {
        let url = try PostgresURL(parsing: "postgres://oversight:secret@db:5433/oversight")
        #expect(url.description == "postgres://oversight@db:5433/oversight")
        #expect(throws: StorageError.cannotOpen(path: "postgres://oversight:***@db:x/oversight", reason: PostgresURL.ParseError.port("x").description)) {
            try PostgresCaseRecordStore(url: "postgres://oversight:secret@db:x/oversight")
        }
    }

    @Test("A server that refuses the connection is a cannotOpen error naming its host and port")
    func connectionRefused() throws {
        // Port 1 on the loopback address: nothing listens there, so the connection is refused at once.
        let error = try #require(throws: StorageError.self) {
            try PostgresCaseRecordStore(url: "postgres://oversight:secret@127.0.0.1:1/oversight")
        }
        guard case .cannotOpen(let path, let reason) = error else {
            Issue.record("expected cannotOpen, got \(error)")
            return
        }
        #expect(path == "postgres://oversight@127.0.0.1:1/oversight")
        #expect(reason.contains("connection refused"))
        #expect(reason.contains("127.0.0.1 port 1"))
        #expect(!error.description.contains("secret"))
    }

    @Test("A schema name PostgreSQL would need quoting for is refused")
    func badSchema() {
        #expect(throws: StorageError.self) {
            try PostgresCaseRecordStore(url: "postgres://u:p@127.0.0.1:1/db", schema: "Robert'); DROP TABLE")
        }
    }
}

/// Behaviour of the PostgreSQL store beyond the contract: migrations, snapshots, batching, concurrent readers.
@Suite("PostgreSQL store", .enabled(if: !PostgresTestServer.isSkipped, "OVERSIGHT_SKIP_POSTGRES=1"))
struct PostgresCaseRecordStoreTests {
    private func store() throws -> PostgresCaseRecordStore {
        try PostgresCaseRecordStore.temporary(url: try PostgresTestServer.url())
    }

    private func importJourney(into store: some CaseRecordStore) throws {
        try store.replaceCaseRecords { writer in
            for record in Journey.records { try writer.insert(record) }
            return Journey.extract
        }
    }

    @Test("Migrations are recorded with SQLite's names, and reopening runs none twice")
    func migrations() throws {
        let first = try store()
        defer { first.close() }
        #expect(try first.appliedMigrations() == ["001-extracts", "002-access", "003-plans", "004-workforce", "005-audits", "006-lado-notifications", "007-escalations-send", "009-cin-child-details"])
        let reopened = try PostgresCaseRecordStore(url: try PostgresTestServer.url(), schema: first.schema)
        defer { reopened.close() }
        #expect(try reopened.appliedMigrations() == ["001-extracts", "002-access", "003-plans", "004-workforce", "005-audits", "006-lado-notifications", "007-escalations-send", "009-cin-child-details"])
        // The case records live in a snapshot schema of their own, with SQLite's snapshot migrations.
        #expect(try reopened.appliedSnapshotMigrations() == [])
        try importJourney(into: reopened)
        #expect(try reopened.appliedSnapshotMigrations() == ["001-case-records", "008-ssda903-tables", "009-cin-child-details"])
    }

    @Test("A catalogue from before the access tables, and a snapshot from before 008-ssda903-tables, gain them when opened, keeping the imports")
    func upgradeAddsAccess() throws {
        let old = try store()
        defer { old.close() }
        try importJourney(into: old)
        // Back to the catalogue, and the snapshot it names, as 001-extracts and 001-case-records left them.
        let snapshot = try #require(try old.snapshotSchemas().first)
        for (table, column) in [
            ("child", "former_upn"), ("child", "disabilities"), ("assessment", "internal_review_date"),
            ("section47_enquiry", "conference_target_date"), ("cp_plan", "number_of_previous_plans"), ("cin_episode", "pre_proceedings"),
        ] {
            try old.executeInCatalogue("downgrading", "ALTER TABLE \(snapshot).\(table) DROP COLUMN \(column)")
        }
        try old.executeInCatalogue("downgrading", "DELETE FROM \(snapshot).schema_migrations WHERE name = '009-cin-child-details'")
        try old.executeInCatalogue("downgrading", "DELETE FROM schema_migrations WHERE name = '009-cin-child-details'")
        for table in ["workforce_establishment", "workforce_spell", "workforce_import"] {
            try old.executeInCatalogue("downgrading", "DROP TABLE \(table)")
        }
        try old.executeInCatalogue("downgrading", "DELETE FROM schema_migrations WHERE name = '004-workforce'")
        for table in [
            "spot_check_done", "spot_check", "saved_filter", "learning_theme", "case_action_event", "case_action", "audit_moderation",
            "audit_record", "audit", "audit_sample",
        ] {
            try old.executeInCatalogue("downgrading", "DROP TABLE \(table)")
        }
        try old.executeInCatalogue("downgrading", "DROP FUNCTION audit_history_refuse_change()")
        try old.executeInCatalogue("downgrading", "DELETE FROM schema_migrations WHERE name = '005-audits'")
        for table in ["lado_allegation", "lado_disposal", "partner_notification"] {
            try old.executeInCatalogue("downgrading", "DROP TABLE \(table)")
        }
        try old.executeInCatalogue("downgrading", "DROP FUNCTION lado_disposal_refuse_change()")
        for table in ["escalation", "iro_review_record", "ehc_needs_assessment", "ehc_annual_review", "waiting_list_referral"] {
            try old.executeInCatalogue("downgrading", "DROP TABLE \(table)")
        }
        try old.executeInCatalogue("downgrading", "DELETE FROM schema_migrations WHERE name = '007-escalations-send'")
        try old.executeInCatalogue("downgrading", "DELETE FROM schema_migrations WHERE name = '006-lado-notifications'")
        for table in ["action_update", "plan_action", "plan_measure_link", "plan_recommendation", "improvement_plan"] {
            try old.executeInCatalogue("downgrading", "DROP TABLE \(table)")
        }
        try old.executeInCatalogue("downgrading", "DROP FUNCTION action_update_refuse_change()")
        try old.executeInCatalogue("downgrading", "DELETE FROM schema_migrations WHERE name = '003-plans'")
        for table in ["access_log", "audit_assignment", "child_restriction", "api_token", "app_session", "app_user"] {
            try old.executeInCatalogue("downgrading", "DROP TABLE \(table)")
        }
        try old.executeInCatalogue("downgrading", "DROP FUNCTION access_log_refuse_change()")
        try old.executeInCatalogue("downgrading", "DELETE FROM schema_migrations WHERE name = '002-access'")
        #expect(try old.appliedMigrations() == ["001-extracts"])
        // And the snapshot back to 001-case-records.
        for table in ["uasc_status", "cla_outcomes", "adoption", "placed_for_adoption", "previous_permanence", "social_worker_episode", "deprivation_of_liberty"] {
            try old.executeInCatalogue("downgrading", "DROP TABLE \(snapshot).\(table)")
        }
        try old.executeInCatalogue("downgrading", "ALTER TABLE \(snapshot).child DROP COLUMN is_mother, DROP COLUMN mother_child_dob")
        try old.executeInCatalogue("downgrading", "ALTER TABLE \(snapshot).placement DROP COLUMN home_postcode")
        try old.executeInCatalogue("downgrading", "DELETE FROM \(snapshot).schema_migrations WHERE name = '008-ssda903-tables'")
        #expect(try old.appliedSnapshotMigrations() == ["001-case-records"])

        let upgraded = try PostgresCaseRecordStore(url: try PostgresTestServer.url(), schema: old.schema)
        defer { upgraded.close() }
        #expect(try upgraded.appliedMigrations() == ["001-extracts", "002-access", "003-plans", "004-workforce", "005-audits", "006-lado-notifications", "007-escalations-send", "009-cin-child-details"])
        #expect(try upgraded.appliedSnapshotMigrations() == ["001-case-records", "008-ssda903-tables", "009-cin-child-details"])
        #expect(try upgraded.fetchEntityCounts()[.child] == 3)
        #expect(try upgraded.fetchEntityCounts()[.socialWorkerEpisode] == 0)
        #expect(try upgraded.fetchCaseRecords().placements.map(\.postcode) == ["HP19 8AA"])
        // The snapshot imported before 009 gained its columns, empty, so its records read on.
        let children = try upgraded.fetchCaseRecords().children
        #expect(children.map(\.id) == ["amara", "jordan", "unborn"])
        #expect(children.allSatisfy { $0.formerUPN == nil && $0.disabilities.isEmpty })
        try upgraded.saveUser(UserAccount(username: "u", displayName: "U", role: .director), passwordHash: "h")
        #expect(try upgraded.users().map(\.username) == ["u"])
    }

    @Test("A wrong password is a cannotOpen error carrying the server's own message")
    func wrongPassword() throws {
        var url = try PostgresURL(parsing: try PostgresTestServer.url())
        url.password = "not-the-password"
        let error = try #require(throws: StorageError.self) { try PostgresCaseRecordStore(url: url) }
        guard case .cannotOpen(let path, let reason) = error else {
            Issue.record("expected cannotOpen, got \(error)")
            return
        }
        #expect(path == url.description)
        #expect(reason.contains("password authentication failed"))
        #expect(!error.description.contains("not-the-password"))
    }

    @Test("Another store on the same schema (another process) reads each import once it lands")
    func readersFollowImports() throws {
        let importer = try store()
        defer { importer.close() }
        let server = try PostgresCaseRecordStore(url: try PostgresTestServer.url(), schema: importer.schema)
        defer { server.close() }
        #expect(try server.fetchEntityCounts()[.child] == 0)
        try importJourney(into: importer)
        #expect(try server.fetchEntityCounts()[.child] == 3)
        try importer.replaceCaseRecords { writer in
            try writer.insert(.child(Journey.amara))
            // Until this import commits, readers see the previous one, and are not kept waiting for it.
            #expect(try server.fetchEntityCounts()[.child] == 3)
            return Journey.extract
        }
        #expect(try server.fetchEntityCounts()[.child] == 1)
        #expect(try server.fetchExtracts().count == 2)
    }

    @Test("Superseded snapshot schemas are dropped, and a failed import leaves no schema behind")
    func snapshotSchemas() throws {
        let store = try store()
        defer { store.close() }
        for _ in 1...3 { try importJourney(into: store) }
        let current = try store.snapshotSchemas()
        #expect(current.count == 1)
        #expect(throws: Refused.self) {
            try store.replaceCaseRecords { writer in
                try writer.insert(.child(Journey.amara))
                throw Refused()
            }
        }
        #expect(try store.snapshotSchemas() == current)
        #expect(try store.fetchEntityCounts()[.child] == 3)
    }

    @Test("Another store whose name starts with this one's is never taken for one of its snapshots")
    func neighbourNotSnapshot() throws {
        let store = try store()
        defer { store.close() }
        // "<schema>_sbeef" has the shape of a snapshot name, but it is a catalogue of its own.
        let neighbour = try PostgresCaseRecordStore(url: try PostgresTestServer.url(), schema: store.schema + "_sbeef")
        defer {
            try? neighbour.dropSchemas()
            neighbour.close()
        }
        try importJourney(into: store)
        try importJourney(into: neighbour)
        #expect(try store.snapshotSchemas().count == 1)
        #expect(try neighbour.snapshotSchemas().count == 1)
        try store.dropSchemas()
        #expect(try neighbour.fetchEntityCounts()[.child] == 3)
    }

    @Test("Closing a temporary store drops its schemas")
    func temporaryDropped() throws {
        let temporary = try store()
        try importJourney(into: temporary)
        temporary.close()
        let reopened = try PostgresCaseRecordStore(url: try PostgresTestServer.url(), schema: temporary.schema)
        defer {
            try? reopened.dropSchemas()
            reopened.close()
        }
        #expect(try reopened.fetchExtracts().isEmpty)
        #expect(try reopened.snapshotSchemas().isEmpty)
    }

    @Test("A large import is sent in batches; repeated keys are refused across batches; rows stream back")
    func batches() throws {
        let store = try store()
        defer { store.close() }
        let childCount = 5_000
        try store.replaceCaseRecords { writer in
            for n in 0..<childCount {
                try writer.insert(.child(Child(id: Identifier("c\(n)"), sex: n % 2 == 0 ? .female : .male,
                                               dateOfBirth: LocalDate(iso: "2010-01-01")!.adding(days: n))))
            }
            // A repeat of a child sent many batches ago, and of one still waiting in the current batch.
            #expect(throws: StorageError.duplicateKey(.child, key: "c3")) { try writer.insert(.child(Child(id: "c3"))) }
            #expect(throws: StorageError.duplicateKey(.child, key: "c4999")) { try writer.insert(.child(Child(id: "c4999"))) }
            for n in 0..<childCount {
                try writer.insert(.contact(Contact(id: Identifier("k\(n)"), childID: Identifier("c\(n)"), date: LocalDate(iso: "2024-01-01")!)))
            }
            // The hash of "k7" has been seen, so the store asks the database, which has it.
            #expect(throws: StorageError.duplicateKey(.contact, key: "k7")) {
                try writer.insert(.contact(Contact(id: "k7", childID: "c1", date: LocalDate(iso: "2024-01-02")!)))
            }
            #expect(throws: StorageError.unknownChild(.contact, key: "k-ghost", childID: "ghost")) {
                try writer.insert(.contact(Contact(id: "k-ghost", childID: "ghost", date: LocalDate(iso: "2024-01-02")!)))
            }
            // Visits share IDs across contexts: the same ID in another context is a different record.
            try writer.insert(.statutoryVisit(StatutoryVisit(id: "V", context: .childInNeed, childID: "c1", date: LocalDate(iso: "2024-01-01")!)))
            try writer.insert(.statutoryVisit(StatutoryVisit(id: "V", context: .lookedAfter, childID: "c1", date: LocalDate(iso: "2024-01-01")!)))
            #expect(throws: StorageError.duplicateKey(.statutoryVisit, key: "lookedAfter/V")) {
                try writer.insert(.statutoryVisit(StatutoryVisit(id: "V", context: .lookedAfter, childID: "c2", date: LocalDate(iso: "2024-01-01")!)))
            }
            return Journey.extract
        }
        let counts = try store.fetchEntityCounts()
        #expect(counts[.child] == childCount)
        #expect(counts[.contact] == childCount)
        #expect(counts[.statutoryVisit] == 2)

        var streamed: [Identifier<Child>] = []
        try store.forEachRecord(of: .child) { record in
            if case .child(let child) = record { streamed.append(child.id) }
        }
        #expect(streamed.count == childCount)
        #expect(Set(streamed) == Set((0..<childCount).map { Identifier<Child>("c\($0)") }))
        let all = try store.fetchCaseRecords()
        #expect(all.children.count == childCount)
        #expect(all.children.first { $0.id == "c4999" }?.dateOfBirth == LocalDate(iso: "2010-01-01")!.adding(days: 4_999))
        #expect(try store.fetchChildRecords("c7")?.contacts.map(\.id) == ["k7"])
    }

    @Test("Every entity streams back through forEachRecord as fetchCaseRecords returns it")
    func forEachMatchesFetch() throws {
        let store = try store()
        defer { store.close() }
        try importJourney(into: store)
        let all = try store.fetchCaseRecords()
        for entity in Entity.allCases {
            var streamed: [CaseRecord] = []
            try store.forEachRecord(of: entity) { streamed.append($0) }
            var expected: [CaseRecord] = []
            all.forEach(of: entity) { expected.append($0) }
            #expect(Set(streamed) == Set(expected), "\(entity)")
        }
    }
}
