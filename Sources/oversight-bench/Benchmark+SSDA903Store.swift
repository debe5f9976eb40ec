import Foundation
import OversightInterchange
import OversightStorageSQLite
import OversightSynthetic

/// `oversight-bench 903-store`: importing an SSDA903 return into a SQLite file and exporting the year again.
///
///     swift run -c release oversight-bench 903-store --children 100000 --runs 3     # an England-size year
///
/// The return is generated once, clean (the import refuses codes the domain does not hold), and each run imports it
/// into a new database and exports it in a fresh child process, so the peak memory is the import's and export's own.
extension Benchmark {
    static func ssda903StoreBenchmark(_ options: [String: String]) throws {
        let children = Int(options["children"] ?? "") ?? 100_000
        let runs = Int(options["runs"] ?? "") ?? 3
        let year = Int(options["year"] ?? "") ?? 2025
        let seed = UInt64(options["seed"] ?? "") ?? 1
        let work = options["work"] ?? ".build-bench"
        let directory = "\(work)/903-clean-\(year)-\(children)-seed\(seed)"
        if !FileManager.default.fileExists(atPath: directory + "/episodes.csv") {
            let data = SSDA903Generator(year: year, children: children, seed: seed).generate()
            try SSDA903Writer.write(data.tables, to: directory)
        }
        let tables = try SSDA903Reader().read(directory: directory)
        let counts = SSDA903TableKind.allCases.compactMap { kind in tables[kind].map { "\(kind.rawValue) \($0.count)" } }
        print("903 store benchmark: year=\(year) runs=\(runs) \(counts.joined(separator: ", "))")
        var imports: [Double] = [], exports: [Double] = []
        var peakKB = 0
        for run in 1...runs {
            let database = "\(work)/903-store-run.sqlite"
            try? FileManager.default.removeItem(atPath: database)
            try? FileManager.default.removeItem(atPath: database + ".snapshots")
            let result = try runChild(["_903-store-once", directory, database, String(year), "\(work)/903-store-export"])
            let fields = result.output.split(separator: " ")
            guard fields.count == 3, let imported = Double(fields[0]), let exported = Double(fields[1]) else {
                throw BenchmarkFailure(description: "run \(run): unexpected output '\(result.output)'")
            }
            imports.append(imported)
            exports.append(exported)
            peakKB = max(peakKB, result.peakKB)
            print("  run \(run): import \(format(imported)) s, export \(format(exported)) s (\(fields[2]) rows), peak RSS \(result.peakKB / 1024) MB")
        }
        print("median: import \(format(imports.sorted()[runs / 2])) s, export \(format(exports.sorted()[runs / 2])) s; peak RSS \(peakKB / 1024) MB")
    }

    /// One import and one export, printing "importSeconds exportSeconds rowsWritten".
    static func ssda903StoreOnce(directory: String, database: String, year: Int, out: String) throws {
        let store = try SQLiteCaseRecordStore(path: database)
        var started = Date()
        _ = try SSDA903CaseData.importReturn(from: directory, into: store, importedAt: "benchmark")
        let imported = Date().timeIntervalSince(started)
        started = Date()
        let tables = SSDA903CaseData.tables(for: year, from: try store.fetchCaseRecords())
        try SSDA903Writer.write(tables, to: out)
        let exported = Date().timeIntervalSince(started)
        print("\(imported) \(exported) \(tables.values.reduce(0) { $0 + $1.count })")
    }
}
