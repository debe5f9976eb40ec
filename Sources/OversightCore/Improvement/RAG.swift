/// A RAG rating: the improvement board's four-point scale, with the 2022 plan's meanings.
///
/// The rating is a human judgement; ``RAGCheck`` only suggests where the facts disagree with it.
public enum RAG: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Little or no progress / at risk.
    case red = "R"
    /// Progressing with minor delay.
    case amber = "A"
    /// Good progress / on track.
    case green = "G"
    /// Completed / embedded.
    case blue = "B"

    public var name: String {
        switch self {
        case .red: "Red"
        case .amber: "Amber"
        case .green: "Green"
        case .blue: "Blue"
        }
    }

    /// The 2022 plan's meaning of the rating.
    public var meaning: String {
        switch self {
        case .red: "Little or no progress/at risk"
        case .amber: "Progressing with minor delay"
        case .green: "Good progress / on track"
        case .blue: "Completed / embedded"
        }
    }

    /// Reads `R`, `A`, `G`, `B` or the names, in any case.
    public init?(code text: String) {
        let upper = text.uppercased()
        if let rag = RAG(rawValue: upper) {
            self = rag
        } else if let rag = RAG.allCases.first(where: { $0.name.uppercased() == upper }) {
            self = rag
        } else {
            return nil
        }
    }

    /// Worst first: red, amber, green, blue.
    public static func < (lhs: RAG, rhs: RAG) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The scale as the 2022 plan states it.
    public static let standardScale: [RAGScaleEntry] = allCases.map { RAGScaleEntry(code: $0.rawValue, name: $0.name, meaning: $0.meaning) }
}

/// One line of a plan's RAG key, as the plan words it.
public struct RAGScaleEntry: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var meaning: String

    public init(code: String, name: String, meaning: String) {
        self.code = code
        self.name = name
        self.meaning = meaning
    }
}
