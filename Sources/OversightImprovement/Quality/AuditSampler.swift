import OversightCore

/// Draws a sample from a cohort and allocates each child to an auditor with a due date (issue 8, item 2).
///
/// The draw depends only on the cohort (taken in child ID order), the size, the method and the seed: the same
/// four give the same children, so a recorded seed reproduces a sample. Random numbers come from ``SplitMix64``.
public struct AuditSampler: Sendable {
    public var size: Int
    public var method: SampleMethod
    public var seed: UInt64

    public init(size: Int, method: SampleMethod, seed: UInt64) {
        self.size = size
        self.method = method
        self.seed = seed
    }

    /// One drawn child, with the stratum it came from in a stratified sample.
    public struct Draw: Sendable, Hashable {
        public var member: CohortMember
        public var stratum: String?
    }

    /// The sample, in the order drawn: random, or stratified with each stratum's share in proportion to its size.
    public func draw(from cohort: [CohortMember]) -> [Draw] {
        var generator = SplitMix64(state: seed)
        let wanted = min(max(size, 0), cohort.count)
        switch method {
        case .random:
            return Self.choose(wanted, from: cohort, using: &generator).map { Draw(member: $0, stratum: nil) }
        case .stratified(let by):
            let strata = Dictionary(grouping: cohort) { $0.stratum(by) }
            let names = strata.keys.sorted()
            let quotas = Self.quotas(wanted, sizes: names.map { strata[$0]!.count })
            return zip(names, quotas).flatMap { name, quota in
                Self.choose(quota, from: strata[name]!, using: &generator).map { Draw(member: $0, stratum: name) }
            }
        }
    }

    /// Shares of `total` proportional to `sizes` by largest remainder (Hamilton's method), so that the shares add up
    /// to the total exactly; ties go to the earlier stratum. A stratum never gets more than it holds.
    static func quotas(_ total: Int, sizes: [Int]) -> [Int] {
        let population = sizes.reduce(0, +)
        guard population > 0, total > 0 else { return sizes.map { _ in 0 } }
        var quotas = sizes.map { $0 * total / population }
        let remainders = sizes.enumerated().map { (index: $0.offset, remainder: $0.element * total % population) }
        var left = total - quotas.reduce(0, +)
        for entry in remainders.sorted(by: { ($1.remainder, $0.index) < ($0.remainder, $1.index) }) where left > 0 && quotas[entry.index] < sizes[entry.index] {
            quotas[entry.index] += 1
            left -= 1
        }
        return quotas
    }

    /// `count` members chosen without replacement: the first `count` places of a Fisher–Yates shuffle.
    static func choose<Member>(_ count: Int, from members: [Member], using generator: inout SplitMix64) -> [Member] {
        var pool = members
        for i in 0..<min(count, pool.count) {
            pool.swapAt(i, i + bounded(pool.count - i, using: &generator))
        }
        return Array(pool.prefix(count))
    }

    /// A uniform number in `0..<bound` by rejection, so that no value is favoured and the draw does not depend on the
    /// standard library's own (unspecified) algorithm.
    static func bounded(_ bound: Int, using generator: inout SplitMix64) -> Int {
        let range = UInt64(bound)
        let limit = UInt64.max - UInt64.max % range
        while true {
            let value = generator.next()
            if value < limit { return Int(value % range) }
        }
    }
}

/// Gives each drawn child to an auditor, in turn, skipping any auditor who could not open the child's record.
public struct AuditAllocator: Sendable {
    public var auditors: [UserAccount]
    public var restrictions: [String: ChildRestriction]

    public init(auditors: [UserAccount], restrictions: [ChildRestriction]) {
        self.auditors = auditors
        self.restrictions = Dictionary(restrictions.map { ($0.childID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// A child no auditor could be given, and why.
    public struct Refusal: Sendable, Hashable {
        public var childID: String
        public var reason: String
    }

    /// Allocations numbered `<sampleID>-001` onwards, and the children left out because no auditor named could open
    /// their record (a restriction that names none of them).
    public func allocate(_ draws: [AuditSampler.Draw], sampleID: String, dueBy: LocalDate) -> (allocations: [AuditAllocation], refused: [Refusal]) {
        var allocations: [AuditAllocation] = []
        var refused: [Refusal] = []
        var turn = 0
        for draw in draws {
            let child = draw.member.childID
            let candidates = (0..<auditors.count).map { auditors[(turn + $0) % auditors.count] }
            guard let chosen = candidates.first(where: { AuditAccess.mayAudit($0, childID: child, restriction: restrictions[child]).isAllowed }) else {
                let reason = auditors.isEmpty
                    ? "no auditor named" : AuditAccess.mayAudit(auditors[turn % auditors.count], childID: child, restriction: restrictions[child]).reason
                refused.append(Refusal(childID: child, reason: reason))
                continue
            }
            turn = (auditors.firstIndex(of: chosen)! + 1) % auditors.count
            let number = String(allocations.count + 1)
            allocations.append(AuditAllocation(
                id: Identifier("\(sampleID)-\(String(repeating: "0", count: max(0, 3 - number.count)))\(number)"), childID: Identifier(child),
                teamID: draw.member.teamID, workerID: draw.member.workerID, stratum: draw.stratum, auditor: chosen.username, dueBy: dueBy))
        }
        return (allocations, refused)
    }
}

/// Picks a share of the recorded audits for a second auditor to moderate (issue 8: "for example 10%"), reproducibly
/// from a seed, and gives each to a moderator who is not its auditor.
public struct ModerationSampler: Sendable {
    /// The share to moderate, in percent; the count is rounded up, so any share above nothing moderates at least one.
    public var share: Double
    public var seed: UInt64

    public init(share: Double, seed: UInt64) {
        self.share = share
        self.seed = seed
    }

    public struct Pick: Sendable, Hashable {
        public var auditID: Identifier<Audit>
        public var auditor: String
        /// `nil` when every moderator named is the audit's own auditor.
        public var moderator: String?
    }

    /// The audits to moderate, chosen from those recorded and not yet moderated (in audit ID order), with moderators
    /// taken in turn.
    public func pick(_ audits: [Audit], moderators: [String]) -> [Pick] {
        let eligible = audits.filter { $0.isCompleted && !$0.isModerated }
            .sorted { $0.id.rawValue.utf8.lexicographicallyPrecedes($1.id.rawValue.utf8) }
        let count = min(eligible.count, Int((Double(eligible.count) * share / 100).rounded(.up)))
        var generator = SplitMix64(state: seed)
        var turn = 0
        return AuditSampler.choose(max(0, count), from: eligible, using: &generator).map { audit in
            let auditors = Set(audit.records.map(\.recordedBy) + [audit.allocation.auditor])
            let offset = (0..<moderators.count).first { !auditors.contains(moderators[(turn + $0) % moderators.count]) }
            let moderator = offset.map { moderators[(turn + $0) % moderators.count] }
            if let offset { turn = (turn + offset + 1) % moderators.count }
            return Pick(auditID: audit.id, auditor: audit.allocation.auditor, moderator: moderator)
        }
    }
}
