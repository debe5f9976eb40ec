/// Whether the authority agreed to carry out an EHC needs assessment, in SEN2's codes (the SSD's
/// `ehcr_ehcp_req_outcome`).
public enum EHCAssessmentDecision: String, CaseIterable, Sendable, Codable {
    case assess = "Y"
    case notAssess = "N"
    case pending = "A"
    case withdrawn = "W"

    public var title: String {
        switch self {
        case .assess: "Agreed to assess"
        case .notAssess: "Refused to assess"
        case .pending: "Decision pending"
        case .withdrawn: "Request withdrawn"
        }
    }
}

/// Why the 20-week limit did not apply (SEND Regulations 2014, regulation 13(3)).
public enum EHCTimescaleException: String, CaseIterable, Sendable, Codable {
    /// 13(3)(a): advice asked of a school or college less than 6 weeks before it closed for at least 4 weeks.
    case institutionClosure = "institution-closure"
    /// 13(3)(b): exceptional personal circumstances of the child or parent.
    case exceptionalCircumstances = "exceptional-circumstances"
    /// 13(3)(c): the child or parent away from the area for at least 4 weeks.
    case absentFromArea = "absent-from-area"
    /// 13(3)(d): an appointment for advice missed.
    case missedAppointment = "missed-appointment"
    /// An exception the record flags without saying which (the SSD's `ehca_ehcp_assessment_exceptions` = 1).
    case unspecified

    public var title: String {
        switch self {
        case .institutionClosure: "School or college closure (reg. 13(3)(a))"
        case .exceptionalCircumstances: "Exceptional personal circumstances (reg. 13(3)(b))"
        case .absentFromArea: "Absent from the area (reg. 13(3)(c))"
        case .missedAppointment: "Missed appointment (reg. 13(3)(d))"
        case .unspecified: "Exception recorded"
        }
    }
}

/// One request for an education, health and care needs assessment, from request to final plan (SEND Code of Practice
/// 2015, 9.39–9.42 and figure 9.2: decision to assess by week 6, final plan by week 20).
public struct EHCNeedsAssessment: Sendable, Hashable, Codable, Identifiable {
    public var id: Identifier<EHCNeedsAssessment>
    public var child: Identifier<Child>
    /// The request received: the start of the 20-week clock.
    public var requestReceived: LocalDate
    public var decision: EHCAssessmentDecision?
    /// When the requester was told whether the authority would assess.
    public var decisionOn: LocalDate?
    public var draftPlanIssuedOn: LocalDate?
    public var finalPlanIssuedOn: LocalDate?
    /// When the authority decided, after assessing, not to issue a plan (due by week 16).
    public var decidedNotToIssueOn: LocalDate?
    public var exception: EHCTimescaleException?
    /// Types of special educational need on the plan (SEN2: SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH),
    /// primary first.
    public var needTypes: [String]

    public init(
        id: Identifier<EHCNeedsAssessment>, child: Identifier<Child>, requestReceived: LocalDate, decision: EHCAssessmentDecision? = nil,
        decisionOn: LocalDate? = nil, draftPlanIssuedOn: LocalDate? = nil, finalPlanIssuedOn: LocalDate? = nil,
        decidedNotToIssueOn: LocalDate? = nil, exception: EHCTimescaleException? = nil, needTypes: [String] = []
    ) {
        self.id = id
        self.child = child
        self.requestReceived = requestReceived
        self.decision = decision
        self.decisionOn = decisionOn
        self.draftPlanIssuedOn = draftPlanIssuedOn
        self.finalPlanIssuedOn = finalPlanIssuedOn
        self.decidedNotToIssueOn = decidedNotToIssueOn
        self.exception = exception
        self.needTypes = needTypes
    }
}

/// What the authority decided after an annual review of an EHC plan (SEND Regulations 2014, regulation 20(10)).
public enum AnnualReviewOutcome: String, CaseIterable, Sendable, Codable {
    case maintain, amend, cease

    public var title: String {
        switch self {
        case .maintain: "Maintain unchanged"
        case .amend: "Amend"
        case .cease: "Cease"
        }
    }
}

/// An annual review of an EHC plan: when due, when held, and, for an amendment, when it was issued (within 4 weeks
/// of the review).
public struct EHCAnnualReview: Sendable, Hashable, Codable, Identifiable {
    public var id: Identifier<EHCAnnualReview>
    public var child: Identifier<Child>
    public var dueOn: LocalDate
    public var heldOn: LocalDate?
    public var outcome: AnnualReviewOutcome?
    public var amendmentsIssuedOn: LocalDate?

    public init(
        id: Identifier<EHCAnnualReview>, child: Identifier<Child>, dueOn: LocalDate, heldOn: LocalDate? = nil, outcome: AnnualReviewOutcome? = nil,
        amendmentsIssuedOn: LocalDate? = nil
    ) {
        self.id = id
        self.child = child
        self.dueOn = dueOn
        self.heldOn = heldOn
        self.outcome = outcome
        self.amendmentsIssuedOn = amendmentsIssuedOn
    }
}

/// A health assessment pathway children wait for (seed 003's SEND inspection: 559 days on average for autism and
/// ADHD assessment, 62 weeks for a community paediatrician).
public enum AssessmentPathway: String, CaseIterable, Sendable, Codable {
    case autism = "asd"
    case adhd
    case communityPaediatrics = "community-paediatrics"
    case speechAndLanguageTherapy = "speech-and-language-therapy"
    case occupationalTherapy = "occupational-therapy"

    public var title: String {
        switch self {
        case .autism: "Autism (ASD) assessment"
        case .adhd: "ADHD assessment"
        case .communityPaediatrics: "Community paediatrics"
        case .speechAndLanguageTherapy: "Speech and language therapy"
        case .occupationalTherapy: "Occupational therapy"
        }
    }
}

/// What came of a pathway referral once the child was seen.
public enum WaitingListOutcome: String, CaseIterable, Sendable, Codable {
    case diagnosed
    case notDiagnosed = "not-diagnosed"
    case treatment
    case discharged
    case declined

    public var title: String {
        switch self {
        case .diagnosed: "Diagnosed"
        case .notDiagnosed: "Not diagnosed"
        case .treatment: "Therapy or treatment"
        case .discharged: "Discharged"
        case .declined: "Declined or did not attend"
        }
    }
}

/// One child's referral to an assessment pathway.
public struct WaitingListReferral: Sendable, Hashable, Codable, Identifiable {
    public var id: Identifier<WaitingListReferral>
    public var child: Identifier<Child>
    public var pathway: AssessmentPathway
    public var referredOn: LocalDate
    public var firstSeenOn: LocalDate?
    public var outcome: WaitingListOutcome?

    public init(
        id: Identifier<WaitingListReferral>, child: Identifier<Child>, pathway: AssessmentPathway, referredOn: LocalDate,
        firstSeenOn: LocalDate? = nil, outcome: WaitingListOutcome? = nil
    ) {
        self.id = id
        self.child = child
        self.pathway = pathway
        self.referredOn = referredOn
        self.firstSeenOn = firstSeenOn
        self.outcome = outcome
    }

    /// Days waited to be first seen, or, while still waiting, up to `date`.
    public func daysWaited(asOf date: LocalDate) -> Int { referredOn.days(to: firstSeenOn.map { min($0, date) } ?? date) }

    public func isWaiting(on date: LocalDate) -> Bool { referredOn <= date && (firstSeenOn.map { $0 > date } ?? true) }
}
