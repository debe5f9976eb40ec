import Foundation
import Hummingbird
import OversightCore
import OversightStorage

/// Where the web app listens and what it calls the authority it serves.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var authorityName: String

    public init(host: String = "127.0.0.1", port: Int = 8080, authorityName: String = "Demo authority (synthetic data)") {
        self.host = host
        self.port = port
        self.authorityName = authorityName
    }
}

/// The composition root: the CLI and the tests build the same application.
public func buildApplication(store: some CaseRecordStore, configuration: WebConfiguration) -> some ApplicationProtocol {
    Application(
        router: buildRouter(store: store, configuration: configuration),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Oversight"))
}

/// Routes, separate from the server so tests can drive them without a socket.
public func buildRouter(store: some CaseRecordStore, configuration: WebConfiguration) -> Router<BasicRequestContext> {
    let router = Router()
    router.get("/health") { _, _ in "ok" }
    router.get("/") { _, _ in
        let model = try OverviewPage.Model(store: store, authorityName: configuration.authorityName)
        return HTMLResponse(OverviewPage.render(model))
    }
    router.get("/api/stats") { _, _ in
        try StatsResponse(counts: store.fetchEntityCounts(), extracts: store.fetchExtracts())
    }
    return router
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

/// A server-rendered HTML page.
struct HTMLResponse: ResponseGenerator {
    var html: String
    init(_ html: String) { self.html = html }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

extension StorageError: HTTPResponseError {
    public var status: HTTPResponse.Status { .internalServerError }
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, body: .init(byteBuffer: ByteBuffer(string: "The store could not be read: \(description)")))
    }
}
