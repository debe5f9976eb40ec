import Foundation
import Hummingbird
import OversightCore
import OversightImprovement
import OversightMeasures
import OversightStorage

/// A child's record: who they are, who holds them, and their journey with timeliness flags.
///
/// Opening it is the most sensitive thing Oversight does, so the policy decides first, the decision is
/// logged either way, and a refusal says why without saying anything about the child.
struct ChildPage {
    let services: WebServices

    struct Event: Codable { var date: String; var sortKey: Int32; var event: String; var detail: String; var timeliness: String; var late: Bool }
    struct Model {
        var chrome: Chrome
        var id, name, born, sex, ethnicity, basis: String
        var restricted: Bool
        var holders: [String]
        var events: [Event]
    }

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/children/{id}") { request, context in try await show(request, context) }
    }

    private func show(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        let view = try services.caseView()
        let gate = try AccessGate(services: services, user: user, view: view)
        let chrome = Chrome(authorityName: services.configuration.authorityName, user: user, csrf: context.session?.csrfToken, path: "/children")
        let decision = gate.decide(childID: id)
        guard decision.isAllowed else {
            try await gate.log(.denied, subject: id, reason: decision.reason, childCount: 0)
            return try HTMLPage("error", ErrorPage(
                chrome: chrome, heading: "You cannot open this record",
                message: "Your role does not give access to this child's record (\(decision.reason)). If you need it for your work, ask your manager; every request is logged."),
                status: .forbidden).response(from: request, context: context)
        }
        guard let records = try services.store.fetchChildRecords(Identifier(id)), let child = records.children.first else {
            return try HTMLPage("error", ErrorPage(chrome: chrome, heading: "Page not found", message: "There is no child with ID \(id)."),
                                status: .notFound).response(from: request, context: context)
        }
        try await gate.log(.viewChild, subject: id, reason: decision.reason, childCount: 1)
        let holders = view.snapshot.index(ofChild: id).map { view.snapshot.holders(of: $0, on: view.asOf) } ?? []
        let model = Model(
            chrome: chrome, id: id,
            name: [child.forename, child.surname].compactMap { $0 }.joined(separator: " ").nonEmpty ?? "Child \(id)",
            born: child.dateOfBirth.map(Figures.date) ?? child.expectedDateOfBirth.map { "Unborn: expected \(Figures.date($0))" } ?? "Not recorded",
            sex: child.sex?.label ?? "Not recorded", ethnicity: child.ethnicity?.label ?? "Not recorded", basis: decision.reason,
            restricted: gate.isRestricted(id),
            holders: holders.map { holder in
                [holder.workerName ?? holder.workerID, holder.teamName.map { "(\($0))" }, "since \(Figures.date(holder.since))"]
                    .compactMap { $0 }.joined(separator: " ")
            },
            events: Self.chronology(records, calendar: view.engine.calendar))
        return try HTMLPage("child", model).response(from: request, context: context)
    }

    /// Every dated record about the child, oldest first, with the statutory clock judged where one applies.
    static func chronology(_ records: CaseRecords, calendar: WorkingDayCalendar) -> [Event] {
        var events: [Event] = []
        func add(_ date: LocalDate, _ event: String, _ detail: String = "", timeliness: String = "", late: Bool = false) {
            events.append(Event(date: Figures.date(date), sortKey: date.dayNumber, event: event, detail: detail, timeliness: timeliness, late: late))
        }
        let workers = Dictionary(records.workers.map { ($0.id, $0.name ?? $0.id.rawValue) }, uniquingKeysWith: { a, _ in a })
        let teams = Dictionary(records.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for contact in records.contacts {
            add(contact.date, "Contact", contact.source?.label ?? "", timeliness: contact.ledToReferral == true ? "led to a referral" : "")
        }
        for referral in records.childInNeedEpisodes {
            add(referral.referralDate, "Referral", [referral.source?.label, referral.primaryNeed.map { "need: \($0.label)" }].compactMap { $0 }.joined(separator: "; "))
            if let closed = referral.closureDate {
                add(closed, "Case closed", referral.closureReason?.label ?? (referral.isNoFurtherAction == true ? "no further action" : ""))
            }
        }
        for assessment in records.assessments {
            add(assessment.startDate, "Assessment started")
            if let authorised = assessment.authorisationDate {
                let days = calendar.workingDays(from: assessment.startDate, to: authorised)
                add(authorised, "Assessment authorised", "", timeliness: "working day \(days) (timescale 45)", late: days > 45)
            }
        }
        for enquiry in records.section47Enquiries {
            add(enquiry.startDate, "Section 47 enquiry started")
            if let end = enquiry.endDate { add(end, "Section 47 enquiry ended", enquiry.conferenceRecommended == true ? "conference recommended" : "") }
        }
        for conference in records.initialChildProtectionConferences {
            let date = conference.date
            var timeliness = "", late = false
            if let enquiry = records.section47Enquiries.first(where: { $0.id == conference.section47EnquiryID }) {
                let days = calendar.workingDays(from: enquiry.startDate, to: date)
                timeliness = "working day \(days) after the enquiry began (timescale 15)"
                late = days > 15
            }
            add(date, "Initial child protection conference", conference.resultedInPlan == true ? "plan made" : "no plan", timeliness: timeliness, late: late)
        }
        for plan in records.childProtectionPlans {
            add(plan.start, "Child protection plan started", plan.initialCategory?.label ?? "")
            if let end = plan.end { add(end, "Child protection plan ended") }
        }
        for review in records.childProtectionReviews {
            guard let date = review.date else { continue }
            let late = review.dueDate.map { date > $0 } ?? false
            add(date, "Child protection review", review.planContinues == false ? "plan ended" : "",
                timeliness: review.dueDate.map { "due \(Figures.date($0))" } ?? "", late: late)
        }
        for visit in records.statutoryVisits {
            let kind = switch visit.context {
            case .childInNeed: "Child in need visit"
            case .childProtection: "Child protection visit"
            case .lookedAfter: "Looked-after visit"
            }
            add(visit.date, kind, visit.childSeen == false ? "child not seen" : (visit.childSeenAlone == true ? "seen alone" : "seen"))
        }
        for episode in records.lookedAfterEpisodes {
            add(episode.start, "Became looked after or episode changed", episode.legalStatus?.label ?? "")
            if let end = episode.end { add(end, "Episode ended", episode.reasonCeased?.label ?? "") }
        }
        for placement in records.placements {
            add(placement.start, "Placement began", placement.type?.label ?? "")
        }
        for review in records.lookedAfterReviews {
            guard let date = review.date, !review.isCancelled else { continue }
            let late = review.dueDate.map { date > $0 } ?? false
            add(date, "Looked-after review", "", timeliness: review.dueDate.map { "due \(Figures.date($0))" } ?? "", late: late)
        }
        for missing in records.missingEpisodes {
            add(missing.start, missing.type?.label ?? "Missing episode", missing.returnInterviewOffered == true ? "return interview offered" : "")
        }
        for involvement in records.involvements {
            let who = involvement.workerID.flatMap { workers[$0] } ?? "A worker"
            let team = involvement.teamID.flatMap { teams[$0] }.map { " (\($0))" } ?? ""
            add(involvement.start, "Worker allocated", "\(who)\(team), role \(involvement.role)")
        }
        return events.sorted { $0.sortKey < $1.sortKey }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
