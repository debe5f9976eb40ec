import Foundation
import OversightCore
import OversightMeasures
import OversightStorage
import OversightStorageSQLite
@testable import OversightTrackers
import Testing

@Suite("LADO timescales")
struct LADOTimescaleTests {
    let calendar = WorkingDayCalendar.englandAndWales

    /// Received on Maundy Thursday 2025: Good Friday and Easter Monday stop the clock, so Tuesday is the one working day.
    @Test(arguments: [
        ("2025-04-17", "2025-04-17", true), ("2025-04-17", "2025-04-22", true), ("2025-04-17", "2025-04-23", false),
        ("2025-12-24", "2025-12-29", true), ("2025-12-24", "2025-12-30", false),
        ("2025-06-13", "2025-06-16", true), ("2025-06-13", "2025-06-17", false),
    ])
    func decisionWithinOneWorkingDay(received: String, decided: String, inTime: Bool) {
        let referral = allegation("A1", received: received, decided: decided)
        #expect(AllegationTimescales.isDecisionInTime(referral, calendar: calendar) == inTime)
        let row = LADOMeasures.decisionInTime.figure([referral], period: .financialYear(containing: d(received)), calendar: calendar).rows
        #expect(row.map(\.inNumerator) == [inTime])
    }

    @Test func undecidedAllegationIsNotInTime() {
        let figure = LADOMeasures.decisionInTime.figure([allegation("A1", received: "2025-05-01")], period: .financialYear(containing: d("2025-05-01")))
        #expect(figure.numerator == 0 && figure.denominator == 1)
        #expect(figure.rows[0].detail.contains("no decision recorded"))
    }

    /// One calendar month from 31 January ends on the last day of February.
    @Test(arguments: [
        ("2025-01-31", "2025-02-28", 1, true), ("2025-01-31", "2025-03-01", 1, false),
        ("2025-01-15", "2025-04-15", 3, true), ("2025-01-15", "2025-04-16", 3, false),
        ("2024-03-01", "2025-03-01", 12, true), ("2024-03-01", "2025-03-02", 12, false),
    ])
    func resolutionAtTheMonthBoundary(received: String, closed: String, months: Int, within: Bool) {
        let closedAllegation = allegation("A1", received: received, decided: received, outcome: .unfounded, closed: closed)
        #expect(AllegationTimescales.isResolved(closedAllegation, withinMonths: months) == within)
    }

    @Test func openAgeBands() {
        #expect(OpenAllegationAge(received: d("2025-01-31"), on: d("2025-02-28")) == .underOneMonth)
        #expect(OpenAllegationAge(received: d("2025-01-31"), on: d("2025-03-01")) == .oneToThreeMonths)
        #expect(OpenAllegationAge(received: d("2024-01-01"), on: d("2025-01-02")) == .overTwelveMonths)
    }
}

@Suite("LADO measures")
struct LADOMeasureTests {
    let period = ReportingPeriod.financialYear(containing: d("2025-06-01"))
    var allegations: [Allegation] {
        [
            allegation("A1", received: "2025-04-17", decided: "2025-04-22", outcome: .substantiated, closed: "2025-05-10"),
            allegation("A2", received: "2025-05-01", decided: "2025-05-06", outcome: .unfounded, closed: "2025-09-30", officer: "Dani Okafor"),
            allegation("A3", received: "2025-06-02", decided: "2025-06-02", meetsThreshold: false),
            allegation("A4", received: "2025-07-01", decided: "2025-07-02", officer: "Dani Okafor", meetsThreshold: true),
            allegation("A5", received: "2025-12-01", decided: "2025-12-02", meetsThreshold: true),
            allegation("OLD", received: "2024-01-10", decided: "2024-01-11", meetsThreshold: true),
        ]
    }

    @Test func receivedConversionAndDecision() {
        #expect(LADOMeasures.received.figure(allegations, period: period).numerator == 5)
        let conversion = LADOMeasures.conversion.figure(allegations, period: period)
        #expect((conversion.numerator, conversion.denominator) == (4, 5))
        #expect(conversion.formatted == "80.0%")
        // A2 was decided on the third working day after the early May bank holiday weekend.
        let decision = LADOMeasures.decisionInTime.figure(allegations, period: period)
        #expect((decision.numerator, decision.denominator) == (4, 5))
        #expect(decision.rows.first { $0.record == "A2" }?.inNumerator == false)
    }

    @Test func resolutionCountsClosuresInThePeriod() {
        let figures = LADOMeasures.resolution.map { $0.figure(allegations, period: period) }
        #expect(figures.map(\.id) == ["LADO-04", "LADO-05", "LADO-06", "LADO-07"])
        #expect(figures.map(\.numerator) == [1, 1, 2, 2])
        #expect(figures.allSatisfy { $0.denominator == 2 })
    }

    @Test func openAllegationsAndCaseload() {
        let open = LADOMeasures.open.figure(allegations, period: period)
        #expect(open.rows.map(\.record) == ["OLD", "A3", "A4", "A5"])
        #expect(open.rows[0].detail.contains("over 12 months"))
        let caseload = LADOMeasures.caseload.figure(allegations, period: period)
        // Four open allegations held by two officers.
        #expect((caseload.numerator, caseload.denominator) == (4, 2))
        #expect(caseload.formatted == "2.0")
    }

    /// Mid-year, the at-the-end figures are taken on the day of the report, never on a day still to come.
    @Test func openFiguresStopAtTheAsOfDay() {
        let open = LADOMeasures.open.figure(allegations, period: period, asOf: d("2025-07-15"))
        #expect(open.end == "2025-07-15")
        #expect(open.rows.map(\.record) == ["OLD", "A2", "A3", "A4"])
        #expect(open.rows.last?.detail == "received 2025-07-01, open 14 days: under 1 month")
        // An as-of after the period's end changes nothing.
        #expect(LADOMeasures.open.figure(allegations, period: period, asOf: d("2026-06-01")) == LADOMeasures.open.figure(allegations, period: period))
    }

    @Test func catalogueIsComplete() {
        #expect(LADOMeasures.all.map(\.id) == (1...9).map { "LADO-0\($0)" })
    }
}

@Suite("LADO retention")
struct LADORetentionTests {
    let schedule = RetentionSchedule()

    @Test func longOutcomesKeptToRetirementOrTenYears() {
        // Born 1980: retirement at 67 in 2047, later than ten years from 2025.
        let older = allegation("A1", received: "2025-01-10", decided: "2025-01-10", outcome: .substantiated, closed: "2025-03-01", born: "1980-06-01")
        #expect(schedule.retention(of: older) == .keepUntil(d("2047-06-01"), reason: "substantiated: to normal retirement age (67)"))
        // Born 1960: retirement in 2027, so ten years from the allegation is longer.
        let nearRetirement = allegation(
            "A2", received: "2025-01-10", decided: "2025-01-10", outcome: .unsubstantiated, closed: "2025-03-01", born: "1960-02-01")
        #expect(schedule.retention(of: nearRetirement) == .keepUntil(d("2035-01-10"), reason: "unsubstantiated: 10 years from the allegation"))
        let unknownAge = allegation("A3", received: "2025-01-10", decided: "2025-01-10", outcome: .substantiated, closed: "2025-03-01", born: nil)
        #expect(schedule.retention(of: unknownAge) == .needsDateOfBirth)
        #expect(schedule.retention(of: allegation("A4", received: "2025-01-10")) == .keepWhileOpen)
    }

    @Test(arguments: [AllegationOutcome.false, .malicious, .unfounded])
    func shortOutcomesKeptTwelveMonthsFromClosure(outcome: AllegationOutcome) {
        let closed = allegation("A1", received: "2024-01-10", decided: "2024-01-10", outcome: outcome, closed: "2024-03-01")
        #expect(schedule.retention(of: closed) == .keepUntil(d("2025-03-01"), reason: "\(outcome.rawValue): 12 months from closure"))
        // Kept through the last day of retention; due the day after.
        #expect(schedule.due([closed], on: d("2025-03-01")).isEmpty)
        #expect(schedule.due([closed], on: d("2025-03-02")).map(\.allegationID) == ["A1"])
    }

    @Test(arguments: TrackerStoreKind.tested)
    func purgeWithDryRun(kind: TrackerStoreKind) throws {
        let (store, cleanup) = try kind.make()
        defer { cleanup() }
        try store.saveAllegations([
            allegation("KEEP-OPEN", received: "2020-01-10", decided: "2020-01-10", meetsThreshold: true),
            allegation("KEEP-LONG", received: "2020-01-10", decided: "2020-01-10", outcome: .substantiated, closed: "2020-03-01"),
            allegation("GO-FALSE", received: "2020-01-10", decided: "2020-01-10", outcome: .false, closed: "2020-03-01"),
            allegation("GO-NFA", received: "2020-01-10", decided: "2020-01-10", closed: "2020-01-11", meetsThreshold: false),
        ])
        let listed = try AllegationPurge.run(store, asOf: d("2026-01-01"), dryRun: true)
        #expect(listed.map(\.allegationID) == ["GO-FALSE", "GO-NFA"])
        #expect(try store.fetchAllegations().count == 4)
        #expect(try store.fetchDisposals().isEmpty)

        let purged = try AllegationPurge.run(store, asOf: d("2026-01-01"), dryRun: false)
        #expect(purged == listed)
        #expect(try store.fetchAllegations().map(\.id) == ["KEEP-LONG", "KEEP-OPEN"])
        #expect(try store.fetchAllegation("GO-FALSE") == nil)
        let disposals = try store.fetchDisposals()
        #expect(disposals.map(\.allegationID) == ["GO-FALSE", "GO-NFA"])
        #expect(disposals[0].outcome == .false && disposals[0].retainedUntil == d("2021-03-01") && disposals[0].disposedOn == d("2026-01-01"))
        #expect(disposals[1].outcome == nil)
        // A second run finds nothing left to do.
        #expect(try AllegationPurge.run(store, asOf: d("2026-01-01"), dryRun: false).isEmpty)
    }
}

@Suite("LADO access")
struct LADOAccessTests {
    @Test(arguments: Role.allCases)
    func onlyTheLADOTeamOpensAllegations(role: Role) {
        let outside = UserAccount(username: "u", displayName: "U", role: role, teamID: "T1")
        #expect(!LADOAccessPolicy.decide(outside).isAllowed)
        #expect(LADOAccessPolicy.decide(outside).reason == "allegations are restricted to the LADO team")
        let inside = UserAccount(username: "u", displayName: "U", role: role, teamID: LADOAccessPolicy.defaultTeamID)
        #expect(LADOAccessPolicy.decide(inside).isAllowed == (role != .boardMember))
    }

    @Test func disabledAccountIsRefused() {
        let user = UserAccount(username: "lado", displayName: "L", role: .socialWorker, teamID: "LADO", isActive: false)
        #expect(LADOAccessPolicy.decide(user) == .denied("account disabled"))
    }
}

@Suite("LADO CSV")
struct AllegationCSVTests {
    static let header = AllegationCSV.columns.joined(separator: ",")

    @Test func roundTripsThroughTheFormat() throws {
        let allegations = [
            allegation("A1", received: "2025-04-17", decided: "2025-04-22", outcome: .substantiated, closed: "2025-05-10"),
            allegation("A2", received: "2025-06-02", decided: "2025-06-02", meetsThreshold: false),
        ]
        let rows = allegations.enumerated().map { (line: $0.offset + 2, fields: AllegationCSV.fields($0.element)) }
        #expect(try AllegationCSV.parse(file: "lado.csv", header: AllegationCSV.columns, rows: rows) == allegations)
    }

    @Test func badRowRejectsTheWholeFileNamingTheRow() {
        let good = AllegationCSV.fields(allegation("A1", received: "2025-04-17", decided: "2025-04-22")).joined(separator: ",")
        var bad = AllegationCSV.fields(allegation("A2", received: "2025-04-17", decided: "2025-04-22"))
        bad[AllegationCSV.columns.firstIndex(of: "sector")!] = "astronaut"
        let file = csv([Self.header, good, bad.joined(separator: ","), good.replacingOccurrences(of: "A1", with: "A3")].joined(separator: "\n"))
        #expect(throws: TrackerImportError(file: "lado.csv", problems: [.init(
            file: "lado.csv", line: 3, column: "sector",
            message: "'astronaut' is not one of education, health, early-years, foster-carer, residential-care, social-care, police, faith, sport, voluntary, transport, other")
        ])) { try AllegationCSV.parse(file: "lado.csv", header: file.header, rows: file.rows) }
    }

    @Test func decisionBeforeReceiptIsRefused() {
        let row = AllegationCSV.fields(allegation("A1", received: "2025-04-17", decided: "2025-04-16")).joined(separator: ",")
        let file = csv(Self.header + "\n" + row)
        #expect(throws: TrackerImportError(file: "lado.csv", problems: [.init(
            file: "lado.csv", line: 2, column: "initial_consideration_on", message: "'2025-04-16' is before received_on 2025-04-17")
        ])) { try AllegationCSV.parse(file: "lado.csv", header: file.header, rows: file.rows) }
    }
}

@Suite("Tracker stores")
struct TrackerStoreTests {
    @Test(arguments: TrackerStoreKind.tested)
    func allegationsAreSavedWholeAndReplaced(kind: TrackerStoreKind) throws {
        let (store, cleanup) = try kind.make()
        defer { cleanup() }
        var open = allegation("A2", received: "2025-04-17", decided: "2025-04-22", meetsThreshold: true)
        let closed = allegation("A1", received: "2025-04-17", decided: "2025-04-22", outcome: .substantiated, closed: "2025-05-10")
        try store.saveAllegations([open, closed])
        #expect(try store.fetchAllegations() == [closed, open])
        open.outcome = .unfounded
        open.outcomeOn = d("2025-06-01")
        open.closedOn = d("2025-06-01")
        try store.saveAllegations([open])
        #expect(try store.fetchAllegation("A2") == open)
        #expect(try store.fetchAllegations().count == 2)
        #expect(throws: StorageError.self) { try store.disposeAllegations([
            AllegationDisposal(allegationID: "NOPE", outcome: nil, closedOn: d("2025-01-01"), retainedUntil: d("2025-01-01"), reason: "r", disposedOn: d("2026-01-01")),
        ]) }
    }

    @Test(arguments: TrackerStoreKind.tested)
    func notificationsAreAddedOnceAndMovedOn(kind: TrackerStoreKind) throws {
        let (store, cleanup) = try kind.make()
        defer { cleanup() }
        try store.addNotifications([notification("N2", received: "2025-04-17"), notification("N1", received: "2025-04-16", screened: "2025-04-17")])
        // A batch with one ID already stored adds nothing.
        #expect(throws: StorageError.self) { try store.addNotifications([notification("N3", received: "2025-04-18"), notification("N1", received: "2025-04-16")]) }
        #expect(try store.fetchNotifications().map(\.id) == ["N1", "N2"])
        let screened = notification("N2", received: "2025-04-17", screened: "2025-04-22")
        try store.updateNotification(screened)
        #expect(try store.fetchNotifications().last == screened)
        #expect(throws: StorageError.self) { try store.updateNotification(notification("N9", received: "2025-04-17")) }
    }
}

@Suite("Tracker records in backups")
struct TrackerBackupTests {
    /// A backup carries allegations, disposals and notifications; a database holding only them is not empty.
    @Test func sqliteBackupCarriesTheTrackers() throws {
        let work = NSTemporaryDirectory() + "oversight-trackers-backup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let store = try SQLiteCaseRecordStore(path: work + "/source.sqlite")
        try store.saveAllegations([
            allegation("A1", received: "2020-01-10", decided: "2020-01-10", outcome: .malicious, closed: "2020-03-01"),
            allegation("A2", received: "2025-04-17", decided: "2025-04-22", meetsThreshold: true),
        ])
        _ = try AllegationPurge.run(store, asOf: d("2026-01-01"), dryRun: false)
        try store.addNotifications([notification("N1", received: "2025-04-17")])
        let contents = try store.contents()
        #expect(contents.allegations == 1 && contents.notifications == 1 && !contents.isEmpty)
        #expect(contents.description == "1 LADO allegation, 1 partner notification")

        let manifest = try store.backup(to: work + "/backup", createdAt: "2026-01-02T09:00:00Z")
        #expect(manifest.contents.allegations == 1)
        _ = try SQLiteCaseRecordStore.restore(from: work + "/backup", to: work + "/copy.sqlite", force: false)
        let copy = try SQLiteCaseRecordStore(path: work + "/copy.sqlite")
        #expect(try copy.fetchAllegations() == store.fetchAllegations())
        #expect(try copy.fetchDisposals().map(\.allegationID) == ["A1"])
        #expect(try copy.fetchNotifications() == store.fetchNotifications())
    }
}
