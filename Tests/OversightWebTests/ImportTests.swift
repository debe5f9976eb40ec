import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightStorage
@testable import OversightWeb
import Testing

@Suite("Web: importing an extract from the browser")
struct ImportTests {
    static let extract = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../OversightInterchangeTests/Fixtures/ssd-systemc").standardized.path

    /// A multipart body as a browser sends the import form: the CSRF field first, then the files.
    static func body(csrf: String?, files: [(name: String, data: Data)], boundary: String = "----oversight-test") -> ByteBuffer {
        var buffer = ByteBuffer()
        if let csrf {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n")
        }
        for file in files {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n")
            buffer.writeBytes(file.data)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
        return buffer
    }

    static func extractFiles() throws -> [(name: String, data: Data)] {
        try FileManager.default.contentsOfDirectory(atPath: extract).filter { $0.hasSuffix(".csv") }.sorted().map {
            ($0, try Data(contentsOf: URL(fileURLWithPath: extract + "/" + $0)))
        }
    }

    func post(_ client: some TestClientProtocol, _ browser: Browser, csrf: String?, files: [(name: String, data: Data)]) async throws -> TestResponse {
        let cookie = try #require(browser.cookie(SessionCookie.name))
        return try await client.execute(
            uri: "/imports", method: .post,
            headers: [.contentType: "multipart/form-data; boundary=----oversight-test", .cookie: "\(SessionCookie.name)=\(cookie)"],
            body: Self.body(csrf: csrf, files: files))
    }

    @Test("A director uploads an SSD extract: it imports in the background, with progress, then the validation report")
    func upload() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let page = try await browser.get("/imports")
            #expect(page.body.contains("enctype=\"multipart/form-data\""))
            let token = try #require(Browser.csrf(in: page.body))
            let response = try await post(client, browser, csrf: token, files: try Self.extractFiles())
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/imports/jobs/"))
            var report = try await browser.get(location)
            for _ in 0..<100 where report.body.contains("<h1>Importing</h1>") {
                #expect(report.body.contains("http-equiv=\"refresh\""))
                try await Task.sleep(for: .milliseconds(100))
                report = try await browser.get(location)
            }
            #expect(report.body.contains("<h1>Import complete</h1>"), "\(report.body)")
            #expect(report.body.contains("<td>ssd_person</td>") || report.body.contains("<td>ssd_person.csv</td>"))
            #expect(try fixture.store.fetchExtracts().count == 2)
            #expect(try fixture.store.fetchEntityCounts()[.child] != 5, "the upload replaced the fixture's five children")
        }
    }

    @Test("An upload whose first part is not the session's CSRF token is refused and nothing is imported")
    func csrf() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let files = try Self.extractFiles()
            #expect(try await post(client, browser, csrf: nil, files: files).status == .forbidden)
            #expect(try await post(client, browser, csrf: "forged", files: files).status == .forbidden)
            #expect(try fixture.store.fetchExtracts().count == 1)
        }
    }

    @Test("Only directors and analysts may import; other files than CSV are refused")
    func whoAndWhat() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let manager = Browser(client)
            try await manager.signIn("manager1")
            #expect(try await manager.get("/imports").status == .forbidden)
            let home = try await manager.get("/")
            let token = try #require(Browser.csrf(in: home.body))
            #expect(try await post(client, manager, csrf: token, files: try Self.extractFiles()).status == .forbidden)

            let analyst = Browser(client)
            try await analyst.signIn("analyst")
            let page = try await analyst.get("/imports")
            let analystToken = try #require(Browser.csrf(in: page.body))
            let refused = try await post(client, analyst, csrf: analystToken, files: [("payload.sh", Data("echo".utf8))])
            #expect(refused.status == .badRequest)
            #expect(try fixture.store.fetchExtracts().count == 1)
        }
    }
}
