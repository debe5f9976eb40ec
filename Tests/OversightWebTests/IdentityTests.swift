import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightStorage
@testable import OversightWeb
import Testing

@Suite("Web: signing in, sessions and forms")
struct IdentityTests {
    @Test("Signing in sets a secure, HTTP-only, SameSite=Strict session cookie; a wrong password does not", arguments: WebFixture.StoreKind.tested)
    func signIn(store: WebFixture.StoreKind) async throws {
        let fixture = try WebFixture(on: store)
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            let wrong = try await browser.signIn("director", password: "nope")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("The username or password is not right."))
            #expect(browser.cookie(SessionCookie.name) == nil)

            let page = try await browser.signIn("director")
            #expect(page.status == .found)
            #expect(page.location == "/")
            let setCookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix(SessionCookie.name + "=") })
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("Secure"))
            #expect(setCookie.contains("SameSite=Strict"))
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("signed in as Dana Director"))
            #expect(home.headers[.cacheControl] == "no-store")
        }
    }

    @Test("Pages need a signed-in user: browsers are sent to sign in, the API answers 401")
    func signInRequired() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            let page = try await browser.get("/measures/CIN-02")
            #expect(page.status == .seeOther)
            #expect(page.location == "/login?next=%2Fmeasures%2FCIN%2D02")
            #expect(try await browser.get("/api/stats").status == .unauthorized)
            #expect(try await browser.get("/health").status == .ok)
            #expect(try await browser.get("/children/KIDALPHA").status == .seeOther)
        }
    }

    @Test("After signing in, 'next' returns to the page asked for, but never to another site")
    func nextIsLocal() {
        #expect(SignInController.safeNext("/measures/CIN-06") == "/measures/CIN-06")
        #expect(SignInController.safeNext("//evil.example/") == nil)
        #expect(SignInController.safeNext("https://evil.example/") == nil)
        #expect(SignInController.safeNext("/\\evil.example") == nil)
    }

    @Test("A form posted without the session's CSRF token is refused; with it, signing out ends the session")
    func csrf() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let session = try #require(browser.cookie(SessionCookie.name))
            let forged = try await browser.post("/logout", form: [:])
            #expect(forged.status == .forbidden)
            let wrong = try await browser.post("/logout", form: ["csrf": "0000"])
            #expect(wrong.status == .forbidden)
            #expect(try fixture.store.session(token: session) != nil)

            let home = try await browser.get("/")
            let token = try #require(Browser.csrf(in: home.body))
            let out = try await browser.post("/logout", form: ["csrf": token])
            #expect(out.status == .found)
            #expect(try fixture.store.session(token: session) == nil)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("Loading the sign-in page twice keeps the first form's token valid (a favicon request must not break sign-in)")
    func loginTokenStable() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            let first = try await browser.get("/login")
            _ = try await browser.get("/favicon.ico")
            _ = try await browser.get("/login")
            let token = try #require(Browser.csrf(in: first.body))
            let page = try await browser.post("/login", form: ["csrf": token, "username": "director", "password": WebFixture.password])
            #expect(page.status == .found)
        }
    }

    @Test("The sign-in form itself needs its token (double-submit cookie)")
    func loginCSRF() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            let page = try await browser.post("/login", form: ["username": "director", "password": WebFixture.password])
            #expect(page.status == .forbidden)
            #expect(browser.cookie(SessionCookie.name) == nil)
        }
    }

    @Test("A session expires after the idle time; each request moves the expiry on", arguments: WebFixture.StoreKind.tested)
    func expiry(store: WebFixture.StoreKind) async throws {
        let fixture = try WebFixture(on: store) { $0.sessionIdleSeconds = 600 }
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            fixture.clock.advance(500)
            #expect(try await browser.get("/measures").status == .ok)
            fixture.clock.advance(500)
            #expect(try await browser.get("/measures").status == .ok, "the request at 500 s extended the session")
            fixture.clock.advance(601)
            let expired = try await browser.get("/measures")
            #expect(expired.status == .seeOther)
            #expect(expired.location?.hasPrefix("/login") == true)
        }
    }

    @Test("Five failed sign-ins lock the username for the window, even with the right password next")
    func throttling() async throws {
        let fixture = try WebFixture { $0.loginAttemptsAllowed = 5; $0.loginWindowSeconds = 900 }
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            for _ in 1...5 { #expect(try await browser.signIn("analyst", password: "guess").status == .unauthorized) }
            let locked = try await browser.signIn("analyst")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[.retryAfter] != nil)
            #expect(browser.cookie(SessionCookie.name) == nil)
            fixture.clock.advance(901)
            #expect(try await browser.signIn("analyst").status == .found)
        }
    }

    @Test("A disabled account cannot sign in, and its open sessions stop working")
    func disabled() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("worker1")
            var account = try #require(try fixture.store.user(named: "worker1"))
            account.isActive = false
            try fixture.store.saveUser(account, passwordHash: Secrets.hashPassword(WebFixture.password, cost: 4))
            #expect(try await browser.get("/").status == .seeOther)
            #expect(try await Browser(client).signIn("worker1").status == .unauthorized)
        }
    }
}
