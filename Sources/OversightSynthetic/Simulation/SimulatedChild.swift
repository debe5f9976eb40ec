import OversightCore

/// One invented child's whole history, as the case management system would hold it, before the SSD
/// window and the SystemC renderings are applied.
///
/// A child is simulated, written and dropped before the next one starts, so memory stays flat however
/// large the authority. Dates after the extract date never appear: anything still running then is open.
struct SimulatedChild {
    var index: Int
    var personID: Int
    var sex: Sex
    /// `nil` for a child still unborn at the extract date.
    var dateOfBirth: LocalDate?
    var expectedDateOfBirth: LocalDate?
    var ethnicity: Ethnicity
    var forename: String
    var surname: String
    var upn: String?
    var upnUnknown: String?
    var legacyID: String?
    var hasEHCP: Bool
    var isMother: Bool
    var nationality: String
    /// Chooses the child's teams, so siblings of a locality share them.
    var locality: Int
    /// In the SSD cohort through the CMS client flag only, with no activity in the window.
    var isCohortOnly = false

    var contacts: [Contact] = []
    var earlyHelp: [EarlyHelpEpisode] = []
    var referrals: [Referral] = []
    var periods: [PeriodOfCare] = []
    var missing: [MissingEpisode] = []
    var involvements: [Involvement] = []
    var careLeaver: CareLeaverStatus?

    struct Contact {
        enum Outcome { case newReferral, existingReferral, cpEnquiry, nfa, advice, earlyHelp, privateFostering }
        var id: Int
        var date: LocalDate
        var source: ReferralSource
        var outcome: Outcome
    }

    struct EarlyHelpEpisode {
        var id: Int
        var start: LocalDate
        var end: LocalDate?
        var reason: String
        var endReason: String?
        var organisation: String
    }

    struct Referral {
        var id: Int
        var date: LocalDate
        var source: ReferralSource
        var need: CategoryOfNeed
        var isNFA: Bool
        var close: LocalDate?
        var closeReason: ClosureReason?
        var team: Int
        var worker: Int
        var assessments: [Assessment] = []
        var enquiries: [Section47Enquiry] = []
        var conferences: [InitialConference] = []
        var cinPlans: [ChildInNeedPlan] = []
        var cpPlans: [ChildProtectionPlan] = []
        var requestedCare = false
    }

    struct Assessment {
        var id: Int
        var factorRowID: Int
        var start: LocalDate
        var authorised: LocalDate?
        var childSeen: Bool
        var isNFA: Bool
        var factors: [AssessmentFactor]
        var team: Int
        var worker: Int
        var leadsToServices: Bool
        var requestsCare: Bool
    }

    struct Section47Enquiry {
        var id: Int
        var start: LocalDate
        var end: LocalDate?
        var conferenceNeeded: Bool
        var team: Int
        var worker: Int
    }

    struct InitialConference {
        var id: Int
        var meetingID: Int
        var enquiry: Int?
        var date: LocalDate
        var target: LocalDate
        /// Index into the referral's `cpPlans`.
        var plan: Int?
        var team: Int
        var worker: Int
    }

    struct Visit {
        var id: Int
        var date: LocalDate
        var seen: Bool
        var seenAlone: Bool
        var bedroomSeen: Bool
    }

    struct ChildInNeedPlan {
        var id: Int
        var start: LocalDate
        var end: LocalDate?
        var team: Int
        var worker: Int
        var visits: [Visit] = []
    }

    struct ChildProtectionReview {
        var id: Int
        var meetingID: Int
        var due: LocalDate
        var date: LocalDate
        var continuePlan: Bool
        var participation: ReviewParticipation?
    }

    struct ChildProtectionPlan {
        var id: Int
        /// Index into the referral's `conferences`.
        var conference: Int
        var start: LocalDate
        var end: LocalDate?
        var initialCategory: CategoryOfAbuse
        var latestCategory: CategoryOfAbuse
        var visits: [Visit] = []
        var reviews: [ChildProtectionReview] = []
        /// Visits recorded without the plan link (ssd.md: not every case note names the plan).
        var unlinkedVisits: Set<Int> = []
    }

    struct Placement {
        var id: Int
        var start: LocalDate
        var end: LocalDate?
        var type: PlacementType
        var provider: PlacementProvider?
        var urn: String?
        var postcode: String
        var distance: Double
        var changeReason: ReasonPlacementChange?
    }

    struct Episode {
        var id: Int
        var start: LocalDate
        var reasonNew: ReasonNewEpisode
        var legalStatus: LegalStatus
        /// Index into the period's `placements`.
        var placement: Int
        var ceased: LocalDate?
        var reasonCeased: ReasonEpisodeCeased?
    }

    struct LegalStatusSpell {
        var id: Int
        var status: LegalStatus
        var start: LocalDate
        var end: LocalDate?
    }

    struct LookedAfterReview {
        var id: Int
        var due: LocalDate
        var date: LocalDate
        var cancelled: Bool
        var participation: ReviewParticipation
    }

    struct PeriodOfCare {
        var id: Int
        /// Index into `referrals`.
        var referral: Int
        var entered: LocalDate
        var need: CategoryOfNeed
        var episodes: [Episode] = []
        var placements: [Placement] = []
        var legalStatuses: [LegalStatusSpell] = []
        var reviews: [LookedAfterReview] = []
        var visits: [Visit] = []
        var end: LocalDate? { episodes.last?.reasonCeased == nil ? nil : episodes.last?.ceased }
    }

    struct MissingEpisode {
        var id: Int
        var start: LocalDate
        var end: LocalDate?
        var isMissing: Bool
        var returnInterviewOffered: String
        var returnInterviewAccepted: String
    }

    enum InvolvementRole: String { case caseWorker = "CW", reviewingOfficer = "IRO", personalAdviser = "16PLUS" }

    struct Involvement {
        var id: Int
        var worker: Int
        var team: Int
        var role: InvolvementRole
        var start: LocalDate
        var end: LocalDate?
        var changeReason: WorkerChangeReason?
        /// Index into `referrals`.
        var referral: Int?
    }

    struct CareLeaverStatus {
        var id: Int
        var eligibility: String
        var inTouch: CareLeaverContact
        var latestContact: LocalDate?
        var accommodation: CareLeaverAccommodation?
        var suitable: Bool?
        var activity: CareLeaverActivity?
        var pathwayPlanReview: LocalDate?
        var personalAdviser: Int?
        var caseWorkerTeam: Int?
        var caseWorker: Int?
    }
}
