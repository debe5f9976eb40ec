import Foundation

/// A span a measure is reported over, named as councils and the DfE name them.
///
/// Financial years run 1 April to 31 March (the CIN census and SSDA903 year). Quarters are quarters of
/// the financial year, as council performance reports number them: "2024-Q3" is October–December 2024.
public enum ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    /// The financial year that starts on 1 April of `startYear`: "2024-25".
    case financialYear(startYear: Int)
    /// Quarter 1–4 of the financial year starting in `startYear`.
    case quarter(startYear: Int, quarter: Int)
    case month(year: Int, month: Int)
    /// The `months` whole months ending on `end` inclusive, e.g. rolling 12 months to 31 March.
    case rolling(months: Int, ending: LocalDate)
    /// A snapshot: the stock on one day (children on a plan at 31 March).
    case asAt(LocalDate)

    /// First day in the period.
    public var start: LocalDate {
        switch self {
        case .financialYear(let y): return LocalDate(year: y, month: 4, day: 1)!
        case .quarter(let y, let q): return LocalDate(year: y, month: 4, day: 1)!.adding(months: (q - 1) * 3)
        case .month(let y, let m): return LocalDate(year: y, month: m, day: 1)!
        case .rolling(let months, let end): return end.adding(days: 1).adding(months: -months)
        case .asAt(let date): return date
        }
    }

    /// Last day in the period, inclusive.
    public var end: LocalDate {
        switch self {
        case .financialYear(let y): return LocalDate(year: y + 1, month: 3, day: 31)!
        case .quarter: return start.adding(months: 3).adding(days: -1)
        case .month: return start.adding(months: 1).adding(days: -1)
        case .rolling(_, let end): return end
        case .asAt(let date): return date
        }
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }

    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }

    /// The same kind of period, one step earlier: last year, last quarter, last month.
    public var previous: ReportingPeriod {
        switch self {
        case .financialYear(let y): return .financialYear(startYear: y - 1)
        case .quarter(let y, let q): return q == 1 ? .quarter(startYear: y - 1, quarter: 4) : .quarter(startYear: y, quarter: q - 1)
        case .month(let y, let m): return m == 1 ? .month(year: y - 1, month: 12) : .month(year: y, month: m - 1)
        case .rolling(let months, let end): return .rolling(months: months, ending: start.adding(days: -1).clampedMonthEnd(like: end))
        case .asAt(let date): return .asAt(date.adding(years: -1))
        }
    }

    /// The same kind of period ending a month earlier: "last month" for a rolling year; other kinds step back
    /// by their own length, as `previous` does.
    public var monthEarlier: ReportingPeriod {
        guard case .rolling(let months, let end) = self else { return previous }
        return .rolling(months: months, ending: LocalDate(year: end.year, month: end.month, day: 1)!.adding(days: -1))
    }

    /// The twelve months to the end of the last complete month on or before `date`: how dashboards and board
    /// packs read "the latest figure".
    public static func yearToLastCompleteMonth(asOf date: LocalDate) -> ReportingPeriod {
        let monthEnd = date.adding(days: 1).day == 1 ? date : LocalDate(year: date.year, month: date.month, day: 1)!.adding(days: -1)
        return .rolling(months: 12, ending: monthEnd)
    }

    /// The text form `parse` reads back.
    public var description: String {
        switch self {
        case .financialYear(let y): return "\(y)-\(String(format2: (y + 1) % 100))"
        case .quarter(let y, let q): return "\(y)-Q\(q)"
        case .month(let y, let m): return "\(y)-\(String(format2: m))"
        case .rolling(let months, let end): return "rolling\(months):\(end.isoString)"
        case .asAt(let date): return "asat:\(date.isoString)"
        }
    }

    /// Reads `2024-25`, `2024-Q3`, `2024-11`, `rolling12:2025-03-31` or `asat:2025-03-31`.
    /// - Throws: `PeriodSyntaxError` with the accepted forms.
    public static func parse(_ text: String) throws(PeriodSyntaxError) -> ReportingPeriod {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("rolling") {
            let rest = t.dropFirst("rolling".count)
            let parts = rest.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let months = Int(parts[0]), months > 0, months <= 120,
                let end = LocalDate(iso: parts[1])
            else { throw PeriodSyntaxError(text: text) }
            return .rolling(months: months, ending: end)
        }
        if t.hasPrefix("asat:") {
            guard let date = LocalDate(iso: t.dropFirst(5)) else { throw PeriodSyntaxError(text: text) }
            return .asAt(date)
        }
        let parts = t.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1900...2999).contains(year) else {
            throw PeriodSyntaxError(text: text)
        }
        let second = parts[1]
        if second.hasPrefix("Q") || second.hasPrefix("q") {
            guard let q = Int(second.dropFirst()), (1...4).contains(q) else { throw PeriodSyntaxError(text: text) }
            return .quarter(startYear: year, quarter: q)
        }
        guard second.count == 2, let n = Int(second) else { throw PeriodSyntaxError(text: text) }
        if n == (year + 1) % 100 { return .financialYear(startYear: year) }
        guard (1...12).contains(n) else { throw PeriodSyntaxError(text: text) }
        return .month(year: year, month: n)
    }

    /// The financial year a date falls in.
    public static func financialYear(containing date: LocalDate) -> ReportingPeriod {
        .financialYear(startYear: date.month >= 4 ? date.year : date.year - 1)
    }
}

/// A period that `ReportingPeriod.parse` could not read.
public struct PeriodSyntaxError: Error, CustomStringConvertible, Equatable {
    public var text: String
    public var description: String {
        "'\(text)' is not a period: use 2024-25 (financial year), 2024-Q3 (financial quarter), 2024-11 (month), rolling12:2025-03-31 or asat:2025-03-31"
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}

extension LocalDate {
    /// Keeps "month end" periods at month end when stepped back (rolling to 28 Feb → 31 Jan).
    fileprivate func clampedMonthEnd(like reference: LocalDate) -> LocalDate {
        let isMonthEnd = reference.day == LocalDate.daysIn(month: reference.month, year: reference.year)
        guard isMonthEnd else { return self }
        return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
    }
}
