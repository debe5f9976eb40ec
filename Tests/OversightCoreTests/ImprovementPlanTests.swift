import Testing
@testable import OversightCore

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

private func update(_ ref: String, _ rag: RAG, at: String, status: String = "s") -> ActionUpdate {
    ActionUpdate(ref: ref, status: status, impact: "i", more: "m", rag: rag, by: "Amanda Andrews", at: at)
}

/// A two-action plan submitted on Wednesday 25 May 2022, as the 2022 plan was, with a board every two months.
private let plan = ImprovementPlan(
    id: "p", title: "Plan", source: "Ofsted ILACS", submitBy: d("2022-05-25"), governance: Governance(boardMeetsEveryMonths: 2),
    recommendations: [
        Recommendation(number: 1, text: "Re-referrals", outcomesSought: ["Fewer"], actions: [
            // Sunday 31 July 2022.
            Action(ref: "1.1", text: "Review", accountableLead: "Amanda Andrews", deadline: .date(d("2022-07-31"))),
            Action(ref: "1.2", text: "Ongoing work", accountableLead: "Palvinder Kudhail", deadline: .text("Ongoing")),
        ])
    ])

@Suite("Improvement plan history as of a date")
struct PlanHistoryTests {
    let updates = [
        update("1.1", .green, at: "2022-06-01T09:00:00Z", status: "first"),
        update("1.1", .amber, at: "2022-08-01T09:00:00Z", status: "second"),
        update("1.2", .green, at: "2022-08-01T10:00:00Z"),
        update("1.1", .blue, at: "2022-08-01T16:00:00Z", status: "third, same day"),
    ]

    @Test("Before any update, no action has a latest update")
    func beforeAny() {
        #expect(PlanHistory.latestUpdates(updates, asOf: d("2022-05-31")).isEmpty)
    }

    @Test("An update counts from its own day: as of 1 June the first update is the latest")
    func onTheDay() {
        let latest = PlanHistory.latestUpdates(updates, asOf: d("2022-06-01"))
        #expect(latest["1.1"]?.status == "first")
        #expect(latest["1.2"] == nil)
    }

    @Test("As of a past date, later updates are not seen", arguments: [
        ("2022-07-31", "first"), ("2022-08-01", "third, same day"), ("2023-01-01", "third, same day"),
    ])
    func asOf(date: String, expected: String) {
        #expect(PlanHistory.latestUpdates(updates, asOf: d(date))["1.1"]?.status == expected)
    }

    @Test("Two updates on one day: the one recorded later wins")
    func sameDay() {
        #expect(PlanHistory.latestUpdates(updates, asOf: nil)["1.1"]?.rag == .blue)
    }

    @Test("An action's history is its updates to the date, oldest first")
    func history() {
        #expect(PlanHistory.history(of: "1.1", in: updates, asOf: d("2022-07-01")).map(\.status) == ["first"])
        #expect(PlanHistory.history(of: "1.1", in: updates, asOf: nil).map(\.status) == ["first", "second", "third, same day"])
    }
}

@Suite("Suggested RAG ratings: overdue and stale actions")
struct RAGCheckTests {
    @Test("A deadline on Sunday 31 July has passed on Monday 1 August, not before: calendar days, not working days", arguments: [
        ("2022-07-29", false),  // Friday
        ("2022-07-30", false),  // Saturday
        ("2022-07-31", false),  // Sunday, the deadline itself
        ("2022-08-01", true),  // Monday
    ])
    func overdueAroundWeekend(date: String, overdue: Bool) {
        #expect(RAGCheck.isOverdue(.date(d("2022-07-31")), on: d(date)) == overdue)
        let flag = RAGCheck.overdue(plan.recommendations[0].actions[0], latest: update("1.1", .green, at: "2022-07-15"), on: d(date))
        #expect((flag != nil) == overdue)
    }

    @Test("An overdue action rated Green is flagged Red, with the reason")
    func overdueSuggestsRed() throws {
        let flag = try #require(RAGCheck.overdue(plan.recommendations[0].actions[0], latest: update("1.1", .green, at: "2022-07-15"), on: d("2022-08-02")))
        #expect(flag.kind == .overdue)
        #expect(flag.current == .green)
        #expect(flag.suggested == .red)
        #expect(flag.disagrees)
        #expect(flag.reason == "deadline 2022-07-31 passed 2 days ago and the action is rated Green, not Blue")
    }

    @Test("An overdue action already rated Red is flagged but agrees; a Blue action is not flagged")
    func redAndBlue() throws {
        let action = plan.recommendations[0].actions[0]
        let red = try #require(RAGCheck.overdue(action, latest: update("1.1", .red, at: "2022-07-15"), on: d("2022-08-02")))
        #expect(!red.disagrees)
        #expect(RAGCheck.overdue(action, latest: update("1.1", .blue, at: "2022-07-15"), on: d("2022-08-02")) == nil)
    }

    @Test("A deadline in words is never overdue")
    func textDeadline() {
        #expect(!RAGCheck.isOverdue(.text("Ongoing"), on: d("2030-01-01")))
    }

    @Test("Stale after more than 61 days without an update: an update on Friday 3 June is stale from Thursday 4 August", arguments: [
        ("2022-08-02", false),  // 60 days
        ("2022-08-03", false),  // 61 days: within the cycle
        ("2022-08-04", true),  // 62 days
    ])
    func staleAroundCycle(date: String, stale: Bool) {
        let action = plan.recommendations[0].actions[1]
        let flag = RAGCheck.stale(action, latest: update("1.2", .green, at: "2022-06-03T17:30:00Z"), since: plan.submitBy, on: d(date), cycleDays: 61)
        #expect((flag != nil) == stale)
        if let flag { #expect(flag.reason == "last updated 2022-06-03, 62 days ago: longer than the board cycle of 61 days") }
    }

    @Test("Staleness does not wait for a working day: an update on Monday 6 June is stale on Sunday 7 August", arguments: [
        ("2022-08-06", false),  // Saturday, 61 days
        ("2022-08-07", true),  // Sunday, 62 days
        ("2022-08-08", true),  // Monday
    ])
    func staleOverWeekend(date: String, stale: Bool) {
        let action = plan.recommendations[0].actions[1]
        let latest = update("1.2", .amber, at: "2022-06-06T08:00:00Z")
        #expect((RAGCheck.stale(action, latest: latest, since: nil, on: d(date), cycleDays: 61) != nil) == stale)
    }

    @Test("An action never updated is stale counted from the plan's submission; a Blue one never is")
    func neverUpdated() {
        let action = plan.recommendations[0].actions[1]
        #expect(RAGCheck.stale(action, latest: nil, since: d("2022-05-25"), on: d("2022-07-25"), cycleDays: 61) == nil)
        #expect(RAGCheck.stale(action, latest: nil, since: d("2022-05-25"), on: d("2022-07-26"), cycleDays: 61)?.reason
            == "never updated since the plan was submitted on 2022-05-25, 62 days ago: longer than the board cycle of 61 days")
        #expect(RAGCheck.stale(action, latest: update("1.2", .blue, at: "2022-06-01"), since: nil, on: d("2023-06-01"), cycleDays: 61) == nil)
    }

    @Test("Two months is a 61-day board cycle; one month 31; three months 92", arguments: [(1, 31), (2, 61), (3, 92)])
    func cycle(months: Int, days: Int) {
        #expect(Governance.days(inMonths: months) == days)
    }

    @Test("A plan's flags as of a date read its updates as they stood then")
    func planFlags() {
        let updates = [update("1.1", .green, at: "2022-07-01"), update("1.2", .green, at: "2022-07-01"), update("1.1", .blue, at: "2022-09-01")]
        let august = RAGCheck.flags(for: plan, updates: updates, on: d("2022-08-15"))
        #expect(august.map(\.ref) == ["1.1"])
        #expect(august.map(\.kind) == [.overdue])
        let october = RAGCheck.flags(for: plan, updates: updates, on: d("2022-10-15"))
        #expect(october.map { "\($0.ref) \($0.kind)" } == ["1.2 stale"])
    }

    @Test("RAG codes and names read in any case", arguments: [("R", RAG.red), ("a", .amber), ("Green", .green), ("BLUE", .blue)])
    func ragCodes(text: String, rag: RAG) {
        #expect(RAG(code: text) == rag)
    }
}
