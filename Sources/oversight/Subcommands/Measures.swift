import ArgumentParser
import Foundation
import OversightCore
import OversightMeasures
import OversightStorage
import OversightTrackers

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Options every measures subcommand shares: where the data is, which period, whose figure.
struct MeasureOptions: ParsableArguments {
    @OptionGroup var database: ExistingDatabase

    @Option(help: "2024-25, 2024-Q3, 2024-11, rolling12:2025-03-31 or asat:2025-03-31.")
    var period: String

    @Option(help: "Only this team (ID or name).")
    var team: String?

    @Option(help: "Only this worker (ID or name): the child's allocated worker.")
    var worker: String?

    @Option(help: "Only a cohort: age=10-15 (unborn, under-1, 1-4, 5-9, 10-15, 16+), ethnicity=WBRI or sex=F.")
    var cohort: String?

    @Option(help: "The authority's population aged 0–17 (ONS mid-year estimate), for rates per 10,000.")
    var population: Int?

    @Option(help: "Involvement roles that mean the allocated social worker (repeatable).")
    var allocatedRole: [String] = ["CW"]

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    func validate() throws {
        if [team, worker, cohort].compactMap({ $0 }).count > 1 {
            throw ValidationError("choose one of --team, --worker and --cohort")
        }
        if let cohort, Cohort(parsing: cohort) == nil {
            throw ValidationError("--cohort '\(cohort)' is not age=BAND, ethnicity=CODE or sex=M|F|U")
        }
        do { _ = try ReportingPeriod.parse(period) } catch { throw ValidationError(error.description) }
    }

    var reportingPeriod: ReportingPeriod { try! ReportingPeriod.parse(period) }

    var slice: Slice {
        if let team { return .team(team) }
        if let worker { return .worker(worker) }
        if let cohort, let parsed = Cohort(parsing: cohort) { return .cohort(parsed) }
        return .authority
    }

    /// Loads the snapshot, showing progress on a large store, and checks the slice names something.
    func engine() throws -> MeasureEngine {
        var terminal = Terminal()
        let snapshot: CaseSnapshot
        do {
            let store = try database.location.open()
            var done = 0
            snapshot = try CaseSnapshot.load(from: store, allocatedRoles: Set(allocatedRole.map { InvolvementRole($0) })) { _ in
                done += 1
                terminal.progress("Loading case records", done: done, total: Entity.allCases.count)
            }
            if terminal.isInteractive { terminal.finish("Loaded \(snapshot.children.count) children") }
        } catch {
            throw failure(error)
        }
        if let team, snapshot.teamIndex(forIDOrName: team) == nil {
            throw failure(CommandFailure("no team with ID or name '\(team)' in \(database.shownName)"))
        }
        if let worker, snapshot.workerIndex(forIDOrName: worker) == nil {
            throw failure(CommandFailure("no worker with ID or name '\(worker)' in \(database.shownName)"))
        }
        return MeasureEngine(snapshot: snapshot, population: population)
    }
}

extension OversightCommand {
    struct Measures: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute the performance measures (kpis.md) for a period, team, worker or cohort.",
            subcommands: [Compute.self, Explain.self, Trend.self, List.self],
            defaultSubcommand: Compute.self)

        struct Compute: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every measure's value, numerator, denominator and comparators.")

            @OptionGroup var options: MeasureOptions

            @Option(name: .customLong("measure"), help: "Only these measures (repeatable), e.g. --measure CIN-06.")
            var measureIDs: [String] = []

            @Flag(help: "Round and suppress as DfE publishes (counts of 1–5 shown as c), for sharing outside the authority.")
            var suppress = false

            func run() throws {
                let measures = try measureIDs.isEmpty ? MeasureCatalogue.all : measureIDs.map(findMeasure)
                let results = try options.engine().computeAll(period: options.reportingPeriod, slice: options.slice, measures: measures)
                let decimals = Dictionary(uniqueKeysWithValues: measures.map { ($0.id, $0.publishedDecimals) })
                switch options.format {
                case .json:
                    print(jsonString(results.map { MeasureJSON($0, published: suppress ? $0.published(decimals: decimals[$0.id] ?? 1) : nil) }))
                case .csv:
                    print(csvLine(["id", "title", "period", "slice", "unit", "value", "numerator", "denominator", "england", "buckinghamshire", "statistical_neighbours", "note"]))
                    for r in results {
                        let figures = Figures(r, published: suppress ? r.published(decimals: decimals[r.id] ?? 1) : nil)
                        print(csvLine([r.id, r.title, r.period, r.slice, r.unit.rawValue, figures.value, figures.numerator, figures.denominator]
                            + ComparatorArea.allCases.map { area in r.comparators.first { $0.area == area }.map(comparatorText) ?? "" } + [r.note ?? ""]))
                    }
                case .table:
                    print("Period \(options.reportingPeriod) (\(options.reportingPeriod.start.ukString)–\(options.reportingPeriod.end.ukString)), \(options.slice)\n")
                    printTable(
                        header: ["Measure", "Title", "Value", "Numerator", "Denominator", "England", "Bucks", "Note"],
                        rows: results.map { r in
                            let figures = Figures(r, published: suppress ? r.published(decimals: decimals[r.id] ?? 1) : nil)
                            return [r.id, r.title.truncated(to: 44), figures.value == "x" ? "x" : figures.value + r.unit.suffix, figures.numerator, figures.denominator,
                                    r.comparators.first { $0.area == .england }.map(comparatorText) ?? "",
                                    r.comparators.first { $0.area == .buckinghamshire }.map(comparatorText) ?? "",
                                    (r.note ?? "").truncated(to: 50)]
                        })
                }
            }
        }

        struct Explain: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The child-level rows behind one measure: who is counted, and why.")

            @Argument(help: "The measure, e.g. CIN-06.")
            var measure: String

            @OptionGroup var options: MeasureOptions

            func run() throws {
                let definition = try findMeasure(measure)
                let explanation = try options.engine().explain(definition, period: options.reportingPeriod, slice: options.slice)
                let rows = explanation.rows
                switch options.format {
                case .json:
                    struct Output: Encodable {
                        var measure: MeasureJSON
                        var definition: String
                        var numerator: String
                        var denominator: String
                        var rows: [ExplanationRow]
                    }
                    print(jsonString(Output(
                        measure: MeasureJSON(explanation.result, published: nil), definition: definition.definition,
                        numerator: definition.numerator, denominator: definition.denominator, rows: rows)))
                case .csv:
                    print(csvLine(["child_id", "record_id", "in_numerator", "from_label", "from", "to_label", "to", "working_days", "days", "value", "reason"]))
                    for row in rows {
                        print(csvLine([row.childID, row.recordID ?? "", row.inNumerator ? "yes" : "no", row.fromLabel ?? "", row.from?.isoString ?? "",
                                       row.toLabel ?? "", row.to?.isoString ?? "", row.workingDays.map(String.init) ?? "",
                                       row.days.map(String.init) ?? "", row.value.map(numberText) ?? "", row.reason]))
                    }
                case .table:
                    let r = explanation.result
                    print("\(r.id) \(r.title), \(r.period), \(r.slice)")
                    print("  \(definition.definition)")
                    print("  Numerator: \(definition.numerator). Denominator: \(definition.denominator).")
                    let figures = Figures(r, published: nil)
                    print("  Value \(figures.value)\(r.unit.suffix) = \(figures.numerator) / \(figures.denominator)\(r.note.map { " (\($0))" } ?? "")\n")
                    printTable(
                        header: ["Child", "Record", "Counted", "From", "To", "WD", "Days", "Reason"],
                        rows: rows.map { row in
                            [row.childID, row.recordID ?? "", row.inNumerator ? "yes" : "no",
                             row.from.map { "\(row.fromLabel ?? "") \($0.isoString)" } ?? "",
                             row.to.map { "\(row.toLabel ?? "") \($0.isoString)" } ?? "",
                             row.workingDays.map(String.init) ?? "", row.days.map(String.init) ?? "", row.reason]
                        })
                }
            }
        }

        struct Trend: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "A measure month by month over the 24 months ending with the period.")

            @Argument(help: "The measure, e.g. CP-04.")
            var measure: String

            @OptionGroup var options: MeasureOptions

            @Option(help: "How many months.")
            var months = 24

            func run() throws {
                let definition = try findMeasure(measure)
                let end = options.reportingPeriod.end
                let points = try options.engine().trend(definition, lastMonth: (end.year, end.month), months: months, slice: options.slice)
                switch options.format {
                case .json: print(jsonString(points))
                case .csv:
                    print(csvLine(["month", "value", "numerator", "denominator"]))
                    for p in points { print(csvLine([p.period, p.value.map(numberText) ?? "", p.numerator.map(numberText) ?? "", p.denominator.map(numberText) ?? ""])) }
                case .table:
                    printTable(header: ["Month", "Value", "Numerator", "Denominator"], rows: points.map {
                        [$0.period, $0.value.map(numberText) ?? "x", $0.numerator.map(numberText) ?? "", $0.denominator.map(numberText) ?? ""]
                    })
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The catalogue: every measure's definition, source and Annex A list.")

            @Option(help: "table, json or csv.")
            var format: ReportFormat = .table

            func run() {
                struct Entry: Encodable {
                    var id, title, definition, numerator, counts, unit, polarity, source: String
                    var denominator, period: String?
                    var annexAList: Int?
                    var timescale: String?
                    var unavailableReason: String?
                    /// Tracker measures only: which tracker computes it, and where its records are explained.
                    var tracker, citation, explain, page: String?
                }
                let entries = MeasureCatalogue.all.map {
                    Entry(id: $0.id, title: $0.title, definition: $0.definition, numerator: $0.numerator, counts: $0.counting.description,
                          unit: $0.unit.rawValue, polarity: $0.polarity.rawValue, source: $0.source.rawValue, denominator: $0.denominator,
                          period: $0.period.rawValue, annexAList: $0.annexAList, timescale: $0.timescale, unavailableReason: $0.unavailableReason)
                }
                let trackerEntries = TrackerCatalogue.entries.map {
                    Entry(id: $0.id, title: $0.title, definition: $0.definition, numerator: $0.numerator, counts: $0.counting.description,
                          unit: $0.unit.rawValue, polarity: $0.polarity.rawValue, source: $0.source.rawValue, denominator: $0.denominator,
                          timescale: $0.timescale, tracker: $0.tracker.rawValue, citation: $0.citation, explain: $0.explain, page: $0.page)
                }
                switch format {
                case .json: print(jsonString(entries + trackerEntries))
                case .csv:
                    print(csvLine(["id", "title", "definition", "numerator", "denominator", "counts", "period", "unit", "polarity", "source", "annex_a_list", "timescale", "unavailable",
                                   "tracker", "explain"]))
                    for e in entries + trackerEntries {
                        print(csvLine([e.id, e.title, e.definition, e.numerator, e.denominator ?? "", e.counts, e.period ?? "", e.unit, e.polarity, e.source,
                                       e.annexAList.map(String.init) ?? "", e.timescale ?? "", e.unavailableReason ?? "", e.tracker ?? "", e.explain ?? ""]))
                    }
                case .table:
                    printTable(header: ["Measure", "Title", "Source", "Annex A", "Counts"], rows: entries.map { e in
                        // IRO-01 and SEND-01 are declared here but computed by a tracker: say so, so the second listing is not a puzzle.
                        let source = e.unavailableReason == nil ? e.source
                            : TrackerCatalogue.entry(e.id).map { "\(e.source) (computed by the \($0.tracker.rawValue) tracker)" } ?? "\(e.source) (not held)"
                        return [e.id, e.title, source, e.annexAList.map { "List \($0)" } ?? "", e.counts]
                    })
                    print("\nTracker measures, computed over each tracker's own records:\n")
                    printTable(header: ["Measure", "Tracker", "Title", "Source", "Counts", "Explain"], rows: trackerEntries.map {
                        [$0.id, $0.tracker ?? "", $0.title, $0.source, $0.counts, $0.explain ?? ""]
                    })
                }
            }
        }
    }
}

/// The JSON object per measure: the contract's `id`, `value`, `numerator`, `denominator`, `unit`, `comparators`, and more.
struct MeasureJSON: Encodable {
    var id: String
    var title: String
    var period: String
    var slice: String
    var value: Double?
    var numerator: Double?
    var denominator: Double?
    var unit: String
    var polarity: String
    var comparators: [ComparatorFigure]
    var note: String?
    /// Present with `--suppress`: the figures as they may be shared.
    var published: PublishedFigure?

    init(_ r: MeasureResult, published: PublishedFigure?) {
        id = r.id
        title = r.title
        period = r.period
        slice = r.slice
        value = r.value.map { ($0 * 10_000).rounded() / 10_000 }
        numerator = r.numerator
        denominator = r.denominator
        unit = r.unit.rawValue
        polarity = r.polarity.rawValue
        comparators = r.comparators
        note = r.note
        self.published = published
    }
}

/// Value, numerator and denominator as text: exact, or as published when suppressing.
struct Figures {
    var value: String, numerator: String, denominator: String
    init(_ r: MeasureResult, published: PublishedFigure?) {
        if let published {
            (value, numerator, denominator) = (published.value, published.numerator, published.denominator)
        } else {
            value = r.value.map { String(format: "%.1f", $0) } ?? "x"
            numerator = r.numerator.map(numberText) ?? ""
            denominator = r.denominator.map(numberText) ?? ""
        }
    }
}

func findMeasure(_ id: String) throws -> MeasureDefinition {
    let measure = MeasureCatalogue.measure(id)
    // A tracker computes its measures over its own records, so send the user to the tracker's command, not to "no measure".
    if measure == nil || measure?.unavailableReason != nil, let tracked = TrackerCatalogue.entry(id) {
        throw ValidationError(
            "\(tracked.id) is a \(tracked.tracker.title) tracker measure, computed over that tracker's records: run '\(tracked.explain)' "
                + "with --db and a period, or open \(tracked.page)")
    }
    guard let measure else {
        throw ValidationError("no measure '\(id)'; 'oversight measures list' shows the catalogue")
    }
    return measure
}

/// A number as people write it: whole numbers without decimals, others to at most two places.
func numberText(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    return text
}

func comparatorText(_ figure: ComparatorFigure) -> String {
    guard let value = figure.value else { return "" }
    return "\(numberText(value)) (\(figure.year))"
}

func jsonString(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
}

func csvLine(_ fields: [String]) -> String {
    fields.map { field in
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }.joined(separator: ",")
}

func printTable(header: [String], rows: [[String]]) {
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, cell in i == cells.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
            .joined(separator: "  ")
    }
    print(line(header))
    print(line(widths.map { String(repeating: "-", count: $0) }))
    for row in rows { print(line(row)) }
}

extension MeasureUnit {
    var suffix: String {
        switch self {
        case .percentage: "%"
        case .ratePer10000: " per 10k"
        case .meanDays: " days"
        case .average, .count: ""
        }
    }
}

extension String {
    func truncated(to length: Int) -> String { count <= length ? self : String(prefix(length - 1)) + "…" }
}
