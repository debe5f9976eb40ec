import ArgumentParser
import Foundation
import OversightCore
import OversightInterchange
import OversightStorage

extension OversightCommand.Import {
    struct Workforce: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workforce",
            abstract: "Import the workforce register: staff spells in post, and each team's establishment of funded posts.",
            discussion: """
                The format is in docs/workforce.md. The register is checked whole before anything is stored, and replaces \
                the register the database held; a bad value stops the import with file:line: column: reason and leaves \
                the database unchanged.
                """)

        @Argument(help: "The staff CSV: one row per worker per spell in post.")
        var file: String

        @Option(help: "The establishment CSV: funded FTE posts per team from a date (needed for the vacancy rate).")
        var establishment: String?

        @OptionGroup var database: TargetDatabase

        func run() throws {
            let register: WorkforceRegister
            do {
                register = try WorkforceCSV.read(staff: file, establishment: establishment)
            } catch {
                Terminal.write("Import failed; the database is unchanged.\n")
                throw failure(error)
            }
            do {
                let store = try database.location.openWorkforce()
                try store.replaceWorkforceRegister(
                    register, source: ([file] + (establishment.map { [$0] } ?? [])).joined(separator: " + "), importedAt: isoTimestamp())
            } catch {
                throw failure(error)
            }
            let workers = Set(register.spells.map(\.workerID)).count
            let teams = Set(register.establishment.map(\.teamID)).count
            Terminal.write("Imported \(register.spells.count) spells for \(workers) workers and \(register.establishment.count) establishment rows for \(teams) teams.\n")
        }

        /// The generator's register, written beside the SSD tables: for `demo`.
        static func importRegister(from extract: String, into location: StoreLocation) throws {
            let register = try WorkforceCSV.read(
                staff: extract + "/workforce_staff.csv", establishment: extract + "/workforce_establishment.csv")
            try location.openWorkforce().replaceWorkforceRegister(register, source: extract, importedAt: isoTimestamp())
            Terminal.write("Imported the workforce register: \(register.spells.count) spells.\n")
        }
    }
}
