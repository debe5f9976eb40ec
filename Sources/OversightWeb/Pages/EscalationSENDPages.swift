import Foundation
import Hummingbird
import Mustache
import OversightCore
import OversightImprovement
import OversightMeasures
import OversightStorage
import OversightTrackers

/// The IRO escalations and SEND trackers' pages (issue 10, trackers 3 and 4): the monthly escalations report, the SEND
/// report with SEND-01 against England, and each tracker measure explained down to the records.
///
/// Everyone signed in sees the figures. Lists naming children show only the children the reader's role and scope
/// allow (the same `AccessPolicy` as every other page), board members see none, and every list shown is logged.
struct EscalationSENDPages {
    let services: WebServices

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/escalations") { request, context in try await escalations(request, context) }
        router.get("/send") { request, context in try await send(request, context) }
        router.get("/trackers/measures/{id}") { request, context in try await measure(request, context) }
    }

    static let pageSize = 100

    struct Figure {
        var id, title, value, counts, link: String
        /// Optional, not empty: the template's section shows any string, empty or not.
        var england: String?
    }
    struct Count { var label: String; var count: Int }
    struct Line { var cells: [String]; var link: String? }
    struct Table {
        var caption: String
        var header: [String]
        var rows: [Line]
        var hidden: String?
        /// Rows link to the child's record, in a last column of their own (stored: templates read stored values only).
        var linksChildren: Bool

        init(caption: String, header: [String], rows: [Line], hidden: String?) {
            self.caption = caption
            self.header = header
            self.rows = rows
            self.hidden = hidden
            linksChildren = rows.contains { $0.link != nil }
        }
    }
    struct PageModel {
        var chrome: Chrome
        var heading, lead, period, action: String
        var figures: [Figure]
        var counts: [Count]
        var tables: [Table]
    }

    private var store: (any TrackerDocumentStore)? { services.store as? any TrackerDocumentStore }

    private var today: LocalDate { LocalDate(dayNumber: Int32(services.now / 86_400)) }

    private func chrome(_ context: OversightRequestContext, _ path: String) -> Chrome {
        Chrome(authorityName: services.configuration.authorityName, user: context.user, csrf: context.session?.csrfToken, path: path)
    }

    /// The period asked for, else the last complete month (escalations) or calendar year (SEND) before the latest record.
    private func reportingPeriod(_ request: Request, default fallback: ReportingPeriod) throws -> ReportingPeriod {
        guard let text = request.uri.queryParameters["period"].map(String.init), !text.isEmpty else { return fallback }
        if text.count == 4, let year = Int(text), (1900...2999).contains(year) {
            return .rolling(months: 12, ending: LocalDate(year: year, month: 12, day: 31)!)
        }
        do { return try ReportingPeriod.parse(text) } catch {
            throw HTTPError(.badRequest, message: "\(error.description); or a calendar year such as 2024")
        }
    }

    private func accessGate(_ context: OversightRequestContext) throws -> AccessGate? {
        guard let user = context.user, user.role.seesChildLevelData else { return nil }
        return try AccessGate(services: services, user: user, view: try services.caseView())
    }

    /// Keeps the rows about children the reader may open, and says how many were left out.
    private func inScope<Row>(_ rows: [Row], child: (Row) -> String, gate: AccessGate?) -> (shown: [Row], hidden: String?) {
        guard let gate else {
            return ([], rows.isEmpty ? nil : "\(rows.count) records are counted; board members see figures only.")
        }
        var decided: [String: Bool] = [:]
        let shown = rows.filter { row in
            let id = child(row)
            if let known = decided[id] { return known }
            let allowed = gate.decide(childID: id).isAllowed
            decided[id] = allowed
            return allowed
        }
        let hidden = rows.count - shown.count
        return (Array(shown.prefix(Self.pageSize)), hidden > 0
            ? "\(hidden) of the \(rows.count) records are about children outside your record scope or restricted, and are counted but not listed."
            : shown.count > Self.pageSize ? "The first \(Self.pageSize) of \(shown.count) are listed." : nil)
    }

    private func figure(_ result: TimelinessResult, period: ReportingPeriod) -> Figure {
        Figure(
            id: result.id, title: result.title, value: result.value.map { Figures.value($0, unit: .percentage) } ?? "–",
            counts: "\(result.numerator) of \(result.denominator)", link: "/trackers/measures/\(result.id)?period=\(Self.periodText(period))",
            england: result.england.map { "England \(Figures.value($0, unit: .percentage)) (\(result.englandYear ?? 0))" })
    }

    static func periodText(_ period: ReportingPeriod) -> String { period.trackerLabel }

    private func render(_ request: Request, _ context: OversightRequestContext, _ model: PageModel, gate: AccessGate?, subject: String) async throws
        -> Response
    {
        // Only rows naming a child count: the figures and series name none.
        let listed = model.tables.reduce(0) { $0 + $1.rows.filter { $0.link != nil }.count }
        if let gate, listed > 0 {
            try await gate.log(.viewChildList, subject: subject, reason: "tracker list (\(gate.user.role.title.lowercased()))", childCount: listed)
        }
        return try HTMLPage(rendered: EscalationSENDTemplates.render(model, "tracker-page")).response(from: request, context: context)
    }

    // MARK: Escalations

    private func escalations(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        guard let store else { throw HTTPError(.notFound, message: "This database keeps no trackers.") }
        let all = try store.fetchEscalations()
        let reviews = try store.fetchReviewRecords()
        let latest = (all.map(\.raisedOn) + reviews.map(\.heldOn)).max() ?? today
        let period = try reportingPeriod(request, default: .month(year: latest.adding(months: -1).year, month: latest.adding(months: -1).month))
        let report = EscalationReport(escalations: all, reviews: reviews, period: period)
        let gate = try accessGate(context)
        let open = inScope(report.open, child: \.child, gate: gate)
        let model = PageModel(
            chrome: chrome(context, "/escalations"), heading: "IRO escalations",
            lead: "Dispute resolution raised by independent reviewing officers, \(period.trackerLabel); open escalations as at \(Figures.date(report.asOf)).",
            period: Self.periodText(period), action: "/escalations",
            figures: [report.resolved, report.repeats, report.reviewDecisions].map { figure($0, period: period) },
            counts: [Count(label: "Escalations raised", count: report.raised), Count(label: "Open at the end of the period", count: report.open.count)]
                + report.raisedByConcern.sorted { $0.key < $1.key }.map { Count(label: "Raised: \($0.key)", count: $0.value) }
                + EscalationStage.allCases.map { stage in
                    Count(label: "Open at \(stage.title.lowercased())", count: report.open.filter { $0.stage == stage.title }.count)
                }
                + EscalationReport.ageBands.map { band in
                    Count(label: "Open \(band.title)", count: report.open.filter { EscalationReport.band(ageDays: $0.ageDays) == band.title }.count)
                },
            tables: [
                Table(
                    caption: "Month by month", header: ["Month", "Raised", "Resolved", "Resolved within timescale", "Open at the month's end"],
                    rows: report.months.map { month in
                        Line(cells: [month.month, String(month.raised), String(month.resolved), String(month.resolvedWithinTimescale), String(month.openAtEnd)], link: nil)
                    }, hidden: nil),
                Table(
                    caption: "Open escalations, oldest first", header: ["Escalation", "Child", "IRO", "Concern", "Stage", "Raised", "Days open", "Response due", "IRO's actions"],
                    rows: open.shown.map { row in
                        Line(cells: [
                            row.id, row.child, row.iro, row.concern, row.stage, Figures.date(row.raisedOn), String(row.ageDays),
                            Figures.date(row.responseDue) + (row.isOverdue ? " (overdue)" : ""), row.actions.joined(separator: "; "),
                        ], link: "/children/\(row.child)")
                    }, hidden: open.hidden)
            ])
        return try await render(request, context, model, gate: gate, subject: "/escalations?period=\(Self.periodText(period))")
    }

    // MARK: SEND

    private func send(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        guard let store else { throw HTTPError(.notFound, message: "This database keeps no trackers.") }
        let assessments = try store.fetchNeedsAssessments()
        let reviews = try store.fetchAnnualReviews()
        let referrals = try store.fetchWaitingListReferrals()
        let latest = (assessments.map(\.requestReceived) + referrals.map(\.referredOn)).max() ?? today
        let period = try reportingPeriod(request, default: .rolling(months: 12, ending: LocalDate(year: latest.year - 1, month: 12, day: 31)!))
        let report = SENDReport(assessments: assessments, reviews: reviews, referrals: referrals, period: period)
        let gate = try accessGate(context)
        let late = inScope(report.openRequests.filter(\.isPastWeek20), child: \.child, gate: gate)
        let backlog = inScope(report.backlog, child: \.child, gate: gate)
        var counts = [
            Count(label: "EHC needs assessment requests open", count: report.openRequests.count),
            Count(label: "Open past week 20", count: report.openRequests.filter(\.isPastWeek20).count),
            Count(label: "Annual reviews due in the period", count: report.reviewsDue),
            Count(label: "Annual reviews held in the period", count: report.reviewsHeld),
        ]
        counts += report.backlogByAge.map { Count(label: "Annual-review backlog \($0.band)", count: $0.count) }
        let plans = try services.store.fetchPlans().compactMap { try services.store.fetchPlan($0.id) }.filter(WrittenStatementOfAction.isLinked)
        let wsoa = plans.map { plan in
            Table(
                caption: "\(plan.title) (plan \(plan.id) under Plans): each area's measures this period",
                header: ["Area", "Measure", "This period", "Baseline", "Target", "On target"],
                rows: WrittenStatementOfAction.progress(of: plan, results: report.measures).map { row in
                    Line(cells: [
                        "\(row.recommendation). \(row.area)", "\(row.measure) \(row.title)", row.value.map { Figures.value($0, unit: .percentage) } ?? "–",
                        row.baseline.map { Figures.value($0, unit: .percentage) } ?? "–", row.target.map { Figures.value($0, unit: .percentage) } ?? "–",
                        row.isOnTarget.map { $0 ? "Yes" : "No" } ?? "–",
                    ], link: nil)
                }, hidden: nil)
        }
        let model = PageModel(
            chrome: chrome(context, "/send"), heading: "SEND: EHC plans and waiting lists",
            lead: "EHC needs assessments, annual reviews and assessment-pathway waits, \(period.trackerLabel) (as at \(Figures.date(report.asOf))). "
                + "The Written Statement of Action is kept as an improvement plan linked to these measures.",
            period: Self.periodText(period), action: "/send", figures: report.measures.map { figure($0, period: period) }, counts: counts,
            tables: wsoa + [
                Table(
                    caption: "Waiting lists for assessment pathways", header: ["Pathway", "Waiting", "Seen in period", "Average wait of those seen (days)", "Longest wait (days)"]
                        + SENDReport.waitBands.map { "Waiting \($0.title)" },
                    rows: report.pathways.map { pathway in
                        Line(cells: [
                            pathway.title, String(pathway.waiting), String(pathway.seenInPeriod), pathway.averageWaitDays.map { Figures.value($0, unit: .count) } ?? "–",
                            pathway.longestWaitDays.map(String.init) ?? "–",
                        ] + pathway.distribution.map { String($0.count) }, link: nil)
                    }, hidden: nil),
                Table(
                    caption: "Waiting-list trend: average wait of those first seen, and children waiting, by month",
                    header: ["Month"] + AssessmentPathway.allCases.map(\.title),
                    rows: (0..<(report.pathways.first?.trend.count ?? 0)).map { index in
                        Line(cells: [report.pathways[0].trend[index].month] + report.pathways.map { pathway in
                            let point = pathway.trend[index]
                            return "\(point.averageWaitDays.map { Figures.value($0, unit: .count) } ?? "–") days · \(point.waitingAtEnd) waiting"
                        }, link: nil)
                    }, hidden: nil),
                Table(
                    caption: "Requests open past week 20", header: ["Request", "Child", "Received", "Stage", "Weeks open", "Final plan was due"],
                    rows: late.shown.map { row in
                        Line(cells: [row.id, row.child, Figures.date(row.requestReceived), row.stage, String(row.weeksOpen), Figures.date(row.finalPlanDue)],
                             link: "/children/\(row.child)")
                    }, hidden: late.hidden),
                Table(
                    caption: "Annual-review backlog, oldest first", header: ["Review", "Child", "Backlog", "Since", "Days"],
                    rows: backlog.shown.map { row in
                        Line(cells: [row.id, row.child, row.kind, Figures.date(row.since), String(row.ageDays)], link: "/children/\(row.child)")
                    }, hidden: backlog.hidden),
            ])
        return try await render(request, context, model, gate: gate, subject: "/send?period=\(Self.periodText(period))")
    }

    // MARK: A measure, down to the records

    private func measure(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        guard let store else { throw HTTPError(.notFound, message: "This database keeps no trackers.") }
        let id = try context.parameters.require("id").uppercased()
        let period = try reportingPeriod(request, default: .rolling(months: 12, ending: today))
        let results = id.hasPrefix("SEND")
            ? SENDMeasures.results(
                assessments: try store.fetchNeedsAssessments(), reviews: try store.fetchAnnualReviews(),
                referrals: try store.fetchWaitingListReferrals(), period: period)
            : EscalationMeasures.results(escalations: try store.fetchEscalations(), reviews: try store.fetchReviewRecords(), period: period)
        guard let result = results.first(where: { $0.id == id }) else {
            throw HTTPError(.notFound, message: "There is no tracker measure called \(id).")
        }
        let definition = (EscalationMeasures.all + SENDMeasures.all).first { $0.id == id }!
        let gate = try accessGate(context)
        let rows = inScope(result.cases, child: \.child, gate: gate)
        let home = id.hasPrefix("SEND") ? "/send" : "/escalations"
        let model = PageModel(
            chrome: chrome(context, home), heading: "\(definition.id) \(definition.title)",
            lead: "\(definition.definition) Numerator: \(definition.numerator). Denominator: \(definition.denominator). Timescale: \(definition.timescale). Source: \(definition.source.rawValue).",
            period: Self.periodText(period), action: "/trackers/measures/\(id)", figures: [figure(result, period: period)], counts: [],
            tables: [
                Table(
                    caption: "The records behind the figure, those missing the timescale first",
                    header: ["Record", "Child", "From", "To", "Elapsed", "Counted as met", "Why"],
                    rows: rows.shown.map { row in
                        Line(cells: [
                            row.record, row.child, Figures.date(row.start), Figures.date(row.end), String(row.elapsed), row.met ? "Yes" : "No", row.reason,
                        ], link: "/children/\(row.child)")
                    }, hidden: rows.hidden)
            ])
        return try await render(request, context, model, gate: gate, subject: "/trackers/measures/\(id)?period=\(Self.periodText(period))")
    }
}

extension HTMLPage {
    init(rendered html: String) {
        self.html = html
    }
}

/// The trackers' templates, in a library of their own beside the shared layout.
enum EscalationSENDTemplates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        // Templates are compiled in; one that does not parse is caught by the first test that renders it.
        try! library.register(Templates.layout, named: "layout")
        try! library.register(trackerPage, named: "tracker-page")
        return library
    }()

    static func render(_ model: Any, _ template: String) -> String {
        library.render(model, withTemplate: template) ?? "template \(template) is missing"
    }

    static let trackerPage = """
        {{<layout}}{{$title}}{{heading}}{{/title}}{{$content}}
        <h1>{{heading}}</h1>
        <p class="lead">{{lead}}</p>
        <form method="get" action="{{action}}" class="form-group"><label for="period">Period</label>
        <input type="text" id="period" name="period" value="{{period}}" spellcheck="false">
        <button class="button" type="submit">Show</button>
        <span class="muted small">2025-03, 2024-Q3, 2024-25, rolling12:2025-03-31, or a calendar year such as 2024</span></form>
        <div class="cards">
        {{#figures}}
        <section class="card" aria-labelledby="card-{{id}}">
        <h2 id="card-{{id}}"><a href="{{link}}">{{id}} {{title}}</a></h2>
        <p class="figure">{{value}}</p>
        <p>{{counts}}{{#england}} · {{england}}{{/england}}</p>
        </section>
        {{/figures}}
        </div>
        {{^empty(counts)}}
        <table><caption>Counts</caption><tbody>{{#counts}}<tr><th scope="row">{{label}}</th><td class="num">{{count}}</td></tr>{{/counts}}</tbody></table>
        {{/empty(counts)}}
        {{#tables}}
        <table><caption>{{caption}}</caption>
        <thead><tr>{{#header}}<th scope="col">{{.}}</th>{{/header}}{{#linksChildren}}<th scope="col">Record</th>{{/linksChildren}}</tr></thead>
        <tbody>{{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}{{#link}}<td><a href="{{link}}">Open record</a></td>{{/link}}</tr>{{/rows}}</tbody></table>
        {{#hidden}}<p class="muted small">{{hidden}}</p>{{/hidden}}
        {{/tables}}
        {{/content}}{{/layout}}
        """
}
