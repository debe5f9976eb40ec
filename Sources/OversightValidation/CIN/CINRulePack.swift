import Foundation
import OversightCore
import OversightInterchange

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
