import Foundation
import GRDB
import OversightCore
import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite
import Testing

/// The stores Oversight ships; every contract test runs against each.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, sqliteMemory, sqliteFile, postgres
    var testDescription: String { rawValue }

    /// The stores the contract runs against: all of them, unless `OVERSIGHT_SKIP_POSTGRES=1` says to leave
    /// PostgreSQL out on purpose.
    static var tested: [StoreKind] { PostgresTestServer.isSkipped ? allCases.filter { $0 != .postgres } : allCases }

    func make() throws -> (store: any CaseRecordStore, cleanup: () -> Void) {
        switch self {
        case .memory:
            return (InMemoryCaseRecordStore(), {})
        case .sqliteMemory:
            return (try SQLiteCaseRecordStore(inMemoryNamed: UUID().uuidString), {})
        case .sqliteFile:
            let directory = NSTemporaryDirectory() + "oversight-store-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return (try SQLiteCaseRecordStore(path: directory + "/test.sqlite"), { try? FileManager.default.removeItem(atPath: directory) })
        case .postgres:
            // A catalogue schema of its own, dropped on cleanup, so tests run in parallel on one database.
            let store = try PostgresCaseRecordStore.temporary(url: try PostgresTestServer.url())
            return (store, { store.close() })
        }
    }
}

/// The PostgreSQL server the tests use: `OVERSIGHT_TEST_POSTGRES`, which `scripts/test` sets after starting one.
enum PostgresTestServer {
    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "OVERSIGHT_TEST_POSTGRES is not set, so the PostgreSQL store cannot be tested: run `bash scripts/test` "
                + "(it starts a throwaway PostgreSQL 15 and sets it), or set OVERSIGHT_SKIP_POSTGRES=1 to leave PostgreSQL out on purpose"
        }
    }

    static var isSkipped: Bool { ProcessInfo.processInfo.environment["OVERSIGHT_SKIP_POSTGRES"] == "1" }

    /// The server's URL; a test that needs it fails, never skips, when it is missing.
    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["OVERSIGHT_TEST_POSTGRES"], !url.isEmpty else { throw NotConfigured() }
        return url
    }
}

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// A small journey with every entity, built by hand so each value can be checked after a round trip.
enum Journey {
    static let amara = Child(id: "amara", forename: "Amara", surname: "Synthetic", sex: .female, ethnicity: .bafr,
                             dateOfBirth: d("2014-05-02"), upn: "A825123456789", isMother: false, formerUPN: "B931200012345",
                             disabilities: [.autism, .communication])
    static let jordan = Child(id: "jordan", sex: .male, ethnicity: .wbri, dateOfBirth: d("2010-01-15"), upnUnknownReason: "UN3", disabilities: [.none])
    static let unborn = Child(id: "unborn", sex: .unknown, expectedDateOfBirth: d("2025-02-01"))

    static var records: [CaseRecord] {
        [
            .child(amara), .child(jordan), .child(unborn),
            .team(Team(id: "T1", name: "Assessment 1", parentReference: "D1", parentName: "Front door")),
            .worker(Worker(id: "W1", staffID: "S1", name: "Ada Example", registrationNumber: "SW000001", isAgency: true,
                           jobTitle: "Social Worker", currentTeamName: "Assessment 1", fullTimeEquivalent: 0.8)),
            .contact(Contact(id: "C1", childID: "amara", date: d("2024-01-05"), source: .schools, sourceDescription: "School", ledToReferral: true)),
            .earlyHelpEpisode(EarlyHelpEpisode(id: "EH1", childID: "amara", start: d("2023-06-01"), end: d("2023-10-01"), reason: "Support")),
            .childInNeedEpisode(ChildInNeedEpisode(id: "R1", childID: "amara", referralDate: d("2024-01-08"), source: .schools,
                                                   primaryNeed: .n1, isNoFurtherAction: false, teamID: "T1",
                                                   preProceedings: [["PPStartDate": "2024-02-01", "PPOutcome": "1"]])),
            .assessment(Assessment(id: "A1", childID: "amara", referralID: "R1", startDate: d("2024-01-09"),
                                   authorisationDate: d("2024-03-01"), childSeen: true, isNoFurtherAction: false, factors: [.f2B, .f4B],
                                   internalReviewDate: d("2024-02-20"))),
            .childInNeedPlan(ChildInNeedPlan(id: "CINP1", childID: "amara", referralID: "R1", start: d("2024-03-04"))),
            .statutoryVisit(StatutoryVisit(id: "V1", context: .childInNeed, childID: "amara", date: d("2024-03-20"), childSeen: true, childSeenAlone: false)),
            .statutoryVisit(StatutoryVisit(id: "V1", context: .childProtection, childID: "jordan", date: d("2024-03-21"), childSeen: true, childSeenAlone: true)),
            .section47Enquiry(Section47Enquiry(id: "S1", childID: "jordan", startDate: d("2024-02-21"), conferenceRecommended: true,
                                               conferenceTargetDate: d("2024-03-13"))),
            .initialChildProtectionConference(InitialChildProtectionConference(id: "IC1", childID: "jordan", section47EnquiryID: "S1",
                                                                               date: d("2024-03-12"), resultedInPlan: true, planID: "CP1")),
            .childProtectionPlan(ChildProtectionPlan(id: "CP1", childID: "jordan", conferenceID: "IC1", start: d("2024-03-12"),
                                                     initialCategory: .neglect, latestCategory: .multiple, numberOfPreviousPlans: 2)),
            .childProtectionReview(ChildProtectionReview(id: "CR1", childID: "jordan", planID: "CP1", dueDate: d("2024-06-12"),
                                                         date: d("2024-06-10"), planContinues: true, participation: .pn1)),
            .legalStatusSpell(LegalStatusSpell(id: "LS1", childID: "jordan", status: .c1, start: d("2024-05-01"))),
            .lookedAfterEpisode(LookedAfterEpisode(id: "E1", childID: "jordan", periodOfCareID: "P1", start: d("2024-05-01"),
                                                   reasonNewEpisode: .started, legalStatus: .c1, categoryOfNeed: .n1, placementID: "PL1")),
            .placement(Placement(id: "PL1", childID: "jordan", periodOfCareID: "P1", start: d("2024-05-01"), type: .u6, provider: .pr1,
                                 postcode: "HP19 8AA", distanceMiles: 3.5, homePostcode: "HP20 1AA")),
            .lookedAfterReview(LookedAfterReview(id: "LR1", childID: "jordan", periodOfCareID: "P1", date: d("2024-05-28"), participation: .pn1)),
            .missingEpisode(MissingEpisode(id: "M1", childID: "jordan", type: .missing, start: d("2024-06-01"), end: d("2024-06-02"),
                                           returnInterviewOffered: true, returnInterviewAccepted: false)),
            .careLeaver(CareLeaver(childID: "jordan", eligibility: "Relevant", inTouch: .yes, accommodation: .z, accommodationSuitable: true, activity: .f5)),
            .involvement(Involvement(id: "I1", childID: "amara", workerID: "W1", teamID: "T1", role: "CW", start: d("2024-01-08"),
                                     changeReason: .firstContact, referralID: "R1")),
        ] + ssda903
    }

    /// The SSDA903 return's own tables (snapshot migration 008-ssda903-tables).
    static var ssda903: [CaseRecord] {
        [
            .unaccompaniedAsylumSeekingStatus(UnaccompaniedAsylumSeekingStatus(childID: "jordan", ceasedDate: d("2028-01-15"))),
            .continuouslyLookedAfterOutcomes(ContinuouslyLookedAfterOutcomes(
                childID: "jordan", sdqScore: 14, convicted: false, immunisations: true, teethCheck: true, healthAssessment: true,
                substanceMisuse: false)),
            .continuouslyLookedAfterOutcomes(ContinuouslyLookedAfterOutcomes(childID: "amara", sdqReason: .carerRefused, healthCheck: true)),
            .adoption(Adoption(childID: "amara", decisionDate: d("2024-02-01"), matchingDate: d("2024-04-10"), adoptedByFosterCarer: true,
                               numberOfAdopters: 2, adopterSex: .maleAndFemale, adopterLegalStatus: .marriedCouple)),
            .decisionToPlaceForAdoption(DecisionToPlaceForAdoption(id: "PA1", childID: "amara", date: d("2024-02-01"),
                                                                   ceasedDate: d("2024-09-30"), ceasedReason: .adopted)),
            .previousPermanence(PreviousPermanence(childID: "jordan", option: .specialGuardianshipOrder, localAuthority: "825",
                                                   orderDate: "ZZ/06/2019")),
            .socialWorkerEpisode(SocialWorkerEpisode(id: "SW1", childID: "jordan", socialWorkerID: "SW123456", start: d("2024-05-01"),
                                                     end: d("2024-08-01"), changeReason: .firstContact)),
            .socialWorkerEpisode(SocialWorkerEpisode(id: "SW2", childID: "jordan", socialWorkerID: "SW654321", start: d("2024-08-01"),
                                                     changeReason: .leftRole)),
            .deprivationOfLibertyOrder(DeprivationOfLibertyOrder(id: "DL1", childID: "jordan", start: d("2024-07-01"), end: d("2024-10-01"))),
        ]
    }

    static let extract = ExtractDescription(kind: "test", source: "hand-built", fingerprint: "f1", importedAt: "2026-11-22T09:00:00Z", rowsRead: 23)
}

struct Refused: Error {}

@Suite("Case-record store contract: the same behaviour from every store")
struct CaseRecordStoreContractTests {
    @Test("Every entity round-trips value for value", arguments: StoreKind.tested)
    func roundTrip(kind: StoreKind) throws {
        let (store, cleanup) = try kind.make()
        defer { cleanup() }
        try store.replaceCaseRecords { writer in
            for record in Journey.records { try writer.insert(record) }
            return Journey.extract
        }
        var expected = CaseRecords()
        for record in Journey.records { expected.append(record) }
        let stored = try store.fetchCaseRecords()
        #expect(Set(stored.allRecords) == Set(expected.allRecords))
        #expect(stored.allRecords.count == expected.allRecords.count)
        let counts = try store.fetchEntityCounts()
        #expect(counts.count == Entity.allCases.count)
        #expect(counts[.statutoryVisit] == 2)
        #expect(counts[.child] == 3)
        #expect(counts[.continuouslyLookedAfterOutcomes] == 2)
        #expect(counts[.socialWorkerEpisode] == 2)
        #expect(counts[.deprivationOfLibertyOrder] == 1)
        #expect(try store.fetchExtracts() == [Journey.extract])
    }

    @Test("A mother's child's birth date is kept, and a second record of a one-per-child 903 table is refused", arguments: StoreKind.tested)
    func ssda903PerChild(kind: StoreKind) throws {
        let (store, cleanup) = try kind.make()
        defer { cleanup() }
        let kezia = Child(id: "kezia", sex: .female, dateOfBirth: d("2007-03-02"), isMother: true, motherChildDateOfBirth: d("2024-11-20"))
        try store.replaceCaseRecords { writer in
            try writer.insert(.child(kezia))
            try writer.insert(.unaccompaniedAsylumSeekingStatus(UnaccompaniedAsylumSeekingStatus(childID: "kezia")))
            #expect(throws: StorageError.duplicateKey(.unaccompaniedAsylumSeekingStatus, key: "kezia")) {
                try writer.insert(.unaccompaniedAsylumSeekingStatus(UnaccompaniedAsylumSeekingStatus(childID: "kezia")))
            }
            #expect(throws: StorageError.unknownChild(.socialWorkerEpisode, key: "SW9", childID: "nobody")) {
                try writer.insert(.socialWorkerEpisode(SocialWorkerEpisode(id: "SW9", childID: "nobody", start: d("2024-01-01"))))
            }
            return Journey.extract
        }
        let stored = try #require(try store.fetchChildRecords("kezia"))
        #expect(stored.children == [kezia])
        #expect(stored.unaccompaniedAsylumSeekingStatuses == [UnaccompaniedAsylumSeekingStatus(childID: "kezia")])
    }

    @Test("A write that throws changes nothing", arguments: StoreKind.tested)
    func rollback(kind: StoreKind) throws {
        let (store, cleanup) = try kind.make()
        defer { cleanup() }
        try store.replaceCaseRecords { writer in
            for record in Journey.records { try writer.insert(record) }
            return Journey.extract
        }
        let before = try store.fetchCaseRecords()
        #expect(throws: Refused.self) {
            try store.replaceCaseRecords { writer in
                try writer.insert(.child(Child(id: "new")))
                throw Refused()
            }
        }
        #expect(try store.fetchCaseRecords() == before)
        #expect(try store.fetchExtracts().count == 1)
    }

    @Test("A repeated key and a record about an unknown child are refused with their entity", arguments: StoreKind.tested)
    func refusals(kind: StoreKind) throws {
        let (store, cleanup) = try kind.make()
        defer { cleanup() }
        try store.replaceCaseRecords { writer in
            try writer.insert(.child(Journey.amara))
            #expect(throws: StorageError.duplicateKey(.child, key: "amara")) { try writer.insert(.child(Journey.amara)) }
            #expect(throws: StorageError.unknownChild(.contact, key: "C9", childID: "nobody")) {
                try writer.insert(.contact(Contact(id: "C9", childID: "nobody", date: d("2024-01-01"))))
            }
            // The same ID in a different visit context is a different record.
            try writer.insert(.statutoryVisit(StatutoryVisit(id: "V", context: .childInNeed, childID: "amara", date: d("2024-01-01"))))
            try writer.insert(.statutoryVisit(StatutoryVisit(id: "V", context: .lookedAfter, childID: "amara", date: d("2024-01-01"))))
            return Journey.extract
        }
        let counts = try store.fetchEntityCounts()
        #expect(counts[.child] == 1)
        #expect(counts[.contact] == 0)
        #expect(counts[.statutoryVisit] == 2)
    }

    @Test("One child's records come back alone, with the workers who held them", arguments: StoreKind.tested)
    func childRecords(kind: StoreKind) throws {
        let (store, cleanup) = try kind.make()
        defer { cleanup() }
        try store.replaceCaseRecords { writer in
            for record in Journey.records { try writer.insert(record) }
            return Journey.extract
        }
        let amara = try #require(try store.fetchChildRecords("amara"))
        #expect(amara.children == [Journey.amara])
        #expect(amara.childInNeedEpisodes.map(\.id) == ["R1"])
        #expect(amara.childProtectionPlans.isEmpty)
        #expect(amara.statutoryVisits.count == 1)
        if kind != .memory { #expect(amara.workers.map(\.id) == ["W1"]) }
        #expect(try store.fetchChildRecords("nobody") == nil)
    }
}

@Suite("SQLite file")
struct SQLiteFileTests {
    @Test("The file is in WAL mode with foreign keys on, and its migrations are recorded")
    func pragmas() throws {
        let directory = NSTemporaryDirectory() + "oversight-pragmas-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/o.sqlite"
        let store = try SQLiteCaseRecordStore(path: path)
        #expect(try store.appliedMigrations() == ["001-extracts", "002-access", "003-plans", "004-workforce", "005-audits", "006-lado-notifications", "007-escalations-send", "009-cin-child-details"])
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("foreign_keys") == "1")
        // Reopening an existing file runs no migration twice.
        let reopened = try SQLiteCaseRecordStore(path: path)
        #expect(try reopened.appliedMigrations() == ["001-extracts", "002-access", "003-plans", "004-workforce", "005-audits", "006-lado-notifications", "007-escalations-send", "009-cin-child-details"])
        // The case records live in a snapshot file of their own, with its own migrations.
        #expect(try reopened.appliedSnapshotMigrations() == [])
        try reopened.replaceCaseRecords { writer in
            for record in Journey.records { try writer.insert(record) }
            return Journey.extract
        }
        #expect(try reopened.appliedSnapshotMigrations() == ["001-case-records", "008-ssda903-tables", "009-cin-child-details"])
    }

    @Test("A snapshot written before 008-ssda903-tables gains its tables, empty, when the store opens, and keeps its records")
    func upgradeSnapshot() throws {
        let directory = NSTemporaryDirectory() + "oversight-upgrade-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let old = try SQLiteCaseRecordStore(path: directory + "/o.sqlite")
        try old.replaceCaseRecords { writer in
            for record in Journey.records { try writer.insert(record) }
            return Journey.extract
        }
        // Back to the snapshot as 001-case-records left it.
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: old.snapshotFolder).first)
        let snapshot = try DatabaseQueue(path: old.snapshotFolder + "/" + file)
        try snapshot.write { db in
            for table in ["uasc_status", "cla_outcomes", "adoption", "placed_for_adoption", "previous_permanence", "social_worker_episode", "deprivation_of_liberty"] {
                try db.execute(sql: "DROP TABLE \(table)")
            }
            try db.execute(sql: "ALTER TABLE child DROP COLUMN is_mother")
            try db.execute(sql: "ALTER TABLE child DROP COLUMN mother_child_dob")
            try db.execute(sql: "ALTER TABLE placement DROP COLUMN home_postcode")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '008-ssda903-tables'")
        }
        try snapshot.close()

        let upgraded = try SQLiteCaseRecordStore(path: directory + "/o.sqlite")
        #expect(try upgraded.appliedSnapshotMigrations() == ["001-case-records", "008-ssda903-tables", "009-cin-child-details"])
        let counts = try upgraded.fetchEntityCounts()
        #expect(counts[.child] == 3 && counts[.placement] == 1)
        #expect(counts[.socialWorkerEpisode] == 0 && counts[.unaccompaniedAsylumSeekingStatus] == 0)
        #expect(try upgraded.fetchCaseRecords().children.first { $0.id == "amara" }?.upn == Journey.amara.upn)
    }

    @Test("A snapshot imported before 009-cin-child-details gains its columns when the store opens, and reads on")
    func oldSnapshotUpgraded() throws {
        let directory = NSTemporaryDirectory() + "oversight-009-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/o.sqlite"
        let store = try SQLiteCaseRecordStore(path: path)
        try store.replaceCaseRecords { writer in
            for record in Journey.records { try writer.insert(record) }
            return Journey.extract
        }
        // Back to the catalogue and snapshot as they were before 009: the columns gone, the migration not recorded.
        let snapshot = try #require(try FileManager.default.contentsOfDirectory(atPath: store.snapshotFolder).first)
        let old = try DatabaseQueue(path: store.snapshotFolder + "/" + snapshot)
        try old.write { db in
            for (table, column) in [
                ("child", "former_upn"), ("child", "disabilities"), ("assessment", "internal_review_date"),
                ("section47_enquiry", "conference_target_date"), ("cp_plan", "number_of_previous_plans"), ("cin_episode", "pre_proceedings"),
            ] {
                try db.execute(sql: "ALTER TABLE \(table) DROP COLUMN \(column)")
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '009-cin-child-details'")
        }
        try old.close()
        let catalogue = try DatabaseQueue(path: path)
        try catalogue.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '009-cin-child-details'") }
        try catalogue.close()

        let upgraded = try SQLiteCaseRecordStore(path: path)
        #expect(upgraded.migrationsAppliedOnOpening == ["009-cin-child-details"])
        let amara = try #require(try upgraded.fetchCaseRecords().children.first { $0.id == "amara" })
        #expect(amara.upn == Journey.amara.upn)
        #expect(amara.formerUPN == nil && amara.disabilities.isEmpty)
        let columns = try DatabaseQueue(path: store.snapshotFolder + "/" + snapshot).read { db in try db.columns(in: "cp_plan").map(\.name) }
        #expect(columns.contains("number_of_previous_plans"))
    }

    @Test("After a bulk replace SQLite's own foreign-key check finds nothing, and foreign keys are back on")
    func foreignKeysHold() throws {
        let store = try SQLiteCaseRecordStore(inMemoryNamed: UUID().uuidString)
        try store.replaceCaseRecords { writer in
            for record in Journey.records { try writer.insert(record) }
            #expect(throws: StorageError.unknownChild(.placement, key: "PX", childID: "ghost")) {
                try writer.insert(.placement(Placement(id: "PX", childID: "ghost", start: LocalDate(iso: "2024-01-01")!)))
            }
            return Journey.extract
        }
        #expect(try store.foreignKeyViolations() == 0)
        #expect(try store.pragma("foreign_keys") == "1")
    }

    @Test("Another store on the same file (another process) reads the new snapshot once an import lands")
    func readersFollowImports() throws {
        let directory = NSTemporaryDirectory() + "oversight-follow-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let importer = try SQLiteCaseRecordStore(path: directory + "/o.sqlite")
        let server = try SQLiteCaseRecordStore(path: directory + "/o.sqlite")
        #expect(try server.fetchEntityCounts()[.child] == 0)
        try importer.replaceCaseRecords { writer in
            for record in Journey.records { try writer.insert(record) }
            return Journey.extract
        }
        #expect(try server.fetchEntityCounts()[.child] == 3)
        try importer.replaceCaseRecords { writer in
            try writer.insert(.child(Journey.amara))
            return Journey.extract
        }
        #expect(try server.fetchEntityCounts()[.child] == 1)
        #expect(try server.fetchExtracts().count == 2)
    }

    @Test("Superseded snapshots are removed, and a failed import leaves no file behind")
    func snapshotFiles() throws {
        let store = try SQLiteCaseRecordStore(inMemoryNamed: "files")
        func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: store.snapshotFolder) }
        for _ in 1...3 {
            try store.replaceCaseRecords { writer in
                for record in Journey.records { try writer.insert(record) }
                return Journey.extract
            }
        }
        #expect(try files().count == 1)
        let current = try files()
        #expect(throws: Refused.self) {
            try store.replaceCaseRecords { writer in
                try writer.insert(.child(Journey.amara))
                throw Refused()
            }
        }
        #expect(try files() == current)
        #expect(try store.fetchEntityCounts()[.child] == 3)
    }

    @Test("A path that cannot be a database is a clear error")
    func badPath() {
        #expect(throws: StorageError.self) { try SQLiteCaseRecordStore(path: "/nonexistent-folder/x.sqlite") }
    }
}
