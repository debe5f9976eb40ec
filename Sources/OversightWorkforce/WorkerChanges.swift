import OversightCore

/// Each allocated child's changes of social worker in the 12 months to a day: the Ofsted concern that "many children
/// … have too many changes of social worker", listed child by child.
///
/// A child counts when an allocation of theirs is open on the day. A change is an allocation starting in the 12
/// months to a different worker from the one before it (the first allocation of all is not a change); the workers
/// are every distinct worker allocated at any time in the 12 months, which is how CLA-13 counts "3 or more social
/// workers in the year", here for every allocated child rather than the looked-after only.
public struct WorkerChanges: Sendable, Codable {
    public struct Child: Sendable, Codable, Hashable {
        public var childID: String
        public var changes: Int
        public var workers: Int
        /// The workers in the order allocated, by ID.
        public var workerIDs: [String]
        public var lastChange: LocalDate?
    }

    public var date: LocalDate
    /// Every allocated child, most changes first, then by child ID.
    public var children: [Child]

    /// Children with 3 or more social workers in the 12 months.
    public var withThreeOrMoreWorkers: Int { children.filter { $0.workers >= 3 }.count }

    /// The share (%) of allocated children with 3 or more social workers in the 12 months; `nil` when nobody is allocated.
    public var threeOrMorePercentage: Double? {
        children.isEmpty ? nil : 100 * Double(withThreeOrMoreWorkers) / Double(children.count)
    }

    /// How many children had 0, 1, 2 … changes.
    public var distribution: [(changes: Int, children: Int)] {
        Dictionary(grouping: children, by: \.changes).map { (changes: $0.key, children: $0.value.count) }.sorted { $0.changes < $1.changes }
    }

    public init(on date: LocalDate, history: AllocationHistory) {
        self.date = date
        let day = date.dayNumber, windowStart = date.adding(years: -1).adding(days: 1).dayNumber
        var children: [Child] = []
        var position = 0
        let allocations = history.allocations
        while position < allocations.count {
            let range = history.range(ofChildAt: position)
            position = range.upperBound
            let rows = allocations[range].filter { $0.worker != AllocationHistory.none }
            guard rows.contains(where: { $0.start <= day && $0.end >= day }) else { continue }
            var sequence: [Int32] = []
            var changes = 0
            var lastChange: Int32?
            var previous: Int32?
            for row in rows where row.start <= day {
                if row.end >= windowStart && !sequence.contains(row.worker) { sequence.append(row.worker) }
                if let before = previous, before != row.worker, row.start >= windowStart {
                    changes += 1
                    lastChange = row.start
                }
                previous = row.worker
            }
            children.append(Child(
                childID: history.childIDs[Int(allocations[range.lowerBound].child)], changes: changes, workers: sequence.count,
                workerIDs: sequence.map { history.workers[Int($0)].id }, lastChange: lastChange.map(LocalDate.init(dayNumber:))))
        }
        self.children = children.sorted { ($1.changes, $0.childID) < ($0.changes, $1.childID) }
    }
}
