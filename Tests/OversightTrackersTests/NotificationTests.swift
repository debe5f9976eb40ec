import OversightCore
import OversightStorage
@testable import OversightTrackers
import Testing

@Suite("Screening queue")
struct ScreeningQueueTests {
    let calendar = WorkingDayCalendar.englandAndWales

    /// Received on Maundy Thursday 2025: in time on the Tuesday after Easter, beyond the service level on the Wednesday.
    @Test(arguments: [("2025-04-22", false), ("2025-04-23", true)])
    func serviceLevelBreachAcrossEaster(asOf: String, breached: Bool) {
        let queue = ScreeningQueue([notification("N1", received: "2025-04-17")], asOf: d(asOf), calendar: calendar)
        #expect(queue.size == 1)
        #expect(queue.isBreached == breached)
        #expect((queue.alert != nil) == breached)
    }

    @Test func screenedInTimeAtTheBoundary() {
        let notifications = [
            notification("N1", received: "2025-04-17", screened: "2025-04-22"), notification("N2", received: "2025-04-17", screened: "2025-04-23"),
            notification("N3", received: "2025-12-24", screened: "2025-12-29"), notification("N4", received: "2025-12-24", screened: "2025-12-30"),
        ]
        let figure = NotificationMeasures.screenedInTime().figure(notifications, period: .financialYear(containing: d("2025-06-01")))
        #expect(figure.rows.map(\.inNumerator) == [true, false, true, false])
        #expect(figure.formatted == "50.0%")
        // A two-working-day service level takes N2 and N4 in.
        let relaxed = NotificationMeasures.screenedInTime(ScreeningServiceLevel(workingDays: 2)).figure(notifications, period: .financialYear(containing: d("2025-06-01")))
        #expect(relaxed.numerator == 4)
    }

    @Test func sizeOldestBandsThroughputAndForecast() {
        var notifications: [PartnerNotification] = []
        // Twelve screened in the four weeks to 31 October: three a week.
        for index in 0..<12 {
            let day = d("2025-10-06").adding(days: index * 2)
            notifications.append(notification("S\(index)", received: day.isoString, screened: day.adding(days: 1).isoString))
        }
        // One screened before the window, which must not count towards throughput.
        notifications.append(notification("EARLY", received: "2025-09-01", screened: "2025-09-02"))
        // Six waiting, the oldest from the end of July.
        for (index, received) in ["2025-07-31", "2025-09-15", "2025-10-10", "2025-10-20", "2025-10-29", "2025-10-31"].enumerated() {
            notifications.append(notification("W\(index)", received: received))
        }
        let queue = ScreeningQueue(notifications, asOf: d("2025-10-31"), calendar: calendar)
        #expect(queue.size == 6)
        #expect(queue.oldestReceivedOn == d("2025-07-31") && queue.oldestAgeDays == 92)
        #expect(queue.bands.map(\.count) == [2, 1, 1, 1, 1])
        #expect(queue.screenedInWindow == 12 && queue.throughputPerWeek == 3)
        #expect(queue.weeksToClear == 2)
        // Received today is not yet beyond the service level; the other five are.
        #expect(queue.beyondServiceLevel == 5)
        #expect(queue.waiting.map(\.id) == ["W0", "W1", "W2", "W3", "W4", "W5"])
    }

    @Test func noThroughputMeansNoForecast() {
        let queue = ScreeningQueue([notification("N1", received: "2025-10-01")], asOf: d("2025-10-31"))
        #expect(queue.weeksToClear == nil && queue.throughputPerWeek == 0)
    }
}

@Suite("Partner notification CSV")
struct PartnerNotificationCSVTests {
    static let header = PartnerNotificationCSV.columns.joined(separator: ",")

    @Test func parsesScreenedAndWaitingRows() throws {
        let file = csv("""
            \(Self.header)
            PN-1,police,POL/1,2025-04-17,domestic abuse,2025-04-22,MASH screener A,C1001,,mash-contact,2025-04-22
            PN-2,school,,2025-04-18,attendance,,,,,,
            """)
        let notifications = try PartnerNotificationCSV.parse(file: "n.csv", header: file.header, rows: file.rows)
        #expect(notifications.map(\.id) == ["PN-1", "PN-2"])
        #expect(notifications[0].outcome == .contactToMASH && notifications[0].linkedChildID == "C1001")
        #expect(notifications[1].isWaiting(on: d("2025-05-01")))
        let rows = notifications.enumerated().map { (line: $0.offset + 2, fields: PartnerNotificationCSV.fields($0.element)) }
        #expect(try PartnerNotificationCSV.parse(file: "n.csv", header: PartnerNotificationCSV.columns, rows: rows) == notifications)
    }

    @Test(arguments: [
        ("PN-3,fax,,2025-04-18,x,,,,,,", "source", "'fax' is not one of police, health, school"),
        ("PN-3,police,,2025-04-31,x,,,,,,", "received_on", "'2025-04-31' is not a valid date"),
        ("PN-3,police,,2025-04-18,x,2025-04-17,,,,,", "screened_on", "'2025-04-17' is before received_on 2025-04-18"),
        ("PN-3,police,,2025-04-18,x,,,,,nfa,2025-04-20", "outcome", "'nfa' needs screened_on"),
        ("PN-1,police,,2025-04-18,x,,,,,,", "notification_id", "'PN-1' is already given on line 2"),
        ("PN-3,police,,2025-04-18,,,,,,,", "category", "is required"),
        ("PN-3,police,,2025-04-18,x", "screened_on", "5 fields where the header has 11"),
    ])
    func badRowRejectsTheWholeFileNamingTheRow(bad: String, column: String, message: String) {
        let error = TrackerImportError(file: "n.csv", problems: [.init(file: "n.csv", line: 4, column: column, message: message)])
        let file = csv("""
            \(Self.header)
            PN-1,police,POL/1,2025-04-17,domestic abuse,,,,,,
            PN-2,health,,2025-04-17,ED attendance,,,,,,
            \(bad)
            PN-4,police,POL/4,2025-04-19,domestic abuse,,,,,,
            """)
        #expect(throws: error) { try PartnerNotificationCSV.parse(file: "n.csv", header: file.header, rows: file.rows) }
    }

    @Test func everyBadRowIsNamedAtOnce() {
        let file = csv("""
            \(Self.header)
            PN-1,fax,,2025-04-17,domestic abuse,,,,,,
            PN-2,health,,2025-04-17,ED attendance,,,,,,
            PN-3,police,,2025-02-30,domestic abuse,,,,,,
            """)
        let rejection = #expect(throws: TrackerImportError.self) { try PartnerNotificationCSV.parse(file: "n.csv", header: file.header, rows: file.rows) }
        #expect(rejection?.problems.map(\.description) == [
            "n.csv:2: source: 'fax' is not one of police, health, school", "n.csv:4: received_on: '2025-02-30' is not a valid date",
        ])
        #expect(rejection?.description.hasPrefix("n.csv: 2 problems; nothing was imported") == true)
    }

    @Test func missingColumnIsNamed() {
        #expect(throws: TrackerImportError(file: "n.csv", problems: [.init(file: "n.csv", line: 1, column: "received_on", message: "the header has no such column")])) {
            try PartnerNotificationCSV.parse(file: "n.csv", header: ["notification_id", "source", "category"], rows: [])
        }
    }
}

@Suite("Tracker demo data")
struct TrackerDemoDataTests {
    @Test func sameSeedSameRecordsAndASeed002Queue() throws {
        let asOf = d("2026-03-31")
        let first = SyntheticNotifications.generate(seed: 1, asOf: asOf, childIDs: ["C1", "C2"])
        #expect(first == SyntheticNotifications.generate(seed: 1, asOf: asOf, childIDs: ["C1", "C2"]))
        #expect(first != SyntheticNotifications.generate(seed: 2, asOf: asOf, childIDs: ["C1", "C2"]))
        let queue = ScreeningQueue(first, asOf: asOf)
        #expect((250...700).contains(queue.size), "queue of \(queue.size)")
        #expect(queue.oldestAgeDays! > 60)
        #expect(queue.isBreached)
        // Every generated row passes the import's own checks.
        let rows = first.enumerated().map { (line: $0.offset + 2, fields: PartnerNotificationCSV.fields($0.element)) }
        #expect(try PartnerNotificationCSV.parse(file: "demo", header: PartnerNotificationCSV.columns, rows: rows) == first)

        let allegations = SyntheticAllegations.generate(seed: 1, asOf: asOf, childIDs: ["C1", "C2"])
        #expect(allegations == SyntheticAllegations.generate(seed: 1, asOf: asOf, childIDs: ["C1", "C2"]))
        #expect((700...1200).contains(allegations.count), "\(allegations.count) allegations")
        #expect(Set(allegations.map(\.id)).count == allegations.count)
        let allegationRows = allegations.enumerated().map { (line: $0.offset + 2, fields: AllegationCSV.fields($0.element)) }
        #expect(try AllegationCSV.parse(file: "demo", header: AllegationCSV.columns, rows: allegationRows) == allegations)
        let open = LADOMeasures.open.figure(allegations, period: .financialYear(containing: asOf))
        #expect(open.rows.contains { $0.detail.contains("over 12 months") })
    }
}
