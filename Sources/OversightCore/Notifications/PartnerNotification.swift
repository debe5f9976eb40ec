/// A notification from a partner agency about a child or family (a police domestic-abuse notification, a health or
/// school concern) waiting to be screened by the front door.
///
/// Seed 002 found 450 police domestic-abuse notifications waiting to be screened, the oldest over two months old: the
/// queue is the point, so each notification carries the dates it moved through screening, linking and outcome.
public struct PartnerNotification: Sendable, Codable, Equatable, Hashable {
    public var id: Identifier<PartnerNotification>
    public var source: NotificationSource
    /// The partner's own reference (e.g. the police occurrence number).
    public var reference: String
    public var receivedOn: LocalDate
    /// What the notification is about, in the partner's words (e.g. "domestic abuse").
    public var category: String
    public var screenedOn: LocalDate?
    public var screenedBy: String?
    /// The child or family it was linked to after screening.
    public var linkedChildID: String?
    public var linkedFamily: String?
    public var outcome: NotificationOutcome?
    public var outcomeOn: LocalDate?

    public init(
        id: Identifier<PartnerNotification>, source: NotificationSource, reference: String, receivedOn: LocalDate, category: String,
        screenedOn: LocalDate? = nil, screenedBy: String? = nil, linkedChildID: String? = nil, linkedFamily: String? = nil,
        outcome: NotificationOutcome? = nil, outcomeOn: LocalDate? = nil
    ) {
        self.id = id
        self.source = source
        self.reference = reference
        self.receivedOn = receivedOn
        self.category = category
        self.screenedOn = screenedOn
        self.screenedBy = screenedBy
        self.linkedChildID = linkedChildID
        self.linkedFamily = linkedFamily
        self.outcome = outcome
        self.outcomeOn = outcomeOn
    }

    /// Waiting to be screened on `date`: received by then, not screened by then.
    public func isWaiting(on date: LocalDate) -> Bool { receivedOn <= date && (screenedOn.map { $0 > date } ?? true) }
}

/// The partner agency a notification came from.
public enum NotificationSource: String, Sendable, Codable, CaseIterable, Hashable {
    case police, health, school

    public var title: String {
        switch self {
        case .police: "Police"
        case .health: "Health"
        case .school: "School"
        }
    }
}

/// Where a screened notification went.
public enum NotificationOutcome: String, Sendable, Codable, CaseIterable, Hashable {
    case noFurtherAction = "nfa"
    case sharedWithSchool = "shared-with-school"
    case contactToMASH = "mash-contact"
    case openCaseUpdated = "open-case-updated"

    public var title: String {
        switch self {
        case .noFurtherAction: "No further action"
        case .sharedWithSchool: "Information shared with the school"
        case .contactToMASH: "Contact to the MASH"
        case .openCaseUpdated: "Open case updated"
        }
    }
}
