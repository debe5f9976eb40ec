import Foundation
import Testing

@Suite("oversight escalations and oversight send: import, report and explain", .serialized)
struct EscalationSENDCommandTests {
    static let escalations = """
        escalation_id,child_id,iro,concern,stage,raised_on,escalated_to,response_due,responded_on,response,actions,resolved_on,resolution
        E1,C1,IRO A,permanence-drift,informal,2024-03-25,,,2024-04-05,No plan yet,Hold a permanence meeting,,
        E1,C1,IRO A,permanence-drift,formal-1,2024-04-08,Team manager,,2024-04-10,Meeting booked,,2024-04-10,Meeting held
        E2,C1,IRO B,visits,informal,2024-04-22,,,,,Visit within 5 days,,

        """

    @Test("A bad row refuses the whole file, naming the row; the good file imports; the report and explanation read it", arguments: DatabaseKind.tested)
    func escalationsEndToEnd(kind: DatabaseKind) throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (db, _, drop) = try kind.database(in: work, named: "escalations")
        defer { drop() }
        let bad = work + "/bad.csv"
        try (Self.escalations + "E3,C2,IRO B,visits,formal-9,2024-04-23,,,,,,,\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try runOversight(["escalations", "import", bad, "--db", db])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("bad.csv:5: stage: 'formal-9' is not one of informal, formal-1, formal-2, formal-3"), "\(refused.errors)")
        #expect(refused.errors.contains("nothing was imported"))
        let good = work + "/escalations.csv"
        try Self.escalations.write(toFile: good, atomically: true, encoding: .utf8)
        let imported = try runOversight(["escalations", "import", good, "--db", db])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output == "Imported 2 escalations (3 stages) from escalations.csv.\n")
        let report = try runOversight(["escalations", "report", "--db", db, "--period", "2024-04", "--format", "json"])
        #expect(report.status == 0, "\(report.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])
        #expect(json["raised"] as? Int == 1)
        #expect((json["resolved"] as? [String: Any])?["numerator"] as? Int == 1)
        #expect((json["repeats"] as? [String: Any])?["numerator"] as? Int == 1)
        #expect((json["open"] as? [[String: Any]])?.first?["id"] as? String == "E2")
        let csv = try runOversight(["escalations", "report", "--db", db, "--period", "2024-04", "--format", "csv"])
        #expect(csv.output.hasPrefix("section,item,band,value\nraised,escalations raised,,1\n"), "\(csv.output)")
        let explained = try runOversight(["escalations", "explain", "IRO-05", "--db", db, "--period", "2024-04", "--format", "csv"])
        #expect(explained.output.contains("E1,C1,2024-03-25,2024-04-10,2,yes,\"resolved at formal stage 1 on 2024-04-10, response due 2024-04-15\""), "\(explained.output)")
    }

    @Test("send import and report: SEND-01 with England's figure, a bad row named, the waiting list")
    func sendEndToEnd() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let db = work + "/send.sqlite"
        let assessments = work + "/assessments.csv"
        try """
            request_id,child_id,request_received,decision,decision_on,draft_plan_issued_on,final_plan_issued_on,decided_not_to_issue_on,exception,need_types
            R1,C1,2024-01-01,Y,2024-02-12,2024-04-20,2024-05-20,,,ASD
            R2,C2,2024-01-01,Y,2024-02-13,,2024-05-21,,,SEMH
            R3,C3,2024-01-01,Y,2024-02-01,,2024-09-01,,absent-from-area,

            """.write(toFile: assessments, atomically: true, encoding: .utf8)
        let imported = try runOversight(["send", "import", assessments, "--kind", "assessments", "--db", db])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output == "Imported 3 assessments records from assessments.csv.\n")
        let list = work + "/waiting.csv"
        try "referral_id,child_id,pathway,referred_on,first_seen_on,outcome\nW1,C1,asd,2022-06-01,,\nW2,C2,adhd,2024-13-01,,\n"
            .write(toFile: list, atomically: true, encoding: .utf8)
        let refused = try runOversight(["send", "import", list, "--kind", "waiting-list", "--db", db])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("waiting.csv:3: referred_on: '2024-13-01' is not a valid date"), "\(refused.errors)")
        let report = try runOversight(["send", "report", "--db", db, "--period", "2024"])
        #expect(report.status == 0, "\(report.errors)")
        #expect(report.output.hasPrefix("SEND, 2024 (as at 2024-12-31)"), "\(report.output)")
        // Nothing from the refused file was stored.
        let csv = try runOversight(["send", "report", "--db", db, "--period", "2024", "--format", "csv"])
        #expect(csv.output.contains("\nmeasure,SEND-01 New EHC plans issued within 20 weeks,1 of 2,50% (England 46% in 2024)\n"), "\(csv.output)")
        #expect(csv.output.contains("\nwaiting list,Autism (ASD) assessment,waiting,0\n"), "\(csv.output)")
        let explained = try runOversight(["send", "explain", "SEND-01", "--db", db, "--period", "2024", "--format", "csv"])
        #expect(lines(ofText: explained.output) == [
            "record,child,start,end,elapsed,met,reason",
            "R2,C2,2024-01-01,2024-05-21,141,no,final plan issued after 20 weeks 1 days; due 2024-05-20",
            "R1,C1,2024-01-01,2024-05-20,140,yes,final plan issued after 20 weeks 0 days; due 2024-05-20",
        ])
    }

    @Test("send import-ssd reads the SSD's SEND tables; a folder without them says what to use instead")
    func importSSD() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let db = work + "/send.sqlite"
        let none = try runOversight(["send", "import-ssd", work, "--db", db])
        #expect(none.status != 0)
        #expect(none.errors.contains("has no ssd_send.csv; without the SSD's SEND tables use 'oversight send import FILE --kind …'"), "\(none.errors)")
        try "send_table_id,send_person_id,send_upn,send_uln,send_upn_unknown\nS1,P1,,,\n".write(toFile: work + "/ssd_send.csv", atomically: true, encoding: .utf8)
        try """
            ehcr_ehcp_request_id,ehcr_send_table_id,ehcr_ehcp_req_date,ehcr_ehcp_req_outcome_date,ehcr_ehcp_req_outcome
            Q1,S1,2024-01-08 00:00:00.000,2024-02-12 00:00:00.000,Y

            """.write(toFile: work + "/ssd_ehcp_requests.csv", atomically: true, encoding: .utf8)
        try """
            ehca_ehcp_assessment_id,ehca_ehcp_request_id,ehca_ehcp_assessment_outcome_date,ehca_ehcp_assessment_outcome,ehca_ehcp_assessment_exceptions
            A1,Q1,2024-05-27 00:00:00.000,Y,0

            """.write(toFile: work + "/ssd_ehcp_assessment.csv", atomically: true, encoding: .utf8)
        let imported = try runOversight(["send", "import-ssd", work, "--db", db])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output == "Imported 1 EHC needs assessments and 0 annual reviews from the SSD.\n")
        let explained = try runOversight(["send", "explain", "SEND-01", "--db", db, "--period", "2024", "--format", "csv"])
        #expect(lines(ofText: explained.output).last == "Q1,P1,2024-01-08,2024-05-27,140,yes,final plan issued after 20 weeks 0 days; due 2024-05-27")
    }
}

private func lines(ofText text: String) -> [String] { text.split(separator: "\n").map(String.init) }
