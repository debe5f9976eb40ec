import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightStorage
import OversightStorageSQLite
@testable import OversightWeb
import Testing

@Suite("Web: overview page, health and stats")
struct OverviewPageTests {
    func store() throws -> SQLiteCaseRecordStore {
        let store = try SQLiteCaseRecordStore(inMemoryNamed: UUID().uuidString)
        try store.replaceCaseRecords { writer in
            try writer.insert(.child(Child(id: "c1", dateOfBirth: LocalDate(iso: "2015-01-01"))))
            try writer.insert(.child(Child(id: "c2", dateOfBirth: LocalDate(iso: "2016-01-01"))))
            try writer.insert(.childInNeedEpisode(ChildInNeedEpisode(id: "r1", childID: "c1", referralDate: LocalDate(iso: "2024-01-01")!)))
            return ExtractDescription(kind: "ssd", source: "<script>alert(1)</script>", fingerprint: "x", importedAt: "2026-11-22T09:00:00Z", rowsRead: 1234)
        }
        return store
    }

    @Test("The overview lists what is held, escapes what it prints, and /health answers")
    func overview() async throws {
        let app = Application(router: buildRouter(store: try store(), configuration: WebConfiguration(authorityName: "Test & Shire")))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>Test &amp; Shire</h1>"))
                #expect(html.contains("<th scope=\"row\">Children</th><td class=\"num\">2</td>"))
                #expect(html.contains("<th scope=\"row\">Referrals (CIN episodes)</th><td class=\"num\">1</td>"))
                #expect(html.contains("on 22 November 2026 at 09:00 UTC: 1,234 rows read"))
                #expect(!html.contains("<script>"))
                #expect(html.contains("&lt;script&gt;"))
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok")
            }
        }
    }

    @Test("/api/stats returns the counts as JSON")
    func stats() async throws {
        let app = Application(router: buildRouter(store: try store(), configuration: WebConfiguration()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/stats", method: .get) { response in
                #expect(response.status == .ok)
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let entities = object?["entities"] as? [String: Int]
                #expect(entities?["child"] == 2)
                #expect(entities?["childInNeedEpisode"] == 1)
                #expect(entities?["placement"] == 0)
            }
        }
    }

    @Test("Import times read as people write them; anything else is shown as it is")
    func readableTimes() {
        #expect(OverviewPage.readable("2026-11-22T16:56:56Z") == "22 November 2026 at 16:56 UTC")
        #expect(OverviewPage.readable("2025-03-01T08:05:00+00:00") == "1 March 2025 at 08:05")
        #expect(OverviewPage.readable("benchmark") == "benchmark")
    }

    @Test("Thousands are separated the way the DfE publishes counts", arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (1234567, "1,234,567"), (-4200, "-4,200")])
    func thousands(value: Int, text: String) {
        #expect(value.formatted == text)
    }
}
