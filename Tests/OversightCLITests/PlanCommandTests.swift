import Foundation
import Testing

/// The 2022 plan, as the Interchange tests hold it.
private let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("OversightInterchangeTests/Fixtures/plans/post-ofsted-action-plan-2022.json").path

@Suite("oversight plan: import, update, history, check and export", .serialized)
struct PlanCommandTests {
    @Test("import prints 7 recommendations and 27 actions; list shows the plan; a second import of the same ID is refused")
    func importAndList() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let db = work + "/o.sqlite"
        let imported = try runOversight(["plan", "import", fixture, "--db", db])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output == "Imported plan post-ofsted-action-plan-2022: 7 recommendations, 27 actions, 0 updates.\n")
        let list = try runOversight(["plan", "list", "--db", db])
        #expect(list.status == 0)
        #expect(list.output.contains("post-ofsted-action-plan-2022"))
        #expect(list.output.contains("2022-05-25"))
        let again = try runOversight(["plan", "import", fixture, "--db", db])
        #expect(again.status != 0)
        #expect(again.errors.contains("already stored"))
        #expect(try runOversight(["plan", "import", fixture, "--db", db, "--id", "copy"]).status == 0)
        // With two plans, --plan is needed.
        let ambiguous = try runOversight(["plan", "export", "--db", db])
        #expect(ambiguous.status != 0)
        #expect(ambiguous.errors.contains("choose one with --plan"))
    }

    @Test("Bad input names the file and the JSON path; a missing database says how to make one")
    func badInput() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let missing = try runOversight(["plan", "list", "--db", work + "/none.sqlite"])
        #expect(missing.status != 0)
        #expect(missing.errors.contains("none.sqlite does not exist; import a plan first with 'oversight plan import FILE.json --db"))
        #expect(!FileManager.default.fileExists(atPath: work + "/none.sqlite"))
        let nofile = try runOversight(["plan", "import", work + "/absent.json", "--db", work + "/o.sqlite"])
        #expect(nofile.errors.contains("\(work)/absent.json: cannot be read: no such file"), "\(nofile.errors)")
        let file = work + "/bad.json"
        try #"{"title": "T", "source": "S", "recommendations": [{"number": 1, "text": "x", "outcomesSought": [], "actions": [{"ref": "1.1", "action": "a", "accountableLead": "L"}]}]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try runOversight(["plan", "import", file, "--db", work + "/o.sqlite"])
        #expect(result.status != 0)
        #expect(result.errors.contains("\(file): recommendations[0].actions[0].deadline: required field 'deadline' is missing"), "\(result.errors)")
    }

    @Test("update records updates; history reads them as of a date; check flags overdue and stale actions", arguments: DatabaseKind.tested)
    func updateHistoryCheck(kind: DatabaseKind) throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (db, _, drop) = try kind.database(in: work, named: "plans")
        defer { drop() }
        #expect(try runOversight(["plan", "import", fixture, "--db", db]).status == 0)
        let first = try runOversight([
            "plan", "update", "1.1", "--db", db, "--status", "Review commissioned", "--impact", "None yet", "--more", "Report to the board",
            "--rag", "G", "--by", "Amanda Andrews", "--evidence", "https://example.org/brief.pdf", "--at", "2022-06-01T09:00:00Z",
        ])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Recorded Green for 1.1"))
        let second = try runOversight([
            "plan", "update", "1.1", "--db", db, "--status", "Reported", "--impact", "Factors understood", "--more", "Nothing",
            "--rag", "B", "--by", "Amanda Andrews", "--at", "2022-07-15T09:00:00Z",
        ])
        #expect(second.status == 0, "\(second.errors)")
        let unknown = try runOversight([
            "plan", "update", "9.9", "--db", db, "--status", "s", "--impact", "i", "--more", "m", "--rag", "R", "--by", "X",
        ])
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("has no action '9.9'"))
        #expect(try runOversight(["plan", "update", "1.1", "--db", db, "--status", "s", "--impact", "i", "--more", "m", "--rag", "P", "--by", "X"]).status != 0)

        let june = try runOversight(["plan", "history", "1.1", "--db", db, "--as-of", "2022-06-30"])
        #expect(june.status == 0, "\(june.errors)")
        #expect(june.output.contains("Review commissioned"))
        #expect(june.output.contains("Evidence: https://example.org/brief.pdf"))
        #expect(!june.output.contains("Reported"))
        #expect(try runOversight(["plan", "history", "1.1", "--db", db]).output.contains("Reported"))

        // 1 July 2022: 1.1 is Green and due 30 June, so overdue; actions due 30 June and never updated are overdue too.
        let july = try runOversight(["plan", "check", "--db", db, "--as-of", "2022-07-01"])
        #expect(july.status == 0, "\(july.errors)")
        let lines = july.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("1.1") && $0.contains("overdue") && $0.contains("Green") && $0.contains("Red") })
        #expect(!lines.contains { $0.contains(" 1.2 ") })
        // By 20 July 1.1 is Blue and no longer flagged; by 1 September it has been more than 61 days since 1.2's plan was submitted.
        let september = try runOversight(["plan", "check", "--db", db, "--as-of", "2022-09-01"])
        #expect(!september.output.contains(" 1.1 "))
        #expect(september.output.split(separator: "\n").contains { $0.contains(" 1.2 ") && $0.contains("stale") })
    }

    @Test("export JSON imports again into a new database unchanged; export CSV has a row per action", arguments: DatabaseKind.tested)
    func exportRoundTrip(kind: DatabaseKind) throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (db, _, drop) = try kind.database(in: work, named: "plans")
        defer { drop() }
        #expect(try runOversight(["plan", "import", fixture, "--db", db]).status == 0)
        #expect(try runOversight([
            "plan", "update", "2.3", "--db", db, "--plan", "post-ofsted-action-plan-2022", "--status", "Dip sampling, \"round 1\"",
            "--impact", "i", "--more", "m", "--rag", "A", "--by", "Palvinder Kudhail", "--at", "2022-08-01",
        ]).status == 0)
        let exported = try runOversight(["plan", "export", "--db", db, "--format", "json", "--out", work + "/plan.json"])
        #expect(exported.status == 0, "\(exported.errors)")
        let (copy, _, dropCopy) = try kind.database(in: work, named: "copy")
        defer { dropCopy() }
        let reimported = try runOversight(["plan", "import", work + "/plan.json", "--db", copy])
        #expect(reimported.output == "Imported plan post-ofsted-action-plan-2022: 7 recommendations, 27 actions, 1 update.\n", "\(reimported.errors)")
        let again = try runOversight(["plan", "export", "--db", copy, "--format", "json"])
        #expect(again.output == (try String(contentsOfFile: work + "/plan.json", encoding: .utf8)))

        let csv = try runOversight(["plan", "export", "--db", db, "--format", "csv"])
        #expect(csv.status == 0)
        let rows = csv.output.split(separator: "\n")
        #expect(rows.count == 28)
        #expect(rows[0].hasPrefix("plan,recommendation,ref,action,accountable_lead,deadline,rag"))
        #expect(rows.contains { $0.contains(",2.3,") && $0.contains("\"Dip sampling, \"\"round 1\"\"\"") && $0.contains(",A,") })
    }
}
