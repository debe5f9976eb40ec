import Foundation
import Testing

/// One object of `oversight measures list --format json`.
private struct ListedMeasure: Decodable {
    var id: String
    var title: String
    var source: String
    var denominator: String?
    var unavailableReason: String?
    var tracker: String?
    var explain: String?
    var page: String?
}

@Suite("oversight measures list: the tracker measures")
struct MeasuresListTrackerTests {
    @Test("JSON and CSV list the case measures, then every tracker measure marked with its tracker")
    func jsonAndCSV() throws {
        let json = try runOversight(["measures", "list", "--format", "json"])
        #expect(json.status == 0, "\(json.errors)")
        let listed = try JSONDecoder().decode([ListedMeasure].self, from: Data(json.output.utf8))
        let firstTracker = try #require(listed.firstIndex { $0.tracker != nil })
        #expect(firstTracker >= 50, "the case measures come first")
        #expect(listed[..<firstTracker].allSatisfy { $0.explain == nil && $0.page == nil })
        let tracked = listed[firstTracker...]
        #expect(tracked.allSatisfy { $0.tracker != nil && $0.explain != nil && $0.page != nil })
        #expect(tracked.map(\.id) == ["LADO-01", "LADO-02", "LADO-03", "LADO-04", "LADO-05", "LADO-06", "LADO-07", "LADO-08", "LADO-09", "NOTIF-01", "NOTIF-02",
                                      "IRO-01", "IRO-05", "IRO-06", "SEND-01", "SEND-02", "SEND-03", "SEND-04", "SEND-05"])
        let lado = try #require(tracked.first { $0.id == "LADO-03" })
        #expect(lado.tracker == "lado")
        #expect(lado.explain == "oversight lado explain LADO-03")
        #expect(lado.page == "/trackers/lado/measures/LADO-03")
        #expect(tracked.first { $0.id == "NOTIF-02" }?.denominator == nil)
        #expect(tracked.first { $0.id == "SEND-01" }?.source == "SEN2")
        // IRO-01 and SEND-01 are declared in the case catalogue as not held there; that entry names the tracker that computes them.
        let declaredIRO = try #require(listed[..<firstTracker].first { $0.id == "IRO-01" })
        #expect(declaredIRO.unavailableReason?.contains("oversight escalations explain IRO-01") == true)

        let csv = try runOversight(["measures", "list", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.errors)")
        let lines = csv.output.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.first == "id,title,definition,numerator,denominator,counts,period,unit,polarity,source,annex_a_list,timescale,unavailable,tracker,explain")
        #expect(lines.last?.hasPrefix("SEND-05,") == true)
        #expect(lines.last?.hasSuffix(",send,oversight send explain SEND-05") == true)
        #expect(lines.contains { $0.hasPrefix("CIN-06,") && $0.hasSuffix(",,") }, "case rows leave tracker and explain empty")
    }

    @Test("The table lists the trackers' measures in their own section, and says which tracker computes IRO-01 and SEND-01")
    func table() throws {
        let run = try runOversight(["measures", "list"])
        #expect(run.status == 0, "\(run.errors)")
        let parts = run.output.components(separatedBy: "Tracker measures, computed over each tracker's own records:")
        try #require(parts.count == 2)
        #expect(parts[0].contains("CIN-06"))
        #expect(parts[0].split(separator: "\n").contains { $0.hasPrefix("IRO-01") && $0.contains("(computed by the escalations tracker)") })
        #expect(parts[0].split(separator: "\n").contains { $0.hasPrefix("SEND-01") && $0.contains("(computed by the send tracker)") })
        let trackerLines = parts[1].split(separator: "\n")
        #expect(trackerLines.first?.hasPrefix("Measure") == true)
        #expect(trackerLines.contains { $0.hasPrefix("LADO-03 ") && $0.contains(" lado ") && $0.hasSuffix("oversight lado explain LADO-03") })
        #expect(trackerLines.contains { $0.hasPrefix("NOTIF-01 ") && $0.contains(" notifications ") })
        #expect(trackerLines.count == 2 + 19)
    }

    @Test("explain for a tracker measure points to the tracker's own command; other names still say no measure")
    func pointsToTracker() throws {
        let (work, db) = try MeasuresCommandTests().importedAuthority()
        defer { try? FileManager.default.removeItem(atPath: work) }

        let lado = try runOversight(["measures", "explain", "LADO-03", "--db", db, "--period", "2025-26"])
        #expect(lado.status != 0)
        #expect(lado.errors.contains("LADO-03 is a LADO allegations tracker measure"), "\(lado.errors)")
        #expect(lado.errors.contains("oversight lado explain LADO-03"))
        #expect(!lado.errors.contains("no measure"))

        let iro = try runOversight(["measures", "explain", "iro-01", "--db", db, "--period", "2025-26"])
        #expect(iro.status != 0)
        #expect(iro.errors.contains("oversight escalations explain IRO-01"), "\(iro.errors)")
        #expect(iro.errors.contains("/trackers/measures/IRO-01"))

        let unknown = try runOversight(["measures", "explain", "XYZ-01", "--db", db, "--period", "2025-26"])
        #expect(unknown.errors.contains("no measure 'XYZ-01'"))

        let caseMeasure = try runOversight(["measures", "explain", "CIN-06", "--db", db, "--period", "2025-26", "--format", "csv"])
        #expect(caseMeasure.status == 0, "\(caseMeasure.errors)")
    }
}
