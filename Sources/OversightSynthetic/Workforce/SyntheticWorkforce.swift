/// What a team does, which decides which children it holds.
enum TeamFunction: Int, CaseIterable, Sendable {
    case frontDoor, assessment, childProtection, childInNeed, childrenInCare, careLeavers, reviewing

    var namePrefix: String {
        switch self {
        case .frontDoor: "Multi-Agency Safeguarding Hub"
        case .assessment: "Assessment Team"
        case .childProtection: "Child Protection Team"
        case .childInNeed: "Children in Need Team"
        case .childrenInCare: "Children in Care Team"
        case .careLeavers: "Care Leavers Service"
        case .reviewing: "Independent Reviewing Service"
        }
    }

    /// SystemC's `dept_team_parent_name` is a department *type*, not a parent team's name (ssd.md §5.1).
    var departmentType: String {
        switch self {
        case .frontDoor: "Front Door"
        case .assessment: "Assessment"
        case .childProtection, .childInNeed: "Safeguarding"
        case .childrenInCare, .careLeavers: "Corporate Parenting"
        case .reviewing: "Quality Assurance"
        }
    }
}

/// A worker's role, which decides the job title, registration and whether they hold cases.
enum WorkerRole: Int, Sendable {
    case socialWorker, asye, seniorPractitioner, advancedPractitioner, assistantTeamManager, teamManager
    case reviewingOfficer, personalAdviser, serviceManager

    var jobTitle: String {
        switch self {
        case .socialWorker: "Social Worker"
        case .asye: "Social Worker (ASYE)"
        case .seniorPractitioner: "Senior Practitioner"
        case .advancedPractitioner: "Advanced Practitioner"
        case .assistantTeamManager: "Assistant Team Manager"
        case .teamManager: "Team Manager"
        case .reviewingOfficer: "Independent Reviewing Officer"
        case .personalAdviser: "Personal Adviser"
        case .serviceManager: "Service Manager"
        }
    }

    /// Relative share of new allocations: newly qualified workers have protected caseloads (ASYE
    /// framework) and senior practitioners carry some supervision.
    var caseWeight: Double {
        switch self {
        case .socialWorker: 1.0
        case .asye: 0.7
        case .seniorPractitioner: 0.85
        default: 0
        }
    }

    var isRegisteredSocialWorker: Bool { self != .personalAdviser }

    /// Agency workers are mostly main-grade; newly qualified staff are employed on the ASYE programme.
    var agencyShare: Double {
        switch self {
        case .socialWorker: 0.40
        case .seniorPractitioner: 0.25
        case .asye, .advancedPractitioner: 0
        case .assistantTeamManager, .teamManager: 0.2
        case .reviewingOfficer: 0.3
        case .personalAdviser: 0.1
        case .serviceManager: 0.1
        }
    }
}

struct SyntheticTeam: Sendable {
    var id: Int
    var name: String
    var function: TeamFunction
    /// Indexes into `SyntheticWorkforce.members` of workers who can be allocated children.
    var caseHolders: [Int]
    /// Cumulative allocation weights over `caseHolders`, so a draw is a scan rather than a rebuild.
    var cumulativeWeights: [Double]
}

struct SyntheticWorker: Sendable {
    var id: Int
    var staffID: String?
    var name: String
    var registration: String?
    var isAgency: Bool
    var role: WorkerRole
    /// Index into `SyntheticWorkforce.teams`, or `nil` for senior managers in the parent department.
    var team: Int?
    var fullTimeEquivalent: Double
    /// Managers with nothing pointing at them: the only professional rows safe to corrupt.
    var isReferencedByNothing: Bool { role == .serviceManager || role == .teamManager && team != nil }
}

/// The authority's teams and workers, invented once per run from the seed.
///
/// Team sizes follow the stock of children each function holds, so that allocated caseloads come out
/// at 15–22 children per case-holding worker, the range the CSWW census reports for most councils.
struct SyntheticWorkforce: Sendable {
    static let parentDepartmentID = 2000
    static let parentDepartmentName = "Children's Social Care"

    var teams: [SyntheticTeam] = []
    var members: [SyntheticWorker] = []
    /// Team indexes by function, in `TeamFunction` order.
    var teamsByFunction: [[Int]] = Array(repeating: [], count: TeamFunction.allCases.count)

    /// One team's establishment, for `small`; other sizes scale the number of teams.
    private struct Establishment {
        var function: TeamFunction
        var teams: Int
        var roles: [(WorkerRole, Int)]
    }

    private static let smallEstablishment: [Establishment] = [
        Establishment(
            function: .frontDoor, teams: 1,
            roles: [(.teamManager, 1), (.assistantTeamManager, 1), (.seniorPractitioner, 2), (.socialWorker, 18)]),
        Establishment(
            function: .assessment, teams: 4,
            roles: [(.teamManager, 1), (.assistantTeamManager, 1), (.seniorPractitioner, 2), (.socialWorker, 10), (.asye, 2)]),
        Establishment(
            function: .childProtection, teams: 2,
            roles: [(.teamManager, 1), (.assistantTeamManager, 1), (.seniorPractitioner, 2), (.socialWorker, 10), (.asye, 1)]),
        Establishment(
            function: .childInNeed, teams: 7,
            roles: [(.teamManager, 1), (.assistantTeamManager, 1), (.seniorPractitioner, 2), (.socialWorker, 13), (.asye, 3)]),
        Establishment(
            function: .childrenInCare, teams: 3,
            roles: [(.teamManager, 1), (.assistantTeamManager, 1), (.seniorPractitioner, 2), (.socialWorker, 10), (.asye, 1)]),
        Establishment(
            function: .careLeavers, teams: 1,
            roles: [(.teamManager, 1), (.seniorPractitioner, 2), (.personalAdviser, 16)]),
        Establishment(function: .reviewing, teams: 1, roles: [(.teamManager, 1), (.reviewingOfficer, 18)]),
    ]

    init(scale: Double, seed: UInt64) {
        var rng = SeededGenerator(seed: seed, stream: 0, purpose: .workforce)
        let tinyEstablishment = scale < 0.1
        for establishment in Self.smallEstablishment {
            let teamCount = max(1, Int((Double(establishment.teams) * scale).rounded()))
            for teamNumber in 0..<teamCount {
                let teamIndex = teams.count
                let locality: String
                if establishment.teams == 1 && teamCount == 1 {
                    locality = ""
                } else if teamCount <= SyntheticNames.localities.count {
                    locality = " " + SyntheticNames.localities[teamNumber]
                } else {
                    locality = " \(teamNumber + 1)"
                }
                teams.append(
                    SyntheticTeam(
                        id: Self.parentDepartmentID + 1 + teamIndex, name: establishment.function.namePrefix + locality,
                        function: establishment.function, caseHolders: [], cumulativeWeights: []))
                teamsByFunction[establishment.function.rawValue].append(teamIndex)
                for (role, count) in establishment.roles {
                    // A tiny authority keeps its managers and a fifth of each larger role, so every
                    // function is still staffed by a handful of people.
                    let headcount = tinyEstablishment ? (role == .teamManager ? 1 : count / 5) : count
                    for _ in 0..<headcount { addWorker(role: role, team: teamIndex, rng: &rng) }
                }
            }
        }
        let managers = max(1, Int((5 * scale).rounded()))
        for _ in 0..<managers { addWorker(role: .serviceManager, team: nil, rng: &rng) }
        let practitioners = Int((3 * scale).rounded())
        for _ in 0..<practitioners { addWorker(role: .advancedPractitioner, team: nil, rng: &rng) }

        for index in members.indices {
            guard let team = members[index].team else { continue }
            let role = members[index].role
            let weight: Double
            switch teams[team].function {
            case .careLeavers: weight = role == .personalAdviser ? 1 : 0
            case .reviewing: weight = role == .reviewingOfficer ? 1 : 0
            default: weight = role.caseWeight
            }
            guard weight > 0 else { continue }
            teams[team].caseHolders.append(index)
            let previous = teams[team].cumulativeWeights.last ?? 0
            teams[team].cumulativeWeights.append(previous + weight * members[index].fullTimeEquivalent)
        }
    }

    private mutating func addWorker(role: WorkerRole, team: Int?, rng: inout SeededGenerator) {
        let index = members.count
        let fte: Double
        let u = rng.unit()
        if u < 0.8 { fte = 1.0 } else if u < 0.87 { fte = 0.8 } else if u < 0.93 { fte = 0.6 } else { fte = 0.5 }
        let name = rng.element(of: SyntheticNames.adults) + " " + rng.element(of: SyntheticNames.surnames)
        // 7919 is coprime with 900,000, so the registration numbers are distinct for any workforce size.
        let registration = role.isRegisteredSocialWorker ? "SW" + String(100_000 + (index * 7919) % 900_000) : nil
        // Personal advisers and some managers were set up without an HR record.
        let hasStaffID = role.caseWeight > 0 || role == .reviewingOfficer || !rng.chance(0.3)
        members.append(
            SyntheticWorker(
                id: 100_001 + index, staffID: hasStaffID ? "E" + String(20_000 + index) : nil, name: name,
                registration: registration, isAgency: rng.chance(role.agencyShare), role: role, team: team,
                fullTimeEquivalent: fte))
    }

    /// The team of a function that covers a child's locality.
    func team(for function: TeamFunction, locality: Int) -> Int {
        let candidates = teamsByFunction[function.rawValue]
        return candidates[locality % candidates.count]
    }

    /// A case-holding worker in `team`, chosen in proportion to FTE and role.
    func worker(in team: Int, rng: inout SeededGenerator) -> Int {
        let weights = teams[team].cumulativeWeights
        let u = rng.unit() * (weights.last ?? 0)
        for (position, bound) in weights.enumerated() where u < bound { return teams[team].caseHolders[position] }
        return teams[team].caseHolders[teams[team].caseHolders.count - 1]
    }
}
