import OversightCore

/// The Written Statement of Action: a SEND improvement plan kept in the improvement-plan module, its areas of
/// weakness linked to the SEND tracker's measures so the board sees each area's figure beside its actions.
public enum WrittenStatementOfAction {
    /// One linked measure's standing against the plan's baseline and target.
    public struct Progress: Sendable, Codable, Equatable {
        public var recommendation: Int
        public var area: String
        public var measure: String
        public var title: String
        public var value: Double?
        public var baseline: Double?
        public var target: Double?
        /// Whether the figure has reached the target; `nil` with no figure or target.
        public var isOnTarget: Bool?
    }

    /// Whether a plan is linked to any of the SEND tracker's measures.
    public static func isLinked(_ plan: ImprovementPlan) -> Bool {
        plan.recommendations.contains { $0.measures.contains { link in SENDMeasures.all.contains { $0.id == link.measureID } } }
    }

    /// Each SEND measure the plan names, with this period's figure.
    public static func progress(of plan: ImprovementPlan, results: [TimelinessResult]) -> [Progress] {
        plan.recommendations.flatMap { recommendation in
            recommendation.measures.compactMap { link -> Progress? in
                guard let result = results.first(where: { $0.id == link.measureID }) else { return nil }
                return Progress(
                    recommendation: recommendation.number, area: recommendation.text, measure: result.id, title: result.title, value: result.value,
                    baseline: link.baseline, target: link.target,
                    isOnTarget: result.value.flatMap { value in link.target.map { value >= $0 } })
            }
        }
    }

    /// The demo authority's WSOA, answering the three areas of significant weakness seed 003's SEND inspection found.
    public static let demo = ImprovementPlan(
        id: "wsoa", title: "SEND Written Statement of Action",
        subtitle: "Our response to the three areas of significant weakness",
        source: "Area SEND inspection (synthetic demo)", submitTo: "Ofsted and CQC",
        governance: Governance(boardMeetsEveryMonths: 1, impactMeasuredEvery: "month", boardChair: "SEND improvement board chair"),
        recommendations: [
            Recommendation(
                number: 1,
                text: "Waiting times for autism and ADHD assessment (an average wait of 559 days, 811 days for the longest).",
                outcomesSought: ["Children are assessed for autism and ADHD without long waits.", "Families are supported while they wait."],
                measures: [MeasureLink(measureID: "SEND-04", baseline: 5, target: 50)],
                actions: [
                    Action(ref: "1.1", text: "Commission additional assessment capacity and validate the waiting list.", accountableLead: "Designated clinical officer", deadline: .text("Quarterly")),
                    Action(ref: "1.2", text: "Offer a pre-diagnostic support pathway to every family waiting.", accountableLead: "Head of SEND", deadline: .text("Ongoing")),
                ]),
            Recommendation(
                number: 2, text: "The wait to see a community paediatrician (62 weeks).",
                outcomesSought: ["Children see a community paediatrician within 18 weeks of referral."],
                measures: [MeasureLink(measureID: "SEND-05", baseline: 10, target: 92)],
                actions: [
                    Action(ref: "2.1", text: "Recruit to the vacant community paediatrician posts.", accountableLead: "Integrated care board", deadline: .text("Ongoing")),
                ]),
            Recommendation(
                number: 3, text: "The backlog of annual-review amendments to EHC plans.",
                outcomesSought: ["Amended plans are issued within 4 weeks of the annual review.", "New plans stay within 20 weeks."],
                measures: [MeasureLink(measureID: "SEND-03", baseline: 20, target: 90), MeasureLink(measureID: "SEND-01", baseline: 60, target: 90)],
                actions: [
                    Action(ref: "3.1", text: "Clear the amendments backlog with a dedicated casework team.", accountableLead: "Head of SEND", deadline: .text("Monthly")),
                    Action(ref: "3.2", text: "Track every annual review's 4-week clock in the SEND tracker.", accountableLead: "SEND performance lead", deadline: .text("Ongoing")),
                ]),
        ])
}
