import OversightCore
import OversightTrackers
import Testing

private func request(_ id: String, received: String, issued: String? = nil, exception: EHCTimescaleException? = nil) -> EHCNeedsAssessment {
    EHCNeedsAssessment(
        id: Identifier(id), child: Identifier("C-" + id), requestReceived: d(received), decision: .assess, decisionOn: d(received).adding(days: 30),
        finalPlanIssuedOn: issued.map(d), exception: exception)
}

@Suite("SEND: the EHC timeline, SEND-01, annual reviews, waiting lists and the SSD's SEND tables")
struct SENDTests {
    @Test("Week 20 is 140 calendar days: a request on 1 Jan 2024 is due 20 May 2024, and the early-May bank holiday moves nothing")
    func week20() {
        let assessment = request("R1", received: "2024-01-01")
        #expect(EHCTimeline.decisionDue(assessment) == d("2024-02-12"))
        #expect(EHCTimeline.notToIssueDue(assessment) == d("2024-04-22"))
        #expect(EHCTimeline.finalPlanDue(assessment) == d("2024-05-20"))
        #expect(WorkingDayCalendar.englandAndWales.isBankHoliday(d("2024-05-06")))
    }

    @Test(
        "SEND-01 counts a plan issued on the week-20 day as on time and the day after as late; exceptions are left out",
        arguments: [("2024-05-20", 1), ("2024-05-21", 0)])
    func send01Boundary(issued: String, met: Int) {
        let plans = [request("R1", received: "2024-01-01", issued: issued), request("R2", received: "2024-01-01", issued: "2024-09-01", exception: .absentFromArea)]
        let result = SENDMeasures.plansWithin20Weeks(plans, period: .rolling(months: 12, ending: d("2024-12-31")))
        #expect(result.denominator == 1)
        #expect(result.numerator == met)
        #expect(result.cases[0].reason.contains("due 2024-05-20"))
        // SEN2's England figure for the calendar year, from kpis.md §3.7.
        #expect(result.england == 46)
        #expect(result.englandYear == 2024)
    }

    @Test("SEND-02: decided on day 42 is within 6 weeks, day 43 is not")
    func send02Boundary() {
        var onTime = request("R1", received: "2024-03-01")
        onTime.decisionOn = d("2024-04-12")
        var late = request("R2", received: "2024-03-01")
        late.decisionOn = d("2024-04-13")
        let result = SENDMeasures.decisionsWithin6Weeks([onTime, late], period: .financialYear(startYear: 2024))
        #expect(result.denominator == 2)
        #expect(result.cases.map(\.record) == ["R2", "R1"])
        #expect(result.cases.map(\.met) == [false, true])
    }

    @Test("SEND-03 and the backlog: amendments due 4 weeks after the review; unissued ones count once 4 weeks have passed")
    func amendmentsAndBacklog() {
        let reviews = [
            EHCAnnualReview(id: "A1", child: "C1", dueOn: d("2024-05-01"), heldOn: d("2024-05-01"), outcome: .amend, amendmentsIssuedOn: d("2024-05-29")),
            EHCAnnualReview(id: "A2", child: "C2", dueOn: d("2024-05-01"), heldOn: d("2024-05-01"), outcome: .amend, amendmentsIssuedOn: d("2024-05-30")),
            EHCAnnualReview(id: "A3", child: "C3", dueOn: d("2024-05-10"), heldOn: d("2024-05-10"), outcome: .amend),
            EHCAnnualReview(id: "A4", child: "C4", dueOn: d("2024-06-20"), heldOn: d("2024-06-20"), outcome: .amend),
            EHCAnnualReview(id: "A5", child: "C5", dueOn: d("2024-03-01")),
            EHCAnnualReview(id: "A6", child: "C6", dueOn: d("2024-06-01"), heldOn: d("2024-06-03"), outcome: .maintain),
        ]
        let period = ReportingPeriod.quarter(startYear: 2024, quarter: 1)
        let result = SENDMeasures.amendmentsWithin4Weeks(reviews, period: period)
        // A4's 4 weeks run past 30 June, so it is not judged yet.
        #expect(result.cases.map(\.record).sorted() == ["A1", "A2", "A3"])
        #expect(result.numerator == 1)
        let report = SENDReport(assessments: [], reviews: reviews, referrals: [], period: period)
        #expect(report.backlog.map(\.id) == ["A5", "A3", "A4"])
        #expect(report.backlog[0].kind == "Review overdue")
        #expect(report.backlog[0].ageDays == 121)
        #expect(report.backlogByAge.map(\.count) == [1, 1, 1, 0])
        #expect(report.reviewsDue == 5)
        #expect(report.reviewsHeld == 5)
    }

    @Test("Waiting lists: average of those seen, the longest wait including those still waiting, the distribution and the trend")
    func waitingLists() {
        let referrals = [
            WaitingListReferral(id: "W1", child: "C1", pathway: .autism, referredOn: d("2023-01-01"), firstSeenOn: d("2024-06-01"), outcome: .diagnosed),
            WaitingListReferral(id: "W2", child: "C2", pathway: .autism, referredOn: d("2024-05-01"), firstSeenOn: d("2024-06-10"), outcome: .notDiagnosed),
            WaitingListReferral(id: "W3", child: "C3", pathway: .autism, referredOn: d("2022-01-01")),
            WaitingListReferral(id: "W4", child: "C4", pathway: .adhd, referredOn: d("2024-06-01")),
        ]
        let report = SENDReport(assessments: [], reviews: [], referrals: referrals, period: .month(year: 2024, month: 6), trendMonths: 3)
        let autism = report.pathways.first { $0.pathway == "asd" }!
        #expect(autism.waiting == 1)
        #expect(autism.seenInPeriod == 2)
        #expect(autism.averageWaitDays == (517 + 40) / 2.0)
        #expect(autism.longestWaitReferral == "W3")
        #expect(autism.longestWaitDays == 911)
        #expect(autism.distribution.map(\.count) == [0, 0, 0, 1])
        #expect(autism.trend.map(\.month) == ["2024-04", "2024-05", "2024-06"])
        #expect(autism.trend.map(\.waitingAtEnd) == [2, 3, 1])
        let adhd = report.pathways.first { $0.pathway == "adhd" }!
        #expect(adhd.averageWaitDays == nil)
        #expect(adhd.distribution.map(\.count) == [1, 0, 0, 0])
    }

    @Test("A SEND CSV with a bad row is refused whole, naming the row")
    func badRowRejectsFile() throws {
        let good = sheet(
            """
            referral_id,child_id,pathway,referred_on,first_seen_on,outcome
            W1,C1,asd,2023-01-01,2024-06-01,diagnosed
            W2,C2,adhd,2024-05-01,,
            """, file: "waiting-list.csv")
        #expect(try SENDSheet.waitingList(from: good, file: "waiting-list.csv").count == 2)
        let bad = sheet(
            """
            referral_id,child_id,pathway,referred_on,first_seen_on,outcome
            W1,C1,asd,2023-01-01,2024-06-01,diagnosed
            W2,C2,dentistry,2024-05-01,,
            W3,C3,adhd,2024-05-01,2024-04-01,
            """, file: "waiting-list.csv")
        let rejection = #expect(throws: TrackerImportError.self) { try SENDSheet.waitingList(from: bad, file: "waiting-list.csv") }
        let text = rejection?.description ?? ""
        #expect(text.hasPrefix("waiting-list.csv: 2 problems; nothing was imported"))
        #expect(text.contains("waiting-list.csv:3: pathway: 'dentistry' is not one of asd, adhd,"))
        #expect(text.contains("waiting-list.csv:4: first_seen_on: 2024-04-01 is before the referral (2024-05-01)"))
        let duplicate = sheet(
            """
            request_id,child_id,request_received,decision,decision_on,draft_plan_issued_on,final_plan_issued_on,decided_not_to_issue_on,exception,need_types
            R1,C1,2024-01-01,Y,2024-02-01,,2024-05-01,,,ASD;SLCN
            R1,C2,2024-01-02,Y,2024-02-01,,,,,
            """, file: "assessments.csv")
        let duplicated = #expect(throws: TrackerImportError.self) { try SENDSheet.assessments(from: duplicate, file: "assessments.csv") }
        #expect(duplicated?.problems.map(\.description) == ["assessments.csv:3: request_id: 'R1' is already given on line 2"])
    }

    @Test("The SSD's SEND tables join into requests, plans, exceptions, need types and the next annual review")
    func ssdTables() throws {
        let tables: [String: [TrackerCSVRow]] = [
            "ssd_send": sheet("send_table_id,send_person_id,send_upn\nS1,P1,\nS2,P2,", file: "ssd_send.csv"),
            "ssd_ehcp_requests": sheet(
                """
                ehcr_ehcp_request_id,ehcr_send_table_id,ehcr_ehcp_req_date,ehcr_ehcp_req_outcome_date,ehcr_ehcp_req_outcome
                Q1,S1,2024-01-08 00:00:00.000,2024-02-12,Y
                Q2,S2,2024-02-01,,A
                """, file: "ssd_ehcp_requests.csv"),
            "ssd_ehcp_assessment": sheet(
                """
                ehca_ehcp_assessment_id,ehca_ehcp_request_id,ehca_ehcp_assessment_outcome_date,ehca_ehcp_assessment_outcome,ehca_ehcp_assessment_exceptions
                A1,Q1,2024-06-10,Y,1
                """, file: "ssd_ehcp_assessment.csv"),
            "ssd_ehcp_active_plans": sheet(
                "ehcp_active_ehcp_id,ehcp_ehcp_request_id,ehcp_active_ehcp_last_review_date\nP1,Q1,2025-05-20", file: "ssd_ehcp_active_plans.csv"),
            "ssd_sen_need": sheet(
                "senn_table_id,senn_active_ehcp_id,senn_active_ehcp_need_type,senn_active_ehcp_need_rank\nN1,P1,SLCN,2\nN2,P1,ASD,1",
                file: "ssd_sen_need.csv"),
        ]
        let records = try SSDSENDTables.records(tables)
        #expect(records.assessments.count == 2)
        let first = records.assessments[0]
        #expect(first.child == "P1")
        #expect(first.requestReceived == d("2024-01-08"))
        #expect(first.decision == .assess)
        #expect(first.finalPlanIssuedOn == d("2024-06-10"))
        #expect(first.exception == .unspecified)
        #expect(first.needTypes == ["ASD", "SLCN"])
        #expect(records.assessments[1].decision == .pending)
        #expect(records.annualReviews.map(\.dueOn) == [d("2026-05-20")])
        var broken = tables
        broken["ssd_ehcp_assessment"] = sheet(
            "ehca_ehcp_assessment_id,ehca_ehcp_request_id,ehca_ehcp_assessment_outcome_date,ehca_ehcp_assessment_outcome,ehca_ehcp_assessment_exceptions\nA1,Q9,2024-06-10,Y,0",
            file: "ssd_ehcp_assessment.csv")
        let missing = #expect(throws: TrackerImportError.self) { try SSDSENDTables.records(broken) }
        #expect(missing?.problems.map(\.description) == ["ssd_ehcp_assessment.csv:2: ehca_ehcp_request_id: 'Q9' is not in ssd_ehcp_requests"])
    }
}
