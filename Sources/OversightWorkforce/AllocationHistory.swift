import OversightCore
import OversightStorage

/// Every allocation of a child to a worker: the involvements in the configured "allocated worker" role, held as a
/// flat array of small rows so that counting caseloads over months of days is a pass over memory, not a query.
///
/// Children, workers and teams are numbered once; the names are kept for the report.
public struct AllocationHistory: Sendable {
    /// The number used for "no worker" or "no team".
    public static let none: Int32 = -1
    /// The end day of an allocation still open.
    static let open = Int32.max

    /// One allocation: both ends count (a case ending on a day and one starting on it are both held that day).
    public struct Allocation: Sendable, Hashable {
        public var child: Int32
        public var worker: Int32
        public var team: Int32
        public var start: Int32
        /// `Int32.max` while open.
        public var end: Int32

        public var interval: DateInterval {
            DateInterval(start: LocalDate(dayNumber: start), end: end == AllocationHistory.open ? nil : LocalDate(dayNumber: end))
        }
    }

    public struct WorkerInfo: Sendable, Hashable {
        public var id: String
        public var name: String?
        /// The FTE the case management system records, used when the register does not know the worker.
        public var fullTimeEquivalent: Double?
    }

    public struct TeamInfo: Sendable, Hashable {
        public var id: String
        public var name: String
        /// The department the SSD names as the team's parent; the register's service replaces it.
        public var service: String?
    }

    public internal(set) var allocations: [Allocation] = []
    public internal(set) var childIDs: [String] = []
    public internal(set) var workers: [WorkerInfo] = []
    public internal(set) var teams: [TeamInfo] = []
    public let allocatedRoles: Set<InvolvementRole>

    private var childIndex: [String: Int32] = [:]
    private(set) var workerIndex: [String: Int32] = [:]
    private(set) var teamIndex: [String: Int32] = [:]

    /// An empty history that takes allocations in `allocatedRoles` (System C: `CW`).
    public init(allocatedRoles: Set<InvolvementRole> = ["CW"]) { self.allocatedRoles = allocatedRoles }

    /// The history of records already in memory.
    public init(involvements: [Involvement], workers: [Worker] = [], teams: [Team] = [], allocatedRoles: Set<InvolvementRole> = ["CW"]) {
        self.init(allocatedRoles: allocatedRoles)
        for team in teams { add(.team(team)) }
        for worker in workers { add(.worker(worker)) }
        for involvement in involvements { add(.involvement(involvement)) }
        finish()
    }

    /// Streams teams, workers and involvements out of a store: only the three entities a caseload needs, so an
    /// England-sized authority loads in seconds rather than the minutes a full case snapshot takes.
    /// - Throws: `StorageError` from the store.
    public static func load(from store: any CaseRecordStore, allocatedRoles: Set<InvolvementRole> = ["CW"]) throws(StorageError)
        -> AllocationHistory
    {
        var history = AllocationHistory(allocatedRoles: allocatedRoles)
        for entity in [Entity.team, .worker, .involvement] {
            try store.forEachRecord(of: entity) { history.add($0) }
        }
        history.finish()
        return history
    }

    /// Takes a team, worker or allocated-worker involvement; other records are ignored.
    public mutating func add(_ record: CaseRecord) {
        switch record {
        case .team(let team):
            let index = self.team(team.id.rawValue)
            teams[Int(index)].name = team.name
            teams[Int(index)].service = team.parentName
        case .worker(let worker):
            let index = self.worker(worker.id.rawValue)
            workers[Int(index)].name = worker.name
            workers[Int(index)].fullTimeEquivalent = worker.fullTimeEquivalent
        case .involvement(let involvement):
            guard allocatedRoles.contains(involvement.role) else { return }
            let child: Int32
            if let known = childIndex[involvement.childID.rawValue] {
                child = known
            } else {
                child = Int32(childIDs.count)
                childIndex[involvement.childID.rawValue] = child
                childIDs.append(involvement.childID.rawValue)
            }
            var worker = Self.none, team = Self.none
            if let id = involvement.workerID { worker = self.worker(id.rawValue) }
            if let id = involvement.teamID { team = self.team(id.rawValue) }
            allocations.append(Allocation(
                child: child, worker: worker, team: team, start: involvement.start.dayNumber, end: involvement.end?.dayNumber ?? Self.open))
        default:
            return
        }
    }

    /// Sorts by child and start, and lets go of the child lookup (the largest thing a load builds).
    public mutating func finish() {
        allocations.sort { ($0.child, $0.start, $0.worker) < ($1.child, $1.start, $1.worker) }
        childIndex = [:]
    }

    /// The worker's number, adding an unnamed worker the first time an ID is seen.
    mutating func worker(_ id: String) -> Int32 {
        if let index = workerIndex[id] { return index }
        let index = Int32(workers.count)
        workerIndex[id] = index
        workers.append(WorkerInfo(id: id))
        return index
    }

    /// The team's number, adding a team named by its ID the first time an ID is seen.
    mutating func team(_ id: String) -> Int32 {
        if let index = teamIndex[id] { return index }
        let index = Int32(teams.count)
        teamIndex[id] = index
        teams.append(TeamInfo(id: id, name: id))
        return index
    }

    /// `copies` disjoint copies of this authority, for benchmarks: every child, worker and team is repeated with
    /// its ID suffixed, so the result has the shape of an authority `copies` times the size.
    public func repeated(_ copies: Int) -> AllocationHistory {
        var result = AllocationHistory(allocatedRoles: allocatedRoles)
        result.allocations.reserveCapacity(allocations.count * copies)
        for copy in 0..<copies {
            let suffix = copy == 0 ? "" : "-\(copy)"
            let children = Int32(result.childIDs.count), workerBase = Int32(result.workers.count), teamBase = Int32(result.teams.count)
            result.childIDs += childIDs.map { $0 + suffix }
            for worker in workers {
                result.workerIndex[worker.id + suffix] = Int32(result.workers.count)
                result.workers.append(WorkerInfo(id: worker.id + suffix, name: worker.name, fullTimeEquivalent: worker.fullTimeEquivalent))
            }
            for team in teams {
                result.teamIndex[team.id + suffix] = Int32(result.teams.count)
                result.teams.append(TeamInfo(id: team.id + suffix, name: team.name + suffix, service: team.service))
            }
            for allocation in allocations {
                result.allocations.append(Allocation(
                    child: allocation.child + children, worker: allocation.worker == Self.none ? Self.none : allocation.worker + workerBase,
                    team: allocation.team == Self.none ? Self.none : allocation.team + teamBase, start: allocation.start, end: allocation.end))
            }
        }
        return result
    }

    /// The range of a child's allocations in `allocations` (sorted by child after `finish()`).
    func range(ofChildAt position: Int) -> Range<Int> {
        let child = allocations[position].child
        var end = position
        while end < allocations.count && allocations[end].child == child { end += 1 }
        return position..<end
    }
}
