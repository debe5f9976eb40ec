import ArgumentParser
import Foundation
import OversightCore
import OversightInterchange
import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite

extension RAG: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
}

enum PlanExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv
}

extension OversightCommand {
    /// Improvement plans (issue 7): import the plan, record progress, read it back as of any date, check the ratings.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep an improvement plan live: import it, record updates to its actions, export it, and check its RAG ratings.",
            discussion: "The JSON format is described in docs/improvement-plans.md.",
            subcommands: [Import.self, List.self, Export.self, Update.self, History.self, Check.self])

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import an improvement plan from JSON (the format of post-ofsted-action-plan-2022.json).",
                discussion: "Any updates in the file are imported with the plan. A plan whose ID is already stored is refused.")

            @Argument(help: "The plan's JSON file.") var file: String
            @Option(help: "The plan's ID; the file's \"id\", else its name without .json.") var id: String?
            @OptionGroup var database: TargetDatabase

            func run() throws {
                let contents: PlanDocument.Contents
                do { contents = try PlanDocument.read(path: file, id: id) } catch { throw failure(error) }
                var plan = contents.plan
                if let id { plan.id = Identifier(id) }
                do { try openPlanStore(database.location).savePlan(plan, updates: contents.updates) } catch { throw failure(error) }
                let actions = plan.actions.count
                print(
                    "Imported plan \(plan.id): \(plan.recommendations.count) recommendation\(plan.recommendations.count == 1 ? "" : "s"), "
                        + "\(actions) action\(actions == 1 ? "" : "s"), \(contents.updates.count) update\(contents.updates.count == 1 ? "" : "s").")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the stored improvement plans.")
            @OptionGroup var database: PlanDatabase

            func run() throws {
                let plans: [PlanSummary]
                do { plans = try openPlanStore(database.location).fetchPlans() } catch { throw failure(error) }
                printTable(
                    header: ["ID", "Title", "Submitted", "Recommendations", "Actions", "Updates"],
                    rows: plans.map {
                        [
                            $0.id.rawValue, $0.title, $0.submitBy?.isoString ?? "", String($0.recommendationCount), String($0.actionCount),
                            String($0.updateCount),
                        ]
                    })
            }
        }

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Export a plan as JSON (with every update, importable again) or CSV (each action's latest update).")
            @OptionGroup var database: PlanDatabase
            @Option(help: "The plan's ID; may be left out while only one plan is stored.") var plan: String?
            @Option(help: "json or csv.") var format: PlanExportFormat = .json
            @Option(name: .customLong("as-of"), help: "CSV: the latest update on or before this date (YYYY-MM-DD).") var asOf: String?
            @Option(help: "Write to this file instead of standard output.") var out: String?

            func validate() throws { _ = try parseDate(asOf, option: "--as-of") }

            func run() throws {
                let text: String
                do {
                    let store = try openPlanStore(database.location)
                    let chosen = try resolvePlan(plan, in: store)
                    let contents = PlanDocument.Contents(plan: chosen, updates: try store.fetchUpdates(plan: chosen.id, asOf: nil))
                    switch format {
                    case .json: text = String(decoding: PlanDocument.encode(contents), as: UTF8.self) + "\n"
                    case .csv:
                        let rows = PlanDocument.csvRows(contents, asOf: try parseDate(asOf, option: "--as-of"))
                        text = ([PlanDocument.csvHeader] + rows).map(csvLine).joined(separator: "\n") + "\n"
                    }
                } catch { throw failure(error) }
                guard let out else {
                    print(text, terminator: "")
                    return
                }
                guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                    throw failure(CommandFailure("\(out): cannot be written"))
                }
                Terminal.write("Wrote \(out)\n")
            }
        }

        struct Update: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record an update to an action: the three progress fields, the RAG rating, who, and evidence.",
                discussion: "Updates are appended, never overwritten; a correction is a newer update.")
            @Argument(help: "The action's ref, e.g. 1.1.") var ref: String
            @OptionGroup var database: PlanDatabase
            @Option(help: "The plan's ID; may be left out while only one plan is stored.") var plan: String?
            @Option(help: "Action status.") var status: String
            @Option(help: "Impact against outcomes set.") var impact: String
            @Option(help: "What more needs to be done.") var more: String
            @Option(help: "R (Red), A (Amber), G (Green) or B (Blue).") var rag: RAG
            @Option(help: "Who is making the update.") var by: String
            @Option(help: "A link to evidence (repeatable).") var evidence: [String] = []
            @Option(help: "When the update was made (ISO 8601); now unless given, for recording past updates.") var at: String?

            func validate() throws {
                if by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by: name who is making the update") }
                if let at, LocalDate(iso: at.prefix(10)) == nil { throw ValidationError("--at: '\(at)' does not begin with a date (YYYY-MM-DD)") }
            }

            func run() throws {
                do {
                    let store = try openPlanStore(database.location)
                    let chosen = try resolvePlan(plan, in: store)
                    let update = ActionUpdate(
                        ref: ref, status: status, impact: impact, more: more, rag: rag, by: by, at: at ?? isoTimestamp(), evidence: evidence)
                    try store.appendUpdate(update, to: chosen.id)
                    print("Recorded \(rag.name) for \(ref) in plan \(chosen.id) by \(by) at \(update.at).")
                } catch { throw failure(error) }
            }
        }

        struct History: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show an action's updates, oldest first, as they stood on a date.")
            @Argument(help: "The action's ref, e.g. 1.1.") var ref: String
            @OptionGroup var database: PlanDatabase
            @Option(help: "The plan's ID; may be left out while only one plan is stored.") var plan: String?
            @Option(name: .customLong("as-of"), help: "Only updates made on or before this date (YYYY-MM-DD).") var asOf: String?

            func validate() throws { _ = try parseDate(asOf, option: "--as-of") }

            func run() throws {
                do {
                    let store = try openPlanStore(database.location)
                    let chosen = try resolvePlan(plan, in: store)
                    guard let action = chosen.action(ref) else { throw StorageError.unknownAction(plan: chosen.id.rawValue, ref: ref) }
                    let date = try parseDate(asOf, option: "--as-of")
                    let updates = PlanHistory.history(of: ref, in: try store.fetchUpdates(plan: chosen.id, asOf: date), asOf: date)
                    print("\(action.ref) \(action.text)")
                    print("Lead: \(action.accountableLead); deadline: \(action.deadline)")
                    if updates.isEmpty { print("No updates\(date.map { " on or before \($0)" } ?? "").") }
                    // The plan's own names for the three fields, when it gives three.
                    let names = chosen.progressFields.count == 3 ? chosen.progressFields : ActionUpdate.standardFieldNames
                    for update in updates {
                        print("\n\(update.at)  \(update.rag.name)  by \(update.by)")
                        print("  \(names[0]): \(update.status)")
                        print("  \(names[1]): \(update.impact)")
                        print("  \(names[2]): \(update.more)")
                        for link in update.evidence { print("  Evidence: \(link)") }
                    }
                } catch { throw failure(error) }
            }
        }

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Suggest RAG ratings: actions past their deadline and not Blue (suggest Red), and actions not updated within the board cycle.",
                discussion: "Checks every stored plan unless --plan is given. The ratings stay a human judgement; these are flags with their reasons.")
            @OptionGroup var database: PlanDatabase
            @Option(help: "Only this plan.") var plan: String?
            @Option(name: .customLong("as-of"), help: "Check as of this date (YYYY-MM-DD); today unless given.") var asOf: String?
            @Option(name: .customLong("cycle-days"), help: "The board cycle in days; the plan's own (61 days for two months) unless given.")
            var cycleDays: Int?

            func validate() throws {
                _ = try parseDate(asOf, option: "--as-of")
                if let cycleDays, cycleDays < 1 { throw ValidationError("--cycle-days must be at least 1") }
            }

            func run() throws {
                do {
                    let store = try openPlanStore(database.location)
                    let date = try parseDate(asOf, option: "--as-of") ?? LocalDate(iso: isoTimestamp().prefix(10))!
                    let plans = try plan.map { [try resolvePlan($0, in: store)] } ?? store.fetchPlans().compactMap { try store.fetchPlan($0.id) }
                    if plans.isEmpty { throw CommandFailure("no improvement plans are stored; import one with 'oversight plan import FILE.json'") }
                    var rows: [[String]] = []
                    for plan in plans {
                        let updates = try store.fetchUpdates(plan: plan.id, asOf: date)
                        for flag in RAGCheck.flags(for: plan, updates: updates, on: date, cycleDays: cycleDays) {
                            rows.append([
                                plan.id.rawValue, flag.ref, flag.kind.rawValue, flag.current?.name ?? "-", flag.suggested?.name ?? "-", flag.reason,
                            ])
                        }
                    }
                    if rows.isEmpty {
                        print("No flags as of \(date).")
                    } else {
                        printTable(header: ["Plan", "Ref", "Flag", "Rated", "Suggested", "Reason"], rows: rows)
                    }
                } catch { throw failure(error) }
            }
        }
    }
}

/// `--db` for plan commands that read an existing database; a missing SQLite file is named with the way to make one.
struct PlanDatabase: ParsableArguments {
    @Option(help: "The database: a SQLite file path, sqlite:PATH, or postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME].")
    var db: String

    /// Where the database is; `validate()` has already read `db`.
    var location: StoreLocation { (try? StoreLocation(parsing: db)) ?? .sqlite(path: db) }

    func validate() throws {
        let location = try StoreLocation(parsing: db)
        if case .sqlite(let path) = location, !location.isPresent {
            throw ValidationError("\(db) does not exist; import a plan first with 'oversight plan import FILE.json --db \(path)'")
        }
    }
}

/// Opens the store at `location` for its improvement plans.
func openPlanStore(_ location: StoreLocation) throws(StorageError) -> any PlanStore {
    switch location {
    case .sqlite(let path): try SQLiteCaseRecordStore(path: path)
    case .postgres(let url, let schema): try PostgresCaseRecordStore(url: url, schema: schema)
    }
}

/// The plan named by `--plan`, or the only plan when it is left out.
func resolvePlan(_ id: String?, in store: any PlanStore) throws -> ImprovementPlan {
    if let id {
        guard let plan = try store.fetchPlan(Identifier(id)) else { throw StorageError.unknownPlan(id) }
        return plan
    }
    let plans = try store.fetchPlans()
    switch plans.count {
    case 0: throw CommandFailure("no improvement plans are stored; import one with 'oversight plan import FILE.json'")
    case 1:
        guard let plan = try store.fetchPlan(plans[0].id) else { throw StorageError.unknownPlan(plans[0].id.rawValue) }
        return plan
    default:
        throw CommandFailure("\(plans.count) plans are stored; choose one with --plan (\(plans.map(\.id.rawValue).joined(separator: ", ")))")
    }
}

/// A `YYYY-MM-DD` option value, or `nil` when the option was not given.
func parseDate(_ text: String?, option: String) throws(ValidationError) -> LocalDate? {
    guard let text else { return nil }
    guard let date = LocalDate(iso: text) else { throw ValidationError("\(option): '\(text)' is not a date (YYYY-MM-DD)") }
    return date
}
