import ArgumentParser
import Foundation
import OversightCore
import OversightMeasures
import OversightStorage
import OversightWorkforce

extension OversightCommand {
    struct WorkforceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workforce",
            abstract: "Workforce measures, changes of social worker, and the retention-payment what-if.",
            subcommands: [Measures.self, Changes.self, WhatIf.self])
    }
}

/// Pretty-printed JSON with sorted keys on standard output.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    FileHandle.standardOutput.write(try encoder.encode(value))
    print()
}

/// The day figures describe: `--as-of`, or 30 September of `--census`, or the latest day the register records.
struct WorkforceDay: ParsableArguments {
    @Option(help: "The day the figures describe (YYYY-MM-DD); flows are the 12 months to it.")
    var asOf: String?

    @Option(help: "The workforce census year: figures as at 30 September of that year (the CSWW basis).")
    var census: Int?

    func validate() throws {
        if asOf != nil && census != nil { throw ValidationError("give --as-of or --census, not both") }
        if let asOf { _ = try parseDay(asOf, option: "--as-of") }
    }

    func day(register: WorkforceRegister, history: AllocationHistory) throws -> LocalDate {
        if let census { return WorkforceMeasures.censusDate(census) }
        if let asOf { return try parseDay(asOf, option: "--as-of") }
        let days = register.spells.flatMap { [$0.start, $0.end].compactMap { $0 } } + history.allocations.map { LocalDate(dayNumber: $0.start) }
        guard let latest = days.max() else { throw failure(CommandFailure("the database holds no register and no allocations; import them first")) }
        return latest
    }
}

extension OversightCommand.WorkforceCommand {
    struct Measures: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "WF-01..WF-05 from the workforce register, CLA-13, and 3+ social workers in the year for every allocated child.",
            discussion: "Comparators are England, Buckinghamshire and the statistical-neighbour mean for the census year the day falls in.")

        @OptionGroup var allocations: AllocationOptions
        @OptionGroup var day: WorkforceDay

        @Option(help: "table, json or csv.")
        var format: ReportFormat = .table

        func run() throws {
            let (history, register) = try allocations.load()
            let date = try day.day(register: register, history: history)
            let workforce = WorkforceMeasures(on: date, register: register, history: history)
            let changes = WorkerChanges(on: date, history: history)
            var results = workforce.results
            // CLA-13 is the catalogue's: computed by the measure engine over the case snapshot, as `oversight measures` does.
            do {
                let store = try allocations.database.openWorkforce()
                let snapshot = try CaseSnapshot.load(from: store, allocatedRoles: Set(allocations.allocatedRole.map { InvolvementRole($0) }))
                if let definition = MeasureCatalogue.measure("CLA-13") {
                    results.append(MeasureEngine(snapshot: snapshot).compute(definition, period: .rolling(months: 12, ending: date)))
                }
            } catch {
                throw failure(error)
            }
            results.append(MeasureResult(
                id: "SW3-ALL", title: "Allocated children with 3 or more social workers in the year", unit: .percentage,
                period: "12 months to \(date.isoString)", slice: "authority", value: changes.threeOrMorePercentage,
                numerator: Double(changes.withThreeOrMoreWorkers), denominator: Double(changes.children.count), polarity: .lowerIsBetter,
                comparators: [], note: "every child allocated on the day, as CLA-13 counts the looked-after"))
            switch format {
            case .json:
                try printJSON(results)
            case .csv:
                print(csvLine(["id", "title", "period", "value", "numerator", "denominator", "england", "buckinghamshire", "statistical_neighbours", "note"]))
                for r in results {
                    func comparator(_ area: ComparatorArea) -> String { r.comparators.first { $0.area == area }?.value.map { String($0) } ?? "" }
                    print(csvLine([
                        r.id, r.title, r.period, r.value.map { String(format: "%.2f", $0) } ?? "", r.numerator.map { String($0) } ?? "",
                        r.denominator.map { String($0) } ?? "", comparator(.england), comparator(.buckinghamshire), comparator(.statisticalNeighbours),
                        r.note ?? "",
                    ]))
                }
            case .table:
                print("Workforce measures as at \(date.ukString)\n")
                var rows = [["Measure", "Title", "Value", "Numerator", "Denominator", "England", "Bucks", "Stat. neighbours"]]
                for r in results {
                    func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }
                    func comparator(_ area: ComparatorArea) -> String {
                        r.comparators.first { $0.area == area }.map { "\(number($0.value)) (\($0.year))" } ?? "–"
                    }
                    rows.append([
                        r.id, r.title, number(r.value) + (r.unit == .percentage && r.value != nil ? "%" : ""), number(r.numerator), number(r.denominator),
                        comparator(.england), comparator(.buckinghamshire), comparator(.statisticalNeighbours),
                    ])
                }
                print(WeeklyCaseloadReport.aligned(rows).joined(separator: "\n"))
                for r in results where r.note != nil { print("  \(r.id): \(r.note!)") }
                let reasons = workforce.leavingReasons
                if !reasons.isEmpty {
                    print("\nLeavers in the 12 months by reason given at exit interview:")
                    for reason in reasons { print("  \(reason.reason.label): \(reason.count) (\(String(format: "%.1f", reason.fte)) FTE)") }
                }
            }
        }
    }

    struct Changes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Each allocated child's changes of social worker in the 12 months to a day, most changes first.")

        @OptionGroup var allocations: AllocationOptions
        @OptionGroup var day: WorkforceDay

        @Option(help: "List only children with at least this many changes.")
        var min = 0

        @Option(help: "table, json or csv.")
        var format: ReportFormat = .table

        func run() throws {
            let (history, register) = try allocations.load()
            let date = try day.day(register: register, history: history)
            let changes = WorkerChanges(on: date, history: history)
            let listed = changes.children.filter { $0.changes >= min }
            switch format {
            case .json:
                var shown = changes
                shown.children = listed
                try printJSON(shown)
            case .csv:
                print(csvLine(["child_id", "changes", "workers", "last_change", "worker_ids"]))
                for child in listed {
                    print(csvLine([child.childID, String(child.changes), String(child.workers), child.lastChange?.isoString ?? "", child.workerIDs.joined(separator: " ")]))
                }
            case .table:
                print("Changes of allocated social worker in the 12 months to \(date.ukString): \(changes.children.count) allocated children")
                print(changes.distribution.map { "\($0.changes) change\($0.changes == 1 ? "" : "s"): \($0.children)" }.joined(separator: "; "))
                print("\(changes.withThreeOrMoreWorkers) children (" + String(format: "%.1f%%", changes.threeOrMorePercentage ?? 0) + ") had 3 or more social workers in the 12 months.\n")
                var rows = [["Child", "Changes", "Workers", "Last change", "Workers in order"]]
                for child in listed {
                    rows.append([child.childID, String(child.changes), String(child.workers), child.lastChange?.isoString ?? "–", child.workerIDs.joined(separator: " → ")])
                }
                print(WeeklyCaseloadReport.aligned(rows).joined(separator: "\n"))
            }
        }
    }

    struct WhatIf: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "what-if",
            abstract: "The retention payment of recommendations 3 and 7: net cost year by year, computed from the register.",
            discussion: """
                A bonus paid to new permanent staff, 1/3 after year 1 and 2/3 after year 2, against the agency premium saved \
                if permanent turnover falls by --turnover-fall and agency use falls with it. Every assumption is printed with \
                where it came from.
                """)

        @OptionGroup var allocations: AllocationOptions
        @OptionGroup var day: WorkforceDay

        @Option(help: "The retention payment as a percentage of a year's salary (e.g. 10).")
        var bonusRate: Double

        @Option(help: "The extra cost of an agency FTE over an employed one, as a percentage of salary (e.g. 40).")
        var agencyPremium: Double

        @Option(help: "Years to model.")
        var years = 3

        @Option(help: "Annual salary with on-costs of an employed social worker, in pounds (default 40000, an assumption).")
        var salary: Double?

        @Option(help: "Relative fall in permanent turnover the payment brings, in percent (default 25, an assumption).")
        var turnoverFall: Double?

        @Option(help: "table or json.")
        var format: ReportFormat = .table

        func validate() throws {
            guard bonusRate >= 0, agencyPremium >= 0 else { throw ValidationError("--bonus-rate and --agency-premium must be 0 or more") }
            guard (1...10).contains(years) else { throw ValidationError("--years must be between 1 and 10") }
            if let turnoverFall, !(0...100).contains(turnoverFall) { throw ValidationError("--turnover-fall must be a percentage from 0 to 100") }
            if let salary, salary <= 0 { throw ValidationError("--salary must be above 0") }
        }

        func run() throws {
            let (history, register) = try allocations.load()
            guard !register.spells.isEmpty else {
                throw failure(CommandFailure("the database holds no workforce register; import one with 'oversight import workforce FILE --db DB'"))
            }
            let date = try day.day(register: register, history: history)
            var given: Set<String> = ["bonus-rate", "agency-premium"]
            if salary != nil { given.insert("salary") }
            if turnoverFall != nil { given.insert("turnover-fall") }
            if day.asOf != nil || day.census != nil { given.insert("as-of") }
            let model = RetentionWhatIf(
                on: date, register: register,
                parameters: .init(bonusRate: bonusRate, agencyPremium: agencyPremium, years: years, salary: salary ?? 40_000, turnoverFall: turnoverFall ?? 25),
                given: given)
            switch format {
            case .json, .csv:
                try printJSON(model)
            case .table:
                print(model.table(), terminator: "")
            }
        }
    }
}
