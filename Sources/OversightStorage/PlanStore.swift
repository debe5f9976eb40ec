import Foundation
import OversightCore

/// One stored plan, for listing: enough to choose one by ID.
public struct PlanSummary: Sendable, Hashable {
    public var id: Identifier<ImprovementPlan>
    public var title: String
    public var source: String
    public var submitBy: LocalDate?
    public var recommendationCount: Int
    public var actionCount: Int
    public var updateCount: Int

    public init(
        id: Identifier<ImprovementPlan>, title: String, source: String, submitBy: LocalDate?, recommendationCount: Int, actionCount: Int,
        updateCount: Int
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.submitBy = submitBy
        self.recommendationCount = recommendationCount
        self.actionCount = actionCount
        self.updateCount = updateCount
    }
}

/// Improvement plans and the append-only history of their actions' updates (issue 7).
///
/// Several plans can be live at once. A plan's recommendations and actions are stored once, at import; progress is
/// only ever appended, so the plan can be read back as of any past date. Both stores refuse to change or remove an
/// update in the database itself.
public protocol PlanStore: Sendable {
    /// Stores a new plan and any updates imported with it, in one transaction.
    /// - Throws: `StorageError.planExists` when a plan with the same ID is stored,
    ///   `StorageError.unknownAction` when an update names an action the plan lacks, `StorageError.undatedUpdate`.
    func savePlan(_ plan: ImprovementPlan, updates: [ActionUpdate]) throws(StorageError)

    /// Every stored plan, by ID.
    func fetchPlans() throws(StorageError) -> [PlanSummary]

    /// The plan with its recommendations, outcomes, measure links and actions, in plan order; `nil` when there is none.
    func fetchPlan(_ id: Identifier<ImprovementPlan>) throws(StorageError) -> ImprovementPlan?

    /// Appends one update to an action's history. Nothing is overwritten: a correction is a newer update.
    /// - Throws: `StorageError.unknownPlan`, `StorageError.unknownAction`, or `StorageError.undatedUpdate` when
    ///   the update's `at` does not begin with a date.
    func appendUpdate(_ update: ActionUpdate, to plan: Identifier<ImprovementPlan>) throws(StorageError)

    /// The plan's updates in the order recorded; with `asOf`, only those made on or before that day.
    /// - Throws: `StorageError.unknownPlan`.
    func fetchUpdates(plan: Identifier<ImprovementPlan>, asOf: LocalDate?) throws(StorageError) -> [ActionUpdate]
}

extension ActionUpdate {
    /// Refuses an update that could not be placed in time.
    /// - Throws: `StorageError.undatedUpdate`.
    public func checkDated() throws(StorageError) {
        if date == nil { throw .undatedUpdate(ref: ref, at: at) }
    }
}

extension PlanStore {
    /// Stores a new plan with no updates.
    public func savePlan(_ plan: ImprovementPlan) throws(StorageError) { try savePlan(plan, updates: []) }
}

/// The JSON-array columns of the plan tables, written the same way by every store.
public enum PlanColumns {
    public static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Arrays of strings and of plain structs of strings always encode.
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    public static func strings(_ text: String, plan: String) throws(StorageError) -> [String] { try decode([String].self, text, plan: plan) }

    public static func decode<T: Decodable>(_ type: T.Type, _ text: String, plan: String) throws(StorageError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw .database(operation: "reading improvement plan \(plan)", reason: "unreadable JSON column '\(text.prefix(40))'")
        }
    }
}
