import OversightCore

/// What a measure's value is.
public enum MeasureUnit: String, Sendable, Codable {
    /// 100 × numerator ÷ denominator.
    case percentage
    /// Numerator per 10,000 children aged 0–17; flows in part-years are annualised.
    case ratePer10000
    /// Numerator ÷ denominator, in days (e.g. adoption A1).
    case meanDays
    /// Numerator ÷ denominator, e.g. cases per case-holding FTE.
    case average
    /// The numerator itself, e.g. full-time equivalents in post.
    case count
}

/// Whether a measure counts events (a child referred twice counts twice) or distinct children (kpis.md §0.6).
public enum CountingUnit: Sendable, Codable, Equatable, CustomStringConvertible {
    case events(String)
    case children
    case workers

    public var description: String {
        switch self {
        case .events(let noun): noun
        case .children: "children"
        case .workers: "workers"
        }
    }
}

/// Which dates of the reporting period a measure looks at.
public enum PeriodKind: String, Sendable, Codable {
    /// Events dated inside the period.
    case flow
    /// Children in a state on the period's last day (e.g. "at 31 March").
    case asAtEnd
    /// Children at the period's end, judged on the 12 months before it (placement stability, social workers).
    case twelveMonthsToEnd
    /// Children adopted in the three years ending with the period (adoption scorecard).
    case threeYearsToEnd
    /// Care leavers whose 19th, 20th or 21st birthday falls in the period.
    case birthdayInPeriod
}

public enum Polarity: String, Sendable, Codable {
    case higherIsBetter, lowerIsBetter, neither
}

/// The statutory return a measure comes from, or `local` when no return collects it.
public enum StatutorySource: String, Sendable, Codable {
    case cinCensus = "CIN census"
    case ssda903 = "SSDA903"
    case workforceCensus = "Children's social work workforce census"
    case sen2 = "SEN2"
    case local = "Local measure"
}

/// One measure, declared once: what it means, how it is counted, and how it is computed.
public struct MeasureDefinition: Sendable, Identifiable {
    public typealias Compute = @Sendable (MeasureContext, inout Tally) -> Void

    public let id: String
    public let title: String
    public let definition: String
    public let numerator: String
    public let denominator: String
    public let counting: CountingUnit
    public let period: PeriodKind
    public let unit: MeasureUnit
    public let polarity: Polarity
    public let source: StatutorySource
    /// The Ofsted ILACS Annex A list the child-level rows correspond to.
    public let annexAList: Int?
    /// The statutory or local timescale the measure judges against, in words.
    public let timescale: String?
    /// Decimal places DfE publishes the figure with (CIN census 1, SSDA903 whole numbers).
    public let publishedDecimals: Int
    /// Why the measure cannot be computed from what the domain holds; `nil` when it can.
    public let unavailableReason: String?
    let compute: Compute?

    init(
        id: String, title: String, definition: String, numerator: String, denominator: String,
        counting: CountingUnit, period: PeriodKind, unit: MeasureUnit, polarity: Polarity, source: StatutorySource,
        annexAList: Int? = nil, timescale: String? = nil, publishedDecimals: Int? = nil,
        unavailableReason: String? = nil, compute: Compute?
    ) {
        self.id = id
        self.title = title
        self.definition = definition
        self.numerator = numerator
        self.denominator = denominator
        self.counting = counting
        self.period = period
        self.unit = unit
        self.polarity = polarity
        self.source = source
        self.annexAList = annexAList
        self.timescale = timescale
        self.publishedDecimals = publishedDecimals ?? (source == .ssda903 ? 0 : 1)
        self.unavailableReason = unavailableReason
        self.compute = compute
    }

    public var isAvailable: Bool { compute != nil }
}

/// Local standards the statutory guidance leaves to each authority (kpis.md §2).
public struct LocalStandards: Sendable, Codable, Equatable {
    /// Working days between child protection visits (common local standard: 10).
    public var protectionVisitWorkingDays: Int = 10
    /// Working days allowed from referral to decision (Working Together: 1).
    public var referralDecisionWorkingDays: Int = 1

    public init() {}
}

/// Everything a measure's computation may read.
public struct MeasureContext: Sendable {
    public let snapshot: CaseSnapshot
    public let period: ReportingPeriod
    public let calendar: WorkingDayCalendar
    public let standards: LocalStandards

    public init(snapshot: CaseSnapshot, period: ReportingPeriod, calendar: WorkingDayCalendar = .englandAndWales, standards: LocalStandards = LocalStandards()) {
        self.snapshot = snapshot
        self.period = period
        self.calendar = calendar
        self.standards = standards
    }

    public var start: LocalDate { period.start }
    public var end: LocalDate { period.end }

    /// The 12 months ending on the period's last day.
    public var twelveMonthsToEnd: DateInterval {
        DateInterval(start: end.adding(months: -12).adding(days: 1), end: end)
    }

    public func workingDays(from start: LocalDate, to end: LocalDate) -> Int {
        calendar.workingDays(from: start, to: end)
    }
}
