import Foundation
import OversightCore
import OversightInterchange

/// The dates a census is judged against.
public struct CINCensusPeriod: Sendable, Hashable {
    /// The census date, 31 March of the collection year.
    public var referenceDate: LocalDate
    /// The first day of the census year, 1 April of the previous year (the DfE's census year).
    public var start: LocalDate

    /// The census of collection year `year` (2025 is the year to 31 March 2025).
    public init(year: Int) {
        referenceDate = LocalDate(year: year, month: 3, day: 31)!
        start = LocalDate(year: year - 1, month: 4, day: 1)!
    }

    public var year: Int { referenceDate.year }

    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= referenceDate }
}

/// The CIN census rule packs by collection year.
public enum CINRulePack {
    /// Collection years whose pack Oversight holds: cin2024_25 (2025) and cin2025_26 (2026), identical rule sets.
    public static let years: ClosedRange<Int> = 2025...2026

    /// Return-level rules judge the return as a whole, not a child. 2883 looks for any CIN episode with more
    /// plans starting in the year than conferences held in it, and (as the DfE's tool reports it) fails the return.
    static let returnLevelCodes: Set<String> = ["100", "2883", "2886Q", "2887Q", "2888Q"]

    /// Every rule of the pack for `year`, in code order.
    public static func rules(year: Int) -> [RuleDescription] {
        published.map { rule in
            var rule = rule
            rule.returnLevel = returnLevelCodes.contains(rule.code)
            return rule
        }
    }
}
