import OversightCore

/// The dates a census is judged against.
public struct CINCensusPeriod: Sendable, Hashable {
    /// The census date, 31 March of the collection year.
    public var referenceDate: LocalDate
    /// The first day of the census year, 1 April of the previous year (the DfE's census year).
    public var start: LocalDate

    /// The census of collection year `year` (2025 is the year to 31 March 2025).
    public init(year: Int) {
        referenceDate = LocalDate(year: year, month: 3, day: 31)!
        start = LocalDate(year: year - 1, month: 4, day: 1)!
    }

    public var year: Int { referenceDate.year }

    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= referenceDate }
}

/// The census `Header`: which collection and year the return claims to be, and which authority sent it.
public struct CINCensusHeader: Sendable, Hashable {
    public var collection: String?
    public var year: String?
    /// The census date, 31 March of the collection year; rule 100 checks it.
    public var referenceDate: LocalDate?
    public var sourceLevel: String?
    /// The authority's 3-digit DfE number.
    public var lea: String?
    public var softwareCode: String?
    public var release: String?
    public var serialNo: String?
    public var dateTime: String?

    public init(
        collection: String? = "CIN", year: String? = nil, referenceDate: LocalDate? = nil, sourceLevel: String? = "L",
        lea: String? = nil, softwareCode: String? = nil, release: String? = nil, serialNo: String? = nil, dateTime: String? = nil
    ) {
        self.collection = collection
        self.year = year
        self.referenceDate = referenceDate
        self.sourceLevel = sourceLevel
        self.lea = lea
        self.softwareCode = softwareCode
        self.release = release
        self.serialNo = serialNo
        self.dateTime = dateTime
    }
}

/// One `Child` of the census, as written: codes stay text so the validator can report invalid ones,
/// dates are parsed (a date that does not parse is reported by the reader and left nil).
public struct CINCensusChild: Sendable, Hashable {
    /// The line of the `<Child>` element, so findings can point back into the file.
    public var line: Int
    public var laChildID: String?
    public var upn: String?
    public var formerUPN: String?
    public var upnUnknown: String?
    public var personBirthDate: LocalDate?
    public var expectedPersonBirthDate: LocalDate?
    /// `Sex` (M, F, U from 2024/25); a pre-2024/25 `GenderCurrent` is translated (1 M, 2 F, 0/9 U).
    public var sex: String?
    public var personDeathDate: LocalDate?
    public var ethnicity: String?
    public var disabilities: [String]
    public var episodes: [CINCensusEpisode]

    public init(
        line: Int = 0, laChildID: String?, upn: String? = nil, formerUPN: String? = nil, upnUnknown: String? = nil,
        personBirthDate: LocalDate? = nil, expectedPersonBirthDate: LocalDate? = nil, sex: String? = nil,
        personDeathDate: LocalDate? = nil, ethnicity: String? = nil, disabilities: [String] = [], episodes: [CINCensusEpisode] = []
    ) {
        self.line = line
        self.laChildID = laChildID
        self.upn = upn
        self.formerUPN = formerUPN
        self.upnUnknown = upnUnknown
        self.personBirthDate = personBirthDate
        self.expectedPersonBirthDate = expectedPersonBirthDate
        self.sex = sex
        self.personDeathDate = personDeathDate
        self.ethnicity = ethnicity
        self.disabilities = disabilities
        self.episodes = episodes
    }
}

/// A `CINdetails` module: one CIN episode, from referral to closure.
public struct CINCensusEpisode: Sendable, Hashable {
    public var referralDate: LocalDate?
    public var referralSource: String?
    public var primaryNeedCode: String?
    public var closureDate: LocalDate?
    public var reasonForClosure: String?
    public var dateOfInitialCPC: LocalDate?
    public var assessments: [CINCensusAssessment]
    public var plans: [CINCensusPlan]
    public var section47s: [CINCensusSection47]
    /// `ReferralNFA` as written: true/false/1/0 are valid, anything else fails rule 8568.
    public var referralNFA: String?
    public var protectionPlans: [CINCensusProtectionPlan]
    /// The 2026 pre-proceedings and family group decision-making blocks, kept field by field as written.
    public var preProceedings: [[String: String]]

    public init(
        referralDate: LocalDate? = nil, referralSource: String? = nil, primaryNeedCode: String? = nil, closureDate: LocalDate? = nil,
        reasonForClosure: String? = nil, dateOfInitialCPC: LocalDate? = nil, assessments: [CINCensusAssessment] = [],
        plans: [CINCensusPlan] = [], section47s: [CINCensusSection47] = [], referralNFA: String? = nil,
        protectionPlans: [CINCensusProtectionPlan] = [], preProceedings: [[String: String]] = []
    ) {
        self.referralDate = referralDate
        self.referralSource = referralSource
        self.primaryNeedCode = primaryNeedCode
        self.closureDate = closureDate
        self.reasonForClosure = reasonForClosure
        self.dateOfInitialCPC = dateOfInitialCPC
        self.assessments = assessments
        self.plans = plans
        self.section47s = section47s
        self.referralNFA = referralNFA
        self.protectionPlans = protectionPlans
        self.preProceedings = preProceedings
    }

    /// The referral ended in no further action; `nil` when the flag is missing or not a boolean.
    public var isNoFurtherAction: Bool? {
        switch referralNFA?.lowercased() {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }
}

public struct CINCensusAssessment: Sendable, Hashable {
    public var startDate: LocalDate?
    public var internalReviewDate: LocalDate?
    /// The manager's authorisation: the census's end of the assessment.
    public var authorisationDate: LocalDate?
    public var factors: [String]

    public init(startDate: LocalDate? = nil, internalReviewDate: LocalDate? = nil, authorisationDate: LocalDate? = nil, factors: [String] = []) {
        self.startDate = startDate
        self.internalReviewDate = internalReviewDate
        self.authorisationDate = authorisationDate
        self.factors = factors
    }
}

/// `CINPlanDates`.
public struct CINCensusPlan: Sendable, Hashable {
    public var startDate: LocalDate?
    public var endDate: LocalDate?

    public init(startDate: LocalDate? = nil, endDate: LocalDate? = nil) {
        self.startDate = startDate
        self.endDate = endDate
    }
}

public struct CINCensusSection47: Sendable, Hashable {
    public var startDate: LocalDate?
    public var initialCPCTarget: LocalDate?
    public var dateOfInitialCPC: LocalDate?
    /// `ICPCnotRequired` as written (true/false/1/0).
    public var icpcNotRequired: String?

    public init(startDate: LocalDate? = nil, initialCPCTarget: LocalDate? = nil, dateOfInitialCPC: LocalDate? = nil, icpcNotRequired: String? = nil) {
        self.startDate = startDate
        self.initialCPCTarget = initialCPCTarget
        self.dateOfInitialCPC = dateOfInitialCPC
        self.icpcNotRequired = icpcNotRequired
    }

    public var isICPCNotRequired: Bool { ["true", "1"].contains(icpcNotRequired?.lowercased() ?? "") }
}

public struct CINCensusProtectionPlan: Sendable, Hashable {
    public var startDate: LocalDate?
    public var endDate: LocalDate?
    public var initialCategoryOfAbuse: String?
    public var latestCategoryOfAbuse: String?
    public var numberOfPreviousCPP: String?
    /// `CPPreviewDate`s; nil where a review element is present but empty (rule 8842Q).
    public var reviewDates: [LocalDate?]

    public init(
        startDate: LocalDate? = nil, endDate: LocalDate? = nil, initialCategoryOfAbuse: String? = nil,
        latestCategoryOfAbuse: String? = nil, numberOfPreviousCPP: String? = nil, reviewDates: [LocalDate?] = []
    ) {
        self.startDate = startDate
        self.endDate = endDate
        self.initialCategoryOfAbuse = initialCategoryOfAbuse
        self.latestCategoryOfAbuse = latestCategoryOfAbuse
        self.numberOfPreviousCPP = numberOfPreviousCPP
        self.reviewDates = reviewDates
    }
}
