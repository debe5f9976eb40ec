import Dispatch
import Foundation
import OversightCore

/// A measure's figure for one period and slice, with what it is compared with.
public struct MeasureResult: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var unit: MeasureUnit
    public var period: String
    public var slice: String
    /// `nil` when the measure cannot be computed (no data held, no denominator, no population set).
    public var value: Double?
    public var numerator: Double?
    /// For rates, the 0–17 population; for averages, what the numerator is divided by.
    public var denominator: Double?
    public var polarity: Polarity
    public var comparators: [ComparatorFigure]
    /// Why there is no value, or how the value was adjusted (e.g. annualised).
    public var note: String?

    public init(
        id: String, title: String, unit: MeasureUnit, period: String, slice: String, value: Double?, numerator: Double?,
        denominator: Double?, polarity: Polarity, comparators: [ComparatorFigure], note: String?
    ) {
        self.id = id
        self.title = title
        self.unit = unit
        self.period = period
        self.slice = slice
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.polarity = polarity
        self.comparators = comparators
        self.note = note
    }
}

/// A figure with the child-level rows behind it.
public struct MeasureExplanation: Sendable, Codable, Equatable {
    public var result: MeasureResult
    public var rows: [ExplanationRow]
}

/// One month's point in a measure's trend.
public struct TrendPoint: Sendable, Codable, Equatable {
    public var period: String
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
}

/// Computes measures over one snapshot: any measure, period and slice, with or without explanation.
public struct MeasureEngine: Sendable {
    public let snapshot: CaseSnapshot
    public var calendar: WorkingDayCalendar
    public var standards: LocalStandards
    /// The authority's population aged 0–17 (ONS mid-year estimate); rates need it.
    public var population: Int?
    public var comparators: ComparatorTable

    public init(
        snapshot: CaseSnapshot, population: Int? = nil, calendar: WorkingDayCalendar = .englandAndWales,
        standards: LocalStandards = LocalStandards(), comparators: ComparatorTable = .shipped
    ) {
        self.snapshot = snapshot
        self.population = population
        self.calendar = calendar
        self.standards = standards
        self.comparators = comparators
    }

    public func compute(_ measure: MeasureDefinition, period: ReportingPeriod, slice: Slice = .authority) -> MeasureResult {
        run(measure, period: period, slice: slice, explains: false).result
    }

    public func explain(_ measure: MeasureDefinition, period: ReportingPeriod, slice: Slice = .authority) -> MeasureExplanation {
        run(measure, period: period, slice: slice, explains: true)
    }

    /// Every measure in the catalogue, computed on all cores.
    public func computeAll(period: ReportingPeriod, slice: Slice = .authority, measures: [MeasureDefinition] = MeasureCatalogue.all) -> [MeasureResult] {
        let results = ResultSlots(count: measures.count)
        DispatchQueue.concurrentPerform(iterations: measures.count) { i in
            results.set(i, compute(measures[i], period: period, slice: slice))
        }
        return results.values
    }

    /// Monthly points over the `months` calendar months ending with `lastMonth`: flows count the month's
    /// events; stocks are taken on the month's last day.
    /// A measure for `period` and each of the `months - 1` periods ending a month earlier before it, oldest
    /// first: the line a sparkline draws for a rolling year.
    public func monthlySeries(_ measure: MeasureDefinition, endingWith period: ReportingPeriod, months: Int) -> [(period: ReportingPeriod, value: Double?)] {
        var periods: [ReportingPeriod] = [period]
        while periods.count < months, let last = periods.last { periods.append(last.monthEarlier) }
        return periods.reversed().map { ($0, compute(measure, period: $0).value) }
    }

    public func trend(_ measure: MeasureDefinition, lastMonth: (year: Int, month: Int), months: Int = 24, slice: Slice = .authority) -> [TrendPoint] {
        let periods = sequence(first: ReportingPeriod.month(year: lastMonth.year, month: lastMonth.month)) { $0.previous }
        return periods.prefix(months).reversed().map { period in
            let result = compute(measure, period: period, slice: slice)
            return TrendPoint(period: period.description, value: result.value, numerator: result.numerator, denominator: result.denominator)
        }
    }

    private func run(_ measure: MeasureDefinition, period: ReportingPeriod, slice: Slice, explains: Bool) -> MeasureExplanation {
        let year = ComparatorTable.reportingYear(for: period, source: measure.source)
        var result = MeasureResult(
            id: measure.id, title: measure.title, unit: measure.unit, period: period.description, slice: slice.description,
            value: nil, numerator: nil, denominator: nil, polarity: measure.polarity,
            comparators: comparators.comparators(for: measure.id, year: year), note: measure.unavailableReason)
        guard let compute = measure.compute else { return MeasureExplanation(result: result, rows: []) }

        let context = MeasureContext(snapshot: snapshot, period: period, calendar: calendar, standards: standards)
        var tally = Tally(snapshot: snapshot, slice: ResolvedSlice(slice, in: snapshot), explains: explains)
        compute(context, &tally)
        result.numerator = tally.numerator
        switch measure.unit {
        case .percentage:
            result.denominator = tally.denominator
            result.value = tally.denominator > 0 ? 100 * tally.numerator / tally.denominator : nil
            if tally.denominator == 0 { result.note = "nothing in the denominator for this period and slice" }
        case .meanDays, .average:
            result.denominator = tally.denominator
            result.value = tally.denominator > 0 ? tally.numerator / tally.denominator : nil
            if tally.denominator == 0 { result.note = "nothing to average for this period and slice" }
        case .count:
            result.value = tally.numerator
        case .ratePer10000:
            guard let population, population > 0 else {
                result.note = "rate needs the authority's 0–17 population (--population)"
                break
            }
            result.denominator = Double(population)
            let factor = measure.period == .flow ? Self.annualisation(of: period) : 1
            result.value = tally.numerator * factor * 10_000 / Double(population)
            if factor != 1 { result.note = String(format: "annualised: count × %.2f", factor) }
        }
        return MeasureExplanation(result: result, rows: tally.rows)
    }

    /// The factor turning a part-year count into a yearly one (kpis.md §3.1: count × 12 ÷ months).
    static func annualisation(of period: ReportingPeriod) -> Double {
        let days = Double(period.start.days(to: period.end) + 1)
        switch period {
        case .financialYear: return 1
        case .quarter: return 4
        case .month: return 12
        case .rolling(let months, _): return 12 / Double(months)
        case .asAt: return 365.25 / days
        }
    }
}

/// Slots written once each from concurrent iterations.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [MeasureResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: MeasureResult) { lock.withLock { slots[i] = value } }
    var values: [MeasureResult] { lock.withLock { slots.map { $0! } } }
}
