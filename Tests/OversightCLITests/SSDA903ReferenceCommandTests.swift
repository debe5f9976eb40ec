import Foundation
import Testing

@Suite("oversight 903 validate --reference", .serialized)
struct SSDA903ReferenceCommandTests {
    static let postcodeRules: Set<String> = ["164", "169", "179", "392a", "392c", "406", "411", "420", "1015"]

    /// The rule codes of a JSON report, split into those that ran and those skipped.
    static func outcomes(_ output: String) throws -> (ran: Set<String>, skipped: [String: String], failed: Set<String>) {
        let json = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let rules = try #require(json["rules"] as? [[String: Any]])
        var ran = Set<String>(), skipped: [String: String] = [:], failed = Set<String>()
        for rule in rules {
            let code = try #require(rule["code"] as? String)
            if let reason = rule["skipped"] as? String { skipped[code] = reason } else { ran.insert(code) }
            if (rule["failures"] as? Int ?? 0) > 0 { failed.insert(code) }
        }
        return (ran, skipped, failed)
    }

    @Test("903 generate --reference writes postcodes.csv; with it the postcode rules run (clean passes, dirt fails), without it they are skipped")
    func referenceSwitchesRulesOn() throws {
        let clean = temporaryDirectory(), dirty = temporaryDirectory(), reference = temporaryDirectory()
        defer { for folder in [clean, dirty, reference] { try? FileManager.default.removeItem(atPath: folder) } }
        let generated = try runOversight(["903", "generate", "--year", "2026", "--children", "400", "--out", clean, "--reference", reference])
        #expect(generated.status == 0, "\(generated.errors)")
        #expect(FileManager.default.fileExists(atPath: reference + "/postcodes.csv"))
        #expect(!FileManager.default.fileExists(atPath: clean + "/postcodes.csv"))

        let without = try Self.outcomes(try runOversight(["903", "validate", clean, "--year", "2026", "--format", "json"]).output)
        #expect(Self.postcodeRules.union(["454"]).allSatisfy { without.skipped[$0]?.contains("postcode-to-grid") == true })

        let with = try runOversight(["903", "validate", clean, "--year", "2026", "--format", "json", "--reference", reference])
        #expect(with.status == 0, "a clean return passes: \(with.errors)")
        #expect(with.errors.contains("of the return's postcodes found in postcodes.csv; placements are IN or OUT of E09000027 (most home postcodes"))
        let ran = try Self.outcomes(with.output)
        #expect(ran.ran.isSuperset(of: Self.postcodeRules.union(["454"])))
        #expect(ran.failed.isEmpty)

        _ = try runOversight(["903", "generate", "--year", "2026", "--children", "400", "--dirt", "--out", dirty])
        let flagged = try Self.outcomes(
            try runOversight(["903", "validate", dirty, "--year", "2026", "--format", "json", "--reference", reference, "--la", "E09000027"]).output)
        #expect(flagged.failed.isSuperset(of: ["169", "179", "392a", "392c"]), "\(flagged.failed)")
    }

    @Test("A bad reference row stops validation with file:line: column; a reference folder without postcodes.csv says so")
    func badReference() throws {
        let data = temporaryDirectory(), reference = temporaryDirectory()
        defer { for folder in [data, reference] { try? FileManager.default.removeItem(atPath: folder) } }
        _ = try runOversight(["903", "generate", "--year", "2025", "--children", "20", "--out", data])
        let empty = try runOversight(["903", "validate", data, "--year", "2025", "--reference", reference])
        #expect(empty.errors.contains("has no postcodes.csv; the postcode rules are skipped"))
        try "pcd,oseast1m,osnrth1m,laua\nTW1 3BZ,516438,north,E09000027\n".write(toFile: reference + "/postcodes.csv", atomically: true, encoding: .utf8)
        let bad = try runOversight(["903", "validate", data, "--year", "2025", "--format", "json", "--reference", reference])
        #expect(bad.status != 0)
        #expect(bad.output.isEmpty)
        #expect(bad.errors.contains("postcodes.csv:2: osnrth1m: 'north' is not a grid coordinate in metres"))
        let authorityAlone = try runOversight(["903", "validate", data, "--year", "2025", "--la", "E09000027"])
        #expect(authorityAlone.status != 0)
        #expect(authorityAlone.errors.contains("--la") && authorityAlone.errors.contains("--reference DIR"))
    }
}
