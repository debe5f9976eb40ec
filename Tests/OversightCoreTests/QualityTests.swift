import OversightCore
import Testing

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

private let auditor = UserAccount(username: "ann", displayName: "Ann Auditor", role: .qualityAuditor)
private let secondAuditor = UserAccount(username: "ben", displayName: "Ben Auditor", role: .qualityAuditor)
private let manager = UserAccount(username: "tm", displayName: "Team Manager", role: .teamManager, teamID: "T1")

private func audit(_ id: String, child: String, auditor: String, team: String = "T1", grade: Grade? = nil, moderations: [Moderation] = []) -> Audit {
    Audit(
        allocation: AuditAllocation(id: Identifier(id), childID: Identifier(child), teamID: team, workerID: "W1", auditor: auditor, dueBy: d("2025-07-31")),
        sampleID: "S1", templateID: "case-file-audit", templateVersion: 1,
        records: grade.map { [AuditRecord(auditID: Identifier(id), answers: [], overallGrade: $0, recordedBy: auditor, recordedAt: "2025-07-10T10:00:00Z")] } ?? [],
        moderations: moderations)
}

@Suite("Grades on the Ofsted four-point scale")
struct GradeTests {
    @Test("Auditors' short forms read as grades", arguments: zip(
        ["Outstanding", "g", "RI", "requires improvement", "I", "4", "excellent"],
        [Grade.outstanding, .good, .requiresImprovement, .requiresImprovement, .inadequate, .inadequate, nil]))
    func parsing(text: String, expected: Grade?) {
        #expect(Grade(parsing: text) == expected)
    }

    @Test("A mean of grades rounds to the nearest, halves going to the worse grade", arguments: zip(
        [1.0, 1.4, 1.5, 2.49, 2.5, 3.2, 3.5, 4.0], [Grade.outstanding, .outstanding, .good, .good, .requiresImprovement, .requiresImprovement, .inadequate, .inadequate]))
    func mean(mean: Double, expected: Grade) {
        #expect(Grade(mean: mean) == expected)
    }

    @Test("Practice-area grades are the mean of that area's answered questions")
    func practiceAreaGrades() {
        let template = AuditTemplate(id: "t", version: 1, kind: .caseFileAudit, title: "T", purpose: "", questions: [
            AuditQuestion(id: "A", practiceArea: .assessmentQuality, text: "a"), AuditQuestion(id: "B", practiceArea: .assessmentQuality, text: "b"),
            AuditQuestion(id: "H", practiceArea: .useOfHistory, text: "h"), AuditQuestion(id: "S", practiceArea: .supervision, text: "s"),
        ])
        let record = AuditRecord(
            auditID: "X", answers: [
                AuditAnswer(questionID: "A", grade: .good, evidence: ""), AuditAnswer(questionID: "B", grade: .requiresImprovement, evidence: ""),
                AuditAnswer(questionID: "H", grade: .inadequate, evidence: ""), AuditAnswer(questionID: "S", grade: nil, evidence: "not applicable"),
            ], overallGrade: .requiresImprovement, recordedBy: "ann", recordedAt: "2025-07-10")
        #expect(record.grades(by: template) == [.assessmentQuality: .requiresImprovement, .useOfHistory: .inadequate])
    }
}

@Suite("Moderation keeps the auditor's grade and every change")
struct ModerationTests {
    @Test("A moderation that changes the grade changes the audit's grade; the auditor's grade and the history stay")
    func changesGrade() {
        let first = Moderation(auditID: "A1", moderator: "ben", gradeBefore: .good, gradeAfter: .requiresImprovement, reason: "No analysis of history", at: "2025-07-20")
        let moderated = audit("A1", child: "C1", auditor: "ann", grade: .good, moderations: [first])
        #expect(moderated.auditorGrade == .good)
        #expect(moderated.grade == .requiresImprovement)
        #expect(moderated.moderationAgreed == false)
        #expect(audit("A2", child: "C2", auditor: "ann", grade: .good).moderationAgreed == nil)
        let agreed = Moderation(auditID: "A3", moderator: "ben", gradeBefore: .good, gradeAfter: .good, reason: "", at: "2025-07-20")
        #expect(audit("A3", child: "C3", auditor: "ann", grade: .good, moderations: [agreed]).moderationAgreed == true)
    }
}

@Suite("The case action lifecycle")
struct CaseActionLifecycleTests {
    let action = CaseAction(
        id: "A1-A1", auditID: "A1", childID: "C1", finding: "Update the chronology", owner: "W1", dueBy: d("2025-08-15"), raisedBy: "ann",
        raisedOn: d("2025-07-10"))

    func event(_ status: CaseActionStatus, _ at: String, note: String = "") -> CaseActionEvent {
        CaseActionEvent(actionID: "A1-A1", status: status, note: note, by: "W1", at: at)
    }

    @Test("Open, in progress, completed: each status as of its day, overdue only while open past the due date")
    func lifecycle() throws {
        var tracked = TrackedCaseAction(action: action, events: [])
        #expect(tracked.status() == .open)
        #expect(!tracked.isOverdue(on: d("2025-08-15")))
        #expect(tracked.isOverdue(on: d("2025-08-16")))
        for next in [event(.inProgress, "2025-07-20T09:00:00Z"), event(.completed, "2025-08-20T09:00:00Z", note: "Chronology updated")] {
            try tracked.check(next)
            tracked.events.append(next)
        }
        #expect(tracked.status() == .completed)
        #expect(tracked.status(asOf: d("2025-07-19")) == .open)
        #expect(tracked.status(asOf: d("2025-08-01")) == .inProgress)
        #expect(tracked.completedOn == d("2025-08-20"))
        #expect(tracked.isOverdue(on: d("2025-08-18")))
        #expect(!tracked.isOverdue(on: d("2025-09-01")))
    }

    @Test("A completed action cannot go back to in progress, only be reopened; a withdrawal needs a reason")
    func refusals() throws {
        let done = TrackedCaseAction(action: action, events: [event(.completed, "2025-07-30")])
        #expect(throws: CaseActionError.notAllowed(action: "A1-A1", from: .completed, to: .inProgress)) { try done.check(event(.inProgress, "2025-08-01")) }
        try done.check(event(.open, "2025-08-01", note: "Chronology still out of date"))
        let open = TrackedCaseAction(action: action, events: [])
        #expect(throws: CaseActionError.withdrawalNeedsReason(action: "A1-A1")) { try open.check(event(.withdrawn, "2025-08-01")) }
        try open.check(event(.withdrawn, "2025-08-01", note: "Case closed"))
    }
}

@Suite("Who sees an audit: an auditor sees only what they were assigned")
struct AuditAccessTests {
    let audits = [audit("A1", child: "C1", auditor: "ann"), audit("A2", child: "C2", auditor: "ben", team: "T2")]

    @Test("Each auditor sees their own audits; the manager sees their team's; the director sees all; a board member none")
    func visibility() {
        #expect(AuditAccess.visible(audits, to: auditor).map(\.id) == ["A1"])
        #expect(AuditAccess.visible(audits, to: secondAuditor).map(\.id) == ["A2"])
        #expect(AuditAccess.visible(audits, to: manager).map(\.id) == ["A1"])
        #expect(AuditAccess.visible(audits, to: UserAccount(username: "d", displayName: "D", role: .director)).count == 2)
        #expect(AuditAccess.visible(audits, to: UserAccount(username: "b", displayName: "B", role: .boardMember)).isEmpty)
        var disabled = auditor
        disabled.isActive = false
        #expect(AuditAccess.visible(audits, to: disabled).isEmpty)
    }

    @Test("A moderator sees the audits they moderated")
    func moderator() {
        let moderated = audit("A3", child: "C3", auditor: "ann", grade: .good, moderations: [
            Moderation(auditID: "A3", moderator: "ben", gradeBefore: .good, gradeAfter: .good, reason: "", at: "2025-07-20"),
        ])
        #expect(AuditAccess.decide(secondAuditor, audit: moderated).isAllowed)
    }

    @Test("A child restricted to a team can be audited only by an auditor the restriction names")
    func restrictedChild() {
        let restriction = ChildRestriction(childID: "C9", usernames: ["ben"], teamIDs: ["T1"], reason: "Relative of a staff member")
        let refused = AuditAccess.mayAudit(auditor, childID: "C9", restriction: restriction)
        #expect(refused == .denied("restricted record"))
        #expect(AuditAccess.mayAudit(secondAuditor, childID: "C9", restriction: restriction).isAllowed)
        // Without an assignment, even an auditor named on the restriction cannot open the record.
        #expect(!AccessPolicy.decide(secondAuditor, child: ChildAccessFacts(childID: "C9", restriction: restriction)).isAllowed)
        #expect(AuditAccess.mayAudit(auditor, childID: "C1", restriction: nil).isAllowed)
        #expect(!AuditAccess.mayAudit(manager, childID: "C1", restriction: nil).isAllowed)
    }
}

@Suite("The spot-check schedule")
struct SpotCheckScheduleTests {
    @Test("Six-monthly: due from the first date, then six months after the last check; overdue past it, due within 28 days")
    func schedule() {
        var check = SpotCheckSchedule(id: "pwp", title: "Placed with parents", cohort: "placed-with-parents", everyMonths: 6, firstDue: d("2025-03-31"))
        #expect(check.nextDue == d("2025-03-31"))
        #expect(check.status(on: d("2025-02-01")) == .scheduled)
        #expect(check.status(on: d("2025-03-10")) == .due)
        #expect(check.status(on: d("2025-04-01")) == .overdue)
        check.completed = [d("2025-04-10")]
        #expect(check.nextDue == d("2025-10-10"))
        #expect(check.status(on: d("2025-04-11")) == .scheduled)
    }
}
