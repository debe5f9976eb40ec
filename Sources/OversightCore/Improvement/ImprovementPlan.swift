/// An improvement plan: the council's answer to an inspection's recommendations (a post-Ofsted action plan) or to a
/// SEND Written Statement of Action, kept live rather than in a Word grid.
///
/// The shape follows the plans themselves (seed 003's 2022 "Post Ofsted Inspection Action Plan", seed 001's 2018
/// Phase 2 plan): numbered recommendations, each with the outcomes sought and numbered actions, each action with
/// an accountable lead and a deadline. Progress is not part of the plan: it is the append-only list of
/// ``ActionUpdate``s, read back as of any date with ``PlanHistory``.
public struct ImprovementPlan: Sendable, Hashable, Codable {
    /// Chosen at import (`--id`, or the file's name), so that several live plans can be told apart.
    public var id: Identifier<ImprovementPlan>
    public var title: String
    public var subtitle: String?
    /// What the plan answers: an inspection and its report, or a WSOA.
    public var source: String
    /// Who the plan is submitted to (Ofsted, the DfE and NHS England for a WSOA).
    public var submitTo: String?
    /// The submission date.
    public var submitBy: LocalDate?
    public var governance: Governance?
    /// The plan's own words for each rating, kept so an export reads as the plan did.
    public var ragScale: [RAGScaleEntry]
    /// The plan's names for the three progress fields of an update.
    public var progressFields: [String]
    public var recommendations: [Recommendation]

    public init(
        id: Identifier<ImprovementPlan>, title: String, subtitle: String? = nil, source: String, submitTo: String? = nil,
        submitBy: LocalDate? = nil, governance: Governance? = nil, ragScale: [RAGScaleEntry] = RAG.standardScale,
        progressFields: [String] = ActionUpdate.standardFieldNames, recommendations: [Recommendation]
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.source = source
        self.submitTo = submitTo
        self.submitBy = submitBy
        self.governance = governance
        self.ragScale = ragScale
        self.progressFields = progressFields
        self.recommendations = recommendations
    }

    /// Every action of every recommendation, in plan order.
    public var actions: [Action] { recommendations.flatMap(\.actions) }

    /// The action with this ref (`"2.3"`), if the plan has one.
    public func action(_ ref: String) -> Action? { actions.first { $0.ref == ref } }

    /// How often the board meets, in days: two months is 61 days, the longest two calendar months run to.
    public var boardCycleDays: Int { (governance?.boardMeetsEveryMonths).map(Governance.days(inMonths:)) ?? Governance.defaultBoardCycleDays }
}

/// Who holds the plan to account, and how often.
public struct Governance: Sendable, Hashable, Codable {
    /// The independently chaired improvement board meets every two months in the 2022 plan.
    public var boardMeetsEveryMonths: Int?
    /// How often the senior leadership team measures impact (`"quarter"`).
    public var impactMeasuredEvery: String?
    public var boardChair: String?

    public init(boardMeetsEveryMonths: Int? = nil, impactMeasuredEvery: String? = nil, boardChair: String? = nil) {
        self.boardMeetsEveryMonths = boardMeetsEveryMonths
        self.impactMeasuredEvery = impactMeasuredEvery
        self.boardChair = boardChair
    }

    /// Two months, at their longest (July and August): the default board cycle.
    public static let defaultBoardCycleDays = 61

    /// The most days `months` calendar months can span (31 a month, less one day per pair): 1 → 31, 2 → 61, 3 → 92.
    public static func days(inMonths months: Int) -> Int { months <= 0 ? defaultBoardCycleDays : months * 31 - months / 2 }
}

/// A recommendation from the inspection, with what the council wants to see change and what it will do.
public struct Recommendation: Sendable, Hashable, Codable {
    /// The recommendation's number in the report (1 … 7 in the 2022 plan).
    public var number: Int
    public var text: String
    public var outcomesSought: [String]
    /// The measures that show whether the outcomes are being achieved; empty until someone links them.
    public var measures: [MeasureLink]
    public var actions: [Action]

    public init(number: Int, text: String, outcomesSought: [String], measures: [MeasureLink] = [], actions: [Action]) {
        self.number = number
        self.text = text
        self.outcomesSought = outcomesSought
        self.measures = measures
        self.actions = actions
    }
}

/// A measure that shows a recommendation's outcomes, with where it started and where the plan wants it.
public struct MeasureLink: Sendable, Hashable, Codable {
    /// The measure catalogue's ID (`CIN-02`).
    public var measureID: String
    public var baseline: Double?
    public var target: Double?

    public init(measureID: String, baseline: Double? = nil, target: Double? = nil) {
        self.measureID = measureID
        self.baseline = baseline
        self.target = target
    }
}

/// One numbered action of a recommendation.
public struct Action: Sendable, Hashable, Codable {
    /// `"1.1"`: the recommendation's number, a point, the action's number.
    public var ref: String
    public var text: String
    public var accountableLead: String
    public var deadline: Deadline

    public init(ref: String, text: String, accountableLead: String, deadline: Deadline) {
        self.ref = ref
        self.text = text
        self.accountableLead = accountableLead
        self.deadline = deadline
    }
}

/// When an action is due: a date, or the plan's own words when it gives none (`"Ongoing"`, `"Quarterly from
/// September 2022"`). Every deadline in the 2022 plan is a date; older plans are not so tidy.
public enum Deadline: Sendable, Hashable, Codable, CustomStringConvertible {
    case date(LocalDate)
    case text(String)

    /// A `YYYY-MM-DD` string becomes a date; anything else is kept as written.
    public init(_ text: String) {
        if let date = LocalDate(iso: text) { self = .date(date) } else { self = .text(text) }
    }

    public var date: LocalDate? {
        if case .date(let date) = self { return date }
        return nil
    }

    /// As the plan's JSON writes it.
    public var description: String {
        switch self {
        case .date(let date): date.isoString
        case .text(let text): text
        }
    }

    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
