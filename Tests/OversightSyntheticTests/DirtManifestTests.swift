import Foundation
import OversightCore
import OversightSynthetic
import Testing

@Suite("Injected dirt")
struct DirtManifestTests {
    @Test("Every manifest entry points at a real line whose named column holds the described bad value", arguments: [1, 2, 3] as [UInt64])
    func manifestPointsAtTheBadValue(seed: UInt64) throws {
        try withGeneratedAuthority(GeneratorOptions(size: .tiny, seed: seed, dirt: true)) { directory, summary in
            let manifest = try CSVFile(path: directory + "/_dirt_manifest.csv")
            #expect(manifest.header == ["table", "line", "column", "kind", "detail"])
            #expect(manifest.records.count == summary.dirtInjected)
            #expect(summary.dirtInjected > 20)
            var tables: [String: [Int: [String]]] = [:]
            var headers: [String: [String]] = [:]
            for entry in manifest.records {
                let (table, line, column, kind, detail) = (entry.fields[0], Int(entry.fields[1])!, entry.fields[2], entry.fields[3], entry.fields[4])
                #expect(kind.hasPrefix("semantic:") || kind.hasPrefix("structural:"))
                if tables[table] == nil {
                    let file = try CSVFile(path: directory + "/" + table + ".csv")
                    tables[table] = Dictionary(uniqueKeysWithValues: file.records.map { ($0.line, $0.fields) })
                    headers[table] = file.header
                }
                let row = try #require(tables[table]?[line], "\(table) has no record starting on line \(line)")
                let index = try #require(headers[table]?.firstIndex(of: column), "\(table) has no column \(column)")
                #expect(detail.hasPrefix("'" + row[index] + "' "), "\(table):\(line): \(column) holds '\(row[index])', manifest says \(detail)")
            }
        }
    }

    @Test("Structural errors are rare, one per row, and never on a row something else refers to")
    func structuralErrorsAreIsolated() throws {
        try withGeneratedAuthority(GeneratorOptions(size: .tiny, seed: 5, dirt: true)) { directory, _ in
            let manifest = try CSVFile(path: directory + "/_dirt_manifest.csv")
            let structural = manifest.records.filter { $0.fields[3].hasPrefix("structural:") }
            #expect((3...15).contains(structural.count), "\(structural.count) structural errors in tiny")
            let rows = manifest.records.map { $0.fields[0] + ":" + $0.fields[1] }
            #expect(Set(rows).count == rows.count, "a row carries two injected errors")

            let episodes = try CSVFile(path: directory + "/ssd_cla_episodes.csv")
            let referencedPlacements = Set(episodes.values("clae_cla_placement_id"))
            let involvements = try CSVFile(path: directory + "/ssd_involvements.csv")
            let referencedWorkers = Set(involvements.values("invo_professional_id"))
            let people = try CSVFile(path: directory + "/ssd_person.csv")
            var referencedPeople = Set<String>()
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasPrefix("ssd_") && name != "ssd_person.csv" {
                let file = try CSVFile(path: directory + "/" + name)
                for column in file.header where column.hasSuffix("person_id") { referencedPeople.formUnion(file.values(column)) }
            }
            for entry in structural {
                let (table, line) = (entry.fields[0], Int(entry.fields[1])!)
                let file = try CSVFile(path: directory + "/" + table + ".csv")
                let row = try #require(file.records.first { $0.line == line })
                switch table {
                case "ssd_cla_placement": #expect(!referencedPlacements.contains(row.fields[0]))
                case "ssd_professionals": #expect(!referencedWorkers.contains(row.fields[0]))
                case "ssd_person": #expect(!referencedPeople.contains(row.fields[people.column("pers_person_id")!]))
                default: break
                }
            }
        }
    }

    @Test("A clean run writes no manifest and clears one left by a dirty run")
    func cleanRunHasNoManifest() throws {
        let directory = NSTemporaryDirectory() + "oversight-synthetic-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try SyntheticAuthority.generate(GeneratorOptions(size: .tiny, dirt: true), into: directory)
        #expect(FileManager.default.fileExists(atPath: directory + "/_dirt_manifest.csv"))
        let summary = try SyntheticAuthority.generate(GeneratorOptions(size: .tiny), into: directory)
        #expect(summary.dirtInjected == 0)
        #expect(!FileManager.default.fileExists(atPath: directory + "/_dirt_manifest.csv"))
    }
}
