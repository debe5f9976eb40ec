import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightInterchange
import OversightStorage
@testable import OversightWeb
import Testing

@Suite("Web: the improvement plan")
struct PlanPageTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../OversightInterchangeTests/Fixtures/plans/post-ofsted-action-plan-2022.json").standardized.path

    /// The web fixture with the 2022 post-Ofsted action plan imported, and the clock on 1 March 2023.
    func fixtureWithPlan() throws -> (WebFixture, ImprovementPlan) {
        let web = try WebFixture()
        let contents = try PlanDocument.read(path: Self.fixture, id: "ofsted-2022")
        try web.store.savePlan(contents.plan, updates: contents.updates)
        // 1 March 2023, 09:00 UTC.
        web.clock.advance(Int64(LocalDate(iso: "2023-03-01")!.dayNumber) * 86_400 + 32_400 - web.clock.now)
        return (web, contents.plan)
    }

    @Test("The plan page lists all 7 recommendations and 27 actions, with exceptions first")
    func planPage() async throws {
        let (web, plan) = try fixtureWithPlan()
        try await web.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("board")
            let list = try await browser.get("/plans")
            #expect(list.body.contains("href=\"/plans/ofsted-2022\""))
            let page = try await browser.get("/plans/ofsted-2022")
            #expect(page.status == .ok)
            for number in 1...7 { #expect(page.body.contains("<h2>Recommendation \(number)</h2>")) }
            for action in plan.actions { #expect(page.body.contains("href=\"/plans/ofsted-2022/actions/\(action.ref)\""), "\(action.ref)") }
            #expect(page.body.contains("Not yet rated</span></th>"))
            // Nothing has been updated since submission, so every action is stale and past-deadline ones are overdue.
            let exceptions = try #require(page.body.range(of: "<h2>Exceptions</h2>"))
            let first = try #require(page.body.range(of: "<h2>Recommendation 1</h2>"))
            #expect(exceptions.lowerBound < first.lowerBound)
            #expect(page.body.contains("<td>Stale</td>"))
            // Each recommendation shows its measures (the 2022 defaults: the file names none) with baseline and target.
            #expect(page.body.contains("<a href=\"/measures/CIN-02\">CIN-02</a> Re-referrals within 12 months <span class=\"muted small\">(default link)</span>"))
            #expect(page.body.contains("Recommendation 5: measures that show its outcomes"))
            #expect(!page.body.contains("Recommendation 4: measures that show its outcomes"), "no measure yet for homeless 16 and 17 year olds")
            // Board members read the plan but get no form.
            let action = try await browser.get("/plans/ofsted-2022/actions/1.1")
            #expect(!action.body.contains("<form method=\"post\" action=\"/plans/"))
        }
    }

    @Test("A manager records an update through the form; it joins the history, and the plan as of an earlier date is unchanged")
    func update() async throws {
        let (web, _) = try fixtureWithPlan()
        try await web.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("manager1")
            let page = try await browser.get("/plans/ofsted-2022/actions/1.1")
            let token = try #require(Browser.csrf(in: page.body))
            let form = ["csrf": token, "status": "Threshold guidance relaunched", "impact": "Re-referrals down", "more": "Audit in May",
                        "rag": "G", "evidence": "https://intranet.example/threshold"]
            #expect(try await browser.post("/plans/ofsted-2022/actions/1.1", form: form.filter { $0.key != "csrf" }).status == .forbidden)
            let done = try await browser.post("/plans/ofsted-2022/actions/1.1", form: form)
            #expect(done.status == .seeOther)
            let updates = try web.store.fetchUpdates(plan: "ofsted-2022", asOf: nil)
            #expect(updates.count == 1)
            #expect(updates.first?.by == "Mo Manager")
            #expect(updates.first?.rag == .green)
            #expect(updates.first?.evidence == ["https://intranet.example/threshold"])
            let action = try await browser.get("/plans/ofsted-2022/actions/1.1?done=1")
            #expect(action.body.contains("Your update has been recorded."))
            #expect(action.body.contains("Threshold guidance relaunched"))
            let now = try await browser.get("/plans/ofsted-2022")
            #expect(now.body.contains("<strong>Status:</strong> Threshold guidance relaunched"))
            let before = try await browser.get("/plans/ofsted-2022?as-of=2023-02-01")
            #expect(!before.body.contains("Threshold guidance relaunched"))

            let script = try await browser.post("/plans/ofsted-2022/actions/1.2", form: [
                "csrf": token, "status": "x", "rag": "A", "evidence": "javascript:alert(1)",
            ])
            #expect(script.status == .badRequest)
            let noRating = try await browser.post("/plans/ofsted-2022/actions/1.2", form: ["csrf": token, "status": "x"])
            #expect(noRating.status == .badRequest)
            #expect(try web.store.fetchUpdates(plan: "ofsted-2022", asOf: nil).count == 1)
        }
    }

    @Test("Social workers, IROs, board members and inspectors cannot update the plan")
    func readOnlyRoles() async throws {
        let (web, _) = try fixtureWithPlan()
        try await web.app().test(.router) { client in
            for username in ["worker1", "iro", "board", "inspector"] {
                let browser = Browser(client)
                try await browser.signIn(username)
                let home = try await browser.get("/")
                let token = try #require(Browser.csrf(in: home.body))
                let refused = try await browser.post("/plans/ofsted-2022/actions/1.1", form: ["csrf": token, "status": "x", "rag": "G"])
                #expect(refused.status == .forbidden, "\(username)")
            }
            #expect(try web.store.fetchUpdates(plan: "ofsted-2022", asOf: nil).isEmpty)
        }
    }
}
