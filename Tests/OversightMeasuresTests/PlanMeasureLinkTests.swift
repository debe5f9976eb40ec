import OversightCore
import OversightMeasures
import Testing

@Suite("Measures linked to an improvement plan")
struct PlanMeasureLinkTests {
    @Test("Distance to target follows the measure's polarity")
    func distance() {
        #expect(PlanMeasureLinks.distance(20, target: 22.6, polarity: .lowerIsBetter)?.met == true)
        #expect(PlanMeasureLinks.distance(25, target: 22.6, polarity: .lowerIsBetter)?.met == false)
        #expect(PlanMeasureLinks.distance(80, target: 85.7, polarity: .higherIsBetter)?.met == false)
        let gap = PlanMeasureLinks.distance(80, target: 85.7, polarity: .higherIsBetter)?.gap ?? 0
        #expect(abs(gap - 5.7) < 1e-9)
        #expect(PlanMeasureLinks.distance(nil, target: 85.7, polarity: .higherIsBetter) == nil)
        #expect(PlanMeasureLinks.distance(5, target: 5, polarity: .neither) == nil)
    }

    @Test("Moving away from target: the latest value is on the wrong side and further off than three months before")
    func movingAway() {
        // Re-referrals (lower is better), target 22.6.
        #expect(PlanMeasureLinks.isMovingAway([21, 22, 23, 24, 25], target: 22.6, polarity: .lowerIsBetter))
        #expect(!PlanMeasureLinks.isMovingAway([27, 26, 25, 24, 23], target: 22.6, polarity: .lowerIsBetter), "still short, but closing")
        #expect(!PlanMeasureLinks.isMovingAway([21, 22, 23, 22, 21], target: 22.6, polarity: .lowerIsBetter), "met")
        #expect(PlanMeasureLinks.isMovingAway([90, 88, 86, 85, 84], target: 85.7, polarity: .higherIsBetter), "fell below target")
        #expect(!PlanMeasureLinks.isMovingAway([nil, 84, 83], target: 85.7, polarity: .higherIsBetter), "too few months to judge")
    }

    @Test("A plan without links takes the 2022 defaults; a plan with its own keeps them")
    func defaults() {
        let first = Recommendation(number: 1, text: "re-referrals", outcomesSought: [], actions: [])
        let fifth = Recommendation(number: 5, text: "IROs", outcomesSought: [], actions: [])
        let plan = ImprovementPlan(id: "p", title: "t", source: "s", recommendations: [first, fifth])
        let (links, areDefaults) = PlanMeasureLinks.links(for: first, in: plan)
        #expect(links.map(\.measureID) == ["CIN-02", "CIN-03", "CIN-07"])
        #expect(areDefaults)
        #expect(PlanMeasureLinks.links(for: fifth, in: plan).links.map(\.measureID) == ["IRO-01", "IRO-02", "IRO-03"])
        for id in PlanMeasureLinks.defaults.values.flatMap({ $0 }) { #expect(MeasureCatalogue.measure(id) != nil, "\(id)") }

        var linked = fifth
        linked.measures = [MeasureLink(measureID: "IRO-02", baseline: 80, target: 95)]
        let own = ImprovementPlan(id: "p", title: "t", source: "s", recommendations: [first, linked])
        #expect(PlanMeasureLinks.links(for: linked, in: own).links == [MeasureLink(measureID: "IRO-02", baseline: 80, target: 95)])
        #expect(PlanMeasureLinks.links(for: first, in: own).links.isEmpty, "a plan that names links gets no defaults")
    }
}
