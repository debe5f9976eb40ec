import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite
@testable import OversightWeb
import Synchronization
import Testing

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// A small authority in a real SQLite file: two teams, three workers, five children and one user per
/// role, built so that each role's record scope is different and can be checked child by child.
///
/// - KIDALPHA: team T1, worker W1, on a child protection plan.
/// - KIDBRAVO: team T1, worker W2; in the auditor's audit.
/// - KIDCHARLIE: team T2, worker W3, looked after.
/// - KIDDELTA: team T2, worker W3; restricted to manager2 alone.
/// - KIDECHO: referred, never allocated.
struct WebFixture {
    static let children = ["KIDALPHA", "KIDBRAVO", "KIDCHARLIE", "KIDDELTA", "KIDECHO"]
    static let names = ["Zara Quillfeather", "Yusuf Brindlemoor", "Xanthe Corriwick", "Wilf Dunhallow", "Vera Elmscote"]
    static let password = "correct horse battery"

    /// Whom each user may open; everything else must be refused and never appear on their pages.
    static let scope: [String: Set<String>] = [
        "director": ["KIDALPHA", "KIDBRAVO", "KIDCHARLIE", "KIDECHO"],
        "analyst": ["KIDALPHA", "KIDBRAVO", "KIDCHARLIE", "KIDECHO"],
        "inspector": ["KIDALPHA", "KIDBRAVO", "KIDCHARLIE", "KIDECHO"],
        "manager1": ["KIDALPHA", "KIDBRAVO"],
        "worker1": ["KIDALPHA", "KIDBRAVO"],
        "iro": ["KIDALPHA", "KIDCHARLIE"],
        "auditor": ["KIDBRAVO"],
        "board": [],
        "manager2": ["KIDCHARLIE", "KIDDELTA"],
    ]

    static let users: [UserAccount] = [
        UserAccount(username: "director", displayName: "Dana Director", role: .director),
        UserAccount(username: "analyst", displayName: "Ana Analyst", role: .performanceAnalyst),
        UserAccount(username: "inspector", displayName: "Ivo Inspector", role: .inspector),
        UserAccount(username: "manager1", displayName: "Mo Manager", role: .teamManager, teamID: "T1"),
        UserAccount(username: "worker1", displayName: "Wren Worker", role: .socialWorker, workerID: "W1", teamID: "T1"),
        UserAccount(username: "iro", displayName: "Ira Reviewer", role: .independentReviewingOfficer),
        UserAccount(username: "auditor", displayName: "Aud Itor", role: .qualityAuditor),
        UserAccount(username: "board", displayName: "Bea Board", role: .boardMember),
        UserAccount(username: "manager2", displayName: "Max Manager", role: .teamManager, teamID: "T2"),
    ]

    /// The stores the web app is tested on: the embedded default, and PostgreSQL for many users.
    enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqlite, postgres
        var testDescription: String { rawValue }

        /// PostgreSQL is left out only when OVERSIGHT_SKIP_POSTGRES=1 says so; a missing server fails the test.
        static var tested: [StoreKind] {
            ProcessInfo.processInfo.environment["OVERSIGHT_SKIP_POSTGRES"] == "1" ? [.sqlite] : allCases
        }

        func make() throws -> any OversightStore {
            switch self {
            case .sqlite: return try SQLiteCaseRecordStore(inMemoryNamed: "web")
            case .postgres:
                guard let url = ProcessInfo.processInfo.environment["OVERSIGHT_TEST_POSTGRES"], !url.isEmpty else {
                    throw StorageError.cannotOpen(path: "OVERSIGHT_TEST_POSTGRES", reason: "not set: run `bash scripts/test`, which starts a throwaway PostgreSQL")
                }
                return try PostgresCaseRecordStore.temporary(url: url, prefix: "oversight_web")
            }
        }
    }

    let store: any OversightStore
    let services: WebServices
    let clock: Clock

    /// A clock tests can move on.
    final class Clock: Sendable {
        private let seconds = Mutex<Int64>(1_774_000_000)
        var now: Int64 { seconds.withLock { $0 } }
        func advance(_ by: Int64) { seconds.withLock { $0 += by } }
    }

    init(on kind: StoreKind = .sqlite, configure: (inout WebConfiguration) -> Void = { _ in }) throws {
        store = try kind.make()
        try store.replaceCaseRecords { writer in
            for (id, name) in zip(Self.children, Self.names) {
                let parts = name.split(separator: " ").map(String.init)
                try writer.insert(.child(Child(
                    id: Identifier(id), forename: parts[0], surname: parts[1], sex: .female, dateOfBirth: d("2015-06-01"))))
            }
            try writer.insert(.team(Team(id: "T1", name: "Alpha Team")))
            try writer.insert(.team(Team(id: "T2", name: "Beta Team")))
            for (worker, name) in [("W1", "Wren Worker"), ("W2", "Will Other"), ("W3", "Wes Third")] {
                try writer.insert(.worker(Worker(id: Identifier(worker), name: name)))
            }
            for (index, id) in Self.children.enumerated() {
                try writer.insert(.childInNeedEpisode(ChildInNeedEpisode(
                    id: Identifier("R-\(id)"), childID: Identifier(id), referralDate: d("2024-10-0\(index + 1)"),
                    teamID: Identifier(index < 2 ? "T1" : "T2"))))
            }
            let allocations: [(String, String, String)] = [
                ("KIDALPHA", "W1", "T1"), ("KIDBRAVO", "W2", "T1"), ("KIDCHARLIE", "W3", "T2"), ("KIDDELTA", "W3", "T2"),
            ]
            for (child, worker, team) in allocations {
                try writer.insert(.involvement(Involvement(
                    id: Identifier("I-\(child)"), childID: Identifier(child), workerID: Identifier(worker), teamID: Identifier(team),
                    role: "CW", start: d("2024-10-10"))))
            }
            try writer.insert(.childProtectionPlan(ChildProtectionPlan(id: "CP-A", childID: "KIDALPHA", start: d("2025-01-10"))))
            try writer.insert(.lookedAfterEpisode(LookedAfterEpisode(
                id: "E-C", childID: "KIDCHARLIE", periodOfCareID: "P-C", start: d("2024-06-01"), reasonNewEpisode: .started,
                legalStatus: .c2)))
            return ExtractDescription(kind: "test", source: "web fixture", fingerprint: "web", importedAt: "2025-04-01T09:00:00Z")
        }
        for user in Self.users { try store.saveUser(user, passwordHash: Secrets.hashPassword(Self.password, cost: 4)) }
        try store.assignAudit(childID: "KIDBRAVO", to: "auditor")
        try store.saveRestriction(ChildRestriction(childID: "KIDDELTA", usernames: ["manager2"], reason: "staff relative"))
        let clock = Clock()
        var configuration = WebConfiguration(authorityName: "Test Shire")
        configuration.today = d("2025-03-31")
        configuration.clock = { clock.now }
        configure(&configuration)
        self.clock = clock
        services = WebServices(store: store, configuration: configuration)
    }

    func app() -> some ApplicationProtocol {
        Application(router: buildRouter(services: services))
    }
}

/// A client that keeps cookies between requests, as a browser does.
final class Browser: Sendable {
    let client: any TestClientProtocol
    private let jar = Mutex<[String: String]>([:])

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
    }

    func get(_ uri: String, headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, body: nil, extra: extra)
    }

    func post(_ uri: String, form: [String: String]) async throws -> Page {
        let body = form.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
        }.joined(separator: "&")
        return try await send(uri, method: .post, body: body, extra: [.contentType: "application/x-www-form-urlencoded"])
    }

    private func send(_ uri: String, method: HTTPRequest.Method, body: String?, extra: HTTPFields) async throws -> Page {
        var headers = extra
        let cookies = jar.withLock { $0.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if !cookies.isEmpty { headers[.cookie] = cookies }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[values: .setCookie] {
            guard let pair = header.split(separator: ";").first else { continue }
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            jar.withLock { jar in
                if parts.count < 2 || parts[1].isEmpty || header.contains("Max-Age=0") { jar[parts[0]] = nil } else { jar[parts[0]] = parts[1] }
            }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    func cookie(_ name: String) -> String? { jar.withLock { $0[name] } }

    /// The CSRF token of the page's first form.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @discardableResult
    func signIn(_ username: String, password: String = WebFixture.password) async throws -> Page {
        let form = try await get("/login")
        let token = try #require(Self.csrf(in: form.body))
        return try await post("/login", form: ["csrf": token, "username": username, "password": password, "next": "/"])
    }
}
