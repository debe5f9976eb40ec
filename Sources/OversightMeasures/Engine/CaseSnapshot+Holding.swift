import OversightCore

/// Who holds a child now, and which children a team or worker holds: the questions record scope and
/// caseloads ask of the snapshot.
extension CaseSnapshot {
    public struct Holder: Sendable, Hashable {
        public var workerID: String?
        public var workerName: String?
        public var teamID: String?
        public var teamName: String?
        public var since: LocalDate
    }

    /// Every allocation open on `date` (a child can have more than one worker: co-working).
    public func holders(of child: ChildIndex, on date: LocalDate) -> [Holder] {
        allocations[child].filter { $0.start <= date && ($0.end.map { $0 >= date } ?? true) }.map(holder)
    }

    private func holder(_ row: AllocationRow) -> Holder {
        let worker = row.worker == CaseSnapshot.none ? nil : workers[Int(row.worker)]
        let team = row.team == CaseSnapshot.none ? nil : Int(row.team)
        return Holder(
            workerID: worker?.id, workerName: worker?.name, teamID: team.map { teamIDs[$0] }, teamName: team.map { teamNames[$0] },
            since: row.start)
    }

    public func isOnProtectionPlan(_ child: ChildIndex, on date: LocalDate) -> Bool {
        protectionPlans[child].contains { $0.start <= date && ($0.end.map { $0 > date } ?? true) }
    }

    public func isLookedAfter(_ child: ChildIndex, on date: LocalDate) -> Bool {
        carePeriods[child].contains { !$0.isShortBreakOnly && $0.start <= date && ($0.end.map { $0 > date } ?? true) }
    }

    /// A child held on a date, with what their caseload entry needs to show.
    public struct HeldChild: Sendable {
        public var child: ChildIndex
        public var holder: Holder
        public var isOnProtectionPlan: Bool
        public var isLookedAfter: Bool
        /// The last statutory visit (protection or looked-after) on or before the date.
        public var lastVisit: LocalDate?
    }

    /// The children allocated on `date`, one entry per allocation, ordered by team, worker and child.
    public func heldChildren(on date: LocalDate, where include: (Holder) -> Bool = { _ in true }) -> [HeldChild] {
        var held: [HeldChild] = []
        for row in allocations.rows where row.start <= date && (row.end.map { $0 >= date } ?? true) {
            let holder = holder(row)
            guard include(holder) else { continue }
            let visits = (protectionVisits[row.child].map(\.date) + lookedAfterVisits[row.child].map(\.date)).filter { $0 <= date }
            held.append(HeldChild(
                child: row.child, holder: holder, isOnProtectionPlan: isOnProtectionPlan(row.child, on: date),
                isLookedAfter: isLookedAfter(row.child, on: date), lastVisit: visits.max()))
        }
        return held
    }

    /// The child's index from their ID; a binary search when IDs are sorted (as a database hands them over).
    public func index(ofChild id: String) -> ChildIndex? {
        let ids = children.ids
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        if low < ids.count, ids[low] == id { return ChildIndex(low) }
        // Out-of-order IDs (records built in memory): fall back to a scan.
        return ids.firstIndex(of: id).map(ChildIndex.init)
    }

    /// The latest date any record mentions: "now" for an extract taken on that day.
    public var latestRecordedDate: LocalDate? {
        [contacts.rows.lazy.map(\.date).max(), referrals.rows.lazy.map(\.date).max(), allocations.rows.lazy.map(\.start).max()].compactMap { $0 }.max()
    }
}
