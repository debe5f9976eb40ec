import Foundation
import OversightCore

/// The retention-payment what-if: the rapid review's recommendations 3 and 7, "an additional payment for permanent
/// staff to be paid 1/3rd after Year 1 and 2/3rd after Year 2, with costs offset by fewer agency staff".
///
/// The baseline comes from the register on the day modelled: employed and agency FTE in post, the 12-month turnover
/// of employed social workers, the FTE of new permanent starters in the 12 months, and how many starters stay a first
/// and a second year. The scenario: every year the same intake of new permanent staff joins; each is paid a third of
/// the bonus on their first anniversary and two thirds on their second if still employed; permanent turnover falls by
/// the given share, and agency FTE falls one for one with the permanent FTE so kept (never below none), each agency
/// FTE saved saving the agency premium over a permanent salary. Every assumption is listed with where it came from.
public struct RetentionWhatIf: Sendable, Codable {
    public struct Parameters: Sendable, Codable, Hashable {
        /// The bonus as a percentage of a year's salary, paid 1/3 after year 1 and 2/3 after year 2.
        public var bonusRate: Double
        /// The extra cost of an agency FTE over an employed one, as a percentage of salary.
        public var agencyPremium: Double
        public var years: Int
        /// The annual salary (with on-costs) of an employed social worker, in pounds.
        public var salary: Double
        /// The relative fall in permanent turnover the payment is assumed to bring, in percent.
        public var turnoverFall: Double

        public init(bonusRate: Double, agencyPremium: Double, years: Int, salary: Double, turnoverFall: Double) {
            self.bonusRate = bonusRate
            self.agencyPremium = agencyPremium
            self.years = years
            self.salary = salary
            self.turnoverFall = turnoverFall
        }
    }

    public struct Assumption: Sendable, Codable, Hashable {
        public var name: String
        public var value: String
        /// "register" for figures computed from the workforce register, "given" for what the user passed, "default".
        public var source: String
    }

    public struct Year: Sendable, Codable, Hashable {
        public var year: Int
        /// Staff paid the first third (their first anniversary) and the last two thirds (their second).
        public var firstPayments: Double
        public var secondPayments: Double
        public var bonusCost: Double
        public var leaversAvoided: Double
        public var agencyFTESaved: Double
        public var agencySaving: Double
        public var netCost: Double
        public var cumulativeNetCost: Double
    }

    public var asOf: LocalDate
    public var parameters: Parameters
    public var assumptions: [Assumption]
    public var years: [Year]

    /// - Parameters:
    ///   - date: the day the baseline is taken on; flows are the 12 months to it.
    ///   - register: the workforce register.
    ///   - given: names of parameters the user passed (the rest are shown as defaults).
    public init(on date: LocalDate, register: WorkforceRegister, parameters: Parameters, given: Set<String> = []) {
        asOf = date
        self.parameters = parameters
        let (employedFTE, agencyFTE) = WorkforceMeasures.socialWorkerFTE(register, on: date)
        let leaverFTE = WorkforceMeasures.leaversInYear(register, on: date).reduce(0) { $0 + $1.fullTimeEquivalent }
        let turnover = employedFTE > 0 ? leaverFTE / employedFTE : 0

        // New permanent starters: a permanent social work spell with no permanent spell of theirs the day before.
        let byWorker = Dictionary(grouping: register.spells.filter { $0.contract == .permanent && $0.role.isSocialWorker }, by: \.workerID)
        let starts: [StaffSpell] = byWorker.values.flatMap { spells in
            spells.filter { spell in !spells.contains { $0.covers(spell.start.adding(days: -1)) } }
        }
        func lastDay(of start: StaffSpell) -> LocalDate? {
            // A worker's continuous employment from a start: follow spells that begin the day after the last ends.
            var end = start.end
            let spells = byWorker[start.workerID] ?? []
            while let current = end, let next = spells.first(where: { $0.start == current.adding(days: 1) }) { end = next.end }
            return end
        }
        let yearAgo = date.adding(years: -1)
        let intake = starts.filter { $0.start > yearAgo && $0.start <= date }.reduce(0) { $0 + $1.fullTimeEquivalent }
        // Survival through a first and a second year, from starters old enough to have had them.
        func stayRate(startedBetween from: LocalDate, and to: LocalDate, survivedYears: Int) -> (Double, Int)? {
            let cohort = starts.filter { start in
                guard start.start > from && start.start <= to else { return false }
                return survivedYears == 0 || (lastDay(of: start).map { $0 >= start.start.adding(years: survivedYears) } ?? true)
            }
            guard !cohort.isEmpty else { return nil }
            let stayed = cohort.filter { start in lastDay(of: start).map { last in last >= start.start.adding(years: survivedYears + 1) } ?? true }
            return (Double(stayed.count) / Double(cohort.count), cohort.count)
        }
        let firstYear = stayRate(startedBetween: date.adding(years: -2), and: yearAgo, survivedYears: 0)
        let secondYear = stayRate(startedBetween: date.adding(years: -3), and: date.adding(years: -2), survivedYears: 1)
        let fall = parameters.turnoverFall / 100
        let stay1 = 1 - (1 - (firstYear?.0 ?? 1 - turnover)) * (1 - fall)
        let stay2 = 1 - (1 - (secondYear?.0 ?? 1 - turnover)) * (1 - fall)

        func money(_ value: Double) -> String { "£" + Self.thousands(value) }
        func source(_ name: String) -> String { given.contains(name) ? "given" : "default" }
        assumptions = [
            Assumption(name: "Baseline day", value: date.isoString, source: given.contains("as-of") ? "given" : "latest date in the register"),
            Assumption(name: "Employed social worker FTE in post", value: String(format: "%.1f", employedFTE), source: "register"),
            Assumption(name: "Agency social worker FTE in post", value: String(format: "%.1f", agencyFTE), source: "register"),
            Assumption(name: "Permanent turnover, 12 months", value: String(format: "%.1f%% (%.1f FTE left)", 100 * turnover, leaverFTE), source: "register"),
            Assumption(name: "New permanent starters a year (FTE), held constant", value: String(format: "%.1f", intake), source: "register"),
            Assumption(
                name: "Starters staying a first year, before the payment",
                value: firstYear.map { String(format: "%.0f%% of ", 100 * $0.0) + "\($0.1) starters" } ?? String(format: "%.0f%% (1 − turnover)", 100 * (1 - turnover)),
                source: firstYear == nil ? "register (turnover; too few starters to measure)" : "register"),
            Assumption(
                name: "Starters staying a second year, before the payment",
                value: secondYear.map { String(format: "%.0f%% of ", 100 * $0.0) + "\($0.1) starters" } ?? String(format: "%.0f%% (1 − turnover)", 100 * (1 - turnover)),
                source: secondYear == nil ? "register (turnover; too few starters to measure)" : "register"),
            Assumption(name: "Salary with on-costs, per FTE a year", value: money(parameters.salary), source: source("salary")),
            Assumption(
                name: "Retention payment",
                value: String(format: "%g%% of salary = ", parameters.bonusRate) + money(parameters.salary * parameters.bonusRate / 100)
                    + ", paid 1/3 after year 1 and 2/3 after year 2",
                source: source("bonus-rate")),
            Assumption(name: "Fall in permanent turnover with the payment", value: String(format: "%g%% (turnover %.1f%% → %.1f%%)", parameters.turnoverFall, 100 * turnover, 100 * turnover * (1 - fall)), source: source("turnover-fall")),
            Assumption(name: "Agency premium over an employed FTE", value: String(format: "%g%% of salary = ", parameters.agencyPremium) + money(parameters.salary * parameters.agencyPremium / 100) + " a year", source: source("agency-premium")),
            Assumption(name: "Agency FTE falls one for one with permanent FTE kept, to no lower than none", value: "—", source: "model"),
        ]

        let bonus = parameters.salary * parameters.bonusRate / 100
        let premium = parameters.salary * parameters.agencyPremium / 100
        let avoidedPerYear = employedFTE * turnover * fall
        var cumulative = 0.0, kept = 0.0
        years = (1...max(parameters.years, 1)).map { year in
            // The intake of year y − 1 reaches its first anniversary in year y, that of y − 2 its second.
            let first = year >= 2 ? intake * stay1 : 0
            let second = year >= 3 ? intake * stay1 * stay2 : 0
            let cost = first * bonus / 3 + second * bonus * 2 / 3
            kept += avoidedPerYear
            let agencySaved = min(agencyFTE, kept)
            let saving = agencySaved * premium
            cumulative += cost - saving
            return Year(
                year: year, firstPayments: first, secondPayments: second, bonusCost: cost, leaversAvoided: avoidedPerYear,
                agencyFTESaved: agencySaved, agencySaving: saving, netCost: cost - saving, cumulativeNetCost: cumulative)
        }
    }

    static func thousands(_ value: Double) -> String {
        let rounded = Int(value.rounded())
        let digits = String(abs(rounded))
        var grouped = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += "," }
            grouped.append(c)
        }
        return (rounded < 0 ? "-" : "") + grouped
    }

    /// The assumptions, then the years, as plain text.
    public func table() -> String {
        var lines = ["Retention payment what-if (rapid review recommendations 3 and 7), baseline \(asOf.ukString)", "", "Assumptions:"]
        let width = assumptions.map(\.name.count).max() ?? 0
        for a in assumptions { lines.append("  " + a.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + a.value + "  [" + a.source + "]") }
        lines.append("")
        var rows = [["Year", "1st payments", "2nd payments", "Bonus cost", "Leavers avoided", "Agency FTE saved", "Agency saving", "Net cost", "Cumulative"]]
        for y in years {
            rows.append([
                String(y.year), String(format: "%.1f", y.firstPayments), String(format: "%.1f", y.secondPayments), "£" + Self.thousands(y.bonusCost),
                String(format: "%.1f", y.leaversAvoided), String(format: "%.1f", y.agencyFTESaved), "£" + Self.thousands(y.agencySaving),
                "£" + Self.thousands(y.netCost), "£" + Self.thousands(y.cumulativeNetCost),
            ])
        }
        lines += WeeklyCaseloadReport.aligned(rows)
        lines.append("")
        lines.append("Net cost is the bonus paid less the agency premium saved; a negative figure is a saving.")
        return lines.joined(separator: "\n") + "\n"
    }
}
