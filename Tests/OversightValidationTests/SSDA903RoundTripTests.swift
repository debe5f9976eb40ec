import Foundation
import OversightCore
import OversightInterchange
import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite
import OversightSynthetic
import OversightValidation
import Testing

/// Generate a return, import it into a real store, export the year again, and compare every table row by row.
enum SSDA903RoundTrip {
    static let year = 2025

    /// A clean generated return written to `directory`, as a council would upload it.
    static func generate(children: Int, into directory: String) throws -> [SSDA903TableKind: SSDA903Table] {
        let data = SSDA903Generator(year: year, children: children, seed: 7).generate()
        try SSDA903Writer.write(data.tables, to: directory)
        return try SSDA903Reader().read(directory: directory)
    }

    /// The rows of a table as text, sorted, so tables compare without regard to row order (the return has none).
    static func rows(_ table: SSDA903Table?) -> [String] {
        guard let table else { return [] }
        let columns = table.kind.fields.map { table[$0] }
        return table.indices.map { row in columns.map { $0[row] ?? "" }.joined(separator: ",") }.sorted()
    }

    /// Imports the return in `directory` twice into `store`, exports the year to `out` and checks every table and the
    /// validator's findings against the generated return.
    static func check(store: some CaseRecordStore, generated: [SSDA903TableKind: SSDA903Table], directory: String, out: String) throws {
        var writing = 0
        let report = try SSDA903CaseData.importReturn(from: directory, into: store, importedAt: "2025-05-01T09:00:00Z") { progress in
            if case .writing = progress { writing += 1 }
        }
        #expect(writing > 1, "the import reports progress while it writes")
        #expect(report.stored[.unaccompaniedAsylumSeekingStatus] == generated[.uasc]?.count)
        #expect(report.stored[.socialWorkerEpisode] == generated[.socialWorkerEpisodes]?.count)
        let first = try store.fetchCaseRecords()
        // Importing the same return again replaces the data with the same data.
        _ = try SSDA903CaseData.importReturn(from: directory, into: store, importedAt: "2025-05-02T09:00:00Z")
        #expect(try store.fetchCaseRecords() == first)
        #expect(try store.fetchExtracts().count == 2)

        let tables = SSDA903CaseData.tables(for: year, from: try store.fetchCaseRecords())
        try SSDA903Writer.write(tables, to: out)
        let exported = try SSDA903Reader().read(directory: out)
        #expect(Set(exported.keys) == Set(generated.keys), "every table the generator writes is exported")
        #expect(exported[.deprivationOfLiberty] == nil, "DoLo is not part of the 2024/25 return")
        for kind in SSDA903TableKind.allCases {
            let want = rows(generated[kind]), got = rows(exported[kind])
            #expect(got.count == want.count, "\(kind.rawValue): \(got.count) rows exported, \(want.count) generated")
            let differences = Set(want).symmetricDifference(got).sorted().prefix(6)
            #expect(got == want, "\(kind.rawValue) differs, e.g. \(Array(differences))")
        }
        for kind in [SSDA903TableKind.header, .episodes, .reviews, .uasc, .oc2, .oc3, .ad1, .placedAdoption, .previousPermanence, .missing, .socialWorkerEpisodes] {
            #expect((generated[kind]?.count ?? 0) > 0, "the generated return has \(kind.rawValue) rows to compare")
        }

        // The exported return passes every rule the generated one passes.
        let validator = SSDA903Validator(year: year)
        let before = validator.validate(SSDA903Return(tables: generated))
        let after = validator.validate(SSDA903Return(tables: exported))
        let passedBefore = Set(before.outcomes.filter { $0.failures.isEmpty && $0.skipped == nil }.map(\.rule.code))
        let failedAfter = Set(after.outcomes.filter { !$0.failures.isEmpty }.map(\.rule.code))
        #expect(passedBefore.count > 100)
        #expect(passedBefore.intersection(failedAfter).isEmpty, "rules the export fails: \(passedBefore.intersection(failedAfter).sorted())")
    }
}

@Suite("SSDA903 round trip through a SQLite file", .serialized)
struct SSDA903RoundTripTests {
    @Test("generate → import into a SQLite file → export: every table is reproduced, a re-import changes nothing, and the rules still pass")
    func sqliteFile() throws {
        let directory = temporaryFile("903-round-trip")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generated = try SSDA903RoundTrip.generate(children: 400, into: directory + "/generated")
        let store = try SQLiteCaseRecordStore(path: directory + "/oversight.sqlite")
        try SSDA903RoundTrip.check(store: store, generated: generated, directory: directory + "/generated", out: directory + "/exported")
        #expect(try store.foreignKeyViolations() == 0)
        // A store opened afresh on the file reads the same.
        let reopened = try SQLiteCaseRecordStore(path: directory + "/oversight.sqlite")
        #expect(try reopened.fetchCaseRecords() == store.fetchCaseRecords())
    }

    @Test("A table row for a child not in the Header, and a second UASC row for one child, stop the import at file, line and column")
    func oneRowPerChild() throws {
        let directory = temporaryFile("903-twice")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let header = SSDA903Table(kind: .header, rows: [["1", "F", "01/01/2010", "WBRI", "UN3", "1", "05/06/2024"]])
        let twice = SSDA903Table(kind: .uasc, rows: [["1", "F", "01/01/2010", "01/01/2028"], ["1", "F", "01/01/2010", "01/01/2028"]])
        #expect {
            try SSDA903CaseData.records(from: [.header: header, .uasc: twice])
        } throws: { "\($0)".contains("uasc.csv:3") && "\($0)".contains("more than once in the UASC table") }
        let stranger = SSDA903Table(kind: .socialWorkerEpisodes, rows: [["2", "01/01/2010", "SW1", "01/04/2024", nil, "FCONTA"]])
        #expect {
            try SSDA903CaseData.records(from: [.header: header, .socialWorkerEpisodes: stranger])
        } throws: { "\($0)".contains("sw_episodes.csv:2") && "\($0)".contains("CHILD") }
        let badFlag = SSDA903Table(kind: .oc2, rows: [["1", "01/01/2010", "12", nil, "2", nil, "1", "1", "1", "0", nil, nil]])
        #expect {
            try SSDA903CaseData.records(from: [.header: header, .oc2: badFlag])
        } throws: { "\($0)".contains("oc2.csv:2") && "\($0)".contains("CONVICTED") && "\($0)".contains("0 or 1") }
        // Motherhood and the child's birth date are kept on the child.
        let records = try SSDA903CaseData.records(from: [.header: header])
        #expect(records == [.child(Child(id: "1", sex: .female, ethnicity: .wbri, dateOfBirth: LocalDate(iso: "2010-01-01"), upn: "UN3",
                                         isMother: true, motherChildDateOfBirth: LocalDate(iso: "2024-06-05")))])
    }
}

@Suite("SSDA903 round trip through PostgreSQL", .serialized, .enabled(if: ProcessInfo.processInfo.environment["OVERSIGHT_SKIP_POSTGRES"] != "1"))
struct SSDA903PostgresRoundTripTests {
    @Test("generate → import into PostgreSQL → export: every table is reproduced, a re-import changes nothing, and the rules still pass")
    func postgres() throws {
        let url = try #require(ProcessInfo.processInfo.environment["OVERSIGHT_TEST_POSTGRES"], "set OVERSIGHT_TEST_POSTGRES (or OVERSIGHT_SKIP_POSTGRES=1)")
        let directory = temporaryFile("903-round-trip-pg")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generated = try SSDA903RoundTrip.generate(children: 400, into: directory + "/generated")
        let store = try PostgresCaseRecordStore.temporary(url: url)
        defer { store.close() }
        try SSDA903RoundTrip.check(store: store, generated: generated, directory: directory + "/generated", out: directory + "/exported")
    }
}
