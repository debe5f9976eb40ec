import OversightCore
import Synchronization

/// Improvement plans held in memory: for tests, and the reference the database stores must match.
public final class InMemoryPlanStore: PlanStore {
    private struct State {
        var plans: [Identifier<ImprovementPlan>: ImprovementPlan] = [:]
        var updates: [Identifier<ImprovementPlan>: [ActionUpdate]] = [:]
    }
    private let state = Mutex(State())

    public init() {}

    public func savePlan(_ plan: ImprovementPlan, updates: [ActionUpdate]) throws(StorageError) {
        let refs = Set(plan.actions.map(\.ref))
        try state.withLock { (state: inout State) throws(StorageError) in
            guard state.plans[plan.id] == nil else { throw .planExists(plan.id.rawValue) }
            for update in updates {
                try update.checkDated()
                guard refs.contains(update.ref) else { throw .unknownAction(plan: plan.id.rawValue, ref: update.ref) }
            }
            state.plans[plan.id] = plan
            state.updates[plan.id] = updates
        }
    }

    public func fetchPlans() throws(StorageError) -> [PlanSummary] {
        state.withLock { state in
            state.plans.values.sorted { $0.id.rawValue.utf8.lexicographicallyPrecedes($1.id.rawValue.utf8) }.map { plan in
                PlanSummary(
                    id: plan.id, title: plan.title, source: plan.source, submitBy: plan.submitBy,
                    recommendationCount: plan.recommendations.count, actionCount: plan.actions.count,
                    updateCount: state.updates[plan.id]?.count ?? 0)
            }
        }
    }

    public func fetchPlan(_ id: Identifier<ImprovementPlan>) throws(StorageError) -> ImprovementPlan? { state.withLock { $0.plans[id] } }

    public func appendUpdate(_ update: ActionUpdate, to plan: Identifier<ImprovementPlan>) throws(StorageError) {
        try state.withLock { (state: inout State) throws(StorageError) in
            guard let stored = state.plans[plan] else { throw .unknownPlan(plan.rawValue) }
            try update.checkDated()
            guard stored.action(update.ref) != nil else { throw .unknownAction(plan: plan.rawValue, ref: update.ref) }
            state.updates[plan, default: []].append(update)
        }
    }

    public func fetchUpdates(plan: Identifier<ImprovementPlan>, asOf: LocalDate?) throws(StorageError) -> [ActionUpdate] {
        try state.withLock { (state: inout State) throws(StorageError) -> [ActionUpdate] in
            guard state.plans[plan] != nil else { throw .unknownPlan(plan.rawValue) }
            let all = state.updates[plan] ?? []
            guard let asOf else { return all }
            // The day is the first ten characters of the timestamp, as the database stores compare it.
            return all.filter { $0.at.prefix(10) <= asOf.isoString }
        }
    }
}
