import OversightCore
import OversightMeasures

/// The four trackers, each with the command and page that explain its figures down to the records.
public enum Tracker: String, Sendable, Codable, CaseIterable {
    case lado, notifications, escalations, send

    public var title: String {
        switch self {
        case .lado: "LADO allegations"
        case .notifications: "Partner-notification screening"
        case .escalations: "IRO escalations"
        case .send: "SEND EHC timeliness"
        }
    }
}

/// What a tracker measure means and how it is counted: declared once, in the catalogue's terms, whichever tracker
/// computes it and however it explains its records.
public struct TrackerMeasureDeclaration: Sendable {
    public let id: String
    public let title: String
    public let definition: String
    public let numerator: String
    /// `nil` for a count.
    public let denominator: String?
    public let counting: CountingUnit
    public let unit: MeasureUnit
    public let polarity: Polarity
    public let source: StatutorySource
    /// The guidance the measure and its timescale come from, where it is named apart from the timescale.
    public let citation: String?
    public let timescale: String?
}

/// One tracker measure as the catalogue lists it: its declaration, the tracker that computes it, and where its figure
/// is explained down to the records.
@dynamicMemberLookup
public struct TrackerCatalogueEntry: Sendable, Identifiable {
    public let declaration: TrackerMeasureDeclaration
    public let tracker: Tracker
    /// The web page with the figure and every record behind it.
    public let page: String
    /// The command line that explains the figure record by record.
    public let explain: String

    public var id: String { declaration.id }

    public subscript<Value>(dynamicMember keyPath: KeyPath<TrackerMeasureDeclaration, Value>) -> Value { declaration[keyPath: keyPath] }
}

/// Every tracker measure in one list, after the case-record catalogue: the trackers compute over their own records,
/// so `MeasureCatalogue` cannot hold them, but users look for every measure in one place.
public enum TrackerCatalogue {
    public static let entries: [TrackerCatalogueEntry] =
        LADOMeasures.all.map { entry($0, tracker: .lado, page: "/trackers/lado/measures/\($0.id)", explain: "oversight lado explain \($0.id)") }
        + NotificationMeasures.all().map {
            // The queue page and report show both figures; the rows behind them are the queue itself.
            entry($0, tracker: .notifications, page: "/trackers/notifications", explain: "oversight notifications report")
        }
        + EscalationMeasures.all.map { entry($0, tracker: .escalations, explain: "oversight escalations explain \($0.id)") }
        + SENDMeasures.all.map { entry($0, tracker: .send, explain: "oversight send explain \($0.id)") }

    public static func entry(_ id: String) -> TrackerCatalogueEntry? {
        entries.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }

    static func entry<Record>(_ measure: TrackerMeasure<Record>, tracker: Tracker, page: String, explain: String) -> TrackerCatalogueEntry {
        TrackerCatalogueEntry(declaration: measure.declaration, tracker: tracker, page: page, explain: explain)
    }

    static func entry(_ measure: TimelinessMeasure, tracker: Tracker, explain: String) -> TrackerCatalogueEntry {
        TrackerCatalogueEntry(declaration: measure.declaration, tracker: tracker, page: "/trackers/measures/\(measure.id)", explain: explain)
    }
}
