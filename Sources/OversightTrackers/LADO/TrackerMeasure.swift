import OversightCore
import OversightMeasures

/// A tracker measure, declared in the catalogue's style (definition, numerator, denominator, counting unit, unit,
/// polarity, timescale) over a tracker's own records rather than the case snapshot `MeasureEngine` reads.
///
/// The engine's `MeasureContext` holds children's journeys; allegations and partner notifications are not in it, so
/// tracker measures carry their own compute function and explain each figure record by record, as the engine does
/// child by child.
public struct TrackerMeasure<Record: Sendable>: Sendable, Identifiable {
    /// `end` is the day an "at the period end" figure is taken: the period's last day, or the day the report is
    /// as of when that comes first, so that a figure for the current year never looks at days still to come.
    public typealias Compute = @Sendable (
        _ records: [Record], _ period: ReportingPeriod, _ end: LocalDate, _ calendar: WorkingDayCalendar
    ) -> [TrackerCaseRow]

    public let declaration: TrackerMeasureDeclaration
    public var id: String { declaration.id }
    public var title: String { declaration.title }
    public var definition: String { declaration.definition }
    public var numerator: String { declaration.numerator }
    public var denominator: String? { declaration.denominator }
    public var counting: CountingUnit { declaration.counting }
    public var unit: MeasureUnit { declaration.unit }
    public var polarity: Polarity { declaration.polarity }
    public var timescale: String? { declaration.timescale }
    /// The guidance the measure and its timescale come from.
    public var citation: String { declaration.citation ?? "" }
    let compute: Compute

    public init(
        id: String, title: String, definition: String, numerator: String, denominator: String?, counting: CountingUnit, unit: MeasureUnit,
        polarity: Polarity, timescale: String? = nil, citation: String, compute: @escaping Compute
    ) {
        declaration = TrackerMeasureDeclaration(
            id: id, title: title, definition: definition, numerator: numerator, denominator: denominator, counting: counting, unit: unit,
            polarity: polarity, source: .local, citation: citation, timescale: timescale)
        self.compute = compute
    }

    /// The figure for a period, with the rows that decided it; `asOf` caps the period's end for the at-the-end figures.
    public func figure(
        _ records: [Record], period: ReportingPeriod, asOf: LocalDate? = nil, calendar: WorkingDayCalendar = .englandAndWales
    ) -> TrackerFigure {
        let end = min(period.end, asOf ?? period.end)
        let rows = compute(records, period, end, calendar)
        let numerator = rows.filter(\.inNumerator).count
        let denominator = rows.filter(\.inDenominator).count
        let value: Double? =
            switch unit {
            case .percentage: denominator == 0 ? nil : 100 * Double(numerator) / Double(denominator)
            case .average, .meanDays: denominator == 0 ? nil : Double(numerator) / Double(denominator)
            case .count, .ratePer10000: Double(numerator)
            }
        return TrackerFigure(
            id: id, title: title, period: period.description, end: end.isoString, numerator: numerator, denominator: unit == .count ? nil : denominator,
            unit: unit, value: value, rows: rows)
    }
}

/// One record's part in a tracker figure: whether it counted, and the dates that decided it.
public struct TrackerCaseRow: Sendable, Codable, Equatable {
    /// The allegation's or notification's ID; for a per-officer figure, the officer.
    public var record: String
    public var inNumerator: Bool
    public var inDenominator: Bool
    /// The dates and counts that decided the row, in words (e.g. "received 2025-04-17, decided 2025-04-22: 1 working day").
    public var detail: String

    public init(record: String, inNumerator: Bool, inDenominator: Bool = true, detail: String) {
        self.record = record
        self.inNumerator = inNumerator
        self.inDenominator = inDenominator
        self.detail = detail
    }
}

/// A tracker measure's value for a period, explained down to the records.
public struct TrackerFigure: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var period: String
    /// The day the at-the-end figures are taken (ISO).
    public var end: String
    public var numerator: Int
    /// `nil` for a count.
    public var denominator: Int?
    public var unit: MeasureUnit
    public var value: Double?
    public var rows: [TrackerCaseRow]

    /// The value as the measure pages print it: a percentage to one place, an average to one place, a count whole.
    public var formatted: String {
        guard let value else { return "–" }
        switch unit {
        case .percentage: return "\(Self.oneDecimal(value))%"
        case .average, .meanDays: return Self.oneDecimal(value)
        case .count, .ratePer10000: return String(Int(value.rounded()))
        }
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
