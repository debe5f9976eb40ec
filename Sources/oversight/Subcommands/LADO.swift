import ArgumentParser
import Foundation
import OversightCore
import OversightStorage
import OversightTrackers

extension OversightCommand {
    struct LADO: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lado",
            abstract: "LADO allegations against people who work with children: import, report, explain, purge.",
            discussion: "The format of the allegations CSV is in docs/trackers-lado-notifications.md.",
            subcommands: [Import.self, Report.self, Explain.self, Purge.self])
    }
}

extension OversightCommand.LADO {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import allegations from the LADO CSV, all or nothing; a stored allegation with the same ID is replaced by its row.")

        @Argument(help: "The allegations CSV.")
        var file: String

        @OptionGroup var database: TargetDatabase

        func run() throws {
            try TrackerCommandSupport.reporting {
                let csv = try TrackerCommandSupport.readCSV(file)
                let allegations = try AllegationCSV.parse(file: csv.file, header: csv.header, rows: csv.rows)
                let cases = try database.location.open()
                let store = try TrackerCommandSupport.trackers(cases)
                let stored = Set(try store.fetchAllegations().map(\.id))
                try store.saveAllegations(allegations)
                try Self.warnAboutUnknownChildren(allegations, lines: csv.rows.map(\.line), file: csv.file, cases: cases)
                let updated = allegations.count { stored.contains($0.id) }
                print("Imported \(allegations.count) allegations from \(csv.file): \(allegations.count - updated) new, \(updated) updated")
            }
        }

        /// A child ID the case records do not hold is kept (the child may be in a later extract) but said, with its row.
        static func warnAboutUnknownChildren(_ allegations: [Allegation], lines: [Int], file: String, cases: any CaseRecordStore) throws {
            guard allegations.contains(where: { $0.children.contains { $0.childID != nil } }) else { return }
            guard try (cases.fetchEntityCounts()[.child] ?? 0) > 0 else {
                Terminal.write("warning: no case records are imported, so the allegations' child_ids were not checked\n")
                return
            }
            for (allegation, line) in zip(allegations, lines) {
                for id in allegation.children.compactMap(\.childID) where try cases.fetchChildRecords(Identifier(id)) == nil {
                    Terminal.write("warning: \(file):\(line): child_ids: '\(id)' is not in the case records; the allegation keeps the ID\n")
                }
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The LADO measures for a period (LADO-01 to LADO-09), with open allegations by age and caseload by officer.")

        @OptionGroup var database: ExistingDatabase
        @OptionGroup var options: TrackerPeriodOptions

        @Option(help: "table, json or csv.")
        var format: ReportFormat = .table

        func run() throws {
            let allegations: [Allegation]
            allegations = try TrackerCommandSupport.reporting { try database.location.openTrackers().fetchAllegations() }
            let period = options.reportingPeriod
            let figures = LADOMeasures.all.map { $0.figure(allegations, period: period, asOf: options.date) }
            TrackerCommandSupport.printFigures(figures, format: format)
            guard format == .table else { return }
            let end = min(period.end, options.date)
            let open = allegations.filter { $0.isOpen(on: end) }
            print("\nOpen on \(end) by age:")
            let bands = Dictionary(grouping: open) { OpenAllegationAge(received: $0.receivedOn, on: end) }
            printTable(header: ["age", "allegations"], rows: OpenAllegationAge.allCases.map { [$0.rawValue, String(bands[$0]?.count ?? 0)] })
            print("\nOpen on \(end) by officer:")
            let officers = Dictionary(grouping: open, by: \.officer)
            printTable(header: ["officer", "allegations"], rows: officers.keys.sorted().map { [$0, String(officers[$0]!.count)] })
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The allegations behind one LADO figure, with the dates that decided each.")

        @Argument(help: "The measure, LADO-01 to LADO-09.")
        var measure: String

        @OptionGroup var database: ExistingDatabase
        @OptionGroup var options: TrackerPeriodOptions

        @Option(help: "table, json or csv.")
        var format: ReportFormat = .table

        func validate() throws {
            guard LADOMeasures.all.contains(where: { $0.id == measure.uppercased() }) else {
                throw ValidationError("no LADO measure '\(measure)'; the measures are \(LADOMeasures.all.map(\.id).joined(separator: ", "))")
            }
        }

        func run() throws {
            let allegations: [Allegation]
            allegations = try TrackerCommandSupport.reporting { try database.location.openTrackers().fetchAllegations() }
            let definition = LADOMeasures.all.first { $0.id == measure.uppercased() }!
            TrackerCommandSupport.printExplanation(definition.figure(allegations, period: options.reportingPeriod, asOf: options.date), format: format)
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove allegations whose retention has ended, leaving a disposal record for each; --dry-run lists them and removes nothing.",
            discussion: """
                Substantiated and unsubstantiated allegations are kept to the person's normal retirement age or for 10 years from \
                the allegation, whichever is longer (one without the person's date of birth is kept until it is recorded); false, \
                malicious and unfounded allegations, and referrals that did not meet the threshold, for --short-retention-months \
                after closure. Open allegations are never purged.
                """)

        @OptionGroup var database: ExistingDatabase

        @Option(help: "The day of the purge (YYYY-MM-DD): records whose retention ended before it go. Today unless given.")
        var asOf: String?

        @Flag(help: "List what would be removed; change nothing.")
        var dryRun = false

        @Option(help: "Months after closure that false, malicious and unfounded allegations are kept.")
        var shortRetentionMonths = 12

        @Option(help: "The normal retirement age used for substantiated and unsubstantiated allegations.")
        var retirementAge = 67

        func validate() throws {
            if let asOf { _ = try TrackerCommandSupport.parseDate(asOf, option: "--as-of") }
            guard shortRetentionMonths >= 0, retirementAge > 0 else { throw ValidationError("retention periods must be positive") }
        }

        func run() throws {
            let date = asOf.flatMap { LocalDate(iso: $0) } ?? TrackerCommandSupport.today
            let schedule = RetentionSchedule(normalRetirementAge: retirementAge, shortRetentionMonths: shortRetentionMonths)
            let disposals = try TrackerCommandSupport.reporting {
                try AllegationPurge.run(try database.location.openTrackers(), asOf: date, schedule: schedule, dryRun: dryRun)
            }
            printTable(
                header: ["allegation", "outcome", "closed", "retained until", "rule"],
                rows: disposals.map { [$0.allegationID.rawValue, $0.outcome?.rawValue ?? "threshold not met", $0.closedOn.isoString, $0.retainedUntil.isoString, $0.reason] })
            print(dryRun ? "Dry run: \(disposals.count) allegations would be purged; nothing was removed" : "Purged \(disposals.count) allegations; a disposal record was kept for each")
        }
    }
}
