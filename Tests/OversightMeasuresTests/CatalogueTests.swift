import Foundation
import OversightCore
@testable import OversightMeasures
import OversightStorage
import Testing

@Suite("The measure catalogue, comparators and publication")
struct CatalogueTests {
    @Test("Every measure kpis.md §3 names is declared once, with its definition")
    func catalogueCoversKPIs() {
        let ids = MeasureCatalogue.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        let expected = (1...8).map { "CIN-0\($0)" } + (1...11).map { String(format: "CP-%02d", $0) }
            + (1...14).map { String(format: "CLA-%02d", $0) } + ["ADO-01", "ADO-02"] + (1...4).map { "CL-0\($0)" }
            + (1...5).map { "WF-0\($0)" } + (1...4).map { "IRO-0\($0)" } + ["SEND-01"]
        #expect(Set(expected).subtracting(ids).isEmpty, "missing: \(Set(expected).subtracting(ids).sorted())")
        for measure in MeasureCatalogue.all {
            #expect(!measure.definition.isEmpty && !measure.title.isEmpty)
            #expect(measure.isAvailable == (measure.unavailableReason == nil))
        }
    }

    @Test("Comparators match the published figures in kpis.md")
    func comparatorsFromKPIs() throws {
        let table = ComparatorTable.shipped
        func figure(_ id: String, _ area: ComparatorArea, _ year: Int) -> Double? {
            table.comparators(for: id, year: year).first { $0.area == area && $0.year == year }?.value
        }
        #expect(figure("CIN-02", .england, 2024) == 22.4)
        #expect(figure("CIN-02", .buckinghamshire, 2023) == 39.1)
        #expect(figure("CIN-02", .statisticalNeighbours, 2025) == 21.9)
        #expect(figure("CIN-03", .england, 2025) == 6.5)
        #expect(figure("CIN-06", .england, 2025) == 85.7)
        #expect(figure("CP-04", .buckinghamshire, 2022) == 59.8)
        #expect(figure("CP-06", .england, 2024) == 24.7)
        #expect(figure("CLA-01", .buckinghamshire, 2025) == 40)
        #expect(figure("CLA-02", .england, 2023) == 11)
        #expect(figure("CL-02", .buckinghamshire, 2023) == 64)
        #expect(figure("WF-05", .england, 2021) == 16.3)
        #expect(figure("WF-03", .buckinghamshire, 2024) == 31.3)
        #expect(table.populations[.england]?.first { $0.midYear == 2023 }?.aged0to17 == 12_059_476)
        // Years without a figure fall back to the latest earlier one.
        #expect(table.comparators(for: "CIN-06", year: 2026).first?.year == 2025)
    }

    @Test("A period's comparators come from the DfE year that contains its end")
    func reportingYears() throws {
        #expect(ComparatorTable.reportingYear(for: try .parse("2024-25"), source: .cinCensus) == 2025)
        #expect(ComparatorTable.reportingYear(for: try .parse("2024-11"), source: .ssda903) == 2025)
        #expect(ComparatorTable.reportingYear(for: try .parse("2024-Q1"), source: .cinCensus) == 2025)
        #expect(ComparatorTable.reportingYear(for: try .parse("2024-25"), source: .workforceCensus) == 2024)
        #expect(ComparatorTable.reportingYear(for: try .parse("asat:2024-09-30"), source: .workforceCensus) == 2024)
        let result = try CaseBuilder().engine().result("CIN-02", "2023-24")
        #expect(result.comparators.map(\.area) == [.england, .buckinghamshire, .statisticalNeighbours])
        #expect(result.comparators.map(\.value) == [22.4, 23.3, 21.1])
    }

    @Test("Published figures suppress counts of 1 to 5 and round as DfE does")
    func suppression() {
        func result(_ value: Double?, _ numerator: Double, _ denominator: Double, unit: MeasureUnit = .percentage) -> MeasureResult {
            MeasureResult(id: "X", title: "X", unit: unit, period: "2024-25", slice: "authority", value: value, numerator: numerator,
                          denominator: denominator, polarity: .neither, comparators: [], note: nil)
        }
        #expect(result(60, 3, 5).published(decimals: 1) == PublishedFigure(value: "c", numerator: "c", denominator: "c"))
        #expect(result(37.5, 6, 16).published(decimals: 1) == PublishedFigure(value: "37.5", numerator: "6", denominator: "16"))
        #expect(result(37.5, 6, 16).published(decimals: 0) == PublishedFigure(value: "38", numerator: "6", denominator: "16"))
        #expect(result(0, 0, 12).published(decimals: 1).value == "0.0")
        #expect(result(nil, 0, 0).published(decimals: 1).value == "x")
        #expect(result(2.5, 4, 16_000, unit: .ratePer10000).published(decimals: 1) == PublishedFigure(value: "c", numerator: "c", denominator: "16000"))
    }

    @Test("Every measure computes on one snapshot, and a trend has 24 monthly points")
    func computeAllAndTrend() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        for month in 1...12 { cases.referral("c1", "2024-\(String(format: "%02d", month))-10") }
        let engine = cases.engine(population: 10_000)
        let all = engine.computeAll(period: try .parse("2024-25"))
        #expect(all.map(\.id) == MeasureCatalogue.all.map(\.id))
        #expect(all.first { $0.id == "CIN-01" }?.numerator == 9)
        let trend = engine.trend(try #require(MeasureCatalogue.measure("CIN-01")), lastMonth: (2025, 3))
        #expect(trend.count == 24)
        #expect(trend.first?.period == "2023-04")
        #expect(trend.last?.period == "2025-03")
        #expect(trend.compactMap(\.numerator).reduce(0, +) == 12)
    }

    @Test("A snapshot streamed out of a store gives the same figures as one built in memory")
    func snapshotFromStore() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.child("c2")
        cases.referral("c1", "2024-05-01")
        cases.referral("c1", "2024-09-01")
        cases.assessment("c2", start: "2024-06-03", authorised: "2024-06-20")
        let store = InMemoryCaseRecordStore()
        try store.replaceCaseRecords { writer in
            for record in cases.records.allRecords { try writer.insert(record) }
            return ExtractDescription(kind: "test", source: "test", fingerprint: "x", importedAt: "2025-01-01T00:00:00Z")
        }
        var loaded: [Entity] = []
        let snapshot = try CaseSnapshot.load(from: store) { loaded.append($0) }
        #expect(loaded == Entity.allCases)
        let fromStore = MeasureEngine(snapshot: snapshot).computeAll(period: try .parse("2024-25"))
        #expect(fromStore == cases.engine().computeAll(period: try .parse("2024-25")))
    }
}

@Suite("Snapshot building")
struct SnapshotBuildingTests {
    @Test("Children arriving in or out of ID order give the same snapshot")
    func childOrder() throws {
        var sorted = CaseBuilder()
        for id in ["a", "b", "c"] { sorted.child(id) }
        sorted.referral("b", "2024-06-01")
        sorted.referral("c", "2024-07-01")
        sorted.referral("c", "2024-09-01")
        var shuffled = sorted
        shuffled.records.children.reverse()
        let period = try ReportingPeriod.parse("2024-25")
        let a = sorted.engine().explain(try #require(MeasureCatalogue.measure("CIN-02")), period: period)
        let b = shuffled.engine().explain(try #require(MeasureCatalogue.measure("CIN-02")), period: period)
        #expect(a.rows.count == 3)
        #expect(Set(a.rows.map(\.childID)) == Set(b.rows.map(\.childID)))
        #expect(a.result == b.result)
    }
}

@Suite("Cohort slices")
struct CohortSliceTests {
    @Test("An ethnicity or sex cohort counts only its children")
    func ethnicityAndSex() throws {
        var cases = CaseBuilder()
        cases.child("a", sex: .male, ethnicity: .bafr)
        cases.child("b", sex: .female, ethnicity: .wbri)
        cases.child("c", sex: .female, ethnicity: .bafr)
        for id in ["a", "b", "c"] { cases.referral(id, "2024-06-01") }
        let engine = cases.engine()
        #expect(try engine.result("CIN-03", "2024-25", slice: .cohort(.ethnicity(.bafr))).denominator == 2)
        #expect(try engine.result("CIN-03", "2024-25", slice: .cohort(.sex(.female))).denominator == 2)
        #expect(try engine.result("CIN-03", "2024-25", slice: .cohort(try #require(Cohort(parsing: "ethnicity=WBRI")))).denominator == 1)
    }
}

@Suite("Sorting rows by child")
struct SortByChildTests {
    @Test("The counting sort orders rows by child then date, with each child's offsets", arguments: [1, 7, 200])
    func matchesReferenceOrder(children: Int) {
        var random = SplitMix64(state: UInt64(children))
        var rows: [CaseSnapshot.ContactRow] = []
        for _ in 0..<(children * 5) {
            // Some children get 70+ rows so the long-run path is exercised as well as the insertion sort.
            let child = random.next() % 4 == 0 ? Int32(0) : Int32(random.next() % UInt64(children))
            rows.append(CaseSnapshot.ContactRow(
                child: child, date: LocalDate(dayNumber: Int32(random.next() % 900)), ledToReferral: nil))
        }
        var sorted = rows
        let offsets = CaseSnapshot.Builder.sortByChild(&sorted, children: children)
        let expected = rows.sorted { ($0.child, $0.date.dayNumber) < ($1.child, $1.date.dayNumber) }
        #expect(sorted.map(\.child) == expected.map(\.child))
        #expect(sorted.map(\.date) == expected.map(\.date))
        #expect(offsets.count == children + 1)
        for child in 0..<children {
            let slice = sorted[Int(offsets[child])..<Int(offsets[child + 1])]
            #expect(slice.allSatisfy { Int($0.child) == child })
        }
        #expect(Int(offsets[children]) == rows.count)
    }
}
