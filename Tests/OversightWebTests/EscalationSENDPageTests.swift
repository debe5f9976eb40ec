import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightStorage
import OversightTrackers
@testable import OversightWeb
import Testing

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("Web: the IRO escalations and SEND tracker pages")
struct EscalationSENDPageTests {
    /// The web fixture with an open escalation for a child on each team and one restricted child, SEND records and the WSOA.
    func fixtureWithTrackers() throws -> WebFixture {
        let web = try WebFixture()
        let store = try #require(web.store as? any TrackerDocumentStore)
        let escalations = ["KIDALPHA", "KIDCHARLIE", "KIDDELTA"].enumerated().map { index, child in
            Escalation(
                id: Identifier("ESC\(index)"), child: Identifier(child), raisedBy: "IRO A", concern: .permanenceDrift,
                steps: [EscalationStep(stage: .formal1, raisedOn: d("2024-04-02"), escalatedTo: "Team manager", responseDue: d("2024-04-09"))],
                actions: ["Hold a permanence meeting"])
        }
        try store.saveEscalations(escalations)
        try store.saveNeedsAssessments([
            EHCNeedsAssessment(id: "Q1", child: "KIDALPHA", requestReceived: d("2024-01-01"), decision: .assess, decisionOn: d("2024-02-01"), finalPlanIssuedOn: d("2024-05-20")),
            EHCNeedsAssessment(id: "Q2", child: "KIDCHARLIE", requestReceived: d("2024-01-01"), decision: .assess, decisionOn: d("2024-02-01"), finalPlanIssuedOn: d("2024-06-20")),
        ])
        try store.saveWaitingListReferrals([WaitingListReferral(id: "W1", child: "KIDBRAVO", pathway: .autism, referredOn: d("2023-01-01"), firstSeenOn: d("2024-03-01"))])
        try web.store.savePlan(WrittenStatementOfAction.demo)
        return web
    }

    @Test("Each reader sees only the children in their record scope; board members see figures only; every list is logged")
    func escalationScope() async throws {
        let web = try fixtureWithTrackers()
        try await web.app().test(.router) { client in
            for (user, shown) in [("director", ["KIDALPHA", "KIDCHARLIE"]), ("worker1", ["KIDALPHA"]), ("manager2", ["KIDCHARLIE", "KIDDELTA"]), ("board", [])] {
                let browser = Browser(client)
                try await browser.signIn(user)
                let page = try await browser.get("/escalations?period=2024-04")
                #expect(page.status == .ok, "\(user)")
                #expect(page.body.contains("<h1>IRO escalations</h1>"))
                #expect(page.body.contains("Open at formal stage 1</th><td class=\"num\">3</td>"), "\(user): counts include every child")
                for child in ["KIDALPHA", "KIDCHARLIE", "KIDDELTA"] {
                    #expect(page.body.contains("<td>\(child)</td>") == shown.contains(child), "\(user) and \(child)")
                }
                if user == "board" {
                    #expect(page.body.contains("board members see figures only"))
                    #expect(try web.store.accessLog(subject: nil, username: "board", limit: 10).isEmpty)
                } else {
                    let log = try web.store.accessLog(subject: nil, username: user, limit: 10)
                    #expect(log.contains { $0.action == .viewChildList && $0.subject == "/escalations?period=2024-04" && $0.childCount == shown.count }, "\(user)")
                }
            }
        }
    }

    @Test("The SEND page shows SEND-01 against England, the waiting lists and the WSOA; the measure page explains the records")
    func sendPage() async throws {
        let web = try fixtureWithTrackers()
        try await web.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let page = try await browser.get("/send?period=2024")
            #expect(page.status == .ok)
            #expect(page.body.contains("SEND-01 New EHC plans issued within 20 weeks"))
            #expect(page.body.contains("1 of 2 · England 46.0% (2024)"), "\(page.body)")
            #expect(page.body.contains("<p>0 of 0</p>"), "no England figure, no separator, for a local measure")
            #expect(page.body.contains("SEND Written Statement of Action (plan wsoa under Plans)"))
            #expect(page.body.contains("<td>Autism (ASD) assessment</td>"))
            let measure = try await browser.get("/trackers/measures/SEND-01?period=2024")
            #expect(measure.status == .ok)
            #expect(measure.body.contains("<td>Q2</td><td>KIDCHARLIE</td>"))
            #expect(measure.body.contains("final plan issued after 24 weeks 3 days; due 2024-05-20"))
            let missing = try await browser.get("/trackers/measures/SEND-99")
            #expect(missing.status == .notFound)
        }
    }
}
