import Foundation
import Hummingbird
import HummingbirdTesting
import OversightTrackers
@testable import OversightWeb
import Testing

@Suite("Web: the tracker measures on the measures page")
struct TrackerCatalogueWebTests {
    @Test("/measures lists every tracker measure in a Trackers section after the case measures, each linking to a page that exists")
    func trackersSection() async throws {
        let web = try WebFixture()
        try await web.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let page = try await browser.get("/measures")
            #expect(page.status == .ok)
            let section = try #require(page.body.range(of: "<h2 id=\"trackers\">Trackers</h2>"))
            let caseRow = try #require(page.body.range(of: "<a href=\"/measures/CIN-02\">"))
            #expect(caseRow.lowerBound < section.lowerBound)
            let trackers = page.body[section.upperBound...]
            #expect(trackers.contains("<a href=\"/trackers/lado/measures/LADO-03\">LADO-03 "))
            #expect(trackers.contains("<a href=\"/trackers/measures/SEND-01\">SEND-01 New EHC plans issued within 20 weeks</a></td><td>SEND EHC timeliness</td>"))
            for entry in TrackerCatalogue.entries {
                #expect(trackers.contains("<a href=\"\(entry.page)\">\(entry.id) "), "\(entry.id)")
                let linked = try await browser.get(entry.page)
                #expect(linked.status != .notFound, "\(entry.page)")
            }
        }
    }
}
