import Foundation
import Testing

@Suite("Workforce and caseload commands, end to end", .serialized)
struct WorkforceCommandTests {
    @Test("generate → import ssd and workforce → caseload weekly in every format, workforce measures, changes and what-if")
    func endToEnd() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let db = work + "/o.sqlite"
        #expect(try runOversight(["generate", "--size", "tiny", "--seed", "5", "--out", work + "/ssd"]).status == 0)
        #expect(try runOversight(["import", "ssd", work + "/ssd", "--db", db]).status == 0)
        let imported = try runOversight([
            "import", "workforce", work + "/ssd/workforce_staff.csv", "--establishment", work + "/ssd/workforce_establishment.csv", "--db", db,
        ])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.errors.contains("Imported"))

        let json = try runOversight(["caseload", "weekly", "--db", db, "--week-ending", "2026-10-25", "--format", "json"])
        #expect(json.status == 0, "\(json.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(report["weekEnding"] as? String == "2026-10-25")
        #expect(report["usesRegister"] as? Bool == true)
        let overall = try #require(report["overall"] as? [String: Any])
        let weeks = try #require(overall["weeks"] as? [[String: Any]])
        #expect(weeks.count == 13)
        #expect(weeks.last?["weekEnding"] as? String == "2026-10-25")
        #expect((weeks.last?["workers"] as? Int ?? 0) > 0)
        #expect(((report["teams"] as? [Any]) ?? []).count > 1)

        let table = try runOversight(["caseload", "weekly", "--db", db, "--week-ending", "2026-10-25"])
        #expect(table.output.contains("Weekly caseload report, week ending 25/10/2026"))
        let csv = try runOversight(["caseload", "weekly", "--db", db, "--week-ending", "2026-10-25", "--format", "csv"])
        #expect(csv.output.hasPrefix("team_id,team,service,week_ending,workers,workers_change,fte,cases,average,average_direction"))
        let html = try runOversight(["caseload", "weekly", "--db", db, "--week-ending", "2026-10-25", "--format", "html", "--out", work + "/week.html"])
        #expect(html.status == 0)
        let page = try String(contentsOfFile: work + "/week.html", encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg"))

        let measures = try runOversight(["workforce", "measures", "--db", db, "--census", "2025"])
        #expect(measures.status == 0, "\(measures.errors)")
        for id in ["WF-01", "WF-02", "WF-03", "WF-04", "WF-05", "CLA-13", "SW3-ALL"] { #expect(measures.output.contains(id), "\(id)") }
        #expect(measures.output.contains("Workforce measures as at 30/09/2025"))

        let changes = try runOversight(["workforce", "changes", "--db", db, "--as-of", "2026-10-25", "--format", "csv"])
        #expect(changes.output.hasPrefix("child_id,changes,workers,last_change,worker_ids"))

        let whatIf = try runOversight(["workforce", "what-if", "--db", db, "--bonus-rate", "10", "--agency-premium", "40", "--years", "3"])
        #expect(whatIf.status == 0, "\(whatIf.errors)")
        #expect(whatIf.output.contains("Assumptions:"))
        #expect(whatIf.output.contains("[register]"))
        #expect(whatIf.output.contains("Cumulative"))
    }

    @Test("A bad workforce row stops the import with file:line: column and leaves the register as it was")
    func badRow() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let staff = work + "/staff.csv"
        try """
            worker_id,name,role,team_id,contract,fte,start_date,end_date,leaving_reason,case_holding
            W1,,asye,T1,permanent,1,2024-01-01,,,Y
            W2,,asye,T1,permanent,2,2024-01-01,,,Y

            """.write(toFile: staff, atomically: true, encoding: .utf8)
        let failed = try runOversight(["import", "workforce", staff, "--db", work + "/o.sqlite"])
        #expect(failed.status != 0)
        #expect(failed.errors.contains("error: staff.csv:3: fte: '2' must be a full-time equivalent above 0 and at most 1"))
        #expect(failed.errors.contains("the database is unchanged"))
    }
}
