import ArgumentParser
import Foundation
import OversightCore
import OversightInterchange
import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite
import OversightTrackers

extension OversightCommand {
    /// IRO dispute resolution (issue 10, tracker 3): escalations, their stages and responses, and IRO-01.
    struct Escalations: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalations",
            abstract: "Track IRO escalations (dispute resolution) and review decisions, and report on them monthly.",
            discussion: "The CSV formats are described in docs/trackers-escalations-send.md.",
            subcommands: [Import.self, Report.self, Explain.self])

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case escalations, reviews
        }

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import escalations (one row per stage) or IRO review records from CSV, all or nothing.",
                discussion: "A record whose ID is already stored is replaced. A file with any bad row is refused whole, naming each row.")

            @Argument(help: "The CSV file.") var file: String
            @Option(help: "escalations or reviews.") var kind: Kind = .escalations
            @OptionGroup var database: TargetDatabase

            func run() throws {
                do {
                    let store = try openTrackerStore(database.location)
                    switch kind {
                    case .escalations:
                        let rows = try readTrackerSheet(file, columns: EscalationSheet.columns)
                        let escalations = try EscalationSheet.escalations(from: rows, file: displayName(file))
                        try store.saveEscalations(escalations)
                        print("Imported \(escalations.count) escalations (\(rows.count) stages) from \(displayName(file)).")
                    case .reviews:
                        let rows = try readTrackerSheet(file, columns: IROReviewSheet.columns)
                        let records = try IROReviewSheet.records(from: rows, file: displayName(file))
                        try store.saveReviewRecords(records)
                        print("Imported \(records.count) IRO review records from \(displayName(file)).")
                    }
                } catch { throw failure(error) }
            }
        }

        struct Report: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "The monthly escalations report: raised, resolved within timescale, open by stage and age, repeats, IRO-01.")
            @OptionGroup var database: ExistingDatabase
            @Option(help: "2025-03 (a month), 2024-25, 2024-Q3, rolling12:2025-03-31.") var period: String
            @Option(help: "table, json or csv.") var format: ReportFormat = .table

            func validate() throws { _ = try parseTrackerPeriod(period) }

            func run() throws {
                let report: EscalationReport
                do {
                    let store = try openTrackerStore(database.location)
                    report = EscalationReport(
                        escalations: try store.fetchEscalations(), reviews: try store.fetchReviewRecords(), period: try parseTrackerPeriod(period))
                } catch { throw failure(error) }
                switch format {
                case .json: print(jsonString(report))
                case .csv:
                    print(csvLine(["section", "item", "band", "value"]))
                    for line in Self.lines(report) { print(csvLine(line)) }
                case .table:
                    print("IRO escalations, \(report.period) (open as at \(report.asOf))\n")
                    printTable(header: ["Section", "Item", "Band", "Value"], rows: Self.lines(report))
                    if !report.open.isEmpty {
                        print("\nOpen escalations, oldest first")
                        printTable(
                            header: ["Escalation", "Child", "IRO", "Concern", "Stage", "Raised", "Days open", "Response due", "Overdue"],
                            rows: report.open.map {
                                [
                                    $0.id, $0.child, $0.iro, $0.concern, $0.stage, $0.raisedOn.isoString, String($0.ageDays), $0.responseDue.isoString,
                                    $0.isOverdue ? "yes" : "",
                                ]
                            })
                    }
                }
            }

            static func lines(_ report: EscalationReport) -> [[String]] {
                var lines = [["raised", "escalations raised", "", String(report.raised)]]
                lines += report.raisedByConcern.sorted { $0.key < $1.key }.map { ["raised", $0.key, "", String($0.value)] }
                lines += [report.resolved, report.repeats, report.reviewDecisions].map(timelinessLine)
                lines += report.openByStageAndAge.filter { $0.count > 0 }.map { ["open", $0.stage, $0.ageBand, String($0.count)] }
                lines.append(["open", "all stages", "", String(report.open.count)])
                lines += report.months.map { month in
                    [
                        "month", month.month, "raised, resolved (within timescale), open at end",
                        "\(month.raised), \(month.resolved) (\(month.resolvedWithinTimescale)), \(month.openAtEnd)",
                    ]
                }
                return lines
            }
        }

        struct Explain: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The records behind IRO-01, IRO-05 or IRO-06 for a period.")
            @OptionGroup var options: TrackerExplainOptions

            func validate() throws { try options.check(EscalationMeasures.all) }

            func run() throws {
                try options.explain { store, period in
                    EscalationMeasures.results(escalations: try store.fetchEscalations(), reviews: try store.fetchReviewRecords(), period: period)
                }
            }
        }
    }
}

/// What `escalations explain` and `send explain` take: a measure, the database, the period and the format.
struct TrackerExplainOptions: ParsableArguments {
    @Argument(help: "The measure's ID (IRO-01, IRO-05, IRO-06; SEND-01 to SEND-05).") var measure: String
    @OptionGroup var database: ExistingDatabase
    @Option(help: "A month (2025-03), 2024-Q3, 2024-25, rolling12:2025-03-31, or a calendar year (2024).") var period: String
    @Option(help: "table, json or csv.") var format: ReportFormat = .table

    func check(_ measures: [TimelinessMeasure]) throws {
        _ = try parseTrackerPeriod(period)
        guard measures.contains(where: { $0.id == measure.uppercased() }) else {
            throw ValidationError("'\(measure)' is not one of \(measures.map(\.id).joined(separator: ", "))")
        }
    }

    /// Prints the chosen measure, out of those `results` computes, with every record behind it.
    func explain(_ results: (any TrackerDocumentStore, ReportingPeriod) throws -> [TimelinessResult]) throws {
        let result: TimelinessResult?
        do {
            result = try results(try openTrackerStore(database.location), try parseTrackerPeriod(period)).first { $0.id == measure.uppercased() }
        } catch { throw failure(error) }
        guard let result else { throw failure(CommandFailure("'\(measure)' is not computed here")) }
        printTimeliness(result, format: format)
    }
}

/// One summary line of a tracker measure, for the report tables.
func timelinessLine(_ result: TimelinessResult) -> [String] {
    ["measure", "\(result.id) \(result.title)", "\(result.numerator) of \(result.denominator)", result.value.map { numberText($0) + "%" } ?? "–"]
}

/// A tracker measure with every record behind it.
func printTimeliness(_ result: TimelinessResult, format: ReportFormat) {
    let header = ["record", "child", "start", "end", "elapsed", "met", "reason"]
    let rows = result.cases.map { [$0.record, $0.child, $0.start.isoString, $0.end?.isoString ?? "", String($0.elapsed), $0.met ? "yes" : "no", $0.reason] }
    switch format {
    case .json: print(jsonString(result))
    case .csv:
        print(csvLine(header))
        for row in rows { print(csvLine(row)) }
    case .table:
        let england = result.england.map { ", England \(numberText($0))% (\(result.englandYear.map(String.init) ?? ""))" } ?? ""
        print("\(result.id) \(result.title), \(result.period): \(result.numerator) of \(result.denominator)"
            + (result.value.map { " = \(numberText($0))%" } ?? "") + england + "\n")
        printTable(header: header, rows: rows)
    }
}

/// A period as the measures take it, or a calendar year ("2024"), as SEN2 reports EHC plans.
func parseTrackerPeriod(_ text: String) throws -> ReportingPeriod {
    if text.count == 4, let year = Int(text), (1900...2999).contains(year) {
        return .rolling(months: 12, ending: LocalDate(year: year, month: 12, day: 31)!)
    }
    do { return try ReportingPeriod.parse(text) } catch { throw ValidationError("--period: \(error.description); or a calendar year, 2024") }
}

func displayName(_ path: String) -> String { (path as NSString).lastPathComponent }

/// Reads a tracker CSV whole, checking its header names every column the format has.
/// - Throws: `InterchangeError` for a file that cannot be read, or `TrackerImportError` naming the missing columns.
func readTrackerSheet(_ path: String, columns: [String], optional: Set<String> = []) throws -> [TrackerCSVRow] {
    let csv = try TrackerCommandSupport.readCSV(path)
    return try TrackerCSVRow.rows(file: csv.file, header: csv.header, records: csv.rows, required: columns.filter { !optional.contains($0) })
}

func openTrackerStore(_ location: StoreLocation) throws(StorageError) -> any TrackerDocumentStore {
    switch location {
    case .sqlite(let path): try SQLiteCaseRecordStore(path: path)
    case .postgres(let url, let schema): try PostgresCaseRecordStore(url: url, schema: schema)
    }
}
