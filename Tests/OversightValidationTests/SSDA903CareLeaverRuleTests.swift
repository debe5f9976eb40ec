import OversightCore
import OversightInterchange
import Testing

@testable import OversightValidation

/// Rules 558, 576, 580, 584 (adoption decisions and missing periods against episodes and last year), 1001, 1007,
/// 1014, 1016 (care leavers) and SW10b, SW11b, SW12 (social worker episodes), on 2025/26 returns.
@Suite("SSDA903 rules: adoption reversals, missing at the end of care, care leavers, social worker cover")
struct SSDA903CareLeaverRuleTests {
    static func oc3(_ child: String, born: String, inTouch: String? = "YES") -> [String?] {
        [child, born, inTouch, inTouch == nil ? nil : "F2", inTouch == nil ? nil : "D1"]
    }

    static func socialWorker(_ child: String, _ start: String, end: String? = nil, reason: String = "FCONTA") -> [String?] {
        [child, "01/01/2012", "SW123456", start, end, reason]
    }

    @Test("558: an adopted child's decision to place has no date it ceased; the decision row and the adoption episode are flagged")
    func rule558() {
        let episodes = Build.episodes(
            SampleRow.episode("A", "01/01/2025", ls: "E1", place: "A5", end: "01/10/2025", reason: "E11"),
            SampleRow.episode("B", "01/01/2025", ls: "E1", place: "A5", end: "01/10/2025", reason: "E12"),
            SampleRow.episode("C", "01/01/2025", ls: "E1", place: "A5", end: "01/10/2025", reason: "E4A"))
        let placed = Build.table(
            .placedAdoption, ["A", "01/01/2020", "01/01/2025", "01/09/2025", "RD1"], ["B", "01/01/2020", "01/01/2025", nil, nil],
            ["C", "01/01/2020", "01/01/2025", "01/09/2025", "RD1"])
        #expect(Build.flagged("558", year: 2026, episodes, placed) == Build.rows(.episodes, 0) + Build.rows(.placedAdoption, 0))
        #expect(Build.flagged("558", year: 2025, episodes, placed) == Build.rows(.episodes, 0) + Build.rows(.placedAdoption, 0))
    }

    @Test("576: a missing period open at the end of last year is recorded again with its start; else this year's rows, or the header, are flagged")
    func rule576() {
        let header = Build.header(SampleRow.header("H"), SampleRow.header("I"), SampleRow.header("J"), SampleRow.header("K"))
        let missing = Build.table(
            .missing, ["H", "01/01/2012", "M", "01/03/2025", "02/04/2025"], ["J", "01/01/2012", "M", "05/04/2025", "06/04/2025"],
            ["K", "01/01/2012", "M", "01/05/2025", "02/05/2025"])
        let lastMissing = Build.table(
            .missing, ["H", "01/01/2012", "M", "01/03/2025", nil], ["I", "01/01/2012", "M", "01/03/2025", nil],
            ["J", "01/01/2012", "M", "01/03/2025", nil], ["K", "01/01/2012", "M", "01/03/2025", "03/03/2025"])
        #expect(Build.flagged("576", year: 2026, header, missing, last: [lastMissing]) == Build.rows(.header, 1) + Build.rows(.missing, 1))
    }

    @Test("580: care ending other than E8 while a missing period is open that day flags the episode and the period")
    func rule580() {
        let episodes = Build.episodes(
            SampleRow.episode("C", "01/01/2024", end: "01/11/2025", reason: "E4A"),
            SampleRow.episode("D", "01/01/2024", end: "01/11/2025", reason: "E8"),
            SampleRow.episode("E", "01/01/2024", end: "01/11/2025", reason: "E4A"),
            SampleRow.episode("F", "01/01/2024", end: "01/11/2025", reason: "E13"),
            SampleRow.episode("G", "01/01/2024", end: "01/11/2025", reason: "X1"),
            SampleRow.episode("G", "01/11/2025", rne: "L", ls: "C1"))
        let missing = Build.table(
            .missing, ["C", "01/01/2012", "M", "25/10/2025", nil], ["D", "01/01/2012", "M", "25/10/2025", nil],
            ["E", "01/01/2012", "M", "25/10/2025", "01/11/2025"], ["F", "01/01/2012", "A", "25/10/2025", "05/11/2025"],
            ["G", "01/01/2012", "M", "25/10/2025", nil])
        #expect(Build.flagged("580", year: 2026, episodes, missing) == Build.rows(.episodes, 0, 3) + Build.rows(.missing, 0, 3))
    }

    @Test("584: a decision open last year and reversed this year keeps last year's date")
    func rule584() {
        let placed = Build.table(
            .placedAdoption, ["K", "01/01/2020", "01/02/2025", nil, nil], ["L", "01/01/2020", "01/02/2025", "01/03/2026", "RD1"],
            ["M", "01/01/2020", "01/01/2025", "01/03/2026", "RD1"], ["N", "01/01/2020", "01/02/2025", "01/03/2026", "RD1"])
        let lastPlaced = Build.table(
            .placedAdoption, ["K", "01/01/2020", "01/01/2025", nil, nil], ["L", "01/01/2020", "01/01/2025", nil, nil],
            ["M", "01/01/2020", "01/01/2025", nil, nil], ["N", "01/01/2020", "01/01/2025", "01/03/2025", "RD1"])
        #expect(Build.flagged("584", year: 2026, placed, last: [lastPlaced]) == Build.rows(.placedAdoption, 1))
    }

    @Test("1001: a care leaver was looked after for 13 weeks since turning 14, some of it after 16, short breaks aside, this year or last")
    func rule1001() {
        let episodes = Build.episodes(SampleRow.episode("R", "01/03/2025", end: "20/04/2025", reason: "E8"))
        let lastEpisodes = Build.episodes(
            SampleRow.episode("P", "01/06/2022", end: "01/02/2024", reason: "E8"),
            SampleRow.episode("Q", "01/06/2021", end: "01/01/2023", reason: "E8"),
            SampleRow.episode("S", "01/06/2021", ls: "V3", end: "01/01/2024", reason: "E8"),
            SampleRow.episode("T", "01/10/2023", end: "01/12/2023", reason: "X1"),
            SampleRow.episode("T", "01/12/2023", rne: "P", end: "05/01/2024", reason: "E8"))
        let oc3 = Build.table(
            .oc3, Self.oc3("O", born: "01/06/2006"), Self.oc3("P", born: "01/06/2007"), Self.oc3("Q", born: "01/06/2007"),
            Self.oc3("R", born: "01/06/2007"), Self.oc3("S", born: "01/06/2007"), Self.oc3("T", born: "01/06/2007"),
            Self.oc3("V", born: "01/06/2006", inTouch: nil))
        // O has no episodes; Q left care at 15; R was looked after 50 days; S only on short breaks; T for 96 days.
        #expect(Build.flagged("1001", year: 2026, episodes, oc3, last: [lastEpisodes]) == Build.rows(.oc3, 0, 2, 3, 4))
    }

    @Test("1007 and 1016: no care leaver information for someone looked after on a 17th or 18th birthday in the year, or leaving care after it")
    func rules1007And1016() {
        let episodes = Build.episodes(
            SampleRow.episode("S", "01/01/2020"),
            SampleRow.episode("T", "01/01/2020", end: "01/09/2025", reason: "E8"),
            SampleRow.episode("U", "01/01/2020", end: "01/05/2025", reason: "E8"),
            SampleRow.episode("V", "01/01/2020"),
            SampleRow.episode("W", "01/01/2020", end: "01/06/2025", reason: "E8"))
        let oc3 = Build.table(
            .oc3, Self.oc3("S", born: "01/06/2008"), Self.oc3("T", born: "01/06/2007"), Self.oc3("U", born: "01/06/2008"),
            Self.oc3("V", born: "01/06/2008", inTouch: nil), Self.oc3("W", born: "01/06/2008"))
        #expect(Build.flagged("1007", year: 2026, episodes, oc3) == Build.rows(.oc3, 0, 1))
        #expect(Build.flagged("1016", year: 2026, episodes, oc3) == Build.rows(.oc3, 1))
        // In 2024/25 only T has a 17th or 18th birthday in the year (the 17th, looked after).
        #expect(Build.flagged("1007", year: 2025, episodes, oc3) == Build.rows(.oc3, 1))
    }

    @Test("1014: a care leaver in the return for OC3 alone has no UASC row")
    func rule1014() {
        let episodes = Build.episodes(SampleRow.episode("S", "01/01/2020"))
        let oc3 = Build.table(.oc3, Self.oc3("S", born: "01/06/2008"), Self.oc3("W", born: "01/06/2006"))
        let uasc = Build.table(.uasc, ["W", "M", "01/06/2006", "01/06/2024"], ["S", "M", "01/06/2008", nil], ["Y", "M", "01/06/2010", nil])
        #expect(Build.flagged("1014", year: 2026, uasc, oc3, episodes) == Build.rows(.uasc, 0))
    }

    @Test("SW10bSTG2 (2025/26 only): first contact cannot start a social worker episode while the previous one is open")
    func ruleSW10b() {
        let episodes = Build.table(
            .socialWorkerEpisodes, Self.socialWorker("A", "01/04/2025", end: "01/10/2025"), Self.socialWorker("A", "01/09/2025"),
            Self.socialWorker("B", "01/04/2025", end: "01/10/2025"), Self.socialWorker("B", "01/10/2025", reason: "MANAGE"),
            Self.socialWorker("C", "01/04/2025"), Self.socialWorker("C", "01/06/2025"),
            Self.socialWorker("D", "01/04/2025", end: "01/10/2025"), Self.socialWorker("D", "01/10/2025"))
        #expect(Build.flagged("SW10bSTG2", year: 2026, episodes) == Build.rows(.socialWorkerEpisodes, 1, 5))
        #expect(SSDA903Rules.rule("SW10bSTG2", year: 2025) == nil)
    }

    @Test("SW11bSTG2: a child's latest social worker episode ending before 31 March fails")
    func ruleSW11b() {
        let episodes = Build.table(
            .socialWorkerEpisodes, Self.socialWorker("A", "01/04/2025", end: "01/10/2025"),
            Self.socialWorker("B", "01/04/2025", end: "01/10/2025"), Self.socialWorker("B", "01/10/2025", reason: "MANAGE"),
            Self.socialWorker("C", "01/04/2025", end: "31/03/2026"), Self.socialWorker("D", "01/04/2025", end: "15/03/2026"))
        #expect(Build.flagged("SW11bSTG2", year: 2026, episodes) == Build.rows(.socialWorkerEpisodes, 0, 4))
    }

    @Test("SW12STG2: a child looked after on 31 March has social worker episodes from 1 April, or from birth")
    func ruleSW12() {
        let header = Build.header(
            SampleRow.header("X", born: "01/01/2012"), SampleRow.header("Y", born: "01/01/2012"), SampleRow.header("Z", born: "01/06/2025"),
            SampleRow.header("L", born: "01/01/2012"), SampleRow.header("N", born: "01/01/2012"))
        let episodes = Build.episodes(
            SampleRow.episode("X", "01/01/2024", end: "01/06/2025", reason: "X1"), SampleRow.episode("X", "01/06/2025", rne: "P"),
            SampleRow.episode("Y", "01/06/2025"), SampleRow.episode("Z", "05/06/2025"),
            SampleRow.episode("L", "01/06/2025", end: "01/10/2025", reason: "E8"), SampleRow.episode("N", "01/06/2025"))
        let socialWork = Build.table(
            .socialWorkerEpisodes, Self.socialWorker("X", "01/06/2025"), Self.socialWorker("Y", "01/03/2025"),
            Self.socialWorker("Z", "01/06/2025"), Self.socialWorker("L", "01/06/2025"))
        // X's social work starts in June; N has none; Y's starts before the year; Z was born in June; L left care.
        #expect(Build.flagged("SW12STG2", year: 2026, header, episodes, socialWork) == Build.rows(.episodes, 1, 5))
    }
}

/// Readings corrected where the sector validator and the DfE text agreed against us on generated dirty returns.
@Suite("SSDA903 rules corrected by the parity runs")
struct SSDA903ParityCorrectionTests {
    @Test("577, 578: a missing spell across an X1 change is within care; a child with no real episode start is not judged")
    func missingAcrossEpisodes() {
        let episodes = Build.episodes(
            SampleRow.episode("A", "19/02/2026", end: "23/03/2026", reason: "X1"), SampleRow.episode("A", "23/03/2026", rne: "T"),
            SampleRow.episode("B", "2024-05-01"),
            SampleRow.episode("C", "13/02/2025", end: "28/08/2025", reason: "X1"), SampleRow.episode("C", "31/04/2024", rne: "U", end: "06/01/2026", reason: "X1"),
            SampleRow.episode("C", "06/01/2026", rne: "P"))
        let missing = Build.table(
            .missing, ["A", "09/09/2011", "A", "22/03/2026", "24/03/2026"], ["B", "09/10/2009", "M", "11/08/2025", "13/08/2025"],
            ["C", "13/11/2013", "M", "27/08/2025", "29/08/2025"])
        #expect(Build.flagged("577", year: 2026, episodes, missing) == Build.rows(.missing, 2))
        #expect(Build.flagged("578", year: 2026, episodes, missing).isEmpty)
    }

    @Test("434: a change of provider is a change of placement, so a legal-status-only (L) episode cannot have one")
    func providerChange() {
        let episodes = Build.episodes(
            SampleRow.episode("A", "24/12/2023", ls: "C1", place: "K2", provider: "PR4", end: "18/07/2024", reason: "X1"),
            SampleRow.episode("A", "18/07/2024", rne: "L", place: "K2", provider: "PR1"),
            SampleRow.episode("B", "24/12/2023", ls: "C1", place: "K2", provider: "PR4", end: "18/07/2024", reason: "X1"),
            SampleRow.episode("B", "18/07/2024", rne: "L", place: "K2", provider: "PR4"))
        #expect(Build.flagged("434", episodes) == Build.rows(.episodes, 1))
    }

    @Test("542: a child whose 10th birthday is 31 March is 10 at 31 March and may have conviction information")
    func tenthBirthday() {
        let oc2 = Build.table(
            .oc2, ["A", "31/03/2016", "10", nil, "0", nil, "1", "1", "1", "0", nil, nil], ["C", "01/04/2016", "10", nil, "0", nil, "1", "1", "1", "0", nil, nil])
        #expect(Build.flagged("542", year: 2026, oc2) == Build.rows(.oc2, 1))
    }
}
