import Foundation
import OversightCore
import OversightInterchange
import OversightStorageSQLite
import OversightSynthetic
import OversightWorkforce

extension Benchmark {
    /// England has about 118 times the small authority's referrals (650,000 against 5,500 a year, kpis.md).
    static let englandCopiesOfSmall = 118

    /// The weekly caseload report (recommendation 18) over allocation history loaded once.
    ///
    /// `small` is the generated Buckinghamshire-sized authority, imported into SQLite as the import benchmark leaves
    /// it. `england` is that authority's allocations and register repeated 118 times with distinct IDs: an
    /// England-sized allocation history (about 40,000 workers) without the hours a full England extract takes to
    /// generate and import on the build machine.
    static func caseloadBenchmark(_ options: [String: String]) throws {
        let size = options["size"] ?? "small"
        let runs = Int(options["runs"] ?? "") ?? 7
        let seed = UInt64(options["seed"] ?? "") ?? 1
        let work = options["work"] ?? ".build-bench"
        let database = "\(work)/bench-small.sqlite"
        let extract = "\(work)/ssd-small-seed\(seed)"
        if !FileManager.default.fileExists(atPath: extract + "/ssd_person.csv") || !FileManager.default.fileExists(atPath: extract + "/workforce_staff.csv") {
            try FileManager.default.createDirectory(atPath: extract, withIntermediateDirectories: true)
            _ = try SyntheticAuthority.generate(GeneratorOptions(size: .small, seed: seed), into: extract)
        }
        if (try? SQLiteCaseRecordStore(path: database).fetchExtracts().isEmpty) ?? true {
            print("importing \(extract) into \(database)")
            _ = try runChild(["_import-once", extract, database])
        }
        var started = Date()
        var history = try AllocationHistory.load(from: try SQLiteCaseRecordStore(path: database))
        var register = try WorkforceCSV.read(
            staff: extract + "/workforce_staff.csv", establishment: extract + "/workforce_establishment.csv")
        if size == "england" {
            history = history.repeated(englandCopiesOfSmall)
            register = WorkforceRegister(
                spells: (0..<englandCopiesOfSmall).flatMap { copy in
                    register.spells.map { spell in
                        var spell = spell
                        if copy > 0 {
                            spell.workerID = Identifier(spell.workerID.rawValue + "-\(copy)")
                            spell.teamID = Identifier(spell.teamID.rawValue + "-\(copy)")
                        }
                        return spell
                    }
                },
                establishment: (0..<englandCopiesOfSmall).flatMap { copy in
                    register.establishment.map { row in
                        var row = row
                        if copy > 0 { row.teamID = Identifier(row.teamID.rawValue + "-\(copy)") }
                        return row
                    }
                })
        }
        let weekEnding = LocalDate(year: 2026, month: 10, day: 25)!
        print("caseload benchmark: size=\(size) allocations=\(history.allocations.count) workers=\(history.workers.count) "
            + "teams=\(history.teams.count) register spells=\(register.spells.count); loaded in \(format(Date().timeIntervalSince(started))) s; "
            + "peak so far \(peakMB()) MB")
        var seconds: [Double] = [], cpuSeconds: [Double] = []
        var report: WeeklyCaseloadReport?
        for run in 1...runs {
            started = Date()
            let cpuStarted = cpuTime()
            report = WeeklyCaseloadReport(weekEnding: weekEnding, history: history, register: register)
            let time = Date().timeIntervalSince(started), cpu = cpuTime() - cpuStarted
            seconds.append(time)
            cpuSeconds.append(cpu)
            print("  run \(run): weekly report for the week ending \(weekEnding) in \(format(time * 1000)) ms (CPU \(format(cpu * 1000)) ms)")
        }
        let median = seconds.sorted()[seconds.count / 2], cpuMedian = cpuSeconds.sorted()[cpuSeconds.count / 2]
        print("median: \(format(median * 1000)) ms elapsed, \(format(cpuMedian * 1000)) ms CPU, for the weekly report (\(report?.teams.count ?? 0) teams, 13 weeks, 14-day trend); peak \(peakMB()) MB")
        started = Date()
        let html = report?.html() ?? ""
        print("HTML page: \(html.utf8.count / 1024) KB in \(format(Date().timeIntervalSince(started) * 1000)) ms")
        if let report {
            let week = report.overall.current
            print("authority on \(weekEnding): \(week.workers) case-holding workers, average \(WeeklyCaseloadReport.figure(week.average)), highest \(week.highest), lowest \(week.lowest)")
        }
    }

    /// This process's CPU time (user and system), so a figure taken on a machine shared with compilers can be told
    /// apart from time spent waiting for a core.
    static func cpuTime() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
