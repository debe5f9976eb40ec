import Foundation
import Hummingbird
import HummingbirdTesting
import OversightCore
import OversightStorage
@testable import OversightWeb
import Testing

@Suite("Web: the audit register")
struct AuditPageTests {
    /// Two audits: KIDBRAVO's for `auditor` (recorded and moderated), KIDCHARLIE's for another auditor.
    func fixtureWithAudits() throws -> WebFixture {
        let web = try WebFixture()
        let store = try #require(web.store as? any AuditStore)
        try store.saveSample(AuditSample(
            id: "case-file-2025-03", title: "Case file audits, March", templateID: "case-file-audit", templateVersion: 1, cohort: "team T1",
            method: .random, seed: 9, populationSize: 4, drawnOn: LocalDate(iso: "2025-03-01")!, drawnBy: "director",
            audits: [
                AuditAllocation(id: "A1", childID: "KIDBRAVO", teamID: "T1", workerID: "W2", auditor: "auditor", dueBy: LocalDate(iso: "2025-03-28")!),
                AuditAllocation(id: "A2", childID: "KIDCHARLIE", teamID: "T2", workerID: "W3", auditor: "other", dueBy: LocalDate(iso: "2025-03-14")!),
            ]))
        try store.appendRecord(AuditRecord(auditID: "A1", answers: [], overallGrade: .good, recordedBy: "auditor", recordedAt: "2025-03-10T10:00:00Z"))
        try store.appendModeration(Moderation(auditID: "A1", moderator: "other", gradeBefore: .good, gradeAfter: .requiresImprovement, reason: "Drift", at: "2025-03-20"))
        return web
    }

    @Test("An auditor sees only the audits assigned to them, and can open only those children")
    func auditorSeesOwn() async throws {
        let web = try fixtureWithAudits()
        try await web.app().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("auditor")
            let page = try await browser.get("/audits")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>My audits</h1>"))
            #expect(page.body.contains("data-audit=\"A1\""))
            #expect(page.body.contains("<td>Requires improvement</td><td>Changed</td>"))
            #expect(!page.body.contains("data-audit=\"A2\""))
            #expect(!page.body.contains("KIDCHARLIE"))
            #expect(page.body.contains("href=\"/audits\""))
            #expect(try await browser.get("/children/KIDCHARLIE").status == .forbidden)
            #expect(try await browser.get("/children/KIDBRAVO").status == .ok)
        }
    }

    @Test("Senior leaders see every audit; a manager their team's; board members none")
    func otherRoles() async throws {
        let web = try fixtureWithAudits()
        try await web.app().test(.router) { client in
            let director = Browser(client)
            try await director.signIn("director")
            let all = try await director.get("/audits")
            #expect(all.body.contains("data-audit=\"A1\"") && all.body.contains("data-audit=\"A2\""))
            #expect(all.body.contains("<td>Overdue</td>"))
        }
        try await web.app().test(.router) { client in
            let manager = Browser(client)
            try await manager.signIn("manager2")
            let team = try await manager.get("/audits")
            #expect(team.body.contains("data-audit=\"A2\"") && !team.body.contains("data-audit=\"A1\""))
        }
        try await web.app().test(.router) { client in
            let board = Browser(client)
            try await board.signIn("board")
            #expect(try await board.get("/audits").status == .forbidden)
        }
    }
}
