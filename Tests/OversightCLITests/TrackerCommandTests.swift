import Foundation
import Testing

@Suite("oversight lado and oversight notifications", .serialized)
struct TrackerCommandTests {
    static let notificationHeader = "notification_id,source,reference,received_on,category,screened_on,screened_by,linked_child_id,linked_family,outcome,outcome_on"
    static let ladoHeader = """
        allegation_id,received_on,referrer,referrer_organisation,subject_name,subject_role,subject_date_of_birth,employer,sector,harm_tests,\
        child_ids,children_described,officer,initial_consideration_on,meets_threshold,meetings,investigations,disciplinary_started_on,\
        disciplinary_concluded_on,outcome,outcome_on,referrals,closed_on
        """

    @Test("notifications: a bad row rejects the whole file naming the row; add, screen and the queue report", arguments: DatabaseKind.tested)
    func notifications(kind: DatabaseKind) throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (db, _, drop) = try kind.database(in: work, named: "notifications")
        defer { drop() }
        #expect(try runOversight(["migrate", "--db", db]).status == 0)
        let bad = work + "/bad.csv"
        try """
            \(Self.notificationHeader)
            PN-1,police,POL/1,2025-04-17,domestic abuse,,,,,,
            PN-2,fax,,2025-04-17,ED attendance,,,,,,
            PN-3,school,,2025-04-18,welfare,,,,,,
            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try runOversight(["notifications", "import", bad, "--db", db])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("bad.csv:3: source: 'fax' is not one of police, health, school"), "\(refused.errors)")
        let empty = try runOversight(["notifications", "report", "--db", db, "--as-of", "2025-04-22", "--format", "json"])
        #expect(empty.status == 0, "\(empty.errors)")
        #expect(empty.output.contains("\"size\" : 0"))

        let good = work + "/good.csv"
        try """
            \(Self.notificationHeader)
            PN-1,police,POL/1,2025-04-17,domestic abuse,,,,,,
            PN-2,health,,2025-04-17,ED attendance,2025-04-22,MASH screener A,,Family 7,shared-with-school,2025-04-22
            """.write(toFile: good, atomically: true, encoding: .utf8)
        let imported = try runOversight(["notifications", "import", good, "--db", db])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output == "Imported 2 notifications from good.csv\n")
        // The same file again: every ID is already stored, so nothing is added.
        let again = try runOversight(["notifications", "import", good, "--db", db])
        #expect(again.status != 0 && again.errors.contains("notification 'PN-1' is already stored"), "\(again.errors)")
        let added = try runOversight(["notifications", "add", "--db", db, "--id", "PN-3", "--source", "school", "--received", "2025-04-22", "--category", "welfare"])
        #expect(added.status == 0, "\(added.errors)")

        // Maundy Thursday's notification is within its one working day on Tuesday and beyond it on Wednesday.
        let tuesday = try runOversight(["notifications", "report", "--db", db, "--as-of", "2025-04-22"])
        #expect(tuesday.output.contains("Screening queue on 2025-04-22: 2 waiting"), "\(tuesday.output)")
        #expect(!tuesday.output.contains("ALERT"))
        let wednesday = try runOversight(["notifications", "report", "--db", db, "--as-of", "2025-04-23"])
        #expect(wednesday.output.contains("ALERT: 1 notification waiting beyond the service level"), "\(wednesday.output)")

        let screened = try runOversight(["notifications", "screen", "PN-1", "--db", db, "--on", "2025-04-23", "--by", "MASH screener B", "--outcome", "mash-contact", "--child", "C1"])
        #expect(screened.status == 0, "\(screened.errors)")
        let csv = try runOversight(["notifications", "report", "--db", db, "--as-of", "2025-04-23", "--format", "csv"])
        #expect(csv.output == "notification_id,source,received_on,age_days,working_days_waiting,beyond_service_level\nPN-3,school,2025-04-22,1,1,no\n")
        let early = try runOversight(["notifications", "screen", "PN-3", "--db", db, "--on", "2025-04-21", "--by", "X", "--outcome", "nfa"])
        #expect(early.status != 0 && early.errors.contains("before the notification was received"))
    }

    @Test("lado: import, report, explain, and the retention purge with a dry run", arguments: DatabaseKind.tested)
    func lado(kind: DatabaseKind) throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (db, _, drop) = try kind.database(in: work, named: "lado")
        defer { drop() }
        let file = work + "/lado.csv"
        try """
            \(Self.ladoHeader)
            L-1,2025-04-17,DSL,School,Alex Carver,Teacher,1980-06-01,Carver Academy,education,harmed-child,C1,,Lee Adebayo,2025-04-22,yes,strategy:2025-04-24,police:2025-04-24..2025-05-01,,,substantiated,2025-05-10,tra:2025-05-12,2025-05-10
            L-2,2025-05-01,Parent,,Sam Ellery,Sports coach,,Ellery Trust,sport,transferable-risk,,child at the club,Dani Okafor,2025-05-06,yes,,,,,malicious,2025-06-01,,2025-06-01
            L-3,2025-06-02,DSL,School,Jo Hollins,Teaching assistant,1990-01-01,Hollins School,education,unsuitable,,,Lee Adebayo,2025-06-02,yes,allegations-management:2025-06-05,,2025-06-10,,,,,
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try runOversight(["lado", "import", file, "--db", db])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output == "Imported 3 allegations from lado.csv: 3 new, 0 updated\n")
        #expect(imported.errors.contains("no case records are imported, so the allegations' child_ids were not checked"))
        let report = try runOversight(["lado", "report", "--db", db, "--period", "2025-26", "--format", "csv"])
        #expect(report.status == 0, "\(report.errors)")
        #expect(report.output.contains("LADO-01,Allegations received,2025-26,count,3,3,\n"), "\(report.output)")
        #expect(report.output.contains("LADO-03,Initial consideration decided within 1 working day,2025-26,percentage,66.67,2,3\n"))
        let explained = try runOversight(["lado", "explain", "LADO-03", "--db", db, "--period", "2025-26", "--format", "csv"])
        #expect(explained.output.contains("L-2,no,yes,\"received 2025-05-01, decided 2025-05-06: 2 working days\"\n"), "\(explained.output)")

        let dry = try runOversight(["lado", "purge", "--db", db, "--as-of", "2026-06-02", "--dry-run"])
        #expect(dry.status == 0, "\(dry.errors)")
        #expect(dry.output.contains("L-2") && dry.output.contains("Dry run: 1 allegations would be purged; nothing was removed"))
        #expect(try runOversight(["lado", "report", "--db", db, "--period", "2025-26", "--format", "csv"]).output.contains("LADO-01,Allegations received,2025-26,count,3,3,"))
        let purged = try runOversight(["lado", "purge", "--db", db, "--as-of", "2026-06-02"])
        #expect(purged.output.contains("Purged 1 allegations"), "\(purged.output)")
        #expect(try runOversight(["lado", "report", "--db", db, "--period", "2025-26", "--format", "csv"]).output.contains("LADO-01,Allegations received,2025-26,count,2,2,"))

        let badFile = work + "/bad-lado.csv"
        try """
            \(Self.ladoHeader)
            L-9,2025-07-01,DSL,School,Kim Ingram,Teacher,,Ingram School,education,harmed-child,,,Lee Adebayo,2025-07-02,yes,,,,,,,,
            L-10,2025-07-01,DSL,School,Kim Jessop,Teacher,,Jessop School,education,harmed-child,,,Lee Adebayo,2025-07-02,maybe,,,,,,,,
            """.write(toFile: badFile, atomically: true, encoding: .utf8)
        let refused = try runOversight(["lado", "import", badFile, "--db", db])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("bad-lado.csv:3: meets_threshold: 'maybe' is not yes or no"), "\(refused.errors)")
        #expect(try runOversight(["lado", "report", "--db", db, "--period", "2025-26", "--format", "csv"]).output.contains("LADO-01,Allegations received,2025-26,count,2,2,"))
    }
}
