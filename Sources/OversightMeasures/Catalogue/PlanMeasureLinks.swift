import OversightCore

/// Which measures show whether a recommendation's outcomes are being achieved.
///
/// A plan file may name its own links (with baselines and targets). When it names none, the 2022
/// post-Ofsted plan's recommendations take these defaults, from issue 7: re-referrals and no further
/// action for recommendation 1, assessment timeliness for 2, visits for 3, IRO measures for 5, and
/// participation and care leavers in touch for 7. Recommendations 4 (homeless 16 and 17 year olds)
/// and 6 (supervision) have no measure in the catalogue yet.
public enum PlanMeasureLinks {
    public static let defaults: [Int: [String]] = [
        1: ["CIN-02", "CIN-03", "CIN-07"],
        2: ["CIN-06", "CIN-06b"],
        3: ["CP-10", "CP-11", "CLA-06"],
        5: ["IRO-01", "IRO-02", "IRO-03"],
        7: ["IRO-04", "CL-03"],
    ]

    /// The recommendation's own links, or the defaults when the whole plan names none.
    public static func links(for recommendation: Recommendation, in plan: ImprovementPlan) -> (links: [MeasureLink], areDefaults: Bool) {
        if !recommendation.measures.isEmpty { return (recommendation.measures, false) }
        guard plan.recommendations.allSatisfy({ $0.measures.isEmpty }) else { return ([], false) }
        return ((defaults[recommendation.number] ?? []).map { MeasureLink(measureID: $0) }, true)
    }

    /// How far a value is from its target, and whether that is on the right side, given the measure's polarity.
    public static func distance(_ value: Double?, target: Double?, polarity: Polarity) -> (gap: Double, met: Bool)? {
        guard let value, let target, polarity != .neither else { return nil }
        let met = polarity == .higherIsBetter ? value >= target : value <= target
        return (abs(value - target), met)
    }

    /// Whether the last three months moved away from the target: the latest value is further from it than
    /// the value three months earlier, and on the wrong side of it.
    public static func isMovingAway(_ series: [Double?], target: Double?, polarity: Polarity) -> Bool {
        let known = series.compactMap { $0 }
        guard known.count >= 4, let target, let latest = known.last else { return false }
        let earlier = known[known.count - 4]
        guard let now = distance(latest, target: target, polarity: polarity), !now.met,
              let before = distance(earlier, target: target, polarity: polarity) else { return false }
        return before.met || now.gap > before.gap
    }
}
