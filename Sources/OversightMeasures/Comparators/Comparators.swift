import Foundation
import OversightCore

/// Where a comparator figure is from.
public enum ComparatorArea: String, Sendable, Codable, CaseIterable {
    case england
    case buckinghamshire
    /// The simple mean of Buckinghamshire's ten DfE statistical neighbours.
    case statisticalNeighbours
}

/// One published (or derived) figure for a measure, area and reporting year.
public struct ComparatorFigure: Sendable, Codable, Equatable {
    public var area: ComparatorArea
    /// DfE's reporting year: the year ending 31 March for CIN and SSDA903, 30 September for the workforce.
    public var year: Int
    /// `nil` where only a count was published.
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    /// Recomputed from DfE open data rather than printed by DfE.
    public var derived: Bool?
    public var note: String?
}

/// The comparator figures shipped with Oversight (`Resources/comparators.json`, transcribed from kpis.md).
public struct ComparatorTable: Sendable {
    public struct Population: Sendable, Codable, Equatable {
        public var midYear: Int
        public var aged0to17: Int
    }

    private struct File: Decodable {
        struct Measure: Decodable { var id: String; var figures: [ComparatorFigure] }
        var populations: [String: [Population]]
        var measures: [Measure]
    }

    public let figures: [String: [ComparatorFigure]]
    public let populations: [ComparatorArea: [Population]]

    public init(json: Data) throws {
        let file = try JSONDecoder().decode(File.self, from: json)
        figures = Dictionary(file.measures.map { ($0.id, $0.figures) }, uniquingKeysWith: +)
        var populations: [ComparatorArea: [Population]] = [:]
        for (key, list) in file.populations { if let area = ComparatorArea(rawValue: key) { populations[area] = list } }
        self.populations = populations
    }

    /// The table built into the binary; a malformed file is a build defect the tests catch.
    public static let shipped: ComparatorTable = {
        do {
            return try ComparatorTable(json: Data(PackageResources.comparators_json))
        } catch {
            fatalError("Resources/comparators.json does not decode: \(error)")
        }
    }()

    /// For each area, the figure for `year`, or failing that the latest earlier year with a value.
    public func comparators(for measureID: String, year: Int) -> [ComparatorFigure] {
        let all = figures[measureID] ?? []
        return ComparatorArea.allCases.compactMap { area in
            all.filter { $0.area == area && $0.year <= year && $0.value != nil }.max { $0.year < $1.year }
        }
    }

    /// The DfE reporting year a period's comparators come from.
    public static func reportingYear(for period: ReportingPeriod, source: StatutorySource) -> Int {
        let end = period.end
        switch source {
        case .workforceCensus:
            // The latest 30 September snapshot on or before the period's end.
            return end >= LocalDate(year: end.year, month: 9, day: 30)! ? end.year : end.year - 1
        case .sen2:
            return end.year
        case .cinCensus, .ssda903, .local:
            // The financial year (ending 31 March) that contains the period's end.
            return end.month >= 4 ? end.year + 1 : end.year
        }
    }
}
