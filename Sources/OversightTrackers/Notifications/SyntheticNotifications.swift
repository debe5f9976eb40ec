import OversightCore

/// Made-up partner notifications for the demo authority, the same for the same seed: twenty weeks of arrivals (mostly
/// police domestic-abuse notifications) screened at less than the rate they arrive, high-risk ones first, so that the
/// queue builds as seed 002 describes: hundreds waiting, the oldest over two months.
public enum SyntheticNotifications {
    public static let screeners = ["MASH screener A", "MASH screener B"]

    public static func generate(
        seed: UInt64, asOf: LocalDate, childIDs: [String], weeks: Int = 20, calendar: WorkingDayCalendar = .englandAndWales
    ) -> [PartnerNotification] {
        var random = SplitMix64(state: seed ^ 0x4E4F_5449)
        var notifications: [PartnerNotification] = []
        // Waiting, split by priority: high-risk notifications are screened first, the rest when there is room.
        var high: [Int] = []
        var low: [Int] = []
        var day = asOf.adding(days: -7 * weeks + 1)
        while day <= asOf {
            defer { day = day.adding(days: 1) }
            guard calendar.isWorkingDay(day) else { continue }
            for _ in 0..<Int.random(in: 14...24, using: &random) {
                let source: NotificationSource =
                    switch Int.random(in: 0..<100, using: &random) {
                    case ..<80: .police
                    case ..<90: .health
                    default: .school
                    }
                let category =
                    switch source {
                    case .police: Int.random(in: 0..<10, using: &random) < 8 ? "domestic abuse" : "child found missing"
                    case .health: "attendance at emergency department"
                    case .school: "attendance and welfare concern"
                    }
                let number = notifications.count + 1
                notifications.append(PartnerNotification(
                    id: Identifier("PN-\(String(number + 100000).dropFirst())"), source: source,
                    reference: "\(source.rawValue.prefix(3).uppercased())/\(day.year)/\(String(number * 37 % 100000 + 100000).dropFirst())",
                    receivedOn: day, category: category))
                if Int.random(in: 0..<10, using: &random) < 7 { high.append(number - 1) } else { low.append(number - 1) }
            }
            // Screening capacity falls short of arrivals by about three a day.
            var capacity = Int.random(in: 12...17, using: &random)
            while capacity > 0, !(high.isEmpty && low.isEmpty) {
                let index = high.isEmpty ? low.removeFirst() : high.removeFirst()
                screen(&notifications[index], on: day, childIDs: childIDs, random: &random)
                capacity -= 1
            }
        }
        return notifications
    }

    static func screen(_ notification: inout PartnerNotification, on day: LocalDate, childIDs: [String], random: inout SplitMix64) {
        notification.screenedOn = day
        notification.screenedBy = screeners.randomElement(using: &random)!
        let outcome: NotificationOutcome =
            switch Int.random(in: 0..<100, using: &random) {
            case ..<45: .noFurtherAction
            case ..<70: .sharedWithSchool
            case ..<85: .contactToMASH
            default: .openCaseUpdated
            }
        if outcome == .openCaseUpdated || outcome == .contactToMASH, let child = childIDs.randomElement(using: &random) {
            notification.linkedChildID = child
        } else {
            notification.linkedFamily = "Family \(String(Int.random(in: 10000...99999, using: &random)))"
        }
        notification.outcome = outcome
        notification.outcomeOn = day
    }
}
