import Foundation
import Hummingbird
import OversightCore
import OversightImprovement
import OversightMeasures
import OversightStorage
import OversightWorkforce

/// Team pages and the weekly caseload report (the rapid review's recommendation 18).
struct CaseloadPages {
    let services: WebServices

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/caseload/weekly") { request, context in try weekly(request, context) }
        router.get("/teams/{id}") { request, context in try await team(request, context) }
    }

    /// When a child's next statutory visit falls due: every 10 working days on a protection plan (the
    /// local standard), every 6 weeks when looked after (the statutory minimum in the first year).
    static func visitDue(_ held: CaseSnapshot.HeldChild, calendar: WorkingDayCalendar, standards: LocalStandards) -> LocalDate? {
        let from = held.lastVisit ?? held.holder.since
        if held.isOnProtectionPlan { return calendar.addingWorkingDays(standards.protectionVisitWorkingDays, to: from) }
        if held.isLookedAfter { return from.adding(days: 42) }
        return nil
    }

    struct TeamRow {
        var teamID, name: String
        var link: Bool
        var workers: Int
        var change, children, average, direction, trend, trendDirection: String
        var highest, lowest, overdue: Int
        var sparkline: String
    }
    struct Weekly {
        var chrome: Chrome
        var weekEnding, printLink: String
        var teams: [TeamRow]
        var total: TeamRow
    }

    /// The report for the week ending `?week-ending=` (default: the data's day), computed once per import and week by
    /// the same `WeeklyCaseloadReport` the command line prints; visits overdue come from the case snapshot.
    private func weekly(_ request: Request, _ context: OversightRequestContext) throws -> Response {
        let view = try services.caseView()
        var weekEnding = view.asOf
        if let text = request.uri.queryParameters["week-ending"] {
            guard let date = LocalDate(iso: text) else { throw HTTPError(.badRequest, message: "week-ending must be a date (YYYY-MM-DD).") }
            weekEnding = date
        }
        let report = try Self.report(services: services, view: view, weekEnding: weekEnding)
        if request.uri.queryParameters["format"] == "print" {
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                    // The printable page carries its own stylesheet, as the command line's does.
                    .init("Content-Security-Policy")!: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
                ],
                body: .init(byteBuffer: ByteBuffer(string: report.html(authorityName: services.configuration.authorityName))))
        }
        var overdue: [String: Int] = [:]
        for entry in view.snapshot.heldChildren(on: weekEnding)
        where Self.visitDue(entry, calendar: view.engine.calendar, standards: view.engine.standards).map({ $0 < weekEnding }) ?? false {
            overdue[entry.holder.teamID ?? "", default: 0] += 1
        }
        func row(_ series: WeeklyCaseloadReport.Series) -> TeamRow {
            let week = series.current
            return TeamRow(
                teamID: series.teamID ?? "", name: series.name, link: series.teamID != nil, workers: week.workers,
                change: week.workersChange > 0 ? "+\(week.workersChange)" : "\(week.workersChange)", children: "\(week.cases)",
                average: week.average.map { String(format: "%.1f", $0) } ?? "–", direction: week.averageDirection.arrow + " " + week.averageDirection.rawValue,
                trend: week.trend.map { String(format: "%.1f", $0) } ?? "–", trendDirection: week.trendDirection.arrow + " " + week.trendDirection.rawValue,
                highest: week.highest, lowest: week.lowest,
                overdue: series.teamID.map { overdue[$0] ?? 0 } ?? overdue.values.reduce(0, +),
                sparkline: WeeklyCaseloadReport.sparkline(series))
        }
        return try HTMLPage("caseload", Weekly(
            chrome: Chrome(authorityName: services.configuration.authorityName, user: context.user, csrf: context.session?.csrfToken, path: "/caseload/weekly"),
            weekEnding: Figures.date(weekEnding), printLink: "/caseload/weekly?week-ending=\(weekEnding.isoString)&format=print",
            teams: report.teams.map(row), total: row(report.overall))).response(from: request, context: context)
    }

    /// The weekly report for one import and week, computed once: allocations come from the store (and the workforce
    /// register, when the store keeps one).
    static func report(services: WebServices, view: CaseView, weekEnding: LocalDate) throws -> WeeklyCaseloadReport {
        let loaded: Result<(AllocationHistory, WorkforceRegister), any Error> = view.memo("allocations") {
            Result {
                (try AllocationHistory.load(from: services.store),
                 try (services.store as? any WorkforceStore)?.fetchWorkforceRegister() ?? WorkforceRegister())
            }
        }
        let (history, register) = try loaded.get()
        return view.memo("weekly-caseload|\(weekEnding)") { WeeklyCaseloadReport(weekEnding: weekEnding, history: history, register: register) }
    }

    struct WorkerRow { var name: String; var children, protection, lookedAfter, overdue: Int }
    struct DueChild { var childID: String; var link: Bool; var worker, plan, lastVisit, due: String; var late: Bool; var dueDay: Int32 }
    struct TeamModel {
        var chrome: Chrome
        var name, asOf: String
        var childCount, workerCount: Int
        var workers: [WorkerRow]
        var childLevel: Bool
        var dueChildren: [DueChild]
    }

    private func team(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        let view = try services.caseView()
        let chrome = Chrome(authorityName: services.configuration.authorityName, user: user, csrf: context.session?.csrfToken, path: "/teams/\(id)")
        guard let index = view.snapshot.teamIDs.firstIndex(of: id) else {
            return try HTMLPage("error", ErrorPage(chrome: chrome, heading: "Page not found", message: "There is no team with ID \(id)."),
                                status: .notFound).response(from: request, context: context)
        }
        let held = view.snapshot.heldChildren(on: view.asOf) { $0.teamID == id }
        let calendar = view.engine.calendar, standards = view.engine.standards
        var workers: [WorkerRow] = []
        for (_, entries) in Dictionary(grouping: held, by: { $0.holder.workerID ?? "" }) {
            workers.append(WorkerRow(
                name: entries.first?.holder.workerName ?? entries.first?.holder.workerID ?? "Unallocated",
                children: Set(entries.map(\.child)).count, protection: entries.filter(\.isOnProtectionPlan).count,
                lookedAfter: entries.filter(\.isLookedAfter).count,
                overdue: entries.filter { Self.visitDue($0, calendar: calendar, standards: standards).map { $0 < view.asOf } ?? false }.count))
        }
        workers.sort { $0.name < $1.name }
        var model = TeamModel(
            chrome: chrome, name: view.snapshot.teamNames[index], asOf: Figures.date(view.asOf), childCount: Set(held.map(\.child)).count,
            workerCount: workers.count, workers: workers, childLevel: user.role.seesChildLevelData, dueChildren: [])
        if user.role.seesChildLevelData {
            let gate = try AccessGate(services: services, user: user, view: view)
            let soon = calendar.addingWorkingDays(5, to: view.asOf)
            model.dueChildren = held.compactMap { entry -> DueChild? in
                guard let due = Self.visitDue(entry, calendar: calendar, standards: standards), due <= soon else { return nil }
                let childID = view.snapshot.children.ids[Int(entry.child)]
                // Children outside the reader's scope are left out altogether; restricted ones appear unnamed.
                let decision = gate.decide(childID: childID)
                guard decision.isAllowed || gate.isRestricted(childID) else { return nil }
                return DueChild(
                    childID: decision.isAllowed ? childID : "Restricted record", link: decision.isAllowed,
                    worker: entry.holder.workerName ?? entry.holder.workerID ?? "", plan: entry.isOnProtectionPlan ? "Child protection" : "Looked after",
                    lastVisit: entry.lastVisit.map(Figures.date) ?? "None recorded",
                    // Said in words as well as colour (WCAG 1.4.1).
                    due: Figures.date(due) + (due < view.asOf ? " (overdue)" : ""), late: due < view.asOf, dueDay: due.dayNumber)
            }.sorted { $0.dueDay < $1.dueDay }
            let named = model.dueChildren.filter(\.link).count
            if named > 0 {
                try await gate.log(.viewChildList, subject: "/teams/\(id)", reason: "team caseload (\(user.role.title.lowercased()))", childCount: named)
            }
        }
        return try HTMLPage("team", model).response(from: request, context: context)
    }
}

/// Who looked at what: the access log, for those whose role lets them read it.
struct AdminPages {
    let services: WebServices

    struct Entry { var at, username, role, action, subject, reason: String; var childCount: Int }
    struct Model { var chrome: Chrome; var child, user, caption: String; var entries: [Entry] }

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/admin/access-log") { request, context in try accessLog(request, context) }
        router.get("/admin") { request, context in try admin(request, context) }
        router.post("/admin/restrictions") { request, context in try await restrict(request, context, lift: false) }
        router.post("/admin/restrictions/lift") { request, context in try await restrict(request, context, lift: true) }
    }

    struct UserRow { var username, displayName, role, team, worker, active: String }
    struct RestrictionRow { var childID, users, teams, reason: String }
    struct AdminModel { var chrome: Chrome; var csrf: String; var message: String?; var users: [UserRow]; var restrictions: [RestrictionRow] }

    private func administrator(_ context: OversightRequestContext) throws -> UserAccount {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        guard user.role.mayAdminister else { throw HTTPError(.forbidden, message: "Only a director or senior leader can manage users and restrictions.") }
        return user
    }

    private func admin(_ request: Request, _ context: OversightRequestContext, message: String? = nil) throws -> Response {
        let user = try administrator(context)
        let model = AdminModel(
            chrome: Chrome(authorityName: services.configuration.authorityName, user: user, csrf: context.session?.csrfToken, path: "/admin"),
            csrf: context.session?.csrfToken ?? "",
            message: message ?? request.uri.queryParameters["done"].map(String.init),
            users: try services.store.users().map {
                UserRow(username: $0.username, displayName: $0.displayName, role: $0.role.title, team: $0.teamID ?? "", worker: $0.workerID ?? "",
                        active: $0.isActive ? "Yes" : "No")
            },
            restrictions: try services.store.restrictions().map {
                RestrictionRow(childID: $0.childID, users: $0.usernames.sorted().joined(separator: ", "),
                               teams: $0.teamIDs.sorted().joined(separator: ", "), reason: $0.reason)
            })
        return try HTMLPage("admin", model).response(from: request, context: context)
    }

    /// Restricting or lifting is itself logged: who changed who may see a child is as sensitive as a view.
    private func restrict(_ request: Request, _ context: OversightRequestContext, lift: Bool) async throws -> Response {
        let user = try administrator(context)
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: 65_536)))
        let child = (form["child"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !child.isEmpty else { throw HTTPError(.badRequest, message: "Enter the child's ID.") }
        func list(_ key: String) -> Set<String> {
            Set((form[key] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        let entry: String
        if lift {
            try services.store.removeRestriction(childID: child)
            entry = "lifted the restriction"
        } else {
            let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { throw HTTPError(.badRequest, message: "Give the reason the record is restricted.") }
            guard !list("users").isEmpty || !list("teams").isEmpty else {
                throw HTTPError(.badRequest, message: "Name at least one user or team who may still open the record.")
            }
            try services.store.saveRestriction(ChildRestriction(childID: child, usernames: list("users"), teamIDs: list("teams"), reason: reason))
            entry = "restricted the record: \(reason)"
        }
        try services.store.appendAccessLog(AccessLogEntry(
            at: AccessGate.timestamp(services.now), username: user.username, role: user.role, action: .changeRestriction, subject: child,
            reason: entry, childCount: 0))
        let done = (lift ? "Lifted the restriction on " : "Restricted ") + child + "."
        return .redirect(to: "/admin?done=" + (done.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""), type: .normal)
    }

    private func accessLog(_ request: Request, _ context: OversightRequestContext) throws -> Response {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        let chrome = Chrome(authorityName: services.configuration.authorityName, user: user, csrf: context.session?.csrfToken, path: "/admin/access-log")
        guard user.role.mayReadAccessLog else {
            return try HTMLPage("error", ErrorPage(chrome: chrome, heading: "You cannot see the access log",
                                                   message: "Only senior leaders and quality assurance auditors can read who viewed which records."),
                                status: .forbidden).response(from: request, context: context)
        }
        let child = request.uri.queryParameters["child"].map(String.init)?.trimmingCharacters(in: .whitespaces).nonEmpty
        let username = request.uri.queryParameters["user"].map(String.init)?.trimmingCharacters(in: .whitespaces).nonEmpty
        let entries = try services.store.accessLog(subject: child, username: username, limit: 500)
        let caption = child.map { "Who looked at child \($0)" } ?? username.map { "What \($0) looked at" } ?? "The latest 500 entries"
        return try HTMLPage("access-log", Model(
            chrome: chrome, child: child ?? "", user: username ?? "", caption: caption,
            entries: entries.map {
                Entry(at: $0.at, username: $0.username, role: $0.role.title, action: $0.action.rawValue, subject: $0.subject,
                      reason: $0.reason, childCount: $0.childCount)
            })).response(from: request, context: context)
    }
}
