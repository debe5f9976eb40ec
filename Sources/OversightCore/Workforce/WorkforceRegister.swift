/// A worker's role in the workforce register, as HR records it.
///
/// The children's social work workforce census (CSWW) counts registered child and family social workers, managers
/// and independent reviewing officers included; personal advisers need not be registered, so they are left out of
/// WF-01..WF-05 (kpis.md §3.6).
public enum WorkforceRole: String, CaseIterable, Sendable, Codable {
    case qualifiedSocialWorker = "qualified-social-worker"
    /// Assessed and supported year in employment: a newly qualified social worker.
    case asye
    case seniorPractitioner = "senior-practitioner"
    case teamManager = "team-manager"
    case independentReviewingOfficer = "iro"
    case personalAdviser = "personal-adviser"
    case other

    /// Counted by the CSWW as a child and family social worker.
    public var isSocialWorker: Bool { self != .personalAdviser && self != .other }

    public var label: String {
        switch self {
        case .qualifiedSocialWorker: "Qualified social worker"
        case .asye: "Social worker (ASYE)"
        case .seniorPractitioner: "Senior practitioner"
        case .teamManager: "Team manager"
        case .independentReviewingOfficer: "Independent reviewing officer"
        case .personalAdviser: "Personal adviser"
        case .other: "Other"
        }
    }
}

/// Employed by the authority, or supplied by an agency (the CSWW's two headcounts).
public enum ContractType: String, CaseIterable, Sendable, Codable {
    case permanent
    case agency
}

/// Why a worker left, as recorded at the exit interview (the rapid review's recommendation 5 asks for the trends).
public enum LeavingReason: String, CaseIterable, Sendable, Codable {
    case pay
    case workload
    case careerProgression = "career-progression"
    case relocation
    case retirement
    /// Left to work through an agency, often for the same or a neighbouring council.
    case movedToAgency = "moved-to-agency"
    /// An agency assignment ended (by either side).
    case endOfAssignment = "end-of-assignment"
    case dismissal
    case other
    case notRecorded = "not-recorded"

    public var label: String {
        switch self {
        case .pay: "Pay"
        case .workload: "Workload"
        case .careerProgression: "Career progression"
        case .relocation: "Relocation"
        case .retirement: "Retirement"
        case .movedToAgency: "Moved to agency work"
        case .endOfAssignment: "End of agency assignment"
        case .dismissal: "Dismissal"
        case .other: "Other"
        case .notRecorded: "Not recorded"
        }
    }
}

/// One worker in one post over a stretch of time: the register's row.
///
/// A worker who moves team has two spells, the first ending the day before the second starts; they leave the
/// authority only when a spell ends with no spell of theirs starting the next day. Both ends are inclusive.
public struct StaffSpell: Hashable, Sendable, Codable {
    public var workerID: Identifier<Worker>
    public var name: String?
    public var role: WorkforceRole
    public var teamID: Identifier<Team>
    public var contract: ContractType
    /// Full-time equivalent, above 0 and at most 1.
    public var fullTimeEquivalent: Double
    public var start: LocalDate
    public var end: LocalDate?
    public var leavingReason: LeavingReason?
    /// Holds cases (children are allocated to them); managers and IROs usually do not.
    public var isCaseHolding: Bool

    public init(
        workerID: Identifier<Worker>, name: String? = nil, role: WorkforceRole, teamID: Identifier<Team>, contract: ContractType,
        fullTimeEquivalent: Double, start: LocalDate, end: LocalDate? = nil, leavingReason: LeavingReason? = nil, isCaseHolding: Bool
    ) {
        self.workerID = workerID
        self.name = name
        self.role = role
        self.teamID = teamID
        self.contract = contract
        self.fullTimeEquivalent = fullTimeEquivalent
        self.start = start
        self.end = end
        self.leavingReason = leavingReason
        self.isCaseHolding = isCaseHolding
    }

    public func covers(_ date: LocalDate) -> Bool { start <= date && (end.map { date <= $0 } ?? true) }
}

/// A team's funded social worker posts from a date on: the establishment against which vacancies are counted.
public struct TeamEstablishment: Hashable, Sendable, Codable {
    public var teamID: Identifier<Team>
    public var teamName: String
    /// The service the team belongs to (e.g. "Safeguarding"): reports add teams up to services.
    public var service: String
    /// Funded full-time-equivalent social worker posts.
    public var fundedFTE: Double
    /// The day this establishment took effect; it holds until a later row for the same team.
    public var from: LocalDate

    public init(teamID: Identifier<Team>, teamName: String, service: String, fundedFTE: Double, from: LocalDate) {
        self.teamID = teamID
        self.teamName = teamName
        self.service = service
        self.fundedFTE = fundedFTE
        self.from = from
    }
}

/// The workforce register: every worker's spells in post, and every team's establishment over time.
///
/// The SSD holds who each professional is today; the register adds what HR knows and the SSD lacks: start and
/// leaving dates, agency status over time, leaving reasons, and funded posts.
public struct WorkforceRegister: Hashable, Sendable, Codable {
    public var spells: [StaffSpell]
    public var establishment: [TeamEstablishment]

    public init(spells: [StaffSpell] = [], establishment: [TeamEstablishment] = []) {
        self.spells = spells
        self.establishment = establishment
    }

    public var isEmpty: Bool { spells.isEmpty && establishment.isEmpty }

    /// The establishment row in force for each team on `date`.
    public func establishment(on date: LocalDate) -> [Identifier<Team>: TeamEstablishment] {
        var current: [Identifier<Team>: TeamEstablishment] = [:]
        for row in establishment where row.from <= date {
            if current[row.teamID].map({ $0.from < row.from }) ?? true { current[row.teamID] = row }
        }
        return current
    }

    /// The latest name and service recorded for each team.
    public var teamNames: [Identifier<Team>: (name: String, service: String)] {
        var names: [Identifier<Team>: (name: String, service: String, from: LocalDate)] = [:]
        for row in establishment where names[row.teamID].map({ $0.from <= row.from }) ?? true {
            names[row.teamID] = (row.teamName, row.service, row.from)
        }
        return names.mapValues { ($0.name, $0.service) }
    }

    /// The spells in post on `date`.
    public func spells(on date: LocalDate) -> [StaffSpell] { spells.filter { $0.covers(date) } }
}
