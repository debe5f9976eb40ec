import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightStorage
@testable import OversightWeb
import Testing

@Suite("Web: the JSON API")
struct APITests {
    func token(for username: String, in fixture: WebFixture) throws -> HTTPFields {
        let token = Secrets.token()
        try fixture.store.saveAPIToken(hash: Secrets.tokenHash(token), username: username, label: "test")
        return [.authorization: "Bearer \(token)"]
    }

    @Test("A per-user token reads the measures; an unknown token is refused")
    func tokens() async throws {
        let fixture = try WebFixture()
        let headers = try token(for: "analyst", in: fixture)
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            let page = try await browser.get("/api/measures?period=2024-25", headers: headers)
            #expect(page.status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
            #expect(object["period"] as? String == "2024-25")
            let measures = try #require(object["measures"] as? [[String: Any]])
            let cin02 = try #require(measures.first { $0["id"] as? String == "CIN-02" })
            for key in ["id", "value", "numerator", "denominator", "unit", "comparators"] { #expect(cin02[key] != nil, "\(key)") }
            #expect(cin02["denominator"] as? Double == 5)
            let refused = try await browser.get("/api/measures", headers: [.authorization: "Bearer not-a-token"])
            #expect(refused.status == .unauthorized)
        }
    }

    @Test("Child-level API calls are scoped and logged like the pages")
    func scopedAndLogged() async throws {
        let fixture = try WebFixture()
        let worker = try token(for: "worker1", in: fixture)
        let director = try token(for: "director", in: fixture)
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            let rows = try await browser.get("/api/measures/CIN-02/children?period=2024-25", headers: worker)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(rows.body.utf8)) as? [String: Any])
            #expect(object["rowsInScope"] as? Int == 2)
            #expect(object["rowsInDenominator"] as? Int == 5)
            #expect(try fixture.store.accessLog(subject: nil, username: "worker1", limit: 1).first?.action == .viewChildList)

            let child = try await browser.get("/api/children/KIDALPHA", headers: worker)
            #expect(child.status == .ok)
            #expect(child.body.contains("Quillfeather"))
            #expect(try fixture.store.accessLog(subject: "KIDALPHA", username: "worker1", limit: 5).count == 1)

            let restricted = try await browser.get("/api/children/KIDDELTA", headers: director)
            #expect(restricted.status == .forbidden)
            #expect(try fixture.store.accessLog(subject: "KIDDELTA", username: "director", limit: 5).map(\.action) == [.denied])
        }
    }

    @Test("/openapi.json is valid JSON and every path it lists answers")
    func openAPI() async throws {
        let fixture = try WebFixture()
        let headers = try token(for: "director", in: fixture)
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            let page = try await browser.get("/openapi.json")
            #expect(page.status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
            let paths = try #require(object["paths"] as? [String: Any])
            #expect(paths.count == 5)
            for path in paths.keys {
                let concrete = path.replacingOccurrences(of: "/api/children/{id}", with: "/api/children/KIDALPHA")
                    .replacingOccurrences(of: "{id}", with: "CIN-02")
                #expect(try await browser.get(concrete, headers: headers).status == .ok, "\(concrete)")
            }
        }
    }
}
