/// A child's status as an unaccompanied asylum-seeking child (the SSDA903 UASC table): one per child, with the
/// date the status ceased (`DUC`, normally the 18th birthday).
public struct UnaccompaniedAsylumSeekingStatus: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Child> { childID }
    public var childID: Identifier<Child>
    public var ceasedDate: LocalDate?

    public init(childID: Identifier<Child>, ceasedDate: LocalDate? = nil) {
        self.childID = childID
        self.ceasedDate = ceasedDate
    }
}

/// The outcome items for a child looked after continuously for 12 months at 31 March (the SSDA903 OC2 table):
/// the Strengths and Difficulties score or why there is none, convictions, health care and substance misuse.
/// A flag is `nil` where the guidance asks nothing (no conviction item under 10, no health check from 5).
public struct ContinuouslyLookedAfterOutcomes: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Child> { childID }
    public var childID: Identifier<Child>
    /// The Strengths and Difficulties Questionnaire total, 0–40.
    public var sdqScore: Int?
    public var sdqReason: SDQReason?
    public var convicted: Bool?
    public var healthCheck: Bool?
    public var immunisations: Bool?
    public var teethCheck: Bool?
    public var healthAssessment: Bool?
    public var substanceMisuse: Bool?
    public var interventionReceived: Bool?
    public var interventionOffered: Bool?

    public init(
        childID: Identifier<Child>, sdqScore: Int? = nil, sdqReason: SDQReason? = nil, convicted: Bool? = nil,
        healthCheck: Bool? = nil, immunisations: Bool? = nil, teethCheck: Bool? = nil, healthAssessment: Bool? = nil,
        substanceMisuse: Bool? = nil, interventionReceived: Bool? = nil, interventionOffered: Bool? = nil
    ) {
        self.childID = childID
        self.sdqScore = sdqScore
        self.sdqReason = sdqReason
        self.convicted = convicted
        self.healthCheck = healthCheck
        self.immunisations = immunisations
        self.teethCheck = teethCheck
        self.healthAssessment = healthAssessment
        self.substanceMisuse = substanceMisuse
        self.interventionReceived = interventionReceived
        self.interventionOffered = interventionOffered
    }
}

/// A looked-after child's adoption (the SSDA903 AD1 table): when it was decided they should be placed for
/// adoption, when they were matched, and who adopted them.
public struct Adoption: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Child> { childID }
    public var childID: Identifier<Child>
    /// The date of the decision that the child should be placed for adoption (`DATE_INT`).
    public var decisionDate: LocalDate?
    /// The date the child was matched with prospective adopters (`DATE_MATCH`).
    public var matchingDate: LocalDate?
    public var adoptedByFosterCarer: Bool?
    public var numberOfAdopters: Int?
    public var adopterSex: AdopterSex?
    public var adopterLegalStatus: AdopterLegalStatus?

    public init(
        childID: Identifier<Child>, decisionDate: LocalDate? = nil, matchingDate: LocalDate? = nil,
        adoptedByFosterCarer: Bool? = nil, numberOfAdopters: Int? = nil, adopterSex: AdopterSex? = nil,
        adopterLegalStatus: AdopterLegalStatus? = nil
    ) {
        self.childID = childID
        self.decisionDate = decisionDate
        self.matchingDate = matchingDate
        self.adoptedByFosterCarer = adoptedByFosterCarer
        self.numberOfAdopters = numberOfAdopters
        self.adopterSex = adopterSex
        self.adopterLegalStatus = adopterLegalStatus
    }
}

/// A decision that a child should be placed for adoption, and its reversal if it was reversed (the SSDA903
/// PlacedAdoption table); a child can have more than one.
public struct DecisionToPlaceForAdoption: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<DecisionToPlaceForAdoption>
    public var childID: Identifier<Child>
    public var date: LocalDate
    public var ceasedDate: LocalDate?
    public var ceasedReason: ReasonPlacedForAdoptionCeased?

    public init(
        id: Identifier<DecisionToPlaceForAdoption>, childID: Identifier<Child>, date: LocalDate, ceasedDate: LocalDate? = nil,
        ceasedReason: ReasonPlacedForAdoptionCeased? = nil
    ) {
        self.id = id
        self.childID = childID
        self.date = date
        self.ceasedDate = ceasedDate
        self.ceasedReason = ceasedReason
    }

    /// In force on some day of `period`.
    public func applies(during period: DateInterval) -> Bool { DateInterval(start: date, end: ceasedDate).overlaps(period) }
}

/// The permanence order a child had before this period of care (the SSDA903 PrevPerm table).
public struct PreviousPermanence: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Child> { childID }
    public var childID: Identifier<Child>
    public var option: PreviousPermanenceOption?
    /// The authority that made the order: its three-digit code, or 999, NIR, SCO, WAL, NUK.
    public var localAuthority: String?
    /// The order's date as the return writes it: the guidance allows an unknown day or month (`zz/zz/2010`).
    public var orderDate: String?

    public init(childID: Identifier<Child>, option: PreviousPermanenceOption? = nil, localAuthority: String? = nil, orderDate: String? = nil) {
        self.childID = childID
        self.option = option
        self.localAuthority = localAuthority
        self.orderDate = orderDate
    }
}

/// A spell with one allocated social worker (the SSDA903 SWEpisodes table).
public struct SocialWorkerEpisode: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<SocialWorkerEpisode>
    public var childID: Identifier<Child>
    /// The worker's social work registration number (`SW_ID`).
    public var socialWorkerID: String?
    public var start: LocalDate
    public var end: LocalDate?
    public var changeReason: SocialWorkerChangeReason?

    public init(
        id: Identifier<SocialWorkerEpisode>, childID: Identifier<Child>, socialWorkerID: String? = nil, start: LocalDate,
        end: LocalDate? = nil, changeReason: SocialWorkerChangeReason? = nil
    ) {
        self.id = id
        self.childID = childID
        self.socialWorkerID = socialWorkerID
        self.start = start
        self.end = end
        self.changeReason = changeReason
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

/// A court order authorising the deprivation of a child's liberty (the SSDA903 DoLo table, from 2026/27).
public struct DeprivationOfLibertyOrder: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<DeprivationOfLibertyOrder>
    public var childID: Identifier<Child>
    public var start: LocalDate
    public var end: LocalDate?

    public init(id: Identifier<DeprivationOfLibertyOrder>, childID: Identifier<Child>, start: LocalDate, end: LocalDate? = nil) {
        self.id = id
        self.childID = childID
        self.start = start
        self.end = end
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }
}
