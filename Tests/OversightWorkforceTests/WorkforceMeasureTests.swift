import OversightCore
import OversightMeasures
import Testing
@testable import OversightWorkforce

@Suite("WF-01..WF-05 from the register, against kpis.md §3.6")
struct WorkforceMeasureTests {
    /// A register with England's national totals at 30 September 2021 (kpis.md §3.6): 32,502 FTE in post, 6,522
    /// vacancies, 5,970 agency FTE and 4,995 leavers in the year.
    static let england2021: WorkforceRegister = {
        var spells: [StaffSpell] = []
        for n in 0..<32_502 { spells.append(spell("E\(n)", from: "2015-04-01", caseHolding: false)) }
        for n in 0..<5_970 { spells.append(spell("A\(n)", contract: .agency, from: "2021-01-04", caseHolding: false)) }
        for n in 0..<4_995 { spells.append(spell("L\(n)", from: "2016-04-01", to: "2021-03-31", reason: .workload, caseHolding: false)) }
        return WorkforceRegister(
            spells: spells,
            establishment: [TeamEstablishment(teamID: "T1", teamName: "All", service: "All", fundedFTE: 32_502 + 6_522, from: d("2020-04-01"))])
    }()

    @Test("England 2021: vacancy 16.7%, agency 15.5%, turnover 15.4%, as the DfE published (kpis.md worked figures)")
    func englandWorkedExample() throws {
        let measures = WorkforceMeasures(
            on: WorkforceMeasures.censusDate(2021), register: Self.england2021, history: AllocationHistory())
        func result(_ id: String) throws -> MeasureResult { try #require(measures.results.first { $0.id == id }) }
        func oneDecimal(_ value: Double?) -> Double? { value.map { ($0 * 10).rounded() / 10 } }

        #expect(try result("WF-01").value == 32_502)
        let vacancy = try result("WF-02")
        #expect(vacancy.numerator == 6_522)
        #expect(vacancy.denominator == 39_024)
        #expect(oneDecimal(vacancy.value) == 16.7)
        #expect(oneDecimal(try result("WF-03").value) == 15.5)
        let turnover = try result("WF-04")
        #expect(turnover.numerator == 4_995)
        #expect(oneDecimal(turnover.value) == 15.4)
        // The comparators are the 2021 census year's: the same figures the register reproduces.
        for id in ["WF-02", "WF-03", "WF-04"] {
            let computed = try result(id)
            #expect(computed.comparators.first { $0.area == .england }?.value == oneDecimal(computed.value), "\(id)")
            #expect(computed.comparators.first { $0.area == .england }?.year == 2021)
        }
        #expect(measures.leavingReasons.first?.reason == .workload)
    }

    @Test("Moving team is not leaving; moving from employment to agency work is; agency covering a post leaves it vacant")
    func leaversAndVacancies() throws {
        let register = WorkforceRegister(
            spells: [
                spell("W1", team: "T1", from: "2018-01-01", to: "2024-02-29"), spell("W1", team: "T2", from: "2024-03-01"),
                spell("W2", team: "T1", from: "2018-01-01", to: "2024-05-31", reason: .movedToAgency),
                spell("W2", team: "T1", contract: .agency, from: "2024-06-01"),
                spell("W3", team: "T2", fte: 0.5, from: "2018-01-01", to: "2024-08-31", reason: .relocation),
                spell("W4", team: "T2", fte: 0.5, from: "2018-01-01"),
                // A personal adviser is not a social worker in the census.
                spell("P1", team: "T2", role: .personalAdviser, from: "2018-01-01", to: "2024-06-30", reason: .pay),
                // Left before the 12 months.
                spell("W5", team: "T1", from: "2018-01-01", to: "2023-09-30", reason: .pay),
            ],
            establishment: [
                TeamEstablishment(teamID: "T1", teamName: "Assessment", service: "Front Door", fundedFTE: 2, from: d("2023-04-01")),
                TeamEstablishment(teamID: "T2", teamName: "Protection", service: "Safeguarding", fundedFTE: 1, from: d("2023-04-01")),
            ])
        let measures = WorkforceMeasures(on: d("2024-09-30"), register: register, history: AllocationHistory())
        #expect(measures.leavers.map(\.workerID.rawValue) == ["W2", "W3"])
        func value(_ id: String) -> MeasureResult? { measures.results.first { $0.id == id } }
        // In post: W1 (1.0, T2) and W4 (0.5, T2). T1 funds 2 with nobody employed (the agency worker covers one);
        // T2 funds 1 and employs 1.5, which is no negative vacancy.
        #expect(value("WF-01")?.value == 1.5)
        #expect(value("WF-02")?.numerator == 2)
        #expect(value("WF-03")?.numerator == 1)
        #expect(value("WF-04")?.numerator == 1.5)
        #expect(value("WF-04")?.value == 100)
    }
}
