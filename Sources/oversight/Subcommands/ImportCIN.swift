import ArgumentParser
import Foundation
import OversightInterchange
import OversightStorage

extension OversightCommand.Import {
    struct CIN: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cin",
            abstract: "Import a Children in Need census XML file.",
            discussion: """
                On the same terms as the SSD import: the census lands whole or not at all and replaces what the \
                database held, so importing it again gives the same data. A code the census does not define, or an \
                element it does not know, stops the import with file:line and the field.
                """)

        @Argument(help: "The census file (XML).")
        var file: String

        @Option(help: "The database: a SQLite file (created if missing), sqlite:PATH, or postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME].")
        var db: String

        func validate() throws { _ = try StoreLocation(parsing: db) }

        func run() throws {
            var terminal = Terminal()
            let started = Date()
            let report: CINImportReport
            do {
                let store = try StoreLocation(parsing: db).open()
                report = try CINCensusImporter().importCensus(from: file, into: store, importedAt: isoTimestamp()) { share in
                    terminal.progress("Importing census", done: Int(share * 1_000), total: 1_000)
                }
            } catch {
                terminal.finish("Import failed; the database is unchanged.")
                throw failure(error)
            }
            terminal.finish(
                "Imported \(report.children) children (\(report.records) records) from \(file) in "
                    + String(format: "%.1f", Date().timeIntervalSince(started)) + " s.")
        }
    }
}

extension OversightCommand.Census {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the CIN census of a collection year from the stored case data.",
            discussion: """
                Applies the census inclusion rules: children with a CIN episode open at some point in the year, \
                and the work the census reports for it. Disabilities, former UPNs and previous-plan counts \
                come from what was imported (a census, or the SSD's disability table).
                """)

        @Option(help: "The collection year: 2025 is the census of the year to 31 March 2025.")
        var year: Int

        @Option(help: "The database: a SQLite file, sqlite:PATH, or postgres://….")
        var db: String

        @Option(help: "The XML file to write.")
        var out: String

        @Option(help: "The authority's 3-digit DfE number, for the header.")
        var lea: String?

        func validate() throws { _ = try StoreLocation(parsing: db) }

        func run() throws {
            do {
                let store = try StoreLocation(parsing: db).open()
                let exporter = CINCensusExporter(year: year)
                let children = exporter.children(from: try store.fetchCaseRecords())
                let header = CINCensusHeader(
                    year: String(year), referenceDate: exporter.referenceDate, lea: lea, softwareCode: "Oversight", release: "1", serialNo: "001",
                    dateTime: isoTimestamp())
                let writer = try CINCensusWriter(path: out, header: header)
                for child in children { try writer.write(child) }
                try writer.finish()
                Terminal.write("Wrote the \(year) census of \(children.count) children to \(out).\n")
            } catch {
                throw failure(error)
            }
        }
    }
}
