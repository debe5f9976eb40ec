/// A recurring theme across audits ("the child's voice is not recorded", "history is not used"): counted, shown, and
/// tied to the improvement plan, so that QA changes practice rather than only describing it (Ofsted's criticism in
/// seed 000: QA "is not yet a powerful determinant in improving practice standards").
public struct LearningTheme: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var practiceArea: PracticeArea?
    /// The improvement plan action the theme feeds, once linked or raised.
    public var planAction: PlanActionReference?

    public init(id: String, title: String, practiceArea: PracticeArea? = nil, planAction: PlanActionReference? = nil) {
        self.id = id
        self.title = title
        self.practiceArea = practiceArea
        self.planAction = planAction
    }
}

/// An action in a stored improvement plan.
public struct PlanActionReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var planID: Identifier<ImprovementPlan>
    public var ref: String

    public init(planID: Identifier<ImprovementPlan>, ref: String) {
        self.planID = planID
        self.ref = ref
    }

    public var description: String { "\(planID) \(ref)" }
}

/// How often each theme was found, over a set of audits.
public enum ThemeCount {
    /// Themes by the number of audits that found them (an audit naming a theme twice counts once), most frequent first.
    public static func count(_ audits: [Audit]) -> [(theme: String, audits: Int)] {
        var counts: [String: Int] = [:]
        for audit in audits {
            for theme in Set(audit.latestRecord?.findings.flatMap(\.themes) ?? []) { counts[theme, default: 0] += 1 }
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    }
}
