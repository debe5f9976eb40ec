/// A stage of the IRO dispute resolution process (IRO Handbook 2010, chapter 7: each authority sets out a formal
/// process with timescales; the stages below are the shape councils' protocols share).
///
/// An IRO first raises a concern informally with the social worker and team manager; unresolved, it becomes formal
/// and climbs a named level of management at each stage, up to the director (and, past that, Cafcass).
public enum EscalationStage: String, CaseIterable, Sendable, Codable, Comparable {
    case informal
    case formal1 = "formal-1"
    case formal2 = "formal-2"
    case formal3 = "formal-3"

    public var title: String {
        switch self {
        case .informal: "Informal"
        case .formal1: "Formal stage 1"
        case .formal2: "Formal stage 2"
        case .formal3: "Formal stage 3"
        }
    }

    /// The manager a stage is addressed to unless the escalation names another.
    public var defaultLevel: String {
        switch self {
        case .informal: "Social worker and team manager"
        case .formal1: "Team manager"
        case .formal2: "Head of service"
        case .formal3: "Director of children's services"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// What the IRO is worried about (seed 003 recommendation 5: drift in a child's care plan).
public enum EscalationConcern: String, CaseIterable, Sendable, Codable {
    case permanenceDrift = "permanence-drift"
    case visits
    case planQuality = "plan-quality"
    case health
    case education
    case placement
    case contact
    case legal
    case other

    public var title: String {
        switch self {
        case .permanenceDrift: "Drift in permanence"
        case .visits: "Statutory visits"
        case .planQuality: "Care plan quality"
        case .health: "Health"
        case .education: "Education"
        case .placement: "Placement"
        case .contact: "Family time and contact"
        case .legal: "Legal planning"
        case .other: "Other"
        }
    }
}

/// One stage an escalation reached: to whom, when, and the response.
public struct EscalationStep: Sendable, Hashable, Codable {
    public var stage: EscalationStage
    public var raisedOn: LocalDate
    /// The manager the stage was addressed to.
    public var escalatedTo: String
    /// When the response is due; set from the authority's protocol when the record gives none.
    public var responseDue: LocalDate
    public var respondedOn: LocalDate?
    public var response: String?

    public init(
        stage: EscalationStage, raisedOn: LocalDate, escalatedTo: String, responseDue: LocalDate, respondedOn: LocalDate? = nil,
        response: String? = nil
    ) {
        self.stage = stage
        self.raisedOn = raisedOn
        self.escalatedTo = escalatedTo
        self.responseDue = responseDue
        self.respondedOn = respondedOn
        self.response = response
    }
}

/// An IRO's escalation about one child's plan (seed 003, actions 5.1 and 5.2).
public struct Escalation: Sendable, Hashable, Codable, Identifiable {
    public var id: Identifier<Escalation>
    public var child: Identifier<Child>
    /// The IRO who raised it.
    public var raisedBy: String
    public var concern: EscalationConcern
    /// The stages reached, in order; never empty.
    public var steps: [EscalationStep]
    /// The specific actions the IRO set (action 5.1).
    public var actions: [String]
    public var resolvedOn: LocalDate?
    public var resolution: String?

    public init(
        id: Identifier<Escalation>, child: Identifier<Child>, raisedBy: String, concern: EscalationConcern, steps: [EscalationStep],
        actions: [String] = [], resolvedOn: LocalDate? = nil, resolution: String? = nil
    ) {
        self.id = id
        self.child = child
        self.raisedBy = raisedBy
        self.concern = concern
        self.steps = steps
        self.actions = actions
        self.resolvedOn = resolvedOn
        self.resolution = resolution
    }

    /// The day the IRO first raised the concern.
    public var raisedOn: LocalDate { steps.first?.raisedOn ?? resolvedOn ?? LocalDate(dayNumber: 0) }

    /// The stage the escalation stood at on `date`, `nil` before it was raised.
    public func stage(on date: LocalDate) -> EscalationStep? { steps.last { $0.raisedOn <= date } }

    public func isOpen(on date: LocalDate) -> Bool { raisedOn <= date && (resolvedOn.map { $0 > date } ?? true) }
}

/// Which review an IRO chaired.
public enum IROReviewKind: String, CaseIterable, Sendable, Codable {
    case lookedAfter = "looked-after"
    case childProtection = "child-protection"

    public var title: String {
        switch self {
        case .lookedAfter: "Looked-after review"
        case .childProtection: "Child protection review"
        }
    }
}

/// A review an IRO chaired and when its decisions were recorded (IRO-01: within 5 working days, a local standard).
public struct IROReviewRecord: Sendable, Hashable, Codable, Identifiable {
    public var id: Identifier<IROReviewRecord>
    public var child: Identifier<Child>
    public var kind: IROReviewKind
    public var heldOn: LocalDate
    public var decisionsRecordedOn: LocalDate?
    public var chairedBy: String

    public init(
        id: Identifier<IROReviewRecord>, child: Identifier<Child>, kind: IROReviewKind, heldOn: LocalDate, decisionsRecordedOn: LocalDate?,
        chairedBy: String
    ) {
        self.id = id
        self.child = child
        self.kind = kind
        self.heldOn = heldOn
        self.decisionsRecordedOn = decisionsRecordedOn
        self.chairedBy = chairedBy
    }
}
