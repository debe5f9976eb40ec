import Foundation
import GRDB
import OversightCore
import OversightStorage

/// Improvement plans and their updates, in the catalogue (migration `003-plans`): they outlive every import.
///
/// Outcomes sought, the RAG key, progress field names and evidence links are stored as JSON arrays in one column
/// each; they are only ever read whole. Updates are append-only in the database itself (triggers refuse UPDATE and
/// DELETE).
extension SQLiteCaseRecordStore: PlanStore {
    public func savePlan(_ plan: ImprovementPlan, updates: [ActionUpdate]) throws(StorageError) {
        let id = plan.id.rawValue
        try writeCatalogue("saving improvement plan \(id)") { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM improvement_plan WHERE id = ?", arguments: [id]) == true {
                throw StorageError.planExists(id)
            }
            try db.execute(
                sql: """
                    INSERT INTO improvement_plan (id, title, subtitle, source, submit_to, submit_by, board_meets_every_months,
                        impact_measured_every, board_chair, rag_scale, progress_fields)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, plan.title, plan.subtitle, plan.source, plan.submitTo, plan.submitBy?.isoString,
                    plan.governance?.boardMeetsEveryMonths, plan.governance?.impactMeasuredEvery, plan.governance?.boardChair,
                    PlanColumns.json(plan.ragScale), PlanColumns.json(plan.progressFields),
                ])
            for recommendation in plan.recommendations {
                try db.execute(
                    sql: "INSERT INTO plan_recommendation (plan_id, number, text, outcomes_sought) VALUES (?, ?, ?, ?)",
                    arguments: [id, recommendation.number, recommendation.text, PlanColumns.json(recommendation.outcomesSought)])
                for (position, link) in recommendation.measures.enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO plan_measure_link (plan_id, recommendation_number, position, measure_id, baseline, target)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [id, recommendation.number, position, link.measureID, link.baseline, link.target])
                }
                for (position, action) in recommendation.actions.enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO plan_action (plan_id, ref, recommendation_number, position, text, accountable_lead, deadline)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [id, action.ref, recommendation.number, position, action.text, action.accountableLead, action.deadline.description])
                }
            }
            for update in updates { try Self.insert(update, plan: id, db) }
        }
    }

    public func fetchPlans() throws(StorageError) -> [PlanSummary] {
        try readCatalogue("listing improvement plans") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, title, source, submit_by,
                        (SELECT COUNT(*) FROM plan_recommendation r WHERE r.plan_id = p.id) AS recommendations,
                        (SELECT COUNT(*) FROM plan_action a WHERE a.plan_id = p.id) AS actions,
                        (SELECT COUNT(*) FROM action_update u WHERE u.plan_id = p.id) AS updates
                    FROM improvement_plan p ORDER BY id
                    """
            ).map { row in
                PlanSummary(
                    id: Identifier(row["id"] as String), title: row["title"], source: row["source"],
                    submitBy: (row["submit_by"] as String?).flatMap { LocalDate(iso: $0) }, recommendationCount: row["recommendations"],
                    actionCount: row["actions"], updateCount: row["updates"])
            }
        }
    }

    public func fetchPlan(_ id: Identifier<ImprovementPlan>) throws(StorageError) -> ImprovementPlan? {
        try readCatalogue("reading improvement plan \(id)") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM improvement_plan WHERE id = ?", arguments: [id.rawValue]) else {
                return nil
            }
            let links = try Row.fetchAll(
                db, sql: "SELECT * FROM plan_measure_link WHERE plan_id = ? ORDER BY recommendation_number, position", arguments: [id.rawValue])
            let actions = try Row.fetchAll(
                db, sql: "SELECT * FROM plan_action WHERE plan_id = ? ORDER BY recommendation_number, position", arguments: [id.rawValue])
            let recommendations = try Row.fetchAll(
                db, sql: "SELECT * FROM plan_recommendation WHERE plan_id = ? ORDER BY number", arguments: [id.rawValue]
            ).map { recommendation in
                let number: Int = recommendation["number"]
                return Recommendation(
                    number: number, text: recommendation["text"],
                    outcomesSought: try PlanColumns.strings(recommendation["outcomes_sought"], plan: id.rawValue),
                    measures: links.filter { $0["recommendation_number"] == number }.map { link in
                        MeasureLink(measureID: link["measure_id"], baseline: link["baseline"], target: link["target"])
                    },
                    actions: actions.filter { $0["recommendation_number"] == number }.map { action in
                        Action(
                            ref: action["ref"], text: action["text"], accountableLead: action["accountable_lead"],
                            deadline: Deadline(action["deadline"] as String))
                    })
            }
            let months: Int? = row["board_meets_every_months"]
            let every: String? = row["impact_measured_every"]
            let chair: String? = row["board_chair"]
            return ImprovementPlan(
                id: id, title: row["title"], subtitle: row["subtitle"], source: row["source"], submitTo: row["submit_to"],
                submitBy: (row["submit_by"] as String?).flatMap { LocalDate(iso: $0) },
                governance: months == nil && every == nil && chair == nil
                    ? nil : Governance(boardMeetsEveryMonths: months, impactMeasuredEvery: every, boardChair: chair),
                ragScale: try PlanColumns.decode([RAGScaleEntry].self, row["rag_scale"], plan: id.rawValue),
                progressFields: try PlanColumns.strings(row["progress_fields"], plan: id.rawValue),
                recommendations: recommendations)
        }
    }

    public func appendUpdate(_ update: ActionUpdate, to plan: Identifier<ImprovementPlan>) throws(StorageError) {
        try writeCatalogue("recording an update to \(update.ref)") { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM improvement_plan WHERE id = ?", arguments: [plan.rawValue]) == true else {
                throw StorageError.unknownPlan(plan.rawValue)
            }
            try Self.insert(update, plan: plan.rawValue, db)
        }
    }

    public func fetchUpdates(plan: Identifier<ImprovementPlan>, asOf: LocalDate?) throws(StorageError) -> [ActionUpdate] {
        try readCatalogue("reading updates to plan \(plan)") { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM improvement_plan WHERE id = ?", arguments: [plan.rawValue]) == true else {
                throw StorageError.unknownPlan(plan.rawValue)
            }
            // The day is the first ten characters of the timestamp, which import and the CLI check are a date.
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM action_update WHERE plan_id = ? AND (? IS NULL OR substr(at, 1, 10) <= ?) ORDER BY id
                    """,
                arguments: [plan.rawValue, asOf?.isoString, asOf?.isoString]
            ).map { row in
                let code: String = row["rag"]
                guard let rag = RAG(rawValue: code) else {
                    throw StorageError.database(operation: "reading updates to plan \(plan)", reason: "unknown RAG rating '\(code)'")
                }
                return ActionUpdate(
                    ref: row["action_ref"], status: row["status"], impact: row["impact"], more: row["more"], rag: rag, by: row["by_name"],
                    at: row["at"], evidence: try PlanColumns.strings(row["evidence"], plan: plan.rawValue))
            }
        }
    }

    private static func insert(_ update: ActionUpdate, plan: String, _ db: Database) throws {
        try update.checkDated()
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM plan_action WHERE plan_id = ? AND ref = ?", arguments: [plan, update.ref]) == true else {
            throw StorageError.unknownAction(plan: plan, ref: update.ref)
        }
        try db.execute(
            sql: """
                INSERT INTO action_update (plan_id, action_ref, at, status, impact, more, rag, by_name, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                plan, update.ref, update.at, update.status, update.impact, update.more, update.rag.rawValue, update.by,
                PlanColumns.json(update.evidence),
            ])
    }
}
