/// Who may see an audit: the rule issue 8 asks to keep in the domain, alongside ``AccessPolicy``.
///
/// An auditor sees only the audits they were assigned, and the ones they moderate; the senior roles and inspectors
/// see every audit; a team manager sees the audits of their team's children, since the audit is done with them.
/// Seeing an audit does not open the child's record: that remains ``AccessPolicy``'s decision, and a restriction
/// still overrides it, so an audit of a restricted child can only be allocated to someone the restriction names.
public enum AuditAccess {
    public static func decide(_ user: UserAccount, audit: Audit) -> AccessDecision {
        guard user.isActive else { return .denied("account disabled") }
        switch user.role {
        case .director, .performanceAnalyst: return .allowed("authority-wide role: \(user.role.title.lowercased())")
        case .inspector: return .allowed("inspection: read-only access")
        case .boardMember: return .denied("board members see aggregates only")
        case .qualityAuditor:
            if audit.allocation.auditor == user.username { return .allowed("audit assigned to this auditor") }
            if audit.moderations.contains(where: { $0.moderator == user.username }) { return .allowed("audit moderated by this auditor") }
            return .denied("audit not assigned to this auditor")
        case .teamManager:
            if let team = user.teamID, audit.allocation.teamID == team { return .allowed("audit of a child held by the manager's team") }
            return .denied("audit of a child outside the manager's team")
        case .socialWorker:
            if let worker = user.workerID, audit.allocation.workerID == worker { return .allowed("audit of the worker's own case") }
            return .denied("audit of another worker's case")
        case .independentReviewingOfficer: return .denied("IROs take part in audits but do not read the audit register")
        }
    }

    /// The audits `user` may see, in the order given.
    public static func visible(_ audits: [Audit], to user: UserAccount) -> [Audit] {
        audits.filter { decide(user, audit: $0).isAllowed }
    }

    /// Whether `auditor` could open the child's record once the audit is theirs: the check an allocation makes so that
    /// a restricted child is never given to an auditor the restriction leaves out.
    public static func mayAudit(_ auditor: UserAccount, childID: String, restriction: ChildRestriction?) -> AccessDecision {
        guard auditor.role == .qualityAuditor || auditor.role == .director else {
            return .denied("\(auditor.username) is a \(auditor.role.title.lowercased()), not an auditor")
        }
        return AccessPolicy.decide(auditor, child: ChildAccessFacts(childID: childID, isInAssignedAudit: true, restriction: restriction))
    }
}
