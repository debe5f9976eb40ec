import ArgumentParser
import Foundation
import OversightInterchange
import OversightStorage

extension OversightCommand.SSDA903 {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a collection year's SSDA903 tables from the stored case data.",
            discussion: """
                Episodes open at any point in the year, the Header for their children and for care leavers \
                with a 17th–21st birthday in the year (OC3), and the year's Reviews and Missing spells. Tables \
                Oversight does not hold (OC2, UASC, AD1, PlacedAdoption, PrevPerm, SWEpisodes, DoLo) are not written.
                """)

        @Option(help: "The collection year, named by its end: 2025 is 2024/25.")
        var year: Int

        @OptionGroup var database: ExistingDatabase

        @Option(help: "Folder to write the CSVs into (created if missing).")
        var out: String

        func run() throws {
            let store = try database.open()
            do {
                let tables = SSDA903CaseData.tables(for: year, from: try store.fetchCaseRecords())
                try SSDA903Writer.write(tables, to: out)
                Terminal.write("Wrote \(tables.values.reduce(0) { $0 + $1.count }) rows in \(tables.count) tables to \(out) (\(tables[.episodes]?.count ?? 0) episodes).\n")
            } catch {
                throw failure(error)
            }
        }
    }
}
