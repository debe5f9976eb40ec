import Foundation
import OversightCore
import OversightInterchange
import OversightStorage
import OversightSynthetic
import OversightValidation
import Testing

@Suite("CIN census import and export")
struct CINImportExportTests {
    /// The census as the store gives it back: a review element with no date (rule 8842Q) is no review.
    static func stored(_ child: CINCensusChild) -> CINCensusChild {
        var child = child
        child.line = 0
        for e in child.episodes.indices {
            for p in child.episodes[e].protectionPlans.indices {
                child.episodes[e].protectionPlans[p].reviewDates = child.episodes[e].protectionPlans[p].reviewDates.filter { $0 != nil }
            }
        }
        return child
    }

    @Test func aCensusImportedAndExportedAgainGivesTheSameChildren() throws {
        let generator = CINCensusGenerator(year: 2025, seed: 21)
        let path = temporaryFile("import.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try generator.write(children: 500, to: path)
        let store = InMemoryCaseRecordStore()
        let report = try CINCensusImporter().importCensus(from: path, into: store, importedAt: "2025-05-01T09:00:00Z")
        #expect(report.children == 500)
        #expect(try store.fetchExtracts().last?.kind == "cin")
        let exported = CINCensusExporter(year: 2025).children(from: try store.fetchCaseRecords())
        let original = (0..<500).map { Self.stored(generator.child($0)) }.sorted { $0.laChildID! < $1.laChildID! }
        #expect(exported.count == original.count)
        for (written, read) in zip(original, exported.map(Self.stored)) {
            #expect(written == read, "child \(written.laChildID ?? "?")")
        }
    }

    @Test func importingTheSameCensusTwiceLeavesTheSameData() throws {
        let path = temporaryFile("twice.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CINCensusGenerator(year: 2025, seed: 4).write(children: 120, to: path)
        let store = InMemoryCaseRecordStore()
        _ = try CINCensusImporter().importCensus(from: path, into: store, importedAt: "2025-05-01T09:00:00Z")
        let first = try store.fetchCaseRecords()
        _ = try CINCensusImporter().importCensus(from: path, into: store, importedAt: "2025-05-02T09:00:00Z")
        #expect(try store.fetchCaseRecords() == first)
    }

    @Test func aBadCodeStopsTheImportAndChangesNothing() throws {
        let good = temporaryFile("good.xml")
        let bad = temporaryFile("bad.xml")
        defer { for path in [good, bad] { try? FileManager.default.removeItem(atPath: path) } }
        try CINCensusGenerator(year: 2025, seed: 4).write(children: 50, to: good)
        let text = try String(contentsOfFile: good, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "<Ethnicity>WBRI</Ethnicity>", with: "<Ethnicity>WHITE</Ethnicity>")
        #expect(broken != text)
        try broken.write(toFile: bad, atomically: true, encoding: .utf8)
        let store = InMemoryCaseRecordStore()
        _ = try CINCensusImporter().importCensus(from: good, into: store, importedAt: "2025-05-01T09:00:00Z")
        let before = try store.fetchCaseRecords()
        let error = #expect(throws: CINImportError.self) {
            _ = try CINCensusImporter().importCensus(from: bad, into: store, importedAt: "2025-05-02T09:00:00Z")
        }
        #expect(error?.description.contains("Ethnicity: 'WHITE'") == true)
        #expect(error?.description.hasPrefix(bad + ":") == true)
        #expect(try store.fetchCaseRecords() == before)
    }

    @Test func storedDataIsValidatedThroughTheCensusItWouldMake() throws {
        var child = CINCensusChild(
            laChildID: "S1", personBirthDate: LocalDate(year: 2016, month: 2, day: 1), sex: "F", ethnicity: "WBRI",
            episodes: [
                CINCensusEpisode(
                    referralDate: LocalDate(year: 2024, month: 6, day: 1), referralSource: "6", primaryNeedCode: "N1", referralNFA: "false",
                    protectionPlans: [CINCensusProtectionPlan(startDate: LocalDate(year: 2024, month: 6, day: 20), initialCategoryOfAbuse: "NEG", latestCategoryOfAbuse: "NEG")])
            ])
        child.upnUnknown = "UN3"
        let records = try CINCensusImporter.records(for: child, file: "t.xml")
        var all = CaseRecords()
        for record in records {
            switch record {
            case .child(let r): all.children.append(r)
            case .childInNeedEpisode(let r): all.childInNeedEpisodes.append(r)
            case .childProtectionPlan(let r): all.childProtectionPlans.append(r)
            default: break
            }
        }
        let report = CINValidation.validateStored(all, year: 2025)
        // A plan with no conference on its start day (2885), and none of its previous plans counted (8730).
        #expect(report.failed.contains { $0.rule.code == "2885" && $0.children == ["S1"] })
        #expect(report.failed.contains { $0.rule.code == "8730" && $0.children == ["S1"] })
    }
}
