/// What a person does in the service, which decides what Oversight shows them.
///
/// The roles are the service's own, not permissions bundles: a council recognises each one, and the
/// record scope each implies is fixed in `AccessPolicy` rather than configured per user, so that
/// "what can a team manager see" has one answer everywhere.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case director = "director"
    case teamManager = "team-manager"
    case socialWorker = "social-worker"
    case independentReviewingOfficer = "iro"
    case qualityAuditor = "qa-auditor"
    case performanceAnalyst = "performance-analyst"
    case boardMember = "board-member"
    case inspector = "inspector"

    public var title: String {
        switch self {
        case .director: "Director or senior leader"
        case .teamManager: "Team manager"
        case .socialWorker: "Social worker"
        case .independentReviewingOfficer: "Independent reviewing officer"
        case .qualityAuditor: "Quality assurance auditor"
        case .performanceAnalyst: "Performance analyst"
        case .boardMember: "Improvement board member"
        case .inspector: "Inspector"
        }
    }

    /// Board members see aggregates only: no child-level row, name or identifier anywhere.
    public var seesChildLevelData: Bool { self != .boardMember }

    /// Who may read the access log ("who looked at this child"): the senior leaders accountable for
    /// data protection, and auditors, whose job includes checking it.
    public var mayReadAccessLog: Bool { self == .director || self == .qualityAuditor }

    /// Who may manage users, roles and restrictions.
    public var mayAdminister: Bool { self == .director }

    /// Inspectors read; they never change the plan, audits or records.
    public var isReadOnly: Bool { self == .inspector || self == .boardMember }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A person who signs in to Oversight.
public struct UserAccount: Sendable, Codable, Equatable, Hashable {
    public var username: String
    public var displayName: String
    public var role: Role
    /// The worker record in the case data this person is, when they hold cases (social workers, managers).
    public var workerID: String?
    /// The team whose children they see (social workers and team managers).
    public var teamID: String?
    public var isActive: Bool

    public init(username: String, displayName: String, role: Role, workerID: String? = nil, teamID: String? = nil, isActive: Bool = true) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.workerID = workerID
        self.teamID = teamID
        self.isActive = isActive
    }
}

/// A child whose record only named people or teams may open, whatever their role: a staff member's
/// relative, an adoption placement at risk, a case in the news.
public struct ChildRestriction: Sendable, Codable, Equatable, Hashable {
    public var childID: String
    public var usernames: Set<String>
    public var teamIDs: Set<String>
    public var reason: String

    public init(childID: String, usernames: Set<String> = [], teamIDs: Set<String> = [], reason: String) {
        self.childID = childID
        self.usernames = usernames
        self.teamIDs = teamIDs
        self.reason = reason
    }

    public func admits(_ user: UserAccount) -> Bool {
        usernames.contains(user.username) || user.teamID.map(teamIDs.contains) ?? false
    }
}

/// One look at child-level data: appended, never changed.
public struct AccessLogEntry: Sendable, Codable, Equatable {
    public enum Action: String, Sendable, Codable {
        /// A child's record was opened.
        case viewChild = "view-child"
        /// A list naming children was shown (a measure's explanation, a team's caseload).
        case viewChildList = "view-child-list"
        /// A request for a child's record was refused.
        case denied = "denied"
        /// A record was restricted, or a restriction lifted.
        case changeRestriction = "change-restriction"
    }

    public var at: String
    public var username: String
    public var role: Role
    public var action: Action
    /// The child's ID for a record view; the list's address for a list.
    public var subject: String
    /// Why: the purpose stated or the basis the policy found (e.g. "allocated social worker").
    public var reason: String
    /// How many children the view showed.
    public var childCount: Int

    public init(at: String, username: String, role: Role, action: Action, subject: String, reason: String, childCount: Int = 1) {
        self.at = at
        self.username = username
        self.role = role
        self.action = action
        self.subject = subject
        self.reason = reason
        self.childCount = childCount
    }
}
