import ArgumentParser
import Foundation
import OversightCore
import OversightInterchange
import OversightSynthetic
import OversightValidation

extension OversightCommand {
    struct Census: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cin",
            abstract: "The Children in Need census: validate it against the DfE rules, export it from stored data, or generate a synthetic one.",
            subcommands: [Validate.self, Generate.self, Export.self])
    }
}

extension OversightCommand.Census {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a CIN census XML file against the DfE rule pack of its collection year.",
            discussion: """
                Every rule of cin2024_25 (--year 2025) and cin2025_26 (--year 2026) runs, under its DfE code and \
                message. The table format lists the issues child by child, as an analyst fixes them; json is the \
                contract {"rules":[…],"children":N,"seconds":S}; csv has one row per rule and child. Elements the \
                census does not define are reported on standard error with their line and column.
                """)

        @Argument(help: "The census file (XML).")
        var file: String

        @Option(help: "The collection year: 2025 is the census of the year to 31 March 2025.")
        var year: Int

        @Option(help: "table, json or csv.")
        var format: ReportFormat = .table

        @Option(help: "A list of the DfE's local authority numbers to use for rule 1530 instead of the one Oversight ships: one three-digit number per line ('#' starts a comment).")
        var laNumbers: String?

        func validate() throws {
            guard CINRulePack.years.contains(year) else {
                throw ValidationError("--year \(year): Oversight holds the rule packs for \(CINRulePack.years.lowerBound)–\(CINRulePack.years.upperBound)")
            }
        }

        /// The list to judge rule 1530 by: the file given, or the shipped one. A line of the file that is not three
        /// digits is refused with its line number, so a wrong file is caught.
        func localAuthorityNumbers() throws -> Set<String> {
            guard let laNumbers else { return Set(LocalAuthorityNumbers.bundled) }
            guard let text = try? String(contentsOfFile: laNumbers, encoding: .utf8) else {
                throw ValidationError("--la-numbers \(laNumbers): cannot read the file")
            }
            do throws(LocalAuthorityNumbersError) {
                return try LocalAuthorityNumbers.parse(text, source: laNumbers)
            } catch {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            let numbers = try localAuthorityNumbers()
            var terminal = Terminal()
            let report: ValidationReport, summary: CINReadSummary
            do {
                (report, summary) = try CINValidation.validate(file: file, year: year, localAuthorityNumbers: numbers) { children in
                    if children % 5_000 == 0 { terminal.progress("Validating", done: children, total: 0) }
                }
            } catch {
                throw failure(error)
            }
            if summary.childCount >= 5_000 { terminal.finish("Read \(summary.childCount) children.") }
            for issue in summary.issues { Terminal.write("\(file): \(issue)\n") }
            if summary.issueCount > summary.issues.count {
                Terminal.write("\(file): \(summary.issueCount - summary.issues.count) more structural issues not shown\n")
            }
            print(CINReportRendering.render(report, as: format), terminator: "")
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic CIN census XML file from the deterministic generator.",
            discussion: """
                The same seed, size and year give a byte-identical file. With --dirt about a quarter of the \
                children carry one planted fault each, aimed at a DfE rule, so most of the pack fires.
                """)

        @Option(help: "How many children.")
        var children: Int = 1_000

        @Option(help: "The collection year (2025: the year to 31 March 2025).")
        var year: Int = 2025

        @Option(help: "Random seed.")
        var seed: UInt64 = 1

        @Flag(help: "Plant faults aimed at the DfE rules.")
        var dirt = false

        @Option(help: "The XML file to write.")
        var out: String

        func run() throws {
            var terminal = Terminal()
            let generator = CINCensusGenerator(year: year, seed: seed, dirt: dirt)
            do {
                try generator.write(children: children, to: out) { done in terminal.progress("Generating census", done: done, total: children) }
            } catch {
                throw failure(error)
            }
            terminal.finish("Wrote \(children) children to \(out)" + (dirt ? " (with planted faults)" : ""))
        }
    }
}

/// A validation report as the JSON contract shared by `cin validate` and `903 validate`: one line, keys sorted, so a
/// million-child return is not inflated by indentation.
func validationJSON(_ report: ValidationReport) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? String(decoding: encoder.encode(report), as: UTF8.self)) ?? "{}"
}

/// The three printed forms of a CIN validation report.
enum CINReportRendering {
    static func render(_ report: ValidationReport, as format: ReportFormat) -> String {
        switch format {
        case .json:
            return validationJSON(report) + "\n"
        case .csv:
            var text = "code,kind,la_level,child,failures,message\n"
            for outcome in report.failed {
                let counts = Dictionary(outcome.failures.map { ($0.child, 1) }, uniquingKeysWith: +)
                let rows = outcome.rule.returnLevel ? [""] : outcome.children
                for child in rows {
                    text += csvLine([
                        outcome.rule.code, outcome.rule.kind.rawValue, String(outcome.rule.returnLevel), child, String(counts[child] ?? 1), outcome.rule.message,
                    ]) + "\n"
                }
            }
            return text
        case .table:
            return table(report)
        }
    }

    /// Issues grouped by child, errors before queries, then the return-level findings and a per-rule count.
    private static func table(_ report: ValidationReport) -> String {
        var byChild: [String: [RuleOutcome]] = [:]
        var order: [String] = []
        for outcome in report.failed where !outcome.rule.returnLevel {
            for child in outcome.children {
                if byChild[child] == nil { order.append(child) }
                byChild[child, default: []].append(outcome)
            }
        }
        var text = ""
        for child in order.sorted() {
            text += "Child \(child)\n"
            for outcome in byChild[child, default: []].sorted(by: { ($0.rule.kind == .query ? 1 : 0) < ($1.rule.kind == .query ? 1 : 0) }) {
                text += "  \(outcome.rule.kind == .error ? "error" : "query") \(outcome.rule.code.padding(toLength: 6, withPad: " ", startingAt: 0)) \(outcome.rule.message)\n"
            }
        }
        let returnLevel = report.failed.filter(\.rule.returnLevel)
        if !returnLevel.isEmpty {
            text += "Return as a whole\n"
            for outcome in returnLevel { text += "  \(outcome.rule.kind == .error ? "error" : "query") \(outcome.rule.code) \(outcome.rule.message)\n" }
        }
        let errors = report.failed.filter { $0.rule.kind == .error }.count
        text += "\n\(report.childCount) children, \(order.count) with issues; \(report.failed.count) rules failed (\(errors) errors, "
        text += "\(report.failed.count - errors) queries); \(String(format: "%.3f", report.seconds)) s\n"
        for outcome in report.outcomes where outcome.skipped != nil { text += "Rule \(outcome.rule.code) \(outcome.skipped!)\n" }
        return text
    }
}
