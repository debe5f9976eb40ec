/// What an audit question looks at: the practice areas issue 8 names, which follow the Ofsted ILACS judgements
/// and the 2022 plan's recommendations (use of history, 2.3; the IRO footprint, 5.4; supervision, 6.4).
public enum PracticeArea: String, CaseIterable, Codable, Sendable {
    case livedExperience = "lived-experience"
    case assessmentQuality = "assessment-quality"
    case useOfHistory = "use-of-history"
    case planQuality = "plan-quality"
    case directWork = "direct-work"
    case managementOversight = "management-oversight"
    case supervision = "supervision"
    case iroFootprint = "iro-footprint"

    public var title: String {
        switch self {
        case .livedExperience: "The child's lived experience"
        case .assessmentQuality: "Assessment quality"
        case .useOfHistory: "Use of history"
        case .planQuality: "Plan quality"
        case .directWork: "Direct work"
        case .managementOversight: "Management oversight"
        case .supervision: "Supervision"
        case .iroFootprint: "IRO footprint"
        }
    }
}
