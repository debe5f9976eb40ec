/// A contact: information received about a child, before any decision that it is a referral.
public struct Contact: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Contact>
    public var childID: Identifier<Child>
    public var date: LocalDate
    public var source: ReferralSource?
    /// The CMS's own description of the source, kept because some councils export only a lookup ID.
    public var sourceDescription: String?
    /// The contact led to a new referral (the SSD's `NEW_REFERRAL_FLAG`).
    public var ledToReferral: Bool?

    public init(
        id: Identifier<Contact>, childID: Identifier<Child>, date: LocalDate, source: ReferralSource? = nil,
        sourceDescription: String? = nil, ledToReferral: Bool? = nil
    ) {
        self.id = id
        self.childID = childID
        self.date = date
        self.source = source
        self.sourceDescription = sourceDescription
        self.ledToReferral = ledToReferral
    }
}

/// An early help episode: support below the statutory threshold, often the step before or after a referral.
public struct EarlyHelpEpisode: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<EarlyHelpEpisode>
    public var childID: Identifier<Child>
    public var start: LocalDate
    public var end: LocalDate?
    public var reason: String?
    public var endReason: String?
    public var organisation: String?

    public init(
        id: Identifier<EarlyHelpEpisode>, childID: Identifier<Child>, start: LocalDate, end: LocalDate? = nil,
        reason: String? = nil, endReason: String? = nil, organisation: String? = nil
    ) {
        self.id = id
        self.childID = childID
        self.start = start
        self.end = end
        self.reason = reason
        self.endReason = endReason
        self.organisation = organisation
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

/// A referral: the CIN census calls the span from referral to closure a CIN episode (`CINdetails`).
public struct ChildInNeedEpisode: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<ChildInNeedEpisode>
    public var childID: Identifier<Child>
    public var referralDate: LocalDate
    public var source: ReferralSource?
    public var primaryNeed: CategoryOfNeed?
    /// The referral ended in no further action (CIN census `ReferralNFA`).
    public var isNoFurtherAction: Bool?
    public var closureDate: LocalDate?
    public var closureReason: ClosureReason?
    public var teamID: Identifier<Team>?
    /// The responsible worker as the CMS exported it (SystemC gives a name, others an ID).
    public var workerReference: String?
    /// The 2026 CIN census's pre-proceedings and family group decision-making blocks (`PreProceedingsandFGDM`), each
    /// kept element by element as the census names and writes them (`PPStartDate`, `PPOutcome`, …): no measure or
    /// rule reads them yet, so they are carried, not interpreted.
    public var preProceedings: [[String: String]]

    public init(
        id: Identifier<ChildInNeedEpisode>, childID: Identifier<Child>, referralDate: LocalDate,
        source: ReferralSource? = nil, primaryNeed: CategoryOfNeed? = nil, isNoFurtherAction: Bool? = nil,
        closureDate: LocalDate? = nil, closureReason: ClosureReason? = nil, teamID: Identifier<Team>? = nil,
        workerReference: String? = nil, preProceedings: [[String: String]] = []
    ) {
        self.id = id
        self.childID = childID
        self.referralDate = referralDate
        self.source = source
        self.primaryNeed = primaryNeed
        self.isNoFurtherAction = isNoFurtherAction
        self.closureDate = closureDate
        self.closureReason = closureReason
        self.teamID = teamID
        self.workerReference = workerReference
        self.preProceedings = preProceedings
    }

    public var interval: DateInterval { DateInterval(start: referralDate, end: closureDate) }
}

/// A child and family (single) assessment under the Children Act 1989, due within 45 working days of referral.
public struct Assessment: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Assessment>
    public var childID: Identifier<Child>
    public var referralID: Identifier<ChildInNeedEpisode>?
    public var startDate: LocalDate
    /// Completion is the manager's authorisation; `nil` while the assessment is open.
    public var authorisationDate: LocalDate?
    public var childSeen: Bool?
    /// The assessment concluded no further action (the child was not found to be in need of services).
    public var isNoFurtherAction: Bool?
    public var factors: [AssessmentFactor]
    public var teamID: Identifier<Team>?
    public var workerReference: String?
    /// The date of the assessment's internal review, as the CIN census records it (`AssessmentInternalReviewDate`).
    public var internalReviewDate: LocalDate?

    public init(
        id: Identifier<Assessment>, childID: Identifier<Child>, referralID: Identifier<ChildInNeedEpisode>? = nil,
        startDate: LocalDate, authorisationDate: LocalDate? = nil, childSeen: Bool? = nil,
        isNoFurtherAction: Bool? = nil, factors: [AssessmentFactor] = [], teamID: Identifier<Team>? = nil,
        workerReference: String? = nil, internalReviewDate: LocalDate? = nil
    ) {
        self.id = id
        self.childID = childID
        self.referralID = referralID
        self.startDate = startDate
        self.authorisationDate = authorisationDate
        self.childSeen = childSeen
        self.isNoFurtherAction = isNoFurtherAction
        self.factors = factors
        self.teamID = teamID
        self.workerReference = workerReference
        self.internalReviewDate = internalReviewDate
    }
}

/// A child in need plan under section 17.
public struct ChildInNeedPlan: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<ChildInNeedPlan>
    public var childID: Identifier<Child>
    public var referralID: Identifier<ChildInNeedEpisode>?
    public var start: LocalDate
    public var end: LocalDate?
    public var teamID: Identifier<Team>?
    public var workerReference: String?

    public init(
        id: Identifier<ChildInNeedPlan>, childID: Identifier<Child>, referralID: Identifier<ChildInNeedEpisode>? = nil,
        start: LocalDate, end: LocalDate? = nil, teamID: Identifier<Team>? = nil, workerReference: String? = nil
    ) {
        self.id = id
        self.childID = childID
        self.referralID = referralID
        self.start = start
        self.end = end
        self.teamID = teamID
        self.workerReference = workerReference
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

/// A statutory visit to a child: under a CIN plan, a CP plan, or while looked after.
///
/// The three SSD visit tables share one shape; what differs is the plan the visit belongs to,
/// and so the timescale it is judged against.
public struct StatutoryVisit: Hashable, Sendable, Codable, Identifiable {
    public enum Context: String, Sendable, Codable, CaseIterable {
        case childInNeed, childProtection, lookedAfter
    }

    public var id: Identifier<StatutoryVisit>
    public var context: Context
    public var childID: Identifier<Child>
    public var date: LocalDate
    public var childSeen: Bool?
    public var childSeenAlone: Bool?
    public var bedroomSeen: Bool?
    /// The CP plan or period of care the visit was recorded against, where the source links it.
    public var planReference: String?

    public init(
        id: Identifier<StatutoryVisit>, context: Context, childID: Identifier<Child>, date: LocalDate,
        childSeen: Bool? = nil, childSeenAlone: Bool? = nil, bedroomSeen: Bool? = nil, planReference: String? = nil
    ) {
        self.id = id
        self.context = context
        self.childID = childID
        self.date = date
        self.childSeen = childSeen
        self.childSeenAlone = childSeenAlone
        self.bedroomSeen = bedroomSeen
        self.planReference = planReference
    }
}
