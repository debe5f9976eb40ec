/// A section 47 enquiry: started at the strategy discussion that found reasonable cause to suspect
/// significant harm (CIN census `S47ActualStartDate`).
public struct Section47Enquiry: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<Section47Enquiry>
    public var childID: Identifier<Child>
    public var referralID: Identifier<ChildInNeedEpisode>?
    public var startDate: LocalDate
    public var endDate: LocalDate?
    public var isNoFurtherAction: Bool?
    /// The enquiry concluded that an initial child protection conference should be held.
    public var conferenceRecommended: Bool?
    public var teamID: Identifier<Team>?
    public var workerReference: String?
    /// When the initial conference is due (CIN census `InitialCPCtarget`), kept on the enquiry because it is known
    /// before any conference is held.
    public var conferenceTargetDate: LocalDate?

    public init(
        id: Identifier<Section47Enquiry>, childID: Identifier<Child>, referralID: Identifier<ChildInNeedEpisode>? = nil,
        startDate: LocalDate, endDate: LocalDate? = nil, isNoFurtherAction: Bool? = nil,
        conferenceRecommended: Bool? = nil, teamID: Identifier<Team>? = nil, workerReference: String? = nil,
        conferenceTargetDate: LocalDate? = nil
    ) {
        self.id = id
        self.childID = childID
        self.referralID = referralID
        self.startDate = startDate
        self.endDate = endDate
        self.isNoFurtherAction = isNoFurtherAction
        self.conferenceRecommended = conferenceRecommended
        self.teamID = teamID
        self.workerReference = workerReference
        self.conferenceTargetDate = conferenceTargetDate
    }
}

/// An initial child protection conference, due within 15 working days of the strategy discussion.
public struct InitialChildProtectionConference: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<InitialChildProtectionConference>
    public var childID: Identifier<Child>
    public var section47EnquiryID: Identifier<Section47Enquiry>?
    public var referralID: Identifier<ChildInNeedEpisode>?
    public var date: LocalDate
    /// The due date the CMS recorded; Oversight recomputes timeliness from the calendar regardless.
    public var targetDate: LocalDate?
    public var isTransferIn: Bool?
    /// The conference decided the child should be the subject of a child protection plan.
    public var resultedInPlan: Bool?
    public var planID: Identifier<ChildProtectionPlan>?
    public var teamID: Identifier<Team>?
    public var workerReference: String?

    public init(
        id: Identifier<InitialChildProtectionConference>, childID: Identifier<Child>,
        section47EnquiryID: Identifier<Section47Enquiry>? = nil, referralID: Identifier<ChildInNeedEpisode>? = nil,
        date: LocalDate, targetDate: LocalDate? = nil, isTransferIn: Bool? = nil, resultedInPlan: Bool? = nil,
        planID: Identifier<ChildProtectionPlan>? = nil, teamID: Identifier<Team>? = nil, workerReference: String? = nil
    ) {
        self.id = id
        self.childID = childID
        self.section47EnquiryID = section47EnquiryID
        self.referralID = referralID
        self.date = date
        self.targetDate = targetDate
        self.isTransferIn = isTransferIn
        self.resultedInPlan = resultedInPlan
        self.planID = planID
        self.teamID = teamID
        self.workerReference = workerReference
    }
}

/// A child protection plan, with its category of abuse.
public struct ChildProtectionPlan: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<ChildProtectionPlan>
    public var childID: Identifier<Child>
    public var referralID: Identifier<ChildInNeedEpisode>?
    public var conferenceID: Identifier<InitialChildProtectionConference>?
    public var start: LocalDate
    public var end: LocalDate?
    public var initialCategory: CategoryOfAbuse?
    public var latestCategory: CategoryOfAbuse?
    /// A temporary plan held for another authority: excluded from the returns' counts.
    public var isOtherLocalAuthority: Bool
    /// How many child protection plans the child had before this one, in any authority (CIN census
    /// `NumberOfPreviousCPP`); `nil` when not recorded.
    public var numberOfPreviousPlans: Int?

    public init(
        id: Identifier<ChildProtectionPlan>, childID: Identifier<Child>, referralID: Identifier<ChildInNeedEpisode>? = nil,
        conferenceID: Identifier<InitialChildProtectionConference>? = nil, start: LocalDate, end: LocalDate? = nil,
        initialCategory: CategoryOfAbuse? = nil, latestCategory: CategoryOfAbuse? = nil, isOtherLocalAuthority: Bool = false,
        numberOfPreviousPlans: Int? = nil
    ) {
        self.id = id
        self.childID = childID
        self.referralID = referralID
        self.conferenceID = conferenceID
        self.start = start
        self.end = end
        self.initialCategory = initialCategory
        self.latestCategory = latestCategory
        self.isOtherLocalAuthority = isOtherLocalAuthority
        self.numberOfPreviousPlans = numberOfPreviousPlans
    }

    public var interval: DateInterval { DateInterval(start: start, end: end) }
}

/// A child protection review conference: the first within 3 months of the ICPC, then at most 6-monthly.
public struct ChildProtectionReview: Hashable, Sendable, Codable, Identifiable {
    public var id: Identifier<ChildProtectionReview>
    public var childID: Identifier<Child>
    public var planID: Identifier<ChildProtectionPlan>?
    public var dueDate: LocalDate?
    public var date: LocalDate?
    public var planContinues: Bool?
    public var participation: ReviewParticipation?

    public init(
        id: Identifier<ChildProtectionReview>, childID: Identifier<Child>, planID: Identifier<ChildProtectionPlan>? = nil,
        dueDate: LocalDate? = nil, date: LocalDate? = nil, planContinues: Bool? = nil,
        participation: ReviewParticipation? = nil
    ) {
        self.id = id
        self.childID = childID
        self.planID = planID
        self.dueDate = dueDate
        self.date = date
        self.planContinues = planContinues
        self.participation = participation
    }
}
