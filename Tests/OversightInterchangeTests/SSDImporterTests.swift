import Foundation
import OversightCore
@testable import OversightInterchange
import OversightStorage
import OversightStorageSQLite
import Testing

@Suite("Standard Safeguarding Dataset import")
struct SSDImporterTests {
    let importer = SSDImporter()

    func importFixture(_ directory: String, into store: some CaseRecordStore, importer: SSDImporter? = nil) throws -> SSDImportReport {
        try (importer ?? self.importer).importExtract(from: directory, into: store, importedAt: "2026-11-22T09:00:00Z")
    }

    @Test("A SystemC extract lands with every table's rows")
    func systemCCounts() throws {
        let store = InMemoryCaseRecordStore()
        let report = try importFixture(fixturePath("ssd-systemc"), into: store)
        let counts = try store.fetchEntityCounts()
        #expect(counts[.child] == 4)
        #expect(counts[.team] == 3)
        #expect(counts[.worker] == 3)
        #expect(counts[.contact] == 2)
        #expect(counts[.childInNeedEpisode] == 4)
        #expect(counts[.assessment] == 3)
        #expect(counts[.statutoryVisit] == 3)  // one each of CIN, CP and CLA visits, all with ID V1
        #expect(counts[.legalStatusSpell] == 2)
        #expect(counts[.lookedAfterEpisode] == 2)
        #expect(counts[.involvement] == 4)
        #expect(report.rejections.isEmpty)
        #expect(report.ignoredFiles == ["README.txt"])
        #expect(report.tables.first { $0.table == "ssd_legal_status" }?.rowsNotApplicable == 1)
        #expect(report.extract.rowsRead == 43)
        // pers_is_mother is Y for a mother and blank otherwise: blank is not recorded, not "no".
        #expect(try store.fetchCaseRecords().children.map(\.isMother) == [true, nil, nil, nil])
    }

    @Test("ssd_disability, when the extract has it, gives each child their CIN disability codes; a code not on the list stops the import")
    func disabilities() throws {
        let folder = copyOfFixture("ssd-systemc")
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        write("disa_table_id,disa_person_id,disa_disability_code\n1,1001,AUT\n2,1001,COMM\n3,1002,NONE\n", to: folder + "/ssd_disability.csv")
        let store = InMemoryCaseRecordStore()
        let report = try importFixture(folder, into: store)
        let children = try store.fetchCaseRecords().children
        #expect(children.first { $0.id == "1001" }?.disabilities == [.autism, .communication])
        #expect(children.first { $0.id == "1002" }?.disabilities == [.none])
        let others = children.filter { !["1001", "1002"].contains($0.id.rawValue) }
        #expect(!others.isEmpty && others.allSatisfy { $0.disabilities.isEmpty })
        #expect(report.tables.first { $0.table == "ssd_disability" }?.rowsRead == 3)
        #expect(!report.ignoredFiles.contains("ssd_disability.csv"))

        appendLine("4,1003,WHEELS", to: folder + "/ssd_disability.csv")
        let error = #expect(throws: InterchangeError.self) { _ = try self.importFixture(folder, into: InMemoryCaseRecordStore()) }
        #expect(error?.description.contains("ssd_disability.csv:5") == true)
    }

    @Test("SSD sentinels read as not recorded: 1900-01-01, SSD_PH and -1")
    func sentinels() throws {
        let store = InMemoryCaseRecordStore()
        _ = try importFixture(fixturePath("ssd-systemc"), into: store)
        let records = try store.fetchCaseRecords()
        let open = try #require(records.assessments.first { $0.id == "A2" })
        #expect(open.authorisationDate == nil)
        let leaver = try #require(records.careLeavers.first)
        #expect(leaver.pathwayPlanReviewDate == nil)
        #expect(records.children.first { $0.id == "1004" }?.expectedDateOfBirth == nil)
        // An unborn child: no date of birth, an expected one, and sex unknown.
        let unborn = try #require(records.children.first { $0.id == "1003" })
        #expect(unborn.dateOfBirth == nil)
        #expect(unborn.isUnborn(on: d("2024-12-01")))
        #expect(!unborn.isUnborn(on: d("2025-02-01")))
        #expect(unborn.sex == .unknown)
        #expect(records.childInNeedEpisodes.first { $0.id == "R3" }?.workerReference == nil)
        #expect(records.involvements.first { $0.id == "I3" }?.workerID == nil)
    }

    @Test("Descriptions map to DfE codes: legal status, episode reasons, CP categories, care-leaver codes")
    func descriptions() throws {
        let store = InMemoryCaseRecordStore()
        _ = try importFixture(fixturePath("ssd-systemc"), into: store)
        let records = try store.fetchCaseRecords()
        let episodes = records.lookedAfterEpisodes.sorted { $0.start < $1.start }
        #expect(episodes.map(\.reasonNewEpisode) == [.started, .legalStatusChange])
        #expect(episodes.map(\.reasonCeased) == [.x1, nil])
        // Each episode takes the legal status in force on its start day.
        #expect(episodes.map(\.legalStatus) == [.v2, .c1])
        let plan = try #require(records.childProtectionPlans.first)
        #expect(plan.initialCategory == .neglect)
        #expect(plan.latestCategory == .multiple)
        let leaver = try #require(records.careLeavers.first)
        #expect(leaver.accommodation == .z)
        #expect(leaver.accommodationSuitable == true)
        #expect(leaver.activity == .f5)
        #expect(leaver.inTouch == .yes)
        #expect(records.children.first { $0.id == "1004" }?.ethnicity == .chne)
        #expect(records.placements.first?.distanceMiles == nil)  // 999.9 is the SSD's "unknown"
        #expect(records.missingEpisodes.first?.type == .missing)
    }

    @Test("Broken JSON from hand-concatenated columns still yields its flags")
    func brokenJSON() throws {
        let store = InMemoryCaseRecordStore()
        _ = try importFixture(fixturePath("ssd-systemc"), into: store)
        let records = try store.fetchCaseRecords()
        #expect(records.contacts.first { $0.id == "C1" }?.ledToReferral == true)
        #expect(records.contacts.first { $0.id == "C2" }?.ledToReferral == false)
        #expect(records.section47Enquiries.first?.conferenceRecommended == true)
        #expect(records.assessments.first { $0.id == "A1" }?.factors == [.f2B, .f4B])
        #expect(records.assessments.first { $0.id == "A3" }?.factors == [.f3A])
    }

    @Test("Errors a statutory validator catches are stored, not rejected: a CP plan ending before it starts")
    func semanticErrorsAreKept() throws {
        let store = InMemoryCaseRecordStore()
        _ = try importFixture(fixturePath("ssd-systemc"), into: store)
        let plan = try #require(try store.fetchCaseRecords().childProtectionPlans.first)
        #expect(plan.end! < plan.start)
    }

    @Test("A Mosaic extract: renamed keys, no person on involvements or visits, codes instead of descriptions")
    func mosaic() throws {
        let store = InMemoryCaseRecordStore()
        _ = try importFixture(fixturePath("ssd-mosaic"), into: store)
        let records = try store.fetchCaseRecords()
        #expect(records.involvements.map(\.childID).sorted() == ["M1", "M2"])
        #expect(records.childInNeedPlans.first?.childID == "M2")
        #expect(records.statutoryVisits.map(\.childID).sorted() == ["M1", "M2"])
        #expect(records.childProtectionPlans.first?.initialCategory == .multiple)
    }

    @Test("A bad value stops the import with file:line: column and the database is unchanged")
    func badRowFails() throws {
        let directory = copyOfFixture("ssd-systemc")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteCaseRecordStore(inMemoryNamed: "bad-row")
        _ = try importFixture(fixturePath("ssd-systemc"), into: store)
        let before = try store.fetchCaseRecords()

        // The involvements file is read last, so everything before it was written when this fails.
        replaceLine(3, in: directory + "/ssd_involvements.csv",
                    with: "I2,W2,CW,T2,1001,2024-02-30 00:00:00.000,,LEFTRL,R1")
        #expect {
            _ = try importFixture(directory, into: store)
        } throws: { error in
            "\(error)" == "ssd_involvements.csv:3: invo_involvement_start_date: '2024-02-30 00:00:00.000' is not a valid date (expected YYYY-MM-DD, a SQL datetime or dd/mm/yyyy)"
        }
        #expect(try store.fetchCaseRecords() == before)
        #expect(try store.fetchExtracts().count == 1)
    }

    @Test("With skip-invalid a bad row is left out and reported; the rest lands")
    func skipInvalid() throws {
        let directory = copyOfFixture("ssd-systemc")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        replaceLine(2, in: directory + "/ssd_cla_placement.csv",
                    with: "PLC1,POC1,1002,2024-03-01 00:00:00.000,Q9,,999.9,PR1,HP19 8AA,,")
        appendLine("C3,9999,2024-02-01 00:00:00.000,6,Police,", to: directory + "/ssd_contacts.csv")
        let store = try SQLiteCaseRecordStore(inMemoryNamed: "skip")
        let report = try importFixture(directory, into: store, importer: SSDImporter(skipInvalid: true))
        #expect(report.rejections.map(\.description) == [
            "ssd_contacts.csv:5: cont_person_id: '9999' is not a person in ssd_person.csv",
            "ssd_cla_placement.csv:2: clap_cla_placement_type: 'Q9' is not a PlacementType code and the mapping file has no description like it; add it to the mapping (oversight mapping)",
        ])
        let counts = try store.fetchEntityCounts()
        #expect(counts[.placement] == 0)
        #expect(counts[.contact] == 2)
        #expect(counts[.child] == 4)
        #expect(try store.fetchExtracts().last?.rowsRejected == 2)
    }

    @Test("A repeated ID is a rejected row that names the key column")
    func duplicateID() throws {
        let directory = copyOfFixture("ssd-systemc")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        replaceLine(3, in: directory + "/ssd_department.csv", with: "T1,Duplicate MASH,D9,Front door")
        #expect {
            _ = try importFixture(directory, into: InMemoryCaseRecordStore())
        } throws: { error in
            "\(error)" == "ssd_department.csv:3: dept_team_id: 'T1' appears more than once in ssd_department.csv"
        }
    }

    @Test("A row with the wrong number of fields is named, not misread")
    func fieldCount() throws {
        let directory = copyOfFixture("ssd-systemc")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        replaceLine(2, in: directory + "/ssd_missing.csv", with: "MS1,1002,2024-04-10 00:00:00.000,Missing")
        #expect {
            _ = try importFixture(directory, into: InMemoryCaseRecordStore())
        } throws: { error in
            "\(error)" == "ssd_missing.csv:2: '4 fields' does not match the header's 7 columns"
        }
    }

    @Test("A missing required column and a folder without ssd_person.csv fail before anything is written")
    func structuralErrors() throws {
        let directory = copyOfFixture("ssd-systemc")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        replaceLine(1, in: directory + "/ssd_cin_episodes.csv", with: "cine_referral_id,cine_person,cine_referral_date,cine_cin_primary_need_code,cine_referral_source_code,cine_referral_source_desc,cine_referral_outcome_json,cine_referral_nfa,cine_close_reason,cine_close_date,cine_referral_team,cine_referral_worker_id")
        #expect(throws: InterchangeError.missingColumn("cine_person_id", at: SourceLocation(file: "ssd_cin_episodes.csv", line: 1))) {
            try importFixture(directory, into: InMemoryCaseRecordStore())
        }
        let empty = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: InterchangeError.self) { try importFixture(empty, into: InMemoryCaseRecordStore()) }
        #expect(throws: InterchangeError.notADirectory(path: "/nonexistent-ssd")) {
            try importFixture("/nonexistent-ssd", into: InMemoryCaseRecordStore())
        }
    }

    @Test("Importing the same extract twice leaves the same data, with no duplicates")
    func idempotent() throws {
        let store = try SQLiteCaseRecordStore(inMemoryNamed: "twice")
        _ = try importFixture(fixturePath("ssd-systemc"), into: store)
        let first = try store.fetchCaseRecords()
        _ = try importFixture(fixturePath("ssd-systemc"), into: store)
        #expect(try store.fetchCaseRecords() == first)
        let extracts = try store.fetchExtracts()
        #expect(extracts.count == 2)
        #expect(extracts[0].fingerprint == extracts[1].fingerprint)
    }

    @Test("A newer extract replaces the older one: children no longer in it are gone")
    func newerReplaces() throws {
        let store = try SQLiteCaseRecordStore(inMemoryNamed: "replace")
        _ = try importFixture(fixturePath("ssd-systemc"), into: store)
        _ = try importFixture(fixturePath("ssd-mosaic"), into: store)
        let records = try store.fetchCaseRecords()
        #expect(records.children.map(\.id).sorted() == ["M1", "M2"])
        #expect(records.teams.isEmpty)
        let extracts = try store.fetchExtracts()
        #expect(extracts[0].fingerprint != extracts[1].fingerprint)
    }

    @Test("A council mapping file adds its own wordings, and rejects codes that do not exist")
    func mappingFile() throws {
        let directory = copyOfFixture("ssd-systemc")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        replaceLine(2, in: directory + "/ssd_legal_status.csv",
                    with: "LS1,1002,Voluntary accommodation (s.20),2024-03-01 00:00:00.000,2024-05-01 00:00:00.000")
        #expect(throws: InterchangeError.self) { try importFixture(directory, into: InMemoryCaseRecordStore()) }

        let mappingPath = directory + "/council-mapping.json"
        write(#"{"allocatedWorkerRoles": ["CW", "ALLOC"], "values": {"LegalStatus": {"Voluntary accommodation (s.20)": "V2"}}}"#, to: mappingPath)
        let mapping = try ValueMapping.load(path: mappingPath)
        #expect(mapping.allocatedWorkerRoles == ["CW", "ALLOC"])
        let store = InMemoryCaseRecordStore()
        _ = try importFixture(directory, into: store, importer: SSDImporter(mapping: mapping))
        #expect(try store.fetchCaseRecords().legalStatusSpells.first { $0.id == "LS1" }?.status == .v2)

        write(#"{"values": {"LegalStatus": {"Something": "C9"}}}"#, to: mappingPath)
        #expect(throws: InterchangeError.self) { try ValueMapping.load(path: mappingPath) }
    }

    @Test("Coded values resolve from a code, a leading code token or a description", arguments: [
        ("C2", LegalStatus.c2), ("c2", .c2), ("C2 - Full care order", .c2), ("Full care order", .c2),
        ("FULL CARE ORDER.", .c2), ("Interim Care Order", .c1), ("E1: Placement order granted", .e1),
    ])
    func resolution(text: String, expected: LegalStatus) {
        #expect(ValueMapping.standard.resolve(text, as: LegalStatus.self) == .code(expected))
    }

    @Test("Progress is reported and reaches the total")
    func progress() throws {
        var last: SSDImportProgress?
        _ = try importer.importExtract(from: fixturePath("ssd-systemc"), into: InMemoryCaseRecordStore(), importedAt: "t") { last = $0 }
        let final = try #require(last)
        #expect(final.bytesDone == final.bytesTotal)
        #expect(final.bytesTotal > 0)
    }
}
