import Foundation
import OversightCore
import OversightMeasures
import OversightStorage

/// Applies the access policy for one request and writes the access log.
///
/// Built once per request, so a page that lists a thousand children reads the restrictions and audit
/// assignments once, not a thousand times.
struct AccessGate {
    let services: WebServices
    let user: UserAccount
    let view: CaseView
    private let restrictions: [String: ChildRestriction]
    private let audited: Set<String>
    private let snapshot: CaseSnapshot

    init(services: WebServices, user: UserAccount, view: CaseView) throws(StorageError) {
        self.services = services
        self.user = user
        self.view = view
        snapshot = view.snapshot
        restrictions = Dictionary(try services.store.restrictions().map { ($0.childID, $0) }, uniquingKeysWith: { a, _ in a })
        audited = user.role == .qualityAuditor ? try services.store.auditedChildren(of: user.username) : []
    }

    func facts(childID: String) -> ChildAccessFacts {
        var facts = ChildAccessFacts(childID: childID, isInAssignedAudit: audited.contains(childID), restriction: restrictions[childID])
        guard let index = snapshot.index(ofChild: childID) else { return facts }
        for holder in snapshot.holders(of: index, on: view.asOf) {
            if let worker = holder.workerID { facts.allocatedWorkerIDs.insert(worker) }
            if let team = holder.teamID { facts.teamIDs.insert(team) }
        }
        facts.isReviewedByIRO = snapshot.isOnProtectionPlan(index, on: view.asOf) || snapshot.isLookedAfter(index, on: view.asOf)
        return facts
    }

    func decide(childID: String) -> AccessDecision {
        AccessPolicy.decide(user, child: facts(childID: childID))
    }

    func isRestricted(_ childID: String) -> Bool { restrictions[childID] != nil }

    /// Identifies what this person may see: the person (role, team, worker) and the restrictions and
    /// audit assignments in force. Two requests with the same key see the same children.
    var scopeKey: String {
        var key = Hasher()
        key.combine(user)
        key.combine(restrictions.count)
        for restriction in restrictions.values.sorted(by: { $0.childID < $1.childID }) { key.combine(restriction) }
        key.combine(audited)
        return "\(user.username)|\(key.finalize())"
    }

    /// The explanation rows about children this person may open, each child decided once.
    ///
    /// Kept for the import's lifetime per person and list, keyed also by the restrictions and audit
    /// assignments in force, so a changed restriction takes effect on the next request.
    func rowsInScope(_ rows: [ExplanationRow], list: String) -> [ExplanationRow] {
        let filter = {
            var decided: [String: Bool] = [:]
            return rows.filter { row in
                if let known = decided[row.childID] { return known }
                let allowed = decide(childID: row.childID).isAllowed
                decided[row.childID] = allowed
                return allowed
            }
        }
        // England-sized lists are filtered afresh rather than held (as `CaseView.explanation` does).
        guard rows.count <= 200_000 else { return filter() }
        return view.memo("scope|\(list)|\(scopeKey)", filter)
    }

    /// Records one look at child-level data. A view that cannot be logged is not shown: the log is the
    /// authority's evidence that every look was justified.
    func log(_ action: AccessLogEntry.Action, subject: String, reason: String, childCount: Int) async throws {
        try await services.accessLog.append(AccessLogEntry(
            at: Self.timestamp(services.now), username: user.username, role: user.role, action: action, subject: subject,
            reason: reason, childCount: childCount))
    }

    static func timestamp(_ seconds: Int64) -> String {
        let date = LocalDate(dayNumber: Int32(seconds / 86_400))
        let second = Int(seconds % 86_400)
        return "\(date)T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
