import Foundation
import Hummingbird
import OversightCore
import OversightImprovement
import OversightMeasures
import OversightStorage
import OversightTrackers

/// The dashboard, the list of measures and each measure's page.
struct MeasurePages {
    let services: WebServices

    /// The measures the dashboard leads with: the ones the inspection and the action plan watch.
    static let headline = ["CIN-02", "CIN-06", "CP-04", "CP-06", "CP-10", "CLA-03", "CLA-05", "CL-03", "WF-05"]

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/") { request, context in try dashboard(request, context) }
        router.get("/measures") { request, context in try list(request, context) }
        router.get("/measures/{id}") { request, context in try await measure(request, context) }
    }

    // MARK: Dashboard

    struct Card {
        var id, title, value, england, previous, change, ragColour, ragLabel, ragReason, sparkline: String
    }

    struct DashboardBody {
        var periodLabel: String
        var asOf: String
        var cards: [Card]
        var changes: [String]
    }

    struct Dashboard {
        var chrome: Chrome
        var body: String
    }

    private func dashboard(_ request: Request, _ context: OversightRequestContext) throws -> HTMLPage {
        let view = try services.caseView()
        let period = view.headlinePeriod
        let body = view.memo("dashboard|\(period)") {
            Templates.library.render(Self.dashboardBody(view, period: period), withTemplate: "dashboard-body") ?? ""
        }
        return HTMLPage("dashboard", Dashboard(chrome: chrome(context, "/"), body: body))
    }

    static func dashboardBody(_ view: CaseView, period: ReportingPeriod) -> DashboardBody {
        let previous = period.monthEarlier
        let now = Dictionary(view.results(period: period).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let before = Dictionary(view.results(period: previous).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var cards: [Card] = []
        var changes: [String] = []
        for id in Self.headline {
            guard let definition = MeasureCatalogue.measure(id), let result = now[id] else { continue }
            let last = before[id]?.value
            let england = result.comparators.first { $0.area == .england }?.value
            let rag = Self.rag(result.value, england: england, polarity: result.polarity)
            let series = view.series(definition, endingWith: period, months: 12)
            cards.append(Card(
                id: id, title: result.title, value: Figures.value(result.value, unit: result.unit),
                england: Figures.value(england, unit: result.unit), previous: Figures.value(last, unit: result.unit),
                change: Self.change(result.value, from: last, unit: result.unit), ragColour: rag.colour, ragLabel: rag.label,
                ragReason: rag.reason, sparkline: Charts.sparkline(series)))
            if let value = result.value, let last, abs(value - last) >= 1 {
                let direction = value > last ? "rose" : "fell"
                changes.append("\(id) \(result.title) \(direction) from \(Figures.value(last, unit: result.unit)) to \(Figures.value(value, unit: result.unit)).")
            }
        }
        return DashboardBody(periodLabel: Figures.period(period), asOf: Figures.date(view.asOf), cards: cards, changes: changes)
    }

    /// Red, amber or green against England, in words as well as colour. Amber is within 5% of England's figure.
    static func rag(_ value: Double?, england: Double?, polarity: Polarity) -> (colour: String, label: String, reason: String) {
        guard let value, let england, polarity != .neither else { return ("grey", "No comparison", "no England figure to judge by") }
        let better = polarity == .higherIsBetter ? value >= england : value <= england
        if better { return ("green", "Green", "as good as or better than England") }
        let gap = abs(value - england) / max(abs(england), 0.0001)
        return gap <= 0.05 ? ("amber", "Amber", "within 5% of England") : ("red", "Red", "worse than England by more than 5%")
    }

    static func change(_ value: Double?, from last: Double?, unit: MeasureUnit) -> String {
        guard let value, let last else { return "no change to show" }
        let delta = value - last
        if abs(delta) < 0.05 { return "unchanged" }
        let size = unit == .percentage ? String(format: "%.1f points", abs(delta)) : Figures.value(abs(delta), unit: unit)
        return (delta > 0 ? "up " : "down ") + size
    }

    // MARK: List

    struct ListRow { var id, title, value, england, counting: String; var note: String? }
    struct TrackerRow { var id, title, tracker, page, counting: String }
    struct MeasureList { var chrome: Chrome; var periodLabel: String; var rows: [ListRow]; var trackers: [TrackerRow] }

    /// The trackers' measures, after the case-record ones: each links to its tracker's page, which explains it down to the records.
    static let trackerRows = TrackerCatalogue.entries.map {
        TrackerRow(id: $0.id, title: $0.title, tracker: $0.tracker.title, page: $0.page, counting: "\($0.counting)")
    }

    private func list(_ request: Request, _ context: OversightRequestContext) throws -> HTMLPage {
        let view = try services.caseView()
        let period = try period(request, view)
        let rows = view.results(period: period).map { result in
            ListRow(
                id: result.id, title: result.title, value: Figures.value(result.value, unit: result.unit),
                england: Figures.value(result.comparators.first { $0.area == .england }?.value, unit: result.unit),
                counting: MeasureCatalogue.measure(result.id).map { "\($0.counting)" } ?? "", note: result.note)
        }
        return HTMLPage("measures", MeasureList(
            chrome: chrome(context, "/measures"), periodLabel: Figures.period(period), rows: rows, trackers: Self.trackerRows))
    }

    // MARK: One measure

    struct ComparatorRow { var area, year, value: String }
    struct TrendRow { var period, value, numerator, denominator: String }
    struct TeamRow: Sendable { var teamID, name, value, numerator, denominator: String }
    struct ChildRow {
        var childID: String; var link: Bool; var recordID: String; var inNumerator: Bool
        var from, to, workingDays, reason: String
    }
    struct MeasurePage {
        var id, title, periodLabel, value: String
        var fraction: String?
        var note: String?
        var definition, numerator, denominator, counting, polarity, source: String
        var annexA: Int?
        var timescale: String?
        var comparators: [ComparatorRow]
        var chart: String
        var trend: [TrendRow]
        var teams: [TeamRow]
        var childLevel: Bool
        var aggregateOnly: String
        var shownSummary: String
        var rows: [ChildRow]
        var firstRow, lastRow, visibleRows: Int
        var previousPage, nextPage: String?
    }

    static let pageSize = 100

    private func measure(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let definition = MeasureCatalogue.measure(id), let user = context.user else {
            return try HTMLPage("error", ErrorPage(
                chrome: chrome(context, "/measures"), heading: "Page not found",
                message: "There is no measure called \(id). The list of measures has every one."), status: .notFound)
                .response(from: request, context: context)
        }
        let view = try services.caseView()
        let period = try period(request, view)
        let pageNumber = max(1, Int(request.uri.queryParameters["page"].map(String.init) ?? "") ?? 1)
        let gate = user.role.seesChildLevelData ? try AccessGate(services: services, user: user, view: view) : nil
        let key = "measure-page|\(definition.id)|\(period)|\(pageNumber)|\(gate?.scopeKey ?? "aggregates only")"
        let rendered = view.pageMemo(key) {
            Self.renderBody(definition, period: period, page: pageNumber, view: view, gate: gate)
        }
        if let gate, rendered.shownChildren > 0 {
            try await gate.log(
                .viewChildList, subject: "/measures/\(definition.id)?period=\(period)&page=\(pageNumber)",
                reason: "measure explanation (\(user.role.title.lowercased()))", childCount: rendered.shownChildren)
        }
        return try HTMLPage("measure", MeasureShell(chrome: chrome(context, "/measures"), heading: "\(definition.id) \(definition.title)", body: rendered.html))
            .response(from: request, context: context)
    }

    struct MeasureShell { var chrome: Chrome; var heading: String; var body: String }

    /// The page's content for one reader's record scope (`gate`), or figures only when `gate` is nil.
    static func renderBody(
        _ definition: MeasureDefinition, period: ReportingPeriod, page pageNumber: Int, view: CaseView, gate: AccessGate?
    ) -> RenderedPage {
        let result = view.result(definition, period: period)
        let trend = view.trend(definition, period: period)
        let teams = view.memo("teams|\(definition.id)|\(period)") {
            view.snapshot.teamIDs.indices.compactMap { index -> TeamRow? in
                let teamResult = view.engine.compute(definition, period: period, slice: .team(view.snapshot.teamIDs[index]))
                guard (teamResult.denominator ?? 0) > 0 || (teamResult.numerator ?? 0) > 0 else { return nil }
                return TeamRow(
                    teamID: view.snapshot.teamIDs[index], name: view.snapshot.teamNames[index],
                    value: Figures.value(teamResult.value, unit: teamResult.unit), numerator: Figures.count(teamResult.numerator),
                    denominator: Figures.count(teamResult.denominator))
            }
        }
        var page = MeasurePage(
            id: definition.id, title: definition.title, periodLabel: Figures.period(period),
            value: Figures.value(result.value, unit: result.unit),
            fraction: result.numerator.map { n in "\(Figures.count(n)) of \(Figures.count(result.denominator))" },
            note: result.note, definition: definition.definition, numerator: definition.numerator, denominator: definition.denominator,
            counting: "\(definition.counting)", polarity: Self.polarityText(definition.polarity), source: definition.source.rawValue,
            annexA: definition.annexAList, timescale: definition.timescale,
            comparators: result.comparators.map {
                ComparatorRow(area: Self.areaName($0.area), year: "\($0.year - 1)-\($0.year % 100)", value: Figures.value($0.value, unit: result.unit))
            },
            chart: Charts.line(trend.map(\.value), labels: trend.map(\.period)),
            trend: trend.map {
                TrendRow(period: $0.period, value: Figures.value($0.value, unit: result.unit), numerator: Figures.count($0.numerator),
                         denominator: Figures.count($0.denominator))
            },
            teams: teams, childLevel: gate != nil,
            aggregateOnly: "Board members see figures only: no child-level rows are shown to this role.", shownSummary: "",
            rows: [], firstRow: 0, lastRow: 0, visibleRows: 0)
        var shownChildren = 0
        if let gate, definition.isAvailable {
            let explanation = view.explanation(definition, period: period)
            let visible = gate.rowsInScope(explanation.rows, list: "\(definition.id)|\(period)")
            let start = min((pageNumber - 1) * Self.pageSize, visible.count)
            let shown = visible[start..<min(start + Self.pageSize, visible.count)]
            let hidden = explanation.rows.count - visible.count
            page.shownSummary = hidden == 0
                ? "All \(explanation.rows.count.formatted) records in the denominator are listed."
                : "\(visible.count.formatted) of the \(explanation.rows.count.formatted) records in the denominator are listed; \(hidden.formatted) belong to children outside your record scope or restricted, and are counted but not shown."
            page.rows = shown.map { row in
                ChildRow(
                    childID: row.childID, link: true, recordID: row.recordID ?? "", inNumerator: row.inNumerator,
                    from: [row.fromLabel, row.from.map(Figures.date)].compactMap { $0 }.joined(separator: " "),
                    to: [row.toLabel, row.to.map(Figures.date)].compactMap { $0 }.joined(separator: " "),
                    workingDays: row.workingDays.map(String.init) ?? "", reason: row.reason)
            }
            page.firstRow = shown.isEmpty ? 0 : start + 1
            page.lastRow = start + shown.count
            page.visibleRows = visible.count
            let base = "/measures/\(definition.id)?period=\(period)&page="
            page.previousPage = pageNumber > 1 ? base + "\(pageNumber - 1)" : nil
            page.nextPage = start + shown.count < visible.count ? base + "\(pageNumber + 1)" : nil
            shownChildren = Set(shown.map(\.childID)).count
        } else if !definition.isAvailable {
            page.shownSummary = definition.unavailableReason ?? ""
        }
        return RenderedPage(html: Templates.library.render(page, withTemplate: "measure-body") ?? "", shownChildren: shownChildren)
    }

    private func period(_ request: Request, _ view: CaseView) throws -> ReportingPeriod {
        try APIController.period(request, view)
    }

    private func chrome(_ context: OversightRequestContext, _ path: String) -> Chrome {
        Chrome(authorityName: services.configuration.authorityName, user: context.user, csrf: context.session?.csrfToken, path: path)
    }

    static func polarityText(_ polarity: Polarity) -> String {
        switch polarity {
        case .higherIsBetter: "Higher is better"
        case .lowerIsBetter: "Lower is better"
        case .neither: "Neither higher nor lower is better in itself"
        }
    }

    static func areaName(_ area: ComparatorArea) -> String {
        switch area {
        case .england: "England"
        case .buckinghamshire: "Buckinghamshire"
        case .statisticalNeighbours: "Statistical neighbours (mean)"
        }
    }
}

extension CaseView {
    /// A measure's value for each of the `months` rolling periods ending at the end of each month up to `period`.
    func series(_ definition: MeasureDefinition, endingWith period: ReportingPeriod, months: Int) -> [Double?] {
        memo("series|\(definition.id)|\(period)|\(months)") {
            engine.monthlySeries(definition, endingWith: period, months: months).map(\.value)
        }
    }
}
