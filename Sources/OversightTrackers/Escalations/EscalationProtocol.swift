import OversightCore

/// The authority's IRO dispute resolution protocol: working days allowed for a response at each stage.
///
/// The IRO Handbook (2010, 7.4–7.7) requires every authority to have a formal resolution process with timescales
/// but sets none; these defaults are the common shape of council protocols (5 working days at each of the first
/// stages, 10 for the director), and an authority can set its own.
public struct EscalationProtocol: Sendable, Equatable, Codable {
    public var responseWorkingDays: [EscalationStage: Int]

    public init(responseWorkingDays: [EscalationStage: Int] = [.informal: 5, .formal1: 5, .formal2: 5, .formal3: 10]) {
        self.responseWorkingDays = responseWorkingDays
    }

    public static let standard = EscalationProtocol()

    /// The day a response is due for a stage raised on `raisedOn`.
    public func responseDue(_ stage: EscalationStage, raisedOn: LocalDate, calendar: WorkingDayCalendar) -> LocalDate {
        calendar.addingWorkingDays(responseWorkingDays[stage] ?? 5, to: raisedOn)
    }

    /// Whether a resolved escalation was resolved by the response due date of the stage it had reached.
    public func isResolvedWithinTimescale(_ escalation: Escalation) -> Bool? {
        guard let resolved = escalation.resolvedOn, let step = escalation.stage(on: resolved) else { return nil }
        return resolved <= step.responseDue
    }

    /// Whether the stage an open escalation is at has passed its response due date with no response.
    public func isOverdue(_ escalation: Escalation, on date: LocalDate) -> Bool {
        guard escalation.isOpen(on: date), let step = escalation.stage(on: date) else { return false }
        return step.respondedOn.map { $0 > date } ?? true ? date > step.responseDue : false
    }
}
