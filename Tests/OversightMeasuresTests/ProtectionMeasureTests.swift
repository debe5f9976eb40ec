import OversightCore
import OversightMeasures
import Testing

@Suite("Child protection measures")
struct ProtectionMeasureTests {
    @Test("A second plan in the same year is a repeat plan; the first is not")
    func secondPlanInSameYear() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.plan("c1", start: "2024-05-01", end: "2024-08-01", id: "first")
        cases.plan("c1", start: "2024-11-01", id: "second")
        // A plan held for another authority is not this authority's plan.
        cases.child("visitor")
        cases.plan("visitor", start: "2024-06-01", otherAuthority: true)
        let engine = cases.engine()

        let repeatPlans = try engine.result("CP-06", "2024-25")
        #expect(repeatPlans.numerator == 1 && repeatPlans.denominator == 2)
        let rows = try engine.rows("CP-06", "2024-25")
        #expect(rows.first { $0.recordID == "second" }?.reason == "plan number 2 for this child")
        #expect(rows.first { $0.recordID == "first" }?.inNumerator == false)
        #expect(try engine.result("CP-07", "2024-25").numerator == 1)
        #expect(try engine.result("CP-05", "2024-25").numerator == 1)
    }

    @Test("Initial conferences: 15 working days from the enquiry is in time, 16 is not; transfer-ins are left out")
    func conferenceTimeliness() throws {
        var cases = CaseBuilder()
        for i in 1...3 { cases.child("c\(i)") }
        // Monday 2 September 2024: the 15th working day after is Monday 23 September.
        cases.enquiry("c1", start: "2024-09-02", end: "2024-09-23", id: "e1")
        cases.conference("c1", "2024-09-23", enquiry: "e1")
        cases.enquiry("c2", start: "2024-09-02", end: "2024-09-24", id: "e2")
        cases.conference("c2", "2024-09-24", enquiry: nil)
        cases.enquiry("c3", start: "2024-09-02", id: "e3")
        cases.conference("c3", "2024-09-03", enquiry: "e3", transferIn: true)
        let engine = cases.engine()
        let rows = try engine.rows("CP-04", "2024-25")
        #expect(rows.map(\.workingDays) == [15, 16])
        #expect(try engine.result("CP-04", "2024-25").value == 50)
        // Every enquiry led to a conference.
        #expect(try engine.result("CP-02", "2024-25").value == 100)
    }

    @Test("An enquiry still open with no conference is not yet a failure to progress")
    func openEnquiries() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.child("c2")
        cases.enquiry("c1", start: "2025-03-20", id: "open")
        cases.enquiry("c2", start: "2024-06-01", end: "2024-06-20", id: "closed")
        let result = try cases.engine().result("CP-02", "2024-25")
        #expect(result.denominator == 1)
        #expect(result.numerator == 0)
    }

    @Test("Review conferences: first within 3 months of the plan, then 6-monthly; a missed review is late")
    func reviewTimeliness() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.plan("c1", start: "2024-04-10", id: "p1")
        cases.protectionReview("c1", "2024-07-10", plan: "p1")   // due 10 July: on time
        cases.protectionReview("c1", "2025-01-20", plan: "p1")   // due 10 January: late
        // Next due 20 July 2025, after the period.
        cases.child("c2")
        cases.plan("c2", start: "2024-09-01", id: "p2")          // first due 1 December, never held
        let engine = cases.engine()
        let rows = try engine.rows("CP-09", "2024-25")
        #expect(rows.count == 3)
        #expect(rows.filter(\.inNumerator).count == 1)
        #expect(rows.contains { $0.recordID == "p2" && $0.reason.contains("not held") })
        #expect(try engine.result("IRO-03", "2024-25") .numerator == 1)
    }

    @Test("Visits: seen within 10 working days of the period end; seen alone at the last visit")
    func visits() throws {
        var cases = CaseBuilder()
        cases.child("recent", born: "2016-05-01")
        cases.child("stale", born: "2016-05-01")
        cases.child("baby", born: "2025-01-01")
        for child in ["recent", "stale", "baby"] { cases.plan(child, start: "2025-01-06") }
        // 31 March 2025 is a Monday: 17 March is 10 working days before, 14 March 11.
        cases.visit("recent", "2025-03-17", context: .childProtection, alone: true)
        cases.visit("stale", "2025-03-14", context: .childProtection, alone: false)
        cases.visit("baby", "2025-03-28", context: .childProtection)
        let engine = cases.engine()
        let visits = try engine.rows("CP-10", "2024-25")
        #expect(visits.first { $0.childID == "recent" }?.workingDays == 10)
        #expect(visits.first { $0.childID == "stale" }?.inNumerator == false)
        #expect(try engine.result("CP-10", "2024-25").numerator == 2)
        let alone = try engine.result("CP-11", "2024-25")
        #expect(alone.denominator == 2, "the baby is left out")
        #expect(alone.numerator == 1)
    }

    @Test("Plans that lasted two years or more when they ended")
    func longPlans() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.child("c2")
        cases.plan("c1", start: "2022-06-01", end: "2024-06-01")
        cases.plan("c2", start: "2022-06-02", end: "2024-06-01")
        #expect(try cases.engine().result("CP-08", "2024-25").value == 50)
    }
}
