import OversightCore
import OversightMeasures
import Testing

@Suite("Looked-after, care leaver and workforce measures")
struct LookedAfterMeasureTests {
    @Test("Three placements of which one is a temporary move count as two")
    func temporaryPlacementsDoNotCount() throws {
        var cases = CaseBuilder()
        cases.child("two-and-a-holiday")
        cases.episode("two-and-a-holiday", start: "2023-01-10")
        cases.placement("two-and-a-holiday", start: "2023-01-10", end: "2024-07-01", type: .u4)
        cases.placement("two-and-a-holiday", start: "2024-07-01", end: "2024-07-08", type: .t2)
        cases.placement("two-and-a-holiday", start: "2024-07-08", type: .u6)
        cases.child("three")
        cases.episode("three", start: "2024-05-01")
        cases.placement("three", start: "2024-05-01", end: "2024-06-01", type: .u6)
        cases.placement("three", start: "2024-06-01", end: "2024-12-01", type: .k2)
        cases.placement("three", start: "2024-12-01", type: .u4)
        let engine = cases.engine()
        let rows = try engine.rows("CLA-02", "2024-25")
        #expect(rows.first { $0.childID == "two-and-a-holiday" }?.value == 2)
        #expect(rows.first { $0.childID == "three" }?.value == 3)
        #expect(try engine.result("CLA-02", "2024-25").value == 50)
    }

    @Test("Children looked after at the period end, short breaks aside; a period of care spans its episodes")
    func lookedAfterStock() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.episode("c1", start: "2022-01-01", end: "2023-05-01", legal: .c1, ceased: .x1)
        cases.episode("c1", start: "2023-05-01", legal: .c2)
        cases.child("short-breaks")
        cases.episode("short-breaks", start: "2024-01-01", legal: .v4)
        cases.child("left")
        cases.episode("left", start: "2024-01-01", end: "2025-03-31", ceased: .e11)
        let engine = cases.engine(population: 20_000)
        let stock = try engine.result("CLA-01", "2024-25")
        #expect(stock.numerator == 1)
        #expect(stock.value == 0.5)
        // c1 has been looked after since 1 January 2022 without a break: 2½ years by 30 June 2024.
        #expect(try engine.rows("CLA-04", "2024-25").first?.from == d("2022-01-01"))
        #expect(try engine.result("CLA-14", "2024-25").value == 100)
    }

    @Test("Looked-after reviews: 20 working days, then 3 months, then 6 months")
    func lookedAfterReviews() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        // Monday 1 July 2024: the 20th working day after is Monday 29 July.
        cases.episode("c1", start: "2024-07-01")
        cases.lookedAfterReview("c1", "2024-07-29", participation: .pn1)
        cases.lookedAfterReview("c1", "2024-10-30", participation: .pn7)   // due 29 October: one day late
        // Next due 30 April 2025, after the period.
        let engine = cases.engine()
        let rows = try engine.rows("CLA-05", "2024-25")
        #expect(rows.map(\.inNumerator) == [true, false])
        #expect(rows.map(\.days) == [0, 1])
        #expect(try engine.result("IRO-02", "2024-25").value == 50)
        #expect(try engine.result("IRO-04", "2024-25").value == 50)
    }

    @Test("Care leavers are counted in the year of their 19th, 20th or 21st birthday")
    func careLeaverCohort() throws {
        var cases = CaseBuilder()
        cases.child("nineteen", born: "2005-10-01")
        cases.careLeaver("nineteen", suitable: true, activity: .f5, inTouch: .yes)
        cases.child("twenty-two", born: "2002-10-01")
        cases.careLeaver("twenty-two", suitable: false, activity: .g5, inTouch: .no)
        cases.child("twenty-one", born: "2004-01-15")
        cases.careLeaver("twenty-one", suitable: nil, activity: .g5, inTouch: .yes, pathwayReview: "2025-02-01")
        let engine = cases.engine()
        let cl01 = try engine.result("CL-01", "2024-25")
        #expect(cl01.denominator == 2, "the 22-year-old's birthday falls outside the cohort")
        #expect(cl01.value == 50)
        #expect(try engine.result("CL-02", "2024-25").value == 50)
        #expect(try engine.result("CL-03", "2024-25").value == 100)
        #expect(try engine.result("CL-04", "2024-25").numerator == 1)
    }

    @Test("Adoption A1: entering care to moving in, from the foster placement when the adopters fostered first")
    func adoptionTimeliness() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.episode("c1", start: "2022-01-01", end: "2024-09-01", ceased: .e11)
        cases.placement("c1", start: "2022-01-01", end: "2022-06-01", type: .u6)
        cases.placement("c1", start: "2022-06-01", end: "2023-02-01", type: .u5)
        cases.placement("c1", start: "2023-02-01", end: "2024-09-01", type: .a5)
        cases.child("c2")
        cases.episode("c2", start: "2023-01-01", end: "2024-12-01", ceased: .e12)
        cases.placement("c2", start: "2023-01-01", end: "2023-10-29", type: .u6)
        cases.placement("c2", start: "2023-10-29", end: "2024-12-01", type: .a6)
        let rows = try cases.engine().rows("ADO-01", "2024-25")
        #expect(rows.first { $0.childID == "c1" }?.days == 151)   // 1 January to 1 June 2022
        #expect(rows.first { $0.childID == "c2" }?.days == 301)
        #expect(try cases.engine().result("ADO-01", "2024-25").value == 226)
    }

    @Test("Caseload and agency rate from allocations and workers; a team slice follows the allocation")
    func workforce() throws {
        var cases = CaseBuilder()
        cases.team("T1", "Assessment North")
        cases.team("T2", "Children in Care")
        cases.worker("w1", name: "Ada", fte: 1, team: "Assessment North")
        cases.worker("w2", name: "Ben", fte: 0.5, team: "Children in Care")
        cases.worker("w3", name: "Cy", agency: true, fte: 1, team: "Children in Care")
        for i in 0..<6 {
            cases.child("c\(i)")
            cases.allocate("c\(i)", to: i < 4 ? "w1" : "w2", team: i < 4 ? "T1" : "T2", from: "2024-01-01")
        }
        let engine = cases.engine()
        let caseload = try engine.result("WF-05", "2024-25")
        #expect(caseload.numerator == 6)
        #expect(caseload.denominator == 1.5)
        #expect(caseload.value == 4)
        #expect(try engine.result("WF-05", "2024-25", slice: .team("Children in Care")).value == 4)
        #expect(try engine.result("WF-05", "2024-25", slice: .team("T1")).numerator == 4)
        #expect(try engine.result("WF-05", "2024-25", slice: .worker("Ada")).numerator == 4)
        #expect(try engine.result("WF-01", "2024-25").value == 1.5)
        #expect(try engine.result("WF-03", "2024-25").value == 40)
    }

    @Test("Measures without data held say so instead of showing a number")
    func unavailableMeasures() throws {
        let result = try CaseBuilder().engine().result("CLA-07", "2024-25")
        #expect(result.value == nil)
        #expect(result.note?.contains("does not yet hold health assessments") == true)
        #expect(result.comparators.contains { $0.area == .england && $0.value == 90 })
    }
}
