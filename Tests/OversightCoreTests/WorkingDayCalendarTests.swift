import Testing
@testable import OversightCore

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("Working-day calendar (kpis.md §0.2, §0.3)")
struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar.englandAndWales

    @Test("Same-day completion counts as 0 working days")
    func sameDay() {
        #expect(calendar.workingDays(from: d("2024-11-20"), to: d("2024-11-20")) == 0)
    }

    @Test("The start day is not counted; the end day is", arguments: [
        ("2024-11-18", "2024-11-19", 1),  // Monday → Tuesday
        ("2024-11-22", "2024-11-25", 1),  // Friday → Monday: the weekend does not count
        ("2024-11-23", "2024-11-25", 1),  // Saturday start: counting begins with the next working day
        ("2024-11-18", "2024-11-22", 4),
        ("2024-11-18", "2024-11-25", 5),
    ])
    func simpleCounts(start: String, end: String, expected: Int) {
        #expect(calendar.workingDays(from: d(start), to: d(end)) == expected)
    }

    @Test("Easter 2024: Good Friday 29 March and Easter Monday 1 April are not working days")
    func easter2024() {
        #expect(!calendar.isWorkingDay(d("2024-03-29")))
        #expect(!calendar.isWorkingDay(d("2024-04-01")))
        // Thursday 28 March → Tuesday 2 April is one working day (the Tuesday).
        #expect(calendar.workingDays(from: d("2024-03-28"), to: d("2024-04-02")) == 1)
        #expect(calendar.addingWorkingDays(1, to: d("2024-03-28")) == d("2024-04-02"))
    }

    @Test("Easter 2025 falls in April: 18 and 21 April are skipped")
    func easter2025() {
        #expect(calendar.addingWorkingDays(1, to: d("2025-04-17")) == d("2025-04-22"))
        #expect(calendar.workingDays(from: d("2025-04-14"), to: d("2025-04-25")) == 7)
    }

    @Test("Platinum Jubilee 2022: Thursday 2 and Friday 3 June are holidays, the late-May Monday is not")
    func jubilee() {
        #expect(calendar.isBankHoliday(d("2022-06-02")))
        #expect(calendar.isBankHoliday(d("2022-06-03")))
        #expect(calendar.isWorkingDay(d("2022-05-30")))
        // Wednesday 1 June → Monday 6 June: only the Monday counts.
        #expect(calendar.workingDays(from: d("2022-06-01"), to: d("2022-06-06")) == 1)
    }

    @Test("The State Funeral of Queen Elizabeth II, Monday 19 September 2022, stops the clock")
    func stateFuneral() {
        #expect(calendar.isBankHoliday(d("2022-09-19")))
        #expect(calendar.addingWorkingDays(1, to: d("2022-09-16")) == d("2022-09-20"))
        #expect(calendar.workingDays(from: d("2022-09-12"), to: d("2022-09-23")) == 8)
    }

    @Test("A referral on Friday 23 December 2022 is day 1 on Wednesday 28 December")
    func christmas2022() {
        // 26 (Boxing Day) and 27 (Christmas substitute) are holidays.
        #expect(calendar.addingWorkingDays(1, to: d("2022-12-23")) == d("2022-12-28"))
    }

    @Test("45 working days from a referral lands on the due date, and counting back agrees")
    func fortyFiveDays() {
        let referral = d("2024-03-01")
        let due = calendar.addingWorkingDays(45, to: referral)
        #expect(calendar.workingDays(from: referral, to: due) == 45)
        #expect(calendar.workingDays(from: referral, to: due.adding(days: -1)) == 44)
        // From Friday 1 March 2024 the clock skips Easter (29 March, 1 April) and the early May bank
        // holiday (6 May): the 45th working day is Wednesday 8 May.
        #expect(due == d("2024-05-08"))
    }

    @Test("Counting agrees with stepping day by day across 2019–2027")
    func countMatchesStepping() {
        var date = d("2019-01-01")
        var stepped = 0
        let start = date
        while date < d("2027-12-31") {
            date = date.adding(days: 1)
            if calendar.isWorkingDay(date) { stepped += 1 }
            if date.day == 1 { #expect(calendar.workingDays(from: start, to: date) == stepped) }
        }
    }

    @Test("Adding working days inverts counting for every start and length", arguments: [0, 1, 5, 10, 15, 20, 45, 60])
    func addingInvertsCounting(count: Int) {
        var start = d("2021-12-20")
        while start < d("2022-02-01") {
            let due = calendar.addingWorkingDays(count, to: start)
            #expect(calendar.workingDays(from: start, to: due) == count)
            if count > 0 { #expect(calendar.isWorkingDay(due)) }
            start = start.adding(days: 1)
        }
    }

    @Test("Every one-off holiday of 2020–2023 is in the shipped list", arguments: ["2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"])
    func oneOffHolidays(date: String) {
        #expect(calendar.isBankHoliday(d(date)))
    }

    @Test("A deployment can add later years from a file of dates")
    func loadLaterYears() throws {
        let text = "date,title\n2028-01-03,New Year’s Day (substitute day)\n2028-04-14,Good Friday\n"
        let extended = calendar.adding(try BankHoliday.parseList(text, source: "holidays.csv"))
        #expect(extended.isBankHoliday(d("2028-04-14")))
        #expect(extended.lastCoveredYear == 2028)
        #expect(!calendar.isBankHoliday(d("2028-04-14")))
    }

    @Test("The GOV.UK feed is read for its england-and-wales division only")
    func loadFeed() throws {
        let feed = """
            {"england-and-wales":{"division":"england-and-wales","events":[{"title":"Good Friday","date":"2028-04-14","notes":"","bunting":false}]},
             "scotland":{"division":"scotland","events":[{"title":"2nd January","date":"2028-01-04","notes":"","bunting":true}]}}
            """
        let holidays = try BankHoliday.parseList(feed, source: "bank-holidays.json")
        #expect(holidays.map(\.date) == [d("2028-04-14")])
    }

    @Test("A bad line in a holiday file is reported with its line number")
    func badHolidayLine() {
        #expect(throws: CalendarFileError.invalidDate("2028-02-30", source: "h.csv", line: 3)) {
            try BankHoliday.parseList("date,title\n2028-01-03,x\n2028-02-30,y\n", source: "h.csv")
        }
    }
}

@Suite("Dates")
struct LocalDateTests {
    @Test("Impossible days are rejected", arguments: ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31"])
    func impossible(text: String) {
        #expect(LocalDate(iso: text) == nil)
        #expect(LocalDate(parsing: text + " 00:00:00.000") == nil)
    }

    @Test("SQL datetimes, ISO dates and dd/mm/yyyy all read as the same day")
    func parsingForms() {
        let expected = LocalDate(year: 2024, month: 12, day: 10)
        for text in ["2024-12-10", "2024-12-10 00:00:00.000", "2024-12-10T09:30:00", "10/12/2024"] {
            #expect(LocalDate(parsing: text) == expected)
        }
        #expect(LocalDate(parsing: "12/2024") == nil)
    }

    @Test("Months add by calendar, clipped to the month's end")
    func addingMonths() {
        #expect(d("2024-01-31").adding(months: 1) == d("2024-02-29"))
        #expect(d("2023-01-31").adding(months: 1) == d("2023-02-28"))
        #expect(d("2024-08-31").adding(months: -6) == d("2024-02-29"))
        #expect(d("2024-11-15").adding(months: 3) == d("2025-02-15"))
    }

    @Test("Round trip through day numbers over four centuries of dates")
    func roundTrip() {
        var date = d("1900-01-01")
        while date < d("2100-01-01") {
            let (y, m, dd) = date.components
            #expect(LocalDate(year: y, month: m, day: dd) == date)
            date = date.adding(days: 37)
        }
    }

    @Test("Weekdays: 1 January 2024 was a Monday, 1 January 2022 a Saturday")
    func weekdays() {
        #expect(d("2024-01-01").isoWeekday == 1)
        #expect(d("2022-01-01").isoWeekday == 6)
        #expect(d("1970-01-01").isoWeekday == 4)
        #expect(d("1969-12-28").isoWeekday == 7)
    }

    @Test("Age turns on the birthday, and a 29 February birthday turns on 1 March")
    func ages() {
        #expect(d("2008-06-15").age(on: d("2026-06-14")) == 17)
        #expect(d("2008-06-15").age(on: d("2026-06-15")) == 18)
        #expect(d("2008-02-29").age(on: d("2026-02-28")) == 17)
        #expect(d("2008-02-29").age(on: d("2026-03-01")) == 18)
    }
}

@Suite("Reporting periods")
struct ReportingPeriodTests {
    @Test("Periods parse from the forms the command line accepts", arguments: [
        ("2024-25", "2024-04-01", "2025-03-31"),
        ("2024-Q1", "2024-04-01", "2024-06-30"),
        ("2024-Q3", "2024-10-01", "2024-12-31"),
        ("2024-Q4", "2025-01-01", "2025-03-31"),
        ("2024-11", "2024-11-01", "2024-11-30"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("rolling12:2025-03-31", "2024-04-01", "2025-03-31"),
        ("rolling6:2025-09-30", "2025-04-01", "2025-09-30"),
        ("asat:2025-03-31", "2025-03-31", "2025-03-31"),
    ])
    func parse(text: String, start: String, end: String) throws {
        let period = try ReportingPeriod.parse(text)
        #expect(period.start == d(start))
        #expect(period.end == d(end))
        #expect(try ReportingPeriod.parse(period.description) == period)
    }

    @Test("Nonsense is rejected with the forms that are accepted", arguments: ["2024", "2024-26", "2024-Q5", "2024-13", "rolling:2025-03-31", "asat:2025-02-30", "FY24"])
    func rejects(text: String) {
        #expect(throws: PeriodSyntaxError.self) { try ReportingPeriod.parse(text) }
    }

    @Test("The previous period is the same kind, one step back")
    func previous() throws {
        #expect(try ReportingPeriod.parse("2024-25").previous == .financialYear(startYear: 2023))
        #expect(try ReportingPeriod.parse("2024-Q1").previous == .quarter(startYear: 2023, quarter: 4))
        #expect(try ReportingPeriod.parse("2024-01").previous == .month(year: 2023, month: 12))
        #expect(try ReportingPeriod.parse("rolling12:2025-03-31").previous.end == d("2024-03-31"))
        #expect(ReportingPeriod.financialYear(containing: d("2025-03-31")) == .financialYear(startYear: 2024))
        #expect(ReportingPeriod.financialYear(containing: d("2025-04-01")) == .financialYear(startYear: 2025))
    }
}

@Suite("Rolling years for dashboards and board packs")
struct RollingYearTests {
    @Test("The year to the last complete month: a month end counts as complete, any other day does not")
    func lastCompleteMonth() {
        #expect(ReportingPeriod.yearToLastCompleteMonth(asOf: LocalDate(iso: "2026-10-31")!) == .rolling(months: 12, ending: LocalDate(iso: "2026-10-31")!))
        #expect(ReportingPeriod.yearToLastCompleteMonth(asOf: LocalDate(iso: "2026-11-22")!) == .rolling(months: 12, ending: LocalDate(iso: "2026-10-31")!))
        #expect(ReportingPeriod.yearToLastCompleteMonth(asOf: LocalDate(iso: "2024-03-01")!) == .rolling(months: 12, ending: LocalDate(iso: "2024-02-29")!))
    }

    @Test("A month earlier: a rolling year ends a month sooner; other periods step back by their own length")
    func monthEarlier() {
        let year = ReportingPeriod.rolling(months: 12, ending: LocalDate(iso: "2025-03-31")!)
        #expect(year.monthEarlier == .rolling(months: 12, ending: LocalDate(iso: "2025-02-28")!))
        #expect(year.monthEarlier.start == LocalDate(iso: "2024-03-01")!)
        #expect(ReportingPeriod.financialYear(startYear: 2024).monthEarlier == .financialYear(startYear: 2023))
    }
}
