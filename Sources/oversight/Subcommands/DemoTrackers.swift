import Foundation
import OversightCore
import OversightMeasures
import OversightStorage
import OversightTrackers
import OversightWeb

/// The trackers in the demo: generated allegations and partner notifications as of the extract's last recorded day,
/// and a LADO officer to sign in as, since nobody else may open an allegation.
enum DemoTrackers {
    /// Generates the trackers' records once (a database already holding them keeps its own), and creates or resets
    /// the `lado` user.
    /// - Returns: the LADO user and their password, for the demo's list of users.
    static func seed(_ store: any OversightStore, seed: UInt64, password: String) throws -> (user: UserAccount, password: String) {
        guard let trackers = store as? any AllegationStore & PartnerNotificationStore else { throw CommandFailure("this database does not hold the trackers") }
        if try trackers.fetchAllegations().isEmpty, try trackers.fetchNotifications().isEmpty {
            let snapshot = try CaseSnapshot.load(from: store)
            let asOf = snapshot.latestRecordedDate ?? LocalDate(year: 2026, month: 3, day: 31)!
            let children = snapshot.children.ids
            try trackers.saveAllegations(SyntheticAllegations.generate(seed: seed, asOf: asOf, childIDs: children))
            try trackers.addNotifications(SyntheticNotifications.generate(seed: seed, asOf: asOf, childIDs: children))
        }
        let user = UserAccount(
            username: "lado", displayName: SyntheticAllegations.officers[0], role: .teamManager, teamID: LADOAccessPolicy.defaultTeamID)
        try store.saveUser(user, passwordHash: Secrets.hashPassword(password))
        return (user, password)
    }
}
