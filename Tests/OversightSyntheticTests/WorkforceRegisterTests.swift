import Foundation
import OversightCore
import OversightInterchange
import Testing

/// The small authority's workforce register, measured the CSWW's way (kpis.md §3.6) at 30 September 2025, against
/// bands around the seed's and Buckinghamshire's figures: 339 social workers in post, 35% agency, vacancy 25–30%,
/// turnover 10–25%.
@Suite("The synthetic workforce register")
struct WorkforceRegisterTests {
    @Test("The register reads back under the import's checks, with turnover, agency churn and vacancies near the seed's")
    func rates() throws {
        let directory = try SmallAuthority.directory()
        let register = try WorkforceCSV.read(
            staff: directory + "/workforce_staff.csv", establishment: directory + "/workforce_establishment.csv")
        let census = LocalDate(year: 2025, month: 9, day: 30)!, yearStart = LocalDate(year: 2024, month: 10, day: 1)!
        let social = register.spells.filter(\.role.isSocialWorker)
        let inPost = social.filter { $0.covers(census) }
        let employed = inPost.filter { $0.contract == .permanent }.reduce(0) { $0 + $1.fullTimeEquivalent }
        let agency = inPost.filter { $0.contract == .agency }.reduce(0) { $0 + $1.fullTimeEquivalent }
        #expect((300...380).contains(inPost.count), "\(inPost.count) social workers in post")
        let agencyRate = agency / (agency + employed)
        #expect((0.2...0.45).contains(agencyRate), "agency rate \(agencyRate)")

        var employedByTeam: [Identifier<Team>: Double] = [:]
        for spell in inPost where spell.contract == .permanent { employedByTeam[spell.teamID, default: 0] += spell.fullTimeEquivalent }
        let vacant = register.establishment(on: census).values.reduce(0) { $0 + max(0, $1.fundedFTE - (employedByTeam[$1.teamID] ?? 0)) }
        let vacancyRate = vacant / (vacant + employed)
        #expect((0.15...0.40).contains(vacancyRate), "vacancy rate \(vacancyRate)")

        let leavers = social.filter { spell in
            guard spell.contract == .permanent, let end = spell.end, end >= yearStart, end <= census else { return false }
            return !social.contains { $0.workerID == spell.workerID && $0.contract == .permanent && $0.covers(end.adding(days: 1)) }
        }
        let turnover = leavers.reduce(0) { $0 + $1.fullTimeEquivalent } / employed
        #expect((0.10...0.35).contains(turnover), "turnover \(turnover)")
        // Agency posts churn: many more agency spells ended in the year than permanent ones, per FTE in post.
        let agencyEnded = social.filter { $0.contract == .agency && ($0.end.map { $0 >= yearStart && $0 <= census } ?? false) }
        #expect(Double(agencyEnded.count) / agency > 2 * turnover, "agency spells ended: \(agencyEnded.count)")
        // Every leaver has a reason from the exit interview's list, and some workers moved team.
        #expect(register.spells.filter { $0.end != nil && $0.leavingReason == nil }.count > 0)
        #expect(Set(leavers.compactMap(\.leavingReason)).count >= 5)
    }
}
