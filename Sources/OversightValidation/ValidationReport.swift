import Foundation

/// Whether the DfE treats a failed rule as an error (the return cannot be signed off) or a query (to be explained).
public enum RuleKind: String, Sendable, Codable, Hashable {
    case error
    case query
}

/// One DfE validation rule as published: its code (e.g. `8525`, `2885Q`, `SW13STG1`) and message.
public struct RuleDescription: Sendable, Hashable, Codable {
    public var code: String
    public var message: String
    public var kind: RuleKind
    /// True for return-level rules, which judge the return as a whole rather than one child.
    public var returnLevel: Bool

    public init(code: String, message: String, kind: RuleKind, returnLevel: Bool = false) {
        self.code = code
        self.message = message
        self.kind = kind
        self.returnLevel = returnLevel
    }
}

/// Where a failure sits: the child, and for tabular returns (the 903) the table and its 1-based data row.
public struct FailureLocation: Sendable, Hashable, Codable {
    public var child: String
    public var table: String?
    public var row: Int?

    public init(child: String, table: String? = nil, row: Int? = nil) {
        self.child = child
        self.table = table
        self.row = row
    }
}

/// The outcome of one rule over a return.
public struct RuleOutcome: Sendable, Hashable {
    public var rule: RuleDescription
    public var failures: [FailureLocation]
    /// Why the rule did not run, e.g. "skipped: needs the Ofsted provider lists". Nil when it ran.
    public var skipped: String?

    public init(rule: RuleDescription, failures: [FailureLocation], skipped: String? = nil) {
        self.rule = rule
        self.failures = failures
        self.skipped = skipped
    }

    /// The distinct children flagged, in first-seen order. A return-level failure names no child (an empty `child`).
    public var children: [String] {
        var seen = Set<String>()
        return failures.compactMap { !$0.child.isEmpty && seen.insert($0.child).inserted ? $0.child : nil }
    }
}

/// A validated return. Its JSON is a contract shared by `oversight cin validate` and `oversight 903 validate`:
/// `{"rules":[{"code","message","kind","la_level","failures","children":[…]}],"children":N,"seconds":S}`.
public struct ValidationReport: Sendable {
    public var outcomes: [RuleOutcome]
    /// How many children the return holds.
    public var childCount: Int
    public var seconds: Double

    public init(outcomes: [RuleOutcome], childCount: Int, seconds: Double) {
        self.outcomes = outcomes
        self.childCount = childCount
        self.seconds = seconds
    }

    /// The rules that failed at least once, in rule order.
    public var failed: [RuleOutcome] { outcomes.filter { !$0.failures.isEmpty } }
}

extension ValidationReport: Encodable {
    private enum Keys: String, CodingKey { case rules, children, seconds }
    private enum RuleKeys: String, CodingKey { case code, message, kind, la_level, failures, children, rows, skipped }
    private enum RowKeys: String, CodingKey { case child, table, row }

    /// Every rule appears, with `failures` 0 when it passed, so a consumer can tell "passed" from "not run".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var rules = container.nestedUnkeyedContainer(forKey: .rules)
        for outcome in outcomes {
            var rule = rules.nestedContainer(keyedBy: RuleKeys.self)
            try rule.encode(outcome.rule.code, forKey: .code)
            try rule.encode(outcome.rule.message, forKey: .message)
            try rule.encode(outcome.rule.kind, forKey: .kind)
            try rule.encode(outcome.rule.returnLevel, forKey: .la_level)
            try rule.encode(outcome.failures.count, forKey: .failures)
            try rule.encode(outcome.children, forKey: .children)
            if outcome.failures.contains(where: { $0.table != nil }) {
                var rows = rule.nestedUnkeyedContainer(forKey: .rows)
                for failure in outcome.failures {
                    var row = rows.nestedContainer(keyedBy: RowKeys.self)
                    try row.encode(failure.child, forKey: .child)
                    try row.encodeIfPresent(failure.table, forKey: .table)
                    try row.encodeIfPresent(failure.row, forKey: .row)
                }
            }
            try rule.encodeIfPresent(outcome.skipped, forKey: .skipped)
        }
        try container.encode(childCount, forKey: .children)
        try container.encode(seconds, forKey: .seconds)
    }
}
