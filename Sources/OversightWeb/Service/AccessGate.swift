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

    init(services: WebServices, user: UserAccount, view: CaseView) throws(StorageError) {
        self.services = services
        self.user = user
        self.view = view
        restrictions = Dictionary(try services.store.restrictions().map { ($0.childID, $0) }, uniquingKeysWith: { a, _ in a })
        audited = user.role == .qualityAuditor ? try services.store.auditedChildren(of: user.username) : []
    }

    func facts(childID: String) -> ChildAccessFacts {
        var facts = ChildAccessFacts(childID: childID, isInAssignedAudit: audited.contains(childID), restriction: restrictions[childID])
        guard let index = view.snapshot.index(ofChild: childID) else { return facts }
        for holder in view.snapshot.holders(of: index, on: view.asOf) {
            if let worker = holder.workerID { facts.allocatedWorkerIDs.insert(worker) }
            if let team = holder.teamID { facts.teamIDs.insert(team) }
        }
        facts.isReviewedByIRO = view.snapshot.isOnProtectionPlan(index, on: view.asOf) || view.snapshot.isLookedAfter(index, on: view.asOf)
        return facts
    }

    func decide(childID: String) -> AccessDecision {
        AccessPolicy.decide(user, child: facts(childID: childID))
    }

    func isRestricted(_ childID: String) -> Bool { restrictions[childID] != nil }

    /// The explanation rows about children this person may open, each child decided once.
    func rowsInScope(_ rows: [ExplanationRow]) -> [ExplanationRow] {
        var decided: [String: Bool] = [:]
        return rows.filter { row in
            if let known = decided[row.childID] { return known }
            let allowed = decide(childID: row.childID).isAllowed
            decided[row.childID] = allowed
            return allowed
        }
    }

    /// Records one look at child-level data. A view that cannot be logged is not shown: the log is the
    /// authority's evidence that every look was justified.
    func log(_ action: AccessLogEntry.Action, subject: String, reason: String, childCount: Int) throws(StorageError) {
        try services.store.appendAccessLog(AccessLogEntry(
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
