import ArgumentParser
import Foundation
import OversightCore
import OversightStorage
import OversightTrackers

extension SENDSheet: ExpressibleByArgument {}

extension OversightCommand {
    /// SEND (issue 10, tracker 4): EHC needs assessments, annual reviews and assessment-pathway waiting lists.
    struct SEND: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: "Track EHC plan timeliness, annual reviews and waiting lists for assessment pathways.",
            discussion: "The CSV formats are described in docs/trackers-escalations-send.md.",
            subcommands: [Import.self, ImportSSD.self, Report.self, Explain.self])

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import EHC needs assessments, annual reviews or waiting-list referrals from CSV, all or nothing.",
                discussion: "A record whose ID is already stored is replaced. A file with any bad row is refused whole, naming each row.")

            @Argument(help: "The CSV file.") var file: String
            @Option(help: "assessments, annual-reviews or waiting-list.") var kind: SENDSheet
            @OptionGroup var database: TargetDatabase

            func run() throws {
                do {
                    let store = try openTrackerStore(database.location)
                    let rows = try readTrackerSheet(file, columns: kind.columns)
                    let name = displayName(file)
                    let count: Int
                    switch kind {
                    case .assessments:
                        let records = try SENDSheet.assessments(from: rows, file: name)
                        try store.saveNeedsAssessments(records)
                        count = records.count
                    case .annualReviews:
                        let records = try SENDSheet.annualReviews(from: rows, file: name)
                        try store.saveAnnualReviews(records)
                        count = records.count
                    case .waitingList:
                        let records = try SENDSheet.waitingList(from: rows, file: name)
                        try store.saveWaitingListReferrals(records)
                        count = records.count
                    }
                    print("Imported \(count) \(kind.rawValue) records from \(name).")
                } catch { throw failure(error) }
            }
        }

        struct ImportSSD: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import-ssd",
                abstract: "Import the SSD's SEND tables (ssd_send, ssd_ehcp_requests, ssd_ehcp_assessment, ssd_ehcp_active_plans, ssd_sen_need).",
                discussion: "Reads those of the tables the folder holds; ssd_send and ssd_ehcp_requests are needed.")

            @Argument(help: "The SSD extract folder.") var directory: String
            @OptionGroup var database: TargetDatabase

            static let columns: [String: [String]] = [
                "ssd_send": ["send_table_id", "send_person_id"],
                "ssd_ehcp_requests": ["ehcr_ehcp_request_id", "ehcr_send_table_id", "ehcr_ehcp_req_date", "ehcr_ehcp_req_outcome_date", "ehcr_ehcp_req_outcome"],
                "ssd_ehcp_assessment": [
                    "ehca_ehcp_assessment_id", "ehca_ehcp_request_id", "ehca_ehcp_assessment_outcome_date", "ehca_ehcp_assessment_outcome",
                    "ehca_ehcp_assessment_exceptions",
                ],
                "ssd_ehcp_active_plans": ["ehcp_active_ehcp_id", "ehcp_ehcp_request_id", "ehcp_active_ehcp_last_review_date"],
                "ssd_sen_need": ["senn_table_id", "senn_active_ehcp_id", "senn_active_ehcp_need_type", "senn_active_ehcp_need_rank"],
            ]

            func run() throws {
                do {
                    var tables: [String: [TrackerCSVRow]] = [:]
                    for table in SSDSENDTables.tables {
                        let path = (directory as NSString).appendingPathComponent(table + ".csv")
                        guard FileManager.default.fileExists(atPath: path) else {
                            if table == "ssd_send" || table == "ssd_ehcp_requests" {
                                throw CommandFailure("\(directory) has no \(table).csv; without the SSD's SEND tables use 'oversight send import FILE --kind …'")
                            }
                            continue
                        }
                        tables[table] = try readTrackerSheet(path, columns: Self.columns[table] ?? [])
                    }
                    let records = try SSDSENDTables.records(tables)
                    let store = try openTrackerStore(database.location)
                    try store.saveNeedsAssessments(records.assessments)
                    try store.saveAnnualReviews(records.annualReviews)
                    print("Imported \(records.assessments.count) EHC needs assessments and \(records.annualReviews.count) annual reviews from the SSD.")
                } catch let error as ExitCode { throw error } catch { throw failure(error) }
            }
        }

        struct Report: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "SEND-01 with the England comparator, open requests, the annual-review backlog and the waiting lists.")
            @OptionGroup var database: ExistingDatabase
            @Option(help: "A calendar year (2024, as SEN2 reports), 2024-25, 2024-Q3, 2025-03 or rolling12:2025-03-31.") var period: String
            @Option(help: "Months of waiting-list trend.") var months = 12
            @Option(help: "table, json or csv.") var format: ReportFormat = .table

            func validate() throws {
                _ = try parseTrackerPeriod(period)
                guard (1...60).contains(months) else { throw ValidationError("--months must be 1 to 60") }
            }

            func run() throws {
                let report: SENDReport
                var plans: [ImprovementPlan] = []
                do {
                    let store = try openTrackerStore(database.location)
                    report = SENDReport(
                        assessments: try store.fetchNeedsAssessments(), reviews: try store.fetchAnnualReviews(),
                        referrals: try store.fetchWaitingListReferrals(), period: try parseTrackerPeriod(period), trendMonths: months)
                    let planStore = try openPlanStore(database.location)
                    for summary in try planStore.fetchPlans() {
                        if let plan = try planStore.fetchPlan(summary.id), WrittenStatementOfAction.isLinked(plan) { plans.append(plan) }
                    }
                } catch { throw failure(error) }
                let wsoa = plans.flatMap { plan in
                    WrittenStatementOfAction.progress(of: plan, results: report.measures).map { progress in
                        [
                            "plan \(plan.id)", "\(progress.recommendation). \(progress.measure) \(progress.title)",
                            "baseline \(progress.baseline.map(numberText) ?? "–"), target \(progress.target.map(numberText) ?? "–")",
                            (progress.value.map { numberText($0) + "%" } ?? "–") + (progress.isOnTarget == true ? " (on target)" : ""),
                        ]
                    }
                }
                switch format {
                case .json: print(jsonString(report))
                case .csv:
                    print(csvLine(["section", "item", "band", "value"]))
                    for line in Self.lines(report) + wsoa { print(csvLine(line)) }
                case .table:
                    print("SEND, \(report.period) (as at \(report.asOf))\n")
                    printTable(header: ["Section", "Item", "Band", "Value"], rows: Self.lines(report) + wsoa)
                }
            }

            static func lines(_ report: SENDReport) -> [[String]] {
                var lines = report.measures.map { result in
                    var line = timelinessLine(result)
                    if let england = result.england { line[3] += " (England \(numberText(england))% in \(result.englandYear ?? 0))" }
                    return line
                }
                lines.append(["requests", "open requests", "", String(report.openRequests.count)])
                lines.append(["requests", "open past week 20", "", String(report.openRequests.filter(\.isPastWeek20).count)])
                lines.append(["annual reviews", "due in period", "", String(report.reviewsDue)])
                lines.append(["annual reviews", "held in period", "", String(report.reviewsHeld)])
                lines += report.backlogByAge.map { ["annual reviews", "backlog", $0.band, String($0.count)] }
                lines.append(["annual reviews", "backlog", "oldest (days)", report.backlog.first.map { String($0.ageDays) } ?? "–"])
                for pathway in report.pathways {
                    lines.append(["waiting list", pathway.title, "waiting", String(pathway.waiting)])
                    lines.append(["waiting list", pathway.title, "average wait of those seen (days)", pathway.averageWaitDays.map(numberText) ?? "–"])
                    lines.append(["waiting list", pathway.title, "longest wait (days)", pathway.longestWaitDays.map(String.init) ?? "–"])
                    lines += pathway.distribution.map { ["waiting list", pathway.title, "waiting " + $0.band, String($0.count)] }
                }
                return lines
            }
        }

        struct Explain: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The records behind SEND-01 to SEND-05 for a period.")
            @OptionGroup var options: TrackerExplainOptions

            func validate() throws { try options.check(SENDMeasures.all) }

            func run() throws {
                try options.explain { store, period in
                    SENDMeasures.results(
                        assessments: try store.fetchNeedsAssessments(), reviews: try store.fetchAnnualReviews(),
                        referrals: try store.fetchWaitingListReferrals(), period: period)
                }
            }
        }
    }
}
