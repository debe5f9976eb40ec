import Foundation
import OversightCore
import OversightInterchange
import OversightMeasures
import OversightStorage
import OversightStorageSQLite
import OversightSynthetic
import OversightWorkforce

/// Speed and memory figures, printed as medians: never part of the test run.
///
///     swift run -c release oversight-bench import --size small --runs 5
///     swift run -c release oversight-bench import --size england --runs 3
///
/// Each import runs in a fresh child process (this executable with `_import-once`), so the peak
/// resident memory reported is the import's own and not the generator's.
@main
enum Benchmark {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let command = arguments.first else { return usage() }
        switch command {
        case "import": try importBenchmark(options(arguments.dropFirst()))
        case "_import-once": try importOnce(directory: arguments[1], database: arguments[2])
        case "profile": try profile(directory: arguments[1])
        case "measures": try measuresBenchmark(options(arguments.dropFirst()))
        case "_measures-once": try measuresOnce(database: arguments[1], runs: Int(arguments[2]) ?? 5)
        case "cin": try cinBenchmark(options(arguments.dropFirst()))
        case "_cin-once": try cinOnce(file: arguments[1])
        case "903": try ssda903Benchmark(options(arguments.dropFirst()))
        case "_903-once": try ssda903Once(directory: arguments[1], year: Int(arguments[2]) ?? 2025)
        case "903-store": try ssda903StoreBenchmark(options(arguments.dropFirst()))
        case "_903-store-once": try ssda903StoreOnce(directory: arguments[1], database: arguments[2], year: Int(arguments[3]) ?? 2025, out: arguments[4])
        case "caseload": try caseloadBenchmark(options(arguments.dropFirst()))
        default: usage()
        }
    }

    static func usage() {
        print("usage: oversight-bench import --size tiny|small|england [--runs N] [--seed N] [--work DIR]")
        print("       oversight-bench measures --size tiny|small|england [--runs N] [--seed N] [--work DIR]")
        print("       oversight-bench cin [--children N] [--runs N] [--work DIR]")
        print("       oversight-bench 903 [--children N] [--year 2025] [--runs N] [--seed N] [--work DIR]")
        print("       oversight-bench 903-store [--children N] [--year 2025] [--runs N] [--seed N] [--work DIR]")
        print("       oversight-bench caseload --size small|england [--runs N] [--seed N] [--work DIR]")
    }

    static func options(_ arguments: ArraySlice<String>) -> [String: String] {
        var result: [String: String] = [:]
        var iterator = arguments.makeIterator()
        while let key = iterator.next() {
            guard key.hasPrefix("--"), let value = iterator.next() else { continue }
            result[String(key.dropFirst(2))] = value
        }
        return result
    }

    static func importBenchmark(_ options: [String: String]) throws {
        let size = AuthoritySize(rawValue: options["size"] ?? "small") ?? .small
        let runs = Int(options["runs"] ?? "") ?? (size == .england ? 3 : 5)
        let seed = UInt64(options["seed"] ?? "") ?? 1
        let work = options["work"] ?? ".build-bench"
        let extract = "\(work)/ssd-\(size.rawValue)-seed\(seed)"
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: extract + "/ssd_person.csv") {
            try fileManager.createDirectory(atPath: extract, withIntermediateDirectories: true)
            let started = Date()
            let summary = try SyntheticAuthority.generate(GeneratorOptions(size: size, seed: seed), into: extract)
            print("generated \(size.rawValue): \(summary.rowsByTable.reduce(0) { $0 + $1.rows }) rows in \(format(Date().timeIntervalSince(started))) s")
        }
        let bytes = try fileManager.contentsOfDirectory(atPath: extract).reduce(0) {
            $0 + ((try fileManager.attributesOfItem(atPath: extract + "/" + $1)[.size] as? NSNumber)?.intValue ?? 0)
        }
        print("import benchmark: size=\(size.rawValue) runs=\(runs) extract=\(extract) (\(bytes / 1_000_000) MB)")
        var seconds: [Double] = []
        var rows = 0
        var peakKB = 0
        for run in 1...runs {
            let database = "\(work)/bench-\(size.rawValue).sqlite"
            for suffix in ["", "-wal", "-shm", ".snapshots"] { try? fileManager.removeItem(atPath: database + suffix) }
            let result = try runChild(["_import-once", extract, database])
            let fields = result.output.split(separator: " ")
            guard fields.count == 2, let time = Double(fields[0]), let count = Int(fields[1]) else {
                throw BenchmarkFailure(description: "run \(run): unexpected output '\(result.output)'")
            }
            seconds.append(time)
            rows = count
            peakKB = max(peakKB, result.peakKB)
            print("  run \(run): \(format(time)) s, \(Int(Double(count) / time)) rows/s, peak RSS \(result.peakKB / 1024) MB")
        }
        let median = seconds.sorted()[seconds.count / 2]
        print("median: \(format(median)) s for \(rows) rows = \(Int(Double(rows) / median)) rows/s; peak RSS \(peakKB / 1024) MB")
    }

    /// Computes every measure over a snapshot of an imported authority: load once, compute `runs` times.
    ///
    /// The database is the one the import benchmark leaves (imported here if missing). The child process
    /// reports its own peak memory, which includes the snapshot and the load.
    static func measuresBenchmark(_ options: [String: String]) throws {
        let size = AuthoritySize(rawValue: options["size"] ?? "small") ?? .small
        let runs = Int(options["runs"] ?? "") ?? 5
        let seed = UInt64(options["seed"] ?? "") ?? 1
        let work = options["work"] ?? ".build-bench"
        let database = "\(work)/bench-\(size.rawValue).sqlite"
        if (try? SQLiteCaseRecordStore(path: database).fetchExtracts().isEmpty) ?? true {
            let extract = "\(work)/ssd-\(size.rawValue)-seed\(seed)"
            if !FileManager.default.fileExists(atPath: extract + "/ssd_person.csv") {
                try FileManager.default.createDirectory(atPath: extract, withIntermediateDirectories: true)
                _ = try SyntheticAuthority.generate(GeneratorOptions(size: size, seed: seed), into: extract)
            }
            print("importing \(extract) into \(database)")
            _ = try runChild(["_import-once", extract, database])
        }
        print("measures benchmark: size=\(size.rawValue) runs=\(runs) database=\(database) measures=\(MeasureCatalogue.all.count)")
        let result = try runChild(["_measures-once", database, String(runs)])
        print(result.output)
        print("peak RSS \(result.peakKB / 1024) MB (snapshot, load and computation)")
    }

    static func measuresOnce(database: String, runs: Int) throws {
        let store = try SQLiteCaseRecordStore(path: database)
        var started = Date()
        let snapshot = try CaseSnapshot.load(from: store)
        print("load snapshot from SQLite: \(format(Date().timeIntervalSince(started))) s, \(snapshot.children.count) children; resident now \(residentMB()) MB, peak so far \(peakMB()) MB")
        let engine = MeasureEngine(snapshot: snapshot, population: 130_000)
        // The last whole financial year in the synthetic extract (extracts end 31 October 2026).
        let period = ReportingPeriod.financialYear(startYear: 2025)
        var seconds: [Double] = []
        for run in 1...runs {
            started = Date()
            let results = engine.computeAll(period: period)
            let time = Date().timeIntervalSince(started)
            seconds.append(time)
            print("  run \(run): every measure (\(results.count)) for \(period) in \(format(time * 1000)) ms")
        }
        let median = seconds.sorted()[seconds.count / 2]
        print("median: \(format(median * 1000)) ms for all measures; peak so far \(peakMB()) MB (load and every measure)")
        started = Date()
        let explanation = engine.explain(MeasureCatalogue.measure("CIN-06")!, period: period)
        print("explain CIN-06: \(explanation.rows.count) rows in \(format(Date().timeIntervalSince(started) * 1000)) ms; peak so far \(peakMB()) MB")
        started = Date()
        _ = engine.computeAll(period: period, slice: .cohort(.ageBand(.tenToFifteen)))
        print("every measure for the 10–15 cohort: \(format(Date().timeIntervalSince(started) * 1000)) ms")
        started = Date()
        _ = engine.trend(MeasureCatalogue.measure("CIN-06")!, lastMonth: (2026, 3))
        print("24-month trend of CIN-06: \(format(Date().timeIntervalSince(started) * 1000)) ms")
    }

    /// This process's peak resident memory so far (VmHWM), so each stage's peak can be told apart.
    static func peakMB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return -1 }
        return kB / 1024
    }

    /// Resident memory of this process now, from /proc (the peak is reported by the parent).
    static func residentMB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = Int(text.split(separator: " ")[1]) else { return -1 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    /// Runs one import and prints `seconds rows` for the parent to read.
    static func importOnce(directory: String, database: String) throws {
        let store = try SQLiteCaseRecordStore(path: database)
        let started = Date()
        var lastRowsRead = started
        let report = try SSDImporter().importExtract(from: directory, into: store, importedAt: "benchmark") { progress in
            if progress.bytesDone >= progress.bytesTotal { lastRowsRead = Date() }
        }
        let finished = Date()
        // Phases on standard error: reading and storing rows, then indexes, commit and checkpoint.
        FileHandle.standardError.write(Data("    rows stored after \(format(lastRowsRead.timeIntervalSince(started))) s; indexes, commit and checkpoint \(format(finished.timeIntervalSince(lastRowsRead))) s\n".utf8))
        print("\(finished.timeIntervalSince(started)) \(report.extract.rowsRead)")
    }

    /// Splits an import's time into reading CSV, building records, and storing them.
    static func profile(directory: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("ssd_") }.sorted()
        var started = Date()
        var fields = 0
        for file in files {
            let reader = try CSVReader(path: directory + "/" + file)
            while let record = try reader.next() { fields += record.fields.count }
        }
        print("read CSV only: \(format(Date().timeIntervalSince(started))) s (\(fields) fields)")
        started = Date()
        let report = try SSDImporter().importExtract(from: directory, into: DiscardingStore(), importedAt: "profile")
        print("read + build records (no store): \(format(Date().timeIntervalSince(started))) s (\(report.extract.rowsRead) rows)")
        let database = NSTemporaryDirectory() + "oversight-profile-\(UUID().uuidString).sqlite"
        started = Date()
        _ = try SSDImporter().importExtract(from: directory, into: try SQLiteCaseRecordStore(path: database), importedAt: "profile")
        print("read + build + SQLite: \(format(Date().timeIntervalSince(started))) s")
    }

    static func runChild(_ arguments: [String]) throws -> (output: String, peakKB: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkFailure(description: "child import failed with status \(process.terminationStatus)")
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return (String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), Int(usage.ru_maxrss))
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// A store that keeps nothing: isolates reading and building records from writing them.
final class DiscardingStore: CaseRecordStore {
    final class Writer: CaseRecordWriter {
        func insert(_ record: CaseRecord) throws(StorageError) {}
    }
    func replaceCaseRecords(_ write: (any CaseRecordWriter) throws -> ExtractDescription) throws { _ = try write(Writer()) }
    func fetchEntityCounts() throws(StorageError) -> EntityCounts { [:] }
    func fetchExtracts() throws(StorageError) -> [ExtractDescription] { [] }
    func fetchCaseRecords() throws(StorageError) -> CaseRecords { CaseRecords() }
    func fetchChildRecords(_ childID: Identifier<Child>) throws(StorageError) -> CaseRecords? { nil }
    func forEachRecord(of entity: Entity, _ body: (CaseRecord) -> Void) throws(StorageError) {}
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
}
