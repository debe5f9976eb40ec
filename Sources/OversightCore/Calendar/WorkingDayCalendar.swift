import Foundation

/// A public holiday on which statutory working-day clocks stop.
public struct BankHoliday: Hashable, Sendable, Codable {
    public var date: LocalDate
    public var title: String

    public init(date: LocalDate, title: String) {
        self.date = date
        self.title = title
    }
}

/// Counts working days the way national timescales are measured (kpis.md §0.2).
///
/// A working day is Monday to Friday and not an England and Wales bank holiday. The start day is never
/// counted: `workingDays(from: d, to: d) == 0`, which is DfE's "started and finished the same day" band,
/// and "within N working days" means `workingDays(from:to:) <= N`.
public struct WorkingDayCalendar: Sendable {
    /// Holidays that fall on weekdays, sorted; weekend dates never change a count.
    private let holidayDays: [Int32]
    private let holidaySet: Set<Int32>
    public let holidays: [BankHoliday]

    public init(holidays: [BankHoliday]) {
        var unique: [LocalDate: BankHoliday] = [:]
        for holiday in holidays { unique[holiday.date] = holiday }
        self.holidays = unique.values.sorted { $0.date < $1.date }
        self.holidayDays = self.holidays.filter { !$0.date.isWeekend }.map(\.date.dayNumber)
        self.holidaySet = Set(holidayDays)
    }

    /// England and Wales bank holidays 2019–2027 from the GOV.UK feed, including the one-off days.
    public static let englandAndWales = WorkingDayCalendar(holidays: BankHoliday.englandAndWales2019to2027)

    /// The same calendar with more holidays, e.g. later years a deployment loads from a file.
    public func adding(_ more: [BankHoliday]) -> WorkingDayCalendar {
        WorkingDayCalendar(holidays: holidays + more)
    }

    /// The last year the calendar knows holidays for; counts past it would silently miss holidays.
    public var lastCoveredYear: Int? { holidays.last?.date.year }

    public func isBankHoliday(_ date: LocalDate) -> Bool { holidaySet.contains(date.dayNumber) }

    public func isWorkingDay(_ date: LocalDate) -> Bool { !date.isWeekend && !holidaySet.contains(date.dayNumber) }

    /// The number of working days `d` with `start < d ≤ end`; negative when `end` is before `start`.
    public func workingDays(from start: LocalDate, to end: LocalDate) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        let weekdays = Self.weekdaysBefore(end.dayNumber + 1) - Self.weekdaysBefore(start.dayNumber + 1)
        return weekdays - holidaysIn(after: start.dayNumber, upTo: end.dayNumber)
    }

    /// The `count`-th working day after `start`; `start` itself when `count` is 0.
    ///
    /// This is the due date of an "N working days" timescale: an assessment on a referral of `start`
    /// is due on `addingWorkingDays(45, to: start)`.
    public func addingWorkingDays(_ count: Int, to start: LocalDate) -> LocalDate {
        precondition(count >= 0, "working days are counted forward from the start")
        var date = start
        var remaining = count
        // Whole weeks first: five weekdays per seven days, then correct for holidays on the way.
        while remaining > 5 {
            let weeks = (remaining - 1) / 5
            let jumped = date.adding(days: weeks * 7)
            remaining -= workingDays(from: date, to: jumped)
            date = jumped
        }
        while remaining > 0 {
            date = date.adding(days: 1)
            if isWorkingDay(date) { remaining -= 1 }
        }
        return date
    }

    /// Weekdays among day numbers `[0, n)` relative to the 1970 epoch (a Thursday), negative for n < 0.
    private static func weekdaysBefore(_ n: Int32) -> Int {
        func shifted(_ m: Int) -> Int {
            // Index 0 = Monday 1969-12-29, three days before the epoch.
            let q = m >= 0 ? m / 7 : (m - 6) / 7
            let r = m - q * 7
            return 5 * q + min(r, 5)
        }
        return shifted(Int(n) + 3) - shifted(3)
    }

    private func holidaysIn(after start: Int32, upTo end: Int32) -> Int {
        upperBound(end) - upperBound(start)
    }

    /// Number of holidays with day number ≤ `day`.
    private func upperBound(_ day: Int32) -> Int {
        var low = 0
        var high = holidayDays.count
        while low < high {
            let mid = (low + high) / 2
            if holidayDays[mid] <= day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension BankHoliday {
    /// Parses a holiday list a deployment supplies for later years.
    ///
    /// Two shapes are accepted: the GOV.UK feed (`bank-holidays.json`, of which only the
    /// `england-and-wales` division is read) and plain lines of `YYYY-MM-DD,Title`.
    /// - Throws: `CalendarFileError` naming the line that could not be read.
    public static func parseList(_ text: String, source: String) throws(CalendarFileError) -> [BankHoliday] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") { return try parseFeed(trimmed, source: source) }
        var result: [BankHoliday] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.lowercased().hasPrefix("date") { continue }
            let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let date = LocalDate(iso: parts[0]) else {
                throw .invalidDate(parts[0], source: source, line: index + 1)
            }
            result.append(BankHoliday(date: date, title: parts.count > 1 ? parts[1] : "Bank holiday"))
        }
        return result
    }

    private static func parseFeed(_ text: String, source: String) throws(CalendarFileError) -> [BankHoliday] {
        struct Feed: Decodable {
            struct Division: Decodable {
                struct Event: Decodable { var title: String; var date: String }
                var events: [Event]
            }
            var englandAndWales: Division
            enum CodingKeys: String, CodingKey { case englandAndWales = "england-and-wales" }
        }
        let feed: Feed
        do {
            feed = try JSONDecoder().decode(Feed.self, from: Data(text.utf8))
        } catch {
            throw .notAHolidayFeed(source: source, reason: "\(error)")
        }
        var result: [BankHoliday] = []
        for event in feed.englandAndWales.events {
            guard let date = LocalDate(iso: event.date) else { throw .invalidDate(event.date, source: source, line: 0) }
            result.append(BankHoliday(date: date, title: event.title))
        }
        return result
    }

    static let englandAndWales2019to2027: [BankHoliday] = {
        let table: [(String, String)] = [
            ("2019-01-01", "New Year’s Day"), ("2019-04-19", "Good Friday"), ("2019-04-22", "Easter Monday"),
            ("2019-05-06", "Early May bank holiday"), ("2019-05-27", "Spring bank holiday"),
            ("2019-08-26", "Summer bank holiday"), ("2019-12-25", "Christmas Day"), ("2019-12-26", "Boxing Day"),
            ("2020-01-01", "New Year’s Day"), ("2020-04-10", "Good Friday"), ("2020-04-13", "Easter Monday"),
            ("2020-05-08", "Early May bank holiday (VE day)"), ("2020-05-25", "Spring bank holiday"),
            ("2020-08-31", "Summer bank holiday"), ("2020-12-25", "Christmas Day"),
            ("2020-12-28", "Boxing Day (substitute day)"),
            ("2021-01-01", "New Year’s Day"), ("2021-04-02", "Good Friday"), ("2021-04-05", "Easter Monday"),
            ("2021-05-03", "Early May bank holiday"), ("2021-05-31", "Spring bank holiday"),
            ("2021-08-30", "Summer bank holiday"), ("2021-12-27", "Christmas Day (substitute day)"),
            ("2021-12-28", "Boxing Day (substitute day)"),
            ("2022-01-03", "New Year’s Day (substitute day)"), ("2022-04-15", "Good Friday"),
            ("2022-04-18", "Easter Monday"), ("2022-05-02", "Early May bank holiday"),
            ("2022-06-02", "Spring bank holiday"), ("2022-06-03", "Platinum Jubilee bank holiday"),
            ("2022-08-29", "Summer bank holiday"),
            ("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"),
            ("2022-12-26", "Boxing Day"), ("2022-12-27", "Christmas Day (substitute day)"),
            ("2023-01-02", "New Year’s Day (substitute day)"), ("2023-04-07", "Good Friday"),
            ("2023-04-10", "Easter Monday"), ("2023-05-01", "Early May bank holiday"),
            ("2023-05-08", "Bank holiday for the coronation of King Charles III"),
            ("2023-05-29", "Spring bank holiday"), ("2023-08-28", "Summer bank holiday"),
            ("2023-12-25", "Christmas Day"), ("2023-12-26", "Boxing Day"),
            ("2024-01-01", "New Year’s Day"), ("2024-03-29", "Good Friday"), ("2024-04-01", "Easter Monday"),
            ("2024-05-06", "Early May bank holiday"), ("2024-05-27", "Spring bank holiday"),
            ("2024-08-26", "Summer bank holiday"), ("2024-12-25", "Christmas Day"), ("2024-12-26", "Boxing Day"),
            ("2025-01-01", "New Year’s Day"), ("2025-04-18", "Good Friday"), ("2025-04-21", "Easter Monday"),
            ("2025-05-05", "Early May bank holiday"), ("2025-05-26", "Spring bank holiday"),
            ("2025-08-25", "Summer bank holiday"), ("2025-12-25", "Christmas Day"), ("2025-12-26", "Boxing Day"),
            ("2026-01-01", "New Year’s Day"), ("2026-04-03", "Good Friday"), ("2026-04-06", "Easter Monday"),
            ("2026-05-04", "Early May bank holiday"), ("2026-05-25", "Spring bank holiday"),
            ("2026-08-31", "Summer bank holiday"), ("2026-12-25", "Christmas Day"),
            ("2026-12-28", "Boxing Day (substitute day)"),
            ("2027-01-01", "New Year’s Day"), ("2027-03-26", "Good Friday"), ("2027-03-29", "Easter Monday"),
            ("2027-05-03", "Early May bank holiday"), ("2027-05-31", "Spring bank holiday"),
            ("2027-08-30", "Summer bank holiday"), ("2027-12-27", "Christmas Day (substitute day)"),
            ("2027-12-28", "Boxing Day (substitute day)"),
        ]
        return table.map { BankHoliday(date: LocalDate(iso: $0.0)!, title: $0.1) }
    }()
}

/// Why a holiday file could not be used.
public enum CalendarFileError: Error, CustomStringConvertible, Equatable {
    case invalidDate(String, source: String, line: Int)
    case notAHolidayFeed(source: String, reason: String)

    public var description: String {
        switch self {
        case .invalidDate(let text, let source, let line):
            return "\(source):\(line): date: '\(text)' is not a YYYY-MM-DD date"
        case .notAHolidayFeed(let source, let reason):
            return "\(source): not a GOV.UK bank-holidays feed with an 'england-and-wales' division (\(reason))"
        }
    }
}
