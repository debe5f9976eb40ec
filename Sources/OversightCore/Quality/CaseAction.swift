import Foundation

/// Work on one child's case that an audit found was needed, with an owner and a due date, tracked to completion.
public struct CaseAction: Sendable, Hashable, Codable {
    public var id: Identifier<CaseAction>
    public var auditID: Identifier<Audit>
    public var childID: Identifier<Child>
    /// The finding, in the auditor's words.
    public var finding: String
    /// Who must do it (usually the allocated worker or their manager).
    public var owner: String
    public var dueBy: LocalDate
    public var raisedBy: String
    public var raisedOn: LocalDate

    public init(
        id: Identifier<CaseAction>, auditID: Identifier<Audit>, childID: Identifier<Child>, finding: String, owner: String, dueBy: LocalDate,
        raisedBy: String, raisedOn: LocalDate
    ) {
        self.id = id
        self.auditID = auditID
        self.childID = childID
        self.finding = finding
        self.owner = owner
        self.dueBy = dueBy
        self.raisedBy = raisedBy
        self.raisedOn = raisedOn
    }
}

/// Where a case action stands.
public enum CaseActionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open = "open"
    case inProgress = "in-progress"
    case completed = "completed"
    /// No longer needed (the child's case closed, or the action was overtaken); a reason is required.
    case withdrawn = "withdrawn"

    public var isClosed: Bool { self == .completed || self == .withdrawn }

    /// The moves a case action may make: open → in progress → completed; open or in progress → withdrawn; a closed
    /// action may be reopened when the work turns out not to be done.
    public func mayMove(to next: CaseActionStatus) -> Bool {
        switch (self, next) {
        case (.open, .inProgress), (.open, .completed), (.open, .withdrawn): true
        case (.inProgress, .completed), (.inProgress, .withdrawn): true
        case (.completed, .open), (.withdrawn, .open): true
        default: false
        }
    }
}

/// One change to a case action's status, appended and never changed.
public struct CaseActionEvent: Sendable, Hashable, Codable {
    public var actionID: Identifier<CaseAction>
    public var status: CaseActionStatus
    public var note: String
    public var by: String
    public var at: String

    public init(actionID: Identifier<CaseAction>, status: CaseActionStatus, note: String, by: String, at: String) {
        self.actionID = actionID
        self.status = status
        self.note = note
        self.by = by
        self.at = at
    }

    public var date: LocalDate? { LocalDate(iso: at.prefix(10)) }
}

/// A case action with its events: the lifecycle read back.
public struct TrackedCaseAction: Sendable, Hashable {
    public var action: CaseAction
    public var events: [CaseActionEvent]

    public init(action: CaseAction, events: [CaseActionEvent]) {
        self.action = action
        self.events = events
    }

    /// The status as of `date` (or now): a new action is open.
    public func status(asOf date: LocalDate? = nil) -> CaseActionStatus {
        guard let date else { return events.last?.status ?? .open }
        return events.last { ($0.date ?? date) <= date }?.status ?? .open
    }

    /// The day it was completed, when it is.
    public var completedOn: LocalDate? { status() == .completed ? events.last?.date : nil }

    public func isOverdue(on date: LocalDate) -> Bool { !status(asOf: date).isClosed && date > action.dueBy }

    /// Checks a proposed event against the lifecycle.
    /// - Throws: `CaseActionError` when the move is not allowed or a withdrawal has no reason.
    public func check(_ event: CaseActionEvent) throws(CaseActionError) {
        let current = status()
        guard current.mayMove(to: event.status) else {
            throw .notAllowed(action: action.id.rawValue, from: current, to: event.status)
        }
        if event.status == .withdrawn && event.note.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .withdrawalNeedsReason(action: action.id.rawValue)
        }
    }
}

/// Why a case action cannot move as asked.
public enum CaseActionError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAllowed(action: String, from: CaseActionStatus, to: CaseActionStatus)
    case withdrawalNeedsReason(action: String)

    public var description: String {
        switch self {
        case .notAllowed(let action, let from, let to): "case action \(action) is \(from.rawValue) and cannot become \(to.rawValue)"
        case .withdrawalNeedsReason(let action): "case action \(action): withdrawing it needs a reason (--note)"
        }
    }
}
