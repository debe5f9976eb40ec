import Foundation
import Testing

@Suite("oversight cin and import cin")
struct CINCommandTests {
    @Test("cin generate → validate → import cin → measures → cin export: a census-only authority gets its measures")
    func censusOnlyAuthority() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let census = work + "/census.xml"
        #expect(try runOversight(["cin", "generate", "--children", "300", "--seed", "3", "--out", census]).status == 0)

        let json = try runOversight(["cin", "validate", census, "--year", "2025", "--format", "json"])
        #expect(json.status == 0, "\(json.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(report["children"] as? Int == 300)
        #expect((report["rules"] as? [[String: Any]])?.count == 109)

        let imported = try runOversight(["import", "cin", census, "--db", work + "/o.sqlite"])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.errors.contains("Imported 300 children"))
        let measures = try runOversight(["measures", "--db", work + "/o.sqlite", "--period", "2024-25", "--format", "csv"])
        #expect(measures.status == 0, "\(measures.errors)")
        let assessments = try #require(measures.output.split(separator: "\n").first { $0.hasPrefix("CIN-06") })
        // measure,title,period,slice,unit,value,numerator,denominator,…
        let fields = assessments.split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields.count > 7 && !fields[5].isEmpty && Int(fields[7]) ?? 0 > 0, "CIN-06 has no figure: \(assessments)")

        let exported = work + "/out.xml"
        #expect(try runOversight(["cin", "export", "--year", "2025", "--db", work + "/o.sqlite", "--out", exported]).status == 0)
        let again = try runOversight(["cin", "validate", exported, "--year", "2025", "--format", "json"])
        #expect(again.status == 0)
        // The export keeps what the census said (disabilities, former UPNs, previous plans), so it fails no rule the
        // census passed: 8730 was the one it used to fail.
        func failing(_ json: String) throws -> Set<String> {
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let rules = try #require(report["rules"] as? [[String: Any]])
            return Set(rules.filter { ($0["failures"] as? Int ?? 0) > 0 }.compactMap { $0["code"] as? String })
        }
        let newFailures = try failing(again.output).subtracting(try failing(json.output))
        #expect(newFailures.isEmpty, "the export fails \(newFailures.sorted())")
        #expect(!(try failing(again.output)).contains("8730"))
    }

    @Test("The table groups a dirty census's issues under each child; csv has one row per rule and child")
    func tableAndCSV() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let census = work + "/dirty.xml"
        #expect(try runOversight(["cin", "generate", "--children", "200", "--seed", "5", "--dirt", "--out", census]).status == 0)
        let table = try runOversight(["cin", "validate", census, "--year", "2025"])
        #expect(table.status == 0)
        let lines = table.output.split(separator: "\n")
        let children = lines.filter { $0.hasPrefix("Child ") }
        #expect(children.count > 10)
        #expect(Set(children).count == children.count, "each child is listed once")
        // Every issue line sits under a child (or under the return) and names its kind and DfE code.
        #expect(lines.contains { $0.hasPrefix("  error ") } && lines.contains { $0.hasPrefix("  query ") })
        let csv = try runOversight(["cin", "validate", census, "--year", "2025", "--format", "csv"])
        let rows = csv.output.split(separator: "\n")
        #expect(rows.first == "code,kind,la_level,child,failures,message")
        #expect(rows.count > children.count)
    }

    @Test("Rule 1530 runs on the shipped LA numbers; --la-numbers FILE judges by that list instead, and a bad line is refused")
    func localAuthorityNumbers() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let census = work + "/census.xml"
        #expect(try runOversight(["cin", "generate", "--children", "300", "--seed", "8", "--out", census]).status == 0)
        func rule1530(_ extra: [String]) throws -> [String: Any] {
            let result = try runOversight(["cin", "validate", census, "--year", "2025", "--format", "json"] + extra)
            #expect(result.status == 0, "\(result.errors)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            return try #require((report["rules"] as? [[String: Any]])?.first { $0["code"] as? String == "1530" })
        }
        let shipped = try rule1530([])
        #expect(shipped["failures"] as? Int == 0)
        #expect(shipped["skipped"] == nil)
        // Only this authority's own number: the children whose UPN another authority issued now fail.
        try "# just us\n825  # Buckinghamshire\n".write(toFile: work + "/la.txt", atomically: true, encoding: .utf8)
        #expect((try rule1530(["--la-numbers", work + "/la.txt"])["failures"] as? Int ?? 0) > 0)
        try "825\n8x5\n".write(toFile: work + "/bad.txt", atomically: true, encoding: .utf8)
        let bad = try runOversight(["cin", "validate", census, "--year", "2025", "--la-numbers", work + "/bad.txt"])
        #expect(bad.status != 0)
        #expect(bad.errors.contains(work + "/bad.txt:2: '8x5' is not a three-digit local authority number"))
    }

    @Test("A file that is not a census fails with file:line:column and leaves the database as it was")
    func notACensus() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try "<html><body>not a census</body></html>".write(toFile: work + "/page.xml", atomically: true, encoding: .utf8)
        let result = try runOversight(["import", "cin", work + "/page.xml", "--db", work + "/o.sqlite"])
        #expect(result.status != 0)
        #expect(result.errors.contains(work + "/page.xml:1:"))
        #expect(result.errors.contains("not a CIN census"))
    }
}
