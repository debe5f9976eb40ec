import Foundation
import Hummingbird
import OversightCore
import OversightImprovement
import OversightMeasures
import OversightStorage

/// Annex A-style lists: one row per event or child, with the common leading columns inspectors expect
/// (child ID, gender, ethnicity, date of birth, age), for the lists the case data can fill.
///
/// Each list is the explanation of the measure that counts the same events, so a list and its figure can
/// never disagree. Rows pass through the reader's record scope and every page or download is logged.
struct AnnexAPages {
    let services: WebServices

    struct List: Sendable {
        var number: Int
        var title: String
        /// The measure whose child-level rows are this list's rows.
        var measure: String
    }

    static let lists: [List] = [
        List(number: 1, title: "Contacts", measure: "CIN-05"),
        List(number: 3, title: "Referrals", measure: "CIN-02"),
        List(number: 4, title: "Assessments", measure: "CIN-06"),
        List(number: 5, title: "Section 47 enquiries and initial conferences", measure: "CP-02"),
        List(number: 7, title: "Children subject to a child protection plan", measure: "CP-05"),
        List(number: 8, title: "Children in care", measure: "CLA-01"),
        List(number: 9, title: "Care leavers", measure: "CL-03"),
        List(number: 10, title: "Adoption", measure: "CLA-14"),
    ]

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/inspection/lists") { request, context in try index(request, context) }
        router.get("/inspection/lists/{number}") { request, context in try await list(request, context) }
    }

    struct IndexRow { var number: Int; var title: String; var measure: String; var rows: Int }
    struct IndexModel { var chrome: Chrome; var periodLabel: String; var period: String; var lists: [IndexRow] }

    private func index(_ request: Request, _ context: OversightRequestContext) throws -> HTMLPage {
        let user = try reader(context)
        let view = try services.caseView()
        let period = try APIController.period(request, view)
        let gate = try AccessGate(services: services, user: user, view: view)
        let rows = Self.lists.map { list in
            IndexRow(number: list.number, title: list.title, measure: list.measure, rows: scopedRows(list, period: period, view: view, gate: gate).count)
        }
        return HTMLPage("annex-a", IndexModel(
            chrome: Chrome(authorityName: services.configuration.authorityName, user: user, csrf: context.session?.csrfToken, path: "/inspection/lists"),
            periodLabel: Figures.period(period), period: "\(period)", lists: rows))
    }

    struct Row { var childID, gender, ethnicity, born, age, recordID, from, to, workingDays, counted, reason: String }
    struct ListModel {
        var chrome: Chrome
        var number: Int
        var title, measure, periodLabel, period: String
        var rows: [Row]
        var truncated: Bool
    }

    private func list(_ request: Request, _ context: OversightRequestContext) async throws -> Response {
        let user = try reader(context)
        guard let number = Int(try context.parameters.require("number")), let list = Self.lists.first(where: { $0.number == number }) else {
            throw HTTPError(.notFound, message: "Oversight holds Annex A lists \(Self.lists.map { String($0.number) }.joined(separator: ", ")).")
        }
        let view = try services.caseView()
        let period = try APIController.period(request, view)
        let gate = try AccessGate(services: services, user: user, view: view)
        let visible = scopedRows(list, period: period, view: view, gate: gate)
        let rows = visible.map { Self.row($0, view: view, on: period.end) }
        let csv = request.uri.queryParameters["format"] == "csv"
        let shown = csv ? rows : Array(rows.prefix(500))
        if !shown.isEmpty {
            try await gate.log(
                .viewChildList, subject: "/inspection/lists/\(number)?period=\(period)\(csv ? "&format=csv" : "")",
                reason: "Annex A list \(number) (\(user.role.title.lowercased()))", childCount: Set(shown.map(\.childID)).count)
        }
        if csv {
            var text = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Record,From,To,Working days,Counted,Why\r\n"
            for row in rows {
                text += [row.childID, row.gender, row.ethnicity, row.born, row.age, row.recordID, row.from, row.to, row.workingDays, row.counted, row.reason]
                    .map(Self.csvField).joined(separator: ",") + "\r\n"
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                    .contentDisposition: "attachment; filename=\"annex-a-list-\(number)-\(period).csv\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        return try HTMLPage("annex-a-list", ListModel(
            chrome: Chrome(authorityName: services.configuration.authorityName, user: user, csrf: context.session?.csrfToken, path: "/inspection/lists"),
            number: number, title: list.title, measure: list.measure, periodLabel: Figures.period(period), period: "\(period)", rows: shown,
            truncated: rows.count > shown.count)).response(from: request, context: context)
    }

    private func reader(_ context: OversightRequestContext) throws -> UserAccount {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        guard user.role.seesChildLevelData else { throw HTTPError(.forbidden, message: "Board members see aggregates only.") }
        return user
    }

    private func scopedRows(_ list: List, period: ReportingPeriod, view: CaseView, gate: AccessGate) -> [ExplanationRow] {
        guard let definition = MeasureCatalogue.measure(list.measure) else { return [] }
        return gate.rowsInScope(view.explanation(definition, period: period).rows, list: "\(definition.id)|\(period)")
    }

    static func row(_ row: ExplanationRow, view: CaseView, on date: LocalDate) -> Row {
        let index = view.snapshot.index(ofChild: row.childID)
        let children = view.snapshot.children
        let born = index.flatMap { children.dateOfBirth($0) }
        return Row(
            childID: row.childID, gender: index.flatMap { children.sex[Int($0)]?.label } ?? "",
            ethnicity: index.flatMap { children.ethnicity[Int($0)]?.rawValue } ?? "", born: born.map { "\($0)" } ?? "",
            age: index.flatMap { view.snapshot.age(of: $0, on: date) }.map(String.init) ?? "", recordID: row.recordID ?? "",
            from: [row.fromLabel, row.from.map { "\($0)" }].compactMap { $0 }.joined(separator: " "),
            to: [row.toLabel, row.to.map { "\($0)" }].compactMap { $0 }.joined(separator: " "),
            workingDays: row.workingDays.map(String.init) ?? "", counted: row.inNumerator ? "Yes" : "No", reason: row.reason)
    }

    /// RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
