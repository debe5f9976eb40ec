import ArgumentParser
import Foundation
import OversightInterchange
import OversightStorage

extension OversightCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import case data into an Oversight database.",
            subcommands: [SSD.self, CIN.self, SSDA903.self, Workforce.self])
    }
}

extension OversightCommand.Import {
    struct SSD: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ssd",
            abstract: "Import a Standard Safeguarding Dataset extract: a folder of ssd_*.csv files.",
            discussion: """
                The import lands whole or not at all, and replaces what the database held (each SSD run is a \
                full rebuild). A bad row stops it with file:line: column: reason; with --skip-invalid the row is \
                left out and written to a rejects report instead.
                """)

        @Argument(help: "The folder holding ssd_person.csv and the other SSD tables.")
        var directory: String

        @Option(help: "The database: a SQLite file (created if missing), sqlite:PATH, or postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME].")
        var db: String

        @Flag(help: "Leave out invalid rows and list them in a rejects report instead of failing.")
        var skipInvalid = false

        @Option(help: "Rejects report to write with --skip-invalid (default: <db>.rejects.csv; for PostgreSQL, <database>-<schema>.rejects.csv).")
        var rejects: String?

        @Option(help: "A council mapping file (JSON) laid over the standard one; see 'oversight mapping'.")
        var mapping: String?

        func validate() throws { _ = try StoreLocation(parsing: db) }

        func run() throws {
            let location = try StoreLocation(parsing: db)
            let store: any CaseRecordStore
            let importer: SSDImporter
            do {
                importer = SSDImporter(mapping: try mapping.map(ValueMapping.load) ?? .standard, skipInvalid: skipInvalid)
                store = try location.open()
            } catch {
                throw failure(error)
            }
            try Self.importExtract(directory, into: store, importer: importer, rejectsPath: rejects ?? location.defaultRejectsPath)
        }

        /// Shared with `demo`, which imports the extract it has just generated.
        static func importExtract(_ directory: String, into store: some CaseRecordStore, importer: SSDImporter, rejectsPath: String) throws {
            var terminal = Terminal()
            let started = Date()
            let report: SSDImportReport
            do {
                report = try importer.importExtract(from: directory, into: store, importedAt: isoTimestamp()) { progress in
                    terminal.progress("Importing \(progress.table)", done: progress.bytesDone, total: progress.bytesTotal)
                }
            } catch {
                terminal.finish("Import failed; the database is unchanged.")
                throw failure(error)
            }
            let seconds = Date().timeIntervalSince(started)
            let stored = report.tables.reduce(0) { $0 + $1.rowsStored }
            terminal.finish(
                "Imported \(stored) rows from \(report.tables.count) tables in \(String(format: "%.1f", seconds)) s "
                    + "(\(Int(Double(report.extract.rowsRead) / max(seconds, 0.001))) rows/s).")
            for table in report.tables where table.rowsNotApplicable > 0 && !["ssd_assessment_factors", "ssd_disability"].contains(table.table) {
                Terminal.write("  \(table.table): \(table.rowsNotApplicable) rows recognised but not stored (outside what Oversight holds, e.g. non-looked-after legal statuses)\n")
            }
            if !report.ignoredFiles.isEmpty {
                Terminal.write("  Not imported (not an SSD table this version reads): \(report.ignoredFiles.joined(separator: ", "))\n")
            }
            if !report.rejections.isEmpty {
                do {
                    try writeRejects(report.rejections, to: rejectsPath)
                } catch {
                    throw failure(error)
                }
                Terminal.write("  \(report.rejections.count) rows rejected; each is listed with its reason in \(rejectsPath)\n")
                for rejection in report.rejections.prefix(5) { Terminal.write("    \(rejection)\n") }
            }
        }

        static func writeRejects(_ rejections: [RowRejection], to path: String) throws {
            let writer = try CSVWriter(path: path, header: ["file", "line", "column", "value", "reason"])
            for rejection in rejections {
                writer.row([rejection.location.file, String(rejection.location.line), rejection.location.field, rejection.value, rejection.reason])
            }
            writer.close()
        }
    }
}
