/// A legal status spell. The SSD keeps legal status apart from episodes; a looked-after episode takes
/// the status open on its start date.
public struct LegalStatusSpell: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<LegalStatusSpell>
    public var childID: Identifier<Child>
    public var status: LegalStatus
    public var start: LocalDate
    public var end: LocalDate?

    public init(id: Identifier<LegalStatusSpell>, childID: Identifier<Child>, status: LegalStatus, start: LocalDate, end: LocalDate? = nil) {
        self.id = id
        self.childID = childID
        self.status = status
        self.start = start
        self.end = end
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

/// An SSDA903 episode of care: a new one begins whenever legal status, placement or carer changes.
public struct LookedAfterEpisode: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<LookedAfterEpisode>
    public var childID: Identifier<Child>
    /// The period of care the source grouped this episode under (SSD `clae_cla_id`).
    public var periodOfCareID: String?
    public var start: LocalDate
    public var reasonNewEpisode: ReasonNewEpisode?
    public var legalStatus: LegalStatus?
    public var categoryOfNeed: CategoryOfNeed?
    public var placementID: Identifier<Placement>?
    public var end: LocalDate?
    public var reasonCeased: ReasonEpisodeCeased?
    public var referralID: Identifier<ChildInNeedEpisode>?
    /// The date the child entered care for this period, as the CMS holds it.
    public var enteredCareDate: LocalDate?
    public var lastIROContactDate: LocalDate?

    public init(
        id: Identifier<LookedAfterEpisode>, childID: Identifier<Child>, periodOfCareID: String? = nil, start: LocalDate,
        reasonNewEpisode: ReasonNewEpisode? = nil, legalStatus: LegalStatus? = nil, categoryOfNeed: CategoryOfNeed? = nil,
        placementID: Identifier<Placement>? = nil, end: LocalDate? = nil, reasonCeased: ReasonEpisodeCeased? = nil,
        referralID: Identifier<ChildInNeedEpisode>? = nil, enteredCareDate: LocalDate? = nil,
        lastIROContactDate: LocalDate? = nil
    ) {
        self.id = id
        self.childID = childID
        self.periodOfCareID = periodOfCareID
        self.start = start
        self.reasonNewEpisode = reasonNewEpisode
        self.legalStatus = legalStatus
        self.categoryOfNeed = categoryOfNeed
        self.placementID = placementID
        self.end = end
        self.reasonCeased = reasonCeased
        self.referralID = referralID
        self.enteredCareDate = enteredCareDate
        self.lastIROContactDate = lastIROContactDate
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

/// Where a looked-after child lives.
public struct Placement: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Placement>
    public var childID: Identifier<Child>
    public var periodOfCareID: String?
    public var start: LocalDate
    public var end: LocalDate?
    public var type: PlacementType?
    public var provider: PlacementProvider?
    public var urn: String?
    public var postcode: String?
    /// Miles from home; the SSD writes 999.9 for unknown, which is read as `nil`.
    public var distanceMiles: Double?
    public var changeReason: ReasonPlacementChange?
    /// The postcode of the home the child was living at when placed (SSDA903 `HOME_POST`), which distance is measured from.
    public var homePostcode: String?

    public init(
        id: Identifier<Placement>, childID: Identifier<Child>, periodOfCareID: String? = nil, start: LocalDate,
        end: LocalDate? = nil, type: PlacementType? = nil, provider: PlacementProvider? = nil, urn: String? = nil,
        postcode: String? = nil, distanceMiles: Double? = nil, changeReason: ReasonPlacementChange? = nil,
        homePostcode: String? = nil
    ) {
        self.id = id
        self.childID = childID
        self.periodOfCareID = periodOfCareID
        self.start = start
        self.end = end
        self.type = type
        self.provider = provider
        self.urn = urn
        self.postcode = postcode
        self.distanceMiles = distanceMiles
        self.changeReason = changeReason
        self.homePostcode = homePostcode
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

/// A looked-after child's statutory review, chaired by the IRO.
public struct LookedAfterReview: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<LookedAfterReview>
    public var childID: Identifier<Child>
    public var periodOfCareID: String?
    public var dueDate: LocalDate?
    public var date: LocalDate?
    public var isCancelled: Bool
    public var participation: ReviewParticipation?

    public init(
        id: Identifier<LookedAfterReview>, childID: Identifier<Child>, periodOfCareID: String? = nil,
        dueDate: LocalDate? = nil, date: LocalDate? = nil, isCancelled: Bool = false,
        participation: ReviewParticipation? = nil
    ) {
        self.id = id
        self.childID = childID
        self.periodOfCareID = periodOfCareID
        self.dueDate = dueDate
        self.date = date
        self.isCancelled = isCancelled
        self.participation = participation
    }
}

/// A spell missing from, or away without authorisation from, a placement.
public struct MissingEpisode: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<MissingEpisode>
    public var childID: Identifier<Child>
    public var type: MissingType?
    public var start: LocalDate
    public var end: LocalDate?
    /// Return home interview offered / accepted; `nil` where not applicable or not recorded.
    public var returnInterviewOffered: Bool?
    public var returnInterviewAccepted: Bool?

    public init(
        id: Identifier<MissingEpisode>, childID: Identifier<Child>, type: MissingType? = nil, start: LocalDate,
        end: LocalDate? = nil, returnInterviewOffered: Bool? = nil, returnInterviewAccepted: Bool? = nil
    ) {
        self.id = id
        self.childID = childID
        self.type = type
        self.start = start
        self.end = end
        self.returnInterviewOffered = returnInterviewOffered
        self.returnInterviewAccepted = returnInterviewAccepted
    }
}

/// A care leaver's latest status: the SSD holds one row per young person, not a history.
public struct CareLeaver: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Child> { childID }
    public var childID: Identifier<Child>
    public var eligibility: String?
    public var inTouch: CareLeaverContact?
    public var latestContact: LocalDate?
    public var accommodation: CareLeaverAccommodation?
    public var accommodationSuitable: Bool?
    public var activity: CareLeaverActivity?
    public var pathwayPlanReviewDate: LocalDate?
    public var personalAdviserReference: String?
    public var teamID: Identifier<Team>?
    public var workerReference: String?

    public init(
        childID: Identifier<Child>, eligibility: String? = nil, inTouch: CareLeaverContact? = nil,
        latestContact: LocalDate? = nil, accommodation: CareLeaverAccommodation? = nil,
        accommodationSuitable: Bool? = nil, activity: CareLeaverActivity? = nil,
        pathwayPlanReviewDate: LocalDate? = nil, personalAdviserReference: String? = nil,
        teamID: Identifier<Team>? = nil, workerReference: String? = nil
    ) {
        self.childID = childID
        self.eligibility = eligibility
        self.inTouch = inTouch
        self.latestContact = latestContact
        self.accommodation = accommodation
        self.accommodationSuitable = accommodationSuitable
        self.activity = activity
        self.pathwayPlanReviewDate = pathwayPlanReviewDate
        self.personalAdviserReference = personalAdviserReference
        self.teamID = teamID
        self.workerReference = workerReference
    }
}
