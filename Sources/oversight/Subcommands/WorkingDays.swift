import ArgumentParser
import Foundation
import OversightCore

extension OversightCommand {
    struct WorkingDays: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "working-days",
            abstract: "Count working days between two dates, or find the due date N working days on.",
            discussion: """
                Working days are Monday to Friday except England and Wales bank holidays; the start day is not \
                counted, so the same day is 0. The calendar ships 2019–2027; --holidays adds later years from a \
                file of YYYY-MM-DD,Title lines or a copy of the GOV.UK bank-holidays.json feed.
                """)

        @Argument(help: "The start date, YYYY-MM-DD.")
        var from: String

        @Argument(help: "The end date, YYYY-MM-DD (omit when using --add).")
        var to: String?

        @Option(help: "Instead of counting, print the date this many working days after the start.")
        var add: Int?

        @Option(help: "A file of extra bank holidays (later years).")
        var holidays: String?

        func validate() throws {
            guard LocalDate(iso: from) != nil else { throw ValidationError("'\(from)' is not a YYYY-MM-DD date") }
            if let to, LocalDate(iso: to) == nil { throw ValidationError("'\(to)' is not a YYYY-MM-DD date") }
            if to == nil && add == nil { throw ValidationError("give an end date, or --add N") }
            if let add, add < 0 { throw ValidationError("--add counts forward: give 0 or more") }
        }

        func run() throws {
            var calendar = WorkingDayCalendar.englandAndWales
            if let holidays {
                do {
                    let text = try String(contentsOfFile: holidays, encoding: .utf8)
                    calendar = calendar.adding(try BankHoliday.parseList(text, source: holidays))
                } catch {
                    throw failure(error)
                }
            }
            let start = LocalDate(iso: from)!
            if let add {
                print(calendar.addingWorkingDays(add, to: start).isoString)
            } else if let to, let end = LocalDate(iso: to) {
                print(calendar.workingDays(from: start, to: end))
            }
            if let last = calendar.lastCoveredYear, max(start.year, LocalDate(iso: to ?? from)?.year ?? 0) > last {
                Terminal.write("warning: the calendar knows bank holidays only to \(last); add later years with --holidays\n")
            }
        }
    }
}
