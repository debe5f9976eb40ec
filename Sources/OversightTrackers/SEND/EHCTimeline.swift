import OversightCore

/// The EHC needs assessment timeline (SEND Regulations 2014, regulations 5(1), 10(1) and 13(2); Code of Practice
/// figure 9.2). Timescales are in calendar weeks from the request, so weekends and bank holidays do not stop the clock.
public enum EHCTimeline {
    /// Week 6: the decision whether to assess.
    public static let decisionWeeks = 6
    /// Week 16: notice of a decision not to issue a plan.
    public static let notToIssueWeeks = 16
    /// Week 20: the final plan.
    public static let finalPlanWeeks = 20
    /// Annual reviews: the authority's decision, and any amended plan's proposal, within 4 weeks of the review meeting
    /// (regulation 20(10)).
    public static let amendmentWeeks = 4

    public static func decisionDue(_ assessment: EHCNeedsAssessment) -> LocalDate {
        assessment.requestReceived.adding(days: 7 * decisionWeeks)
    }

    public static func finalPlanDue(_ assessment: EHCNeedsAssessment) -> LocalDate {
        assessment.requestReceived.adding(days: 7 * finalPlanWeeks)
    }

    public static func notToIssueDue(_ assessment: EHCNeedsAssessment) -> LocalDate {
        assessment.requestReceived.adding(days: 7 * notToIssueWeeks)
    }

    public static func amendmentsDue(_ review: EHCAnnualReview) -> LocalDate? {
        review.heldOn?.adding(days: 7 * amendmentWeeks)
    }

    /// Where a request stands on `date`, in the words a SEND team uses.
    public static func stage(of assessment: EHCNeedsAssessment, on date: LocalDate) -> String {
        if let issued = assessment.finalPlanIssuedOn, issued <= date { return "Final plan issued" }
        if let refused = assessment.decidedNotToIssueOn, refused <= date { return "Decided not to issue" }
        if let decided = assessment.decisionOn, decided <= date {
            switch assessment.decision {
            case .notAssess: return "Refused to assess"
            case .withdrawn: return "Withdrawn"
            default: break
            }
            if let draft = assessment.draftPlanIssuedOn, draft <= date { return "Draft plan issued" }
            return "Assessing"
        }
        return "Awaiting decision to assess"
    }

    /// Whether a request is still open on `date`: no final plan, no decision against one, not withdrawn.
    public static func isOpen(_ assessment: EHCNeedsAssessment, on date: LocalDate) -> Bool {
        guard assessment.requestReceived <= date else { return false }
        switch stage(of: assessment, on: date) {
        case "Final plan issued", "Decided not to issue", "Refused to assess", "Withdrawn": return false
        default: return true
        }
    }
}
