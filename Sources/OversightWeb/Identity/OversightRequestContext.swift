import Foundation
import Hummingbird
import OversightCore
import OversightStorage

/// Per-request state: who is asking, and through which session.
public struct OversightRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person; `nil` before sign-in.
    public var user: UserAccount?
    /// The browser session, when the request came with one (API-token requests have none).
    public var session: StoredSession?

    /// The client's address, for throttling sign-in attempts.
    public var remoteAddress: String

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// Finds who is asking: a session cookie for browsers, a bearer token for the API.
///
/// Sessions expire after `sessionIdleSeconds` without a request; each request moves the expiry on.
struct IdentifyMiddleware: RouterMiddleware {
    typealias Context = OversightRequestContext
    let services: WebServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[SessionCookie.name]?.value, let session = try services.store.session(token: token) {
            if session.expiresAt > services.now, let user = try services.store.user(named: session.username), user.isActive {
                context.user = user
                context.session = session
                // Moved on at most once a minute: a write per request would serialise every page on the database.
                let renewed = services.now + services.configuration.sessionIdleSeconds
                if renewed - session.expiresAt >= 60 { try services.store.extendSession(token: token, until: renewed) }
            } else {
                try services.store.deleteSession(token: token)
            }
        } else if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            let token = String(authorization.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            if let username = try services.store.username(forAPITokenHash: Secrets.tokenHash(token)),
               let user = try services.store.user(named: username), user.isActive {
                context.user = user
            } else {
                throw HTTPError(.unauthorized, message: "The API token is not recognised.")
            }
        }
        return try await next(request, context)
    }
}

/// Every page except sign-in needs a signed-in person: browsers go to the sign-in page, API clients get 401.
struct RequireSignInMiddleware: RouterMiddleware {
    typealias Context = OversightRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let open = path == "/login" || path == "/health" || path == "/metrics" || path == "/openapi.json" || path == "/favicon.ico" || path.hasPrefix("/assets/")
        guard context.user == nil, !open else { return try await next(request, context) }
        if path.hasPrefix("/api/") { throw HTTPError(.unauthorized, message: "Sign in, or send an API token as 'Authorization: Bearer …'.") }
        let target = request.uri.description
        return .redirect(to: "/login?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"), type: .normal)
    }
}

/// Forms posted in a session must carry the session's CSRF token: another site cannot read it, so it
/// cannot forge a form that acts as the signed-in person.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = OversightRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let session = context.session else { return try await next(request, context) }
        // An upload is too large to read here; its handler checks the token, which its form sends first.
        if request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true {
            guard request.uri.path == "/imports" else {
                throw HTTPError(.forbidden, message: "This form has expired or did not come from Oversight. Go back, reload the page and try again.")
            }
            return try await next(request, context)
        }
        var request = request
        let body = try await request.collectBody(upTo: 1_048_576)
        let form = FormFields(String(buffer: body))
        guard let sent = form["csrf"], sent == session.csrfToken else {
            throw HTTPError(.forbidden, message: "This form has expired or did not come from Oversight. Go back, reload the page and try again.")
        }
        return try await next(request, context)
    }
}

enum SessionCookie {
    static let name = "oversight_session"
    /// Set before sign-in, so the sign-in form itself carries a token (double-submit).
    static let loginCSRF = "oversight_login_csrf"
}

/// `application/x-www-form-urlencoded` fields, first value wins.
struct FormFields {
    private var values: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard let key = parts.first.flatMap(Self.decode) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            if values[key] == nil { values[key] = value }
        }
    }

    subscript(key: String) -> String? { values[key] }

    private static func decode(_ text: String) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
