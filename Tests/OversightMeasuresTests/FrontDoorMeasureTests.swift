import OversightCore
import OversightMeasures
import Testing

@Suite("Front door and children in need measures")
struct FrontDoorMeasureTests {
    @Test("An assessment authorised on the 45th working day is in time; on the 46th it is not")
    func fortyFifthAndFortySixthWorkingDay() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.child("c2")
        // Monday 3 June 2024; no bank holiday until 26 August, so the 45th working day is Monday 5 August.
        cases.assessment("c1", start: "2024-06-03", authorised: "2024-08-05", id: "on-day-45")
        cases.assessment("c2", start: "2024-06-03", authorised: "2024-08-06", id: "on-day-46")
        let engine = cases.engine()

        let result = try engine.result("CIN-06", "2024-25")
        #expect(result.numerator == 1)
        #expect(result.denominator == 2)
        #expect(result.value == 50)
        let rows = try engine.rows("CIN-06", "2024-25")
        let day45 = try #require(rows.first { $0.recordID == "on-day-45" })
        let day46 = try #require(rows.first { $0.recordID == "on-day-46" })
        #expect(day45.workingDays == 45 && day45.inNumerator)
        #expect(day46.workingDays == 46 && !day46.inNumerator)
        #expect(day46.reason == "assessment authorised on working day 46 after its start, over the 45-day limit")
    }

    @Test("A referral the day before a bank holiday: the holiday is not a working day")
    func referralBeforeBankHoliday() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.child("c2")
        // Friday 24 May 2024; Monday 27 May is the spring bank holiday. Counting Tuesday 28 May as day 1,
        // the 45th working day is Monday 29 July (it would be Friday 26 July without the holiday).
        cases.referral("c1", "2024-05-24", id: "ref1")
        cases.assessment("c1", start: "2024-05-24", authorised: "2024-07-29", referral: "ref1", id: "a-in-time")
        cases.referral("c2", "2024-05-24", id: "ref2")
        cases.assessment("c2", start: "2024-05-28", authorised: "2024-07-30", referral: "ref2", id: "a-late")
        // A contact on the Friday turned into a referral on the Tuesday: one working day.
        cases.contact("c1", "2024-05-24", ledToReferral: true)
        let engine = cases.engine()

        let rows = try engine.rows("CIN-06b", "2024-25")
        #expect(rows.first { $0.recordID == "a-in-time" }?.workingDays == 45)
        #expect(rows.first { $0.recordID == "a-in-time" }?.inNumerator == true)
        #expect(rows.first { $0.recordID == "a-late" }?.workingDays == 46)
        #expect(try engine.result("CIN-06b", "2024-25").value == 50)
        // Measured from its own start (28 May), the second assessment took 45 working days.
        #expect(try engine.result("CIN-06", "2024-25").value == 100)

        var later = CaseBuilder()
        later.child("c1")
        later.contact("c1", "2024-05-24", ledToReferral: true)
        later.referral("c1", "2024-05-28")
        #expect(try later.engine().rows("CIN-04", "2024-25").first?.workingDays == 1)
        #expect(try later.engine().result("CIN-04", "2024-25").value == 100)
    }

    @Test("Same-day completion counts 0 working days and is in time")
    func sameDayCompletion() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.assessment("c1", start: "2024-10-07", authorised: "2024-10-07")
        // Still open at the period's end: not in the denominator.
        cases.assessment("c1", start: "2025-03-01", authorised: nil)
        let engine = cases.engine()
        let rows = try engine.rows("CIN-06", "2024-25")
        #expect(rows.count == 1)
        #expect(rows[0].workingDays == 0)
        #expect(rows[0].inNumerator)
    }

    @Test("A re-referral 365 days after the previous one counts; 366 days after does not")
    func reReferralWindow() throws {
        var cases = CaseBuilder()
        cases.child("near")
        cases.child("far")
        cases.child("once")
        // 10 June 2022 to 10 June 2023 is 365 days and exactly 12 calendar months.
        cases.referral("near", "2022-06-10")
        cases.referral("near", "2023-06-10", id: "near-again")
        cases.referral("far", "2022-06-09")
        cases.referral("far", "2023-06-10", id: "far-again")
        cases.referral("once", "2023-07-01", id: "first")
        let engine = cases.engine()

        let result = try engine.result("CIN-02", "2023-24")
        #expect(result.numerator == 1)
        #expect(result.denominator == 3)
        let rows = try engine.rows("CIN-02", "2023-24")
        #expect(rows.first { $0.recordID == "near-again" }?.days == 365)
        #expect(rows.first { $0.recordID == "near-again" }?.inNumerator == true)
        #expect(rows.first { $0.recordID == "far-again" }?.days == 366)
        #expect(rows.first { $0.recordID == "far-again" }?.inNumerator == false)
        #expect(rows.first { $0.recordID == "first" }?.reason == "no earlier referral")
    }

    @Test("An unborn child is counted in referrals and children in need, and in the unborn cohort")
    func unbornChild() throws {
        var cases = CaseBuilder()
        cases.child("unborn", born: nil, expected: "2025-06-01")
        cases.child("toddler", born: "2023-01-01")
        cases.referral("unborn", "2025-01-15")
        cases.referral("toddler", "2025-02-01")
        let engine = cases.engine(population: 100_000)

        #expect(try engine.result("CIN-01", "2024-25").numerator == 2)
        #expect(try engine.result("CIN-08", "2024-25").numerator == 2)
        #expect(try engine.result("CIN-08", "2024-25", slice: .cohort(.ageBand(.unborn))).numerator == 1)
        #expect(try engine.result("CIN-08", "2024-25", slice: .cohort(.ageBand(.oneToFour))).numerator == 1)
        // Born by the later date: no longer in the unborn band.
        #expect(try engine.result("CIN-08", "asat:2025-07-01", slice: .cohort(.ageBand(.unborn))).numerator == 0)
    }

    @Test("Referral rates are per 10,000 children aged 0–17, annualised for part-years")
    func rates() throws {
        var cases = CaseBuilder()
        for i in 0..<30 {
            cases.child("c\(i)")
            cases.referral("c\(i)", "2024-11-\(String(format: "%02d", i % 28 + 1))")
        }
        let engine = cases.engine(population: 12_000)
        let year = try engine.result("CIN-01", "2024-25")
        #expect(year.numerator == 30)
        #expect(year.denominator == 12_000)
        #expect(year.value == 25)
        let month = try engine.result("CIN-01", "2024-11")
        #expect(month.value == 300)
        #expect(month.note == "annualised: count × 12.00")
        #expect(try cases.engine().result("CIN-01", "2024-25").value == nil)
    }

    @Test("No further action at referral and after assessment are told apart")
    func noFurtherAction() throws {
        var cases = CaseBuilder()
        for i in 0..<4 { cases.child("c\(i)") }
        cases.referral("c0", "2024-05-01", nfa: true, closed: "2024-05-01", reason: .rc7)
        cases.referral("c1", "2024-05-01", nfa: false, closed: "2024-06-20", reason: .rc8)
        cases.referral("c2", "2024-05-01", nfa: false, closed: "2024-06-20", reason: .rc9)
        cases.referral("c3", "2024-05-01", nfa: false)
        let engine = cases.engine()
        #expect(try engine.result("CIN-03", "2024-25").value == 25)
        #expect(try engine.result("CIN-07", "2024-25").value == 50)
    }

    @Test("Contacts convert to referrals by their flag, or by a referral the same day when unflagged")
    func contactConversion() throws {
        var cases = CaseBuilder()
        cases.child("c1")
        cases.child("c2")
        cases.contact("c1", "2024-09-02", ledToReferral: true)
        cases.contact("c1", "2024-09-20", ledToReferral: false)
        cases.contact("c2", "2024-10-01", ledToReferral: nil)
        cases.referral("c2", "2024-10-01")
        #expect(try cases.engine().result("CIN-05", "2024-25").numerator == 2)
        #expect(try cases.engine().result("CIN-05", "2024-25").denominator == 3)
    }
}
