/// A recurring, unannounced spot check: seed 001 (paragraph 22) commits to a six-monthly check on children placed at
/// home with parents under care orders, reviewing the records and talking to the worker, manager and IRO.
public struct SpotCheckSchedule: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// The cohort the check samples, as a saved filter's name or a description.
    public var cohort: String
    public var everyMonths: Int
    /// When the first check falls due.
    public var firstDue: LocalDate
    /// The days checks were done, oldest first.
    public var completed: [LocalDate]

    public init(id: String, title: String, cohort: String, everyMonths: Int, firstDue: LocalDate, completed: [LocalDate] = []) {
        self.id = id
        self.title = title
        self.cohort = cohort
        self.everyMonths = everyMonths
        self.firstDue = firstDue
        self.completed = completed
    }

    /// The next check: `everyMonths` after the last one done, or the first due date when none has been done.
    public var nextDue: LocalDate { completed.max().map { $0.adding(months: everyMonths) } ?? firstDue }

    public enum Status: String, Sendable, Hashable, Codable {
        case overdue, due, scheduled
    }

    /// Overdue past the due date; due within `window` days of it; otherwise scheduled.
    public func status(on date: LocalDate, window: Int = 28) -> Status {
        if date > nextDue { return .overdue }
        return date.days(to: nextDue) <= window ? .due : .scheduled
    }
}
