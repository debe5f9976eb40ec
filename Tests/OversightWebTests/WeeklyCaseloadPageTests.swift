import Foundation
import HummingbirdTesting
import Testing

@Suite("The weekly caseload page: the same report as the command line")
struct WeeklyCaseloadPageTests {
    @Test("A chosen week, the printable page with its charts, and a bad date refused")
    func weeks() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("manager1")
            let page = try await browser.get("/caseload/weekly?week-ending=2025-03-30")
            #expect(page.status == .ok)
            #expect(page.body.contains("Week ending 30 Mar 2025"))
            #expect(page.body.contains("<svg"))
            let print = try await browser.get("/caseload/weekly?week-ending=2025-03-30&format=print")
            #expect(print.status == .ok)
            #expect(print.body.hasPrefix("<!DOCTYPE html>"))
            #expect(print.body.contains("weekly caseload report"))
            #expect(try await browser.get("/caseload/weekly?week-ending=30-03-2025").status == .badRequest)
        }
    }
}
