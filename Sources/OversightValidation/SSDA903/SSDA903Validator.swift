import Dispatch
import Foundation
import OversightCore
import OversightInterchange
import Synchronization

/// Runs a collection year's SSDA903 rule pack over a return and reports every rule: failed, passed, or
/// skipped with the reason (a table absent, reference data not supplied, or not yet implemented).
public struct SSDA903Validator: Sendable {
    public let year: Int
    public let reference: SSDA903ReferenceData

    /// - Parameter year: the collection year as the DfE names it by its end: 2025 is 2024/25.
    public init(year: Int, reference: SSDA903ReferenceData = SSDA903ReferenceData()) {
        self.year = year
        self.reference = reference
    }

    /// Validates a return. Rules run in parallel; the report lists them in the pack's code order.
    public func validate(_ data: SSDA903Return) -> ValidationReport {
        let started = ContinuousClock.now
        let context = SSDA903Context(year: year, data: data, reference: reference)
        let entries = SSDA903Catalogue.entries(forYear: year)
        let outcomes = Mutex([RuleOutcome?](repeating: nil, count: entries.count))
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            let outcome = Self.outcome(of: entries[index], in: context)
            outcomes.withLock { $0[index] = outcome }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return ValidationReport(
            outcomes: outcomes.withLock { $0.compactMap { $0 } }, childCount: data[.header]?.count ?? 0, seconds: seconds)
    }

    static func outcome(of entry: SSDA903Catalogue.Entry, in context: SSDA903Context) -> RuleOutcome {
        let description = RuleDescription(code: entry.code, message: entry.message, kind: entry.code.hasSuffix("Q") ? .query : .error)
        if let need = entry.needs, !context.reference.available.contains(need) {
            return RuleOutcome(rule: description, failures: [], skipped: need.skipReason)
        }
        guard let rule = SSDA903Rules.rule(entry.code, year: context.year) else {
            return RuleOutcome(rule: description, failures: [], skipped: "skipped: not yet implemented in Oversight")
        }
        if let need = rule.alsoNeeds.first(where: { !context.reference.available.contains($0) }) {
            return RuleOutcome(rule: description, failures: [], skipped: need.skipReason)
        }
        if let absent = rule.tables.first(where: { context.data[$0] == nil }) {
            return RuleOutcome(rule: description, failures: [], skipped: "skipped: needs the \(absent.rawValue) table")
        }
        if let absent = rule.lastYearTables.first(where: { context.data.lastYear[$0] == nil }) {
            return RuleOutcome(rule: description, failures: [], skipped: "skipped: needs last year's \(absent.rawValue) table (--last DIR)")
        }
        let flagged = Set(rule.check(context)).sorted { ($0.table, $0.row) < ($1.table, $1.row) }
        let failures = flagged.map { reference in
            let table = context[reference.table]
            return FailureLocation(child: table.children[reference.row] ?? "", table: reference.table.rawValue, row: reference.row + 1)
        }
        return RuleOutcome(rule: description, failures: failures)
    }
}
