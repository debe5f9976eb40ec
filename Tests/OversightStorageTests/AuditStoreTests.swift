import Foundation
import GRDB
import OversightCore
import OversightStorage
@testable import OversightStoragePostgres
@testable import OversightStorageSQLite
import Testing

/// A store holding QA audits and plans, with a way round it to the database for checks of what the database refuses.
struct AuditStoreUnderTest {
    var store: any AuditStore & LearningStore & PlanStore
    var execute: (String) throws -> Void
    var cleanup: () -> Void
}

extension StoreKind {
    /// The stores that keep audits: the SQLite and PostgreSQL catalogues.
    static var auditTested: [StoreKind] { tested.filter { $0 != .memory } }

    func makeAuditStore() throws -> AuditStoreUnderTest {
        let (store, cleanup) = try make()
        switch store {
        case let sqlite as SQLiteCaseRecordStore:
            return AuditStoreUnderTest(
                store: sqlite, execute: { sql in try sqlite.writeCatalogue("tampering") { db in try db.execute(sql: sql) } }, cleanup: cleanup)
        case let postgres as PostgresCaseRecordStore:
            return AuditStoreUnderTest(store: postgres, execute: { sql in try postgres.executeInCatalogue("tampering", sql) }, cleanup: cleanup)
        default:
            cleanup()
            throw NoAccessData(kind: self)
        }
    }
}

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

private let sample = AuditSample(
    id: "dip-2-3", title: "Dip sample: family history in assessments (plan action 2.3)", templateID: "thematic-dip-sample", templateVersion: 1,
    cohort: "measure CIN-07 numerator 2025-Q2", method: .stratified(by: .team), seed: 18_446_744_073_709_551_557, populationSize: 41,
    drawnOn: d("2025-07-01"), drawnBy: "Palvinder Kudhail",
    audits: [
        AuditAllocation(id: "dip-2-3-001", childID: "C1", teamID: "T1", workerID: "W1", stratum: "T1", auditor: "ann", dueBy: d("2025-07-29")),
        AuditAllocation(id: "dip-2-3-002", childID: "C2", teamID: nil, workerID: nil, stratum: "no team", auditor: "ben", dueBy: d("2025-07-29")),
    ])

private let record = AuditRecord(
    auditID: "dip-2-3-001",
    answers: [AuditAnswer(questionID: "TD1", grade: .good, evidence: "Chronology used"), AuditAnswer(questionID: "TD4", grade: nil, evidence: "n/a")],
    overallGrade: .good,
    collaboration: Collaboration(workerTookPart: true, managerTookPart: true, feedback: "Strong analysis", feedbackGivenOn: d("2025-07-12")),
    findings: [AuditFinding(text: "Chronology not updated since 2023", themes: ["history-not-used"], needsCaseAction: true)],
    recordedBy: "ann", recordedAt: "2025-07-10T10:00:00Z")

private let plan = ImprovementPlan(id: "ofsted-2022", title: "Post Ofsted Inspection Action Plan", source: "Ofsted", recommendations: [
    Recommendation(number: 2, text: "Assessments", outcomesSought: [], actions: [
        Action(ref: "2.1", text: "Assessment guidance", accountableLead: "Errol Albert", deadline: .date(d("2022-06-30"))),
        Action(ref: "2.3", text: "Dip sample assessments", accountableLead: "Palvinder Kudhail", deadline: .date(d("2022-09-30"))),
    ]),
])

@Suite("Audit store contract: the same behaviour from SQLite and PostgreSQL")
struct AuditStoreTests {
    @Test("A sample reads back whole, seed and allocations included; its ID and its audits' IDs cannot be reused", arguments: StoreKind.auditTested)
    func samples(kind: StoreKind) throws {
        let tested = try kind.makeAuditStore()
        defer { tested.cleanup() }
        let store = tested.store
        #expect(try store.fetchSamples().isEmpty)
        try store.saveSample(sample)
        #expect(try store.fetchSamples() == [sample])
        let audits = try store.fetchAudits(sample: sample.id)
        #expect(audits.map(\.allocation) == sample.audits)
        #expect(audits.allSatisfy { $0.templateID == "thematic-dip-sample" && $0.templateVersion == 1 && $0.records.isEmpty })
        #expect(throws: AuditStoreError.sampleExists("dip-2-3")) { try store.saveSample(sample) }
        var clash = sample
        clash.id = "other"
        #expect(throws: AuditStoreError.auditExists("dip-2-3-001")) { try store.saveSample(clash) }
        #expect(try store.fetchSamples().count == 1)
        #expect(try store.fetchAudits(sample: "none").isEmpty)
    }

    @Test("Moderation that changes a grade keeps the auditor's grade and every moderation; the database refuses edits", arguments: StoreKind.auditTested)
    func moderation(kind: StoreKind) throws {
        let tested = try kind.makeAuditStore()
        defer { tested.cleanup() }
        let store = tested.store
        try store.saveSample(sample)
        let early = Moderation(auditID: "dip-2-3-001", moderator: "ben", gradeBefore: .good, gradeAfter: .good, reason: "", at: "2025-07-11")
        #expect(throws: AuditStoreError.notYetRecorded(audit: "dip-2-3-001")) { try store.appendModeration(early) }
        var byOther = record
        byOther.recordedBy = "ben"
        #expect(throws: AuditStoreError.notTheAuditor(audit: "dip-2-3-001", auditor: "ann", username: "ben")) { try store.appendRecord(byOther) }
        try store.appendRecord(record)
        #expect(throws: AuditStoreError.moderatorIsAuditor(audit: "dip-2-3-001", username: "ann")) {
            try store.appendModeration(Moderation(auditID: "dip-2-3-001", moderator: "ann", gradeBefore: .good, gradeAfter: .outstanding, reason: "", at: "2025-07-12"))
        }
        let change = Moderation(
            auditID: "dip-2-3-001", moderator: "ben", gradeBefore: .good, gradeAfter: .requiresImprovement, reason: "History listed but not analysed",
            at: "2025-07-20T15:00:00Z")
        try store.appendModeration(change)
        let audit = try #require(try store.fetchAudits(sample: nil).first { $0.id == "dip-2-3-001" })
        #expect(audit.records == [record])
        #expect(audit.moderations == [change])
        #expect(audit.auditorGrade == .good)
        #expect(audit.grade == .requiresImprovement)
        #expect(throws: AuditStoreError.unknownAudit("nope")) { try store.appendRecord(AuditRecord(auditID: "nope", answers: [], overallGrade: .good, recordedBy: "x", recordedAt: "2025-07-01")) }
        for sql in [
            "UPDATE audit_moderation SET grade_after = 'good'", "DELETE FROM audit_moderation", "UPDATE audit_record SET grade = 'outstanding'",
            "DELETE FROM audit_record",
        ] {
            #expect(throws: StorageError.self, "\(sql)") { try tested.execute(sql) }
        }
        #expect(try store.fetchAudits(sample: nil).first { $0.id == "dip-2-3-001" }?.grade == .requiresImprovement)
    }

    @Test("A case action moves open → in progress → completed, refuses a move the lifecycle forbids, and keeps every event", arguments: StoreKind.auditTested)
    func caseActions(kind: StoreKind) throws {
        let tested = try kind.makeAuditStore()
        defer { tested.cleanup() }
        let store = tested.store
        try store.saveSample(sample)
        let action = CaseAction(
            id: "dip-2-3-001-A1", auditID: "dip-2-3-001", childID: "C1", finding: "Update the chronology", owner: "W1", dueBy: d("2025-08-15"),
            raisedBy: "ann", raisedOn: d("2025-07-10"))
        try store.raiseCaseAction(action)
        #expect(throws: AuditStoreError.caseActionExists("dip-2-3-001-A1")) { try store.raiseCaseAction(action) }
        #expect(try store.fetchCaseActions().map { $0.status() } == [.open])
        try store.appendCaseActionEvent(CaseActionEvent(actionID: action.id, status: .inProgress, note: "Started", by: "W1", at: "2025-07-15T09:00:00Z"))
        #expect(throws: AuditStoreError.lifecycle(.notAllowed(action: "dip-2-3-001-A1", from: .inProgress, to: .open))) {
            try store.appendCaseActionEvent(CaseActionEvent(actionID: action.id, status: .open, note: "", by: "W1", at: "2025-07-16"))
        }
        try store.appendCaseActionEvent(CaseActionEvent(actionID: action.id, status: .completed, note: "Chronology updated", by: "W1", at: "2025-08-01T09:00:00Z"))
        let tracked = try #require(try store.fetchCaseActions().first)
        #expect(tracked.action == action)
        #expect(tracked.events.map(\.status) == [.inProgress, .completed])
        #expect(tracked.status() == .completed)
        #expect(tracked.status(asOf: d("2025-07-20")) == .inProgress)
        #expect(throws: AuditStoreError.unknownCaseAction("none")) {
            try store.appendCaseActionEvent(CaseActionEvent(actionID: "none", status: .completed, note: "", by: "W1", at: "2025-08-01"))
        }
        #expect(throws: StorageError.self) { try tested.execute("DELETE FROM case_action_event") }
    }

    @Test("A learning theme links to a plan action, or raises a new one numbered after the recommendation's last", arguments: StoreKind.auditTested)
    func themes(kind: StoreKind) throws {
        let tested = try kind.makeAuditStore()
        defer { tested.cleanup() }
        let store = tested.store
        try store.savePlan(plan)
        try store.saveTheme(LearningTheme(id: "history-not-used", title: "Family history not used", practiceArea: .useOfHistory))
        try store.saveTheme(LearningTheme(id: "voice", title: "Child's voice not recorded"))
        #expect(throws: AuditStoreError.unknownTheme("nope")) { try store.linkTheme("nope", to: .existing(PlanActionReference(planID: "ofsted-2022", ref: "2.3"))) }
        #expect(throws: AuditStoreError.storage(.unknownAction(plan: "ofsted-2022", ref: "9.9"))) {
            try store.linkTheme("voice", to: .existing(PlanActionReference(planID: "ofsted-2022", ref: "9.9")))
        }
        try store.linkTheme("history-not-used", to: .existing(PlanActionReference(planID: "ofsted-2022", ref: "2.3")))
        let raised = try store.linkTheme(
            "voice", to: .raise(plan: "ofsted-2022", recommendation: 2, text: "Practice guidance on recording the child's voice", lead: "PSW", deadline: .date(d("2025-12-31"))))
        #expect(raised == PlanActionReference(planID: "ofsted-2022", ref: "2.4"))
        #expect(throws: AuditStoreError.unknownRecommendation(plan: "ofsted-2022", number: 7)) {
            try store.linkTheme("voice", to: .raise(plan: "ofsted-2022", recommendation: 7, text: "x", lead: "y", deadline: .text("Ongoing")))
        }
        let stored = try store.fetchPlan("ofsted-2022")
        #expect(stored?.actions.map(\.ref) == ["2.1", "2.3", "2.4"])
        #expect(stored?.action("2.4")?.accountableLead == "PSW")
        // Updates can be recorded against the raised action like any other.
        try store.appendUpdate(ActionUpdate(ref: "2.4", status: "Drafted", impact: "", more: "", rag: .amber, by: "PSW", at: "2025-08-01"), to: "ofsted-2022")
        #expect(try store.fetchThemes() == [
            LearningTheme(id: "history-not-used", title: "Family history not used", practiceArea: .useOfHistory, planAction: PlanActionReference(planID: "ofsted-2022", ref: "2.3")),
            LearningTheme(id: "voice", title: "Child's voice not recorded", planAction: raised),
        ])
        try store.saveTheme(LearningTheme(id: "voice", title: "The child's voice"))
        #expect(try store.fetchThemes().last?.planAction == raised)
    }

    @Test("Saved filters and spot-check schedules read back; a check done moves the next due date on", arguments: StoreKind.auditTested)
    func filtersAndSpotChecks(kind: StoreKind) throws {
        let tested = try kind.makeAuditStore()
        defer { tested.cleanup() }
        let store = tested.store
        try store.saveFilter(.placedWithParents)
        try store.saveFilter(.sixteenSeventeenReferred)
        var changed = SavedFilter.placedWithParents
        changed.description = "P1 under C1 or C2"
        try store.saveFilter(changed)
        #expect(try store.fetchFilters() == [.sixteenSeventeenReferred, changed])
        let schedule = SpotCheckSchedule(id: "pwp", title: "Placed with parents", cohort: "placed-with-parents", everyMonths: 6, firstDue: d("2025-03-31"))
        try store.saveSpotCheck(schedule)
        try store.recordSpotCheck("pwp", doneOn: d("2025-04-10"))
        #expect(throws: AuditStoreError.unknownSpotCheck("x")) { try store.recordSpotCheck("x", doneOn: d("2025-04-10")) }
        var rescheduled = schedule
        rescheduled.everyMonths = 3
        try store.saveSpotCheck(rescheduled)
        let stored = try store.fetchSpotChecks()
        #expect(stored.map(\.completed) == [[d("2025-04-10")]])
        #expect(stored.first?.nextDue == d("2025-07-10"))
    }
}
