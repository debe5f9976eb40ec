/// A calendar date with no time and no time zone, as statutory returns record dates.
///
/// Timescales in children's social care are counted in whole days (working days, calendar months),
/// so a day count is both exact and fast: comparing, subtracting and hashing are integer operations.
/// Foundation's `Date` would drag a time zone into every comparison.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, Strideable {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int32

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// Creates a date, or returns `nil` when the parts do not name a real day (31 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
            (1800...2999).contains(year)
        else { return nil }
        self.dayNumber = Int32(LocalDate.days(fromCivil: year, month, day))
    }

    public var components: (year: Int, month: Int, day: Int) { LocalDate.civil(fromDays: Int(dayNumber)) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (Int(dayNumber) + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + Int32(days)) }

    /// Calendar-month arithmetic as the statutory timescales use it: same day of month,
    /// clipped to the month's end (31 January + 1 month = 28 or 29 February).
    public func adding(months: Int) -> LocalDate {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let ny = total >= 0 ? total / 12 : (total - 11) / 12
        let nm = total - ny * 12 + 1
        let nd = min(d, LocalDate.daysIn(month: nm, year: ny))
        return LocalDate(dayNumber: Int32(LocalDate.days(fromCivil: ny, nm, nd)))
    }

    public func adding(years: Int) -> LocalDate { adding(months: years * 12) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: LocalDate) -> Int { Int(other.dayNumber - dayNumber) }

    /// Age in whole years on `date`, as used for age bands and the 903's birthday rules.
    public func age(on date: LocalDate) -> Int {
        let (by, bm, bd) = components
        let (y, m, d) = date.components
        var age = y - by
        if m < bm || (m == bm && d < bd) { age -= 1 }
        return age
    }

    /// `YYYY-MM-DD`.
    public var isoString: String {
        let (y, m, d) = components
        return "\(LocalDate.pad(y, 4))-\(LocalDate.pad(m, 2))-\(LocalDate.pad(d, 2))"
    }

    /// `dd/mm/yyyy`, the format of DfE returns.
    public var ukString: String {
        let (y, m, d) = components
        return "\(LocalDate.pad(d, 2))/\(LocalDate.pad(m, 2))/\(LocalDate.pad(y, 4))"
    }

    public var description: String { isoString }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
    public func distance(to other: LocalDate) -> Int { days(to: other) }
    public func advanced(by n: Int) -> LocalDate { adding(days: n) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a YYYY-MM-DD date"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoString)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        guard text.utf8.count == 10, let date = LocalDate(parsing: text), text.utf8.dropFirst(4).first == 0x2D else { return nil }
        self = date
    }

    /// Parses the date forms case systems export: `YYYY-MM-DD`, a SQL or ISO datetime beginning with
    /// one (`2024-12-10 00:00:00.000`, `2024-12-10T00:00:00`), or the returns' `dd/mm/yyyy`.
    /// Returns `nil` for anything else, including days that do not exist (30 February).
    public init?(parsing text: some StringProtocol) {
        var string = String(text)
        guard let date = string.withUTF8({ LocalDate.parse(utf8: $0) }) else { return nil }
        self = date
    }

    /// The byte-level parser behind `init(parsing:)`: imports call it for every date in an extract.
    static func parse(utf8 u: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for i in start..<(start + count) {
                let c = u[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        guard u.count >= 10 else { return nil }
        if u[4] == 0x2D, u[7] == 0x2D {
            guard u.count == 10 || u[10] == 0x20 || u[10] == 0x54,
                let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2)
            else { return nil }
            return LocalDate(year: y, month: m, day: d)
        }
        if u[2] == 0x2F, u[5] == 0x2F {
            guard u.count == 10 || u[10] == 0x20, let d = digits(0, 2), let m = digits(3, 2), let y = digits(6, 4) else { return nil }
            return LocalDate(year: y, month: m, day: d)
        }
        return nil
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar.
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// An inclusive span of days: a plan, an allocation, a reporting period.
public struct DateInterval: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: LocalDate
    /// `nil` while the spell is still open.
    public var end: LocalDate?

    public init(start: LocalDate, end: LocalDate?) {
        self.start = start
        self.end = end
    }

    /// True when `date` falls inside the spell. Both ends count: a case ending on a day is still open that day.
    public func contains(_ date: LocalDate) -> Bool { start <= date && (end.map { date <= $0 } ?? true) }

    public func overlaps(_ other: DateInterval) -> Bool {
        (end.map { $0 >= other.start } ?? true) && (other.end.map { $0 >= start } ?? true)
    }

    public var description: String { "\(start)…\(end.map(\.isoString) ?? "open")" }
}
