import OversightCore
import OversightMeasures

/// A tracker measure, declared as the catalogue declares its own (definition, numerator, denominator, counting unit,
/// source, polarity, timescale), computed over a tracker's records rather than the case-record snapshot.
///
/// The catalogue's engine computes over `CaseSnapshot`, which holds what an SSD import brings; escalations, IRO
/// review records and the SEND tracker's records are kept beside it in the catalogue, so their measures are
/// declared here in the same shape and explained, like the catalogue's, down to each record and child.
public struct TimelinessMeasure: Sendable, Identifiable {
    public let declaration: TrackerMeasureDeclaration
    public var id: String { declaration.id }
    public var title: String { declaration.title }
    public var definition: String { declaration.definition }
    public var numerator: String { declaration.numerator }
    public var denominator: String { declaration.denominator ?? "" }
    public var counting: CountingUnit { declaration.counting }
    public var polarity: Polarity { declaration.polarity }
    public var source: StatutorySource { declaration.source }
    public var timescale: String { declaration.timescale ?? "" }

    /// Every timeliness measure is a percentage of the records due in the period.
    public init(
        id: String, title: String, definition: String, numerator: String, denominator: String, counting: CountingUnit, polarity: Polarity,
        source: StatutorySource, timescale: String
    ) {
        declaration = TrackerMeasureDeclaration(
            id: id, title: title, definition: definition, numerator: numerator, denominator: denominator, counting: counting, unit: .percentage,
            polarity: polarity, source: source, citation: nil, timescale: timescale)
    }
}

/// One record behind a figure: whether it counted in the numerator, with the dates that decided it.
public struct TimelinessCase: Sendable, Codable, Equatable {
    public var record: String
    public var child: String
    public var start: LocalDate
    public var end: LocalDate?
    /// Days (or working days, as the measure's timescale says) from `start` to `end`, or to the period's end.
    public var elapsed: Int
    public var met: Bool
    public var reason: String
}

/// A tracker measure's figure for a period, with every record behind it.
public struct TimelinessResult: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var period: String
    public var numerator: Int
    public var denominator: Int
    /// 100 × numerator ÷ denominator; `nil` with no denominator.
    public var value: Double?
    public var polarity: String
    /// The England figure for the period's year, where one is published.
    public var england: Double?
    public var englandYear: Int?
    public var cases: [TimelinessCase]

    init(_ measure: TimelinessMeasure, period: ReportingPeriod, cases: [TimelinessCase]) {
        id = measure.id
        title = measure.title
        self.period = period.trackerLabel
        numerator = cases.filter(\.met).count
        denominator = cases.count
        value = denominator == 0 ? nil : (1000 * Double(numerator) / Double(denominator)).rounded() / 10
        polarity = measure.polarity.rawValue
        let year = ComparatorTable.reportingYear(for: period, source: measure.source)
        let england = ComparatorTable.shipped.comparators(for: measure.id, year: year).first { $0.area == .england }
        self.england = england?.value
        englandYear = england?.year
        self.cases = cases.sorted { ($0.met ? 1 : 0, $0.start, $0.record) < ($1.met ? 1 : 0, $1.start, $1.record) }
    }
}

extension ReportingPeriod {
    /// The period as the trackers' reports name it: a calendar year (SEN2's year) by its number, others as `parse` reads them.
    public var trackerLabel: String {
        if case .rolling(12, let end) = self, end.month == 12, end.day == 31 { return "\(end.year)" }
        return description
    }
}
