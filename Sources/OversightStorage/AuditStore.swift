import Foundation
import OversightCore

/// QA audits (issue 8): samples and their allocations, the auditors' records, moderation, and saved cohorts.
///
/// Records and moderations are appended, never changed, as plan updates are: an audit's history is evidence for the
/// board and for Ofsted, and moderation that changes a grade keeps the grade it changed.
public protocol AuditStore: Sendable {
    /// Stores a drawn sample with every allocation, in one transaction.
    /// - Throws: `AuditStoreError.sampleExists`, or `.auditExists` when an audit ID is already used.
    func saveSample(_ sample: AuditSample) throws(AuditStoreError)
    /// Every sample, by ID, with its allocations.
    func fetchSamples() throws(AuditStoreError) -> [AuditSample]
    /// Audits with their records and moderations, oldest first: one sample's, or all when `sample` is `nil`.
    func fetchAudits(sample: Identifier<AuditSample>?) throws(AuditStoreError) -> [Audit]
    /// Appends the auditor's record of an audit.
    /// - Throws: `AuditStoreError.unknownAudit`, or `.notTheAuditor` when `recordedBy` is not the auditor it is allocated to.
    func appendRecord(_ record: AuditRecord) throws(AuditStoreError)
    /// Appends a moderation.
    /// - Throws: `AuditStoreError.unknownAudit`, `.notYetRecorded` when there is no grade to moderate, or
    ///   `.moderatorIsAuditor` (a second auditor moderates).
    func appendModeration(_ moderation: Moderation) throws(AuditStoreError)
    /// Saves a cohort filter under its name, replacing one of the same name.
    func saveFilter(_ filter: SavedFilter) throws(AuditStoreError)
    func fetchFilters() throws(AuditStoreError) -> [SavedFilter]
}

/// What audits lead to: case actions tracked to completion, learning themes tied to the improvement plan, and the
/// spot-check schedule.
public protocol LearningStore: Sendable {
    /// Stores a new case action; it starts open.
    /// - Throws: `AuditStoreError.unknownAudit`, `.caseActionExists`.
    func raiseCaseAction(_ action: CaseAction) throws(AuditStoreError)
    /// Appends a status change, checked against the lifecycle (`CaseActionStatus.mayMove(to:)`).
    /// - Throws: `AuditStoreError.unknownCaseAction` or `.lifecycle`.
    func appendCaseActionEvent(_ event: CaseActionEvent) throws(AuditStoreError)
    func fetchCaseActions() throws(AuditStoreError) -> [TrackedCaseAction]
    /// Adds a theme, or renames one; a link to the plan is kept.
    func saveTheme(_ theme: LearningTheme) throws(AuditStoreError)
    func fetchThemes() throws(AuditStoreError) -> [LearningTheme]
    /// Links a theme to an existing plan action, or (with `raise`) adds a new action to a recommendation of the plan
    /// and links the theme to it, in one transaction.
    /// - Returns: the action linked.
    /// - Throws: `AuditStoreError.unknownTheme`, or `.storage` with `StorageError.unknownPlan`/`.unknownAction`.
    @discardableResult
    func linkTheme(_ themeID: String, to target: ThemeLinkTarget) throws(AuditStoreError) -> PlanActionReference
    /// Adds or replaces a spot-check schedule (its completions are kept).
    func saveSpotCheck(_ schedule: SpotCheckSchedule) throws(AuditStoreError)
    /// Records that a spot check was done.
    /// - Throws: `AuditStoreError.unknownSpotCheck`.
    func recordSpotCheck(_ id: String, doneOn: LocalDate) throws(AuditStoreError)
    func fetchSpotChecks() throws(AuditStoreError) -> [SpotCheckSchedule]
}

/// Where a theme goes in the improvement plan.
public enum ThemeLinkTarget: Sendable, Hashable {
    /// An action the plan already has.
    case existing(PlanActionReference)
    /// A new action under a recommendation: numbered after the recommendation's last action.
    case raise(plan: Identifier<ImprovementPlan>, recommendation: Int, text: String, lead: String, deadline: Deadline)
}

/// Why the audit store could not do what was asked.
public enum AuditStoreError: Error, Equatable, CustomStringConvertible {
    case storage(StorageError)
    case sampleExists(String)
    case auditExists(String)
    case unknownAudit(String)
    case notTheAuditor(audit: String, auditor: String, username: String)
    case notYetRecorded(audit: String)
    case moderatorIsAuditor(audit: String, username: String)
    case caseActionExists(String)
    case unknownCaseAction(String)
    case lifecycle(CaseActionError)
    case unknownTheme(String)
    case unknownRecommendation(plan: String, number: Int)
    case unknownSpotCheck(String)

    public var description: String {
        switch self {
        case .storage(let error): error.description
        case .sampleExists(let id): "a sample with ID '\(id)' is already stored; draw with another --id"
        case .auditExists(let id): "an audit with ID '\(id)' is already stored"
        case .unknownAudit(let id): "no audit has ID '\(id)'"
        case .notTheAuditor(let id, let auditor, let username): "audit \(id) is allocated to \(auditor), not \(username)"
        case .notYetRecorded(let id): "audit \(id) has no recorded grade to moderate yet"
        case .moderatorIsAuditor(let id, let username): "audit \(id) was recorded by \(username); a second auditor moderates it"
        case .caseActionExists(let id): "a case action with ID '\(id)' is already stored"
        case .unknownCaseAction(let id): "no case action has ID '\(id)'"
        case .lifecycle(let error): error.description
        case .unknownTheme(let id): "no learning theme has ID '\(id)'; add it with 'oversight audit theme add'"
        case .unknownRecommendation(let plan, let number): "plan '\(plan)' has no recommendation \(number)"
        case .unknownSpotCheck(let id): "no spot check has ID '\(id)'"
        }
    }
}

// MARK: - One implementation over SQL, for every database store

/// A value bound to or read from a catalogue statement. Integers are never NULL in the audit tables, so a NULL is
/// always text: both databases then agree on every parameter's type.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)

    public init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    public init(_ number: Int) { self = .integer(Int64(number)) }
    public init(_ flag: Bool) { self = .integer(flag ? 1 : 0) }

    var string: String? {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .null: nil
        }
    }

    var int: Int? {
        switch self {
        case .integer(let number): Int(number)
        case .text(let text): Int(text)
        case .null: nil
        }
    }
}

/// Runs one statement, with `?` placeholders, inside a catalogue transaction.
public protocol CatalogueStatements {
    func rows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]]
}

extension CatalogueStatements {
    func execute(_ sql: String, _ values: SQLValue...) throws { _ = try rows(sql, values) }
    func select(_ sql: String, _ values: SQLValue...) throws -> [[SQLValue]] { try rows(sql, values) }
    func exists(_ sql: String, _ values: SQLValue...) throws -> Bool { try !rows(sql, values).isEmpty }
}

/// A store whose catalogue can run statements in a transaction: what the audit tables (migration `005-audits`) need,
/// so that the SQL is written once and SQLite and PostgreSQL behave the same.
public protocol CatalogueTransactions: Sendable {
    /// Runs `body` in one transaction of the catalogue, committing when it returns and rolling back when it throws.
    /// Database failures become `StorageError.database` naming `operation`; anything `body` throws is rethrown as is.
    func catalogueTransaction<T>(_ operation: String, _ body: (any CatalogueStatements) throws -> T) throws -> T
}

extension CatalogueTransactions {
    func audits<T>(_ operation: String, _ body: (any CatalogueStatements) throws -> T) throws(AuditStoreError) -> T {
        do {
            return try catalogueTransaction(operation, body)
        } catch let error as AuditStoreError {
            throw error
        } catch let error as StorageError {
            throw .storage(error)
        } catch let error as CaseActionError {
            throw .lifecycle(error)
        } catch {
            throw .storage(.database(operation: operation, reason: "\(error)"))
        }
    }
}

/// The JSON columns of the audit tables: answers, findings and filters are only ever read whole.
enum AuditJSON {
    static func encode<T: Encodable>(_ value: T) -> SQLValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The audit types are plain structs of strings, numbers and enums: they always encode.
        return .text(String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ value: SQLValue, _ what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data((value.string ?? "null").utf8))
        } catch {
            throw StorageError.database(operation: "reading \(what)", reason: "unreadable JSON column '\((value.string ?? "").prefix(40))'")
        }
    }
}

/// Rows in byte order of their first column, as both databases' binary collation would give (PostgreSQL's default
/// collation follows the locale, so text keys are ordered here rather than in SQL). The sort is stable, so rows with
/// the same key keep the order the query gave them.
private func byFirstColumn(_ a: [SQLValue], _ b: [SQLValue]) -> Bool {
    (a.first?.string ?? "").utf8.lexicographicallyPrecedes((b.first?.string ?? "").utf8)
}

private func text(_ value: SQLValue, _ what: String) throws -> String {
    guard let text = value.string else { throw StorageError.database(operation: "reading \(what)", reason: "a required column is empty") }
    return text
}

private func date(_ value: SQLValue, _ what: String) throws -> LocalDate {
    let raw = try text(value, what)
    guard let date = LocalDate(iso: raw) else { throw StorageError.database(operation: "reading \(what)", reason: "'\(raw)' is not a date") }
    return date
}

private func grade(_ value: SQLValue, _ what: String) throws -> Grade {
    let raw = try text(value, what)
    guard let grade = Grade(rawValue: raw) else { throw StorageError.database(operation: "reading \(what)", reason: "unknown grade '\(raw)'") }
    return grade
}

extension AuditStore where Self: CatalogueTransactions {
    public func saveSample(_ sample: AuditSample) throws(AuditStoreError) {
        try audits("saving audit sample \(sample.id)") { sql in
            if try sql.exists("SELECT 1 FROM audit_sample WHERE id = ?", .text(sample.id.rawValue)) {
                throw AuditStoreError.sampleExists(sample.id.rawValue)
            }
            try sql.execute(
                """
                INSERT INTO audit_sample (id, title, template_id, template_version, cohort, method, seed, population, drawn_on, drawn_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                .text(sample.id.rawValue), .text(sample.title), .text(sample.templateID), SQLValue(sample.templateVersion), .text(sample.cohort),
                .text(sample.method.code), .text(String(sample.seed)), SQLValue(sample.populationSize), .text(sample.drawnOn.isoString),
                .text(sample.drawnBy))
            for (position, audit) in sample.audits.enumerated() {
                if try sql.exists("SELECT 1 FROM audit WHERE id = ?", .text(audit.id.rawValue)) { throw AuditStoreError.auditExists(audit.id.rawValue) }
                try sql.execute(
                    """
                    INSERT INTO audit (id, sample_id, position, child_id, team_id, worker_id, stratum, auditor, due_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    .text(audit.id.rawValue), .text(sample.id.rawValue), SQLValue(position), .text(audit.childID.rawValue), SQLValue(audit.teamID),
                    SQLValue(audit.workerID), SQLValue(audit.stratum), .text(audit.auditor), .text(audit.dueBy.isoString))
            }
        }
    }

    public func fetchSamples() throws(AuditStoreError) -> [AuditSample] {
        try audits("listing audit samples") { sql in
            let allocations = Dictionary(grouping: try Self.allocations(sql, sample: nil), by: { $0.sample })
            return try sql.select(
                "SELECT id, title, template_id, template_version, cohort, method, seed, population, drawn_on, drawn_by FROM audit_sample"
            ).sorted(by: byFirstColumn).map { row in
                let id = try text(row[0], "audit samples")
                guard let method = SampleMethod(code: try text(row[5], "sample \(id)")), let seed = UInt64(try text(row[6], "sample \(id)")) else {
                    throw StorageError.database(operation: "reading sample \(id)", reason: "unreadable method or seed")
                }
                return AuditSample(
                    id: Identifier(id), title: try text(row[1], id), templateID: try text(row[2], id), templateVersion: row[3].int ?? 0,
                    cohort: try text(row[4], id), method: method, seed: seed, populationSize: row[7].int ?? 0, drawnOn: try date(row[8], id),
                    drawnBy: try text(row[9], id), audits: allocations[id]?.map(\.allocation) ?? [])
            }
        }
    }

    private static func allocations(_ sql: any CatalogueStatements, sample: String?) throws -> [(sample: String, allocation: AuditAllocation)] {
        let filter = sample == nil ? "" : "WHERE sample_id = ?"
        return try sql.rows(
            "SELECT sample_id, id, child_id, team_id, worker_id, stratum, auditor, due_by FROM audit \(filter) ORDER BY position",
            sample.map { [SQLValue.text($0)] } ?? []
        ).sorted(by: byFirstColumn).map { row in
            let id = try text(row[1], "audits")
            return (
                try text(row[0], id),
                AuditAllocation(
                    id: Identifier(id), childID: Identifier(try text(row[2], id)), teamID: row[3].string, workerID: row[4].string,
                    stratum: row[5].string, auditor: try text(row[6], id), dueBy: try date(row[7], id))
            )
        }
    }

    public func fetchAudits(sample: Identifier<AuditSample>?) throws(AuditStoreError) -> [Audit] {
        try audits("reading audits") { sql in
            var templates: [String: (String, Int)] = [:]
            for row in try sql.select("SELECT id, template_id, template_version FROM audit_sample") {
                let id = try text(row[0], "audit samples")
                templates[id] = (try text(row[1], id), row[2].int ?? 0)
            }
            var records: [String: [AuditRecord]] = [:]
            for row in try sql.select("SELECT audit_id, body FROM audit_record ORDER BY id") {
                let id = try text(row[0], "audit records")
                let record = try AuditJSON.decode(AuditRecord.self, row[1], "the record of audit \(id)")
                records[id, default: []].append(record)
            }
            var moderations: [String: [Moderation]] = [:]
            for row in try sql.select("SELECT audit_id, moderator, grade_before, grade_after, reason, at FROM audit_moderation ORDER BY id") {
                let id = try text(row[0], "moderations")
                moderations[id, default: []].append(Moderation(
                    auditID: Identifier(id), moderator: try text(row[1], id), gradeBefore: try grade(row[2], id), gradeAfter: try grade(row[3], id),
                    reason: try text(row[4], id), at: try text(row[5], id)))
            }
            return try Self.allocations(sql, sample: sample?.rawValue).map { sampleID, allocation in
                let template = templates[sampleID] ?? ("", 0)
                return Audit(
                    allocation: allocation, sampleID: Identifier(sampleID), templateID: template.0, templateVersion: template.1,
                    records: records[allocation.id.rawValue] ?? [], moderations: moderations[allocation.id.rawValue] ?? [])
            }
        }
    }

    public func appendRecord(_ record: AuditRecord) throws(AuditStoreError) {
        try audits("recording audit \(record.auditID)") { sql in
            guard let auditor = try sql.select("SELECT auditor FROM audit WHERE id = ?", .text(record.auditID.rawValue)).first?.first?.string else {
                throw AuditStoreError.unknownAudit(record.auditID.rawValue)
            }
            // An auditor records only the audits allocated to them: the same rule that decides what they may see.
            guard auditor == record.recordedBy else {
                throw AuditStoreError.notTheAuditor(audit: record.auditID.rawValue, auditor: auditor, username: record.recordedBy)
            }
            try sql.execute(
                "INSERT INTO audit_record (audit_id, recorded_at, recorded_by, grade, body) VALUES (?, ?, ?, ?, ?)", .text(record.auditID.rawValue),
                .text(record.recordedAt), .text(record.recordedBy), .text(record.overallGrade.rawValue), AuditJSON.encode(record))
        }
    }

    public func appendModeration(_ moderation: Moderation) throws(AuditStoreError) {
        let id = moderation.auditID.rawValue
        try audits("moderating audit \(id)") { sql in
            guard try sql.exists("SELECT 1 FROM audit WHERE id = ?", .text(id)) else { throw AuditStoreError.unknownAudit(id) }
            let recordedBy = try sql.select("SELECT recorded_by FROM audit_record WHERE audit_id = ? ORDER BY id", .text(id)).compactMap { $0[0].string }
            guard !recordedBy.isEmpty else { throw AuditStoreError.notYetRecorded(audit: id) }
            if recordedBy.contains(moderation.moderator) { throw AuditStoreError.moderatorIsAuditor(audit: id, username: moderation.moderator) }
            try sql.execute(
                "INSERT INTO audit_moderation (audit_id, moderator, at, grade_before, grade_after, reason) VALUES (?, ?, ?, ?, ?, ?)", .text(id),
                .text(moderation.moderator), .text(moderation.at), .text(moderation.gradeBefore.rawValue), .text(moderation.gradeAfter.rawValue),
                .text(moderation.reason))
        }
    }

    public func saveFilter(_ filter: SavedFilter) throws(AuditStoreError) {
        try audits("saving filter \(filter.name)") { sql in
            try sql.execute("DELETE FROM saved_filter WHERE name = ?", .text(filter.name))
            try sql.execute("INSERT INTO saved_filter (name, definition) VALUES (?, ?)", .text(filter.name), AuditJSON.encode(filter))
        }
    }

    public func fetchFilters() throws(AuditStoreError) -> [SavedFilter] {
        try audits("reading saved filters") { sql in
            try sql.select("SELECT name, definition FROM saved_filter").sorted(by: byFirstColumn).map {
                try AuditJSON.decode(SavedFilter.self, $0[1], "saved filters")
            }
        }
    }
}

extension LearningStore where Self: CatalogueTransactions {
    public func raiseCaseAction(_ action: CaseAction) throws(AuditStoreError) {
        try audits("raising case action \(action.id)") { sql in
            guard try sql.exists("SELECT 1 FROM audit WHERE id = ?", .text(action.auditID.rawValue)) else {
                throw AuditStoreError.unknownAudit(action.auditID.rawValue)
            }
            if try sql.exists("SELECT 1 FROM case_action WHERE id = ?", .text(action.id.rawValue)) { throw AuditStoreError.caseActionExists(action.id.rawValue) }
            try sql.execute(
                "INSERT INTO case_action (id, audit_id, child_id, finding, owner, due_by, raised_by, raised_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                .text(action.id.rawValue), .text(action.auditID.rawValue), .text(action.childID.rawValue), .text(action.finding), .text(action.owner),
                .text(action.dueBy.isoString), .text(action.raisedBy), .text(action.raisedOn.isoString))
        }
    }

    public func appendCaseActionEvent(_ event: CaseActionEvent) throws(AuditStoreError) {
        try audits("updating case action \(event.actionID)") { sql in
            guard let tracked = try Self.caseActions(sql, id: event.actionID.rawValue).first else {
                throw AuditStoreError.unknownCaseAction(event.actionID.rawValue)
            }
            try tracked.check(event)
            try sql.execute(
                "INSERT INTO case_action_event (action_id, status, note, by_name, at) VALUES (?, ?, ?, ?, ?)", .text(event.actionID.rawValue),
                .text(event.status.rawValue), .text(event.note), .text(event.by), .text(event.at))
        }
    }

    public func fetchCaseActions() throws(AuditStoreError) -> [TrackedCaseAction] {
        try audits("reading case actions") { sql in try Self.caseActions(sql, id: nil) }
    }

    private static func caseActions(_ sql: any CatalogueStatements, id: String?) throws -> [TrackedCaseAction] {
        let filter = id == nil ? "" : "WHERE action_id = ?"
        var events: [String: [CaseActionEvent]] = [:]
        for row in try sql.rows("SELECT action_id, status, note, by_name, at FROM case_action_event \(filter) ORDER BY id", id.map { [SQLValue.text($0)] } ?? []) {
            let action = try text(row[0], "case actions")
            guard let status = CaseActionStatus(rawValue: try text(row[1], action)) else {
                throw StorageError.database(operation: "reading case action \(action)", reason: "unknown status")
            }
            events[action, default: []].append(CaseActionEvent(
                actionID: Identifier(action), status: status, note: try text(row[2], action), by: try text(row[3], action), at: try text(row[4], action)))
        }
        return try sql.rows(
            "SELECT id, audit_id, child_id, finding, owner, due_by, raised_by, raised_on FROM case_action \(id == nil ? "" : "WHERE id = ?")",
            id.map { [SQLValue.text($0)] } ?? []
        ).sorted(by: byFirstColumn).map { row in
            let id = try text(row[0], "case actions")
            let action = CaseAction(
                id: Identifier(id), auditID: Identifier(try text(row[1], id)), childID: Identifier(try text(row[2], id)), finding: try text(row[3], id),
                owner: try text(row[4], id), dueBy: try date(row[5], id), raisedBy: try text(row[6], id), raisedOn: try date(row[7], id))
            return TrackedCaseAction(action: action, events: events[id] ?? [])
        }
    }

    public func saveTheme(_ theme: LearningTheme) throws(AuditStoreError) {
        try audits("saving learning theme \(theme.id)") { sql in
            if try sql.exists("SELECT 1 FROM learning_theme WHERE id = ?", .text(theme.id)) {
                try sql.execute(
                    "UPDATE learning_theme SET title = ?, practice_area = ? WHERE id = ?", .text(theme.title), SQLValue(theme.practiceArea?.rawValue),
                    .text(theme.id))
            } else {
                try sql.execute(
                    "INSERT INTO learning_theme (id, title, practice_area, plan_id, action_ref) VALUES (?, ?, ?, ?, ?)", .text(theme.id), .text(theme.title),
                    SQLValue(theme.practiceArea?.rawValue), SQLValue(theme.planAction?.planID.rawValue), SQLValue(theme.planAction?.ref))
            }
        }
    }

    public func fetchThemes() throws(AuditStoreError) -> [LearningTheme] {
        try audits("reading learning themes") { sql in
            try sql.select("SELECT id, title, practice_area, plan_id, action_ref FROM learning_theme").sorted(by: byFirstColumn).map { row in
                let id = try text(row[0], "learning themes")
                let link = row[3].string.flatMap { plan in row[4].string.map { PlanActionReference(planID: Identifier(plan), ref: $0) } }
                return LearningTheme(id: id, title: try text(row[1], id), practiceArea: row[2].string.flatMap(PracticeArea.init(rawValue:)), planAction: link)
            }
        }
    }

    @discardableResult
    public func linkTheme(_ themeID: String, to target: ThemeLinkTarget) throws(AuditStoreError) -> PlanActionReference {
        try audits("linking learning theme \(themeID) to the improvement plan") { sql in
            guard try sql.exists("SELECT 1 FROM learning_theme WHERE id = ?", .text(themeID)) else { throw AuditStoreError.unknownTheme(themeID) }
            let reference: PlanActionReference
            switch target {
            case .existing(let action):
                guard try sql.exists("SELECT 1 FROM improvement_plan WHERE id = ?", .text(action.planID.rawValue)) else {
                    throw StorageError.unknownPlan(action.planID.rawValue)
                }
                guard try sql.exists("SELECT 1 FROM plan_action WHERE plan_id = ? AND ref = ?", .text(action.planID.rawValue), .text(action.ref)) else {
                    throw StorageError.unknownAction(plan: action.planID.rawValue, ref: action.ref)
                }
                reference = action
            case .raise(let plan, let number, let actionText, let lead, let deadline):
                guard try sql.exists("SELECT 1 FROM improvement_plan WHERE id = ?", .text(plan.rawValue)) else { throw StorageError.unknownPlan(plan.rawValue) }
                guard try sql.exists("SELECT 1 FROM plan_recommendation WHERE plan_id = ? AND number = ?", .text(plan.rawValue), SQLValue(number)) else {
                    throw AuditStoreError.unknownRecommendation(plan: plan.rawValue, number: number)
                }
                // The next ref after the recommendation's own numbering ("4.3" → "4.4"), placed after its last action.
                let existing = try sql.select(
                    "SELECT ref, position FROM plan_action WHERE plan_id = ? AND recommendation_number = ?", .text(plan.rawValue), SQLValue(number))
                let last = existing.compactMap { $0[0].string?.split(separator: ".").last.flatMap { Int($0) } }.max() ?? 0
                let position = (existing.compactMap { $0[1].int }.max() ?? -1) + 1
                reference = PlanActionReference(planID: plan, ref: "\(number).\(last + 1)")
                try sql.execute(
                    "INSERT INTO plan_action (plan_id, ref, recommendation_number, position, text, accountable_lead, deadline) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    .text(plan.rawValue), .text(reference.ref), SQLValue(number), SQLValue(position), .text(actionText), .text(lead),
                    .text(deadline.description))
            }
            try sql.execute(
                "UPDATE learning_theme SET plan_id = ?, action_ref = ? WHERE id = ?", .text(reference.planID.rawValue), .text(reference.ref), .text(themeID))
            return reference
        }
    }

    public func saveSpotCheck(_ schedule: SpotCheckSchedule) throws(AuditStoreError) {
        try audits("saving spot check \(schedule.id)") { sql in
            if try sql.exists("SELECT 1 FROM spot_check WHERE id = ?", .text(schedule.id)) {
                try sql.execute(
                    "UPDATE spot_check SET title = ?, cohort = ?, every_months = ?, first_due = ? WHERE id = ?", .text(schedule.title),
                    .text(schedule.cohort), SQLValue(schedule.everyMonths), .text(schedule.firstDue.isoString), .text(schedule.id))
            } else {
                try sql.execute(
                    "INSERT INTO spot_check (id, title, cohort, every_months, first_due) VALUES (?, ?, ?, ?, ?)", .text(schedule.id),
                    .text(schedule.title), .text(schedule.cohort), SQLValue(schedule.everyMonths), .text(schedule.firstDue.isoString))
            }
            for day in schedule.completed {
                if try sql.exists("SELECT 1 FROM spot_check_done WHERE spot_check_id = ? AND done_on = ?", .text(schedule.id), .text(day.isoString)) {
                    continue
                }
                try sql.execute("INSERT INTO spot_check_done (spot_check_id, done_on) VALUES (?, ?)", .text(schedule.id), .text(day.isoString))
            }
        }
    }

    public func recordSpotCheck(_ id: String, doneOn: LocalDate) throws(AuditStoreError) {
        try audits("recording spot check \(id)") { sql in
            guard try sql.exists("SELECT 1 FROM spot_check WHERE id = ?", .text(id)) else { throw AuditStoreError.unknownSpotCheck(id) }
            try sql.execute("INSERT INTO spot_check_done (spot_check_id, done_on) VALUES (?, ?)", .text(id), .text(doneOn.isoString))
        }
    }

    public func fetchSpotChecks() throws(AuditStoreError) -> [SpotCheckSchedule] {
        try audits("reading spot checks") { sql in
            var done: [String: [LocalDate]] = [:]
            for row in try sql.select("SELECT spot_check_id, done_on FROM spot_check_done ORDER BY done_on") {
                done[try text(row[0], "spot checks"), default: []].append(try date(row[1], "spot checks"))
            }
            return try sql.select("SELECT id, title, cohort, every_months, first_due FROM spot_check").sorted(by: byFirstColumn).map { row in
                let id = try text(row[0], "spot checks")
                return SpotCheckSchedule(
                    id: id, title: try text(row[1], id), cohort: try text(row[2], id), everyMonths: row[3].int ?? 6, firstDue: try date(row[4], id),
                    completed: done[id] ?? [])
            }
        }
    }
}
