import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightInterchange
import OversightStorage
import OversightSynthetic
@testable import OversightWeb
import Testing

@Suite("Web: importing an extract from the browser")
struct ImportTests {
    static let extract = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../OversightInterchangeTests/Fixtures/ssd-systemc").standardized.path

    /// A multipart body as a browser sends the import form: the CSRF field first, then the files.
    static func body(
        csrf: String?, fields: [(String, String)] = [], files: [(name: String, data: Data)], boundary: String = "----oversight-test"
    ) -> ByteBuffer {
        var buffer = ByteBuffer()
        if let csrf {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n")
        }
        for (name, value) in fields {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
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

    func post(
        _ client: some TestClientProtocol, _ browser: Browser, csrf: String?, fields: [(String, String)] = [], files: [(name: String, data: Data)]
    ) async throws -> TestResponse {
        let cookie = try #require(browser.cookie(SessionCookie.name))
        return try await client.execute(
            uri: "/imports", method: .post,
            headers: [.contentType: "multipart/form-data; boundary=----oversight-test", .cookie: "\(SessionCookie.name)=\(cookie)"],
            body: Self.body(csrf: csrf, fields: fields, files: files))
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

    /// Posts `files`, follows the job to its end and returns the final page.
    func importJob(_ client: some TestClientProtocol, _ browser: Browser, year: Int = 2025, files: [(name: String, data: Data)]) async throws -> String {
        let page = try await browser.get("/imports")
        #expect(page.body.contains("<option value=\"2025\">2024/25</option>"))
        let token = try #require(Browser.csrf(in: page.body))
        let response = try await post(client, browser, csrf: token, fields: [("year", String(year))], files: files)
        #expect(response.status == .seeOther)
        let location = try #require(response.headers[.location])
        var report = try await browser.get(location)
        for _ in 0..<200 where report.body.contains("<h1>Importing</h1>") {
            try await Task.sleep(for: .milliseconds(100))
            report = try await browser.get(location)
        }
        return report.body
    }

    @Test("A CIN census (one .xml file) and an SSDA903 return (its CSV files) import from the same form, each replacing the data")
    func censusAndReturn() async throws {
        let folder = NSTemporaryDirectory() + "oversight-web-returns-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try CINCensusGenerator(year: 2025, seed: 3).write(children: 40, to: folder + "/census.xml")
        let ssda903 = SSDA903Generator(year: 2025, children: 30, seed: 3).generate()
        let written = try SSDA903Writer.write(ssda903.tables, to: folder + "/903")

        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let census = try await importJob(client, browser, files: [("census.xml", try Data(contentsOf: URL(fileURLWithPath: folder + "/census.xml")))])
            #expect(census.contains("<h1>Import complete</h1>"), "\(census)")
            #expect(census.contains("The CIN census replaces the data Oversight held"))
            // A clean generated census passes every error rule of its year; the page says which pack it was judged by.
            #expect(census.contains("Checked against the DfE&#39;s 2024/25 rules") || census.contains("Checked against the DfE's 2024/25 rules"), "\(census)")
            #expect(try fixture.store.fetchExtracts().last?.kind == "cin")
            #expect(try fixture.store.fetchEntityCounts()[.child] == 40)

            var files = try written.map { path in
                let name = (path as NSString).lastPathComponent
                return (name: name, data: try Data(contentsOf: URL(fileURLWithPath: folder + "/903/" + name)))
            }
            // A child in the Header with no episode, school age but UN1 ("not of school age"): stored, and the page lists
            // the rules it fails (EPI, 209).
            let header = try #require(files.firstIndex { $0.name == "header.csv" })
            files[header].data.append(Data("999999,M,01/01/2010,WBRI,UN1,,\r\n".utf8))
            let ret = try await importJob(client, browser, files: files)
            #expect(ret.contains("The SSDA903 return replaces the data Oversight held"), "\(ret)")
            #expect(ret.contains("2024/25 rules") && ret.contains("not run"), "\(ret)")
            #expect(ret.contains("<caption>DfE rules the file fails</caption>"))
            #expect(ret.contains("<td>209</td>") && ret.contains("<td>EPI</td>"), "\(ret)")
            #expect(try fixture.store.fetchExtracts().last?.kind == "903")
            #expect(try fixture.store.fetchEntityCounts()[.child] == (ssda903[.header]?.count ?? 0) + 1)

            // The 903 in the DfE's XML form is told from a census by its root element.
            let xml = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures/ssda903-xml/return.xml").standardized
            let fromXML = try await importJob(client, browser, files: [("return.xml", try Data(contentsOf: xml))])
            #expect(fromXML.contains("The SSDA903 return replaces the data Oversight held"), "\(fromXML)")
            #expect(fromXML.contains("Checked against the DfE"))
            #expect(try fixture.store.fetchEntityCounts()[.child] == 3)
        }
    }

    @Test("A census mixed with CSV files is refused before anything is imported; a 903 file with a bad date fails whole")
    func refusedReturns() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let page = try await browser.get("/imports")
            let token = try #require(Browser.csrf(in: page.body))
            let mixed = try await post(client, browser, csrf: token, files: [("census.xml", Data("<Message/>".utf8)), ("header.csv", Data("CHILD\n".utf8))])
            #expect(mixed.status == .badRequest)

            let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n1,M,31/02/2010,WBRI,UN1,,\r\n"
            let failed = try await importJob(client, browser, files: [("header.csv", Data(header.utf8))])
            #expect(failed.contains("<h1>The import failed</h1>"), "\(failed)")
            #expect(failed.contains("header.csv"))
            #expect(try fixture.store.fetchExtracts().count == 1)
        }
    }
}
