import Foundation
import Mustache
import OversightCore
import OversightMeasures

/// The improvement board's pack: where the plan stands on a date, exceptions first, with the measures
/// that show whether it is working. One model renders as a self-contained printable HTML document (inline
/// SVG charts, no external files) or as plain text for pasting into council templates.
///
/// The quarterly impact report is the same model told differently: the narrative of impact recorded in
/// the quarter and the linked measures, without the action-by-action detail.
public struct BoardPack: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case board
        case quarterly
    }

    public struct RAGCount: Sendable { public var label, colour: String; public var now, atLastBoard: Int; public var change: String }
    public struct Exception: Sendable { public var ref, kind, reason, lead: String }
    public struct ActionLine: Sendable {
        public var ref, text, lead, deadline, rag, ragColour, status, impact, more, updated: String
    }
    public struct MeasureLine: Sendable {
        public var id, title, value, target, distance, chart: String
        public var movingAway: Bool
    }
    public struct Recommendation: Sendable {
        public var number: Int
        public var text: String
        public var actions: [ActionLine]
        public var measures: [MeasureLine]
    }
    public struct Narrative: Sendable { public var ref, by, date, impact: String }

    public var kind: Kind
    public var title: String
    public var source: String
    public var asOf: String
    public var lastBoard: String
    public var measuresPeriod: String
    public var counts: [RAGCount]
    public var exceptions: [Exception]
    public var recommendations: [Recommendation]
    public var narrative: [Narrative]
    /// The QA section (issue 8): audit grades, moderation, themes and spot checks; left out when `nil`.
    public var quality: QualitySection?

    /// Builds the pack for `asOf` from the plan, every update recorded, and (when case data is loaded) the
    /// measures engine.
    /// - Parameters:
    ///   - cycleDays: the board cycle; the plan's own when `nil`. "Since the last board" means this many days.
    public init(
        kind: Kind = .board, plan: ImprovementPlan, updates: [ActionUpdate], asOf: LocalDate, engine: MeasureEngine?, cycleDays: Int? = nil
    ) {
        let cycle = cycleDays ?? plan.boardCycleDays
        let lastBoard = asOf.adding(days: -cycle)
        let latest = PlanHistory.latestUpdates(updates, asOf: asOf)
        let before = PlanHistory.latestUpdates(updates, asOf: lastBoard)
        let flags = RAGCheck.flags(for: plan, updates: updates, on: asOf, cycleDays: cycle)
        let period = ReportingPeriod.yearToLastCompleteMonth(asOf: asOf)

        self.kind = kind
        title = plan.title
        source = plan.source
        self.asOf = Figures.date(asOf)
        self.lastBoard = Figures.date(lastBoard)
        measuresPeriod = Figures.period(period)
        counts = (RAG.allCases.map { Optional($0) } + [nil]).map { rag in
            let now = plan.actions.filter { latest[$0.ref]?.rag == rag }.count
            let then = plan.actions.filter { before[$0.ref]?.rag == rag }.count
            let change = now == then ? "no change" : (now > then ? "up \(now - then)" : "down \(then - now)")
            return RAGCount(label: rag?.name ?? "Not yet rated", colour: Figures.colour(rag), now: now, atLastBoard: then, change: change)
        }
        let leads = Dictionary(plan.actions.map { ($0.ref, $0.accountableLead) }, uniquingKeysWith: { a, _ in a })
        let red = plan.actions.filter { latest[$0.ref]?.rag == .red }.map {
            Exception(ref: $0.ref, kind: "Red", reason: latest[$0.ref]?.status ?? "", lead: $0.accountableLead)
        }
        exceptions = red + flags.sorted { ($0.kind.rawValue, $0.ref) < ($1.kind.rawValue, $1.ref) }.map {
            Exception(ref: $0.ref, kind: $0.kind == .overdue ? "Overdue" : "Stale", reason: $0.reason, lead: leads[$0.ref] ?? "")
        }
        recommendations = plan.recommendations.map { recommendation in
            let measures: [MeasureLine] = engine.map { engine in
                PlanMeasureLinks.links(for: recommendation, in: plan).links.compactMap { link in
                    Self.measureLine(link, engine: engine, period: period)
                }
            } ?? []
            return Recommendation(
                number: recommendation.number, text: recommendation.text,
                actions: recommendation.actions.map { action in
                    let update = latest[action.ref]
                    return ActionLine(
                        ref: action.ref, text: action.text, lead: action.accountableLead,
                        deadline: action.deadline.date.map(Figures.date) ?? action.deadline.description,
                        rag: update?.rag.name ?? "Not yet rated", ragColour: Figures.colour(update?.rag), status: update?.status ?? "",
                        impact: update?.impact ?? "", more: update?.more ?? "",
                        updated: update.map { "\($0.by), \($0.date.map(Figures.date) ?? $0.at)" } ?? "No update yet")
                },
                measures: measures)
        }
        let quarterStart = asOf.adding(months: -3)
        narrative = updates.filter { update in
            guard let date = update.date else { return false }
            return date > quarterStart && date <= asOf && !update.impact.isEmpty
        }.map { Narrative(ref: $0.ref, by: $0.by, date: $0.date.map(Figures.date) ?? $0.at, impact: $0.impact) }
    }

    static func measureLine(_ link: MeasureLink, engine: MeasureEngine, period: ReportingPeriod) -> MeasureLine? {
        guard let definition = MeasureCatalogue.measure(link.measureID) else { return nil }
        let result = engine.compute(definition, period: period)
        let target = link.target ?? result.comparators.first { $0.area == .england }?.value
        let points = engine.monthlySeries(definition, endingWith: period, months: 12)
        let series = points.map(\.value)
        let labels = points.map { "\($0.period.end.year)-\($0.period.end.month < 10 ? "0" : "")\($0.period.end.month)" }
        let distance = PlanMeasureLinks.distance(result.value, target: target, polarity: definition.polarity).map {
            $0.met ? "target met" : Figures.value($0.gap, unit: result.unit) + " short of target"
        }
        return MeasureLine(
            id: definition.id, title: definition.title, value: Figures.value(result.value, unit: result.unit),
            target: Figures.value(target, unit: result.unit), distance: distance ?? "no target to judge by",
            chart: Charts.line(series, labels: labels, width: 480, height: 160),
            movingAway: PlanMeasureLinks.isMovingAway(series, target: target, polarity: definition.polarity))
    }

    // MARK: Rendering

    /// A self-contained XHTML document: its own styles, inline SVG, nothing fetched, prints on A4.
    public func html() -> String {
        Self.templates.render(self, withTemplate: kind == .board ? "board" : "quarterly") ?? ""
    }

    /// Plain text, for pasting into a council's report template.
    public func text() -> String {
        var lines: [String] = []
        lines.append(title)
        lines.append(kind == .board ? "Improvement board pack as at \(asOf)" : "Quarterly impact report as at \(asOf)")
        lines.append("")
        lines.append("RAG summary (at the last board, \(lastBoard), in brackets)")
        for count in counts { lines.append("  \(count.label): \(count.now) (\(count.atLastBoard)), \(count.change)") }
        if kind == .board {
            lines.append("")
            lines.append("Exceptions")
            if exceptions.isEmpty { lines.append("  None") }
            for exception in exceptions { lines.append("  \(exception.ref) \(exception.kind): \(exception.reason) (lead: \(exception.lead))") }
        }
        for recommendation in recommendations {
            lines.append("")
            lines.append("Recommendation \(recommendation.number): \(recommendation.text)")
            for measure in recommendation.measures {
                lines.append("  Measure \(measure.id) \(measure.title): \(measure.value); target \(measure.target); \(measure.distance)")
            }
            guard kind == .board else { continue }
            for action in recommendation.actions {
                lines.append("  \(action.ref) [\(action.rag)] \(action.text) (lead: \(action.lead); deadline: \(action.deadline))")
                if !action.status.isEmpty { lines.append("    Status: \(action.status)") }
                if !action.impact.isEmpty { lines.append("    Impact: \(action.impact)") }
                if !action.more.isEmpty { lines.append("    What more: \(action.more)") }
            }
        }
        lines += qualityLines()
        lines.append("")
        lines.append("Impact recorded this quarter")
        if narrative.isEmpty { lines.append("  None recorded") }
        for entry in narrative { lines.append("  \(entry.ref), \(entry.date), \(entry.by): \(entry.impact)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static let templates: MustacheLibrary = {
        var library = MustacheLibrary()
        try! library.register(frame, named: "frame")
        try! library.register(board, named: "board")
        try! library.register(quarterly, named: "quarterly")
        return library
    }()

    static let frame = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8" />
        <title>{{title}}: {{$heading}}{{/heading}} as at {{asOf}}</title>
        <style>
        body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:24px;font-size:11pt;line-height:1.35}
        h1{font-size:20pt;margin:0 0 4px}h2{font-size:15pt;margin:24px 0 8px;border-bottom:2px solid #0b0c0c}h3{font-size:12pt;margin:16px 0 6px}
        table{border-collapse:collapse;width:100%;margin:0 0 12px}th,td{border-bottom:1px solid #b1b4b6;padding:4px 8px 4px 0;text-align:left;vertical-align:top}
        .num{text-align:right}.muted{color:#505a5f}
        .tag{display:inline-block;padding:1px 6px;font-weight:bold;font-size:9pt;text-transform:uppercase}
        .tag-red{background:#f4cdc6;color:#942514}.tag-amber{background:#fff7bf;color:#594d00}.tag-green{background:#cce2d8;color:#005a30}
        .tag-blue{background:#d2e2f1;color:#0c2d4a}.tag-grey{background:#e5e6e7;color:#383f43}
        section.recommendation{page-break-inside:avoid}
        @media print{body{margin:0}h2{page-break-after:avoid}}
        </style>
        </head>
        <body>
        <h1>{{title}}</h1>
        <p class="muted">{{source}}</p>
        <p><strong>{{$heading}}{{/heading}} as at {{asOf}}</strong>. Changes are since the last board ({{lastBoard}}). Measures: {{measuresPeriod}}.</p>
        <h2 id="summary">RAG summary</h2>
        <table><thead><tr><th scope="col">Rating</th><th scope="col" class="num">Now</th><th scope="col" class="num">At the last board</th><th scope="col">Change</th></tr></thead>
        <tbody>{{#counts}}<tr class="rag-count" data-rag="{{label}}"><td><span class="tag tag-{{colour}}">{{label}}</span></td><td class="num">{{now}}</td><td class="num">{{atLastBoard}}</td><td>{{change}}</td></tr>{{/counts}}</tbody></table>
        {{$body}}{{/body}}
        \(qualityTemplate)
        <h2 id="narrative">Impact recorded this quarter</h2>
        {{^empty(narrative)}}<table><thead><tr><th scope="col">Action</th><th scope="col">Date</th><th scope="col">By</th><th scope="col">Impact against outcomes set</th></tr></thead>
        <tbody>{{#narrative}}<tr class="narrative"><td>{{ref}}</td><td>{{date}}</td><td>{{by}}</td><td>{{impact}}</td></tr>{{/narrative}}</tbody></table>{{/empty(narrative)}}
        {{^narrative}}<p>No impact was recorded in the quarter.</p>{{/narrative}}
        </body>
        </html>
        """

    static let measuresTable = """
        {{^empty(measures)}}<table><thead><tr><th scope="col">Measure</th><th scope="col" class="num">Value</th><th scope="col" class="num">Target</th><th scope="col">Distance</th><th scope="col">Last 12 months</th></tr></thead>
        <tbody>{{#measures}}<tr class="measure" data-measure="{{id}}"><td>{{id}} {{title}}{{#movingAway}} <span class="tag tag-red">moving away from target</span>{{/movingAway}}</td><td class="num">{{value}}</td><td class="num">{{target}}</td><td>{{distance}}</td><td>{{{chart}}}</td></tr>{{/measures}}</tbody></table>{{/empty(measures)}}
        """

    static let board = """
        {{<frame}}{{$heading}}Improvement board pack{{/heading}}{{$body}}
        <h2 id="exceptions">Exceptions</h2>
        {{^empty(exceptions)}}<table><thead><tr><th scope="col">Action</th><th scope="col">Exception</th><th scope="col">Why</th><th scope="col">Lead</th></tr></thead>
        <tbody>{{#exceptions}}<tr class="exception" data-kind="{{kind}}"><td>{{ref}}</td><td>{{kind}}</td><td>{{reason}}</td><td>{{lead}}</td></tr>{{/exceptions}}</tbody></table>{{/empty(exceptions)}}
        {{^exceptions}}<p>No action is red, overdue or stale.</p>{{/exceptions}}
        <h2 id="recommendations">Recommendations</h2>
        {{#recommendations}}
        <section class="recommendation" data-number="{{number}}">
        <h3>Recommendation {{number}}</h3>
        <p>{{text}}</p>
        \(measuresTable)
        <table><thead><tr><th scope="col">Action</th><th scope="col">RAG</th><th scope="col">Action status</th><th scope="col">Impact against outcomes set</th><th scope="col">What more needs to be done</th></tr></thead>
        <tbody>{{#actions}}<tr class="action" data-ref="{{ref}}"><td>{{ref}} {{text}}<br /><span class="muted">{{lead}}; deadline {{deadline}}</span></td><td><span class="tag tag-{{ragColour}}">{{rag}}</span></td><td>{{status}}</td><td>{{impact}}</td><td>{{more}}<br /><span class="muted">{{updated}}</span></td></tr>{{/actions}}</tbody></table>
        </section>
        {{/recommendations}}
        {{/body}}{{/frame}}
        """

    static let quarterly = """
        {{<frame}}{{$heading}}Quarterly impact report{{/heading}}{{$body}}
        <h2 id="measures">Measures by recommendation</h2>
        {{#recommendations}}
        <section class="recommendation" data-number="{{number}}">
        <h3>Recommendation {{number}}</h3>
        <p>{{text}}</p>
        \(measuresTable)
        {{^measures}}<p class="muted">No measure is linked to this recommendation.</p>{{/measures}}
        </section>
        {{/recommendations}}
        {{/body}}{{/frame}}
        """
}
