import Foundation

/// A judgement on the Ofsted four-point scale, the scale the council's "Beyond Auditing" framework grades against
/// (seed 001: Inadequate, Requires Improvement, Good; Ofsted's scale adds Outstanding).
///
/// Ofsted numbers its grades 1 (outstanding) to 4 (inadequate); ``ofstedNumber`` keeps that order so that a mean of
/// grades reads the way inspectors write it.
public enum Grade: String, CaseIterable, Codable, Sendable, Comparable {
    case outstanding = "outstanding"
    case good = "good"
    case requiresImprovement = "requires-improvement"
    case inadequate = "inadequate"

    /// Ofsted's number: 1 outstanding, 2 good, 3 requires improvement to be good, 4 inadequate.
    public var ofstedNumber: Int {
        switch self {
        case .outstanding: 1
        case .good: 2
        case .requiresImprovement: 3
        case .inadequate: 4
        }
    }

    public var title: String {
        switch self {
        case .outstanding: "Outstanding"
        case .good: "Good"
        case .requiresImprovement: "Requires improvement"
        case .inadequate: "Inadequate"
        }
    }

    /// Good or outstanding: the line councils report audits against.
    public var isGoodOrBetter: Bool { ofstedNumber <= 2 }

    /// Reads `outstanding`, `good`, `requires-improvement`, `inadequate`, or the short forms auditors type
    /// (`O`, `G`, `RI`, `I`, `1`–`4`), regardless of case.
    public init?(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch key {
        case "outstanding", "o", "1": self = .outstanding
        case "good", "g", "2": self = .good
        case "requires-improvement", "requires improvement", "ri", "3": self = .requiresImprovement
        case "inadequate", "i", "4": self = .inadequate
        default: return nil
        }
    }

    /// The grade whose Ofsted number is nearest `mean`, halves going to the worse grade: an audit judged between
    /// good and requires improvement is not yet good.
    public init(mean: Double) {
        let number = min(4, max(1, Int((mean + 0.5).rounded(.down))))
        self = Grade.allCases.first { $0.ofstedNumber == number } ?? .inadequate
    }

    /// Worse grades sort later.
    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.ofstedNumber < rhs.ofstedNumber }
}
