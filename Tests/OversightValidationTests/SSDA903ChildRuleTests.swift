import OversightCore
import OversightInterchange
import Testing

@testable import OversightValidation

@Suite("SSDA903 rules 5xx–6xx, INT, SW: adoption, missing, outcomes, motherhood and social workers")
struct SSDA903ChildRuleTests {
    /// A child looked after from May 2023, placed for adoption (A4, E1) on `placed` and adopted (E11) on `adopted`.
    static func adoption(_ child: String, placed: String = "01/09/2024", adopted: String? = "01/02/2025") -> [[String?]] {
        [
            SampleRow.episode(child, "01/05/2023", end: placed, reason: "X1"),
            SampleRow.episode(child, placed, rne: "B", ls: "E1", place: "A4", end: adopted, reason: adopted == nil ? nil : "E11"),
        ]
    }

    static func ad1(_ child: String, decided: String = "01/08/2024", matched: String = "15/08/2024", fosterCarer: String = "0") -> [String?] {
        [child, "01/01/2018", decided, matched, fosterCarer, "1", "M1", "L0"]
    }

    @Test("331, 334, 335, 523, 582, 602: AD1 against the episodes and the decision to place")
    func adoptionDates() {
        let episodes = SSDA903Table(
            kind: .episodes,
            rows: Self.adoption("OK") + Self.adoption("M") + Self.adoption("S") + Self.adoption("F") + Self.adoption("X", placed: "01/01/2025")
                + Self.adoption("N", adopted: nil))
        let ad1 = Build.table(
            .ad1, Self.ad1("OK"), Self.ad1("M", matched: "05/09/2024"), Self.ad1("S", decided: "01/04/2023", matched: "01/04/2023"),
            Self.ad1("F", fosterCarer: "1"), Self.ad1("X", matched: "01/02/2025"), Self.ad1("N"))
        let placed = Build.table(
            .placedAdoption, ["OK", "01/01/2018", "01/08/2024", nil, nil], ["F", "01/01/2018", "02/08/2024", nil, nil])
        #expect(Build.flagged("331", episodes, ad1) == Build.rows(.episodes, 3, 9) + Build.rows(.ad1, 1, 4))
        #expect(Build.flagged("334", episodes, ad1) == Build.rows(.episodes, 4) + Build.rows(.ad1, 2))
        #expect(Build.flagged("335", episodes, ad1) == Build.rows(.episodes, 7) + Build.rows(.ad1, 3))
        #expect(Build.flagged("523", ad1, placed) == Build.rows(.ad1, 3) + Build.rows(.placedAdoption, 1))
        #expect(Build.flagged("582", episodes, ad1) == Build.rows(.episodes, 9))
        #expect(Build.flagged("602", episodes, ad1) == Build.rows(.ad1, 5))
    }

    @Test("551–554, 563, 579, 583: decisions that a child should be placed for adoption")
    func decisionsToPlace() {
        let episodes = Build.episodes(
            SampleRow.episode("A", "01/05/2024", ls: "E1", place: "A4"), SampleRow.episode("B", "01/05/2024", ls: "E1", place: "A4"),
            SampleRow.episode("C", "01/05/2024", ls: "E1"), SampleRow.episode("D", "01/05/2024"))
        let placed = Build.table(
            .placedAdoption, ["B", "01/01/2018", "01/06/2024", nil, nil], ["D", "01/01/2018", nil, "01/05/2024", "RD1"],
            ["D", "01/01/2018", "01/04/2024", nil, nil], ["D", "01/01/2018", "01/06/2024", nil, nil])
        #expect(Build.flagged("551", episodes, placed) == Build.rows(.episodes, 0))
        #expect(Build.flagged("552", episodes, placed) == Build.rows(.episodes, 1) + Build.rows(.placedAdoption, 0))
        #expect(Build.flagged("553", episodes, placed) == Build.rows(.episodes, 0, 2))
        #expect(Build.flagged("554", episodes, placed) == Build.rows(.episodes, 1) + Build.rows(.placedAdoption, 0))
        #expect(Build.flagged("563", placed) == Build.rows(.placedAdoption, 1))
        #expect(Build.flagged("579", placed) == Build.rows(.placedAdoption, 3))
        #expect(Build.flagged("583", placed) == Build.rows(.placedAdoption, 2))
    }

    @Test("574, 575, 577, 578: missing periods against each other and against care")
    func missing() {
        let episodes = Build.episodes(
            SampleRow.episode("A", "01/05/2024"), SampleRow.episode("B", "01/05/2024", end: "01/07/2024", reason: "E8"),
            SampleRow.episode("C", "01/05/2024"))
        let missing = Build.table(
            .missing, ["A", "01/01/2010", "M", "01/06/2024", nil], ["A", "01/01/2010", "M", "05/06/2024", "06/06/2024"],
            ["B", "01/01/2010", "M", "01/06/2024", "03/06/2024"], ["B", "01/01/2010", "M", "05/07/2024", "06/07/2024"],
            ["C", "01/01/2010", "A", "01/04/2024", "03/04/2024"])
        #expect(Build.flagged("574", missing) == Build.rows(.missing, 1))
        #expect(Build.flagged("575", episodes, missing) == Build.rows(.missing, 0))
        #expect(Build.flagged("577", episodes, missing) == Build.rows(.missing, 0, 3, 4))
        #expect(Build.flagged("578", episodes, missing) == Build.rows(.missing, 3, 4))
    }

    @Test("542, 543, 545, 546: convictions and health checks by age at 31 March")
    func outcomes() {
        func oc2(_ child: String, born: String, convicted: String? = nil, healthCheck: String? = nil) -> [String?] {
            [child, born, "10", nil, convicted, healthCheck, "1", "1", "1", "1", nil, nil]
        }
        let children = [("C1", "01/04/2015"), ("C2", "31/03/2015"), ("C3", "01/04/2014"), ("C5", "01/04/2020"), ("C6", "31/03/2020")]
        let episodes = SSDA903Table(kind: .episodes, rows: children.map { SampleRow.episode($0.0, "01/01/2023") })
        let table = Build.table(
            .oc2, oc2("C1", born: "01/04/2015", convicted: "0"), oc2("C2", born: "31/03/2015"), oc2("C3", born: "01/04/2014"),
            oc2("C5", born: "01/04/2020"), oc2("C6", born: "31/03/2020", healthCheck: "1"))
        #expect(Build.flagged("542", table) == Build.rows(.oc2, 0))
        // A child whose 10th birthday is 31 March itself is aged 10 at 31 March and needs conviction data
        // (the peer's 542 agrees; its 543 does not: SSDA903PeerDifferenceTests).
        #expect(Build.flagged("543", episodes, table) == Build.rows(.oc2, 1, 2))
        #expect(Build.flagged("545", episodes, table) == Build.rows(.oc2, 3))
        #expect(Build.flagged("546", table) == Build.rows(.oc2, 4))
    }

    @Test("344: the DfE's text flags only completed activity or accommodation for a care leaver who died; the peer also flags blanks")
    func rule344() {
        let oc3 = Build.table(
            .oc3, ["A", "01/01/2007", "DIED", "F1", nil], ["B", "01/01/2007", "RHOM", nil, nil], ["C", "01/01/2007", "YES", "F1", "B1"])
        #expect(Build.flagged("344", oc3) == Build.rows(.oc3, 0))
    }

    @Test("391 and 3001: care leavers' ages")
    func careLeavers() {
        let oc3 = Build.table(
            .oc3, ["A", "01/04/2008", "YES", "F1", "B1"], ["B", "31/03/2008", "YES", "F1", "Z1"], ["C", "01/04/2002", "YES", "F1", "B1"],
            ["D", "31/03/2002", "YES", "F1", "B1"])
        #expect(Build.flagged("391", oc3) == Build.rows(.oc3, 0, 3))
        #expect(Build.flagged("3001", oc3) == Build.rows(.oc3, 1))
    }

    @Test("393 and 607: motherhood for every girl looked after, whatever her age, but not on short breaks alone")
    func motherhood() {
        let header = Build.header(
            SampleRow.header("A", born: "01/01/2022", sex: "F"), SampleRow.header("B", born: "01/01/2012", sex: "F"),
            SampleRow.header("C", born: "01/01/2012", sex: "F"), SampleRow.header("D", born: "01/01/2010"), SampleRow.header("E", born: "01/01/2010", sex: "F", mother: "0"))
        let episodes = Build.episodes(
            SampleRow.episode("A", "01/05/2024"), SampleRow.episode("B", "01/05/2024", end: "01/06/2024", reason: "E8"),
            SampleRow.episode("C", "01/05/2024", ls: "V3", place: "U6", end: "03/05/2024", reason: "E8"), SampleRow.episode("D", "01/05/2024"),
            SampleRow.episode("E", "01/05/2024"))
        #expect(Build.flagged("393", header, episodes) == Build.rows(.header, 0, 1))
        #expect(Build.flagged("607", header, episodes) == Build.rows(.header, 1) + Build.rows(.episodes, 1))
    }

    @Test("630–635: previous permanence")
    func previousPermanence() {
        let episodes = Build.episodes(
            SampleRow.episode("A", "01/05/2024"), SampleRow.episode("B", "01/05/2024"), SampleRow.episode("C", "01/05/2015"), SampleRow.episode("D", "01/05/2024"),
            SampleRow.episode("E", "01/05/2024"))
        let table = Build.table(
            .previousPermanence, ["B", "01/01/2010", "Q9", nil, nil], ["C", "01/01/2010", "P1", "999", "01/01/2012"],
            ["D", "01/01/2010", "P1", "ABC", "XX/01/2012"], ["E", "01/01/2010", "Z1", "999", "ZZ/ZZ/2012"])
        #expect(Build.flagged("630", episodes, table) == Build.rows(.episodes, 0, 1))
        #expect(Build.flagged("631", table) == Build.rows(.previousPermanence, 0))
        #expect(Build.flagged("632", episodes, table) == Build.rows(.episodes, 3) + Build.rows(.previousPermanence, 2))
        #expect(Build.flagged("633", table) == Build.rows(.previousPermanence, 2))
        #expect(Build.flagged("634", episodes, table) == Build.rows(.episodes, 2) + Build.rows(.previousPermanence, 1))
        #expect(Build.flagged("635", table) == Build.rows(.previousPermanence, 3))
    }

    @Test("INT03, INT21, INT32, EPI: children across tables")
    func integrity() {
        let header = Build.header(SampleRow.header("A"), SampleRow.header("B", sex: "F"), SampleRow.header("B", sex: "F"), SampleRow.header("C"))
        let episodes = Build.episodes(SampleRow.episode("A", "01/05/2024"), SampleRow.episode("Z", "01/05/2024"), SampleRow.episode("B", "01/05/2024"))
        let uasc = Build.table(.uasc, ["A", "M", "01/01/2010", nil], ["B", "M", "01/01/2010", nil])
        #expect(Build.flagged("INT03", header, episodes) == Build.rows(.episodes, 1))
        #expect(Build.flagged("INT21", header, uasc) == Build.rows(.uasc, 1))
        #expect(Build.flagged("INT32", header) == Build.rows(.header, 1, 2))
        #expect(Build.flagged("EPI", header, episodes) == Build.rows(.header, 3))
    }

    @Test("SW rules: identifiers, dates and how social worker episodes follow on")
    func socialWorkers() {
        let table = Build.table(
            .socialWorkerEpisodes,
            ["A", "01/01/2010", "SW1", "01/05/2023", "01/06/2024", "MANAGE"], ["A", "01/01/2010", "SW2", "01/06/2024", nil, nil],
            ["B", "01/01/2010", nil, "01/05/2023", nil, nil], ["B", "01/01/2010", "QQ1", "01/04/2024", nil, nil],
            ["G", "01/01/2010", "SW1", "01/04/2024", "01/06/2024", "MANAGE"], ["G", "01/01/2010", "SW2", "20/05/2024", nil, nil],
            ["L", "01/01/2010", "SW1", "01/04/2024", "01/04/2024", "MANAGE"], ["L", "01/01/2010", "SW2", "01/04/2024", nil, nil],
            ["J", "01/01/2010", "SW1", "01/04/2024", "01/06/2024", "MANAGE"])
        #expect(Build.flagged("SW01bSTG1", table) == Build.rows(.socialWorkerEpisodes, 1, 2, 3, 5, 7))
        #expect(Build.flagged("SW02STG1", table) == Build.rows(.socialWorkerEpisodes, 2, 3))
        #expect(Build.flagged("SW08STG2", table) == Build.rows(.socialWorkerEpisodes, 2))
        #expect(Build.flagged("SW09STG2", table) == Build.rows(.socialWorkerEpisodes, 6))
        #expect(Build.flagged("SW10STG2", table) == Build.rows(.socialWorkerEpisodes, 3, 5))
        #expect(Build.flagged("SW17STG2", year: 2026, table) == Build.rows(.socialWorkerEpisodes, 8))
        #expect(Build.flagged("SW19STG2", year: 2026, table) == Build.rows(.socialWorkerEpisodes, 7))
    }
}

@Suite("SSDA903 rules against last year's return")
struct SSDA903LastYearRuleTests {
    @Test("502, 503B, 503D, 562, NoE: this year's first episode continues last year's open one")
    func episodes() {
        let episodes = Build.episodes(
            SampleRow.episode("A", "01/06/2023"), SampleRow.episode("B", "01/05/2023", ls: "E1"), SampleRow.episode("C", "01/06/2023", place: "U5"),
            SampleRow.episode("D", "01/05/2023"))
        let last = Build.episodes(SampleRow.episode("A", "01/05/2023"), SampleRow.episode("B", "01/05/2023"), SampleRow.episode("C", "01/05/2023"))
        #expect(Build.flagged("502", episodes, last: [last]) == Build.rows(.episodes, 0, 2))
        #expect(Build.flagged("503B", episodes, last: [last]) == Build.rows(.episodes, 1))
        #expect(Build.flagged("503D", episodes, last: [last]) == Build.rows(.episodes, 2))
        #expect(Build.flagged("562", episodes, last: [last]) == Build.rows(.episodes, 0, 2, 3))
        #expect(Build.flagged("NoE", episodes, last: [last]) == Build.rows(.episodes, 3))
    }

    @Test("559–561: decisions to place for adoption against last year's")
    func decisions() {
        let placed = Build.table(
            .placedAdoption, ["I", "01/01/2010", "01/03/2024", nil, nil], ["J", "01/01/2010", "01/03/2024", nil, nil],
            ["K", "01/01/2010", "01/03/2024", nil, nil], ["L", "01/01/2010", "01/03/2024", nil, nil])
        let last = Build.table(
            .placedAdoption, ["J", "01/01/2010", "01/02/2024", nil, nil], ["K", "01/01/2010", "01/03/2024", "01/03/2024", "RD1"],
            ["L", "01/01/2010", "01/02/2024", "01/02/2024", "RD1"])
        #expect(Build.flagged("559", placed, last: [last]) == Build.rows(.placedAdoption, 0))
        #expect(Build.flagged("560", placed, last: [last]) == Build.rows(.placedAdoption, 1))
        #expect(Build.flagged("561", placed, last: [last]) == Build.rows(.placedAdoption, 2))
    }

    @Test("624 and 626: the first child's birth date and motherhood against last year")
    func motherhood() {
        let header = Build.header(
            SampleRow.header("F", born: "01/01/2008", sex: "F", mother: "1", firstChildBorn: "01/01/2024"),
            SampleRow.header("G", born: "01/01/2008", sex: "F", mother: "1", firstChildBorn: "01/01/2024"))
        let last = Build.header(
            SampleRow.header("F", born: "01/01/2008", sex: "F", mother: "1", firstChildBorn: "01/01/2023"),
            SampleRow.header("G", born: "01/01/2008", sex: "F", mother: "0"))
        #expect(Build.flagged("624", header, last: [last]) == Build.rows(.header, 0))
        #expect(Build.flagged("626", header, last: [last]) == Build.rows(.header, 1))
    }
}

@Suite("SSDA903 rules where we keep the DfE text over the peer")
struct SSDA903Lac2PeerDifferenceTests {
    @Test("347: a foyer is T1 or T2 today; the peer only knows a bare T")
    func rule347() {
        let oc3 = Build.table(
            .oc3, ["A", "01/01/2008", "YES", "F1", "T1"], ["B", "01/01/2008", "YES", "F1", "T"], ["C", "01/01/2007", "YES", "F1", "T2"],
            ["D", "01/01/2008", "YES", "F1", "B1"])
        #expect(Build.flagged("347", oc3) == Build.rows(.oc3, 0, 1))
    }

    @Test("SW02STG1: an ID starting SW or XX passes in both years; a blank or other prefix fails")
    func socialWorkerIdentifiers() {
        let table = Build.table(
            .socialWorkerEpisodes, ["A", "01/01/2010", "SW1", "01/05/2024", nil, nil], ["B", "01/01/2010", "XX9", "01/05/2024", nil, nil],
            ["C", "01/01/2010", "QQ1", "01/05/2024", nil, nil], ["D", "01/01/2010", nil, "01/05/2024", nil, nil])
        for year in [2025, 2026] {
            #expect(Build.flagged("SW02STG1", year: year, table) == Build.rows(.socialWorkerEpisodes, 2, 3))
        }
    }
}
