import Foundation
import Testing

@Suite("oversight 903, end to end", .serialized)
struct SSDA903CommandTests {
    @Test("903 generate --dirt → 903 validate --format json: every rule of the pack is reported, dirt is found, exit status 1")
    func generateAndValidate() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generated = try runOversight(["903", "generate", "--year", "2025", "--children", "300", "--dirt", "--out", directory])
        #expect(generated.status == 0, "\(generated.errors)")
        #expect(FileManager.default.fileExists(atPath: directory + "/episodes.csv"))

        let validated = try runOversight(["903", "validate", directory, "--year", "2025", "--format", "json"])
        #expect(validated.status == 1, "dirty data has failing error rules: \(validated.errors)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(validated.output.utf8)) as? [String: Any])
        let rules = try #require(json["rules"] as? [[String: Any]])
        #expect(rules.count == 305)
        let rule101 = try #require(rules.first { $0["code"] as? String == "101" })
        #expect((rule101["failures"] as? Int ?? 0) > 0)
        let rows = try #require(rule101["rows"] as? [[String: Any]])
        #expect(rows.allSatisfy { $0["table"] as? String == "Header" && ($0["row"] as? Int ?? 0) >= 1 && $0["child"] is String })
        #expect(json["children"] as? Int == 330)

        let clean = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: clean) }
        _ = try runOversight(["903", "generate", "--year", "2025", "--children", "300", "--out", clean])
        let table = try runOversight(["903", "validate", clean, "--year", "2025"])
        #expect(table.output.hasPrefix("SSDA903 2024/25: 330 children;"))
    }

    @Test("A folder whose file matches no 903 table fails with the file, line 1 and what is missing; nothing is printed on stdout")
    func unknownColumns() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "CHILD,SEX,DOB\n1,M,01/01/2010\n".write(toFile: directory + "/header.csv", atomically: true, encoding: .utf8)
        let result = try runOversight(["903", "validate", directory, "--year", "2025", "--format", "json"])
        #expect(result.status != 0)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("header.csv:1") && result.errors.contains("nearest is Header"))
    }

    @Test("--year outside the packs is refused before anything is read")
    func unknownYear() throws {
        let result = try runOversight(["903", "validate", "/nonexistent", "--year", "2019"])
        #expect(result.status != 0)
        #expect(result.errors.contains("rule packs exist for 2025–2026"))
    }
}
