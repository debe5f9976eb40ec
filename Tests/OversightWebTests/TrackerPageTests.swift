import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightStorage
@testable import OversightWeb
import Testing

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

@Suite("Web: LADO and the screening queue")
struct TrackerPageTests {
    static let ladoOfficer = UserAccount(username: "lado", displayName: "Lee Adebayo", role: .teamManager, teamID: "LADO")
    static let personNamed = "Quentin Harrowgate"

    /// The web fixture with a LADO officer, two allegations (one open, one closed) and a queue breaching its service level.
    static func fixture(on kind: WebFixture.StoreKind) throws -> WebFixture {
        let fixture = try WebFixture(on: kind)
        try fixture.store.saveUser(ladoOfficer, passwordHash: Secrets.hashPassword(WebFixture.password, cost: 4))
        let trackers = try #require(fixture.store as? any AllegationStore & PartnerNotificationStore)
        try trackers.saveAllegations([
            Allegation(
                id: "LADO-1", receivedOn: d("2025-03-13"), referrer: "Designated safeguarding lead", referrerOrganisation: "School",
                subject: AllegationSubject(name: personNamed, role: "Teacher", dateOfBirth: d("1981-02-02")), employer: "Harrowgate Academy",
                sector: .education, harmTests: [.harmedChild], children: [AllegationChild(childID: "KIDALPHA", description: "known to the authority")],
                officer: "Lee Adebayo", initialConsiderationOn: d("2025-03-14"), meetsThreshold: true,
                meetings: [AllegationMeeting(kind: .strategy, heldOn: d("2025-03-18"))]),
            Allegation(
                id: "LADO-2", receivedOn: d("2025-01-06"), referrer: "Parent", referrerOrganisation: "Parent",
                subject: AllegationSubject(name: "Olwen Fairbank", role: "Sports coach"), employer: "Fairbank Trust", sector: .sport,
                harmTests: [.transferableRisk], officer: "Dani Okafor", initialConsiderationOn: d("2025-01-09"), meetsThreshold: true,
                outcome: .unfounded, outcomeOn: d("2025-02-03"), closedOn: d("2025-02-03")),
        ])
        try trackers.addNotifications([
            PartnerNotification(id: "PN-1", source: .police, reference: "POL/1", receivedOn: d("2025-01-20"), category: "domestic abuse"),
            PartnerNotification(
                id: "PN-2", source: .school, reference: "", receivedOn: d("2025-03-20"), category: "welfare", screenedOn: d("2025-03-21"),
                screenedBy: "MASH screener A", linkedChildID: "KIDALPHA", outcome: .openCaseUpdated, outcomeOn: d("2025-03-21")),
        ])
        return fixture
    }

    @Test("Only the LADO team opens allegations, whatever the role; every look and refusal is logged", arguments: WebFixture.StoreKind.tested)
    func restrictedToTheLADOTeam(store: WebFixture.StoreKind) async throws {
        let fixture = try Self.fixture(on: store)
        try await fixture.app().test(.router) { client in
            for user in WebFixture.users + [Self.ladoOfficer] {
                let browser = Browser(client)
                #expect(try await browser.signIn(user.username).status == .found)
                let isLADO = user.username == "lado"
                let overview = try await browser.get("/trackers/lado")
                #expect(overview.status == .ok, "\(user.username)")
                // The figures are for everyone; the names only for the LADO team.
                #expect(overview.body.contains("LADO-01 Allegations received"))
                #expect(overview.body.contains(Self.personNamed) == isLADO, "\(user.username)")
                let record = try await browser.get("/trackers/lado/LADO-1")
                #expect(record.status == (isLADO ? .ok : .forbidden), "\(user.username)")
                #expect(record.body.contains(Self.personNamed) == isLADO, "\(user.username)")
                let explanation = try await browser.get("/trackers/lado/measures/LADO-03")
                #expect(explanation.status == (isLADO ? .ok : .forbidden), "\(user.username)")
                #expect(explanation.body.contains("LADO-1") == isLADO)
            }
        }
        #expect(try fixture.store.accessLog(subject: "allegation:LADO-1", username: "director", limit: 5).map(\.action) == [.denied])
        let views = try fixture.store.accessLog(subject: "allegation:LADO-1", username: "lado", limit: 5)
        #expect(views.map(\.action) == [.viewChild] && views[0].reason == "member of the LADO team")
    }

    @Test("The allegation page shows the workflow with its timescales and retention")
    func allegationPage() async throws {
        let fixture = try Self.fixture(on: .sqlite)
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("lado")
            let page = try await browser.get("/trackers/lado/LADO-2")
            #expect(page.status == .ok)
            // Received Monday 6 January, decided Thursday: three working days, late.
            #expect(page.body.contains("3 working days (late: due within 1 working day)"))
            #expect(page.body.contains("resolved within 1 month"))
            #expect(page.body.contains("Kept until 3 Feb 2026 (unfounded: 12 months from closure)"))
            #expect(try await browser.get("/trackers/lado/NOPE").status == .notFound)
        }
    }

    @Test("The queue page shows its size, oldest and the service-level alert")
    func queuePage() async throws {
        let fixture = try Self.fixture(on: .sqlite)
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("manager1")
            let page = try await browser.get("/trackers/notifications")
            #expect(page.status == .ok)
            #expect(page.body.contains("Service level breached"))
            #expect(page.body.contains("received 20 Jan 2025, 70 days ago"))
            #expect(page.body.contains("PN-1"))
            let board = Browser(client)
            try await board.signIn("board")
            let aggregate = try await board.get("/trackers/notifications")
            #expect(aggregate.status == .ok && aggregate.body.contains("Service level breached") && !aggregate.body.contains("PN-1"))
        }
    }
}
