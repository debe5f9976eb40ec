/// Suggested RAG ratings: where the facts disagree with the rating people gave, and why.
///
/// Issue 7 part 4: an action past its deadline and not Blue is flagged Red; an action with no update for longer
/// than the board cycle is flagged stale. Both count calendar days, not working days: a deadline on a Sunday has
/// passed on the Monday, as a board would read it.
public enum RAGCheck {
    /// What a flag is about.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Past its deadline and not completed.
        case overdue
        /// Not updated within the board cycle.
        case stale
    }

    /// One suggestion about one action.
    public struct Flag: Sendable, Hashable, Codable {
        public var ref: String
        public var kind: Kind
        /// The rating at the date checked; `nil` when the action has never been updated.
        public var current: RAG?
        /// The rating Oversight suggests, when it suggests one (Red for overdue actions).
        public var suggested: RAG?
        public var reason: String

        public init(ref: String, kind: Kind, current: RAG?, suggested: RAG?, reason: String) {
            self.ref = ref
            self.kind = kind
            self.current = current
            self.suggested = suggested
            self.reason = reason
        }

        /// Whether the suggestion differs from the rating given.
        public var disagrees: Bool { suggested.map { $0 != current } ?? true }
    }

    /// Whether an action with this deadline is overdue on `date`, when it is not Blue: from the day after the
    /// deadline; a deadline in words is never overdue.
    public static func isOverdue(_ deadline: Deadline, on date: LocalDate) -> Bool {
        guard let due = deadline.date else { return false }
        return date > due
    }

    /// The overdue flag for one action, or `nil`.
    public static func overdue(_ action: Action, latest: ActionUpdate?, on date: LocalDate) -> Flag? {
        guard latest?.rag != .blue, isOverdue(action.deadline, on: date), let due = action.deadline.date else { return nil }
        let days = due.days(to: date)
        let rated = latest.map { "rated \($0.rag.name)" } ?? "never updated"
        return Flag(
            ref: action.ref, kind: .overdue, current: latest?.rag, suggested: .red,
            reason: "deadline \(due.isoString) passed \(days) day\(days == 1 ? "" : "s") ago and the action is \(rated), not Blue")
    }

    /// The stale flag for one action, or `nil`: no update for more than `cycleDays` days. An action never updated
    /// counts from the plan's submission date; a Blue action needs no more updates.
    public static func stale(_ action: Action, latest: ActionUpdate?, since start: LocalDate?, on date: LocalDate, cycleDays: Int) -> Flag? {
        guard latest?.rag != .blue else { return nil }
        let from: LocalDate
        let what: String
        if let latest, let day = latest.date {
            from = day
            what = "last updated \(day.isoString)"
        } else if let start {
            from = start
            what = "never updated since the plan was submitted on \(start.isoString)"
        } else {
            return nil
        }
        let days = from.days(to: date)
        guard days > cycleDays else { return nil }
        return Flag(
            ref: action.ref, kind: .stale, current: latest?.rag, suggested: nil,
            reason: "\(what), \(days) days ago: longer than the board cycle of \(cycleDays) days")
    }

    /// Every flag for a plan on `date`, in plan order, overdue before stale for the same action.
    /// - Parameters:
    ///   - plan: the plan.
    ///   - updates: its updates, in recorded order; those after `date` are ignored.
    ///   - date: the day to check as of.
    ///   - cycleDays: the board cycle; the plan's own when `nil` (61 days for two months).
    public static func flags(for plan: ImprovementPlan, updates: [ActionUpdate], on date: LocalDate, cycleDays: Int? = nil) -> [Flag] {
        let latest = PlanHistory.latestUpdates(updates, asOf: date)
        let cycle = cycleDays ?? plan.boardCycleDays
        return plan.actions.flatMap { action in
            [
                overdue(action, latest: latest[action.ref], on: date),
                stale(action, latest: latest[action.ref], since: plan.submitBy, on: date, cycleDays: cycle),
            ].compactMap { $0 }
        }
    }
}
