import Foundation
import Hummingbird
import OversightCore
import OversightImprovement
import OversightMeasures
import OversightStorage

/// The improvement plan, live: each recommendation's actions with their latest progress and RAG, the
/// actions the facts disagree with first (overdue, stale), each action's history, and the update form.
///
/// Plans hold no child's data, so everyone signed in may read them; updates come from the people who
/// run the service, never from the board or inspectors.
struct PlanPages {
    let services: WebServices

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/plans") { request, context in try list(request, context) }
        router.get("/plans/{id}") { request, context in try plan(request, context) }
        router.get("/plans/{id}/actions/{ref}") { request, context in try action(request, context) }
        router.post("/plans/{id}/actions/{ref}") { request, context in try await update(request, context) }
    }

    static func mayUpdate(_ role: Role) -> Bool {
        [.director, .teamManager, .performanceAnalyst, .qualityAuditor].contains(role)
    }

    private var today: LocalDate { LocalDate(dayNumber: Int32(services.now / 86_400)) }

    private func chrome(_ context: OversightRequestContext, _ path: String) -> Chrome {
        Chrome(authorityName: services.configuration.authorityName, user: context.user, csrf: context.session?.csrfToken, path: path)
    }

    // MARK: List

    struct PlanRow { var id, title, source, submitBy: String; var recommendations, actions, updates: Int }
    struct ListModel { var chrome: Chrome; var plans: [PlanRow] }

    private func list(_ request: Request, _ context: OversightRequestContext) throws -> HTMLPage {
        let plans = try services.store.fetchPlans().map {
            PlanRow(id: $0.id.rawValue, title: $0.title, source: $0.source, submitBy: Figures.date($0.submitBy),
                    recommendations: $0.recommendationCount, actions: $0.actionCount, updates: $0.updateCount)
        }
        return HTMLPage("plans", ListModel(chrome: chrome(context, "/plans"), plans: plans))
    }

    // MARK: One plan

    struct RAGCount { var label, colour: String; var count: Int }
    struct FlagRow { var ref, kind, reason, suggested: String; var link: String }
    struct ActionRow {
        var ref, text, lead, deadline, link: String
        var ragLabel, ragColour: String
        var status, impact, more, updated: String
        var flags: [String]
    }
    struct MeasureRow {
        var id, title, value, baseline, target, distance, sparkline: String
        var awayFromTarget: Bool
        var isDefault: Bool
    }
    struct RecommendationRow {
        var number: Int; var text: String; var outcomes: [String]; var measures: [MeasureRow]; var movingAway: [String]
        var actions: [ActionRow]
    }
    struct PlanModel {
        var chrome: Chrome
        var id, title, source, asOf, asOfValue: String
        var counts: [RAGCount]
        var flags: [FlagRow]
        var recommendations: [RecommendationRow]
    }

    private func load(_ context: OversightRequestContext) throws -> ImprovementPlan {
        let id = try context.parameters.require("id")
        guard let plan = try services.store.fetchPlan(Identifier(id)) else {
            throw HTTPError(.notFound, message: "There is no improvement plan \(id). The list of plans has every one.")
        }
        return plan
    }

    private func asOf(_ request: Request) throws -> LocalDate {
        guard let text = request.uri.queryParameters["as-of"].map(String.init), !text.isEmpty else { return today }
        guard let date = LocalDate(iso: text) else { throw HTTPError(.badRequest, message: "'\(text)' is not a date: write it as YYYY-MM-DD.") }
        return date
    }

    private func plan(_ request: Request, _ context: OversightRequestContext) throws -> HTMLPage {
        let plan = try load(context)
        let date = try asOf(request)
        let updates = try services.store.fetchUpdates(plan: plan.id, asOf: date)
        let latest = PlanHistory.latestUpdates(updates, asOf: date)
        let flags = RAGCheck.flags(for: plan, updates: updates, on: date)
        let flagsByRef = Dictionary(grouping: flags, by: \.ref)
        let view = try services.caseView()
        let base = "/plans/\(plan.id.rawValue)"
        var counts: [RAG?: Int] = [:]
        for action in plan.actions { counts[latest[action.ref]?.rag, default: 0] += 1 }
        let model = PlanModel(
            chrome: chrome(context, "/plans"), id: plan.id.rawValue, title: plan.title, source: plan.source, asOf: Figures.date(date),
            asOfValue: "\(date)",
            counts: (RAG.allCases.map { Optional($0) } + [nil]).map { rag in
                RAGCount(label: rag?.name ?? "Not yet rated", colour: Figures.colour(rag), count: counts[rag] ?? 0)
            },
            flags: flags.map {
                FlagRow(ref: $0.ref, kind: $0.kind == .overdue ? "Overdue" : "Stale", reason: $0.reason,
                        suggested: $0.suggested.map { "Suggest \($0.name)" } ?? "", link: "\(base)/actions/\($0.ref)")
            },
            recommendations: plan.recommendations.map { recommendation in
                let measures = measureRows(recommendation, plan: plan, view: view)
                return RecommendationRow(
                    number: recommendation.number, text: recommendation.text, outcomes: recommendation.outcomesSought,
                    measures: measures,
                    movingAway: measures.filter(\.awayFromTarget).map {
                        "\($0.id) \($0.title) has moved away from its target over the last three months."
                    },
                    actions: recommendation.actions.map { action in
                        let update = latest[action.ref]
                        return ActionRow(
                            ref: action.ref, text: action.text, lead: action.accountableLead, deadline: Self.deadline(action.deadline),
                            link: "\(base)/actions/\(action.ref)", ragLabel: update?.rag.name ?? "Not yet rated", ragColour: Figures.colour(update?.rag),
                            status: update?.status ?? "", impact: update?.impact ?? "", more: update?.more ?? "",
                            updated: update.map { "\($0.by), \($0.date.map(Figures.date) ?? $0.at)" } ?? "No update yet",
                            flags: (flagsByRef[action.ref] ?? []).map(\.reason))
                    })
            })
        return HTMLPage("plan", model)
    }

    /// Each linked measure's latest value (the dashboard's 12 months), baseline, target and distance to it.
    ///
    /// The baseline, unless the plan gives one, is the financial year before the plan was submitted; the
    /// target, unless given, is England's latest figure.
    private func measureRows(_ recommendation: Recommendation, plan: ImprovementPlan, view: CaseView) -> [MeasureRow] {
        let (links, areDefaults) = PlanMeasureLinks.links(for: recommendation, in: plan)
        let period = view.headlinePeriod
        return links.compactMap { link -> MeasureRow? in
            guard let definition = MeasureCatalogue.measure(link.measureID) else { return nil }
            let result = view.result(definition, period: period)
            let baselineYear = plan.submitBy.map { $0.month >= 4 ? $0.year - 1 : $0.year - 2 }
            let baseline = link.baseline ?? baselineYear.flatMap { view.result(definition, period: .financialYear(startYear: $0)).value }
            let target = link.target ?? result.comparators.first { $0.area == .england }?.value
            let series = view.series(definition, endingWith: period, months: 12)
            let distance = PlanMeasureLinks.distance(result.value, target: target, polarity: definition.polarity).map { gap in
                (gap.met ? "Target met" : Figures.value(gap.gap, unit: result.unit) + " short of target")
            }
            return MeasureRow(
                id: definition.id, title: definition.title, value: Figures.value(result.value, unit: result.unit),
                baseline: Figures.value(baseline, unit: result.unit), target: Figures.value(target, unit: result.unit),
                distance: distance ?? (definition.isAvailable ? "No target to judge by" : "Not available"),
                sparkline: Charts.sparkline(series),
                awayFromTarget: PlanMeasureLinks.isMovingAway(series, target: target, polarity: definition.polarity), isDefault: areDefaults)
        }
    }

    // MARK: One action

    struct HistoryRow { var when, by, ragLabel, ragColour, status, impact, more: String; var evidence: [String] }
    struct ActionModel {
        var chrome: Chrome
        var planID, planTitle, ref, text, lead, deadline, csrf: String
        var mayUpdate: Bool
        var message: String?
        var history: [HistoryRow]
        var rags: [RAGOption]
    }
    struct RAGOption { var code, label, colour: String }

    private func action(_ request: Request, _ context: OversightRequestContext) throws -> HTMLPage {
        let plan = try load(context)
        let ref = try context.parameters.require("ref")
        guard let action = plan.action(ref) else { throw HTTPError(.notFound, message: "Plan \(plan.id.rawValue) has no action \(ref).") }
        let history = PlanHistory.history(of: ref, in: try services.store.fetchUpdates(plan: plan.id, asOf: nil), asOf: nil).reversed()
        return HTMLPage("plan-action", ActionModel(
            chrome: chrome(context, "/plans"), planID: plan.id.rawValue, planTitle: plan.title, ref: ref, text: action.text,
            lead: action.accountableLead, deadline: Self.deadline(action.deadline), csrf: context.session?.csrfToken ?? "",
            mayUpdate: context.user.map { Self.mayUpdate($0.role) } ?? false,
            message: request.uri.queryParameters["done"].map { _ in "Your update has been recorded." },
            history: history.map {
                HistoryRow(when: $0.at, by: $0.by, ragLabel: $0.rag.name, ragColour: Figures.colour($0.rag), status: $0.status, impact: $0.impact,
                           more: $0.more, evidence: $0.evidence)
            },
            rags: RAG.allCases.map { RAGOption(code: $0.rawValue, label: $0.name, colour: Figures.colour($0)) }))
    }

    /// Records an update: nothing is overwritten; the update joins the action's history.
    private func update(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        guard Self.mayUpdate(user.role) else {
            throw HTTPError(.forbidden, message: "Your role can read the plan but not update it.")
        }
        let plan = try load(context)
        let ref = try context.parameters.require("ref")
        guard plan.action(ref) != nil else { throw HTTPError(.notFound, message: "Plan \(plan.id.rawValue) has no action \(ref).") }
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: 65_536)))
        func field(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let rag = RAG(rawValue: field("rag")) else { throw HTTPError(.badRequest, message: "Choose a RAG rating: Red, Amber, Green or Blue.") }
        guard !field("status").isEmpty else { throw HTTPError(.badRequest, message: "Enter the action status.") }
        let evidence = field("evidence").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // Evidence becomes a link on the page: only web addresses, never `javascript:` or other schemes.
        if let bad = evidence.first(where: { !($0.lowercased().hasPrefix("https://") || $0.lowercased().hasPrefix("http://")) }) {
            throw HTTPError(.badRequest, message: "Evidence must be web addresses starting https:// ('\(bad)' is not).")
        }
        try services.store.appendUpdate(
            ActionUpdate(ref: ref, status: field("status"), impact: field("impact"), more: field("more"), rag: rag, by: user.displayName,
                         at: AccessGate.timestamp(services.now), evidence: evidence),
            to: plan.id)
        return .redirect(to: "/plans/\(plan.id.rawValue)/actions/\(ref)?done=1", type: .normal)
    }

    static func deadline(_ deadline: Deadline) -> String {
        deadline.date.map(Figures.date) ?? deadline.description
    }
}
