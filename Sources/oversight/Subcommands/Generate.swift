import ArgumentParser
import Foundation
import OversightCore
import OversightSynthetic

extension AuthoritySize: ExpressibleByArgument {}

extension OversightCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic authority as Standard Safeguarding Dataset CSVs.",
            discussion: """
                Everything is made up by a deterministic generator: the same size, seed and options give \
                byte-identical files. 'small' is a Buckinghamshire-sized authority; 'england' is the whole \
                country's volume, for benchmarks; 'tiny' is for quick tests.
                """)

        @Option(help: "How big an authority: tiny, small or england.")
        var size: AuthoritySize = .small

        @Option(help: "Random seed; the same seed gives the same files.")
        var seed: UInt64 = 1

        @Option(help: "Folder to write the CSVs into (created if missing).")
        var out: String

        @Flag(help: "Add realistic data errors, listed in _dirt_manifest.csv.")
        var dirt = false

        @Option(name: .customLong("as-of"), help: "The extract date, YYYY-MM-DD (default 2026-10-31).")
        var asOf: String?

        func validate() throws {
            if let asOf, LocalDate(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a YYYY-MM-DD date") }
        }

        func run() throws {
            var options = GeneratorOptions(size: size, seed: seed, dirt: dirt)
            if let asOf, let date = LocalDate(iso: asOf) { options.extractDate = date }
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw failure(CommandFailure("\(out): cannot create the folder: \(error.localizedDescription)"))
            }
            var terminal = Terminal()
            let started = Date()
            let summary: GenerationSummary
            do {
                summary = try SyntheticAuthority.generate(options, into: out) { progress in
                    terminal.progress("Generating \(size.rawValue) authority", done: progress.childrenDone, total: progress.childrenTotal)
                }
            } catch {
                throw failure(error)
            }
            let rows = summary.rowsByTable.reduce(0) { $0 + $1.rows }
            terminal.finish(
                "Wrote \(summary.rowsByTable.count) tables, \(rows) rows, to \(out) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
                    + (dirt ? " (\(summary.dirtInjected) injected errors listed in _dirt_manifest.csv)" : ""))
        }
    }
}
