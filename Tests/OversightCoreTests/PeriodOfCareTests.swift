import Testing
@testable import OversightCore

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

private func episode(
    _ id: String, _ start: String, _ rne: ReasonNewEpisode, end: String? = nil, rec: ReasonEpisodeCeased? = nil,
    ls: LegalStatus = .c2
) -> LookedAfterEpisode {
    LookedAfterEpisode(id: Identifier(id), childID: "amara", start: d(start), reasonNewEpisode: rne, legalStatus: ls,
                       end: end.map(d), reasonCeased: rec)
}

@Suite("Periods of care from SSDA903 episodes (statutory-returns.md §4)")
struct PeriodOfCareTests {
    @Test("X1 episodes chain into one period that ends at the first other reason")
    func chain() {
        let episodes = [
            episode("e3", "2024-01-10", .placementAndCarerChange, end: "2024-06-01", rec: .e4A),
            episode("e1", "2023-05-01", .started, end: "2023-09-01", rec: .x1, ls: .v2),
            episode("e2", "2023-09-01", .legalStatusChange, end: "2024-01-10", rec: .x1, ls: .c1),
        ]
        let (periods, findings) = PeriodOfCare.reconstruct(from: episodes)
        #expect(findings.isEmpty)
        #expect(periods.count == 1)
        #expect(periods[0].episodes.map(\.id.rawValue) == ["e1", "e2", "e3"])
        #expect(periods[0].start == d("2023-05-01"))
        #expect(periods[0].end == d("2024-06-01"))
        #expect(periods[0].reasonEnded == .e4A)
    }

    @Test("A child who leaves and returns has two periods, each starting S")
    func twoPeriods() {
        let (periods, findings) = PeriodOfCare.reconstruct(from: [
            episode("a", "2021-02-01", .started, end: "2021-08-01", rec: .e4A),
            episode("b", "2022-03-15", .started),
        ])
        #expect(findings.isEmpty)
        #expect(periods.count == 2)
        #expect(periods[1].end == nil)
        #expect(periods[1].interval.contains(d("2026-01-01")))
    }

    @Test("An X1 episode whose successor starts later is a gap: the period closes there and the break is reported")
    func gapAfterX1() {
        let (periods, findings) = PeriodOfCare.reconstruct(from: [
            episode("a", "2023-01-01", .started, end: "2023-03-01", rec: .x1),
            episode("b", "2023-03-05", .placementAndCarerChange),
        ])
        #expect(periods.count == 2)
        #expect(findings.map(\.kind) == [.gapAfterX1, .periodDoesNotStartWithS])
        #expect(findings[0].episodeID == "a")
    }

    @Test("Broken chains are named: open episode not last, S inside a period, X1 with no successor, end before start")
    func otherBreaks() {
        let openNotLast = PeriodOfCare.reconstruct(from: [
            episode("a", "2023-01-01", .started), episode("b", "2023-02-01", .placementAndCarerChange, end: "2023-03-01", rec: .e8),
        ])
        #expect(openNotLast.findings.map(\.kind).contains(.openEpisodeNotLast))

        let restarted = PeriodOfCare.reconstruct(from: [
            episode("a", "2023-01-01", .started, end: "2023-02-01", rec: .x1), episode("b", "2023-02-01", .started),
        ])
        #expect(restarted.findings.map(\.kind) == [.startedAgainWithinPeriod])
        #expect(restarted.periods.count == 1)

        let dangling = PeriodOfCare.reconstruct(from: [episode("a", "2023-01-01", .started, end: "2023-02-01", rec: .x1)])
        #expect(dangling.findings.map(\.kind) == [.x1WithoutSuccessor])
        #expect(dangling.periods[0].end == nil)

        let backwards = PeriodOfCare.reconstruct(from: [episode("a", "2023-05-01", .started, end: "2023-02-01", rec: .e8)])
        #expect(backwards.findings.map(\.kind) == [.endsBeforeStart])
    }

    @Test("Continuously looked after for the 12 months to 31 March (the OC2 cohort), short breaks excluded")
    func continuouslyLookedAfter() {
        let year = DateInterval(start: d("2024-04-01"), end: d("2025-03-31"))
        let longStay = PeriodOfCare.reconstruct(from: [episode("a", "2022-01-01", .started)]).periods[0]
        #expect(longStay.isContinuouslyLookedAfter(throughout: year))
        let leftInYear = PeriodOfCare.reconstruct(from: [episode("a", "2022-01-01", .started, end: "2025-03-30", rec: .e4A)]).periods[0]
        #expect(!leftInYear.isContinuouslyLookedAfter(throughout: year))
        let startedInYear = PeriodOfCare.reconstruct(from: [episode("a", "2024-04-02", .started)]).periods[0]
        #expect(!startedInYear.isContinuouslyLookedAfter(throughout: year))
        let respite = PeriodOfCare.reconstruct(from: [episode("a", "2022-01-01", .started, ls: .v3)]).periods[0]
        #expect(respite.isShortBreaksOnly)
        #expect(!respite.isContinuouslyLookedAfter(throughout: year))
    }

    @Test("No episodes, no periods")
    func empty() {
        let result = PeriodOfCare.reconstruct(from: [])
        #expect(result.periods.isEmpty && result.findings.isEmpty)
    }
}

@Suite("Seeded randomness")
struct SplitMix64Tests {
    @Test("The same seed gives the same sequence, and it matches the published SplitMix64 values")
    func reproducible() {
        var a = SplitMix64(state: 1234567)
        var b = SplitMix64(state: 1234567)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        // Reference output of SplitMix64 seeded with 1234567 (Vigna's splitmix64.c).
        #expect(first == [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821])
        var c = SplitMix64(state: 1234568)
        #expect(c.next() != first[0])
    }
}
