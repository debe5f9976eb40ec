import Foundation
import Hummingbird
import OversightCore
import OversightImprovement
import OversightStorage
import OversightTrackers

/// The LADO allegations tracker and the partner-notification screening queue (issue 10).
///
/// Everyone signed in sees the aggregate figures, which name nobody. Allegation records, their list and the
/// explanations behind each LADO figure are for the LADO team alone (`LADOAccessPolicy`), whatever the role: each
/// view and each refusal goes into the access log, as a child's record does. The queue's waiting list names
/// notifications, not people, and is shown to the roles that see child-level data.
struct TrackerPages {
    let services: WebServices

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/trackers/lado") { request, context in try await lado(request, context) }
        router.get("/trackers/lado/measures/{id}") { request, context in try await ladoMeasure(request, context) }
        router.get("/trackers/lado/{id}") { request, context in try await allegation(request, context) }
        router.get("/trackers/notifications") { request, context in try await notifications(request, context) }
    }

    /// The navigation links every signed-in person gets.
    static let navLinks = [("/trackers/lado", "LADO"), ("/trackers/notifications", "Notifications")]

    private var trackers: any AllegationStore & PartnerNotificationStore {
        get throws {
            guard let store = services.store as? any AllegationStore & PartnerNotificationStore else {
                throw HTTPError(.notFound, message: "This database does not hold the trackers.")
            }
            return store
        }
    }

    private func chrome(_ context: OversightRequestContext, _ path: String) -> Chrome {
        Chrome(authorityName: services.configuration.authorityName, user: context.user, csrf: context.session?.csrfToken, path: path)
    }

    /// The day the pages describe: `?as-of=`, the configured day, or the latest date the records hold.
    private func asOf(_ request: Request, latest: LocalDate?) throws -> LocalDate {
        if let text = request.uri.queryParameters["as-of"].map(String.init), !text.isEmpty {
            guard let date = LocalDate(iso: text) else { throw HTTPError(.badRequest, message: "'\(text)' is not a date: write it as YYYY-MM-DD.") }
            return date
        }
        return services.configuration.today ?? latest ?? LocalDate(dayNumber: Int32(services.now / 86_400))
    }

    private func log(_ user: UserAccount, _ action: AccessLogEntry.Action, subject: String, reason: String, count: Int) async throws {
        try await services.accessLog.append(AccessLogEntry(
            at: AccessGate.timestamp(services.now), username: user.username, role: user.role, action: action, subject: subject, reason: reason,
            childCount: count))
    }

    private func refuse(_ request: Request, _ context: OversightRequestContext, _ decision: AccessDecision) throws -> Response {
        try HTMLPage("error", ErrorPage(
            chrome: chrome(context, "/trackers/lado"), heading: "You cannot open LADO records",
            message: "Allegations against people who work with children are open to the LADO team only (\(decision.reason)). Every request is logged."),
            status: .forbidden).response(from: request, context: context)
    }

    // MARK: LADO

    struct FigureRow {
        var id, title, value, numerator, denominator, timescale, link: String

        init<Record>(_ measure: TrackerMeasure<Record>, _ records: [Record], period: ReportingPeriod, asOf: LocalDate, link: Bool) {
            let figure = measure.figure(records, period: period, asOf: asOf)
            id = figure.id
            title = figure.title
            value = figure.formatted
            numerator = String(figure.numerator)
            denominator = figure.denominator.map(String.init) ?? ""
            timescale = measure.timescale ?? ""
            self.link = link ? "/trackers/lado/measures/\(figure.id)?as-of=\(asOf)" : ""
        }
    }
    struct BandRow { var label: String; var count: Int }
    struct AllegationRow { var id, received, person, role, employer, sector, officer, stage, age: String }
    struct LADOModel {
        var chrome: Chrome
        var asOf, period: String
        var figures: [FigureRow]
        var bands: [BandRow]
        var isLADOTeam: Bool
        var open: [AllegationRow]
    }

    private func lado(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        let allegations = try trackers.fetchAllegations()
        let date = try asOf(request, latest: allegations.flatMap { [$0.receivedOn, $0.closedOn].compactMap { $0 } }.max())
        let period = ReportingPeriod.financialYear(containing: date)
        let decision = LADOAccessPolicy.decide(user)
        let open = allegations.filter { $0.isOpen(on: date) }.sorted { ($0.receivedOn, $0.id) < ($1.receivedOn, $1.id) }
        let bands = Dictionary(grouping: open) { OpenAllegationAge(received: $0.receivedOn, on: date) }
        let model = LADOModel(
            chrome: chrome(context, "/trackers/lado"), asOf: Figures.date(date), period: period.description,
            figures: LADOMeasures.all.map { FigureRow($0, allegations, period: period, asOf: date, link: decision.isAllowed) },
            bands: OpenAllegationAge.allCases.map { BandRow(label: $0.rawValue, count: bands[$0]?.count ?? 0) },
            isLADOTeam: decision.isAllowed,
            open: decision.isAllowed ? open.map { allegation in
                AllegationRow(
                    id: allegation.id.rawValue, received: Figures.date(allegation.receivedOn), person: allegation.subject.name,
                    role: allegation.subject.role, employer: allegation.employer, sector: allegation.sector.title, officer: allegation.officer,
                    stage: Self.stage(allegation), age: "\(allegation.receivedOn.days(to: date)) days")
            } : [])
        if decision.isAllowed { try await log(user, .viewChildList, subject: "/trackers/lado", reason: decision.reason, count: open.count) }
        return try HTMLPage("lado", model).response(from: request, context: context)
    }

    /// Where an open allegation has got to in the workflow.
    static func stage(_ allegation: Allegation) -> String {
        if allegation.closedOn != nil { return "Closed" }
        if allegation.outcome != nil { return "Outcome recorded" }
        if allegation.disciplinary.map({ $0.concludedOn == nil }) == true { return "Employer's disciplinary process" }
        if let investigation = allegation.investigations.first(where: { $0.concludedOn == nil }) {
            return investigation.kind == .police ? "Police investigation" : "Social-care investigation"
        }
        if !allegation.meetings.isEmpty { return "Meeting held" }
        if allegation.initialConsiderationOn != nil { return allegation.meetsThreshold == true ? "Threshold met: meeting due" : "Decided: advice" }
        return "Awaiting initial consideration"
    }

    struct ExplanationModel { var chrome: Chrome; var id, title, period, value, definition, citation: String; var rows: [TrackerCaseRow] }

    private func ladoMeasure(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        let id = try context.parameters.require("id")
        let decision = LADOAccessPolicy.decide(user)
        guard decision.isAllowed else {
            try await log(user, .denied, subject: "/trackers/lado/measures/\(id)", reason: decision.reason, count: 0)
            return try refuse(request, context, decision)
        }
        guard let measure = LADOMeasures.all.first(where: { $0.id == id }) else {
            throw HTTPError(.notFound, message: "There is no LADO measure \(id).")
        }
        let allegations = try trackers.fetchAllegations()
        let date = try asOf(request, latest: allegations.flatMap { [$0.receivedOn, $0.closedOn].compactMap { $0 } }.max())
        let figure = measure.figure(allegations, period: .financialYear(containing: date), asOf: date)
        try await log(user, .viewChildList, subject: "/trackers/lado/measures/\(id)", reason: decision.reason, count: figure.rows.count)
        return try HTMLPage("lado-measure", ExplanationModel(
            chrome: chrome(context, "/trackers/lado"), id: figure.id, title: figure.title, period: figure.period, value: figure.formatted,
            definition: measure.definition, citation: measure.citation, rows: figure.rows)
        ).response(from: request, context: context)
    }

    struct Step { var date, step, detail: String }
    struct AllegationModel {
        var chrome: Chrome
        var id, received, referrer, person, role, born, employer, sector, officer, harmTests, decision, outcome, retention: String
        var children: [String]
        var steps: [Step]
    }

    private func allegation(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        let id = try context.parameters.require("id")
        let subject = "allegation:\(id)"
        let decision = LADOAccessPolicy.decide(user)
        guard decision.isAllowed else {
            try await log(user, .denied, subject: subject, reason: decision.reason, count: 0)
            return try refuse(request, context, decision)
        }
        guard let allegation = try trackers.fetchAllegation(Identifier(id)) else {
            throw HTTPError(.notFound, message: "There is no allegation \(id); it may have been purged at the end of its retention.")
        }
        try await log(user, .viewChild, subject: subject, reason: decision.reason, count: allegation.children.count)
        let calendar = WorkingDayCalendar.englandAndWales
        var steps: [Step] = [Step(date: Figures.date(allegation.receivedOn), step: "Referral received", detail: "from \(allegation.referrer), \(allegation.referrerOrganisation)")]
        if let decided = allegation.initialConsiderationOn {
            let days = calendar.workingDays(from: allegation.receivedOn, to: decided)
            steps.append(Step(
                date: Figures.date(decided), step: "Initial consideration",
                detail: "\(allegation.meetsThreshold == true ? "threshold met" : "threshold not met"); \(days) working day\(days == 1 ? "" : "s") "
                    + (AllegationTimescales.isDecisionInTime(allegation, calendar: calendar) == true ? "(in time)" : "(late: due within 1 working day)")))
        }
        for meeting in allegation.meetings {
            steps.append(Step(date: Figures.date(meeting.heldOn), step: meeting.kind == .strategy ? "Strategy meeting" : "Allegations management meeting", detail: ""))
        }
        for investigation in allegation.investigations {
            let kind = investigation.kind == .police ? "Police investigation" : "Social-care investigation"
            steps.append(Step(date: Figures.date(investigation.startedOn), step: "\(kind) started", detail: ""))
            if let end = investigation.concludedOn { steps.append(Step(date: Figures.date(end), step: "\(kind) concluded", detail: "")) }
        }
        if let disciplinary = allegation.disciplinary {
            steps.append(Step(date: Figures.date(disciplinary.startedOn), step: "Employer's disciplinary process started", detail: ""))
            if let end = disciplinary.concludedOn { steps.append(Step(date: Figures.date(end), step: "Disciplinary process concluded", detail: "")) }
        }
        if let outcome = allegation.outcome, let on = allegation.outcomeOn { steps.append(Step(date: Figures.date(on), step: "Outcome", detail: outcome.title)) }
        for referral in allegation.referrals {
            steps.append(Step(date: Figures.date(referral.referredOn), step: "Referral to \(referral.body.rawValue.uppercased())", detail: ""))
        }
        if let closed = allegation.closedOn {
            let resolved = AllegationTimescales.resolutionMonths.first { AllegationTimescales.isResolved(allegation, withinMonths: $0) }
            steps.append(Step(date: Figures.date(closed), step: "Closed", detail: resolved.map { "resolved within \($0) month\($0 == 1 ? "" : "s")" } ?? "resolved after 12 months"))
        }
        let retention: String =
            switch RetentionSchedule().retention(of: allegation) {
            case .keepWhileOpen: "Kept while open"
            case .needsDateOfBirth: "Kept until the person's date of birth is recorded (needed to work out retirement age)"
            case .keepUntil(let until, let reason): "Kept until \(Figures.date(until)) (\(reason))"
            }
        return try HTMLPage("lado-allegation", AllegationModel(
            chrome: chrome(context, "/trackers/lado"), id: allegation.id.rawValue, received: Figures.date(allegation.receivedOn),
            referrer: "\(allegation.referrer), \(allegation.referrerOrganisation)", person: allegation.subject.name, role: allegation.subject.role,
            born: allegation.subject.dateOfBirth.map(Figures.date) ?? "Not recorded", employer: allegation.employer, sector: allegation.sector.title,
            officer: allegation.officer, harmTests: allegation.harmTests.sorted().map(\.title).joined(separator: "; "),
            decision: allegation.meetsThreshold.map { $0 ? "Formal LADO process" : "Advice; threshold not met" } ?? "Awaiting initial consideration",
            outcome: allegation.outcome?.title ?? "Not yet", retention: retention,
            children: allegation.children.map { $0.childID.map { "Child \($0) (known to the authority)" } ?? $0.description }, steps: steps)
        ).response(from: request, context: context)
    }

    // MARK: Screening queue

    struct WaitingRow { var id, source, received, age, workingDays: String; var beyond: Bool }
    struct QueueModel {
        var chrome: Chrome
        var asOf: String
        var size: Int
        var oldest, throughput, forecast, serviceLevel: String
        var alert: String?
        var bands: [BandRow]
        var figures: [FigureRow]
        var showsList: Bool
        var waiting: [WaitingRow]
    }

    private func notifications(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        let notifications = try trackers.fetchNotifications()
        let date = try asOf(request, latest: notifications.flatMap { [$0.receivedOn, $0.screenedOn].compactMap { $0 } }.max())
        let queue = ScreeningQueue(notifications, asOf: date)
        let showsList = user.role.seesChildLevelData
        let listed = showsList ? Array(queue.waiting.prefix(200)) : []
        let model = QueueModel(
            chrome: chrome(context, "/trackers/notifications"), asOf: Figures.date(date), size: queue.size,
            oldest: queue.oldestReceivedOn.map { "received \(Figures.date($0)), \(queue.oldestAgeDays ?? 0) days ago" } ?? "none waiting",
            throughput: String(format: "%.1f", queue.throughputPerWeek) + " a week (last \(queue.throughputWeeks) weeks)",
            forecast: queue.weeksToClear.map { String(format: "%.1f weeks at the current rate", $0) } ?? "not at the current rate: nothing screened",
            serviceLevel: "screened within \(queue.serviceLevel.workingDays) working day", alert: queue.alert,
            bands: queue.bands.map { BandRow(label: $0.band.rawValue, count: $0.count) },
            figures: NotificationMeasures.all().map { FigureRow($0, notifications, period: .financialYear(containing: date), asOf: date, link: false) },
            showsList: showsList,
            waiting: listed.map {
                WaitingRow(
                    id: $0.id, source: $0.source.title, received: Figures.date($0.receivedOn), age: "\($0.ageDays) days",
                    workingDays: String($0.workingDaysWaiting), beyond: $0.isBeyondServiceLevel)
            })
        if showsList, !listed.isEmpty {
            try await log(user, .viewChildList, subject: "/trackers/notifications", reason: "screening queue", count: listed.count)
        }
        return try HTMLPage("notifications", model).response(from: request, context: context)
    }
}
