import ArgumentParser
import Foundation
import OversightCore
import OversightStorage
import OversightWorkforce

extension OversightCommand {
    struct Caseload: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Caseloads from allocation history.",
            subcommands: [Weekly.self])
    }
}

/// `--allocated-role`, `--db` and loading both halves of what a caseload needs.
struct AllocationOptions: ParsableArguments {
    @OptionGroup var database: ExistingDatabase

    @Option(help: "Involvement roles that mean the allocated social worker (repeatable).")
    var allocatedRole: [String] = ["CW"]

    /// The allocation history and the workforce register (empty when none was imported), with progress on the terminal.
    func load() throws -> (AllocationHistory, WorkforceRegister) {
        let store = try database.openWorkforce()
        var terminal = Terminal()
        terminal.progress("Loading allocations", done: 0, total: 1)
        do {
            let history = try AllocationHistory.load(from: store, allocatedRoles: Set(allocatedRole.map { InvolvementRole($0) }))
            let register = try store.fetchWorkforceRegister()
            terminal.finish("Loaded \(history.allocations.count) allocations of \(history.childIDs.count) children and \(register.spells.count) register spells.")
            return (history, register)
        } catch {
            terminal.finish("")
            throw failure(error)
        }
    }
}

func parseDay(_ text: String, option: String) throws -> LocalDate {
    guard let date = LocalDate(iso: text) else { throw ValidationError("\(option): '\(text)' is not a date (YYYY-MM-DD)") }
    return date
}

/// Writes to a file when one is named, otherwise to standard output.
func emit(_ text: String, to path: String?) throws {
    guard let path else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
        throw failure(CommandFailure("\(path): cannot be written: \(error.localizedDescription)"))
    }
    Terminal.write("Wrote \(path)\n")
}

extension OversightCommand.Caseload {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, html }

    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The weekly caseload report to the Cabinet Member and Corporate Director (rapid review recommendation 18).",
            discussion: """
                For the week ending on the given day, overall and per team: average caseload per case-holding social worker \
                with the highest and lowest, team numbers and their change since last week, the 12 weeks before for \
                comparison, the direction of each figure, and a trend trailing two weeks. HTML is one printable page with a \
                small chart per team.
                """)

        @OptionGroup var allocations: AllocationOptions

        @Option(help: "The last day of the week reported on (YYYY-MM-DD).")
        var weekEnding: String

        @Option(help: "table, json, csv or html.")
        var format: Format = .table

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Option(help: "The authority's name, for the HTML page's heading.")
        var authority = "Children's Social Care"

        func validate() throws { _ = try parseDay(weekEnding, option: "--week-ending") }

        func run() throws {
            let (history, register) = try allocations.load()
            let report = WeeklyCaseloadReport(weekEnding: try parseDay(weekEnding, option: "--week-ending"), history: history, register: register)
            let text: String
            switch format {
            case .table: text = report.table()
            case .json: text = report.json()
            case .csv: text = ([WeeklyCaseloadReport.csvHeader] + report.csvRows()).map(csvLine).joined(separator: "\n") + "\n"
            case .html: text = report.html(authorityName: authority)
            }
            try emit(text, to: out)
        }
    }
}
