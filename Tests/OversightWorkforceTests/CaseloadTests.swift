import OversightCore
import Testing
@testable import OversightWorkforce

@Suite("Caseloads from allocation history")
struct CaseloadTests {
    @Test("A case ending on the day and a case starting on the day both count on that day")
    func boundaries() {
        let history = AllocationHistory(involvements: [
            allocation("C1", to: "W1", from: "2025-01-01", to: "2025-03-10"),
            allocation("C2", to: "W1", from: "2025-03-10"),
            // The same child recorded twice with overlapping dates is one case, not two.
            allocation("C3", to: "W1", from: "2025-02-01", to: "2025-03-31"),
            allocation("C3", to: "W1", from: "2025-03-01"),
            // Another role (a personal adviser's involvement) is not an allocation.
            allocation("C4", to: "W1", from: "2025-01-01", role: "PA"),
        ])
        let grid = CaseloadGrid(history: history, register: WorkforceRegister(), from: d("2025-03-09"), days: 3)
        // 9 March: C1 and C3. 10 March: C1 (its last day), C2 (its first day) and C3. 11 March: C2 and C3.
        #expect(grid.overall.map(\.cases) == [2, 3, 2])
        #expect(grid.workerLoads(onDay: 1).map(\.cases) == [3])
        #expect(history.allocations.count == 4)
    }

    @Test("A worker moving team mid-week counts in the old team before the move and in the new team from it")
    func teamMove() throws {
        // W1 moves from T1 to T2 on Wednesday 5 March 2025 and takes their 3 children; W2 stays in T1 with 1 child.
        // The allocations still name T1: the register's team wins for workers it covers.
        let history = AllocationHistory(
            involvements: caseload(3, worker: "W1", team: "T1", from: "2024-11-01") + caseload(1, worker: "W2", team: "T1", from: "2024-11-01"))
        let register = WorkforceRegister(
            spells: [
                spell("W1", team: "T1", from: "2024-01-01", to: "2025-03-04", reason: nil), spell("W1", team: "T2", from: "2025-03-05"),
                spell("W2", team: "T1", from: "2024-01-01"),
            ],
            establishment: [
                TeamEstablishment(teamID: "T1", teamName: "Assessment Team", service: "Front Door", fundedFTE: 3, from: d("2024-01-01")),
                TeamEstablishment(teamID: "T2", teamName: "Child Protection Team", service: "Safeguarding", fundedFTE: 3, from: d("2024-01-01")),
            ])
        let report = WeeklyCaseloadReport(weekEnding: d("2025-03-09"), history: history, register: register)
        #expect(report.usesRegister)
        #expect(report.overall.weeks.count == 13)
        #expect(report.overall.weeks.first?.weekEnding == d("2024-12-15"))
        let assessment = try #require(report.teams.first { $0.teamID == "T1" })
        let protection = try #require(report.teams.first { $0.teamID == "T2" })
        #expect(assessment.name == "Assessment Team" && assessment.service == "Front Door")

        // Last week (to Sunday 2 March) W1 was in the assessment team; by Sunday 9 March in child protection.
        #expect(assessment.previous?.workers == 2)
        #expect(assessment.previous?.average == 2)
        #expect(assessment.current.workers == 1)
        #expect(assessment.current.workersChange == -1)
        #expect(assessment.current.average == 1)
        #expect(assessment.current.averageDirection == .down)
        #expect(protection.current.workers == 1)
        #expect(protection.current.workersChange == 1)
        #expect(protection.current.average == 3)
        #expect(protection.current.averageDirection == .up)
        // The trend is the mean of the daily averages over the 14 days to Sunday: for the assessment team nine days
        // at 2 (24 Feb – 4 Mar) and five at 1 (5–9 Mar); child protection had anyone only from the 5th, at 3.
        let expectedTrend: Double = (((9.0 * 2.0 + 5.0) / 14.0) * 100.0).rounded() / 100.0
        #expect(assessment.current.trend == expectedTrend)
        #expect(protection.current.trend == 3)
        // The authority as a whole did not move: the same 2 workers and 4 children.
        #expect(report.overall.current.workers == 2)
        #expect(report.overall.current.workersChange == 0)
        #expect(report.overall.current.average == 2)
        #expect(report.overall.current.averageDirection == .level)
        #expect(report.overall.current.highest == 3)
        #expect(report.overall.current.lowest == 1)
    }

    @Test("Part-time workers: WF-05 divides cases by FTE, the weekly average by headcount")
    func partTime() throws {
        let history = AllocationHistory(
            involvements: caseload(12, worker: "W1", from: "2024-06-01") + caseload(6, worker: "W2", from: "2024-06-01"))
        let register = WorkforceRegister(spells: [spell("W1", from: "2020-01-01"), spell("W2", fte: 0.5, from: "2020-01-01")])
        let measures = WorkforceMeasures(on: d("2024-09-30"), register: register, history: history)
        let wf05 = try #require(measures.results.first { $0.id == "WF-05" })
        #expect(wf05.numerator == 18)
        #expect(wf05.denominator == 1.5)
        #expect(wf05.value == 12)
        let report = WeeklyCaseloadReport(weekEnding: d("2024-09-29"), history: history, register: register)
        #expect(report.overall.current.average == 9)
        #expect(report.overall.current.fullTimeEquivalent == 1.5)
        #expect((report.overall.current.highest, report.overall.current.lowest) == (12, 6))
    }

    @Test("A case-holding worker in post with no cases counts, at zero, when there is a register; without one only holders count")
    func emptyCaseloads() {
        let history = AllocationHistory(involvements: caseload(4, worker: "W1", from: "2024-06-01"))
        let register = WorkforceRegister(spells: [
            spell("W1", from: "2020-01-01"), spell("W2", from: "2024-09-01"),
            // A team manager holds no cases and is not counted.
            spell("W3", role: .teamManager, from: "2020-01-01", caseHolding: false),
        ])
        let withRegister = WeeklyCaseloadReport(weekEnding: d("2024-09-29"), history: history, register: register)
        #expect(withRegister.overall.current.workers == 2)
        #expect(withRegister.overall.current.lowest == 0)
        #expect(withRegister.overall.current.average == 2)
        let without = WeeklyCaseloadReport(weekEnding: d("2024-09-29"), history: history, register: WorkforceRegister())
        #expect(without.overall.current.workers == 1)
        #expect(without.overall.current.average == 4)
        #expect(!without.usesRegister)
    }

    @Test("The report's formats carry the same figures")
    func formats() throws {
        let history = AllocationHistory(involvements: caseload(5, worker: "W1", team: "T9", from: "2024-06-01"))
        let report = WeeklyCaseloadReport(weekEnding: d("2024-09-29"), history: history, register: WorkforceRegister())
        #expect(report.table().contains("week ending 29/09/2024"))
        #expect(report.csvRows().count == 2 * 13)
        #expect(report.csvRows().last?[3] == "2024-09-29")
        #expect(report.csvRows().last?[8] == "5.0")
        let html = report.html()
        #expect(html.contains("<svg"))
        #expect(html.contains("<strong>5.0</strong>"))
        let decoded = try JSONDecoder().decode(WeeklyCaseloadReport.self, from: Data(report.json().utf8))
        #expect(decoded.overall == report.overall)
    }
}

import Foundation
