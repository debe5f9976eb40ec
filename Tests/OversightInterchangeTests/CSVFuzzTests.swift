import Foundation
import OversightCore
@testable import OversightInterchange
import OversightStorage
import Testing

extension SplitMix64 {
    /// An index below `n`, so a failing mutation can be replayed from its seed.
    fileprivate mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

@Suite("CSV reader under mutated input")
struct CSVFuzzTests {
    /// The kinds of damage real files suffer: stray quotes and separators, cut lines, bad bytes, truncation.
    static func mutate(_ bytes: [UInt8], seed: UInt64) -> [UInt8] {
        var random = SplitMix64(state: seed)
        var data = bytes
        for _ in 0..<(1 + random.below(4)) {
            guard !data.isEmpty else { break }
            let at = random.below(data.count)
            switch random.below(7) {
            case 0: data.insert(0x22, at: at)  // a quote
            case 1: data.insert(0x2C, at: at)  // a comma
            case 2: data.insert(0x0A, at: at)  // a line break
            case 3: data[at] = UInt8(truncatingIfNeeded: random.next())  // any byte, often not UTF-8
            case 4: data.removeSubrange(at..<min(data.count, at + 1 + random.below(40)))
            case 5: data = Array(data.prefix(at))  // truncated
            default: data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: at)  // a BOM in the wrong place
            }
        }
        return data
    }

    @Test("Two thousand mutations of real SSD files each parse or fail with a located InterchangeError", arguments: [
        "ssd_contacts.csv", "ssd_cin_episodes.csv", "ssd_person.csv", "ssd_assessment_factors.csv",
    ])
    func mutations(file: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixturePath("ssd-systemc") + "/" + file)))
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + file
        var parsed = 0
        var rejected = 0
        for seed in 1...500 as ClosedRange<UInt64> {
            let damaged = Self.mutate(original, seed: seed &* 7919 &+ UInt64(file.utf8.count))
            FileManager.default.createFile(atPath: path, contents: Data(damaged))
            do {
                let reader = try CSVReader(path: path)
                var records = 0
                while let record = try reader.next() {
                    records += 1
                    #expect(record.line >= 2, "seed \(seed): a record before the header")
                }
                // A record never spans fewer than one line, so there are no more records than line breaks + 1.
                #expect(records <= damaged.filter { $0 == 0x0A }.count + 1, "seed \(seed)")
                parsed += 1
            } catch {
                // Every failure names the file (and a line where there is one).
                #expect("\(error)".contains(file), "seed \(seed): \(error)")
                rejected += 1
            }
        }
        #expect(parsed + rejected == 500)
        #expect(parsed > 0 && rejected > 0, "the mutations should exercise both outcomes")
    }

    @Test("A mutated extract either imports or leaves the store as it was")
    func importAllOrNothing() throws {
        let directory = copyOfFixture("ssd-systemc")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = InMemoryCaseRecordStore()
        _ = try SSDImporter().importExtract(from: fixturePath("ssd-systemc"), into: store, importedAt: "t")
        let before = try store.fetchCaseRecords()
        let target = directory + "/ssd_cin_assessments.csv"
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: target)))
        for seed in 1...200 as ClosedRange<UInt64> {
            FileManager.default.createFile(atPath: target, contents: Data(Self.mutate(original, seed: seed)))
            do {
                _ = try SSDImporter().importExtract(from: directory, into: store, importedAt: "t")
            } catch is InterchangeError {
                #expect(try store.fetchCaseRecords() == before, "seed \(seed): a failed import changed the store")
            }
            // Restore the last good state for the next seed.
            FileManager.default.createFile(atPath: target, contents: Data(original))
            _ = try SSDImporter().importExtract(from: directory, into: store, importedAt: "t")
        }
    }
}
