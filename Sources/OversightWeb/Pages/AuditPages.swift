import Hummingbird
import OversightCore
import OversightImprovement
import OversightStorage

/// The audits the signed-in person may see (issue 8): an auditor's own allocations with their due dates and state,
/// a manager's team's, everyone's for senior leaders and inspectors. Which audits appear is `AuditAccess`'s decision;
/// opening a child from here still goes through the child page and `AccessPolicy`.
struct AuditPages {
    let services: WebServices

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/audits") { request, context in try list(request, context) }
    }

    /// Board members see aggregates only (the board pack's QA section); IROs take part in audits but keep no register.
    static func mayList(_ role: Role) -> Bool { role != .boardMember && role != .independentReviewingOfficer }

    struct AuditRow { var id, childID, sample, auditor, due, state, grade, moderation: String; var overdue: Bool }
    struct ListModel { var chrome: Chrome; var heading: String; var audits: [AuditRow]; var recorded: Int; var open: Int; var overdue: Int }

    private func list(_ request: Request, _ context: OversightRequestContext) throws -> HTMLPage {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        guard Self.mayList(user.role) else {
            throw HTTPError(.forbidden, message: "\(user.role.title)s do not see the audit register; the board pack carries QA figures.")
        }
        guard let store = services.store as? any AuditStore else { throw HTTPError(.notFound, message: "This database keeps no audits.") }
        let today = LocalDate(dayNumber: Int32(services.now / 86_400))
        let samples = Dictionary(try store.fetchSamples().map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let audits = AuditAccess.visible(try store.fetchAudits(sample: nil), to: user)
        let rows = audits.map { audit in
            AuditRow(
                id: audit.id.rawValue, childID: audit.allocation.childID.rawValue, sample: samples[audit.sampleID] ?? audit.sampleID.rawValue,
                auditor: audit.allocation.auditor, due: Figures.date(audit.allocation.dueBy),
                state: audit.isCompleted ? "Recorded" : audit.isOverdue(on: today) ? "Overdue" : "Open", grade: audit.grade?.title ?? "",
                moderation: audit.moderationAgreed.map { $0 ? "Agreed" : "Changed" } ?? "", overdue: !audit.isCompleted && audit.isOverdue(on: today))
        }
        return HTMLPage("audits", ListModel(
            chrome: Chrome(authorityName: services.configuration.authorityName, user: user, csrf: context.session?.csrfToken, path: "/audits"),
            heading: user.role == .qualityAuditor ? "My audits" : "Audits", audits: rows, recorded: audits.filter(\.isCompleted).count,
            open: rows.filter { $0.state == "Open" }.count, overdue: rows.filter(\.overdue).count))
    }

    static let template = """
        {{<layout}}{{$title}}{{heading}}{{/title}}{{$content}}
        <h1>{{heading}}</h1>
        <p>{{recorded}} recorded, {{open}} open, {{overdue}} overdue.</p>
        {{^empty(audits)}}
        <table><caption>Audits you may see</caption><thead><tr><th scope="col">Audit</th><th scope="col">Child</th><th scope="col">Sample</th><th scope="col">Auditor</th><th scope="col">Due</th><th scope="col">State</th><th scope="col">Grade</th><th scope="col">Moderation</th></tr></thead>
        <tbody>{{#audits}}<tr class="audit" data-audit="{{id}}"><td>{{id}}</td><td><a href="/children/{{childID}}">{{childID}}</a></td><td>{{sample}}</td><td>{{auditor}}</td><td>{{due}}</td><td>{{state}}</td><td>{{grade}}</td><td>{{moderation}}</td></tr>{{/audits}}</tbody></table>
        {{/empty(audits)}}
        {{^audits}}<p>No audit is allocated to you. Samples are drawn with <code>oversight audit sample</code>.</p>{{/audits}}
        {{/content}}{{/layout}}
        """
}
