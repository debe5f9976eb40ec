import ArgumentParser
import Foundation
import OversightCore
import OversightImprovement
import OversightMeasures
import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite

extension Grade: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension PracticeArea: ExpressibleByArgument {}
extension Stratification: ExpressibleByArgument {}
extension CaseActionStatus: ExpressibleByArgument {}

enum QualityReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, html
}

/// Everything `oversight audit` needs of a database: case records for cohorts, users and restrictions for allocation,
/// the audit tables, and the improvement plan for themes.
typealias QualityStore = CaseRecordStore & AccessStore & AuditStore & LearningStore

func openQualityStore(_ location: StoreLocation) throws(StorageError) -> any QualityStore {
    switch location {
    case .sqlite(let path): try SQLiteCaseRecordStore(path: path)
    case .postgres(let url, let schema): try PostgresCaseRecordStore(url: url, schema: schema)
    }
}

/// The board pack with its QA section, when the database holds any audit.
func withQualitySection(_ pack: BoardPack, store: any CaseRecordStore, asOf: LocalDate, engine: MeasureEngine?) throws -> BoardPack {
    guard let quality = store as? any AuditStore & LearningStore else { return pack }
    let audits = try quality.fetchAudits(sample: nil)
    guard !audits.isEmpty else { return pack }
    let report = QualityReport(
        period: ReportingPeriod.yearToLastCompleteMonth(asOf: asOf), asOf: asOf, audits: audits, themes: try quality.fetchThemes(),
        caseActions: try quality.fetchCaseActions(), spotChecks: try quality.fetchSpotChecks(), engine: engine)
    return pack.with(quality: report)
}

/// The audit with this ID, its history included.
/// - Throws: `AuditStoreError.unknownAudit`.
private func storedAudit(_ id: String, in store: any AuditStore) throws -> Audit {
    guard let audit = try store.fetchAudits(sample: nil).first(where: { $0.id.rawValue == id }) else { throw AuditStoreError.unknownAudit(id) }
    return audit
}

/// Today, from the clock, for commands that default to it.
private func today() -> LocalDate { LocalDate(iso: isoTimestamp().prefix(10))! }

/// Splits `a,b, c` into its trimmed, non-empty parts.
private func list(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

extension OversightCommand {
    /// QA audits (issue 8): draw samples from the data, record and moderate audits, track case actions and learning
    /// themes, schedule spot checks, and report.
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Quality assurance: graded case audits, dip samples drawn from the measures, moderation, and learning actions.",
            discussion: "See docs/quality-assurance.md.",
            subcommands: [
                Templates.self, Sample.self, List.self, Record.self, ModerationSample.self, Moderate.self, CaseActions.self, Themes.self, Filters.self, SpotChecks.self,
                Report.self,
            ])

        struct Templates: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "template", abstract: "The shipped audit templates.", subcommands: [ListTemplates.self, Show.self])

            struct ListTemplates: ParsableCommand {
                static let configuration = CommandConfiguration(commandName: "list", abstract: "List the audit templates and their versions.")
                func run() {
                    printTable(
                        header: ["Template", "Version", "Kind", "Questions", "Practice areas"],
                        rows: AuditTemplates.shipped.map {
                            [$0.id, String($0.version), $0.kind.rawValue, String($0.questions.count), $0.practiceAreas.map(\.rawValue).joined(separator: ", ")]
                        })
                }
            }

            struct Show: ParsableCommand {
                static let configuration = CommandConfiguration(abstract: "Show a template's questions.")
                @Argument(help: "The template's ID.") var id: String
                @Option(help: "The version; the latest unless given.") var version: Int?
                func run() throws {
                    guard let template = AuditTemplates.template(id, version: version) else {
                        throw failure(CommandFailure("no audit template '\(id)'\(version.map { " version \($0)" } ?? ""); 'oversight audit template list' shows them"))
                    }
                    print("\(template.title) (\(template.reference))\n\(template.purpose)\n")
                    for question in template.questions { print("\(question.id)  [\(question.practiceArea.rawValue)]  \(question.text)") }
                }
            }
        }

        struct Sample: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Draw a sample of children for audit from a cohort, and allocate each to an auditor with a due date.",
                discussion: """
                    --from takes measure:ID[:numerator|denominator|outside-numerator] (a measure's child list for --period), \
                    filter:NAME (a saved filter, or the built-in placed-with-parents and 16-17-referred), team:ID-OR-NAME or \
                    worker:ID-OR-NAME. The same cohort, size, method and seed always give the same children.
                    """)
            @OptionGroup var database: PlanDatabase
            @Option(help: "Where the children come from (see above).") var from: String
            @Option(help: "The period a measure list or referral filter covers (2025-26, 2025-Q3, 2025-07, rolling12:2025-06-30).") var period: String
            @Option(help: "How many children to sample.") var size: Int
            @Option(help: "Stratify by team, age-band or legal-context; random when left out.") var stratify: Stratification?
            @Option(help: "The random seed (recorded with the sample); chosen from the clock and printed when left out.") var seed: UInt64?
            @Option(help: "The audit template's ID (oversight audit template list).") var template: String = "case-file-audit"
            @Option(help: "Usernames of the auditors, comma-separated; children are shared between them in turn.") var auditors: String
            @Option(help: "The audits' due date (YYYY-MM-DD); 28 days after --on unless given.") var due: String?
            @Option(help: "The sample's ID; the template and date unless given.") var id: String?
            @Option(help: "The sample's title.") var title: String?
            @Option(help: "Who is drawing the sample.") var by: String
            @Option(help: "The day the cohort is taken (holders, ages, legal status); the period's end unless given.") var on: String?

            func validate() throws {
                if size < 1 { throw ValidationError("--size must be at least 1") }
                do { _ = try ReportingPeriod.parse(period) } catch { throw ValidationError(error.description) }
                _ = try parseDate(due, option: "--due")
                _ = try parseDate(on, option: "--on")
                if list(auditors).isEmpty { throw ValidationError("--auditors: name at least one auditor") }
                if AuditTemplates.template(template) == nil { throw ValidationError("--template: no audit template '\(template)'") }
            }

            func run() throws {
                do {
                    let store = try openQualityStore(database.location)
                    let period = try ReportingPeriod.parse(self.period)
                    let day = try parseDate(on, option: "--on") ?? period.end
                    let source = try cohortSource(store)
                    let template = AuditTemplates.template(self.template)!
                    var users: [UserAccount] = []
                    for name in list(auditors) {
                        guard let user = try store.user(named: name) else { throw CommandFailure("--auditors: no user '\(name)'; add one with 'oversight user add'") }
                        users.append(user)
                    }
                    let engine = try loadEngine(store)
                    let cohort = try source.members(engine: engine, period: period, on: day)
                    if cohort.isEmpty { throw CommandFailure("the cohort \(source) holds no children for \(period)") }
                    let seed = self.seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
                    let method: SampleMethod = stratify.map { .stratified(by: $0) } ?? .random
                    let draws = AuditSampler(size: size, method: method, seed: seed).draw(from: cohort)
                    let sampleID = id ?? "\(template.id)-\(day.isoString)"
                    let allocated = AuditAllocator(auditors: users, restrictions: try store.restrictions())
                        .allocate(draws, sampleID: sampleID, dueBy: try parseDate(due, option: "--due") ?? day.adding(days: 28))
                    let sample = AuditSample(
                        id: Identifier(sampleID), title: title ?? "\(template.title): \(source)", templateID: template.id, templateVersion: template.version,
                        cohort: "\(source) \(period)", method: method, seed: seed, populationSize: cohort.count, drawnOn: day, drawnBy: by,
                        audits: allocated.allocations)
                    try store.saveSample(sample)
                    // The web app's record scope: an auditor may open the children in their audits, and only those.
                    for audit in sample.audits { try store.assignAudit(childID: audit.childID.rawValue, to: audit.auditor) }
                    print("Drew \(sample.audits.count) of \(cohort.count) children (\(method), seed \(seed)) into sample \(sampleID).")
                    printTable(
                        header: ["Audit", "Child", "Team", "Worker", "Stratum", "Auditor", "Due"],
                        rows: sample.audits.map {
                            [$0.id.rawValue, $0.childID.rawValue, $0.teamID ?? "", $0.workerID ?? "", $0.stratum ?? "", $0.auditor, $0.dueBy.isoString]
                        })
                    for refusal in allocated.refused { print("Not allocated: child \(refusal.childID): \(refusal.reason)") }
                } catch { throw failure(error) }
            }

            private func cohortSource(_ store: any QualityStore) throws -> CohortSource {
                let parts = from.split(separator: ":", maxSplits: 2).map(String.init)
                switch (parts.first, parts.count) {
                case ("measure", 2), ("measure", 3):
                    let list = parts.count == 3 ? CohortSource.MeasureList(rawValue: parts[2]) : .numerator
                    guard let list else { throw ValidationError("--from: '\(parts[2])' is not numerator, denominator or outside-numerator") }
                    return .measure(id: parts[1], list: list)
                case ("filter", 2):
                    let saved = try store.fetchFilters() + [SavedFilter.placedWithParents, SavedFilter.sixteenSeventeenReferred]
                    guard let filter = saved.first(where: { $0.name == parts[1] }) else {
                        throw CommandFailure("--from: no saved filter '\(parts[1])'; 'oversight audit filter list' shows them")
                    }
                    return .filter(filter)
                case ("team", 2): return .team(parts[1])
                case ("worker", 2): return .worker(parts[1])
                default: throw ValidationError("--from: '\(from)' is not measure:ID[:LIST], filter:NAME, team:T or worker:W")
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List audits with their state: everyone's, or only those an auditor may see (--as).")
            @OptionGroup var database: PlanDatabase
            @Option(help: "Only this sample.") var sample: String?
            @Option(name: .customLong("as"), help: "Show what this user may see (an auditor sees only the audits assigned to them).") var user: String?

            func run() throws {
                do {
                    let store = try openQualityStore(database.location)
                    var audits = try store.fetchAudits(sample: sample.map { Identifier($0) })
                    if let user {
                        guard let account = try store.user(named: user) else { throw CommandFailure("--as: no user '\(user)'") }
                        audits = AuditAccess.visible(audits, to: account)
                    }
                    let day = today()
                    printTable(
                        header: ["Audit", "Child", "Auditor", "Due", "State", "Grade", "Moderated"],
                        rows: audits.map { audit in
                            let state = audit.isCompleted ? "recorded" : audit.isOverdue(on: day) ? "overdue" : "open"
                            let moderated = audit.moderationAgreed.map { $0 ? "agreed" : "changed" } ?? ""
                            return [
                                audit.id.rawValue, audit.allocation.childID.rawValue, audit.allocation.auditor, audit.allocation.dueBy.isoString, state,
                                audit.grade?.title ?? "", moderated,
                            ]
                        })
                } catch { throw failure(error) }
            }
        }

        struct Record: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record an audit: answers with grades and evidence, the overall grade, who took part, feedback and findings.",
                discussion: """
                    --answer QUESTION=GRADE:EVIDENCE, e.g. --answer "UH1=RI:The 2021 assessment is not referred to" (grades: \
                    outstanding/O, good/G, requires-improvement/RI, inadequate/I, or n/a). --finding "THEME[,THEME]: text". \
                    A later record of the same audit is appended; the latest stands and earlier ones stay as its history.
                    """)
            @Argument(help: "The audit's ID.") var audit: String
            @OptionGroup var database: PlanDatabase
            @Option(help: "The overall grade.") var grade: Grade
            @Option(help: "An answer (repeatable).") var answer: [String] = []
            @Option(help: "A finding with its learning themes (repeatable).") var finding: [String] = []
            @Flag(help: "The allocated social worker took part.") var workerTookPart = false
            @Flag(help: "The team manager took part.") var managerTookPart = false
            @Option(help: "The feedback given to the worker and manager.") var feedback: String?
            @Option(help: "When the feedback was given (YYYY-MM-DD).") var feedbackOn: String?
            @Option(help: "The auditor (their username).") var by: String
            @Option(help: "When (ISO 8601); now unless given.") var at: String?

            func validate() throws {
                _ = try parseDate(feedbackOn, option: "--feedback-on")
                if let at, LocalDate(iso: at.prefix(10)) == nil { throw ValidationError("--at: '\(at)' does not begin with a date (YYYY-MM-DD)") }
            }

            func run() throws {
                do {
                    let store = try openQualityStore(database.location)
                    let stored = try storedAudit(audit, in: store)
                    guard let template = AuditTemplates.template(stored.templateID, version: stored.templateVersion) else {
                        throw CommandFailure("audit \(audit) uses template \(stored.templateID)@\(stored.templateVersion), which this version of Oversight lacks")
                    }
                    let answers = try answer.map { try parseAnswer($0, template: template) }
                    let findings = finding.map { text -> AuditFinding in
                        guard let colon = text.firstIndex(of: ":") else { return AuditFinding(text: text) }
                        return AuditFinding(text: text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces), themes: list(String(text[..<colon])))
                    }
                    let record = AuditRecord(
                        auditID: stored.id, answers: answers, overallGrade: grade,
                        collaboration: Collaboration(
                            workerTookPart: workerTookPart, managerTookPart: managerTookPart, feedback: feedback,
                            feedbackGivenOn: try parseDate(feedbackOn, option: "--feedback-on")),
                        findings: findings, recordedBy: by, recordedAt: at ?? isoTimestamp())
                    try store.appendRecord(record)
                    let unanswered = template.questions.count - answers.count
                    print("Recorded audit \(audit): \(grade.title), \(answers.count) answer\(answers.count == 1 ? "" : "s")"
                        + (unanswered > 0 ? " (\(unanswered) of the template's questions not answered)" : "") + ".")
                } catch { throw failure(error) }
            }

            private func parseAnswer(_ text: String, template: AuditTemplate) throws -> AuditAnswer {
                guard let equals = text.firstIndex(of: "=") else { throw ValidationError("--answer '\(text)': expected QUESTION=GRADE:EVIDENCE") }
                let question = String(text[..<equals])
                guard template.question(question) != nil else {
                    throw ValidationError("--answer '\(text)': \(template.reference) has no question \(question)")
                }
                let rest = text[text.index(after: equals)...]
                let gradeText = rest.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
                let evidence = rest.firstIndex(of: ":").map { rest[rest.index(after: $0)...].trimmingCharacters(in: .whitespaces) } ?? ""
                if gradeText.lowercased() == "n/a" { return AuditAnswer(questionID: question, grade: nil, evidence: evidence) }
                guard let grade = Grade(parsing: gradeText) else { throw ValidationError("--answer '\(text)': '\(gradeText)' is not a grade") }
                return AuditAnswer(questionID: question, grade: grade, evidence: evidence)
            }
        }

        struct ModerationSample: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "moderation-sample",
                abstract: "Choose a share of the recorded, unmoderated audits for a second auditor to moderate, reproducibly from a seed.")
            @OptionGroup var database: PlanDatabase
            @Option(help: "Only this sample's audits.") var sample: String?
            @Option(help: "The share to moderate, in percent.") var share: Double = 10
            @Option(help: "The random seed; chosen from the clock and printed when left out.") var seed: UInt64?
            @Option(help: "Usernames of the moderators, comma-separated; an audit never goes to its own auditor.") var moderators: String

            func validate() throws {
                if !(share > 0 && share <= 100) { throw ValidationError("--share must be more than 0 and at most 100") }
                if list(moderators).isEmpty { throw ValidationError("--moderators: name at least one moderator") }
            }

            func run() throws {
                do {
                    let store = try openQualityStore(database.location)
                    let seed = self.seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
                    let picks = ModerationSampler(share: share, seed: seed)
                        .pick(try store.fetchAudits(sample: sample.map { Identifier($0) }), moderators: list(moderators))
                    print("\(picks.count) audit\(picks.count == 1 ? "" : "s") to moderate (\(share)%, seed \(seed)).")
                    printTable(
                        header: ["Audit", "Auditor", "Moderator"],
                        rows: picks.map { [$0.auditID.rawValue, $0.auditor, $0.moderator ?? "none: every moderator named is its auditor"] })
                } catch { throw failure(error) }
            }
        }

        struct Moderate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Moderate a recorded audit: confirm its grade or change it, with a reason. The original grade is kept.")
            @Argument(help: "The audit's ID.") var audit: String
            @OptionGroup var database: PlanDatabase
            @Option(help: "The grade after moderation (the recorded grade to agree).") var grade: Grade
            @Option(help: "Why; required when the grade changes.") var reason: String = ""
            @Option(help: "The moderator (a second auditor).") var by: String
            @Option(help: "When (ISO 8601); now unless given.") var at: String?

            func run() throws {
                do {
                    let store = try openQualityStore(database.location)
                    let stored = try storedAudit(audit, in: store)
                    guard let before = stored.grade else { throw AuditStoreError.notYetRecorded(audit: audit) }
                    if before != grade && reason.trimmingCharacters(in: .whitespaces).isEmpty {
                        throw CommandFailure("--reason: changing \(audit) from \(before.title) to \(grade.title) needs a reason")
                    }
                    try store.appendModeration(Moderation(
                        auditID: stored.id, moderator: by, gradeBefore: before, gradeAfter: grade, reason: reason, at: at ?? isoTimestamp()))
                    print(before == grade ? "Moderated \(audit): \(grade.title) agreed." : "Moderated \(audit): \(before.title) changed to \(grade.title).")
                } catch { throw failure(error) }
            }
        }

        struct CaseActions: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "action", abstract: "Case actions from audit findings, tracked to completion.",
                subcommands: [Raise.self, Update.self, ListActions.self])

            struct Raise: ParsableCommand {
                static let configuration = CommandConfiguration(abstract: "Raise a case action from an audit's finding.")
                @Argument(help: "The audit's ID.") var audit: String
                @OptionGroup var database: PlanDatabase
                @Option(help: "What must be done on the child's case.") var finding: String
                @Option(help: "Who must do it.") var owner: String
                @Option(help: "By when (YYYY-MM-DD).") var due: String
                @Option(help: "Who raises it.") var by: String
                @Option(help: "The action's ID; the audit's ID and a number unless given.") var id: String?

                func validate() throws { _ = try parseDate(due, option: "--due") }

                func run() throws {
                    do {
                        let store = try openQualityStore(database.location)
                        let stored = try storedAudit(audit, in: store)
                        let existing = try store.fetchCaseActions().filter { $0.action.auditID == stored.id }.count
                        let action = CaseAction(
                            id: Identifier(id ?? "\(audit)-A\(existing + 1)"), auditID: stored.id, childID: stored.allocation.childID, finding: finding,
                            owner: owner, dueBy: try parseDate(due, option: "--due")!, raisedBy: by, raisedOn: today())
                        try store.raiseCaseAction(action)
                        print("Raised case action \(action.id) for child \(action.childID), owner \(owner), due \(action.dueBy).")
                    } catch { throw failure(error) }
                }
            }

            struct Update: ParsableCommand {
                static let configuration = CommandConfiguration(abstract: "Move a case action on: in-progress, completed, withdrawn, or open again.")
                @Argument(help: "The case action's ID.") var id: String
                @OptionGroup var database: PlanDatabase
                @Option(help: "open, in-progress, completed or withdrawn.") var status: CaseActionStatus
                @Option(help: "What was done, or why it was withdrawn.") var note: String = ""
                @Option(help: "Who.") var by: String
                @Option(help: "When (ISO 8601); now unless given.") var at: String?

                func run() throws {
                    do {
                        let store = try openQualityStore(database.location)
                        try store.appendCaseActionEvent(
                            CaseActionEvent(actionID: Identifier(id), status: status, note: note, by: by, at: at ?? isoTimestamp()))
                        print("Case action \(id) is now \(status.rawValue).")
                    } catch { throw failure(error) }
                }
            }

            struct ListActions: ParsableCommand {
                static let configuration = CommandConfiguration(commandName: "list", abstract: "List case actions with their status.")
                @OptionGroup var database: PlanDatabase
                @Option(name: .customLong("as-of"), help: "Status as of this date (YYYY-MM-DD); today unless given.") var asOf: String?

                func run() throws {
                    do {
                        let store = try openQualityStore(database.location)
                        let day = try parseDate(asOf, option: "--as-of") ?? today()
                        printTable(
                            header: ["Action", "Audit", "Child", "Owner", "Due", "Status", "Finding"],
                            rows: try store.fetchCaseActions().map {
                                [
                                    $0.action.id.rawValue, $0.action.auditID.rawValue, $0.action.childID.rawValue, $0.action.owner,
                                    $0.action.dueBy.isoString, $0.status(asOf: day).rawValue + ($0.isOverdue(on: day) ? " (overdue)" : ""), $0.action.finding,
                                ]
                            })
                    } catch { throw failure(error) }
                }
            }
        }

        struct Themes: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "theme", abstract: "Learning themes: name them, count them, and tie them to the improvement plan.",
                subcommands: [Add.self, Link.self, ListThemes.self])

            struct Add: ParsableCommand {
                static let configuration = CommandConfiguration(abstract: "Add (or rename) a learning theme that findings can name.")
                @Argument(help: "The theme's ID, as findings name it (history-not-used).") var id: String
                @OptionGroup var database: PlanDatabase
                @Option(help: "The theme's title.") var title: String
                @Option(help: "The practice area it belongs to.") var area: PracticeArea?

                func run() throws {
                    do {
                        try openQualityStore(database.location).saveTheme(LearningTheme(id: id, title: title, practiceArea: area))
                        print("Saved learning theme \(id).")
                    } catch { throw failure(error) }
                }
            }

            struct Link: ParsableCommand {
                static let configuration = CommandConfiguration(
                    abstract: "Link a theme to an improvement plan action (--action), or raise a new action for it (--recommendation).")
                @Argument(help: "The theme's ID.") var id: String
                @OptionGroup var database: PlanDatabase
                @Option(help: "The plan's ID.") var plan: String
                @Option(help: "An existing action's ref (2.3).") var action: String?
                @Option(help: "Raise a new action under this recommendation's number.") var recommendation: Int?
                @Option(help: "The new action's text.") var text: String?
                @Option(help: "The new action's accountable lead.") var lead: String?
                @Option(help: "The new action's deadline (YYYY-MM-DD or words).") var deadline: String?

                func validate() throws {
                    if (action == nil) == (recommendation == nil) { throw ValidationError("give --action to link, or --recommendation to raise a new action") }
                    if recommendation != nil && (text == nil || lead == nil || deadline == nil) {
                        throw ValidationError("raising an action needs --text, --lead and --deadline")
                    }
                }

                func run() throws {
                    do {
                        let store = try openQualityStore(database.location)
                        let target: ThemeLinkTarget =
                            if let action { .existing(PlanActionReference(planID: Identifier(plan), ref: action)) } else {
                                .raise(plan: Identifier(plan), recommendation: recommendation!, text: text!, lead: lead!, deadline: Deadline(deadline!))
                            }
                        let linked = try store.linkTheme(id, to: target)
                        print(action == nil ? "Raised action \(linked.ref) in plan \(plan) for theme \(id)." : "Linked theme \(id) to \(linked).")
                    } catch { throw failure(error) }
                }
            }

            struct ListThemes: ParsableCommand {
                static let configuration = CommandConfiguration(commandName: "list", abstract: "Themes with how many audits found them.")
                @OptionGroup var database: PlanDatabase

                func run() throws {
                    do {
                        let store = try openQualityStore(database.location)
                        let counts = Dictionary(ThemeCount.count(try store.fetchAudits(sample: nil)).map { ($0.theme, $0.audits) }, uniquingKeysWith: +)
                        printTable(
                            header: ["Theme", "Title", "Area", "Audits", "Plan action"],
                            rows: try store.fetchThemes().map {
                                [$0.id, $0.title, $0.practiceArea?.rawValue ?? "", String(counts[$0.id] ?? 0), $0.planAction?.description ?? ""]
                            })
                    } catch { throw failure(error) }
                }
            }
        }

        struct Filters: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "filter", abstract: "Saved cohort filters for dip samples.", subcommands: [Save.self, ListFilters.self])

            struct Save: ParsableCommand {
                static let configuration = CommandConfiguration(abstract: "Save a cohort filter under a name (replacing one of the same name).")
                @Argument(help: "The filter's name.") var name: String
                @OptionGroup var database: PlanDatabase
                @Option(help: "What the cohort is, in words.") var description: String
                @Option(help: "Youngest age on the day.") var minAge: Int?
                @Option(help: "Oldest age on the day.") var maxAge: Int?
                @Flag(help: "Only children referred in the period.") var referred = false
                @Flag(help: "Only children looked after on the day.") var lookedAfter = false
                @Flag(help: "Only children on a child protection plan on the day.") var onPlan = false
                @Option(help: "Legal statuses, comma-separated (C1,C2).") var legalStatus: String?
                @Option(help: "Placement types, comma-separated (P1).") var placement: String?

                func run() throws {
                    do {
                        var statuses: [LegalStatus] = []
                        for code in list(legalStatus) {
                            guard let status = LegalStatus(code: code) else { throw ValidationError("--legal-status: '\(code)' is not a legal status") }
                            statuses.append(status)
                        }
                        var types: [PlacementType] = []
                        for code in list(placement) {
                            guard let type = PlacementType(code: code) else { throw ValidationError("--placement: '\(code)' is not a placement type") }
                            types.append(type)
                        }
                        let filter = SavedFilter(
                            name: name, description: description, minimumAge: minAge, maximumAge: maxAge, referredInPeriod: referred ? true : nil,
                            lookedAfter: lookedAfter ? true : nil, onProtectionPlan: onPlan ? true : nil, legalStatuses: statuses.isEmpty ? nil : statuses,
                            placementTypes: types.isEmpty ? nil : types)
                        try openQualityStore(database.location).saveFilter(filter)
                        print("Saved filter \(name).")
                    } catch let error as ValidationError {
                        throw error
                    } catch { throw failure(error) }
                }
            }

            struct ListFilters: ParsableCommand {
                static let configuration = CommandConfiguration(commandName: "list", abstract: "The saved filters and the built-in ones.")
                @OptionGroup var database: PlanDatabase

                func run() throws {
                    do {
                        let saved = try openQualityStore(database.location).fetchFilters()
                        printTable(
                            header: ["Filter", "Description"],
                            rows: (saved + [SavedFilter.placedWithParents, SavedFilter.sixteenSeventeenReferred]).map { [$0.name, $0.description] })
                    } catch { throw failure(error) }
                }
            }
        }

        struct SpotChecks: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "spot-check", abstract: "Unannounced spot checks on a schedule (six-monthly, seed 001).",
                subcommands: [Schedule.self, Done.self])

            struct Schedule: ParsableCommand {
                static let configuration = CommandConfiguration(abstract: "Add or change a spot-check schedule.")
                @Argument(help: "The schedule's ID.") var id: String
                @OptionGroup var database: PlanDatabase
                @Option(help: "What is checked.") var title: String
                @Option(help: "The cohort (a saved filter's name, or words).") var cohort: String
                @Option(help: "How often, in months.") var everyMonths: Int = 6
                @Option(help: "When the first check is due (YYYY-MM-DD).") var firstDue: String

                func validate() throws {
                    if everyMonths < 1 { throw ValidationError("--every-months must be at least 1") }
                    _ = try parseDate(firstDue, option: "--first-due")
                }

                func run() throws {
                    do {
                        let schedule = SpotCheckSchedule(
                            id: id, title: title, cohort: cohort, everyMonths: everyMonths, firstDue: try parseDate(firstDue, option: "--first-due")!)
                        try openQualityStore(database.location).saveSpotCheck(schedule)
                        print("Scheduled \(id): every \(everyMonths) months, next due \(schedule.nextDue).")
                    } catch { throw failure(error) }
                }
            }

            struct Done: ParsableCommand {
                static let configuration = CommandConfiguration(abstract: "Record that a spot check was done.")
                @Argument(help: "The schedule's ID.") var id: String
                @OptionGroup var database: PlanDatabase
                @Option(help: "The day it was done (YYYY-MM-DD); today unless given.") var on: String?

                func validate() throws { _ = try parseDate(on, option: "--on") }

                func run() throws {
                    do {
                        let store = try openQualityStore(database.location)
                        try store.recordSpotCheck(id, doneOn: try parseDate(on, option: "--on") ?? today())
                        let next = try store.fetchSpotChecks().first { $0.id == id }?.nextDue
                        print("Recorded spot check \(id); next due \(next?.isoString ?? "?").")
                    } catch { throw failure(error) }
                }
            }
        }

        struct Report: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "QA report for a period: grades over time, by team and practice area, against a measure; moderation; themes; "
                    + "case actions; the spot-check schedule.")
            @OptionGroup var database: PlanDatabase
            @Option(help: "The period (2025-26, 2025-Q3, 2025-07, rolling12:2025-06-30).") var period: String
            @Option(help: "table, json, csv or html.") var format: QualityReportFormat = .table
            @Option(name: .customLong("as-of"), help: "The day overdue and due are judged (YYYY-MM-DD); the period's end unless given.") var asOf: String?
            @Option(help: "The measure grades are set against.") var measure: String = "CIN-06"
            @Option(help: "The practice area set against the measure.") var area: PracticeArea = .assessmentQuality
            @Option(help: "Write to this file instead of standard output.") var out: String?

            func validate() throws {
                do { _ = try ReportingPeriod.parse(period) } catch { throw ValidationError(error.description) }
                _ = try parseDate(asOf, option: "--as-of")
            }

            func run() throws {
                let text: String
                do {
                    let store = try openQualityStore(database.location)
                    let period = try ReportingPeriod.parse(self.period)
                    let engine = try store.fetchExtracts().isEmpty ? nil : try loadEngine(store)
                    let report = QualityReport(
                        period: period, asOf: try parseDate(asOf, option: "--as-of") ?? period.end, audits: try store.fetchAudits(sample: nil),
                        themes: try store.fetchThemes(), caseActions: try store.fetchCaseActions(), spotChecks: try store.fetchSpotChecks(), engine: engine,
                        measureID: measure, practiceArea: area)
                    switch format {
                    case .table: text = report.text()
                    case .csv: text = report.csvRows().map(csvLine).joined(separator: "\n") + "\n"
                    case .html: text = report.html()
                    case .json:
                        let encoder = JSONEncoder()
                        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                        text = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
                    }
                } catch { throw failure(error) }
                guard let out else {
                    print(text, terminator: "")
                    return
                }
                guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else { throw failure(CommandFailure("\(out): cannot be written")) }
                Terminal.write("Wrote \(out)\n")
            }
        }
    }
}

/// The measures engine over the store's case records, showing progress while they load.
private func loadEngine(_ store: any CaseRecordStore) throws -> MeasureEngine {
    var terminal = Terminal()
    var done = 0
    let snapshot = try CaseSnapshot.load(from: store) { _ in
        done += 1
        terminal.progress("Loading case records", done: done, total: Entity.allCases.count)
    }
    return MeasureEngine(snapshot: snapshot)
}
