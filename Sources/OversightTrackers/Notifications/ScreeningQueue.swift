import OversightCore

/// The agreed service level for screening partner notifications: screened within `workingDays` working days of
/// receipt (1 unless the partnership agreed otherwise).
public struct ScreeningServiceLevel: Sendable, Equatable, Codable {
    public var workingDays: Int

    public init(workingDays: Int = 1) { self.workingDays = workingDays }

    /// The last day a notification received on `date` is screened in time.
    public func due(receivedOn date: LocalDate, calendar: WorkingDayCalendar) -> LocalDate {
        calendar.addingWorkingDays(workingDays, to: date)
    }

    public func isScreenedInTime(_ notification: PartnerNotification, calendar: WorkingDayCalendar) -> Bool? {
        notification.screenedOn.map { $0 <= due(receivedOn: notification.receivedOn, calendar: calendar) }
    }
}

/// How long a notification has waited, in calendar days (seed 002 measured the oldest in months).
public enum QueueAgeBand: String, Sendable, Codable, CaseIterable, Comparable {
    case upToOneWeek = "0-7 days"
    case oneToTwoWeeks = "8-14 days"
    case twoToFourWeeks = "15-28 days"
    case fourToEightWeeks = "29-56 days"
    case overEightWeeks = "over 56 days"

    public init(days: Int) {
        self =
            switch days {
            case ...7: .upToOneWeek
            case 8...14: .oneToTwoWeeks
            case 15...28: .twoToFourWeeks
            case 29...56: .fourToEightWeeks
            default: .overEightWeeks
            }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

/// The screening queue on one day: its size, oldest, age bands, throughput, the forecast to clear it, and whether it
/// breaches the service level.
public struct ScreeningQueue: Sendable, Codable, Equatable {
    public struct Band: Sendable, Codable, Equatable {
        public var band: QueueAgeBand
        public var count: Int
    }

    public struct WaitingNotification: Sendable, Codable, Equatable {
        public var id: String
        public var source: NotificationSource
        public var receivedOn: LocalDate
        public var ageDays: Int
        public var workingDaysWaiting: Int
        public var isBeyondServiceLevel: Bool
    }

    public var asOf: LocalDate
    public var serviceLevel: ScreeningServiceLevel
    public var size: Int
    public var oldestReceivedOn: LocalDate?
    public var oldestAgeDays: Int?
    public var bands: [Band]
    /// Screened per week, averaged over the `throughputWeeks` weeks ending on `asOf`.
    public var throughputWeeks: Int
    public var screenedInWindow: Int
    public var throughputPerWeek: Double
    /// Weeks to clear the queue at that rate, with nothing new arriving; `nil` when nothing was screened.
    public var weeksToClear: Double?
    /// Waiting longer than the service level allows.
    public var beyondServiceLevel: Int
    /// The queue breaches the service level: at least one notification is waiting beyond it.
    public var isBreached: Bool { beyondServiceLevel > 0 }
    /// Oldest first.
    public var waiting: [WaitingNotification]

    /// The queue as it stood at the end of `date`.
    public init(
        _ notifications: [PartnerNotification], asOf date: LocalDate, serviceLevel: ScreeningServiceLevel = ScreeningServiceLevel(),
        throughputWeeks: Int = 4, calendar: WorkingDayCalendar = .englandAndWales
    ) {
        asOf = date
        self.serviceLevel = serviceLevel
        self.throughputWeeks = throughputWeeks
        waiting = notifications.filter { $0.isWaiting(on: date) }.map { notification in
            let due = serviceLevel.due(receivedOn: notification.receivedOn, calendar: calendar)
            return WaitingNotification(
                id: notification.id.rawValue, source: notification.source, receivedOn: notification.receivedOn,
                ageDays: notification.receivedOn.days(to: date), workingDaysWaiting: calendar.workingDays(from: notification.receivedOn, to: date),
                isBeyondServiceLevel: date > due)
        }.sorted { ($0.receivedOn, $0.id) < ($1.receivedOn, $1.id) }
        size = waiting.count
        oldestReceivedOn = waiting.first?.receivedOn
        oldestAgeDays = waiting.first?.ageDays
        let counts = Dictionary(grouping: waiting) { QueueAgeBand(days: $0.ageDays) }.mapValues(\.count)
        bands = QueueAgeBand.allCases.map { Band(band: $0, count: counts[$0] ?? 0) }
        let windowStart = date.adding(days: -7 * throughputWeeks)
        screenedInWindow = notifications.count { notification in notification.screenedOn.map { $0 > windowStart && $0 <= date } ?? false }
        throughputPerWeek = Double(screenedInWindow) / Double(max(throughputWeeks, 1))
        weeksToClear = throughputPerWeek > 0 ? Double(size) / throughputPerWeek : nil
        beyondServiceLevel = waiting.count(where: \.isBeyondServiceLevel)
    }

    /// The alert line the report and the page show when the service level is breached; `nil` when it is not.
    public var alert: String? {
        guard isBreached, let oldest = oldestAgeDays else { return nil }
        return "\(beyondServiceLevel) notification\(beyondServiceLevel == 1 ? "" : "s") waiting beyond the service level "
            + "(screened within \(serviceLevel.workingDays) working day\(serviceLevel.workingDays == 1 ? "" : "s")); the oldest has waited \(oldest) days"
    }
}

/// The screening measures, in the catalogue's style.
public enum NotificationMeasures {
    static let seed = "Seed 002: 450 police domestic-abuse notifications waiting to be screened, the oldest over two months old"

    /// NOTIF-01 for a service level.
    public static func screenedInTime(_ serviceLevel: ScreeningServiceLevel = ScreeningServiceLevel()) -> TrackerMeasure<PartnerNotification> {
        let days = serviceLevel.workingDays
        return TrackerMeasure(
            id: "NOTIF-01", title: "Notifications screened within \(days) working day\(days == 1 ? "" : "s")",
            definition: "Of the partner notifications screened in the period, the percentage screened within the agreed service level of \(days) working day\(days == 1 ? "" : "s") of receipt (bank holidays excluded).",
            numerator: "Notifications screened in time", denominator: "Notifications screened in the period", counting: .events("notifications"),
            unit: .percentage, polarity: .higherIsBetter, timescale: "\(days) working day\(days == 1 ? "" : "s")", citation: seed
        ) { notifications, period, _, calendar in
            notifications.compactMap { notification in
                guard let screened = notification.screenedOn, period.contains(screened) else { return nil }
                let waited = calendar.workingDays(from: notification.receivedOn, to: screened)
                return TrackerCaseRow(
                    record: notification.id.rawValue, inNumerator: screened <= serviceLevel.due(receivedOn: notification.receivedOn, calendar: calendar),
                    detail: "\(notification.source.rawValue), received \(notification.receivedOn), screened \(screened): \(waited) working day\(waited == 1 ? "" : "s")")
            }
        }
    }

    public static let waiting = TrackerMeasure<PartnerNotification>(
        id: "NOTIF-02", title: "Notifications waiting to be screened at the period end",
        definition: "Partner notifications received and not screened by the last day of the period.", numerator: "Notifications waiting",
        denominator: nil, counting: .events("notifications"), unit: .count, polarity: .lowerIsBetter, citation: seed
    ) { notifications, _, end, _ in
        notifications.filter { $0.isWaiting(on: end) }.sorted { $0.receivedOn < $1.receivedOn }.map {
            TrackerCaseRow(record: $0.id.rawValue, inNumerator: true, detail: "\($0.source.rawValue), received \($0.receivedOn), waiting \($0.receivedOn.days(to: end)) days")
        }
    }

    public static func all(_ serviceLevel: ScreeningServiceLevel = ScreeningServiceLevel()) -> [TrackerMeasure<PartnerNotification>] {
        [screenedInTime(serviceLevel), waiting]
    }
}
