import ArgumentParser
import Foundation
import OversightCore
import OversightImprovement
import OversightMeasures
import OversightStorage

extension OversightCommand {
    struct BoardPackCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "board-pack",
            abstract: "Write the improvement board's pack (or the quarterly impact report) for a date.",
            discussion: """
                HTML is one self-contained, printable file with inline SVG charts; text is for pasting into a council \
                template. Linked measures are computed from the case data in the same database, when it holds an import.
                """)

        @OptionGroup var database: PlanDatabase
        @Option(help: "The plan; may be left out while only one plan is stored.") var plan: String?
        @Option(help: "The date the pack describes (YYYY-MM-DD).") var asOf: String
        @Option(help: "Where to write the pack.") var out: String
        @Option(help: "board (the default) or quarterly (the impact report).") var kind: String = "board"
        @Option(help: "html (the default) or text.") var format: String = "html"
        @Option(help: "Days between boards; the plan's own cycle when left out.") var cycleDays: Int?

        func validate() throws {
            guard BoardPack.Kind(rawValue: kind) != nil else { throw ValidationError("--kind must be board or quarterly, not '\(kind)'") }
            guard ["html", "text"].contains(format) else { throw ValidationError("--format must be html or text, not '\(format)'") }
        }

        func run() throws {
            do {
                guard let date = try parseDate(asOf, option: "--as-of") else { throw ValidationError("--as-of is required") }
                let store = try database.location.open()
                let plan = try resolvePlan(self.plan, in: store)
                let updates = try store.fetchUpdates(plan: plan.id, asOf: nil)
                // Measures need case data; a database holding only plans gets a pack without them.
                let engine = try store.fetchExtracts().isEmpty ? nil : MeasureEngine(snapshot: try CaseSnapshot.load(from: store))
                let pack = try withQualitySection(BoardPack(
                    kind: BoardPack.Kind(rawValue: kind) ?? .board, plan: plan, updates: updates, asOf: date, engine: engine,
                    cycleDays: cycleDays), store: store, asOf: date, engine: engine)
                let contents = format == "text" ? pack.text() : pack.html()
                do {
                    try contents.write(toFile: out, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandFailure("cannot write \(out): \(error.localizedDescription)")
                }
                let exceptions = pack.exceptions.count
                print("Wrote the \(kind == "board" ? "board pack" : "quarterly impact report") for \(plan.id.rawValue) as at \(date) to \(out)"
                    + (kind == "board" ? " (\(exceptions) exceptions)" : "") + (engine == nil ? "; no case data, so no measures" : "") + ".")
            } catch let error as ValidationError {
                throw error
            } catch {
                throw failure(error)
            }
        }
    }
}
