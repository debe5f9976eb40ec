import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightStorage
@testable import OversightWeb
import Testing

@Suite("Web: who sees which child")
struct AuthorisationTests {
    /// Every page a signed-in person can reach, child pages aside.
    static let routes = [
        "/", "/measures", "/measures/CIN-02", "/measures/CIN-01", "/measures/CIN-02?page=2", "/caseload/weekly", "/teams/T1",
        "/teams/T2", "/admin/access-log", "/admin", "/data", "/api/stats", "/inspection/lists", "/inspection/lists/3",
        "/inspection/lists/3?format=csv", "/imports", "/plans",
    ]

    @Test(
        "Every role against every route and every child, on SQLite and PostgreSQL: a child outside the role's scope never appears",
        arguments: WebFixture.users, WebFixture.StoreKind.tested)
    func matrix(user: UserAccount, store: WebFixture.StoreKind) async throws {
        let fixture = try WebFixture(on: store)
        let allowed = try #require(WebFixture.scope[user.username])
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            #expect(try await browser.signIn(user.username).status == .found)
            for route in Self.routes {
                let page = try await browser.get(route)
                let refused = (route == "/admin/access-log" && !user.role.mayReadAccessLog) || (route == "/admin" && !user.role.mayAdminister)
                    || (route.hasPrefix("/inspection/") && !user.role.seesChildLevelData)
                    || (route == "/imports" && !ImportPages.mayImport(user.role))
                let expected: HTTPResponse.Status = refused ? .forbidden : .ok
                #expect(page.status == expected, "\(user.username) \(route)")
                for (child, name) in zip(WebFixture.children, WebFixture.names) where !allowed.contains(child) {
                    // The access log and the restriction list name children's IDs by design (who looked at whom,
                    // which records are restricted) for those allowed to read them; never their names.
                    if route != "/admin/access-log" && route != "/admin" {
                        #expect(!page.body.contains(child), "\(user.username) saw \(child) on \(route)")
                    }
                    #expect(!page.body.contains(name), "\(user.username) saw \(name) on \(route)")
                }
            }
            for (child, name) in zip(WebFixture.children, WebFixture.names) {
                let page = try await browser.get("/children/\(child)")
                if allowed.contains(child) {
                    #expect(page.status == .ok, "\(user.username) should open \(child)")
                    #expect(page.body.contains(name))
                } else {
                    #expect(page.status == .forbidden, "\(user.username) must not open \(child)")
                    #expect(!page.body.contains(name))
                }
            }
            // Where the role sees children, the measure's explanation lists exactly the ones in scope.
            let explanation = try await browser.get("/measures/CIN-02")
            let listed = Set(WebFixture.children.filter { explanation.body.contains("/children/\($0)\"") })
            #expect(listed == allowed, "\(user.username)")
            // The API under the same rules: child records, and the rows behind a measure.
            for child in WebFixture.children {
                let status = try await browser.get("/api/children/\(child)").status
                #expect(status == (allowed.contains(child) ? .ok : .forbidden), "\(user.username) API \(child)")
            }
            let rows = try await browser.get("/api/measures/CIN-02/children")
            if user.role.seesChildLevelData {
                #expect(rows.status == .ok)
                #expect(Set(WebFixture.children.filter { rows.body.contains("\"\($0)\"") }) == allowed, "\(user.username) API rows")
            } else {
                #expect(rows.status == .forbidden)
                #expect(!WebFixture.children.contains { rows.body.contains($0) })
            }
        }
    }

    @Test("Board members see figures but no child-level rows anywhere")
    func boardAggregatesOnly() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("board")
            let measure = try await browser.get("/measures/CIN-02")
            #expect(measure.body.contains("Board members see figures only"))
            #expect(!measure.body.contains("/children/"))
            let team = try await browser.get("/teams/T1")
            #expect(team.status == .ok)
            #expect(!team.body.contains("/children/"))
            #expect(try fixture.store.accessLog(subject: nil, username: "board", limit: 100).allSatisfy { $0.action == .denied })
        }
    }

    @Test("A restricted record is refused to everyone not named, the director included, and the refusal is logged", arguments: WebFixture.StoreKind.tested)
    func restricted(store: WebFixture.StoreKind) async throws {
        let fixture = try WebFixture(on: store)
        try await fixture.app().test(.router) { client in
            let director = Browser(client)
            try await director.signIn("director")
            let refused = try await director.get("/children/KIDDELTA")
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("restricted record"))
            #expect(!refused.body.contains("Wilf"))
            let log = try fixture.store.accessLog(subject: "KIDDELTA", username: "director", limit: 10)
            #expect(log.map(\.action) == [.denied])

            let named = Browser(client)
            try await named.signIn("manager2")
            let opened = try await named.get("/children/KIDDELTA")
            #expect(opened.status == .ok)
            #expect(opened.body.contains("Restricted record"))
            #expect(opened.body.contains("Wilf Dunhallow"))
        }
    }

    @Test("Each view of a child's record writes exactly one access-log row, with who, what and why", arguments: WebFixture.StoreKind.tested)
    func oneLogRowPerView(store: WebFixture.StoreKind) async throws {
        let fixture = try WebFixture(on: store)
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("worker1")
            for expected in 1...3 {
                #expect(try await browser.get("/children/KIDALPHA").status == .ok)
                let rows = try fixture.store.accessLog(subject: "KIDALPHA", username: nil, limit: 100)
                #expect(rows.count == expected)
                #expect(rows.first?.username == "worker1")
                #expect(rows.first?.action == .viewChild)
                #expect(rows.first?.reason == "allocated social worker")
            }
            #expect(try await browser.get("/children/KIDBRAVO").status == .ok)
            #expect(try fixture.store.accessLog(subject: "KIDBRAVO", username: nil, limit: 100).first?.reason == "child on the worker's team list")
            // A list of children is one row too, with how many children it showed.
            _ = try await browser.get("/measures/CIN-02")
            let list = try fixture.store.accessLog(subject: nil, username: "worker1", limit: 1)
            #expect(list.first?.action == .viewChildList)
            #expect(list.first?.childCount == 2)
        }
    }

    @Test("A director restricts and lifts a record through the admin form; the change is logged; others cannot")
    func restrictThroughTheForm() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let director = Browser(client)
            try await director.signIn("director")
            let admin = try await director.get("/admin")
            let token = try #require(Browser.csrf(in: admin.body))
            #expect(try await director.post("/admin/restrictions", form: ["child": "KIDECHO", "users": "analyst", "reason": "press interest"]).status == .forbidden)
            let done = try await director.post(
                "/admin/restrictions", form: ["csrf": token, "child": "KIDECHO", "users": "analyst", "reason": "press interest"])
            #expect(done.status == .seeOther)
            #expect(try fixture.store.restrictions().contains { $0.childID == "KIDECHO" && $0.usernames == ["analyst"] })
            #expect(try await director.get("/children/KIDECHO").status == .forbidden)
            #expect(try fixture.store.accessLog(subject: "KIDECHO", username: "director", limit: 5).contains { $0.action == .changeRestriction })
            let missingReason = try await director.post("/admin/restrictions", form: ["csrf": token, "child": "KIDBRAVO", "users": "analyst"])
            #expect(missingReason.status == .badRequest)
            #expect(missingReason.body.contains("Give the reason"))

            let manager = Browser(client)
            try await manager.signIn("manager1")
            let home = try await manager.get("/")
            let managerToken = try #require(Browser.csrf(in: home.body))
            #expect(try await manager.post("/admin/restrictions/lift", form: ["csrf": managerToken, "child": "KIDECHO"]).status == .forbidden)

            #expect(try await director.post("/admin/restrictions/lift", form: ["csrf": token, "child": "KIDECHO"]).status == .seeOther)
            #expect(try await director.get("/children/KIDECHO").status == .ok)
        }
    }

    @Test("Who looked at a child: the log answers for a director, and only for roles allowed to read it")
    func whoLooked() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let worker = Browser(client)
            try await worker.signIn("worker1")
            _ = try await worker.get("/children/KIDALPHA")
            #expect(try await worker.get("/admin/access-log?child=KIDALPHA").status == .forbidden)
            let director = Browser(client)
            try await director.signIn("director")
            let page = try await director.get("/admin/access-log?child=KIDALPHA")
            #expect(page.status == .ok)
            #expect(page.body.contains("Who looked at child KIDALPHA"))
            #expect(page.body.contains("<td>worker1</td>"))
        }
    }
}

@Suite("Access policy")
struct AccessPolicyTests {
    let facts = ChildAccessFacts(childID: "c", allocatedWorkerIDs: ["W1"], teamIDs: ["T1"])

    @Test("Record scope by role", arguments: [
        (Role.director, nil, nil, true), (.performanceAnalyst, nil, nil, true), (.inspector, nil, nil, true),
        (.boardMember, nil, nil, false), (.qualityAuditor, nil, nil, false), (.independentReviewingOfficer, nil, nil, false),
        (.teamManager, nil, "T1", true), (.teamManager, nil, "T2", false), (.socialWorker, "W1", "T9", true),
        (.socialWorker, "W2", "T1", true), (.socialWorker, "W2", "T2", false),
    ] as [(Role, String?, String?, Bool)])
    func scope(role: Role, worker: String?, team: String?, allowed: Bool) {
        let user = UserAccount(username: "u", displayName: "U", role: role, workerID: worker, teamID: team)
        #expect(AccessPolicy.decide(user, child: facts).isAllowed == allowed)
    }

    @Test("A restriction overrides every role; a named user or team gets through")
    func restriction() {
        var restricted = facts
        restricted.restriction = ChildRestriction(childID: "c", usernames: ["named"], teamIDs: ["T7"], reason: "relative")
        let director = UserAccount(username: "boss", displayName: "B", role: .director)
        #expect(AccessPolicy.decide(director, child: restricted) == .denied("restricted record"))
        let named = UserAccount(username: "named", displayName: "N", role: .socialWorker)
        #expect(!AccessPolicy.decide(named, child: restricted).isAllowed, "named, but a social worker with no link to the child")
        let namedDirector = UserAccount(username: "named", displayName: "N", role: .director)
        #expect(AccessPolicy.decide(namedDirector, child: restricted).isAllowed)
        let teamManager = UserAccount(username: "m", displayName: "M", role: .teamManager, teamID: "T7")
        #expect(!AccessPolicy.decide(teamManager, child: restricted).isAllowed, "named team, but the child is not the team's")
    }

    @Test("Auditors see their audits' children; IROs the children on plans or looked after")
    func auditorsAndIROs() {
        var child = facts
        let auditor = UserAccount(username: "a", displayName: "A", role: .qualityAuditor)
        let iro = UserAccount(username: "i", displayName: "I", role: .independentReviewingOfficer)
        #expect(!AccessPolicy.decide(auditor, child: child).isAllowed)
        #expect(!AccessPolicy.decide(iro, child: child).isAllowed)
        child.isInAssignedAudit = true
        child.isReviewedByIRO = true
        #expect(AccessPolicy.decide(auditor, child: child).isAllowed)
        #expect(AccessPolicy.decide(iro, child: child).isAllowed)
    }
}
