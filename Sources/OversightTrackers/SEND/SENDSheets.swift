import OversightCore

/// The SEND tracker's CSV files, for authorities whose SSD does not hold the SEND tables (documented in
/// docs/trackers-escalations-send.md).
public enum SENDSheet: String, CaseIterable, Sendable {
    case assessments
    case annualReviews = "annual-reviews"
    case waitingList = "waiting-list"

    public var columns: [String] {
        switch self {
        case .assessments:
            [
                "request_id", "child_id", "request_received", "decision", "decision_on", "draft_plan_issued_on", "final_plan_issued_on",
                "decided_not_to_issue_on", "exception", "need_types",
            ]
        case .annualReviews: ["review_id", "child_id", "due_on", "held_on", "outcome", "amendments_issued_on"]
        case .waitingList: ["referral_id", "child_id", "pathway", "referred_on", "first_seen_on", "outcome"]
        }
    }

    /// - Throws: `TrackerImportError` naming every bad row; nothing is returned when any row is wrong.
    public static func assessments(from rows: [TrackerCSVRow], file: String) throws(TrackerImportError) -> [EHCNeedsAssessment] {
        let decoded = try TrackerImportError.decodeAll(rows, file: file) { row throws(TrackerImportError) in
            let assessment = EHCNeedsAssessment(
                id: Identifier(try row.text("request_id")), child: Identifier(try row.text("child_id")),
                requestReceived: try row.date("request_received"), decision: try row.optionalCode("decision", EHCAssessmentDecision.self),
                decisionOn: try row.optionalDate("decision_on"), draftPlanIssuedOn: try row.optionalDate("draft_plan_issued_on"),
                finalPlanIssuedOn: try row.optionalDate("final_plan_issued_on"),
                decidedNotToIssueOn: try row.optionalDate("decided_not_to_issue_on"),
                exception: try row.optionalCode("exception", EHCTimescaleException.self), needTypes: row.list("need_types"))
            for (column, date) in [
                ("decision_on", assessment.decisionOn), ("draft_plan_issued_on", assessment.draftPlanIssuedOn),
                ("final_plan_issued_on", assessment.finalPlanIssuedOn), ("decided_not_to_issue_on", assessment.decidedNotToIssueOn),
            ] {
                if let date, date < assessment.requestReceived {
                    throw row.problem(column, "\(date) is before the request was received (\(assessment.requestReceived))")
                }
            }
            if assessment.finalPlanIssuedOn != nil && assessment.decidedNotToIssueOn != nil {
                throw row.problem("decided_not_to_issue_on", "a request cannot both issue a plan and decide not to")
            }
            return (row, assessment)
        }
        try TrackerImportError.checkUnique(decoded, file: file, column: "request_id") { $0.id.rawValue }
        return decoded.map(\.1)
    }

    /// - Throws: `TrackerImportError` naming every bad row.
    public static func annualReviews(from rows: [TrackerCSVRow], file: String) throws(TrackerImportError) -> [EHCAnnualReview] {
        let decoded = try TrackerImportError.decodeAll(rows, file: file) { row throws(TrackerImportError) in
            let review = EHCAnnualReview(
                id: Identifier(try row.text("review_id")), child: Identifier(try row.text("child_id")), dueOn: try row.date("due_on"),
                heldOn: try row.optionalDate("held_on"), outcome: try row.optionalCode("outcome", AnnualReviewOutcome.self),
                amendmentsIssuedOn: try row.optionalDate("amendments_issued_on"))
            if review.heldOn == nil && (review.outcome != nil || review.amendmentsIssuedOn != nil) {
                throw row.problem("held_on", "is required when an outcome or amendments are given")
            }
            if let issued = review.amendmentsIssuedOn, let held = review.heldOn, issued < held {
                throw row.problem("amendments_issued_on", "\(issued) is before the review was held (\(held))")
            }
            if review.amendmentsIssuedOn != nil && review.outcome != .amend {
                throw row.problem("outcome", "must be 'amend' when amendments were issued")
            }
            return (row, review)
        }
        try TrackerImportError.checkUnique(decoded, file: file, column: "review_id") { $0.id.rawValue }
        return decoded.map(\.1)
    }

    /// - Throws: `TrackerImportError` naming every bad row.
    public static func waitingList(from rows: [TrackerCSVRow], file: String) throws(TrackerImportError) -> [WaitingListReferral] {
        let decoded = try TrackerImportError.decodeAll(rows, file: file) { row throws(TrackerImportError) in
            let referral = WaitingListReferral(
                id: Identifier(try row.text("referral_id")), child: Identifier(try row.text("child_id")),
                pathway: try row.code("pathway", AssessmentPathway.self), referredOn: try row.date("referred_on"),
                firstSeenOn: try row.optionalDate("first_seen_on"), outcome: try row.optionalCode("outcome", WaitingListOutcome.self))
            if let seen = referral.firstSeenOn, seen < referral.referredOn {
                throw row.problem("first_seen_on", "\(seen) is before the referral (\(referral.referredOn))")
            }
            if referral.outcome != nil && referral.firstSeenOn == nil {
                throw row.problem("first_seen_on", "is required when an outcome is given")
            }
            return (row, referral)
        }
        try TrackerImportError.checkUnique(decoded, file: file, column: "referral_id") { $0.id.rawValue }
        return decoded.map(\.1)
    }
}

/// The SSD's SEND tables (`ssd_send`, `ssd_ehcp_requests`, `ssd_ehcp_assessment`, `ssd_ehcp_named_plan`,
/// `ssd_ehcp_active_plans`, `ssd_sen_need`; ssd.md), joined into the SEND tracker's records.
///
/// Requests reach the child through `ssd_send`; an assessment's outcome date is the final plan (outcome Y) or the
/// decision not to issue (N), with its exception flag; an active plan's last review gives the next annual review,
/// due 12 months later. `ssd_sen_need` gives the plan's need types, primary first. The SSD holds no draft-plan date.
public enum SSDSENDTables {
    public static let tables = ["ssd_send", "ssd_ehcp_requests", "ssd_ehcp_assessment", "ssd_ehcp_active_plans", "ssd_sen_need"]

    public struct Records: Sendable {
        public var assessments: [EHCNeedsAssessment]
        public var annualReviews: [EHCAnnualReview]
    }

    /// - Parameter tables: each table's rows by table name; a table left out counts as empty.
    /// - Throws: `TrackerImportError` for the first table with a bad row or a link to a row that is not there.
    public static func records(_ tables: [String: [TrackerCSVRow]]) throws(TrackerImportError) -> Records {
        func rows(_ table: String) -> [TrackerCSVRow] { tables[table] ?? [] }
        let people = try TrackerImportError.decodeAll(rows("ssd_send"), file: "ssd_send.csv") { row throws(TrackerImportError) in
            (try row.text("send_table_id"), try row.text("send_person_id"))
        }
        let personBySend = Dictionary(people, uniquingKeysWith: { first, _ in first })
        var assessments = try TrackerImportError.decodeAll(rows("ssd_ehcp_requests"), file: "ssd_ehcp_requests.csv") {
            row throws(TrackerImportError) in
            let send = try row.text("ehcr_send_table_id")
            guard let person = personBySend[send] else { throw row.problem("ehcr_send_table_id", "'\(send)' is not in ssd_send") }
            // H marks a historical request SEN2 no longer asks about: kept, with no decision.
            let decision = row.optionalText("ehcr_ehcp_req_outcome") == "H"
                ? nil : try row.optionalCode("ehcr_ehcp_req_outcome", EHCAssessmentDecision.self)
            return EHCNeedsAssessment(
                id: Identifier(try row.text("ehcr_ehcp_request_id")), child: Identifier(person),
                requestReceived: try row.date("ehcr_ehcp_req_date"), decision: decision,
                decisionOn: try row.optionalDate("ehcr_ehcp_req_outcome_date"))
        }
        let index = Dictionary(assessments.enumerated().map { ($1.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        let outcomes = try TrackerImportError.decodeAll(rows("ssd_ehcp_assessment"), file: "ssd_ehcp_assessment.csv") {
            row throws(TrackerImportError) in
            let request = try row.text("ehca_ehcp_request_id")
            guard let position = index[request] else { throw row.problem("ehca_ehcp_request_id", "'\(request)' is not in ssd_ehcp_requests") }
            let flag = row.optionalText("ehca_ehcp_assessment_exceptions")
            guard flag == nil || flag == "0" || flag == "1" else {
                throw row.problem("ehca_ehcp_assessment_exceptions", "'\(flag!)' is not 1 or 0")
            }
            return (position, row.optionalText("ehca_ehcp_assessment_outcome"), try row.optionalDate("ehca_ehcp_assessment_outcome_date"), flag == "1")
        }
        for (position, outcome, date, exception) in outcomes {
            if outcome == "Y" { assessments[position].finalPlanIssuedOn = date }
            if outcome == "N" { assessments[position].decidedNotToIssueOn = date }
            if exception { assessments[position].exception = .unspecified }
        }
        let plans = try TrackerImportError.decodeAll(rows("ssd_ehcp_active_plans"), file: "ssd_ehcp_active_plans.csv") {
            row throws(TrackerImportError) in
            let request = try row.text("ehcp_ehcp_request_id")
            guard let position = index[request] else { throw row.problem("ehcp_ehcp_request_id", "'\(request)' is not in ssd_ehcp_requests") }
            return (try row.text("ehcp_active_ehcp_id"), position, try row.optionalDate("ehcp_active_ehcp_last_review_date"))
        }
        let planRequest = Dictionary(plans.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        let needs = try TrackerImportError.decodeAll(rows("ssd_sen_need"), file: "ssd_sen_need.csv") { row throws(TrackerImportError) in
            let plan = try row.text("senn_active_ehcp_id")
            guard let position = planRequest[plan] else { throw row.problem("senn_active_ehcp_id", "'\(plan)' is not in ssd_ehcp_active_plans") }
            return (position, row.optionalText("senn_active_ehcp_need_rank") ?? "9", try row.text("senn_active_ehcp_need_type"))
        }
        for (position, _, need) in needs.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) { assessments[position].needTypes.append(need) }
        let reviews = plans.map { id, position, lastReview in
            let base = lastReview ?? assessments[position].finalPlanIssuedOn ?? assessments[position].requestReceived
            return EHCAnnualReview(id: Identifier(id), child: assessments[position].child, dueOn: base.adding(months: 12))
        }
        return Records(assessments: assessments, annualReviews: reviews)
    }
}
