import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightMeasures
import OversightStorage
@testable import OversightWeb
import Testing

@Suite("Web: what the pages show")
struct PageTests {
    @Test("The dashboard shows each headline measure with England, last month and a RAG word")
    func dashboard() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.body.contains("The 12 months to 31 Mar 2025"))
            for id in MeasurePages.headline { #expect(page.body.contains("href=\"/measures/\(id)\""), "\(id)") }
            // CIN-06's England figure for 2024-25 is 85.7% (kpis.md); the page must say so beside the value.
            #expect(page.body.contains("England 85.7%"))
            #expect(page.body.contains("<svg class=\"spark\""))
        }
    }

    @Test("RAG is judged against England with the measure's polarity, and said in words")
    func rag() {
        #expect(MeasurePages.rag(90, england: 85, polarity: .higherIsBetter).label == "Green")
        #expect(MeasurePages.rag(84, england: 85, polarity: .higherIsBetter).label == "Amber")
        #expect(MeasurePages.rag(70, england: 85, polarity: .higherIsBetter).label == "Red")
        #expect(MeasurePages.rag(20, england: 22, polarity: .lowerIsBetter).label == "Green")
        #expect(MeasurePages.rag(30, england: 22, polarity: .lowerIsBetter).label == "Red")
        #expect(MeasurePages.rag(30, england: nil, polarity: .lowerIsBetter).label == "No comparison")
    }

    @Test("A measure page has its definition, comparators, trend, teams and the children behind it")
    func measurePage() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let page = try await browser.get("/measures/CIN-02?period=2024-25")
            #expect(page.status == .ok)
            let definition = try #require(MeasureCatalogue.measure("CIN-02")).definition
            #expect(page.body.contains(Browser.escaped(definition)))
            #expect(page.body.contains("Financial year 2024-25"))
            #expect(page.body.contains("<td>England</td>"))
            #expect(page.body.contains("Alpha Team"))
            #expect(page.body.contains("Beta Team"))
            #expect(page.body.contains("<svg class=\"chart\""))
            #expect(page.body.contains("4 of the 5 records in the denominator are listed; 1 belong"))
            #expect(try await browser.get("/measures/NOPE-1").status == .notFound)
            let bad = try await browser.get("/measures/CIN-02?period=2024-99")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("2024-99"))
        }
    }

    @Test("The child page is a chronology, oldest first, with timeliness flags")
    func chronology() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let page = try await browser.get("/children/KIDALPHA")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Zara Quillfeather</h1>"))
            let referral = try #require(page.body.range(of: "<td>1 Oct 2024</td><td>Referral</td>"))
            let plan = try #require(page.body.range(of: "<td>10 Jan 2025</td><td>Child protection plan started</td>"))
            #expect(referral.lowerBound < plan.lowerBound)
            #expect(page.body.contains("Wren Worker (Alpha Team) since 10 Oct 2024"))
            #expect(page.body.contains("authority-wide role"))
        }
    }

    @Test("Chronology judges an assessment on the 45th and 46th working day")
    func assessmentFlags() {
        var records = CaseRecords()
        let start = LocalDate(iso: "2025-01-06")!
        let calendar = WorkingDayCalendar.englandAndWales
        records.assessments = [
            Assessment(id: "A45", childID: "c", startDate: start, authorisationDate: calendar.addingWorkingDays(45, to: start)),
            Assessment(id: "A46", childID: "c", startDate: start, authorisationDate: calendar.addingWorkingDays(46, to: start)),
        ]
        let events = ChildPage.chronology(records, calendar: calendar).filter { $0.event == "Assessment authorised" }
        #expect(events.map(\.timeliness) == ["working day 45 (timescale 45)", "working day 46 (timescale 45)"])
        #expect(events.map(\.late) == [false, true])
    }

    @Test("Team page: caseloads by worker and the visits due; the weekly report totals every team")
    func caseloads() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("manager1")
            let team = try await browser.get("/teams/T1")
            #expect(team.status == .ok)
            #expect(team.body.contains("2 children allocated on 31 Mar 2025 across 2 workers"))
            #expect(team.body.contains("<td>Wren Worker</td><td class=\"num\">1</td><td class=\"num\">1</td>"))
            // KIDALPHA's plan began 10 January with no visit since: overdue.
            #expect(team.body.contains("href=\"/children/KIDALPHA\""))
            #expect(team.body.contains("flag-late"))
            let weekly = try await browser.get("/caseload/weekly")
            #expect(weekly.body.contains("<th scope=\"row\">Authority</th><td class=\"num\">3</td><td class=\"num\">4</td>"))
            #expect(try await browser.get("/teams/NOPE").status == .notFound)
        }
    }

    @Test("Annex A list 3 lists the referrals with the common leading columns; the CSV download is logged")
    func annexA() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("inspector")
            let index = try await browser.get("/inspection/lists?period=2024-25")
            #expect(index.body.contains("List 3: Referrals"))
            let page = try await browser.get("/inspection/lists/3?period=2024-25")
            #expect(page.status == .ok)
            #expect(page.body.contains("<td><a href=\"/children/KIDALPHA\">KIDALPHA</a></td><td>Female</td>"))
            #expect(!page.body.contains("KIDDELTA"))
            let csv = try await browser.get("/inspection/lists/3?period=2024-25&format=csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.body.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("Child Unique ID,Gender,Ethnicity,Date of Birth,Age") == true)
            #expect(lines.count == 5, "a header and the four referrals the inspector may see")
            #expect(lines.contains { $0.hasPrefix("KIDALPHA,Female,,2015-06-01,9,R-KIDALPHA,") })
            let log = try fixture.store.accessLog(subject: nil, username: "inspector", limit: 1)
            #expect(log.first?.subject == "/inspection/lists/3?period=2024-25&format=csv")
            #expect(log.first?.childCount == 4)
            #expect(try await browser.get("/inspection/lists/2").status == .notFound)
        }
    }

    @Test("CSV fields are quoted as RFC 4180 says, and formulas are neutralised")
    func csvFields() {
        #expect(AnnexAPages.csvField("plain") == "plain")
        #expect(AnnexAPages.csvField("a, b") == "\"a, b\"")
        #expect(AnnexAPages.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(AnnexAPages.csvField("=HYPERLINK(1)") == "'=HYPERLINK(1)")
    }

    @Test("Text from the data is escaped wherever a page prints it")
    func escaping() async throws {
        let fixture = try WebFixture { $0.authorityName = "Test & <Shire>" }
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("director")
            let page = try await browser.get("/")
            #expect(page.body.contains("Test &amp; &lt;Shire&gt;"))
            #expect(!page.body.contains("<Shire>"))
            let search = try await browser.get("/admin/access-log?child=%3Cscript%3E")
            #expect(!search.body.contains("<script>"))
            #expect(search.body.contains("&lt;script&gt;"))
        }
    }

    @Test("The overview of records held still answers, and the stylesheet is served")
    func overviewAndAssets() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            #expect(try await browser.get("/assets/oversight.css").headers[.contentType] == "text/css; charset=utf-8")
            try await browser.signIn("analyst")
            let data = try await browser.get("/data")
            #expect(data.body.contains("<th scope=\"row\">Children</th><td class=\"num\">5</td>"))
            let stats = try await browser.get("/api/stats")
            let object = try JSONSerialization.jsonObject(with: Data(stats.body.utf8)) as? [String: Any]
            #expect((object?["entities"] as? [String: Int])?["child"] == 5)
        }
    }

    @Test("/metrics serves Prometheus text without signing in, with Oversight's own gauges")
    func metrics() async throws {
        let fixture = try WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("analyst")
            _ = try await browser.get("/")
            let page = try await Browser(client).get("/metrics")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(page.body.contains("oversight_children 5"))
            #expect(page.body.contains("# TYPE oversight_snapshot_load_seconds gauge"))
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

extension Browser {
    /// Text as Mustache escapes it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
