import ArgumentParser
import Foundation
import OversightInterchange
import OversightStorage

extension OversightCommand.SSDA903 {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a collection year's SSDA903 tables from the stored case data.",
            discussion: """
                Every table, with the return's inclusion rules: episodes open at any point in the year, the Header \
                for their children and for care leavers with a 17th–21st birthday in the year (OC3), the year's \
                Reviews, Missing spells and social worker episodes, UASC, OC2 for children looked after continuously \
                for 12 months at 31 March, AD1 for children adopted in the year, PlacedAdoption decisions in force, \
                PrevPerm for children who started to be looked after in the year, and DoLo from 2026/27.
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
