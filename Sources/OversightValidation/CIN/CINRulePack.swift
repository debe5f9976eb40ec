import Foundation
import OversightCore
import OversightInterchange

/// The dates a census is judged against.
public struct CINCensusPeriod: Sendable, Hashable {
    /// The census date, 31 March of the collection year.
    public var referenceDate: LocalDate
    /// The first day counted as in the census year. The DfE's own tool (and so the sector's validator) takes it as
    /// the reference date minus one year, i.e. 31 March of the previous year, inclusive; Oversight does the same so
    /// that a return it passes is one the DfE passes.
    public var start: LocalDate

    /// The census of collection year `year` (2025 is the year to 31 March 2025).
    public init(year: Int) {
        referenceDate = LocalDate(year: year, month: 3, day: 31)!
        start = referenceDate.adding(years: -1)
    }

    public var year: Int { referenceDate.year }

    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= referenceDate }
}

/// The CIN census rule packs by collection year.
public enum CINRulePack {
    /// Collection years whose pack Oversight holds: cin2024_25 (2025) and cin2025_26 (2026), identical rule sets.
    public static let years: ClosedRange<Int> = 2025...2026

    /// Return-level rules judge the return as a whole, not a child. 2883 compares the authority's plans starting in
    /// the year with its initial conferences in the year: a child whose conference fell in an earlier census
    /// year legitimately has a plan without one, so only the totals can be judged.
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
