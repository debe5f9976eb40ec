import Foundation
import Testing

/// One object of `oversight measures --format json`.
struct MeasureOutput: Decodable {
    struct Comparator: Decodable { var area: String; var year: Int; var value: Double? }
    struct Published: Decodable { var value: String; var numerator: String; var denominator: String }
    var id: String
    var value: Double?
    var numerator: Double?
    var denominator: Double?
    var unit: String
    var comparators: [Comparator]
    var published: Published?
}

@Suite("oversight measures", .serialized)
struct MeasuresCommandTests {
    /// A tiny synthetic authority, imported once per test.
    func importedAuthority() throws -> (work: String, db: String) {
        let work = temporaryDirectory()
        let generate = try runOversight(["generate", "--size", "tiny", "--seed", "3", "--out", work + "/ssd"])
        try #require(generate.status == 0, "\(generate.errors)")
        let imported = try runOversight(["import", "ssd", work + "/ssd", "--db", work + "/o.sqlite"])
        try #require(imported.status == 0, "\(imported.errors)")
        return (work, work + "/o.sqlite")
    }

    @Test("JSON has one object per measure, and explain lists exactly the rows behind the figure")
    func measuresAndExplain() throws {
        let (work, db) = try importedAuthority()
        defer { try? FileManager.default.removeItem(atPath: work) }

        let run = try runOversight(["measures", "--db", db, "--period", "2025-26", "--population", "20000", "--format", "json"])
        #expect(run.status == 0, "\(run.errors)")
        let measures = try JSONDecoder().decode([MeasureOutput].self, from: Data(run.output.utf8))
        #expect(measures.count >= 50)
        let assessments = try #require(measures.first { $0.id == "CIN-06" })
        #expect(assessments.unit == "percentage")
        #expect(assessments.comparators.contains { $0.area == "england" && $0.year == 2025 && $0.value == 85.7 })
        let denominator = try #require(assessments.denominator)
        #expect(denominator > 0)
        #expect(measures.first { $0.id == "CIN-01" }?.value != nil, "a rate with --population has a value")

        let explain = try runOversight(["measures", "explain", "CIN-06", "--db", db, "--period", "2025-26", "--format", "csv"])
        #expect(explain.status == 0, "\(explain.errors)")
        let rows = explain.output.split(separator: "\n").dropFirst()
        #expect(rows.count == Int(denominator))
        #expect(rows.filter { $0.split(separator: ",")[2] == "yes" }.count == Int(assessments.numerator ?? -1))
        #expect(explain.output.hasPrefix("child_id,record_id,in_numerator,from_label,from,to_label,to,working_days,days,value,reason"))

        let table = try runOversight(["measures", "explain", "cin-06", "--db", db, "--period", "2025-26"])
        #expect(table.output.contains("assessment authorised on working day"))
    }

    @Test("Slices, suppression and mistakes")
    func slicesAndErrors() throws {
        let (work, db) = try importedAuthority()
        defer { try? FileManager.default.removeItem(atPath: work) }

        let all = try JSONDecoder().decode([MeasureOutput].self, from: Data(try runOversight(
            ["measures", "--db", db, "--period", "2025-26", "--format", "json", "--measure", "CIN-02"]).output.utf8))
        let teenagers = try JSONDecoder().decode([MeasureOutput].self, from: Data(try runOversight(
            ["measures", "--db", db, "--period", "2025-26", "--format", "json", "--measure", "CIN-02", "--cohort", "age=10-15"]).output.utf8))
        #expect(all.count == 1 && teenagers.count == 1)
        #expect((teenagers[0].denominator ?? 0) < (all[0].denominator ?? 0))

        let suppressed = try runOversight(["measures", "--db", db, "--period", "2025-Q1", "--format", "json", "--suppress", "--measure", "CP-08"])
        let published = try #require(try JSONDecoder().decode([MeasureOutput].self, from: Data(suppressed.output.utf8)).first?.published)
        let numerator = try JSONDecoder().decode([MeasureOutput].self, from: Data(suppressed.output.utf8)).first?.numerator ?? 0
        #expect((1...5).contains(numerator) ? published.numerator == "c" : published.numerator != "c")

        let badTeam = try runOversight(["measures", "--db", db, "--period", "2025-26", "--team", "No Such Team"])
        #expect(badTeam.status != 0)
        #expect(badTeam.errors.contains("no team with ID or name 'No Such Team'"))
        let badPeriod = try runOversight(["measures", "--db", db, "--period", "2025/26"])
        #expect(badPeriod.status != 0)
        let badMeasure = try runOversight(["measures", "explain", "CIN-99", "--db", db, "--period", "2025-26"])
        #expect(badMeasure.errors.contains("no measure 'CIN-99'"))

        let trend = try runOversight(["measures", "trend", "CIN-01", "--db", db, "--period", "2026-03", "--format", "csv"])
        #expect(trend.output.split(separator: "\n").count == 25)
    }
}
