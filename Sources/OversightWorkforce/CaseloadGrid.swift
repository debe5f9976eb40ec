import OversightCore

/// One day's caseload figures for a team, a service or the whole authority.
public struct DayFigures: Sendable, Hashable, Codable {
    /// Case-holding social workers counted that day (the team's numbers).
    public var workers: Int = 0
    public var fullTimeEquivalent: Double = 0
    /// Children held, summed over the workers: a child co-worked by two workers is in both caseloads.
    public var cases: Int = 0
    public var highest: Int = 0
    public var lowest: Int = 0

    /// Average caseload per case-holding social worker; `nil` when nobody was counted.
    public var average: Double? { workers > 0 ? Double(cases) / Double(workers) : nil }
    /// Cases per FTE, the CSWW's basis (WF-05).
    public var casesPerFTE: Double? { fullTimeEquivalent > 0 ? Double(cases) / fullTimeEquivalent : nil }

    mutating func add(cases load: Int, fte: Double) {
        lowest = workers == 0 ? load : min(lowest, load)
        highest = workers == 0 ? load : max(highest, load)
        workers += 1
        fullTimeEquivalent += fte
        cases += load
    }
}

/// Caseloads day by day over a window: how many children each worker held on each day, and the team each counted
/// in that day, added up per team and for the authority.
///
/// A worker counts on a day when the register has them in post in a case-holding social work role that day, or
/// when they hold any case that day (so no allocated child is ever left out, even when the register has a gap).
/// Their team that day is the register's; for a worker the register does not cover that day, it is the team of
/// their latest allocation. An allocation counts on every day from its start to its end inclusive.
public struct CaseloadGrid: Sendable {
    public let first: LocalDate
    public let days: Int
    public private(set) var teamIDs: [String] = []
    public private(set) var teamNames: [String] = []
    public private(set) var services: [String?] = []
    /// `team * days + day`.
    private var teamDays: [DayFigures] = []
    public private(set) var overall: [DayFigures]
    /// Per worker and day: children held (`worker * days + day`), and the team counted in (`AllocationHistory.none` when
    /// the worker did not count that day).
    private(set) var cases: [Int32] = []
    private(set) var countedTeam: [Int32] = []
    public private(set) var workerIDs: [String]
    public private(set) var workerNames: [String?]

    public static let noTeamName = "No team recorded"

    /// - Parameters:
    ///   - history: the allocations.
    ///   - register: the workforce register; empty when none was imported (then only workers holding cases count).
    ///   - first: the first day of the window; `days` days are counted.
    public init(history: AllocationHistory, register: WorkforceRegister, from first: LocalDate, days: Int) {
        precondition(days > 0)
        self.first = first
        self.days = days
        overall = Array(repeating: DayFigures(), count: days)
        workerIDs = history.workers.map(\.id)
        workerNames = history.workers.map(\.name)
        // Teams: the allocations' teams, then any the register adds; the register's names and services win.
        var teamIndex: [String: Int32] = [:]
        for team in history.teams {
            teamIndex[team.id] = Int32(teamIDs.count)
            teamIDs.append(team.id)
            teamNames.append(team.name)
            services.append(team.service)
        }
        var registerTeams: [(id: String, name: String, service: String?)] = register.teamNames.map {
            ($0.key.rawValue, $0.value.name, $0.value.service)
        }
        registerTeams.sort { $0.id < $1.id }
        var named = Set(registerTeams.map(\.id))
        for spell in register.spells where teamIndex[spell.teamID.rawValue] == nil && named.insert(spell.teamID.rawValue).inserted {
            registerTeams.append((spell.teamID.rawValue, spell.teamID.rawValue, nil))
        }
        for team in registerTeams {
            let index: Int
            if let known = teamIndex[team.id] {
                index = Int(known)
            } else {
                index = teamIDs.count
                teamIndex[team.id] = Int32(index)
                teamIDs.append(team.id)
                teamNames.append(team.name)
                services.append(team.service)
            }
            teamNames[index] = team.name
            if team.service != nil { services[index] = team.service }
        }
        // The register's spells as small rows, sorted by worker and start, with each worker's first row.
        struct Post { var worker: Int32; var start: Int32; var end: Int32; var team: Int32; var fte: Double; var counts: Bool }
        var registerOnly: [String: Int32] = [:]
        var posts: [Post] = []
        posts.reserveCapacity(register.spells.count)
        for spell in register.spells {
            let id = spell.workerID.rawValue
            var worker = history.workerIndex[id] ?? registerOnly[id]
            if worker == nil {
                worker = Int32(workerIDs.count)
                registerOnly[id] = worker
                workerIDs.append(id)
                workerNames.append(spell.name)
            }
            if workerNames[Int(worker!)] == nil { workerNames[Int(worker!)] = spell.name }
            posts.append(Post(
                worker: worker!, start: spell.start.dayNumber, end: spell.end?.dayNumber ?? AllocationHistory.open,
                team: teamIndex[spell.teamID.rawValue]!, fte: spell.fullTimeEquivalent, counts: spell.isCaseHolding && spell.role.isSocialWorker))
        }
        posts.sort { ($0.worker, $0.start) < ($1.worker, $1.start) }
        var firstPost = [Int32](repeating: 0, count: workerIDs.count + 1)
        for post in posts { firstPost[Int(post.worker) + 1] += 1 }
        for w in 0..<workerIDs.count { firstPost[w + 1] += firstPost[w] }
        var noTeam: Int32?

        // Children held per worker and day, by difference arrays: +1 on the first day held, -1 after the last.
        let lastDay = first.dayNumber + Int32(days) - 1
        var held = [Int32](repeating: 0, count: workerIDs.count * (days + 1))
        var fallbackTeam = [Int32](repeating: AllocationHistory.none, count: workerIDs.count)
        var fallbackStart = [Int32](repeating: .min, count: workerIDs.count)
        var position = 0
        var pieces: [(worker: Int32, start: Int32, end: Int32)] = []
        let allocations = history.allocations
        while position < allocations.count {
            let child = allocations[position].child
            pieces.removeAll(keepingCapacity: true)
            while position < allocations.count && allocations[position].child == child {
                let a = allocations[position]
                position += 1
                guard a.worker != AllocationHistory.none, a.start <= lastDay else { continue }
                let w = Int(a.worker)
                if a.start >= fallbackStart[w] && a.team != AllocationHistory.none {
                    fallbackStart[w] = a.start
                    fallbackTeam[w] = a.team
                }
                guard a.end >= first.dayNumber else { continue }
                pieces.append((a.worker, max(a.start, first.dayNumber), min(a.end, lastDay)))
            }
            // A child held twice by the same worker on a day (overlapping records) is one case.
            if pieces.count > 1 { pieces.sort { ($0.worker, $0.start) < ($1.worker, $1.start) } }
            var k = 0
            while k < pieces.count {
                var (worker, start, end) = pieces[k]
                k += 1
                while k < pieces.count && pieces[k].worker == worker && pieces[k].start <= end {
                    end = max(end, pieces[k].end)
                    k += 1
                }
                let base = Int(worker) * (days + 1)
                held[base + Int(start - first.dayNumber)] += 1
                held[base + Int(end - first.dayNumber) + 1] -= 1
            }
        }

        cases = [Int32](repeating: 0, count: workerIDs.count * days)
        countedTeam = [Int32](repeating: AllocationHistory.none, count: workerIDs.count * days)
        teamDays = Array(repeating: DayFigures(), count: teamIDs.count * days)
        for w in 0..<workerIDs.count {
            var post = Int(firstPost[w])
            let lastPost = Int(firstPost[w + 1])
            var running: Int32 = 0
            let fte = w < history.workers.count ? history.workers[w].fullTimeEquivalent ?? 1 : 1
            for d in 0..<days {
                running += held[w * (days + 1) + d]
                cases[w * days + d] = running
                let day = first.dayNumber + Int32(d)
                while post < lastPost && posts[post].end < day { post += 1 }
                let inPost = post < lastPost && posts[post].start <= day
                guard (inPost && posts[post].counts) || running > 0 else { continue }
                var team = inPost ? posts[post].team : fallbackTeam[w]
                if team == AllocationHistory.none {
                    if noTeam == nil {
                        noTeam = Int32(teamIDs.count)
                        teamIDs.append("")
                        teamNames.append(Self.noTeamName)
                        services.append(nil)
                        teamDays += Array(repeating: DayFigures(), count: days)
                    }
                    team = noTeam!
                }
                countedTeam[w * days + d] = team
                let workerFTE = inPost ? posts[post].fte : fte
                teamDays[Int(team) * days + d].add(cases: Int(running), fte: workerFTE)
                overall[d].add(cases: Int(running), fte: workerFTE)
            }
        }
    }

    /// A team's figures, day by day over the window.
    public func figures(ofTeam team: Int) -> [DayFigures] { Array(teamDays[(team * days)..<((team + 1) * days)]) }

    /// The day's index in the window.
    public func index(of date: LocalDate) -> Int? {
        let offset = first.days(to: date)
        return (0..<days).contains(offset) ? offset : nil
    }

    /// Each counted worker's caseload on the window's day `day`: worker ID, name, team index and children held.
    public func workerLoads(onDay day: Int) -> [(workerID: String, name: String?, team: Int, cases: Int)] {
        (0..<workerIDs.count).compactMap { w in
            let team = countedTeam[w * days + day]
            return team == AllocationHistory.none ? nil : (workerIDs[w], workerNames[w], Int(team), Int(cases[w * days + day]))
        }
    }
}
