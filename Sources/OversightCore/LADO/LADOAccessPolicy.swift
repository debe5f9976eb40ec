/// Who may open LADO allegations: the LADO team only, whatever their role.
///
/// An allegation names a professional, and Working Together 2023 (chapter 2) asks the LADO to keep these records
/// confidential; like a restricted child's record, the rule overrides every role, the director's included. Everyone
/// else may see the aggregate figures, which name nobody.
public enum LADOAccessPolicy {
    /// The team ID that marks a user as a member of the LADO team, unless the authority names another.
    public static let defaultTeamID = "LADO"

    public static func decide(_ user: UserAccount, ladoTeamID: String = defaultTeamID) -> AccessDecision {
        guard user.isActive else { return .denied("account disabled") }
        guard user.teamID == ladoTeamID else { return .denied("allegations are restricted to the LADO team") }
        if user.role == .boardMember { return .denied("board members see aggregates only") }
        return .allowed("member of the LADO team")
    }
}
