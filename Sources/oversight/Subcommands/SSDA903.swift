import ArgumentParser
import Foundation
import OversightInterchange
import OversightSynthetic
import OversightValidation

extension OversightCommand {
    struct SSDA903: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "903",
            abstract: "The SSDA903 return on children looked after: validate it against the DfE's rules.",
            subcommands: [Validate.self, Generate.self, Export.self])
    }
}

extension OversightCommand.SSDA903 {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic SSDA903 return (every table, as CSV) for a collection year.",
            discussion: """
                Made up by a deterministic generator: the same options give byte-identical files. With --dirt,                 about one child in twelve carries a mistake councils make (retired codes, half-recorded endings,                 impossible dates), for the validator and scripts/peer-parity-903 to find.
                """)

        @Option(help: "The collection year, named by its end: 2025 is 2024/25.")
        var year: Int

        @Option(help: "How many looked-after children (a tenth more care leavers are added).")
        var children = 1000

        @Option(help: "Random seed; the same seed gives the same files.")
        var seed: UInt64 = 1

        @Flag(help: "Add realistic data errors.")
        var dirt = false

        @Option(help: "Folder to write the CSVs into (created if missing).")
        var out: String

        @Option(help: "Where to write the reference data the return uses (Ofsted's provider lists, postcodes.csv), for `903 validate --reference`; by default OUT/reference.")
        var reference: String?

        func validate() throws {
            guard children > 0 else { throw ValidationError("--children must be at least 1") }
        }

        func run() throws {
            let generator = SSDA903Generator(year: year, children: children, seed: seed, dirt: dirt)
            let data = generator.generate()
            let providers = generator.ofstedProviders()
            let reference = self.reference ?? out + "/reference"
            do {
                try SSDA903Writer.write(data.tables, to: out)
                try providers.write(to: reference)
                _ = try SSDA903Generator.writePostcodeReference(to: reference)
            } catch {
                throw failure(error)
            }
            Terminal.write("Wrote \(data.rowCount) rows in \(data.tables.count) tables to \(out) (\(data[.episodes]?.count ?? 0) episodes).\n")
            Terminal.write(
                "Wrote Ofsted's provider lists (\(providers.count) providers) and \(SSDA903Generator.postcodePlaces.count) postcodes to \(reference): validate with "
                    + "--reference \(reference) --placing-authority \"\(SSDA903Generator.placingAuthority)\" --la \(SSDA903Generator.submittingAuthority)\n")
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate an SSDA903 return (a folder of CSV files, or the DfE's 903 XML) against a collection year's DfE rules.",
            discussion: """
                CSV files are recognised by their columns, not their names; a folder holding one .xml file, or \
                the path of that file, is read as the 903 XML (CSV and XML are never mixed). Every rule of the year's pack is \
                reported: failed (with each failing table row and child), passed, or skipped with the reason \
                (a table not supplied, reference data not supplied, or not yet implemented). The exit status \
                is 1 when any error rule (not a query) fails.
                """)

        @Argument(help: "The folder holding this year's 903 CSV files (or its one XML file), or the path of the 903 XML file.")
        var directory: String

        @Option(help: "The collection year, named by its end as the DfE does: 2025 is 2024/25.")
        var year: Int

        @Option(help: "A folder holding last year's 903 CSV files, for the rules that compare years.")
        var last: String?

        @Option(help: "Output: table (for people), json (the report contract) or csv (one row per failing row).")
        var format: ReportFormat = .table

        @Option(help: "A folder of reference data (Ofsted provider lists, postcode grid) for the rules that need it.")
        var reference: String?

        @Option(help: "The submitting council as Ofsted's provider lists name it (e.g. \"Richmond upon Thames\"), for rule 229.")
        var placingAuthority: String?

        @Option(help: "The submitting authority's ONS code (E09000027), for placements IN or OUT of it; by default the authority most home postcodes are in.")
        var la: String?

        func validate() throws {
            guard SSDA903Catalogue.years.contains(year) else {
                throw ValidationError(
                    "--year \(year): rule packs exist for \(SSDA903Catalogue.years.lowerBound)–\(SSDA903Catalogue.years.upperBound) (2025 is 2024/25)")
            }
            if la != nil && reference == nil {
                throw ValidationError("--la places postcodes IN or OUT of an authority, so it needs the postcode grid: --reference DIR")
            }
        }

        func run() throws {
            var terminal = Terminal()
            let data: SSDA903Return
            do {
                let reader = SSDA903Reader()
                let progress: (SSDA903ReadProgress) -> Void = { terminal.progress("Reading \($0.file)", done: $0.bytesDone, total: $0.bytesTotal) }
                let tables = try reader.read(directory: directory, progress: progress)
                let lastYear = try last.map { try reader.read(directory: $0, progress: progress) } ?? [:]
                data = SSDA903Return(tables: tables, lastYear: lastYear)
            } catch {
                terminal.finish("")
                throw failure(error)
            }
            terminal.finish("Read \(data.rowCount) rows from \(data.tables.count) tables" + (last == nil ? "" : " and last year's \(data.lastYear.count)") + ".")
            let report = SSDA903Validator(year: year, reference: try referenceData(for: data)).validate(data)
            switch format {
            case .json: print(validationJSON(report))
            case .csv: Self.printCSV(report)
            case .table: Self.printTable(report, year: year)
            }
            if report.failed.contains(where: { $0.rule.kind == .error }) { throw ExitCode.failure }
        }

        /// What `--reference DIR` holds, said on the terminal so a user sees which rules it lets run.
        func referenceData(for data: SSDA903Return) throws -> SSDA903ReferenceData {
            guard let reference else { return SSDA903ReferenceData(placingAuthority: placingAuthority) }
            var loaded: SSDA903ReferenceData
            do {
                loaded = try SSDA903ReferenceData.load(directory: reference, keeping: SSDA903ReferenceData.postcodes(in: data))
            } catch {
                throw failure(error)
            }
            loaded.localAuthority = la?.uppercased()
            loaded.placingAuthority = placingAuthority
            Terminal.write(
                loaded.providers.map { "Reference: \($0.count) Ofsted providers.\n" }
                    ?? "Reference: no Ofsted provider lists (\(SSDA903OfstedProviders.ListFile.childrensHomes.fileName)…) in \(reference); the URN rules are skipped.\n")
            if let grid = loaded.postcodes {
                let authority = loaded.submittingAuthority(for: data)
                loaded.localAuthority = authority
                Terminal.write(
                    "Reference: \(grid.places.count) of the return's postcodes found in \(SSDA903ReferenceData.postcodesFile); placements are IN or OUT of "
                        + (authority.map { "\($0)" + (la == nil ? " (most home postcodes; set it with --la)" : "") } ?? "no authority (no home postcode is in the grid)")
                        + ".\n")
            } else {
                Terminal.write("Reference: \(reference) has no \(SSDA903ReferenceData.postcodesFile); the postcode rules are skipped.\n")
            }
            return loaded
        }

        static func printCSV(_ report: ValidationReport) {
            print("code,kind,table,row,child,message")
            for outcome in report.failed {
                for failure in outcome.failures {
                    let fields = [
                        outcome.rule.code, outcome.rule.kind.rawValue, failure.table ?? "", failure.row.map(String.init) ?? "", failure.child,
                        outcome.rule.message,
                    ]
                    print(csvLine(fields))
                }
            }
        }

        static func printTable(_ report: ValidationReport, year: Int) {
            let skipped = report.outcomes.filter { $0.skipped != nil }
            let ran = report.outcomes.count - skipped.count
            print(
                "SSDA903 \(year - 1)/\(year % 100): \(report.childCount) children; \(ran) of \(report.outcomes.count) rules ran, "
                    + "\(report.failed.count) failed, in \(String(format: "%.2f", report.seconds)) s")
            if !report.failed.isEmpty {
                print("")
                print("code       rows  children  message")
                for outcome in report.failed {
                    let code = outcome.rule.code.padding(toLength: 9, withPad: " ", startingAt: 0)
                    let rows = String(outcome.failures.count)
                    let children = String(outcome.children.count)
                    print("\(code) \(String(repeating: " ", count: max(0, 5 - rows.count)))\(rows) \(String(repeating: " ", count: max(0, 9 - children.count)))\(children)  \(outcome.rule.message)")
                    let sample = outcome.failures.prefix(3).map { "\($0.table ?? "")#\($0.row.map(String.init) ?? "") child \($0.child)" }
                    print("                          e.g. " + sample.joined(separator: "; "))
                }
            }
            let reasons = Dictionary(grouping: skipped, by: { $0.skipped! })
            if !reasons.isEmpty {
                print("")
                for (reason, outcomes) in reasons.sorted(by: { $0.key < $1.key }) {
                    print("\(outcomes.count) \(reason): " + outcomes.map(\.rule.code).joined(separator: " "))
                }
            }
        }
    }
}
