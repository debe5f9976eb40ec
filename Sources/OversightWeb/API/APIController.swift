import Foundation
import Hummingbird
import OversightCore
import OversightMeasures
import OversightStorage

/// The JSON API: the same data as the pages, under the same record scope and access log.
///
/// Browsers use it with their session; other tools with a per-user token (`oversight user token`),
/// sent as `Authorization: Bearer …`. What it serves is described at `/openapi.json`.
struct APIController {
    let services: WebServices

    func addRoutes(to router: Router<OversightRequestContext>) {
        router.get("/api/measures") { request, context in try measures(request, context) }
        router.get("/api/measures/{id}") { request, context in try measure(request, context) }
        router.get("/api/measures/{id}/children") { request, context in try await children(request, context) }
        router.get("/api/children/{id}") { request, context in try await child(request, context) }
        router.get("/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
    }

    struct MeasureList: ResponseEncodable { var period: String; var measures: [MeasureResult] }
    struct MeasureDetail: ResponseEncodable { var result: MeasureResult; var trend: [TrendPoint] }
    struct ChildRows: ResponseEncodable {
        var measure: String
        var period: String
        var page: Int
        var pageSize: Int
        /// Rows in the reader's scope; `rowsInDenominator` counts every row, in scope or not.
        var rowsInScope: Int
        var rowsInDenominator: Int
        var rows: [ExplanationRow]
    }
    struct ChildRecord: ResponseEncodable { var child: Child; var basis: String; var events: [ChildPage.Event] }

    private func measures(_ request: Request, _ context: OversightRequestContext) throws -> MeasureList {
        let view = try services.caseView()
        let period = try Self.period(request, view)
        return MeasureList(period: "\(period)", measures: view.results(period: period))
    }

    private func measure(_ request: Request, _ context: OversightRequestContext) throws -> MeasureDetail {
        let definition = try Self.definition(context)
        let view = try services.caseView()
        let period = try Self.period(request, view)
        return MeasureDetail(result: view.result(definition, period: period), trend: view.trend(definition, period: period))
    }

    private func children(_ request: Request, _ context: OversightRequestContext) async throws -> ChildRows {
        let definition = try Self.definition(context)
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        guard user.role.seesChildLevelData else { throw HTTPError(.forbidden, message: "Board members see aggregates only.") }
        let view = try services.caseView()
        let period = try Self.period(request, view)
        let gate = try AccessGate(services: services, user: user, view: view)
        let explanation = view.explanation(definition, period: period)
        let visible = gate.rowsInScope(explanation.rows, list: "\(definition.id)|\(period)")
        let page = max(1, Int(request.uri.queryParameters["page"].map(String.init) ?? "") ?? 1)
        let size = min(1000, max(1, Int(request.uri.queryParameters["pageSize"].map(String.init) ?? "") ?? 100))
        let start = min((page - 1) * size, visible.count)
        let rows = Array(visible[start..<min(start + size, visible.count)])
        if !rows.isEmpty {
            try await gate.log(
                .viewChildList, subject: "/api/measures/\(definition.id)/children?period=\(period)&page=\(page)",
                reason: "measure explanation via the API (\(user.role.title.lowercased()))", childCount: Set(rows.map(\.childID)).count)
        }
        return ChildRows(
            measure: definition.id, period: "\(period)", page: page, pageSize: size, rowsInScope: visible.count,
            rowsInDenominator: explanation.rows.count, rows: rows)
    }

    private func child(_ request: Request, _ context: OversightRequestContext) async throws -> ChildRecord {
        let id = try context.parameters.require("id")
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        let view = try services.caseView()
        let gate = try AccessGate(services: services, user: user, view: view)
        let decision = gate.decide(childID: id)
        guard decision.isAllowed else {
            try await gate.log(.denied, subject: id, reason: decision.reason, childCount: 0)
            throw HTTPError(.forbidden, message: "You cannot open this record: \(decision.reason).")
        }
        guard let records = try services.store.fetchChildRecords(Identifier(id)), let child = records.children.first else {
            throw HTTPError(.notFound, message: "There is no child with ID \(id).")
        }
        try await gate.log(.viewChild, subject: id, reason: decision.reason + " (API)", childCount: 1)
        return ChildRecord(child: child, basis: decision.reason, events: ChildPage.chronology(records, calendar: view.engine.calendar))
    }

    static func definition(_ context: OversightRequestContext) throws -> MeasureDefinition {
        let id = try context.parameters.require("id")
        guard let definition = MeasureCatalogue.measure(id) else { throw HTTPError(.notFound, message: "There is no measure called \(id).") }
        return definition
    }

    static func period(_ request: Request, _ view: CaseView) throws -> ReportingPeriod {
        guard let text = request.uri.queryParameters["period"].map(String.init), !text.isEmpty else { return view.headlinePeriod }
        do {
            return try ReportingPeriod.parse(text)
        } catch {
            throw HTTPError(.badRequest, message: "The period '\(text)' is not one Oversight reads: \(error).")
        }
    }
}
