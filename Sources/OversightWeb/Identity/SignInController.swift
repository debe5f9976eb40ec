import Foundation
import Hummingbird
import OversightCore
import OversightStorage

/// Sign in and sign out.
struct SignInController {
    let services: WebServices

    struct LoginPage {
        var chrome: Chrome
        var csrf: String
        var next: String
        var username: String
        var error: String?
    }

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/login") { request, context in try showForm(request, context) }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.post("/logout") { request, context in try signOut(request, context) }
    }

    private func showForm(_ request: Request, _ context: OversightRequestContext, error: String? = nil, username: String = "",
                          status: HTTPResponse.Status = .ok) throws -> Response {
        if context.user != nil, error == nil { return .redirect(to: "/") }
        // Reuse the token the browser already holds: a second GET (another tab, a favicon redirect) must
        // not invalidate the form already on screen.
        let held = request.cookies[SessionCookie.loginCSRF]?.value ?? ""
        let token = held.count == 64 && held.allSatisfy(\.isHexDigit) ? held : Secrets.token()
        let page = LoginPage(
            chrome: Chrome(authorityName: services.configuration.authorityName, user: nil, csrf: nil, path: "/login"),
            csrf: token, next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)) ?? "/", username: username,
            error: error)
        var response = try HTMLPage("login", page, status: status).response(from: request, context: context)
        response.setCookie(cookie(SessionCookie.loginCSRF, token, maxAge: 3600))
        return response
    }

    private func signIn(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: 65_536)))
        // Double-submit: the form's token must match the cookie set with the form, which another site can't read.
        guard let sent = form["csrf"], let expected = request.cookies[SessionCookie.loginCSRF]?.value, sent == expected else {
            throw HTTPError(.forbidden, message: "This sign-in form has expired. Reload the page and try again.")
        }
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let now = services.now
        let keys = ["user:" + username, "address:" + context.remoteAddress]
        if let wait = services.throttle.retryAfter(keys, now: now) {
            var response = try showForm(
                request, context, error: "Too many failed attempts. Try again in \(max(1, (wait + 59) / 60)) minutes.",
                username: username, status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        guard let hash = try services.store.passwordHash(of: username),
              Secrets.verifyPassword(form["password"] ?? "", hash: hash),
              let user = try services.store.user(named: username), user.isActive
        else {
            services.throttle.recordFailure(keys, now: now)
            return try showForm(request, context, error: "The username or password is not right.", username: username, status: .unauthorized)
        }
        services.throttle.recordSuccess(keys)
        let session = StoredSessionFactory.make(username: user.username, now: now, idle: services.configuration.sessionIdleSeconds)
        try services.store.createSession(session)
        var response = Response.redirect(to: Self.safeNext(form["next"]) ?? "/", type: .found)
        response.setCookie(cookie(SessionCookie.name, session.token, maxAge: nil))
        response.setCookie(cookie(SessionCookie.loginCSRF, "", maxAge: 0))
        return response
    }

    private func signOut(_ request: Request, _ context: OversightRequestContext) throws -> Response {
        if let session = context.session { try services.store.deleteSession(token: session.token) }
        var response = Response.redirect(to: "/login", type: .found)
        response.setCookie(cookie(SessionCookie.name, "", maxAge: 0))
        return response
    }

    /// Secure, HTTP-only and SameSite=Strict: not readable by scripts, not sent by other sites' requests.
    private func cookie(_ name: String, _ value: String, maxAge: Int?) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: services.configuration.secureCookies, httpOnly: true,
            sameSite: .strict)
    }

    /// Only a path on this site: "next" must never send someone elsewhere after signing in.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }
}

enum StoredSessionFactory {
    static func make(username: String, now: Int64, idle: Int64) -> StoredSession {
        StoredSession(token: Secrets.token(), username: username, csrfToken: Secrets.token(), expiresAt: now + idle)
    }
}
