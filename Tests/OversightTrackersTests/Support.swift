import Foundation
import OversightCore
import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite

func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// The stores the tracker contract runs against: in memory, SQLite (file) and PostgreSQL, unless
/// `OVERSIGHT_SKIP_POSTGRES=1` leaves PostgreSQL out on purpose.
enum TrackerStoreKind: String, CaseIterable, CustomStringConvertible {
    case memory, sqlite, postgres
    var description: String { rawValue }

    static var tested: [TrackerStoreKind] {
        ProcessInfo.processInfo.environment["OVERSIGHT_SKIP_POSTGRES"] == "1" ? [.memory, .sqlite] : allCases
    }

    struct PostgresNotConfigured: Error, CustomStringConvertible {
        var description: String { "OVERSIGHT_TEST_POSTGRES is not set: run `bash scripts/test`, or set OVERSIGHT_SKIP_POSTGRES=1" }
    }

    func make() throws -> (store: any AllegationStore & PartnerNotificationStore, cleanup: () -> Void) {
        switch self {
        case .memory:
            return (InMemoryTrackerStore(), {})
        case .sqlite:
            let directory = NSTemporaryDirectory() + "oversight-trackers-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return (try SQLiteCaseRecordStore(path: directory + "/test.sqlite"), { try? FileManager.default.removeItem(atPath: directory) })
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["OVERSIGHT_TEST_POSTGRES"], !url.isEmpty else { throw PostgresNotConfigured() }
            let store = try PostgresCaseRecordStore.temporary(url: url)
            return (store, { store.close() })
        }
    }
}

/// An allegation with every part of the workflow filled in, closed with `outcome`.
func allegation(
    _ id: String, received: String, decided: String? = nil, outcome: AllegationOutcome? = nil, closed: String? = nil, born: String? = "1980-06-01",
    officer: String = "Lee Adebayo", meetsThreshold: Bool? = nil
) -> Allegation {
    Allegation(
        id: Identifier(id), receivedOn: d(received), referrer: "Designated safeguarding lead", referrerOrganisation: "School",
        subject: AllegationSubject(name: "Alex Carver", role: "Teacher", dateOfBirth: born.map(d)), employer: "Carver Academy",
        sector: .education, harmTests: [.harmedChild, .transferableRisk],
        children: [AllegationChild(childID: "C1001", description: "known to the authority"), AllegationChild(childID: nil, description: "pupil in year 9")],
        officer: officer, initialConsiderationOn: decided.map(d), meetsThreshold: meetsThreshold ?? (outcome != nil ? true : nil),
        meetings: outcome != nil ? [AllegationMeeting(kind: .strategy, heldOn: d(received).adding(days: 3))] : [],
        investigations: outcome != nil ? [AllegationInvestigation(kind: .police, startedOn: d(received).adding(days: 3), concludedOn: closed.map(d))] : [],
        disciplinary: outcome != nil ? DisciplinaryProcess(startedOn: d(received).adding(days: 10), concludedOn: closed.map(d)) : nil,
        outcome: outcome, outcomeOn: outcome != nil ? closed.map(d) : nil,
        referrals: outcome == .substantiated ? [RegulatorReferral(body: .teachingRegulationAgency, referredOn: d(closed!))] : [],
        closedOn: closed.map(d))
}

func notification(_ id: String, source: NotificationSource = .police, received: String, screened: String? = nil) -> PartnerNotification {
    PartnerNotification(
        id: Identifier(id), source: source, reference: "POL/\(id)", receivedOn: d(received), category: "domestic abuse",
        screenedOn: screened.map(d), screenedBy: screened == nil ? nil : "MASH screener A", linkedFamily: screened == nil ? nil : "Family 1",
        outcome: screened == nil ? nil : .sharedWithSchool, outcomeOn: screened.map(d))
}

/// CSV text split the simple way the tests' files allow (no quoted commas): header, then numbered rows from line 2.
func csv(_ text: String) -> (header: [String], rows: [(line: Int, fields: [String])]) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    let split = { (line: String) in line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    return (split(lines[0]), lines.dropFirst().enumerated().map { (line: $0.offset + 2, fields: split($0.element)) })
}
