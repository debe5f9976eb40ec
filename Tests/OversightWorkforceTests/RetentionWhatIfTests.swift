import OversightCore
import Testing
@testable import OversightWorkforce

@Suite("The retention-payment what-if (recommendations 3 and 7)")
struct RetentionWhatIfTests {
    @Test("Net cost year by year from the register: 1/3 paid after year 1, 2/3 after year 2, against agency premium saved")
    func yearByYear() throws {
        // 10 employed FTE on 30 September 2024 (8 long-standing, 2 who started in January), 2 leavers in the year
        // (turnover 20%), 4 agency FTE.
        var spells = (0..<8).map { spell("P\($0)", from: "2015-04-01") }
        spells += (0..<2).map { spell("N\($0)", from: "2024-01-08") }
        spells += (0..<2).map { spell("L\($0)", from: "2015-04-01", to: "2024-03-31", reason: .pay) }
        spells += (0..<4).map { spell("A\($0)", contract: .agency, from: "2024-02-01") }
        let model = RetentionWhatIf(
            on: d("2024-09-30"), register: WorkforceRegister(spells: spells),
            parameters: .init(bonusRate: 10, agencyPremium: 40, years: 3, salary: 40_000, turnoverFall: 25), given: ["bonus-rate", "agency-premium"])
        // No starters two or three years back, so staying rates fall back to 1 − turnover = 80%; with turnover down
        // by a quarter, 85%. The bonus is £4,000; the agency premium £16,000 a year.
        func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.01 }
        let firstThird: Double = 1.7 * 4_000.0 / 3.0
        let secondTwoThirds: Double = 1.445 * 8_000.0 / 3.0
        let bonusCosts: [Double] = [0, firstThird, firstThird + secondTwoThirds]
        let agencySaved: [Double] = [0.5, 1.0, 1.5]
        let savings: [Double] = [8_000, 16_000, 24_000]
        for (index, year) in model.years.enumerated() {
            #expect(near(year.bonusCost, bonusCosts[index]), "year \(year.year): bonus \(year.bonusCost)")
            #expect(near(year.agencyFTESaved, agencySaved[index]), "year \(year.year)")
            #expect(near(year.agencySaving, savings[index]), "year \(year.year)")
        }
        #expect(near(model.years[2].netCost, 6_120 - 24_000))
        let cumulative: Double = -8_000.0 + (firstThird - 16_000.0) + (6_120.0 - 24_000.0)
        #expect(near(model.years[2].cumulativeNetCost, cumulative))
        let shown = Dictionary(uniqueKeysWithValues: model.assumptions.map { ($0.name, $0) })
        #expect(shown["Employed social worker FTE in post"]?.value == "10.0")
        #expect(shown["Employed social worker FTE in post"]?.source == "register")
        #expect(shown["Permanent turnover, 12 months"]?.value == "20.0% (2.0 FTE left)")
        #expect(shown["New permanent starters a year (FTE), held constant"]?.value == "2.0")
        #expect(shown["Salary with on-costs, per FTE a year"]?.source == "default")
        #expect(shown["Retention payment"]?.source == "given")
        #expect(model.table().contains("£-17,880"))
    }
}
