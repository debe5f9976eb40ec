import ArgumentParser
import Foundation
import OversightStorage

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension OversightCommand {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print how many records of each kind the database holds.")

        @OptionGroup var database: ExistingDatabase

        @Option(help: "table or json.")
        var format: OutputFormat = .table

        func run() throws {
            let counts: EntityCounts
            let extracts: [ExtractDescription]
            do {
                let store = try database.location.open()
                counts = try store.fetchEntityCounts()
                extracts = try store.fetchExtracts()
            } catch {
                throw failure(error)
            }
            switch format {
            case .json:
                print(Self.json(counts: counts, extract: extracts.last))
            case .table:
                let width = Entity.allCases.map(\.title.count).max() ?? 10
                for entity in Entity.allCases {
                    let title = entity.title.padding(toLength: width, withPad: " ", startingAt: 0)
                    print("\(title)  \(String(counts[entity] ?? 0).leftPadded(to: 10))")
                }
                if let extract = extracts.last {
                    print("\nLatest extract: \(extract.kind) from \(extract.source) at \(extract.importedAt) (\(extract.rowsRejected) rows rejected)")
                }
            }
        }

        /// `{"entities": {"child": 128, …}, "total": N, "extract": {…}}` with keys in a stable order.
        static func json(counts: EntityCounts, extract: ExtractDescription?) -> String {
            struct Output: Encodable {
                var entities: [String: Int]
                var total: Int
                var extract: ExtractDescription?
            }
            let output = Output(
                entities: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
                total: counts.values.reduce(0, +), extract: extract)
            return jsonString(output)
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
