/// What the policy needs to know about a child to decide who may open their record.
public struct ChildAccessFacts: Sendable, Equatable {
    public var childID: String
    /// Workers allocated to the child now.
    public var allocatedWorkerIDs: Set<String>
    /// Teams holding the child now.
    public var teamIDs: Set<String>
    /// Whether the child is on a child protection plan or looked after now: the children IROs review.
    public var isReviewedByIRO: Bool
    /// Whether the child is in a QA audit assigned to the user asking.
    public var isInAssignedAudit: Bool
    public var restriction: ChildRestriction?

    public init(
        childID: String, allocatedWorkerIDs: Set<String> = [], teamIDs: Set<String> = [], isReviewedByIRO: Bool = false,
        isInAssignedAudit: Bool = false, restriction: ChildRestriction? = nil
    ) {
        self.childID = childID
        self.allocatedWorkerIDs = allocatedWorkerIDs
        self.teamIDs = teamIDs
        self.isReviewedByIRO = isReviewedByIRO
        self.isInAssignedAudit = isInAssignedAudit
        self.restriction = restriction
    }
}

/// Whether a person may see a child, and the reason either way: the reason goes into the access log.
public enum AccessDecision: Sendable, Equatable {
    case allowed(String)
    case denied(String)

    public var isAllowed: Bool { if case .allowed = self { true } else { false } }
    public var reason: String {
        switch self {
        case .allowed(let reason), .denied(let reason): reason
        }
    }
}

/// Record scope by role, with restrictions over the top: least privilege by team and involvement.
///
/// One function decides for a child's page, for every child-level list and for the API, so that a
/// list never shows a child whose record the same person could not open.
public enum AccessPolicy {
    public static func decide(_ user: UserAccount, child: ChildAccessFacts) -> AccessDecision {
        guard user.isActive else { return .denied("account disabled") }
        // A restriction overrides every role, the director's included.
        if let restriction = child.restriction, !restriction.admits(user) {
            return .denied("restricted record")
        }
        let restricted = child.restriction != nil ? " (named on the restriction)" : ""
        switch user.role {
        case .boardMember:
            return .denied("board members see aggregates only")
        case .director, .performanceAnalyst:
            return .allowed("authority-wide role: \(user.role.title.lowercased())\(restricted)")
        case .inspector:
            return .allowed("inspection: read-only access\(restricted)")
        case .qualityAuditor:
            return child.isInAssignedAudit
                ? .allowed("child in an assigned audit\(restricted)") : .denied("not in an audit assigned to this auditor")
        case .independentReviewingOfficer:
            return child.isReviewedByIRO
                ? .allowed("child on a plan or looked after (IRO oversight)\(restricted)")
                : .denied("IROs see children on protection plans or looked after")
        case .teamManager:
            if let team = user.teamID, child.teamIDs.contains(team) { return .allowed("child held by the manager's team\(restricted)") }
            return .denied("child not held by the manager's team")
        case .socialWorker:
            if let worker = user.workerID, child.allocatedWorkerIDs.contains(worker) {
                return .allowed("allocated social worker\(restricted)")
            }
            if let team = user.teamID, child.teamIDs.contains(team) { return .allowed("child on the worker's team list\(restricted)") }
            return .denied("child not allocated to this worker or their team")
        }
    }
}
