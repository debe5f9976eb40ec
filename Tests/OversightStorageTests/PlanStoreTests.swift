import Foundation
import GRDB
import OversightCore
import OversightStorage
@testable import OversightStoragePostgres
@testable import OversightStorageSQLite
import Testing

/// A store holding improvement plans, with a way round it to the database for checks of what the database refuses.
struct PlanStoreUnderTest {
    var store: any PlanStore
    var execute: (String) throws -> Void
    var cleanup: () -> Void
}

extension StoreKind {
    /// Every store: the in-memory plan store stands in for the in-memory case-record store.
    static var planTested: [StoreKind] { tested }

    func makePlanStore() throws -> PlanStoreUnderTest {
        if self == .memory { return PlanStoreUnderTest(store: InMemoryPlanStore(), execute: { _ in throw NoAccessData(kind: .memory) }, cleanup: {}) }
        let (store, cleanup) = try make()
        switch store {
        case let sqlite as SQLiteCaseRecordStore:
            return PlanStoreUnderTest(
                store: sqlite, execute: { sql in try sqlite.writeCatalogue("tampering") { db in try db.execute(sql: sql) } }, cleanup: cleanup)
        case let postgres as PostgresCaseRecordStore:
            return PlanStoreUnderTest(store: postgres, execute: { sql in try postgres.executeInCatalogue("tampering", sql) }, cleanup: cleanup)
        default:
            cleanup()
            throw NoAccessData(kind: self)
        }
    }
}

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// A small plan in the 2022 plan's shape, with every optional part filled in.
private let plan = ImprovementPlan(
    id: "post-ofsted-2022", title: "Post Ofsted Inspection Action Plan", subtitle: "Our journey of continuous improvement",
    source: "Ofsted ILACS re-inspection", submitTo: "Ofsted", submitBy: d("2022-05-25"),
    governance: Governance(boardMeetsEveryMonths: 2, impactMeasuredEvery: "quarter", boardChair: "Independent chair"),
    recommendations: [
        Recommendation(
            number: 1, text: "Re-referrals", outcomesSought: ["Understanding", "Fewer re-referrals"],
            measures: [MeasureLink(measureID: "CIN-02", baseline: 27.5, target: 22), MeasureLink(measureID: "CIN-03")],
            actions: [
                Action(ref: "1.1", text: "Review the reasons", accountableLead: "Amanda Andrews", deadline: .date(d("2022-06-30"))),
                Action(ref: "1.2", text: "Act on the review", accountableLead: "Palvinder Kudhail", deadline: .date(d("2022-07-31"))),
            ]),
        Recommendation(number: 2, text: "Histories", outcomesSought: ["Told once"], actions: [
            Action(ref: "2.1", text: "Guidance", accountableLead: "Errol Albert", deadline: .text("Ongoing")),
        ]),
    ])

private func update(_ ref: String, _ rag: RAG, at: String) -> ActionUpdate {
    ActionUpdate(
        ref: ref, status: "Status \(at)", impact: "Impact", more: "More", rag: rag, by: "Amanda Andrews", at: at,
        evidence: ["https://example.org/\(ref)/\(at)"])
}

@Suite("Plan store contract: the same behaviour from SQLite and PostgreSQL")
struct PlanStoreTests {
    @Test("A saved plan reads back whole, in plan order", arguments: StoreKind.planTested)
    func roundTrip(kind: StoreKind) throws {
        let tested = try kind.makePlanStore()
        defer { tested.cleanup() }
        let store = tested.store
        #expect(try store.fetchPlans().isEmpty)
        #expect(try store.fetchPlan("post-ofsted-2022") == nil)
        try store.savePlan(plan)
        #expect(try store.fetchPlan(plan.id) == plan)
        var bare = ImprovementPlan(id: "wsoa-2023", title: "WSOA", source: "SEND inspection", recommendations: [])
        bare.ragScale = []
        try store.savePlan(bare)
        #expect(try store.fetchPlan(bare.id) == bare)
        let summaries = try store.fetchPlans()
        #expect(summaries.map(\.id) == ["post-ofsted-2022", "wsoa-2023"])
        #expect(summaries[0].recommendationCount == 2)
        #expect(summaries[0].actionCount == 3)
        #expect(summaries[0].submitBy == d("2022-05-25"))
    }

    @Test("A plan ID is stored once; a second save is refused and changes nothing", arguments: StoreKind.planTested)
    func duplicate(kind: StoreKind) throws {
        let tested = try kind.makePlanStore()
        defer { tested.cleanup() }
        try tested.store.savePlan(plan)
        var other = plan
        other.title = "Changed"
        #expect(throws: StorageError.planExists("post-ofsted-2022")) { try tested.store.savePlan(other) }
        #expect(try tested.store.fetchPlan(plan.id)?.title == plan.title)
    }

    @Test("Updates append in order, read back as of a date, and name only real plans and actions", arguments: StoreKind.planTested)
    func updates(kind: StoreKind) throws {
        let tested = try kind.makePlanStore()
        defer { tested.cleanup() }
        let store = tested.store
        try store.savePlan(plan, updates: [update("1.1", .green, at: "2022-06-01T09:00:00Z")])
        try store.appendUpdate(update("1.1", .amber, at: "2022-07-01T09:00:00Z"), to: plan.id)
        try store.appendUpdate(update("2.1", .green, at: "2022-07-01"), to: plan.id)
        try store.appendUpdate(update("1.1", .blue, at: "2022-08-01T23:59:59Z"), to: plan.id)
        let all = try store.fetchUpdates(plan: plan.id, asOf: nil)
        #expect(all.map(\.rag) == [.green, .amber, .green, .blue])
        #expect(all[0] == update("1.1", .green, at: "2022-06-01T09:00:00Z"))
        #expect(try store.fetchUpdates(plan: plan.id, asOf: d("2022-07-01")).map(\.at) == ["2022-06-01T09:00:00Z", "2022-07-01T09:00:00Z", "2022-07-01"])
        #expect(try store.fetchUpdates(plan: plan.id, asOf: d("2022-05-31")).isEmpty)
        #expect(try store.fetchUpdates(plan: plan.id, asOf: d("2022-08-01")).count == 4)
        #expect(try store.fetchPlans()[0].updateCount == 4)

        #expect(throws: StorageError.unknownAction(plan: "post-ofsted-2022", ref: "9.9")) {
            try store.appendUpdate(update("9.9", .red, at: "2022-08-01"), to: plan.id)
        }
        #expect(throws: StorageError.unknownPlan("nope")) { try store.appendUpdate(update("1.1", .red, at: "2022-08-01"), to: "nope") }
        #expect(throws: StorageError.unknownPlan("nope")) { try store.fetchUpdates(plan: "nope", asOf: nil) }
        #expect(throws: StorageError.undatedUpdate(ref: "1.1", at: "yesterday")) {
            try store.appendUpdate(update("1.1", .red, at: "yesterday"), to: plan.id)
        }
        #expect(try store.fetchUpdates(plan: plan.id, asOf: nil).count == 4)
    }

    @Test("A plan whose imported updates name an unknown action is not stored at all", arguments: StoreKind.planTested)
    func atomicSave(kind: StoreKind) throws {
        let tested = try kind.makePlanStore()
        defer { tested.cleanup() }
        #expect(throws: StorageError.unknownAction(plan: "post-ofsted-2022", ref: "8.1")) {
            try tested.store.savePlan(plan, updates: [update("1.1", .green, at: "2022-06-01"), update("8.1", .green, at: "2022-06-01")])
        }
        #expect(try tested.store.fetchPlans().isEmpty)
    }

    @Test("The database itself refuses to change or remove an update", arguments: StoreKind.accessTested)
    func appendOnly(kind: StoreKind) throws {
        let tested = try kind.makePlanStore()
        defer { tested.cleanup() }
        try tested.store.savePlan(plan, updates: [update("1.1", .green, at: "2022-06-01")])
        #expect(throws: (any Error).self) { try tested.execute("UPDATE action_update SET rag = 'R'") }
        #expect(throws: (any Error).self) { try tested.execute("DELETE FROM action_update") }
        #expect(try tested.store.fetchUpdates(plan: plan.id, asOf: nil).map(\.rag) == [.green])
    }
}

@Suite("Store contents count improvement plans")
struct StoreContentsPlanTests {
    @Test("A manifest written before plans existed still reads, with no plans")
    func olderManifest() throws {
        let json = #"{"extracts": 1, "users": 2, "sessions": 0, "apiTokens": 0, "restrictions": 0, "auditAssignments": 0, "accessLogEntries": 3}"#
        let contents = try JSONDecoder().decode(StoreContents.self, from: Data(json.utf8))
        #expect(contents == StoreContents(extracts: 1, users: 2, accessLogEntries: 3))
    }

    @Test("A database holding only a plan is not empty, so a restore will not replace it without --force")
    func planOnly() {
        let contents = StoreContents(plans: 1)
        #expect(!contents.isEmpty)
        #expect(contents.description == "1 improvement plan")
    }
}
