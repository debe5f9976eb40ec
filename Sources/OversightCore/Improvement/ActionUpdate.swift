/// One progress update on an action: the plan's three progress fields, the RAG rating, who and when, and evidence.
///
/// Updates are never changed or removed: a correction is a newer update. The history of an action is the list of
/// its updates, and ``PlanHistory`` reads it back as of any date.
public struct ActionUpdate: Sendable, Hashable, Codable {
    /// The action's ref in its plan (`"1.1"`).
    public var ref: String
    /// "Action status".
    public var status: String
    /// "Impact against outcomes set".
    public var impact: String
    /// "What more needs to be done".
    public var more: String
    public var rag: RAG
    /// Who made the update.
    public var by: String
    /// When, as an ISO 8601 timestamp (`2022-07-01T09:30:00Z`) from the caller's clock; a bare date is accepted.
    public var at: String
    /// Links to the evidence (audit reports, minutes, dashboards).
    public var evidence: [String]

    public init(ref: String, status: String, impact: String, more: String, rag: RAG, by: String, at: String, evidence: [String] = []) {
        self.ref = ref
        self.status = status
        self.impact = impact
        self.more = more
        self.rag = rag
        self.by = by
        self.at = at
        self.evidence = evidence
    }

    /// The day of the update: the date `at` begins with; `nil` when it does not begin with one.
    public var date: LocalDate? { LocalDate(iso: at.prefix(10)) }

    /// The 2022 plan's names for the three progress fields.
    public static let standardFieldNames = ["Action status", "Impact against outcomes set", "What more needs to be done"]
}
