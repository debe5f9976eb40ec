import OversightCore

/// Up, down or level: the direction of movement recommendation 18 asks for.
public enum Direction: String, Sendable, Codable {
    case up, down, level

    /// Compares at the precision the report prints (one decimal place), so "level" is what a reader sees as level.
    /// A team with nobody counted (no figure) compares as nought: a new team's average moves up.
    init(from previous: Double?, to current: Double?) {
        let difference = ((current ?? 0) * 10).rounded() - ((previous ?? 0) * 10).rounded()
        self = difference > 0 ? .up : difference < 0 ? .down : .level
    }

    public var arrow: String {
        switch self {
        case .up: "▲"
        case .down: "▼"
        case .level: "▶"
        }
    }
}

/// The weekly caseload report to the Cabinet Member and Corporate Director: the rapid review's recommendation 18.
///
/// "Average caseload per social worker (including highest and lowest level), changes in total team numbers together
/// with historic data for comparison and direction of movement to identify trend with the trend trailing two weeks
/// to smooth intra-day movement." For the week ending on a date, overall and for every team: the average caseload
/// per case-holding social worker with the highest and lowest, the team's numbers and their change since last week,
/// the same figures for the 12 weeks before, the direction of each, and a trend: the mean of the daily averages over
/// the 14 days to each week's end.
public struct WeeklyCaseloadReport: Sendable, Codable {
    /// One week's figures, as they stood on the week's last day.
    public struct Week: Sendable, Codable, Hashable {
        public var weekEnding: LocalDate
        /// Case-holding social workers counted on the day (headcount) and their FTE.
        public var workers: Int
        public var workersChange: Int
        public var fullTimeEquivalent: Double
        public var cases: Int
        /// Average caseload per case-holding social worker; `nil` when the team had nobody that day.
        public var average: Double?
        public var averageDirection: Direction
        public var highest: Int
        public var lowest: Int
        /// Mean of the daily averages over the 14 days to `weekEnding` (the trend trailing two weeks).
        public var trend: Double?
        public var trendDirection: Direction
    }

    /// A team's (or the authority's) 13 weeks, oldest first; the last is the week reported on.
    public struct Series: Sendable, Codable, Hashable {
        public var teamID: String?
        public var name: String
        public var service: String?
        public var weeks: [Week]

        public var current: Week { weeks[weeks.count - 1] }
        public var previous: Week? { weeks.count > 1 ? weeks[weeks.count - 2] : nil }
    }

    public static let weeksShown = 13
    public static let trendDays = 14

    public var weekEnding: LocalDate
    public var allocatedRoles: [String]
    /// Whether the workforce register was used (team numbers and zero-caseload workers come from it).
    public var usesRegister: Bool
    public var overall: Series
    /// Teams with anybody counted in the 13 weeks, by service then name.
    public var teams: [Series]

    /// Computes the report.
    ///
    /// - Parameters:
    ///   - weekEnding: the last day of the week reported on (any weekday; councils choose Friday or Sunday).
    ///   - history: allocations of children to workers.
    ///   - register: the workforce register, or an empty one.
    public init(weekEnding: LocalDate, history: AllocationHistory, register: WorkforceRegister) {
        self.weekEnding = weekEnding
        allocatedRoles = history.allocatedRoles.map(\.code).sorted()
        usesRegister = !register.spells.isEmpty
        // One more week than shown, so the oldest shown week has a change and a direction too.
        let weekEnds = (0...Self.weeksShown).map { weekEnding.adding(days: -7 * (Self.weeksShown - $0)) }
        let first = weekEnds[0].adding(days: -(Self.trendDays - 1))
        let grid = CaseloadGrid(history: history, register: register, from: first, days: first.days(to: weekEnding) + 1)

        func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        func series(_ daily: [DayFigures], teamID: String?, name: String, service: String?) -> Series {
            var weeks: [Week] = []
            var previous: (figures: DayFigures, trend: Double?)?
            for end in weekEnds {
                let day = grid.index(of: end)!
                let figures = daily[day]
                let averages = daily[(day - Self.trendDays + 1)...day].compactMap(\.average)
                let trend = averages.isEmpty ? nil : averages.reduce(0, +) / Double(averages.count)
                if let previous {
                    weeks.append(Week(
                        weekEnding: end, workers: figures.workers, workersChange: figures.workers - previous.figures.workers,
                        fullTimeEquivalent: rounded(figures.fullTimeEquivalent), cases: figures.cases, average: figures.average.map(rounded),
                        averageDirection: Direction(from: previous.figures.average, to: figures.average), highest: figures.highest,
                        lowest: figures.lowest, trend: trend.map(rounded), trendDirection: Direction(from: previous.trend, to: trend)))
                }
                previous = (figures, trend)
            }
            return Series(teamID: teamID, name: name, service: service, weeks: weeks)
        }

        overall = series(grid.overall, teamID: nil, name: "All teams", service: nil)
        var teams: [Series] = []
        let shownFrom = grid.index(of: weekEnds[0])! - Self.trendDays + 1
        for team in grid.teamIDs.indices {
            let daily = grid.figures(ofTeam: team)
            guard daily[max(shownFrom, 0)...].contains(where: { $0.workers > 0 }) else { continue }
            teams.append(series(
                daily, teamID: grid.teamIDs[team].isEmpty ? nil : grid.teamIDs[team], name: grid.teamNames[team],
                service: grid.services[team]))
        }
        self.teams = teams.sorted { ($0.service ?? "~", $0.name) < ($1.service ?? "~", $1.name) }
    }
}
