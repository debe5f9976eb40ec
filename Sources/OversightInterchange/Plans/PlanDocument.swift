import Foundation
import OversightCore

/// The improvement plan JSON format: the shape of `post-ofsted-action-plan-2022.json`, documented in
/// `docs/improvement-plans.md`.
///
/// Reading checks what the decoder cannot: that refs are unique, leads are named, RAG codes are known and update
/// timestamps begin with a date. Every failure names the file and the JSON path (`recommendations[2].actions[0].deadline`).
/// Writing produces the same shape, with the plan's `id`, each recommendation's `measures` and each action's
/// `updates` when there are any, so an export imports again unchanged.
public enum PlanDocument {
    /// A plan and the updates recorded against it, as one file holds them.
    public struct Contents: Sendable, Equatable {
        public var plan: ImprovementPlan
        /// In recorded order.
        public var updates: [ActionUpdate]

        public init(plan: ImprovementPlan, updates: [ActionUpdate] = []) {
            self.plan = plan
            self.updates = updates
        }
    }

    /// Reads a plan file.
    /// - Parameters:
    ///   - path: the file.
    ///   - id: the plan's ID when the file gives none; the file's name without `.json` when `nil`.
    /// - Throws: `InterchangeError.cannotRead`, `.invalidJSON` or `.invalidValue`, naming the file and JSON path.
    public static func read(path: String, id: String? = nil) throws(InterchangeError) -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotRead(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try decode(data, file: path, id: id ?? stem)
    }

    /// Reads a plan from JSON.
    /// - Parameters:
    ///   - file: the name used in error messages.
    ///   - id: the plan's ID when the JSON has no `id`.
    /// - Throws: `InterchangeError.invalidJSON` or `.invalidValue`.
    public static func decode(_ data: Data, file: String, id: String) throws(InterchangeError) -> Contents {
        let document: PlanJSON
        do {
            document = try JSONDecoder().decode(PlanJSON.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, file: file)
        } catch let error as InterchangeError {
            throw error
        } catch {
            throw .invalidJSON(reason: "\(error)", at: SourceLocation(file: file, line: 0))
        }
        return try document.contents(file: file, defaultID: id)
    }

    /// Writes a plan and its updates as JSON laid out as the fixture is (two-space indent, keys in the fixture's
    /// order), so that exports are stable and diff cleanly against the file a plan came from.
    public static func encode(_ contents: Contents) -> Data {
        var text = ""
        PlanJSON(contents).value.write(to: &text, indent: "")
        return Data(text.utf8)
    }

    /// A decoding error as `file: path: what was wrong`.
    static func describe(_ error: DecodingError, file: String) -> InterchangeError {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        func at(_ codingPath: [any CodingKey]) -> SourceLocation {
            SourceLocation(file: file, line: 0, field: codingPath.isEmpty ? nil : path(codingPath))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalidJSON(reason: "required field '\(key.stringValue)' is missing", at: at(context.codingPath + [key]))
        case .typeMismatch(let type, let context):
            return .invalidJSON(reason: "expected \(jsonName(type))", at: at(context.codingPath))
        case .valueNotFound(let type, let context):
            return .invalidJSON(reason: "expected \(jsonName(type)), found null", at: at(context.codingPath))
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return .invalidJSON(reason: underlying ?? context.debugDescription, at: at(context.codingPath))
        @unknown default:
            return .invalidJSON(reason: "\(error)", at: SourceLocation(file: file, line: 0))
        }
    }

    private static func jsonName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "\(type)"
        }
    }
}

// MARK: The JSON shape

/// The file's fields, named as the fixture names them: read with `Decodable`, written in the fixture's order through `value`.
private struct PlanJSON: Decodable {
    var id: String?
    var title: String
    var subtitle: String?
    var source: String
    var submitTo: String?
    var submitBy: String?
    var governance: Governance?
    var ragScale: [RAGScaleEntry]?
    var progressFields: [String]?
    var recommendations: [RecommendationJSON]

    struct RecommendationJSON: Decodable {
        var number: Int
        var text: String
        var outcomesSought: [String]
        var measures: [MeasureLink]?
        var actions: [ActionJSON]
    }

    struct ActionJSON: Decodable {
        var ref: String
        var action: String
        var accountableLead: String
        var deadline: String
        var updates: [UpdateJSON]?
    }

    struct UpdateJSON: Decodable {
        var actionStatus: String
        var impactAgainstOutcomesSet: String
        var whatMoreNeedsToBeDone: String
        var rag: String
        var by: String
        var at: String
        var evidence: [String]?
    }

    init(_ contents: PlanDocument.Contents) {
        let plan = contents.plan
        id = plan.id.rawValue
        title = plan.title
        subtitle = plan.subtitle
        source = plan.source
        submitTo = plan.submitTo
        submitBy = plan.submitBy?.isoString
        governance = plan.governance
        ragScale = plan.ragScale
        progressFields = plan.progressFields
        recommendations = plan.recommendations.map { recommendation in
            RecommendationJSON(
                number: recommendation.number, text: recommendation.text, outcomesSought: recommendation.outcomesSought,
                measures: recommendation.measures.isEmpty ? nil : recommendation.measures,
                actions: recommendation.actions.map { action in
                    let updates = contents.updates.filter { $0.ref == action.ref }.map { update in
                        UpdateJSON(
                            actionStatus: update.status, impactAgainstOutcomesSet: update.impact, whatMoreNeedsToBeDone: update.more,
                            rag: update.rag.rawValue, by: update.by, at: update.at, evidence: update.evidence.isEmpty ? nil : update.evidence)
                    }
                    return ActionJSON(
                        ref: action.ref, action: action.text, accountableLead: action.accountableLead, deadline: action.deadline.description,
                        updates: updates.isEmpty ? nil : updates)
                })
        }
    }

    /// The document as an ordered JSON value, in the fixture's key order; optional fields that are absent are left out.
    var value: OrderedJSON {
        func string(_ text: String?) -> OrderedJSON? { text.map(OrderedJSON.string) }
        func strings(_ texts: [String]) -> OrderedJSON { .array(texts.map(OrderedJSON.string)) }
        func number(_ value: Double?) -> OrderedJSON? { value.map(OrderedJSON.number) }
        return .object([
            ("id", string(id)), ("title", .string(title)), ("subtitle", string(subtitle)), ("source", .string(source)),
            ("submitTo", string(submitTo)), ("submitBy", string(submitBy)),
            ("governance", governance.map { governance in
                .object([
                    ("boardMeetsEveryMonths", number(governance.boardMeetsEveryMonths.map(Double.init))),
                    ("impactMeasuredEvery", string(governance.impactMeasuredEvery)), ("boardChair", string(governance.boardChair)),
                ])
            }),
            ("ragScale", ragScale.map { scale in
                .array(scale.map { .object([("code", .string($0.code)), ("name", .string($0.name)), ("meaning", .string($0.meaning))]) })
            }),
            ("progressFields", progressFields.map(strings)),
            ("recommendations", .array(recommendations.map { recommendation in
                .object([
                    ("number", .number(Double(recommendation.number))), ("text", .string(recommendation.text)),
                    ("outcomesSought", strings(recommendation.outcomesSought)),
                    ("measures", recommendation.measures.map { measures in
                        .array(measures.map {
                            .object([("measureID", .string($0.measureID)), ("baseline", number($0.baseline)), ("target", number($0.target))])
                        })
                    }),
                    ("actions", .array(recommendation.actions.map { action in
                        .object([
                            ("ref", .string(action.ref)), ("action", .string(action.action)), ("accountableLead", .string(action.accountableLead)),
                            ("deadline", .string(action.deadline)),
                            ("updates", action.updates.map { updates in
                                .array(updates.map { update in
                                    .object([
                                        ("actionStatus", .string(update.actionStatus)),
                                        ("impactAgainstOutcomesSet", .string(update.impactAgainstOutcomesSet)),
                                        ("whatMoreNeedsToBeDone", .string(update.whatMoreNeedsToBeDone)), ("rag", .string(update.rag)),
                                        ("by", .string(update.by)), ("at", .string(update.at)), ("evidence", update.evidence.map(strings)),
                                    ])
                                })
                            }),
                        ])
                    })),
                ])
            })),
        ])
    }

    func contents(file: String, defaultID: String) throws(InterchangeError) -> PlanDocument.Contents {
        func at(_ field: String) -> SourceLocation { SourceLocation(file: file, line: 0, field: field) }
        func required(_ value: String, _ field: String) throws(InterchangeError) {
            if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .invalidValue(value, reason: "must not be empty", at: at(field)) }
        }
        let planID = id ?? defaultID
        try required(planID, "id")
        try required(title, "title")
        var submitDate: LocalDate?
        if let submitBy {
            guard let date = LocalDate(iso: submitBy) else {
                throw .invalidValue(submitBy, reason: "is not a date (YYYY-MM-DD)", at: at("submitBy"))
            }
            submitDate = date
        }
        var seenNumbers: Set<Int> = []
        var seenRefs: Set<String> = []
        var updates: [ActionUpdate] = []
        var converted: [Recommendation] = []
        for (r, recommendation) in recommendations.enumerated() {
            let base = "recommendations[\(r)]"
            guard seenNumbers.insert(recommendation.number).inserted else {
                throw .invalidValue("\(recommendation.number)", reason: "is the number of an earlier recommendation too", at: at(base + ".number"))
            }
            try required(recommendation.text, base + ".text")
            for (m, measure) in (recommendation.measures ?? []).enumerated() {
                try required(measure.measureID, base + ".measures[\(m)].measureID")
            }
            var actions: [Action] = []
            for (a, action) in recommendation.actions.enumerated() {
                let path = base + ".actions[\(a)]"
                try required(action.ref, path + ".ref")
                guard seenRefs.insert(action.ref).inserted else {
                    throw .invalidValue(action.ref, reason: "is the ref of an earlier action too", at: at(path + ".ref"))
                }
                try required(action.action, path + ".action")
                try required(action.accountableLead, path + ".accountableLead")
                try required(action.deadline, path + ".deadline")
                actions.append(Action(ref: action.ref, text: action.action, accountableLead: action.accountableLead, deadline: Deadline(action.deadline)))
                for (u, update) in (action.updates ?? []).enumerated() {
                    let updatePath = path + ".updates[\(u)]"
                    guard let rag = RAG(code: update.rag) else {
                        throw .invalidValue(update.rag, reason: "is not a RAG rating (R, A, G or B)", at: at(updatePath + ".rag"))
                    }
                    try required(update.by, updatePath + ".by")
                    let converted = ActionUpdate(
                        ref: action.ref, status: update.actionStatus, impact: update.impactAgainstOutcomesSet, more: update.whatMoreNeedsToBeDone,
                        rag: rag, by: update.by, at: update.at, evidence: update.evidence ?? [])
                    guard converted.date != nil else {
                        throw .invalidValue(update.at, reason: "does not begin with a date (YYYY-MM-DD)", at: at(updatePath + ".at"))
                    }
                    updates.append(converted)
                }
            }
            converted.append(Recommendation(
                number: recommendation.number, text: recommendation.text, outcomesSought: recommendation.outcomesSought,
                measures: recommendation.measures ?? [], actions: actions))
        }
        let plan = ImprovementPlan(
            id: Identifier(planID), title: title, subtitle: subtitle, source: source, submitTo: submitTo, submitBy: submitDate,
            governance: governance, ragScale: ragScale ?? RAG.standardScale, progressFields: progressFields ?? ActionUpdate.standardFieldNames,
            recommendations: converted)
        return PlanDocument.Contents(plan: plan, updates: updates)
    }
}

// MARK: Writing JSON in order

/// A JSON value whose objects keep their keys in order: Foundation's encoder orders keys by hash on Linux, so two
/// exports of the same plan would differ.
indirect enum OrderedJSON {
    case string(String)
    case number(Double)
    case array([OrderedJSON])
    /// Members whose value is `nil` are left out.
    case object([(String, OrderedJSON?)])

    /// Writes the value as Python's `json.dumps(indent=2)` does, which is how the fixture is laid out.
    func write(to text: inout String, indent: String) {
        switch self {
        case .string(let value): Self.writeString(value, to: &text)
        case .number(let value):
            text += value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .array(let values):
            guard !values.isEmpty else { return text += "[]" }
            text += "[\n"
            for (index, value) in values.enumerated() {
                text += indent + "  "
                value.write(to: &text, indent: indent + "  ")
                text += index == values.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object(let members):
            let present = members.compactMap { key, value in value.map { (key, $0) } }
            guard !present.isEmpty else { return text += "{}" }
            text += "{\n"
            for (index, (key, value)) in present.enumerated() {
                text += indent + "  "
                Self.writeString(key, to: &text)
                text += ": "
                value.write(to: &text, indent: indent + "  ")
                text += index == present.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        }
    }

    private static func writeString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20: text += String(format: "\\u%04x", scalar.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

// MARK: CSV

extension PlanDocument {
    /// The CSV columns: one row per action, with its latest update as of the date exported.
    public static let csvHeader = [
        "plan", "recommendation", "ref", "action", "accountable_lead", "deadline", "rag", "action_status",
        "impact_against_outcomes_set", "what_more_needs_to_be_done", "updated_by", "updated_at", "evidence",
    ]

    /// The CSV rows for pasting into council templates: every action in plan order, with its latest update on or
    /// before `asOf` (the latest of all when `nil`); the update columns are empty for an action never updated.
    /// Evidence links are separated by spaces.
    public static func csvRows(_ contents: Contents, asOf: LocalDate? = nil) -> [[String]] {
        let latest = PlanHistory.latestUpdates(contents.updates, asOf: asOf)
        return contents.plan.recommendations.flatMap { recommendation in
            recommendation.actions.map { action in
                let update = latest[action.ref]
                return [
                    contents.plan.id.rawValue, String(recommendation.number), action.ref, action.text, action.accountableLead,
                    action.deadline.description, update?.rag.rawValue ?? "", update?.status ?? "", update?.impact ?? "", update?.more ?? "",
                    update?.by ?? "", update?.at ?? "", update?.evidence.joined(separator: " ") ?? "",
                ]
            }
        }
    }
}
