import Foundation
import Hummingbird
import Logging
import OversightCore
import OversightMeasures
import OversightStorage
import Prometheus

/// How the web app runs: where it listens, what it calls the authority, and its security settings.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var authorityName: String
    /// A session ends after this long without a request.
    public var sessionIdleSeconds: Int64 = 30 * 60
    /// Off only for plain-HTTP testing tools; browsers accept Secure cookies from localhost.
    public var secureCookies: Bool = true
    /// Failed sign-ins allowed per username and per address within the window before sign-in is refused.
    public var loginAttemptsAllowed: Int = 5
    public var loginWindowSeconds: Int64 = 15 * 60
    /// The day the data is read as of; `nil` means the latest date the extract records.
    public var today: LocalDate?
    /// Seconds since 1970; tests replace it to expire sessions without waiting.
    public var clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

    public init(host: String = "127.0.0.1", port: Int = 8080, authorityName: String = "Demo authority (synthetic data)") {
        self.host = host
        self.port = port
        self.authorityName = authorityName
    }
}

/// The composition root: the CLI and the tests build the same application.
public func buildApplication(
    store: any OversightStore, configuration: WebConfiguration, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    logger: Logger? = nil
) -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "oversight")
    if logger.logLevel > .info { logger.logLevel = .info }
    return Application(
        router: buildRouter(services: WebServices(store: store, configuration: configuration, metrics: metrics)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Oversight"),
        logger: logger)
}

/// Routes, separate from the server so tests can drive them without a socket.
public func buildRouter(services: WebServices) -> Router<OversightRequestContext> {
    let router = Router(context: OversightRequestContext.self)
    router.addMiddleware {
        LogRequestsMiddleware(.info)
        MetricsMiddleware()
        ErrorPageMiddleware(services: services)
        IdentifyMiddleware(services: services)
        RequireSignInMiddleware()
        CSRFMiddleware()
    }
    router.get("/health") { _, _ in "ok" }
    router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
    router.get("/metrics") { _, _ in
        var bytes: [UInt8] = []
        services.metrics.emit(into: &bytes)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
    router.get("/assets/oversight.css") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
    }
    SignInController(services: services).addRoutes(to: router)
    MeasurePages(services: services).addRoutes(to: router)
    ChildPage(services: services).addRoutes(to: router)
    CaseloadPages(services: services).addRoutes(to: router)
    AdminPages(services: services).addRoutes(to: router)
    APIController(services: services).addRoutes(to: router)
    AnnexAPages(services: services).addRoutes(to: router)
    ImportPages(services: services).addRoutes(to: router)
    PlanPages(services: services).addRoutes(to: router)
    AuditPages(services: services).addRoutes(to: router)
    TrackerPages(services: services).addRoutes(to: router)
    EscalationSENDPages(services: services).addRoutes(to: router)
    router.get("/data") { request, context in
        let model = try OverviewPage.Model(store: services.store, authorityName: services.configuration.authorityName)
        return HTMLResponse(OverviewPage.render(model))
    }
    router.get("/api/stats") { _, _ in
        try StatsResponse(counts: services.store.fetchEntityCounts(), extracts: services.store.fetchExtracts())
    }
    return router
}

/// Renders errors thrown by handlers as pages in the layout (or plain text for the API), so a
/// person sees what went wrong and what to do, never a stack of internals.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = OversightRequestContext
    let services: WebServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            guard !request.uri.path.hasPrefix("/api/") else { throw error }
            let heading = switch error.status {
            case .forbidden: "You cannot do that"
            case .notFound: "Page not found"
            case .badRequest: "There is a problem with the address"
            case .unauthorized: "Sign in to continue"
            default: "Sorry, there is a problem"
            }
            let chrome = Chrome(authorityName: services.configuration.authorityName, user: context.user, csrf: context.session?.csrfToken, path: "")
            return try HTMLPage("error", ErrorPage(chrome: chrome, heading: heading, message: error.body ?? "\(error.status.reasonPhrase)."),
                                status: error.status).response(from: request, context: context)
        } catch let error as StorageError {
            context.logger.error("storage failure: \(error.description)")
            throw HTTPError(.internalServerError, message: "The database could not be read. The error has been logged.")
        }
    }
}

/// Record counts as JSON: `{"entities": {"child": 123, …}, "extract": {…}}`.
struct StatsResponse: ResponseEncodable {
    var entities: [String: Int]
    var extract: ExtractDescription?

    init(counts: EntityCounts, extracts: [ExtractDescription]) {
        entities = Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        extract = extracts.last
    }
}

/// A server-rendered HTML page built without a template (the data overview).
struct HTMLResponse: ResponseGenerator {
    var html: String
    init(_ html: String) { self.html = html }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
