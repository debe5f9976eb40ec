import OversightCore
import OversightMeasures
import OversightStorage

/// One user per role over the demo authority, with passwords to print, so every view can be tried.
public enum DemoUsers {
    public struct Created: Sendable {
        public var user: UserAccount
        public var password: String
    }

    /// Creates (or resets) the demo users. The team manager and social worker belong to the team holding
    /// the most children; the auditor gets five of its children to audit; one child is restricted to the
    /// team manager alone, to show that a restriction overrides every role.
    public static func create(
        in store: any OversightStore, passwordCost: UInt8 = 12, password: (Role) -> String = { _ in Secrets.demoPassword() }
    ) throws(StorageError) -> [Created] {
        let snapshot = try CaseSnapshot.load(from: store)
        let asOf = snapshot.latestRecordedDate ?? LocalDate(year: 2026, month: 3, day: 31)!
        let held = snapshot.heldChildren(on: asOf)
        let byTeam = Dictionary(grouping: held.filter { $0.holder.teamID != nil }, by: { $0.holder.teamID! })
        let team = byTeam.max { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key }
        let teamChildren = team?.value ?? []
        let byWorker = Dictionary(grouping: teamChildren.filter { $0.holder.workerID != nil }, by: { $0.holder.workerID! })
        let worker = byWorker.max { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key }
        let accounts: [UserAccount] = [
            UserAccount(username: "director", displayName: "Dana Director", role: .director),
            UserAccount(username: "manager", displayName: "Morgan Manager", role: .teamManager, teamID: team?.key),
            UserAccount(
                username: "worker", displayName: worker?.value.first?.holder.workerName ?? "Sam Social-Worker", role: .socialWorker,
                workerID: worker?.key, teamID: team?.key),
            UserAccount(username: "iro", displayName: "Indira IRO", role: .independentReviewingOfficer),
            UserAccount(username: "auditor", displayName: "Alex Auditor", role: .qualityAuditor),
            UserAccount(username: "analyst", displayName: "Priya Analyst", role: .performanceAnalyst),
            UserAccount(username: "board", displayName: "Bernard Board", role: .boardMember),
            UserAccount(username: "inspector", displayName: "Isla Inspector", role: .inspector),
        ]
        var created: [Created] = []
        for account in accounts {
            let secret = password(account.role)
            try store.saveUser(account, passwordHash: Secrets.hashPassword(secret, cost: passwordCost))
            created.append(Created(user: account, password: secret))
        }
        let ids = Array(Set(teamChildren.map { snapshot.children.ids[Int($0.child)] })).sorted()
        for id in ids.prefix(5) { try store.assignAudit(childID: id, to: "auditor") }
        // A child of the team who is not the demo worker's own: the worker would otherwise see them on the team list.
        let notWorkers = teamChildren.filter { $0.holder.workerID != worker?.key }.map { snapshot.children.ids[Int($0.child)] }.sorted()
        if let restricted = notWorkers.last {
            try store.saveRestriction(ChildRestriction(childID: restricted, usernames: ["manager"], reason: "A staff member's relative (demo)"))
        }
        return created
    }
}
