import Foundation
import OversightInterchange
import OversightSynthetic
import OversightValidation

/// CIN census figures: validating a 10,000-child census (read and every rule), and streaming a
/// million-child census through the reader and validator in flat memory.
///
///     swift run -c release oversight-bench cin --children 10000 --runs 5
///     swift run -c release oversight-bench cin --children 1000000 --runs 1
extension Benchmark {
    static func cinBenchmark(_ options: [String: String]) throws {
        let children = Int(options["children"] ?? "") ?? 10_000
        let runs = Int(options["runs"] ?? "") ?? (children > 100_000 ? 1 : 5)
        let work = options["work"] ?? ".build-bench"
        let file = "\(work)/cin-\(children)-dirty.xml"
        if !FileManager.default.fileExists(atPath: file) {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            let started = Date()
            try CINCensusGenerator(year: 2025, seed: 1, dirt: true).write(children: children, to: file)
            print("generated \(file) in \(format(Date().timeIntervalSince(started))) s")
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
        print("cin benchmark: children=\(children) runs=\(runs) file=\(file) (\(bytes / 1_000_000) MB)")
        var seconds: [Double] = []
        var cpu: [Double] = []
        var peakKB = 0
        for run in 1...runs {
            let result = try runChild(["_cin-once", file])
            guard let time = Double(result.output.split(separator: " ").first ?? "") else {
                throw BenchmarkFailure(description: "run \(run): unexpected output '\(result.output)'")
            }
            seconds.append(time)
            let cpuField = result.output.components(separatedBy: ", ").dropFirst().first?.split(separator: " ").first
            cpu.append(Double(cpuField ?? "") ?? time)
            peakKB = max(peakKB, result.peakKB)
            print("  run \(run): \(result.output), peak RSS \(result.peakKB / 1024) MB")
        }
        let median = seconds.sorted()[seconds.count / 2]
        let medianCPU = cpu.sorted()[cpu.count / 2]
        print("median: \(format(median)) s wall, \(format(medianCPU)) s CPU to read and validate \(children) children; peak RSS \(peakKB / 1024) MB")
    }

    /// One read-and-validate in this process; prints "SECONDS s wall, CPU s CPU, children=N failed_rules=M".
    static func cinOnce(file: String) throws {
        let started = Date()
        var validation = CINValidation(year: 2025)
        let summary = try CINCensusReader().read(path: file) { validation.add($0) }
        let report = validation.withHeader(summary.header).finish()
        let time = Date().timeIntervalSince(started)
        // CPU time too: on the shared 2-core machine wall time mostly measures the other jobs.
        var usage = rusage()
        getrusage(0, &usage)  // RUSAGE_SELF
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        print("\(format(time)) s wall, \(format(cpu)) s CPU, children=\(report.childCount) failed_rules=\(report.failed.count)")
    }
}
