import Foundation
import Testing

/// The JSON `oversight audit report --format json` writes, as far as these tests read it.
private struct ReportJSON: Decodable {
    struct Counts: Decodable { var outstanding, good, requiresImprovement, inadequate: Int }
    struct Moderation: Decodable { var moderated: Int; var agreed: Int }
    struct Theme: Decodable { var id: String; var audits: Int; var planAction: String? }
    var completed: Int
    var overall: Counts
    var moderation: Moderation
    var themes: [Theme]
}

@Suite("oversight audit: sample, record, moderate, act and report", .serialized)
struct AuditCommandTests {
    @Test(
        "A seeded sample from a measure's list is reproducible; recording, moderation, a case action and a theme reach the report",
        arguments: DatabaseKind.tested)
    func endToEnd(kind: DatabaseKind) throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (db, _, drop) = try kind.database(in: work, named: "audits")
        defer { drop() }
        #expect(try runOversight(["generate", "--size", "tiny", "--seed", "11", "--out", work + "/ssd"]).status == 0)
        #expect(try runOversight(["import", "ssd", work + "/ssd", "--db", db]).status == 0)
        for name in ["ann", "ben"] {
            #expect(try runOversight(["user", "add", name, "--role", "qa-auditor", "--db", db], environment: ["OVERSIGHT_PASSWORD": "pw"]).status == 0)
        }
        let arguments = [
            "--db", db, "--from", "measure:CIN-06:denominator", "--period", "2025-26", "--size", "6", "--seed", "42", "--auditors", "ann,ben",
            "--by", "Palvinder Kudhail", "--template", "thematic-dip-sample",
        ]
        let first = try runOversight(["audit", "sample"] + arguments + ["--id", "first"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Drew 6 of "))
        #expect(first.output.contains("seed 42"))
        let second = try runOversight(["audit", "sample"] + arguments + ["--id", "second"])
        func children(_ output: String, sample: String) -> [String] {
            output.split(separator: "\n").filter { $0.hasPrefix(sample + "-") }.map { String($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
        }
        #expect(children(first.output, sample: "first").count == 6)
        #expect(children(first.output, sample: "first") == children(second.output, sample: "second"))
        let again = try runOversight(["audit", "sample"] + arguments + ["--id", "first"])
        #expect(again.status != 0)
        #expect(again.errors.contains("a sample with ID 'first' is already stored"))

        // Only the allocated auditor records; a second auditor moderates.
        let wrong = try runOversight(["audit", "record", "first-001", "--db", db, "--grade", "G", "--by", "ben"])
        #expect(wrong.errors.contains("audit first-001 is allocated to ann, not ben"), "\(wrong.errors)")
        let record = try runOversight([
            "audit", "record", "first-001", "--db", db, "--grade", "G", "--answer", "TD1=RI:History listed but not analysed",
            "--answer", "TD4=n/a", "--finding", "history-not-used: The 2021 assessment is not referred to", "--worker-took-part",
            "--by", "ann", "--at", "2025-10-01T10:00:00Z",
        ])
        #expect(record.status == 0, "\(record.errors)")
        let badAnswer = try runOversight(["audit", "record", "first-001", "--db", db, "--grade", "G", "--answer", "ZZ9=G:x", "--by", "ann"])
        #expect(badAnswer.errors.contains("has no question ZZ9"), "\(badAnswer.errors)")
        let noReason = try runOversight(["audit", "moderate", "first-001", "--db", db, "--grade", "RI", "--by", "ben"])
        #expect(noReason.errors.contains("needs a reason"))
        let moderated = try runOversight(["audit", "moderate", "first-001", "--db", db, "--grade", "RI", "--reason", "No analysis of history", "--by", "ben"])
        #expect(moderated.output == "Moderated first-001: Good changed to Requires improvement.\n", "\(moderated.errors)")

        #expect(try runOversight(["audit", "theme", "add", "history-not-used", "--db", db, "--title", "Family history not used"]).status == 0)
        let raised = try runOversight(["audit", "action", "raise", "first-001", "--db", db, "--finding", "Update chronology", "--owner", "W1", "--due", "2025-11-01", "--by", "ann"])
        #expect(raised.output.hasPrefix("Raised case action first-001-A1"), "\(raised.errors)")
        #expect(try runOversight(["audit", "action", "update", "first-001-A1", "--db", db, "--status", "completed", "--note", "Done", "--by", "W1"]).status == 0)
        let reopenedWrongly = try runOversight(["audit", "action", "update", "first-001-A1", "--db", db, "--status", "in-progress", "--by", "W1"])
        #expect(reopenedWrongly.errors.contains("is completed and cannot become in-progress"))

        // The auditor sees only their own audits.
        let asAnn = try runOversight(["audit", "list", "--db", db, "--as", "ann"])
        #expect(asAnn.output.contains("first-001"))
        #expect(!asAnn.output.contains("first-002"))

        let report = try runOversight(["audit", "report", "--db", db, "--period", "2025-26", "--format", "json"])
        #expect(report.status == 0, "\(report.errors)")
        let decoded = try JSONDecoder().decode(ReportJSON.self, from: Data(report.output.utf8))
        #expect(decoded.completed == 1)
        #expect(decoded.overall.requiresImprovement == 1)
        #expect(decoded.moderation.moderated == 1)
        #expect(decoded.moderation.agreed == 0)
        #expect(decoded.themes.map(\.id) == ["history-not-used"])
        for format in ["table", "csv", "html"] {
            #expect(try runOversight(["audit", "report", "--db", db, "--period", "2025-26", "--format", format]).status == 0)
        }
    }
}
