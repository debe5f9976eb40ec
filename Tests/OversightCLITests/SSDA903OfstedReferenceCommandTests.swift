import Foundation
import Testing

@Suite("oversight 903 validate --reference: Ofsted provider lists", .serialized)
struct SSDA903OfstedReferenceCommandTests {
    static let urnRules = ["219", "221", "224", "227", "228", "229", "1008"]

    static func rules(_ output: String) throws -> [String: [String: Any]] {
        let json = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let rules = try #require(json["rules"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rules.map { ($0["code"] as! String, $0) })
    }

    @Test("903 generate writes the lists beside the return; --reference switches the URN rules from skipped to run, and they find the planted faults; a folder without the lists leaves them skipped")
    func referenceSwitchesRulesOn() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generated = try runOversight(["903", "generate", "--year", "2026", "--children", "600", "--dirt", "--out", directory])
        #expect(generated.status == 0, "\(generated.errors)")
        #expect(FileManager.default.fileExists(atPath: directory + "/reference/ofsted-childrens-homes.csv"))

        let without = try Self.rules(runOversight(["903", "validate", directory, "--year", "2026", "--format", "json"]).output)
        let empty = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let noLists = try runOversight(["903", "validate", directory, "--year", "2026", "--format", "json", "--reference", empty])
        #expect(noLists.errors.contains("no Ofsted provider lists"))
        let withoutLists = try Self.rules(noLists.output)
        for code in Self.urnRules {
            #expect((without[code]?["skipped"] as? String)?.contains("needs the Ofsted provider lists") == true, "\(code)")
            #expect(withoutLists[code]?["skipped"] as? String == without[code]?["skipped"] as? String, "\(code)")
        }

        let with = try runOversight([
            "903", "validate", directory, "--year", "2026", "--format", "json", "--reference", directory + "/reference",
            "--placing-authority", "Richmond upon Thames",
        ])
        #expect(with.errors.contains("Ofsted providers"))
        let rules = try Self.rules(with.output)
        for code in Self.urnRules {
            #expect(rules[code]?["skipped"] == nil, "\(code): \(rules[code]?["skipped"] ?? "")")
            #expect((rules[code]?["failures"] as? Int ?? 0) > 0, "\(code) finds the planted fault")
        }

        let noAuthority = try Self.rules(
            runOversight(["903", "validate", directory, "--year", "2026", "--format", "json", "--reference", directory + "/reference"]).output)
        #expect((noAuthority["229"]?["skipped"] as? String)?.contains("--placing-authority") == true)
        #expect(noAuthority["1008"]?["skipped"] == nil)
    }

    @Test("A bad row in a list stops validation with the file, line and column; nothing is printed on stdout")
    func badList() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try runOversight(["903", "generate", "--year", "2025", "--children", "50", "--out", directory])
        let homes = directory + "/reference/ofsted-childrens-homes.csv"
        let text = try String(contentsOfFile: homes, encoding: .utf8)
        try (text + "SC123456,Richmond upon Thames,K2,PR4,TW9 1AA,30/02/2024\n").write(toFile: homes, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n").count + 1
        let result = try runOversight(["903", "validate", directory, "--year", "2025", "--reference", directory + "/reference"])
        #expect(result.status != 0)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("ofsted-childrens-homes.csv:\(line): Closed Date: '30/02/2024' is not a date"), "\(result.errors)")
    }
}
