import Foundation
import OversightCore
import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite
import OversightTrackers
import Testing

/// The stores the tracker records are kept in: SQLite (in memory and on disk) and PostgreSQL, as the other contract
/// suites run them; PostgreSQL only when `OVERSIGHT_SKIP_POSTGRES=1` does not leave it out on purpose.
enum EscalationSENDStoreKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, sqliteMemory, sqliteFile, postgres
    var testDescription: String { rawValue }

    static var tested: [EscalationSENDStoreKind] {
        ProcessInfo.processInfo.environment["OVERSIGHT_SKIP_POSTGRES"] == "1" ? allCases.filter { $0 != .postgres } : allCases
    }

    func make() throws -> (store: any TrackerDocumentStore, cleanup: () -> Void) {
        switch self {
        case .memory:
            return (InMemoryTrackerDocumentStore(), {})
        case .sqliteMemory:
            return (try SQLiteCaseRecordStore(inMemoryNamed: UUID().uuidString), {})
        case .sqliteFile:
            let directory = NSTemporaryDirectory() + "oversight-trackers-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return (try SQLiteCaseRecordStore(path: directory + "/test.sqlite"), { try? FileManager.default.removeItem(atPath: directory) })
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["OVERSIGHT_TEST_POSTGRES"], !url.isEmpty else {
                throw StorageError.cannotOpen(path: "OVERSIGHT_TEST_POSTGRES", reason: "not set; set it, or OVERSIGHT_SKIP_POSTGRES=1 to leave PostgreSQL out")
            }
            let store = try PostgresCaseRecordStore.temporary(url: url)
            return (store, { store.close() })
        }
    }
}

@Suite("Tracker store contract: escalations, IRO reviews and SEND records on every store", .serialized)
struct EscalationSENDStoreTests {
    static let escalation = Escalation(
        id: "E1", child: "C1", raisedBy: "IRO A", concern: .permanenceDrift,
        steps: [step(.informal, "2024-03-25"), step(.formal1, "2024-04-08")], actions: ["Hold a permanence meeting", "Name the adopter's social worker"])

    @Test("Records round-trip whole; saving the same ID again replaces it; each table keeps its own", arguments: EscalationSENDStoreKind.tested)
    func roundTrip(kind: EscalationSENDStoreKind) throws {
        let (store, cleanup) = try kind.make()
        defer { cleanup() }
        #expect(try store.fetchEscalations().isEmpty)
        var second = Self.escalation
        second.id = "E2"
        second.child = "C2"
        try store.saveEscalations([second, Self.escalation])
        #expect(try store.fetchEscalations() == [Self.escalation, second])
        var resolved = Self.escalation
        resolved.resolvedOn = d("2024-04-10")
        resolved.resolution = "Meeting held; plan updated – “quoted” text survives"
        try store.saveEscalations([resolved])
        #expect(try store.fetchEscalations() == [resolved, second])
        let review = IROReviewRecord(id: "R1", child: "C1", kind: .childProtection, heldOn: d("2024-01-02"), decisionsRecordedOn: nil, chairedBy: "IRO B")
        try store.saveReviewRecords([review])
        let assessment = EHCNeedsAssessment(
            id: "Q1", child: "C3", requestReceived: d("2024-01-01"), decision: .assess, decisionOn: d("2024-02-01"),
            finalPlanIssuedOn: d("2024-05-20"), exception: .missedAppointment, needTypes: ["ASD"])
        try store.saveNeedsAssessments([assessment])
        let annual = EHCAnnualReview(id: "A1", child: "C3", dueOn: d("2025-05-20"), heldOn: d("2025-05-21"), outcome: .amend)
        try store.saveAnnualReviews([annual])
        let referral = WaitingListReferral(id: "W1", child: "C4", pathway: .communityPaediatrics, referredOn: d("2023-03-01"))
        try store.saveWaitingListReferrals([referral])
        #expect(try store.fetchReviewRecords() == [review])
        #expect(try store.fetchNeedsAssessments() == [assessment])
        #expect(try store.fetchAnnualReviews() == [annual])
        #expect(try store.fetchWaitingListReferrals() == [referral])
        #expect(try store.fetchEscalations().count == 2)
    }

    @Test("Records outlive imports: a reopened SQLite file still holds them")
    func survivesReopen() throws {
        let directory = NSTemporaryDirectory() + "oversight-trackers-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try SQLiteCaseRecordStore(path: directory + "/t.sqlite").saveEscalations([Self.escalation])
        #expect(try SQLiteCaseRecordStore(path: directory + "/t.sqlite").fetchEscalations() == [Self.escalation])
    }
}

@Suite("Demo tracker data")
struct EscalationSENDDemoDataTests {
    @Test("The same seed gives the same records; they fill every tracker and keep to their own rules")
    func deterministic() throws {
        let children = (0..<2000).map { Identifier<Child>(String(format: "P%05d", $0)) }
        let reviews = (0..<600).map { index in
            TrackerDemoData.ChairedReview(
                id: "CLA-\(index)", child: children[index % 300], kind: index % 4 == 0 ? .childProtection : .lookedAfter,
                heldOn: d("2024-01-01").adding(days: index))
        }
        let asOf = d("2025-08-31")
        let one = TrackerDemoData(reviews: reviews, children: children, asOf: asOf)
        let two = TrackerDemoData(reviews: reviews, children: children, asOf: asOf)
        #expect(one.escalations == two.escalations)
        #expect(one.assessments == two.assessments)
        #expect(one.referrals == two.referrals)
        #expect(!one.escalations.isEmpty && !one.reviewRecords.isEmpty && !one.assessments.isEmpty && !one.annualReviews.isEmpty && !one.referrals.isEmpty)
        // Every date is on or before the demo's "now", and stages climb.
        for escalation in one.escalations {
            #expect(escalation.steps.allSatisfy { $0.raisedOn <= asOf })
            #expect(zip(escalation.steps, escalation.steps.dropFirst()).allSatisfy { $0.stage < $1.stage && $0.raisedOn <= $1.raisedOn })
        }
        #expect(one.assessments.allSatisfy { ($0.finalPlanIssuedOn ?? asOf) <= asOf && $0.requestReceived <= asOf })
        let report = SENDReport(assessments: one.assessments, reviews: one.annualReviews, referrals: one.referrals, period: .rolling(months: 12, ending: asOf))
        let autism = report.pathways.first { $0.pathway == "asd" }!
        #expect((autism.averageWaitDays ?? 0) > 365)
        #expect(report.measures[0].denominator > 0)
    }
}
