import ArgumentParser
import Foundation
import OversightInterchange
import OversightStorage

extension OversightCommand.Import {
    struct SSDA903: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "903",
            abstract: "Import an SSDA903 return: a folder of 903 CSV files, recognised by their columns, or the DfE's 903 XML file.",
            discussion: """
                The import lands whole or not at all and replaces what the database held, so importing the same \
                return twice leaves the same data. A bad code or date stops it with file:line: column: reason. \
                Every table is kept (UASC, OC2, AD1, PlacedAdoption, PrevPerm, SWEpisodes and DoLo included).
                """)

        @Argument(help: "The folder holding the 903 CSV files (or its one XML file), or the path of the 903 XML file.")
        var directory: String

        @Option(help: "The database: a SQLite file (created if missing), sqlite:PATH, or postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME].")
        var db: String

        func validate() throws { _ = try StoreLocation(parsing: db) }

        func run() throws {
            var terminal = Terminal()
            let started = Date()
            let report: SSDA903ImportReport
            do {
                let store = try StoreLocation(parsing: db).open()
                report = try SSDA903CaseData.importReturn(from: directory, into: store, importedAt: isoTimestamp()) { progress in
                    switch progress {
                    case .reading(let file):
                        terminal.progress("Reading \(file.file)", done: file.bytesDone, total: file.bytesTotal)
                    case .writing(let done, let total):
                        terminal.progress("Storing \(total) records", done: done, total: total)
                    }
                }
            } catch {
                terminal.finish("Import failed; the database is unchanged.")
                throw failure(error)
            }
            let stored = report.stored.values.reduce(0, +)
            terminal.finish(
                "Imported \(stored) records from \(report.extract.rowsRead) rows of the 903 return in "
                    + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
        }
    }
}
