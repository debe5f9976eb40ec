import ArgumentParser
import Foundation
import OversightCore
import OversightInterchange
import OversightStorage
import OversightTrackers

/// What the tracker commands share: reading a tracker CSV whole, the period and date options, and printing figures.
enum TrackerCommandSupport {
    /// Runs a command's work, printing a failure as a message a person can act on.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ExitCode { throw error } catch { throw failure(error) }
    }

    /// The file's header and every row, parsed by the interchange reader; a malformed line stops with its number.
    static func readCSV(_ path: String) throws -> (file: String, header: [String], rows: [(line: Int, fields: [String])]) {
        let reader = try CSVReader(path: path)
        var rows: [(line: Int, fields: [String])] = []
        while let record = try reader.next() {
            // A blank line (one empty field) is not a row; a row of empty fields is, and fails on its ID.
            if record.fields.count == 1, record.fields[0].isEmpty { continue }
            rows.append((record.line, record.fields))
        }
        return (reader.displayName, reader.header, rows)
    }

    static func trackers(_ store: any CaseRecordStore) throws -> any AllegationStore & PartnerNotificationStore {
        guard let trackers = store as? any AllegationStore & PartnerNotificationStore else {
            throw CommandFailure("this database does not hold the trackers")
        }
        return trackers
    }

    static func parseDate(_ text: String, option: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else { throw ValidationError("\(option): '\(text)' is not a date (YYYY-MM-DD)") }
        return date
    }

    /// Today in the machine's time zone: the command line's default "as of", never used below it.
    static var today: LocalDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    static func printFigures(_ figures: [TrackerFigure], format: ReportFormat) {
        switch format {
        case .json:
            print(jsonString(figures.map { FigureSummary($0) }))
        case .csv:
            print(csvLine(["id", "title", "period", "unit", "value", "numerator", "denominator"]))
            for figure in figures {
                print(csvLine([
                    figure.id, figure.title, figure.period, figure.unit.rawValue, figure.value.map(numberText) ?? "", String(figure.numerator),
                    figure.denominator.map(String.init) ?? "",
                ]))
            }
        case .table:
            printTable(
                header: ["id", "measure", "value", "numerator", "denominator"],
                rows: figures.map { [$0.id, $0.title, $0.formatted, String($0.numerator), $0.denominator.map(String.init) ?? ""] })
        }
    }

    static func printExplanation(_ figure: TrackerFigure, format: ReportFormat) {
        switch format {
        case .json:
            print(jsonString(figure))
        case .csv:
            print(csvLine(["record", "in_numerator", "in_denominator", "detail"]))
            for row in figure.rows { print(csvLine([row.record, row.inNumerator ? "yes" : "no", row.inDenominator ? "yes" : "no", row.detail])) }
        case .table:
            print("\(figure.id) \(figure.title), \(figure.period): \(figure.formatted) (\(figure.numerator)\(figure.denominator.map { " of \($0)" } ?? ""))")
            printTable(
                header: ["record", "counted", "detail"], rows: figure.rows.map { [$0.record, $0.inNumerator ? "yes" : "no", $0.detail] })
        }
    }

    /// A figure without its rows, for the report's JSON.
    struct FigureSummary: Encodable {
        var id, title, period, unit: String
        var value: Double?
        var numerator: Int
        var denominator: Int?

        init(_ figure: TrackerFigure) {
            id = figure.id
            title = figure.title
            period = figure.period
            unit = figure.unit.rawValue
            value = figure.value
            numerator = figure.numerator
            denominator = figure.denominator
        }
    }
}

/// The reporting period and the "as of" date a tracker report takes.
struct TrackerPeriodOptions: ParsableArguments {
    @Option(help: "The day the report describes (YYYY-MM-DD); today unless given.")
    var asOf: String?

    @Option(help: "The measures' period: 2025-26, 2025-Q3, 2025-11 or rolling12:2026-03-31; the financial year containing --as-of unless given.")
    var period: String?

    func validate() throws {
        if let asOf { _ = try TrackerCommandSupport.parseDate(asOf, option: "--as-of") }
        if let period { do { _ = try ReportingPeriod.parse(period) } catch { throw ValidationError(error.description) } }
    }

    var date: LocalDate { asOf.flatMap { LocalDate(iso: $0) } ?? TrackerCommandSupport.today }
    var reportingPeriod: ReportingPeriod { period.flatMap { try? ReportingPeriod.parse($0) } ?? .financialYear(containing: date) }
}

extension StoreLocation {
    /// The store as the trackers' stores: both the SQLite and the PostgreSQL store hold allegations and notifications.
    func openTrackers() throws -> any AllegationStore & PartnerNotificationStore {
        try TrackerCommandSupport.trackers(try open())
    }
}
