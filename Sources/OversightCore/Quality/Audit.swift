/// A sample of children drawn for audit: where it came from, how it was drawn, and who audits each child by when.
///
/// The seed is recorded so that the same cohort and seed give the same children again (issue 8): a sample can be
/// reproduced and checked by someone who doubts it was random.
public struct AuditSample: Sendable, Hashable, Codable {
    public var id: Identifier<AuditSample>
    public var title: String
    /// The template and version the audits use (`case-file-audit`, 1).
    public var templateID: String
    public var templateVersion: Int
    /// The cohort as the person drawing it described it (`measure CIN-07 numerator 2025-Q3`, `team T03`).
    public var cohort: String
    public var method: SampleMethod
    public var seed: UInt64
    /// How many children the cohort held when the sample was drawn.
    public var populationSize: Int
    public var drawnOn: LocalDate
    public var drawnBy: String
    public var audits: [AuditAllocation]

    public init(
        id: Identifier<AuditSample>, title: String, templateID: String, templateVersion: Int, cohort: String, method: SampleMethod,
        seed: UInt64, populationSize: Int, drawnOn: LocalDate, drawnBy: String, audits: [AuditAllocation]
    ) {
        self.id = id
        self.title = title
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.cohort = cohort
        self.method = method
        self.seed = seed
        self.populationSize = populationSize
        self.drawnOn = drawnOn
        self.drawnBy = drawnBy
        self.audits = audits
    }
}

/// Random across the whole cohort, or stratified: a share of the sample from each stratum in proportion to its size.
public enum SampleMethod: Sendable, Hashable, Codable, CustomStringConvertible {
    case random
    case stratified(by: Stratification)

    public var description: String {
        switch self {
        case .random: "random"
        case .stratified(let by): "stratified by \(by.rawValue)"
        }
    }

    /// `random`, or `stratified:team` and the like, as stored.
    public var code: String {
        switch self {
        case .random: "random"
        case .stratified(let by): "stratified:\(by.rawValue)"
        }
    }

    public init?(code: String) {
        if code == "random" {
            self = .random
        } else if code.hasPrefix("stratified:"), let by = Stratification(rawValue: String(code.dropFirst(11))) {
            self = .stratified(by: by)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let method = SampleMethod(code: code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown sample method '\(code)'"))
        }
        self = method
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// What a stratified sample is balanced over.
public enum Stratification: String, Sendable, Hashable, Codable, CaseIterable {
    /// The team holding the child.
    case team
    /// The child's DfE age band.
    case ageBand = "age-band"
    /// Child in need, child protection plan or looked after.
    case legalContext = "legal-context"
}

/// One child in a sample, allocated to an auditor with a due date.
public struct AuditAllocation: Sendable, Hashable, Codable {
    public var id: Identifier<Audit>
    public var childID: Identifier<Child>
    /// The team and worker holding the child when the sample was drawn: the people the collaborative audit involves.
    public var teamID: String?
    public var workerID: String?
    /// The stratum the child was drawn from, in a stratified sample.
    public var stratum: String?
    /// The auditor's username: the one person, with moderators and senior roles, who may see this audit.
    public var auditor: String
    public var dueBy: LocalDate

    public init(
        id: Identifier<Audit>, childID: Identifier<Child>, teamID: String? = nil, workerID: String? = nil, stratum: String? = nil,
        auditor: String, dueBy: LocalDate
    ) {
        self.id = id
        self.childID = childID
        self.teamID = teamID
        self.workerID = workerID
        self.stratum = stratum
        self.auditor = auditor
        self.dueBy = dueBy
    }
}

/// The graded answer to one question.
public struct AuditAnswer: Sendable, Hashable, Codable {
    public var questionID: String
    /// `nil` when the question does not apply to this child.
    public var grade: Grade?
    public var evidence: String

    public init(questionID: String, grade: Grade?, evidence: String) {
        self.questionID = questionID
        self.grade = grade
        self.evidence = evidence
    }
}

/// Who took part in a collaborative audit and the feedback they were given: "Beyond Auditing" works "in real time"
/// with the allocated social worker and team manager (seed 001, paragraph 13).
public struct Collaboration: Sendable, Hashable, Codable {
    public var workerTookPart: Bool
    public var managerTookPart: Bool
    public var feedback: String?
    /// When the feedback was given to the worker and manager.
    public var feedbackGivenOn: LocalDate?

    public init(workerTookPart: Bool = false, managerTookPart: Bool = false, feedback: String? = nil, feedbackGivenOn: LocalDate? = nil) {
        self.workerTookPart = workerTookPart
        self.managerTookPart = managerTookPart
        self.feedback = feedback
        self.feedbackGivenOn = feedbackGivenOn
    }
}

/// Something the audit found. A finding that needs action on the child's case becomes a ``CaseAction``; its themes
/// are counted across audits.
public struct AuditFinding: Sendable, Hashable, Codable {
    public var text: String
    /// Learning theme IDs (`voice-of-child`, `history-not-used`).
    public var themes: [String]
    public var needsCaseAction: Bool

    public init(text: String, themes: [String] = [], needsCaseAction: Bool = false) {
        self.text = text
        self.themes = themes
        self.needsCaseAction = needsCaseAction
    }
}

/// The auditor's record of an audit: answers, overall grade, collaboration and findings. Records are appended; the
/// latest is the audit as it stands, and earlier ones stay as its history.
public struct AuditRecord: Sendable, Hashable, Codable {
    public var auditID: Identifier<Audit>
    public var answers: [AuditAnswer]
    public var overallGrade: Grade
    public var collaboration: Collaboration
    public var findings: [AuditFinding]
    public var recordedBy: String
    /// An ISO 8601 timestamp from the caller's clock.
    public var recordedAt: String

    public init(
        auditID: Identifier<Audit>, answers: [AuditAnswer], overallGrade: Grade, collaboration: Collaboration = Collaboration(),
        findings: [AuditFinding] = [], recordedBy: String, recordedAt: String
    ) {
        self.auditID = auditID
        self.answers = answers
        self.overallGrade = overallGrade
        self.collaboration = collaboration
        self.findings = findings
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    public var date: LocalDate? { LocalDate(iso: recordedAt.prefix(10)) }

    /// The grade for each practice area the answers cover: the mean of its graded answers, halves to the worse grade.
    public func grades(by template: AuditTemplate) -> [PracticeArea: Grade] {
        var scores: [PracticeArea: [Int]] = [:]
        for answer in answers {
            guard let grade = answer.grade, let question = template.question(answer.questionID) else { continue }
            scores[question.practiceArea, default: []].append(grade.ofstedNumber)
        }
        return scores.mapValues { Grade(mean: Double($0.reduce(0, +)) / Double($0.count)) }
    }
}

/// A second auditor's view of a completed audit: they may confirm the grade or change it, with a reason.
/// Moderations are appended and never changed, so the original grade and every change stay on record.
public struct Moderation: Sendable, Hashable, Codable {
    public var auditID: Identifier<Audit>
    public var moderator: String
    /// The grade the moderator found recorded.
    public var gradeBefore: Grade
    /// The grade after moderation; equal to `gradeBefore` when the moderator agrees.
    public var gradeAfter: Grade
    public var reason: String
    public var at: String

    public init(auditID: Identifier<Audit>, moderator: String, gradeBefore: Grade, gradeAfter: Grade, reason: String, at: String) {
        self.auditID = auditID
        self.moderator = moderator
        self.gradeBefore = gradeBefore
        self.gradeAfter = gradeAfter
        self.reason = reason
        self.at = at
    }

    public var agreed: Bool { gradeBefore == gradeAfter }
    public var date: LocalDate? { LocalDate(iso: at.prefix(10)) }
}

/// An audit with its history: the allocation, every record the auditor made and every moderation, oldest first.
public struct Audit: Sendable, Hashable {
    public var allocation: AuditAllocation
    public var sampleID: Identifier<AuditSample>
    public var templateID: String
    public var templateVersion: Int
    public var records: [AuditRecord]
    public var moderations: [Moderation]

    public init(
        allocation: AuditAllocation, sampleID: Identifier<AuditSample>, templateID: String, templateVersion: Int, records: [AuditRecord] = [],
        moderations: [Moderation] = []
    ) {
        self.allocation = allocation
        self.sampleID = sampleID
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.records = records
        self.moderations = moderations
    }

    public var id: Identifier<Audit> { allocation.id }
    public var latestRecord: AuditRecord? { records.last }
    public var isCompleted: Bool { !records.isEmpty }
    public var isModerated: Bool { !moderations.isEmpty }
    /// The grade the auditor gave, before any moderation.
    public var auditorGrade: Grade? { latestRecord?.overallGrade }
    /// The grade as it stands: the latest moderation's, else the auditor's.
    public var grade: Grade? { moderations.last?.gradeAfter ?? auditorGrade }
    /// Whether the moderator agreed with the auditor; `nil` until moderated.
    public var moderationAgreed: Bool? { moderations.last.map { $0.gradeAfter == auditorGrade } }
    /// Completed after its due date, or still open past it.
    public func isOverdue(on date: LocalDate) -> Bool {
        if let completed = records.first?.date { return completed > allocation.dueBy }
        return date > allocation.dueBy
    }
}
