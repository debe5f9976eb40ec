import Foundation
import OversightCore
import OversightInterchange
import OversightSynthetic
import OversightValidation
import Testing

/// The reader over damaged census files: every mutation must either read (with issues reported) or fail with a
/// `CINReadError` naming a line; never crash or hang. Seeds: the committed files in Tests/Fixtures/cin-fuzz plus a
/// small dirty generated census; mutation seeds 1–400 are replayable.
@Suite("CIN census reader under mutated input")
struct CINReaderFuzzTests {
    static func seedFiles() throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: cinFixtures.path).filter { $0.hasSuffix(".xml") }.sorted()
        var files = try names.map { Array(try Data(contentsOf: cinFixtures.appendingPathComponent($0))) }
        let path = temporaryFile("fuzz-seed.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try CINCensusGenerator(year: 2025, seed: 2, dirt: true).write(children: 12, to: path)
        files.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        return files
    }

    /// Damage of the kinds census files suffer: cut short, bytes lost or changed, tags broken or duplicated.
    static func mutate(_ bytes: [UInt8], seed: UInt64) -> [UInt8] {
        var random = SplitMix64(state: seed)
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(max(n, 1))) }
        var data = bytes
        for _ in 0..<(1 + below(4)) {
            guard !data.isEmpty else { break }
            let at = below(data.count)
            switch below(8) {
            case 0: data.insert(0x3C, at: at)  // a stray '<'
            case 1: data.insert(contentsOf: Array("<Extra>1</Extra>".utf8), at: at)
            case 2: data[at] = UInt8(truncatingIfNeeded: random.next())
            case 3: data.removeSubrange(at..<min(data.count, at + 1 + below(60)))
            case 4: data = Array(data.prefix(at))
            case 5: data.insert(contentsOf: data[at..<min(data.count, at + below(200))], at: at)
            case 6: data.insert(contentsOf: Array("2024-02-30".utf8), at: at)
            default: data.insert(0x26, at: at)  // a bare '&'
            }
        }
        return data
    }

    @Test func mutatedCensusFilesReadOrFailCleanly() throws {
        let seeds = try Self.seedFiles()
        var read = 0
        var rejected = 0
        for seed in 1...400 as ClosedRange<UInt64> {
            let original = seeds[Int(seed) % seeds.count]
            let mutated = Self.mutate(original, seed: seed)
            var validation = CINValidation(year: 2025)
            do {
                _ = try CINCensusReader().read(data: Data(mutated), name: "mutant-\(seed).xml") { validation.add($0) }
                _ = validation.finish()
                read += 1
            } catch let error as CINReadError {
                #expect(error.file == "mutant-\(seed).xml")
                #expect(!error.reason.isEmpty)
                rejected += 1
            }
        }
        #expect(read + rejected == 400)
        #expect(rejected > 50 && read > 20, "read \(read), rejected \(rejected)")
    }
}
