import Foundation
import OversightInterchange
import OversightSynthetic
import OversightValidation

/// `oversight-bench 903`: reading and validating SSDA903 returns of a given size.
///
///     swift run -c release oversight-bench 903 --children 55000 --runs 5      # about 100k episodes
///     swift run -c release oversight-bench 903 --children 100000 --runs 3     # an England-size year
///
/// The return is generated once (with --dirt, so rules have rows to flag), with the reference data the generator
/// writes beside it (Ofsted's lists, the postcode grid), and each run reads both and validates in a fresh child
/// process, so the peak memory is the validator's own and every rule that needs reference data runs too.
extension Benchmark {
    static func ssda903Benchmark(_ options: [String: String]) throws {
        let children = Int(options["children"] ?? "") ?? 55_000
        let runs = Int(options["runs"] ?? "") ?? 5
        let year = Int(options["year"] ?? "") ?? 2025
        let seed = UInt64(options["seed"] ?? "") ?? 1
        let work = options["work"] ?? ".build-bench"
        let directory = "\(work)/903-\(year)-\(children)-seed\(seed)"
        if !FileManager.default.fileExists(atPath: directory + "/reference/postcodes.csv") {
            let started = Date()
            let generator = SSDA903Generator(year: year, children: children, seed: seed, dirt: true)
            let data = generator.generate()
            try SSDA903Writer.write(data.tables, to: directory)
            try generator.ofstedProviders().write(to: directory + "/reference")
            _ = try SSDA903Generator.writePostcodeReference(to: directory + "/reference")
            print("generated \(data.rowCount) rows in \(format(Date().timeIntervalSince(started))) s")
        }
        let data = try SSDA903Reader().read(directory: directory)
        let counts = SSDA903TableKind.allCases.compactMap { kind in data[kind].map { "\(kind.rawValue) \($0.count)" } }
        print("903 benchmark: year=\(year) runs=\(runs) \(counts.joined(separator: ", "))")
        var seconds: [Double] = []
        var peakKB = 0
        for run in 1...runs {
            let result = try runChild(["_903-once", directory, String(year)])
            let fields = result.output.split(separator: " ")
            guard fields.count == 5, let read = Double(fields[0]), let validate = Double(fields[1]), let reference = Double(fields[4]) else {
                throw BenchmarkFailure(description: "run \(run): unexpected output '\(result.output)'")
            }
            seconds.append(read + validate)
            peakKB = max(peakKB, result.peakKB)
            print("  run \(run): read \(format(read)) s (reference data \(format(reference)) s of it) + validate \(format(validate)) s, \(fields[3]) rules run, \(fields[2]) failing rows, peak RSS \(result.peakKB / 1024) MB")
        }
        let median = seconds.sorted()[seconds.count / 2]
        print("median: \(format(median)) s read and validated; peak RSS \(peakKB / 1024) MB")
    }

    /// One read (the return and its reference data) and validation, printing
    /// "readSeconds validateSeconds failingRows rulesRun referenceSeconds".
    static func ssda903Once(directory: String, year: Int) throws {
        let started = Date()
        let data = SSDA903Return(tables: try SSDA903Reader().read(directory: directory))
        let referenceStarted = Date()
        var reference = try SSDA903ReferenceData.load(directory: directory + "/reference", keeping: SSDA903ReferenceData.postcodes(in: data))
        reference.placingAuthority = SSDA903Generator.placingAuthority
        reference.localAuthority = SSDA903Generator.submittingAuthority
        let read = Date().timeIntervalSince(started), referenceRead = Date().timeIntervalSince(referenceStarted)
        let report = SSDA903Validator(year: year, reference: reference).validate(data)
        let failing = report.outcomes.reduce(0) { $0 + $1.failures.count }
        let run = report.outcomes.filter { $0.skipped == nil }.count
        print("\(read) \(report.seconds) \(failing) \(run) \(referenceRead)")
    }
}
