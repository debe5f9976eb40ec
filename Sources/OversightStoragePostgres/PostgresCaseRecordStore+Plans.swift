import Foundation
import OversightCore
import OversightStorage
import PostgresNIO

/// Improvement plans and their updates in the catalogue schema (migration `003-plans`), behaving as the SQLite
/// store's do; the plan store contract suite runs against both. Updates are append-only in the database itself: a
/// trigger refuses UPDATE, DELETE and TRUNCATE.
extension PostgresCaseRecordStore: PlanStore {
    public func savePlan(_ plan: ImprovementPlan, updates: [ActionUpdate]) throws(StorageError) {
        let id = plan.id.rawValue
        let logger = pool.logger
        try database("saving improvement plan \(id)") { connection in
            try transaction(connection) {
                if try !connection.run("SELECT 1 FROM \(catalogue("improvement_plan")) WHERE id = $1", Self.binds(id), logger: logger).isEmpty {
                    throw StorageError.planExists(id)
                }
                var binds = Self.binds(id, plan.title)
                binds.append(plan.subtitle)
                binds.append(plan.source)
                binds.append(plan.submitTo)
                binds.append(plan.submitBy?.isoString)
                binds.append(plan.governance?.boardMeetsEveryMonths)
                binds.append(plan.governance?.impactMeasuredEvery)
                binds.append(plan.governance?.boardChair)
                binds.append(PlanColumns.json(plan.ragScale))
                binds.append(PlanColumns.json(plan.progressFields))
                try connection.run(
                    """
                    INSERT INTO \(catalogue("improvement_plan")) (id, title, subtitle, source, submit_to, submit_by,
                        board_meets_every_months, impact_measured_every, board_chair, rag_scale, progress_fields)
                    VALUES ($1, $2, $3, $4, $5, $6::text::date, $7, $8, $9, $10, $11)
                    """, binds, logger: logger)
                for recommendation in plan.recommendations {
                    var binds = Self.binds(id)
                    binds.append(recommendation.number)
                    binds.append(recommendation.text)
                    binds.append(PlanColumns.json(recommendation.outcomesSought))
                    try connection.run(
                        "INSERT INTO \(catalogue("plan_recommendation")) (plan_id, number, text, outcomes_sought) VALUES ($1, $2, $3, $4)",
                        binds, logger: logger)
                    for (position, link) in recommendation.measures.enumerated() {
                        var binds = Self.binds(id)
                        binds.append(recommendation.number)
                        binds.append(position)
                        binds.append(link.measureID)
                        binds.append(link.baseline)
                        binds.append(link.target)
                        try connection.run(
                            """
                            INSERT INTO \(catalogue("plan_measure_link")) (plan_id, recommendation_number, position, measure_id, baseline, target)
                            VALUES ($1, $2, $3, $4, $5, $6)
                            """, binds, logger: logger)
                    }
                    for (position, action) in recommendation.actions.enumerated() {
                        var binds = Self.binds(id, action.ref)
                        binds.append(recommendation.number)
                        binds.append(position)
                        binds.append(action.text)
                        binds.append(action.accountableLead)
                        binds.append(action.deadline.description)
                        try connection.run(
                            """
                            INSERT INTO \(catalogue("plan_action")) (plan_id, ref, recommendation_number, position, text, accountable_lead, deadline)
                            VALUES ($1, $2, $3, $4, $5, $6, $7)
                            """, binds, logger: logger)
                    }
                }
                for update in updates { try insert(update, plan: id, connection) }
            }
        }
    }

    public func fetchPlans() throws(StorageError) -> [PlanSummary] {
        let operation = "listing improvement plans"
        let rows = try execute(
            operation,
            """
            SELECT id, title, source, to_char(submit_by, 'YYYY-MM-DD'),
                (SELECT count(*) FROM \(catalogue("plan_recommendation")) r WHERE r.plan_id = p.id),
                (SELECT count(*) FROM \(catalogue("plan_action")) a WHERE a.plan_id = p.id),
                (SELECT count(*) FROM \(catalogue("action_update")) u WHERE u.plan_id = p.id)
            FROM \(catalogue("improvement_plan")) p ORDER BY id COLLATE "C"
            """)
        var plans: [PlanSummary] = []
        for row in rows {
            let (id, title, source, submitBy, recommendations, actions, updates) =
                try Self.decode(row, (String, String, String, String?, Int, Int, Int).self, operation)
            plans.append(PlanSummary(
                id: Identifier(id), title: title, source: source, submitBy: submitBy.flatMap { LocalDate(iso: $0) },
                recommendationCount: recommendations, actionCount: actions, updateCount: updates))
        }
        return plans
    }

    public func fetchPlan(_ id: Identifier<ImprovementPlan>) throws(StorageError) -> ImprovementPlan? {
        let operation = "reading improvement plan \(id)"
        let logger = pool.logger
        return try database(operation) { connection in
            try transaction(connection, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") { () throws -> ImprovementPlan? in
                let binds = Self.binds(id.rawValue)
                guard let row = try connection.run(
                    """
                    SELECT title, subtitle, source, submit_to, to_char(submit_by, 'YYYY-MM-DD'), board_meets_every_months,
                        impact_measured_every, board_chair, rag_scale, progress_fields
                    FROM \(catalogue("improvement_plan")) WHERE id = $1
                    """, binds, logger: logger
                ).first else { return nil }
                let (title, subtitle, source, submitTo, submitBy, months, every, chair, ragScale, progressFields) = try Self.decode(
                    row, (String, String?, String, String?, String?, Int?, String?, String?, String, String).self, operation)
                var links: [(number: Int, link: MeasureLink)] = []
                for row in try connection.run(
                    """
                    SELECT recommendation_number, measure_id, baseline, target FROM \(catalogue("plan_measure_link"))
                    WHERE plan_id = $1 ORDER BY recommendation_number, position
                    """, binds, logger: logger)
                {
                    let (number, measureID, baseline, target) = try Self.decode(row, (Int, String, Double?, Double?).self, operation)
                    links.append((number, MeasureLink(measureID: measureID, baseline: baseline, target: target)))
                }
                var actions: [(number: Int, action: Action)] = []
                for row in try connection.run(
                    """
                    SELECT recommendation_number, ref, text, accountable_lead, deadline FROM \(catalogue("plan_action"))
                    WHERE plan_id = $1 ORDER BY recommendation_number, position
                    """, binds, logger: logger)
                {
                    let (number, ref, text, lead, deadline) = try Self.decode(row, (Int, String, String, String, String).self, operation)
                    actions.append((number, Action(ref: ref, text: text, accountableLead: lead, deadline: Deadline(deadline))))
                }
                var recommendations: [Recommendation] = []
                for row in try connection.run(
                    "SELECT number, text, outcomes_sought FROM \(catalogue("plan_recommendation")) WHERE plan_id = $1 ORDER BY number",
                    binds, logger: logger)
                {
                    let (number, text, outcomes) = try Self.decode(row, (Int, String, String).self, operation)
                    recommendations.append(Recommendation(
                        number: number, text: text, outcomesSought: try PlanColumns.strings(outcomes, plan: id.rawValue),
                        measures: links.filter { $0.number == number }.map(\.link), actions: actions.filter { $0.number == number }.map(\.action)))
                }
                return ImprovementPlan(
                    id: id, title: title, subtitle: subtitle, source: source, submitTo: submitTo, submitBy: submitBy.flatMap { LocalDate(iso: $0) },
                    governance: months == nil && every == nil && chair == nil
                        ? nil : Governance(boardMeetsEveryMonths: months, impactMeasuredEvery: every, boardChair: chair),
                    ragScale: try PlanColumns.decode([RAGScaleEntry].self, ragScale, plan: id.rawValue),
                    progressFields: try PlanColumns.strings(progressFields, plan: id.rawValue), recommendations: recommendations)
            }
        }
    }

    public func appendUpdate(_ update: ActionUpdate, to plan: Identifier<ImprovementPlan>) throws(StorageError) {
        let logger = pool.logger
        try database("recording an update to \(update.ref)") { connection in
            try transaction(connection) {
                if try connection.run("SELECT 1 FROM \(catalogue("improvement_plan")) WHERE id = $1", Self.binds(plan.rawValue), logger: logger).isEmpty {
                    throw StorageError.unknownPlan(plan.rawValue)
                }
                try insert(update, plan: plan.rawValue, connection)
            }
        }
    }

    public func fetchUpdates(plan: Identifier<ImprovementPlan>, asOf: LocalDate?) throws(StorageError) -> [ActionUpdate] {
        let operation = "reading updates to plan \(plan)"
        if try execute(operation, "SELECT 1 FROM \(catalogue("improvement_plan")) WHERE id = $1", Self.binds(plan.rawValue)).isEmpty {
            throw .unknownPlan(plan.rawValue)
        }
        var binds = Self.binds(plan.rawValue)
        var filter = ""
        if let asOf {
            // The day is the first ten characters of the timestamp, which import and the CLI check are a date.
            binds.append(asOf.isoString)
            filter = "AND substr(at, 1, 10) <= $2"
        }
        let rows = try execute(
            operation,
            """
            SELECT action_ref, status, impact, more, rag, by_name, at, evidence FROM \(catalogue("action_update"))
            WHERE plan_id = $1 \(filter) ORDER BY id
            """, binds)
        var updates: [ActionUpdate] = []
        for row in rows {
            let (ref, status, impact, more, code, by, at, evidence) =
                try Self.decode(row, (String, String, String, String, String, String, String, String).self, operation)
            guard let rag = RAG(rawValue: code) else { throw .database(operation: operation, reason: "unknown RAG rating '\(code)'") }
            updates.append(ActionUpdate(
                ref: ref, status: status, impact: impact, more: more, rag: rag, by: by, at: at,
                evidence: try PlanColumns.strings(evidence, plan: plan.rawValue)))
        }
        return updates
    }

    private func insert(_ update: ActionUpdate, plan: String, _ connection: PostgresConnection) throws {
        try update.checkDated()
        let logger = pool.logger
        if try connection.run(
            "SELECT 1 FROM \(catalogue("plan_action")) WHERE plan_id = $1 AND ref = $2", Self.binds(plan, update.ref), logger: logger
        ).isEmpty {
            throw StorageError.unknownAction(plan: plan, ref: update.ref)
        }
        try connection.run(
            """
            INSERT INTO \(catalogue("action_update")) (plan_id, action_ref, at, status, impact, more, rag, by_name, evidence)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """,
            Self.binds(
                plan, update.ref, update.at, update.status, update.impact, update.more, update.rag.rawValue, update.by,
                PlanColumns.json(update.evidence)),
            logger: logger)
    }
}
