import Foundation
import OversightCore
import OversightImprovement
import OversightMeasures
import OversightStorage
import Testing

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// A small authority for QA: 60 children held by three teams (30, 20 and 10), each referred and assessed in April 2025.
/// Even-numbered children's assessments were authorised in 13 working days, odd-numbered ones' in July (late);
/// child C007 is looked after, placed with parents under a care order; C016 and C017 are 16.
enum QAAuthority {
    static let teams = ["T1", "T2", "T3"]

    static func team(of index: Int) -> String { index <= 30 ? "T1" : index <= 50 ? "T2" : "T3" }
    static func id(_ index: Int) -> String { "C" + String(format: "%03d", index) }

    static let records: CaseRecords = {
        var records = CaseRecords()
        for team in teams { records.teams.append(Team(id: Identifier(team), name: "Team \(team)")) }
        for index in 1...60 {
            let child = Identifier<Child>(id(index))
            let born = index == 16 || index == 17 ? "2009-01-10" : "2015-06-01"
            records.children.append(Child(id: child, dateOfBirth: d(born)))
            let worker = "W\(index % 6)"
            if !records.workers.contains(where: { $0.id.rawValue == worker }) {
                records.workers.append(Worker(id: Identifier(worker), name: "Worker \(index % 6)"))
            }
            records.involvements.append(Involvement(
                id: Identifier("I\(index)"), childID: child, workerID: Identifier(worker), teamID: Identifier(team(of: index)), role: "CW",
                start: d("2024-01-01")))
            records.childInNeedEpisodes.append(ChildInNeedEpisode(id: Identifier("R\(index)"), childID: child, referralDate: d("2025-04-01")))
            records.assessments.append(Assessment(
                id: Identifier("A\(index)"), childID: child, referralID: Identifier("R\(index)"), startDate: d("2025-04-01"),
                authorisationDate: d(index % 2 == 0 ? "2025-04-17" : "2025-07-30")))
        }
        records.lookedAfterEpisodes.append(LookedAfterEpisode(id: "E7", childID: "C007", start: d("2025-01-01"), legalStatus: .c2))
        records.placements.append(Placement(id: "P7", childID: "C007", start: d("2025-01-01"), type: .p1))
        return records
    }()

    static let engine = MeasureEngine(snapshot: CaseSnapshot(records: records))
    static let year = ReportingPeriod.financialYear(containing: d("2025-06-01"))
}

@Suite("Dip samples drawn from the data")
struct AuditSamplingTests {
    let cohort = (1...60).map { index in
        CohortMember(childID: QAAuthority.id(index), teamID: QAAuthority.team(of: index), workerID: nil, ageBand: "5-9", legalContext: "child in need")
    }

    @Test("The same cohort, size and seed give the same children; another seed gives others")
    func sameSeedSameChildren() {
        let first = AuditSampler(size: 12, method: .random, seed: 20_250_701).draw(from: cohort).map(\.member.childID)
        let again = AuditSampler(size: 12, method: .random, seed: 20_250_701).draw(from: cohort).map(\.member.childID)
        let other = AuditSampler(size: 12, method: .random, seed: 20_250_702).draw(from: cohort).map(\.member.childID)
        #expect(first == again)
        #expect(Set(first).count == 12)
        #expect(Set(first) != Set(other))
        // The draw does not depend on the order the cohort arrives in once it is put in child ID order.
        #expect(AuditSampler(size: 12, method: .random, seed: 20_250_701).draw(from: cohort.shuffled().sorted { $0.childID < $1.childID })
            .map(\.member.childID) == first)
    }

    @Test("A sample larger than the cohort takes the whole cohort")
    func wholeCohort() {
        #expect(Set(AuditSampler(size: 100, method: .random, seed: 1).draw(from: cohort).map(\.member.childID)).count == 60)
    }

    @Test("Stratified by team: each team's share is in proportion to its size and drawn only from that team")
    func stratification() {
        let draws = AuditSampler(size: 12, method: .stratified(by: .team), seed: 7).draw(from: cohort)
        let byStratum = Dictionary(grouping: draws, by: { $0.stratum ?? "" }).mapValues(\.count)
        #expect(byStratum == ["T1": 6, "T2": 4, "T3": 2])
        #expect(draws.allSatisfy { $0.member.teamID == $0.stratum })
        #expect(AuditSampler(size: 12, method: .stratified(by: .team), seed: 7).draw(from: cohort) == draws)
    }

    @Test("Random draws spread across teams roughly as the teams' sizes do, over many seeds")
    func randomIsUnbiased() {
        var fromT3 = 0
        for seed in 0..<400 { fromT3 += AuditSampler(size: 6, method: .random, seed: UInt64(seed)).draw(from: cohort).filter { $0.member.teamID == "T3" }.count }
        // T3 holds 10 of 60 children: one in six of 2,400 draws is 400.
        #expect((340...460).contains(fromT3))
    }

    @Test("Allocation shares children between auditors in turn and gives a restricted child only to an auditor it names")
    func allocation() {
        let ann = UserAccount(username: "ann", displayName: "Ann", role: .qualityAuditor)
        let ben = UserAccount(username: "ben", displayName: "Ben", role: .qualityAuditor)
        let draws = AuditSampler(size: 6, method: .random, seed: 3).draw(from: cohort)
        let restricted = draws[0].member.childID
        let allocator = AuditAllocator(
            auditors: [ann, ben], restrictions: [ChildRestriction(childID: restricted, usernames: ["ben"], teamIDs: ["T9"], reason: "Staff relative")])
        let result = allocator.allocate(draws, sampleID: "S1", dueBy: d("2025-08-01"))
        #expect(result.refused.isEmpty)
        #expect(result.allocations.map(\.id.rawValue) == ["S1-001", "S1-002", "S1-003", "S1-004", "S1-005", "S1-006"])
        #expect(result.allocations.first { $0.childID.rawValue == restricted }?.auditor == "ben")
        #expect(Set(result.allocations.map(\.auditor)) == ["ann", "ben"])
        let onlyAnn = AuditAllocator(
            auditors: [ann], restrictions: [ChildRestriction(childID: restricted, teamIDs: ["T9"], reason: "Staff relative")])
            .allocate(draws, sampleID: "S2", dueBy: d("2025-08-01"))
        #expect(onlyAnn.refused.map(\.childID) == [restricted])
        #expect(onlyAnn.refused.first?.reason == "restricted record")
        #expect(onlyAnn.allocations.count == 5)
    }

    @Test("Cohorts from a measure's numerator and denominator, a saved filter, a team and a worker")
    func cohorts() throws {
        let engine = QAAuthority.engine
        let year = QAAuthority.year
        let day = d("2025-08-31")
        let timely = try CohortSource.measure(id: "CIN-06", list: .numerator).members(engine: engine, period: year, on: day)
        let late = try CohortSource.measure(id: "CIN-06", list: .outsideNumerator).members(engine: engine, period: year, on: day)
        let all = try CohortSource.measure(id: "CIN-06", list: .denominator).members(engine: engine, period: year, on: day)
        #expect(timely.count == 30)
        #expect(timely.allSatisfy { Int($0.childID.dropFirst())! % 2 == 0 })
        #expect(late.count == 30)
        #expect(all.count == 60)
        #expect(try CohortSource.team("T3").members(engine: engine, period: year, on: day).map(\.childID) == (51...60).map(QAAuthority.id))
        #expect(try CohortSource.team("Team T2").members(engine: engine, period: year, on: day).count == 20)
        #expect(try CohortSource.worker("W1").members(engine: engine, period: year, on: day).count == 10)
        let placed = try CohortSource.filter(.placedWithParents).members(engine: engine, period: year, on: day)
        #expect(placed.map(\.childID) == ["C007"])
        #expect(placed.first?.legalContext == "looked after")
        let sixteen = try CohortSource.filter(.sixteenSeventeenReferred).members(engine: engine, period: year, on: day)
        #expect(sixteen.map(\.childID) == ["C016", "C017"])
        #expect(throws: CohortError.unknownMeasure("CIN-99")) { try CohortSource.measure(id: "CIN-99", list: .numerator).members(engine: engine, period: year, on: day) }
    }
}

@Suite("The shipped audit templates")
struct AuditTemplateTests {
    @Test("A case-file audit, a thematic dip sample and a supervision observation, each versioned, with unique question IDs")
    func shipped() {
        #expect(Set(AuditTemplates.shipped.map(\.kind)) == Set(AuditTemplate.Kind.allCases))
        for template in AuditTemplates.shipped {
            #expect(template.version >= 1)
            #expect(Set(template.questions.map(\.id)).count == template.questions.count, "\(template.reference)")
        }
        // Between them the templates ask about every practice area the issue names.
        #expect(Set(AuditTemplates.shipped.flatMap(\.practiceAreas)) == Set(PracticeArea.allCases))
        #expect(AuditTemplates.template("case-file-audit")?.question("UH1")?.practiceArea == .useOfHistory)
        #expect(AuditTemplates.template("case-file-audit", version: 99) == nil)
    }
}

@Suite("The QA report")
struct QualityReportTests {
    /// Ten audits of the first ten children: even (timely) children graded good on assessment quality, odd (late)
    /// ones inadequate; two moderated, one changed.
    static func audits() -> [Audit] {
        (1...10).map { index in
            let id = Identifier<Audit>("S1-\(index)")
            let timely = index % 2 == 0
            let grade: Grade = timely ? .good : .requiresImprovement
            let record = AuditRecord(
                auditID: id,
                answers: [
                    AuditAnswer(questionID: "AQ1", grade: timely ? .good : .inadequate, evidence: "Analysis"),
                    AuditAnswer(questionID: "UH1", grade: .requiresImprovement, evidence: "History"),
                ],
                overallGrade: grade, collaboration: Collaboration(workerTookPart: true),
                findings: index <= 4 ? [AuditFinding(text: "History not used", themes: ["history-not-used"])] : [],
                recordedBy: "ann", recordedAt: index <= 5 ? "2025-06-10T10:00:00Z" : "2025-07-10T10:00:00Z")
            var moderations: [Moderation] = []
            if index == 1 { moderations = [Moderation(auditID: id, moderator: "ben", gradeBefore: grade, gradeAfter: .inadequate, reason: "Risk missed", at: "2025-07-01")] }
            if index == 2 { moderations = [Moderation(auditID: id, moderator: "ben", gradeBefore: grade, gradeAfter: grade, reason: "", at: "2025-07-01")] }
            return Audit(
                allocation: AuditAllocation(
                    id: id, childID: Identifier(QAAuthority.id(index)), teamID: QAAuthority.team(of: index), auditor: "ann", dueBy: d("2025-07-01")),
                sampleID: "S1", templateID: "case-file-audit", templateVersion: 1, records: [record], moderations: moderations)
        }
    }

    @Test("Grades by month, team and practice area; moderation agreement; themes; grades against CIN-06")
    func report() {
        let themes = [LearningTheme(id: "history-not-used", title: "Family history not used", planAction: PlanActionReference(planID: "ofsted-2022", ref: "2.3"))]
        let report = QualityReport(
            period: QAAuthority.year, asOf: d("2025-08-31"), audits: Self.audits(), themes: themes, caseActions: [], spotChecks: [],
            engine: QAAuthority.engine)
        #expect(report.completed == 10)
        #expect(report.overall.good == 5)
        #expect(report.overall.requiresImprovement == 4)
        #expect(report.overall.inadequate == 1)
        #expect(report.overdue == 5)
        #expect(report.byMonth.map(\.key) == ["2025-06", "2025-07"])
        #expect(report.byTeam.map(\.key) == ["T1"])
        #expect(report.byPracticeArea.first { $0.key == PracticeArea.useOfHistory.title }?.grades.requiresImprovement == 10)
        #expect(report.moderation.moderated == 2)
        #expect(report.moderation.agreement == 50)
        #expect(report.moderation.changes.map(\.auditID) == ["S1-1"])
        #expect(report.themes.map(\.id) == ["history-not-used"])
        #expect(report.themes.first?.audits == 4)
        #expect(report.themes.first?.planAction == "ofsted-2022 2.3")
        let versus = report.versusMeasure
        #expect(versus?.measureID == "CIN-06")
        #expect(versus?.groups.first { $0.key == "met" }?.grades.good == 5)
        #expect(versus?.groups.first { $0.key == "not met" }?.grades.inadequate == 5)
        #expect(report.text().contains("Family history not used: 4 audits; plan action ofsted-2022 2.3"))
        #expect(report.csvRows().contains(["overall", QAAuthority.year.description, "inadequate", "1"]))
        #expect(report.html().contains("<li class=\"theme\">Family history not used: 4; plan action ofsted-2022 2.3</li>"))
    }

    @Test("Collaboration and month-by-team rows are counted from the records")
    func collaborationAndMonths() {
        let report = QualityReport(
            period: QAAuthority.year, asOf: d("2025-08-31"), audits: Self.audits(), themes: [], caseActions: [], spotChecks: [], engine: nil)
        #expect(report.collaboration.workerTookPart == 10)
        #expect(report.collaboration.managerTookPart == 0)
        #expect(report.byMonthAndTeam.map(\.key) == ["2025-06 T1", "2025-07 T1"])
        #expect(report.byMonthAndTeam.map(\.grades.total) == [5, 5])
        #expect(report.byMonthAndPracticeArea.contains { $0.key == "2025-06 Use of history" && $0.grades.requiresImprovement == 5 })
    }

    @Test("A moderation sample takes the share asked, rounded up, from recorded audits, never giving an audit to its own auditor")
    func moderationSample() {
        var audits = Self.audits()
        audits[0].moderations = []
        audits[1].moderations = []
        let tenth = ModerationSampler(share: 10, seed: 5).pick(audits, moderators: ["ann", "ben"])
        #expect(tenth.count == 1)
        let quarter = ModerationSampler(share: 25, seed: 5).pick(audits, moderators: ["ann", "ben"])
        #expect(quarter.count == 3)
        #expect(quarter.allSatisfy { $0.moderator == "ben" })
        #expect(ModerationSampler(share: 25, seed: 5).pick(audits, moderators: ["ann", "ben"]) == quarter)
        #expect(ModerationSampler(share: 100, seed: 5).pick(audits, moderators: ["ann"]).allSatisfy { $0.moderator == nil })
        // Moderated audits are not offered again.
        #expect(ModerationSampler(share: 100, seed: 5).pick(Self.audits(), moderators: ["ben"]).count == 8)
    }

    @Test("The board pack carries a QA section when there are audits")
    func boardPack() throws {
        let plan = ImprovementPlan(id: "p", title: "Plan", source: "Ofsted", recommendations: [
            Recommendation(number: 1, text: "Assessments", outcomesSought: [], actions: [
                Action(ref: "1.1", text: "Dip sample assessments", accountableLead: "Lead", deadline: .date(d("2025-09-30"))),
            ]),
        ])
        let report = QualityReport(
            period: QAAuthority.year, asOf: d("2025-08-31"), audits: Self.audits(), themes: [], caseActions: [],
            spotChecks: [SpotCheckSchedule(id: "pwp", title: "Placed with parents", cohort: "placed-with-parents", everyMonths: 6, firstDue: d("2025-06-30"))],
            engine: nil)
        let pack = BoardPack(plan: plan, updates: [], asOf: d("2025-08-31"), engine: nil).with(quality: report)
        let reader = try PackReader.read(pack.html())
        #expect(reader.withClass("qa-grades").first?.text.contains("All audits") == true)
        #expect(reader.withClass("qa-spot-check").first?.attributes["data-status"] == "overdue")
        #expect(pack.text().contains("Quality assurance (\(QAAuthority.year.description))"))
        #expect(!BoardPack(plan: plan, updates: [], asOf: d("2025-08-31"), engine: nil).html().contains("id=\"quality\""))
    }
}
