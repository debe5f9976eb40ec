/// An allegation that someone who works with children has harmed or may pose a risk to them, as the local
/// authority designated officer (LADO) manages it under Working Together to Safeguard Children 2023 (chapter 2,
/// "Allegations against people who work with children") and Keeping Children Safe in Education part 4.
///
/// The person named is a professional, and their details are as sensitive as a child's: only the LADO team opens
/// an allegation (`LADOAccessPolicy`).
public struct Allegation: Sendable, Codable, Equatable, Hashable {
    public var id: Identifier<Allegation>
    public var receivedOn: LocalDate
    /// Who made the referral, and from which organisation.
    public var referrer: String
    public var referrerOrganisation: String
    public var subject: AllegationSubject
    public var employer: String
    public var sector: EmploymentSector
    /// The harm test(s) the allegation meets (Working Together to Safeguard Children 2023, chapter 2; KCSIE part 4).
    public var harmTests: Set<HarmTest>
    /// Children involved; `childID` links to the case records when the child is known to the authority.
    public var children: [AllegationChild]
    /// The LADO officer holding the allegation.
    public var officer: String
    /// When the LADO made the initial consideration decision, and whether it goes on to the formal LADO process.
    public var initialConsiderationOn: LocalDate?
    public var meetsThreshold: Bool?
    public var meetings: [AllegationMeeting]
    public var investigations: [AllegationInvestigation]
    public var disciplinary: DisciplinaryProcess?
    public var outcome: AllegationOutcome?
    public var outcomeOn: LocalDate?
    public var referrals: [RegulatorReferral]
    public var closedOn: LocalDate?

    public init(
        id: Identifier<Allegation>, receivedOn: LocalDate, referrer: String, referrerOrganisation: String, subject: AllegationSubject,
        employer: String, sector: EmploymentSector, harmTests: Set<HarmTest>, children: [AllegationChild] = [], officer: String,
        initialConsiderationOn: LocalDate? = nil, meetsThreshold: Bool? = nil, meetings: [AllegationMeeting] = [],
        investigations: [AllegationInvestigation] = [], disciplinary: DisciplinaryProcess? = nil, outcome: AllegationOutcome? = nil,
        outcomeOn: LocalDate? = nil, referrals: [RegulatorReferral] = [], closedOn: LocalDate? = nil
    ) {
        self.id = id
        self.receivedOn = receivedOn
        self.referrer = referrer
        self.referrerOrganisation = referrerOrganisation
        self.subject = subject
        self.employer = employer
        self.sector = sector
        self.harmTests = harmTests
        self.children = children
        self.officer = officer
        self.initialConsiderationOn = initialConsiderationOn
        self.meetsThreshold = meetsThreshold
        self.meetings = meetings
        self.investigations = investigations
        self.disciplinary = disciplinary
        self.outcome = outcome
        self.outcomeOn = outcomeOn
        self.referrals = referrals
        self.closedOn = closedOn
    }

    /// Whether the allegation is open on `date`: received by then and not yet closed.
    public func isOpen(on date: LocalDate) -> Bool { receivedOn <= date && (closedOn.map { $0 > date } ?? true) }
}

/// The person the allegation is about.
public struct AllegationSubject: Sendable, Codable, Equatable, Hashable {
    public var name: String
    public var role: String
    /// Needed to work out retention: records of substantiated and unsubstantiated allegations are kept to the
    /// person's normal retirement age or for 10 years, whichever is longer.
    public var dateOfBirth: LocalDate?

    public init(name: String, role: String, dateOfBirth: LocalDate? = nil) {
        self.name = name
        self.role = role
        self.dateOfBirth = dateOfBirth
    }
}

/// A child involved in an allegation.
public struct AllegationChild: Sendable, Codable, Equatable, Hashable {
    /// The child's ID in the case records, when known to the authority.
    public var childID: String?
    /// How the child is described when not known (e.g. "pupil, year 9").
    public var description: String

    public init(childID: String?, description: String) {
        self.childID = childID
        self.description = description
    }
}

/// The sector of the person's employment or voluntary role.
public enum EmploymentSector: String, Sendable, Codable, CaseIterable, Hashable {
    case education, health, earlyYears = "early-years", fosterCarer = "foster-carer", residentialCare = "residential-care"
    case socialCare = "social-care", police, faith, sport, voluntary, transport, other

    public var title: String {
        switch self {
        case .education: "Education"
        case .health: "Health"
        case .earlyYears: "Early years"
        case .fosterCarer: "Foster carer"
        case .residentialCare: "Residential care"
        case .socialCare: "Social care"
        case .police: "Police"
        case .faith: "Faith"
        case .sport: "Sport"
        case .voluntary: "Voluntary"
        case .transport: "Transport"
        case .other: "Other"
        }
    }
}

/// The harm test: the person has behaved in a way that has harmed a child, or may have; possibly committed a criminal
/// offence against or related to a child; behaved towards a child in a way that indicates they may pose a risk of harm
/// if they work regularly or closely with children; or behaved in a way that indicates they may not be suitable to work
/// with children (transferable risk).
public enum HarmTest: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case harmedChild = "harmed-child"
    case possibleCriminalOffence = "criminal-offence"
    case unsuitableToWorkWithChildren = "unsuitable"
    case transferableRisk = "transferable-risk"

    public var title: String {
        switch self {
        case .harmedChild: "Harmed or may have harmed a child"
        case .possibleCriminalOffence: "Possible criminal offence against or related to a child"
        case .unsuitableToWorkWithChildren: "May pose a risk of harm to children"
        case .transferableRisk: "Transferable risk: may not be suitable to work with children"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

/// The meeting that plans the response once the threshold is met.
public struct AllegationMeeting: Sendable, Codable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case allegationsManagement = "allegations-management"
        case strategy
    }

    public var kind: Kind
    public var heldOn: LocalDate

    public init(kind: Kind, heldOn: LocalDate) {
        self.kind = kind
        self.heldOn = heldOn
    }
}

/// A police or social-care investigation of the allegation.
public struct AllegationInvestigation: Sendable, Codable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case police
        case socialCare = "social-care"
    }

    public var kind: Kind
    public var startedOn: LocalDate
    public var concludedOn: LocalDate?

    public init(kind: Kind, startedOn: LocalDate, concludedOn: LocalDate? = nil) {
        self.kind = kind
        self.startedOn = startedOn
        self.concludedOn = concludedOn
    }
}

/// The employer's own disciplinary process.
public struct DisciplinaryProcess: Sendable, Codable, Equatable, Hashable {
    public var startedOn: LocalDate
    public var concludedOn: LocalDate?

    public init(startedOn: LocalDate, concludedOn: LocalDate? = nil) {
        self.startedOn = startedOn
        self.concludedOn = concludedOn
    }
}

/// The five outcome definitions of Keeping Children Safe in Education part 4 and Working Together 2023.
public enum AllegationOutcome: String, Sendable, Codable, CaseIterable, Hashable {
    case substantiated, unsubstantiated, `false`, malicious, unfounded

    /// Substantiated and unsubstantiated allegations are kept long; false, malicious and unfounded ones the shortest time.
    public var isKeptLong: Bool { self == .substantiated || self == .unsubstantiated }

    public var title: String {
        switch self {
        case .substantiated: "Substantiated"
        case .unsubstantiated: "Unsubstantiated"
        case .false: "False"
        case .malicious: "Malicious"
        case .unfounded: "Unfounded"
        }
    }
}

/// A referral to the Disclosure and Barring Service or a regulator after the allegation.
public struct RegulatorReferral: Sendable, Codable, Equatable, Hashable {
    public enum Body: String, Sendable, Codable, CaseIterable {
        case dbs, teachingRegulationAgency = "tra", ofsted, socialWorkEngland = "swe", nmc, gmc, hcpc, other
    }

    public var body: Body
    public var referredOn: LocalDate

    public init(body: Body, referredOn: LocalDate) {
        self.body = body
        self.referredOn = referredOn
    }
}
