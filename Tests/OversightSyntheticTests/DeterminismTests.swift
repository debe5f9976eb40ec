import Foundation
import OversightCore
import OversightSynthetic
import Testing

@Suite("Determinism")
struct DeterminismTests {
    private static func files(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test("The same options write byte-identical files, dirt and manifest included")
    func sameOptionsSameBytes() throws {
        for dirt in [false, true] {
            let options = GeneratorOptions(size: .tiny, seed: 7, dirt: dirt)
            try withGeneratedAuthority(options) { first, _ in
                try withGeneratedAuthority(options) { second, _ in
                    let names = try Self.files(in: first)
                    #expect(names == (try Self.files(in: second)))
                    #expect(names.count == (dirt ? 26 : 25))
                    for name in names {
                        let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
                        let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
                        #expect(a == b, "\(name) differs between two runs with the same options")
                    }
                }
            }
        }
    }

    @Test("A different seed invents a different authority")
    func differentSeedDifferentAuthority() throws {
        try withGeneratedAuthority(GeneratorOptions(size: .tiny, seed: 7)) { first, _ in
            try withGeneratedAuthority(GeneratorOptions(size: .tiny, seed: 8)) { second, _ in
                for table in ["ssd_person", "ssd_cin_episodes", "ssd_involvements", "ssd_professionals"] {
                    let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + table + ".csv"))
                    let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + table + ".csv"))
                    #expect(a != b, "\(table) is the same for seeds 7 and 8")
                }
            }
        }
    }

    @Test("Switching dirt on corrupts rows without changing the authority underneath")
    func dirtKeepsTheAuthority() throws {
        try withGeneratedAuthority(GeneratorOptions(size: .tiny, seed: 3)) { clean, cleanSummary in
            try withGeneratedAuthority(GeneratorOptions(size: .tiny, seed: 3, dirt: true)) { dirty, dirtySummary in
                #expect(cleanSummary.dirtInjected == 0)
                #expect(dirtySummary.dirtInjected > 0)
                // Tables that gain no rows from dirt keep their row count exactly.
                let unchanged = ["ssd_contacts", "ssd_cin_assessments", "ssd_cp_plans", "ssd_cla_episodes", "ssd_involvements"]
                let cleanRows = Dictionary(uniqueKeysWithValues: cleanSummary.rowsByTable.map { ($0.table, $0.rows) })
                let dirtyRows = Dictionary(uniqueKeysWithValues: dirtySummary.rowsByTable.map { ($0.table, $0.rows) })
                for table in unchanged { #expect(cleanRows[table] == dirtyRows[table], "\(table) row count changed") }
                #expect(!FileManager.default.fileExists(atPath: clean + "/_dirt_manifest.csv"))
                #expect(FileManager.default.fileExists(atPath: dirty + "/_dirt_manifest.csv"))
            }
        }
    }
}
