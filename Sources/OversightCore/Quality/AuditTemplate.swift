/// A versioned set of audit questions grouped by practice area, with an overall grade on the Ofsted scale.
///
/// A template's version never changes once audits use it: a revised form is a new version, and every sample
/// records the version it was drawn for, so grades from different years can be told apart.
public struct AuditTemplate: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case caseFileAudit = "case-file-audit"
        case thematicDipSample = "thematic-dip-sample"
        case supervisionObservation = "supervision-observation"
    }

    public var id: String
    public var version: Int
    public var kind: Kind
    public var title: String
    public var purpose: String
    public var questions: [AuditQuestion]

    public init(id: String, version: Int, kind: Kind, title: String, purpose: String, questions: [AuditQuestion]) {
        self.id = id
        self.version = version
        self.kind = kind
        self.title = title
        self.purpose = purpose
        self.questions = questions
    }

    public func question(_ id: String) -> AuditQuestion? { questions.first { $0.id == id } }

    /// The practice areas the template covers, in the order the questions first reach them.
    public var practiceAreas: [PracticeArea] {
        var seen: [PracticeArea] = []
        for question in questions where !seen.contains(question.practiceArea) { seen.append(question.practiceArea) }
        return seen
    }

    /// `case-file-audit@2`: how samples and reports name the version used.
    public var reference: String { "\(id)@\(version)" }
}

/// One question: answered with a grade and the evidence for it.
public struct AuditQuestion: Sendable, Hashable, Codable {
    public var id: String
    public var practiceArea: PracticeArea
    public var text: String
    /// What good looks like, for the auditor.
    public var guidance: String?

    public init(id: String, practiceArea: PracticeArea, text: String, guidance: String? = nil) {
        self.id = id
        self.practiceArea = practiceArea
        self.text = text
        self.guidance = guidance
    }
}
