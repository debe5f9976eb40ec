import OversightCore
import OversightInterchange
import OversightSynthetic
import Testing

@testable import OversightValidation

/// Builds returns row by row in each table's column order, so a case reads like the CSV it stands for.
enum Build {
    static func header(_ rows: [String?]...) -> SSDA903Table { SSDA903Table(kind: .header, rows: rows) }
    static func episodes(_ rows: [String?]...) -> SSDA903Table { SSDA903Table(kind: .episodes, rows: rows) }
    static func table(_ kind: SSDA903TableKind, _ rows: [String?]...) -> SSDA903Table { SSDA903Table(kind: kind, rows: rows) }

    /// The rows (0-based, by table) `code` flags in `tables` for the collection year.
    static func flagged(_ code: String, year: Int = 2025, _ tables: SSDA903Table..., last: [SSDA903Table] = []) -> [SSDA903RowReference] {
        let data = SSDA903Return(
            tables: Dictionary(uniqueKeysWithValues: tables.map { ($0.kind, $0) }),
            lastYear: Dictionary(uniqueKeysWithValues: last.map { ($0.kind, $0) }))
        let rule = SSDA903Rules.rule(code, year: year)!
        return Set(rule.check(SSDA903Context(year: year, data: data))).sorted { ($0.table, $0.row) < ($1.table, $1.row) }
    }

    static func rows(_ table: SSDA903TableKind, _ rows: Int...) -> [SSDA903RowReference] { rows.map { SSDA903RowReference(table, $0) } }
}

@Suite("SSDA903 rules 1xx")
struct SSDA903Rules1xxTests {
    @Test("101: sex must be M, F or U from 2024/25; the old 1/2 codes and a blank fail")
    func rule101() {
        let header = Build.header(
            ["A", "M", "01/01/2010", "WBRI", nil, nil, nil], ["B", "1", "01/01/2010", "WBRI", nil, nil, nil],
            ["C", nil, "01/01/2010", "WBRI", nil, nil, nil], ["D", "U", "01/01/2010", "WBRI", nil, nil, nil])
        #expect(Build.flagged("101", header) == Build.rows(.header, 1, 2))
    }

    @Test("102: a missing birth date or a day that does not exist fails; 141 and 147: only a present, impossible episode date fails")
    func dateRules() {
        let header = Build.header(["A", "M", "31/02/2010", "WBRI", nil, nil, nil], ["B", "F", nil, "WBRI", nil, nil, nil], ["C", "F", "28/02/2010", "WBRI", nil, nil, nil])
        #expect(Build.flagged("102", header) == Build.rows(.header, 0, 1))
        let episodes = Build.episodes(
            ["A", "01/04/2024", "S", "C2", "N1", "U4", "PR1", "2024-05-01", "E8", nil, nil, nil, nil],
            ["B", nil, "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil],
            ["C", "31/04/2024", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil])
        #expect(Build.flagged("141", episodes) == Build.rows(.episodes, 2))
        #expect(Build.flagged("147", episodes) == Build.rows(.episodes, 0))
    }

    @Test("146: H5, P2 and Z1 are valid in 2024/25 but not 2025/26, and K3 and Z11 the other way round")
    func rule146ByYear() {
        let episodes = Build.episodes(
            ["A", "01/04/2024", "S", "C2", "N1", "H5", "PR1", nil, nil, nil, nil, nil, nil],
            ["B", "01/04/2024", "S", "C2", "N1", "K3", "PR1", nil, nil, nil, nil, nil, nil],
            ["C", "01/04/2024", "S", "C2", "N1", "Z11", "PR1", nil, nil, nil, nil, nil, nil],
            ["D", "01/04/2024", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil])
        #expect(Build.flagged("146", year: 2025, episodes) == Build.rows(.episodes, 1, 2))
        #expect(Build.flagged("146", year: 2026, episodes) == Build.rows(.episodes, 0))
    }

    @Test("148: an end date without a reason, or a reason without an end date, fails")
    func rule148() {
        let episodes = Build.episodes(
            ["A", "01/04/2024", "S", "C2", "N1", "U4", "PR1", "01/05/2024", nil, nil, nil, nil, nil],
            ["B", "01/04/2024", "S", "C2", "N1", "U4", "PR1", nil, "E8", nil, nil, nil, nil],
            ["C", "01/04/2024", "S", "C2", "N1", "U4", "PR1", "01/05/2024", "E8", nil, nil, nil, nil],
            ["D", "01/04/2024", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil])
        #expect(Build.flagged("148", episodes) == Build.rows(.episodes, 0, 1))
    }

    @Test("Code lists: an unknown or lower-case-read code fails; optional fields may be blank", arguments: [
        ("103", SSDA903TableKind.header, ["A", "M", "01/01/2010", "XXXX", nil, nil, nil], true),
        ("103", .header, ["A", "M", "01/01/2010", nil, nil, nil, nil], true),
        ("103", .header, ["A", "M", "01/01/2010", "WBRI", nil, nil, nil], false),
        ("120", .placedAdoption, ["A", "01/01/2010", "01/01/2024", "01/02/2024", "RD5"], true),
        ("120", .placedAdoption, ["A", "01/01/2010", "01/01/2024", nil, nil], false),
        ("131", .oc3, ["A", "01/01/2006", "MAYBE", "F1", "B1"], true),
        ("131", .oc3, ["A", "01/01/2006", nil, "F1", "B1"], true),
        ("132", .oc3, ["A", "01/01/2006", "YES", nil, "B1"], true),
        ("132", .oc3, ["A", "01/01/2006", "YES", "0", "B1"], false),
        ("143", .episodes, ["A", "01/04/2024", "X", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil], true),
        ("143", .episodes, ["A", "01/04/2024", nil, "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil], false),
        ("144", .episodes, ["A", "01/04/2024", "S", "C3", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil], true),
        ("145", .episodes, ["A", "01/04/2024", "S", "C2", "N9", "U4", "PR1", nil, nil, nil, nil, nil, nil], true),
        ("149", .episodes, ["A", "01/04/2024", "S", "C2", "N1", "U4", "PR1", "01/05/2024", "E43", nil, nil, nil, nil], true),
        ("149", .episodes, ["A", "01/04/2024", "S", "C2", "N1", "U4", "PR1", "01/05/2024", "E4A", nil, nil, nil, nil], false),
        ("119", .placedAdoption, ["A", "01/01/2010", "01/01/2024", "01/02/2024", nil], true),
        ("119", .placedAdoption, ["A", "01/01/2010", "01/01/2024", nil, "RD1"], true),
        ("119", .placedAdoption, ["A", "01/01/2010", "01/01/2024", "01/02/2024", "RD1"], false),
        ("133", .oc3, ["A", "01/01/2006", "YES", "F1", "S1"], true),
        ("133", .oc3, ["A", "01/01/2006", "YES", "F1", "X1"], true),
        ("133", .oc3, ["A", "01/01/2006", "YES", "F1", "B3"], true),
        ("133", .oc3, ["A", "01/01/2006", "YES", "F1", nil], true),
        ("133", .oc3, ["A", "01/01/2006", "YES", "F1", "S2"], false),
        ("133", .oc3, ["A", "01/01/2006", "YES", "F1", "0"], false),
        ("153", .oc3, ["A", "01/01/2006", "YES", nil, nil], true),
        ("153", .oc3, ["A", "01/01/2006", nil, nil, nil], false),
        ("158", .oc2, ["A", "01/01/2010", "12", nil, "0", nil, "1", "1", "1", "1", "1", "0"], true),
        ("159", .oc2, ["A", "01/01/2010", "12", nil, "0", nil, "1", "1", "1", "1", "0", nil], true),
        ("159", .oc2, ["A", "01/01/2010", "12", nil, "0", nil, "1", "1", "1", "1", "0", "1"], false),
        ("166", .reviews, ["A", "01/01/2010", nil, "PN1"], true),
        ("167", .reviews, ["A", "01/01/2010", "01/05/2024", nil], true),
        ("167", .reviews, ["A", "01/01/2010", "01/05/2024", "PN0"], false),
        ("168", .header, ["A", "F", "01/01/2012", "WBRI", "I123456789012", nil, nil], true),
        ("168", .header, ["A", "F", "01/01/2012", "WBRI", "UN6", nil, nil], true),
        ("168", .header, ["A", "F", "01/01/2012", "WBRI", "12345678901A", nil, nil], true),
        ("168", .header, ["A", "F", "01/01/2012", "WBRI", "A12345678901B", nil, nil], false),
        ("168", .header, ["A", "F", "01/01/2012", "WBRI", "Z123456789012", nil, nil], false),
        ("168", .header, ["A", "F", "01/01/2012", "WBRI", nil, nil, nil], false),
        ("174", .header, ["A", "M", "01/01/2010", "WBRI", nil, nil, "01/01/2024"], true),
        ("174", .header, ["A", "F", "01/01/2010", "WBRI", nil, "1", "01/01/2024"], false),
        ("175", .ad1, ["A", "01/01/2010", "01/01/2024", "01/02/2024", "1", "3", "M1", "L0"], true),
        ("176", .ad1, ["A", "01/01/2010", "01/01/2024", "01/02/2024", "1", "2", "M2", "L0"], true),
        ("177", .ad1, ["A", "01/01/2010", "01/01/2024", "01/02/2024", "1", "2", "MF", "L5"], true),
        ("178", .episodes, ["A", "01/04/2024", "S", "C2", "N1", "U4", "PR9", nil, nil, nil, nil, nil, nil], true),
        ("178", .episodes, ["A", "01/04/2024", "S", "C2", "N1", "T0", "PR1", nil, nil, nil, nil, nil, nil], true),
        ("178", .episodes, ["A", "01/04/2024", "S", "C2", "N1", "U4", nil, nil, nil, nil, nil, nil, nil], false),
        ("180", .oc2, ["A", "01/01/2010", "41", nil, "0", nil, "1", "1", "1", "0", nil, nil], true),
        ("180", .oc2, ["A", "01/01/2010", "ABC", nil, "0", nil, "1", "1", "1", "0", nil, nil], true),
        ("180", .oc2, ["A", "01/01/2010", "40", nil, "0", nil, "1", "1", "1", "0", nil, nil], false),
        ("181", .oc2, ["A", "01/01/2010", "12", nil, "2", nil, "1", "1", "1", "0", nil, nil], true),
        ("182", .oc2, ["A", "01/01/2010", nil, nil, "0", nil, nil, "1", "1", "0", nil, nil], true),
        ("182", .oc2, ["A", "01/01/2010", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil], false),
        ("188", .oc2, ["A", "01/01/2022", "5", nil, "0", nil, "1", "1", "1", "0", nil, nil], true),
        ("188", .oc2, ["A", "01/01/2021", nil, "SDQ1", "0", nil, "1", "1", "1", "0", nil, nil], false),
        ("189", .oc2, ["A", "01/01/2007", "10", nil, "0", nil, "1", "1", "1", "0", nil, nil], true),
        ("192", .oc2, ["A", "01/01/2010", "10", nil, "0", nil, "1", "1", "1", "1", nil, nil], true),
        ("193", .oc2, ["A", "01/01/2010", "10", nil, "0", nil, "1", "1", "1", nil, "1", nil], true),
        ("193", .oc2, ["A", "01/01/2010", "10", nil, "0", nil, "1", "1", "1", "0", nil, nil], false),
        ("196", .oc2, ["A", "01/01/2006", nil, "SDQ6", "0", nil, "1", "1", "1", "0", nil, nil], true),
        ("197a", .oc2, ["A", "01/01/2010", "12", "SDQ1", "0", nil, "1", "1", "1", "0", nil, nil], true),
    ] as [(String, SSDA903TableKind, [String?], Bool)])
    func codeLists(code: String, table: SSDA903TableKind, row: [String?], fails: Bool) {
        #expect(Build.flagged(code, SSDA903Table(kind: table, rows: [row])).isEmpty == !fails)
    }
}

@Suite("SSDA903 rules where the DfE text and the peer differ")
struct SSDA903PeerDifferenceTests {
    /// The DfE: "aged 17 years or over at the beginning of the year". A child whose 17th birthday is 1 April
    /// is 17 on the first day of the year; the sector validator flags only birthdays strictly before it.
    @Test("189: a child who turns 17 on 1 April, the first day of the year, is 17 at the beginning of the year")
    func rule189Birthday() {
        let oc2 = Build.table(.oc2, ["A", "01/04/2007", "10", nil, "0", nil, "1", "1", "1", "0", nil, nil])
        #expect(Build.flagged("189", year: 2025, oc2) == Build.rows(.oc2, 0))
    }

    /// The DfE: the four health items "should be completed or all OC2 fields should be left blank". A row with
    /// a teeth check and an SDQ score but no immunisations is neither; the sector validator passes it unless
    /// CONVICTED, HEALTH_CHECK or an intervention item is completed.
    @Test("182: an OC2 row with some health items but not all fails, whichever other items are completed")
    func rule182PartialHealthItems() {
        let oc2 = Build.table(.oc2, ["A", "19/11/2018", "28", nil, nil, nil, nil, "1", "1", "0", nil, nil])
        #expect(Build.flagged("182", oc2) == Build.rows(.oc2, 0))
    }

    /// The DfE: "Data entry for mother status is invalid". Only a MOTHER value other than 0 or 1 is an invalid entry;
    /// a girl without one is 393's and 607's finding. The sector validator also flags by the pre-2024/25 sex codes
    /// (2 without MOTHER, 1 with it), which are themselves invalid now (101).
    @Test("165: only a MOTHER value other than 0 or 1 fails, whatever the sex code")
    func rule165MotherCode() {
        let header = Build.header(
            SampleRow.header("A", sex: "2"), SampleRow.header("B", sex: "1", mother: "0"), SampleRow.header("C", sex: "F", mother: "2"),
            SampleRow.header("D", sex: "F", mother: "1"))
        #expect(Build.flagged("165", header) == Build.rows(.header, 2))
    }

    /// The DfE: X1 "but there is no continuation episode". An episode with an impossible start date that ends X1 on
    /// the day the next begins has its continuation; the sector validator orders it last and flags it.
    @Test("388: an X1 episode followed on its end date is continued, even when its own start or the next end is impossible")
    func rule388ImpossibleDates() {
        let episodes = Build.episodes(
            SampleRow.episode("A", "18/04/2022", end: "25/04/2024", reason: "X1"),
            SampleRow.episode("A", "31/04/2024", rne: "B", end: "23/09/2024", reason: "X1"),
            SampleRow.episode("A", "23/09/2024", rne: "T"),
            SampleRow.episode("B", "01/11/2023", end: "31/01/2025", reason: "X1"),
            SampleRow.episode("B", "31/01/2025", rne: "P", end: "01/13/2024"))
        #expect(Build.flagged("388", episodes) == Build.rows(.episodes, 0))
    }

    /// The DfE: "differs from that reported at start of current period". Every later episode differing from the
    /// start is flagged; the sector validator compares each episode with the one before, so it flags the episode
    /// after a wrong code and judges periods whose start is not in the return.
    @Test("504: each episode is compared with the start of its period, not with the episode before")
    func rule504PeriodStart() {
        let episodes = Build.episodes(
            SampleRow.episode("A", "11/05/2023", end: "05/04/2024", reason: "X1", need: "N9"),
            SampleRow.episode("A", "05/04/2024", rne: "P", end: "22/04/2024", reason: "X1"),
            SampleRow.episode("A", "22/04/2024", rne: "B", ls: "C1"),
            SampleRow.episode("B", "14/10/2023", end: "06/09/2024", reason: "X1", need: "N6"),
            SampleRow.episode("B", "06/09/2024", rne: "T", end: "06/02/2025", reason: "X1", need: "N0"),
            SampleRow.episode("B", "06/02/2025", rne: "T", need: "N6"),
            SampleRow.episode("C", "10/01/2024", rne: "P", end: "10/08/2024", reason: "X1", need: "N0"),
            SampleRow.episode("C", "10/08/2024", rne: "P"))
        #expect(Build.flagged("504", episodes) == Build.rows(.episodes, 1, 2, 4))
    }

    /// The DfE: L11 (different-gender married couple) "but … genders of adopters shows it as a same gender couple".
    /// M2 is no sex-of-adopters code (176's finding) and shows no couple; the sector validator flags it.
    @Test("520: only MM or FF contradicts L11; an invalid code does not")
    func rule520InvalidSexCode() {
        let ad1 = Build.table(.ad1, ["A", "08/12/2018", "03/07/2024", "22/08/2024", "1", "2", "M2", "L11"], ["B", "08/12/2018", "03/07/2024", "22/08/2024", "1", "2", "MM", "L11"])
        #expect(Build.flagged("520", ad1) == Build.rows(.ad1, 1))
    }

    /// The DfE: "aged 10 or over at 31 March". A 10th birthday on 31 March makes the child 10 that day; the sector
    /// validator's 542 agrees, its 543 does not ask for conviction data.
    @Test("543: a child whose 10th birthday is 31 March needs conviction information")
    func rule543TenthBirthday() {
        let episodes = Build.episodes(SampleRow.episode("A", "01/01/2023"))
        let oc2 = Build.table(.oc2, ["A", "31/03/2015", "10", nil, nil, nil, "1", "1", "1", "0", nil, nil])
        #expect(Build.flagged("543", episodes, oc2) == Build.rows(.oc2, 0))
    }

    /// The DfE: "conviction information completed". CONVICTED = 0 is completed information; the sector validator
    /// asks for the health items only when CONVICTED is 1 (though its own 182 counts a 0 as completed).
    @Test("544: CONVICTED 0 with a health item blank fails, as 1 does")
    func rule544ConvictedZero() {
        let oc2 = Build.table(
            .oc2, ["A", "01/01/2012", "10", nil, "0", nil, nil, "1", "1", "0", nil, nil], ["B", "01/01/2012", "10", nil, "1", nil, nil, "1", "1", "0", nil, nil],
            ["C", "01/01/2012", "10", nil, "0", nil, "1", "1", "1", "0", nil, nil])
        #expect(Build.flagged("544", oc2) == Build.rows(.oc2, 0, 1))
    }

    /// 558, 580 and 1014: the sector validator flagged none of the cases in `SSDA903CareLeaverRuleTests` in any
    /// probe (an adopted child's reversed decision, care ending other than E8 while missing, UASC rows of care
    /// leavers with no episode). We flag them as the DfE text says; these cases are the ones it passes.
    @Test("558, 580, 1014: the cases the sector validator passes fail here")
    func rulesPeerNeverFlags() {
        let episodes = Build.episodes(
            SampleRow.episode("A", "01/01/2025", ls: "E1", place: "A5", end: "01/10/2025", reason: "E11"),
            SampleRow.episode("C", "01/01/2024", end: "01/11/2025", reason: "E4A"))
        let placed = Build.table(.placedAdoption, ["A", "01/01/2020", "01/01/2025", "01/09/2025", "RD1"])
        let missing = Build.table(.missing, ["C", "01/01/2012", "M", "25/10/2025", nil])
        let oc3 = Build.table(.oc3, ["W", "01/06/2006", "YES", "F2", "D1"])
        let uasc = Build.table(.uasc, ["W", "M", "01/06/2006", "01/06/2024"])
        #expect(Build.flagged("558", year: 2026, episodes, placed) == Build.rows(.episodes, 0) + Build.rows(.placedAdoption, 0))
        #expect(Build.flagged("580", year: 2026, episodes, missing) == Build.rows(.episodes, 1) + Build.rows(.missing, 0))
        #expect(Build.flagged("1014", year: 2026, episodes, oc3, uasc) == Build.rows(.uasc, 0))
    }

    /// 576: a child with a missing period open at the end of last year and no missing row this year has nowhere in
    /// Missing to be flagged; we flag their header row, the sector validator nothing.
    @Test("576: no missing row this year for last year's open period flags the header")
    func rule576NoRowThisYear() {
        let header = Build.header(SampleRow.header("I"))
        let lastMissing = Build.table(.missing, ["I", "01/01/2010", "M", "01/03/2025", nil])
        #expect(Build.flagged("576", year: 2026, header, Build.table(.missing), last: [lastMissing]) == Build.rows(.header, 0))
    }

    /// The DfE: 1016 is for those who "cease to be looked after, after their birthday"; someone still looked after
    /// at 31 March has not ceased (1007 is theirs). The sector validator's 1016 flags them too.
    @Test("1016: still looked after is 1007's case, not 1016's")
    func rule1016StillLookedAfter() {
        let episodes = Build.episodes(SampleRow.episode("S", "01/01/2020"))
        let oc3 = Build.table(.oc3, ["S", "01/06/2008", "YES", "F2", "D1"])
        #expect(Build.flagged("1016", year: 2026, episodes, oc3).isEmpty)
        #expect(Build.flagged("1007", year: 2026, episodes, oc3) == Build.rows(.oc3, 0))
    }

    /// SW10STG2 "started before the end date of the previous", SW10aSTG2 "not within +/- 7 days" and SW10bSTG2
    /// "first contact before the previous episode has ended": a first-contact episode starting a month before the
    /// previous one ends fails all three; the sector validator flags only SW10b, and not when the previous one is open.
    @Test("SW10, SW10a, SW10b: a new episode a month before the previous one ends")
    func socialWorkerOverlap() {
        let episodes = Build.table(
            .socialWorkerEpisodes, ["A", "01/01/2012", "SW1", "01/04/2025", "01/10/2025", "FCONTA"], ["A", "01/01/2012", "SW2", "01/09/2025", nil, "FCONTA"],
            ["B", "01/01/2012", "SW1", "01/04/2025", nil, "FCONTA"], ["B", "01/01/2012", "SW2", "01/09/2025", nil, "FCONTA"])
        for code in ["SW10STG2", "SW10aSTG2", "SW10bSTG2"] {
            #expect(Build.flagged(code, year: 2026, episodes) == Build.rows(.socialWorkerEpisodes, 1, 3), "\(code)")
        }
    }

    /// The DfE: SW11b "ended before 31 March and no subsequent social worker episode". The sector validator flagged
    /// only some episodes ending in the second half of March; one ending on 1 December fails here too.
    @Test("SW11bSTG2: a last episode ending in December fails")
    func ruleSW11bDecember() {
        let episodes = Build.table(.socialWorkerEpisodes, ["A", "01/01/2012", "SW1", "01/04/2025", "01/12/2025", "FCONTA"])
        #expect(Build.flagged("SW11bSTG2", year: 2026, episodes) == Build.rows(.socialWorkerEpisodes, 0))
    }

    /// The DfE: SW12 asks that a child looked after on 31 March has social worker episodes "for the full previous
    /// year". One episode open since 1 April covers it, whatever the child's care episodes did; the sector validator
    /// flags the child's ended care episodes when the social worker episode is still open, and never a history that
    /// starts after 1 April.
    @Test("SW12STG2: an open social worker episode since 1 April covers the year; one from October does not")
    func ruleSW12Cover() {
        let header = Build.header(SampleRow.header("A", born: "01/01/2012"), SampleRow.header("B", born: "01/01/2012"))
        let episodes = Build.episodes(
            SampleRow.episode("A", "23/05/2025", end: "26/07/2025", reason: "X1"), SampleRow.episode("A", "26/07/2025", rne: "P"),
            SampleRow.episode("B", "01/01/2024"))
        let socialWork = Build.table(
            .socialWorkerEpisodes, ["A", "01/01/2012", "SW1", "01/04/2025", nil, "FCONTA"], ["B", "01/01/2012", "SW2", "01/10/2025", nil, "FCONTA"])
        #expect(Build.flagged("SW12STG2", year: 2026, header, episodes, socialWork) == Build.rows(.episodes, 2))
    }
}

@Suite("SSDA903 validator")
struct SSDA903ValidatorTests {
    @Test("Every rule of the year's pack is reported; absent tables, reference data and unwritten rules are skipped with the reason")
    func accountsForEveryRule() throws {
        let header = Build.header(["A", "1", "01/01/2010", "WBRI", nil, nil, nil])
        let report = SSDA903Validator(year: 2025).validate(SSDA903Return(tables: [.header: header]))
        #expect(report.outcomes.count == SSDA903Catalogue.entries(forYear: 2025).count)
        #expect(report.outcomes.count == 305)
        let rule101 = try #require(report.outcomes.first { $0.rule.code == "101" })
        #expect(rule101.failures == [FailureLocation(child: "A", table: "Header", row: 1)])
        #expect(report.outcomes.first { $0.rule.code == "141" }?.skipped == "skipped: needs the Episodes table")
        #expect(report.outcomes.first { $0.rule.code == "164" }?.skipped?.contains("postcode") == true)
        #expect(report.outcomes.first { $0.rule.code == "224" }?.skipped?.contains("Ofsted provider lists") == true)
        #expect(report.childCount == 1)
    }

    @Test("2025/26 has 316 rules; collection years without a pack have none")
    func packs() {
        #expect(SSDA903Catalogue.entries(forYear: 2026).count == 316)
        #expect(SSDA903Catalogue.entries(forYear: 2019).isEmpty)
    }
}

@Suite("SSDA903 rules 2xx")
struct SSDA903Rules2xxTests {
    static let headerThisYear = Build.header(
        ["A", "M", "01/01/2014", "WBRI", "A123456789012", nil, nil], ["B", "F", "02/01/2014", "WOTH", "A123456789013", nil, nil],
        ["C", "M", "01/01/2014", "WBRI", "A123456789012", nil, nil], ["D", "M", "01/01/2014", "WBRI", "UN3", nil, nil])
    static let headerLastYear = Build.header(
        ["A", "F", "01/01/2014", "WBRI", "A123456789012", nil, nil], ["B", "F", "01/01/2014", "WBRI", "A123456789012", nil, nil],
        ["C", "M", "01/01/2014", "WBRI", "UN3", nil, nil], ["D", "M", "01/01/2014", "WBRI", "A123456789019", nil, nil])

    @Test("202–204 and 208: sex, birth date, ethnicity and a real UPN must agree with last year; a UN code may be replaced")
    func lastYear() {
        #expect(Build.flagged("202", Self.headerThisYear, last: [Self.headerLastYear]) == Build.rows(.header, 0))
        #expect(Build.flagged("203", Self.headerThisYear, last: [Self.headerLastYear]) == Build.rows(.header, 1))
        #expect(Build.flagged("204", Self.headerThisYear, last: [Self.headerLastYear]) == Build.rows(.header, 1))
        #expect(Build.flagged("208", Self.headerThisYear, last: [Self.headerLastYear]) == Build.rows(.header, 1, 3))
    }

    @Test("Rules comparing with last year are skipped, saying so, when --last is not given")
    func skippedWithoutLastYear() throws {
        let report = SSDA903Validator(year: 2025).validate(SSDA903Return(tables: [.header: Self.headerThisYear]))
        #expect(report.outcomes.first { $0.rule.code == "202" }?.skipped == "skipped: needs last year's Header table (--last DIR)")
    }

    @Test("209: UN1 (not of school age) fails for a child who was 5 by 31 August before the year began")
    func rule209() {
        let header = Build.header(
            ["A", "M", "31/08/2019", "WBRI", "UN1", nil, nil], ["B", "M", "01/09/2019", "WBRI", "UN1", nil, nil],
            ["C", "M", "01/01/2014", "WBRI", "UN1", nil, nil], ["D", "M", "01/01/2014", "WBRI", "UN2", nil, nil])
        #expect(Build.flagged("209", year: 2025, header) == Build.rows(.header, 0, 2))
        #expect(Build.flagged("209", year: 2026, header) == Build.rows(.header, 0, 1, 2))
    }

    @Test("225 and 226: a move records its reason on the episode that ended, except around temporary placements, which take none")
    func placementChangeReason() {
        let episodes = Build.episodes(
            ["A", "01/01/2023", "S", "C2", "N1", "T0", nil, "01/06/2024", "X1", nil, nil, nil, nil],
            ["A", "01/06/2024", "T", "C2", "N1", "U4", "PR1", "01/07/2024", "X1", nil, nil, nil, nil],
            ["A", "01/07/2024", "P", "C2", "N1", "U4", "PR1", "01/08/2024", "X1", "CARPL", nil, nil, nil],
            ["A", "01/08/2024", "L", "C1", "N1", "U4", "PR1", "01/09/2024", "X1", nil, nil, nil, nil],
            ["A", "01/09/2024", "B", "C2", "N1", "T1", nil, "01/10/2024", "X1", "CHILD", nil, nil, nil],
            ["A", "01/10/2024", "T", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil])
        #expect(Build.flagged("225", episodes) == Build.rows(.episodes, 1))
        #expect(Build.flagged("226", episodes) == Build.rows(.episodes, 4))
    }

    @Test("222: an Ofsted URN on a placement Ofsted does not register fails; XXXXXXX does not")
    func rule222() {
        let episodes = Build.episodes(
            ["A", "01/01/2024", "S", "C2", "N1", "P1", "PR0", nil, nil, nil, nil, nil, "1234567"],
            ["B", "01/01/2024", "S", "C2", "N1", "Z1", "PR4", nil, nil, nil, nil, nil, "XXXXXXX"],
            ["C", "01/01/2024", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, "1234567"])
        #expect(Build.flagged("222", episodes) == Build.rows(.episodes, 0))
    }
}

@Suite("SSDA903 12-month cohort (OC2)")
struct SSDA903TwelveMonthCohortTests {
    @Test("In care on 1 April a year before (a start that day counts), no new period or ending before 31 March, no short breaks")
    func cohort() {
        let episodes = Build.episodes(
            ["A", "01/04/2024", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil],
            ["B", "01/01/2023", "S", "C2", "N1", "U4", "PR1", "31/03/2025", "E8", nil, nil, nil, nil],
            ["C", "01/01/2023", "S", "C2", "N1", "U4", "PR1", "01/05/2024", "E8", nil, nil, nil, nil],
            ["D", "02/04/2024", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil],
            ["E", "01/01/2023", "S", "V2", "N1", "U4", "PR1", "01/05/2024", "X1", nil, nil, nil, nil],
            ["E", "01/05/2024", "L", "V4", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil],
            ["F", "01/01/2024", "P", "C2", "N1", "U4", "PR1", "01/06/2024", "X1", nil, nil, nil, nil],
            ["F", "01/06/2024", "L", "C1", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil],
            ["G", "01/01/2023", "S", "C2", "N1", "U4", "PR1", "01/05/2024", "X1", nil, nil, nil, nil],
            ["G", "01/05/2024", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil])
        let context = SSDA903Context(year: 2025, data: SSDA903Return(tables: [.episodes: episodes]))
        #expect(context.lookedAfterTwelveMonths == ["A", "B", "F"])
    }

    @Test("185/190/198 flag OC2 rows outside the cohort; 191 flags a cohort child missing from OC2 on their first episode")
    func oc2Rules() {
        let episodes = Build.episodes(
            ["A", "01/06/2024", "P", "C2", "N1", "U6", "PR1", nil, nil, nil, nil, nil, nil],
            ["A", "01/01/2023", "S", "C2", "N1", "U4", "PR1", "01/06/2024", "X1", "CARPL", nil, nil, nil],
            ["B", "01/06/2024", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil])
        let oc2 = Build.table(.oc2, ["B", "01/01/2014", "12", "SDQ4", "0", nil, "1", "1", "1", "0", nil, nil])
        #expect(Build.flagged("185", episodes, oc2) == Build.rows(.oc2, 0))
        #expect(Build.flagged("190", episodes, oc2) == Build.rows(.oc2, 0))
        #expect(Build.flagged("198", episodes, oc2) == Build.rows(.oc2, 0))
        #expect(Build.flagged("191", episodes, oc2) == Build.rows(.episodes, 1))
    }
}

@Suite("SSDA903 rules 1000s")
struct SSDA903Rules1000sTests {
    @Test("1004–1006: a missing episode needs a real start date; its end date and type may be blank but must be valid")
    func missingEpisodes() {
        let missing = Build.table(
            .missing, ["A", "01/01/2014", "M", "01/06/2024", "02/06/2024"], ["A", "01/01/2014", "X", nil, "31/06/2024"],
            ["A", "01/01/2014", nil, "31/06/2024", nil], ["A", "01/01/2014", "A", "01/07/2024", "2024-07-02"])
        #expect(Build.flagged("1004", missing) == Build.rows(.missing, 1, 2))
        #expect(Build.flagged("1005", missing) == Build.rows(.missing, 1, 3))
        #expect(Build.flagged("1006", missing) == Build.rows(.missing, 1))
    }

    @Test("1000 and 1011: a child who died in care, or whose care passed to another authority, has no care leaver row")
    func careLeaversWhoAreNot() {
        let episodes = Build.episodes(
            ["A", "01/01/2023", "S", "C2", "N1", "U4", "PR1", "01/07/2024", "E2", nil, nil, nil, nil],
            ["B", "01/01/2023", "S", "C2", "N1", "U4", "PR1", "01/07/2024", "E3", nil, nil, nil, nil],
            ["C", "01/01/2023", "S", "C2", "N1", "U4", "PR1", "01/07/2024", "E8", nil, nil, nil, nil])
        let oc3 = Build.table(.oc3, ["A", "01/06/2007", "YES", "F1", "B1"], ["B", "01/06/2007", "YES", "F1", "B1"], ["C", "01/06/2007", "YES", "F1", "B1"])
        #expect(Build.flagged("1000", episodes, oc3) == Build.rows(.oc3, 0))
        #expect(Build.flagged("1011", episodes, oc3) == Build.rows(.oc3, 1))
    }

    @Test("1003: a decision to place for adoption before the child started to be looked after flags the decision and the S episode")
    func rule1003() {
        let episodes = Build.episodes(
            ["A", "01/01/2023", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil],
            ["B", "01/01/2024", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil])
        let placed = Build.table(.placedAdoption, ["A", "01/01/2014", "01/07/2022", nil, nil], ["B", "01/01/2014", "01/07/2024", nil, nil])
        #expect(Build.flagged("1003", episodes, placed) == Build.rows(.episodes, 0) + Build.rows(.placedAdoption, 0))
    }
}

@Suite("SSDA903 rules against last year's episodes")
struct SSDA903LastYearEpisodeTests {
    static let oc3 = Build.table(
        .oc3, ["C", "01/01/2006", "YES", "F1", "B1"], ["D", "01/01/2006", "YES", "F1", "B1"], ["E", "01/01/2006", "YES", "F1", "B1"],
        ["F", "01/01/2006", "YES", "F1", "B1"])
    static let episodes = Build.episodes(["E", "01/01/2023", "S", "C2", "N1", "U4", "PR1", "01/06/2024", "E8", nil, nil, nil, nil])
    static let lastEpisodes = Build.episodes(
        ["C", "01/01/2022", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil],
        ["D", "01/01/2022", "S", "C2", "N1", "U4", "PR1", "01/06/2023", "E8", nil, nil, nil, nil])

    @Test("1002: a care leaver with no episode this year or last fails; 1010: one open at the end of last year with none this year fails")
    func careLeaverEpisodes() {
        #expect(Build.flagged("1002", Self.episodes, Self.oc3, last: [Self.lastEpisodes]) == Build.rows(.oc3, 3))
        #expect(Build.flagged("1010", Self.episodes, Self.oc3, last: [Self.lastEpisodes]) == Build.rows(.oc3, 0))
    }

    @Test("205D: UASC this year but not last year, for a child in last year's return, flags the header row")
    func rule205D() {
        let header = Build.header(["A", "M", "01/01/2008", "WBRI", "UN3", nil, nil], ["B", "M", "01/01/2008", "WBRI", "UN3", nil, nil])
        let uasc = Build.table(.uasc, ["A", "M", "01/01/2008", nil], ["B", "M", "01/01/2008", "01/01/2026"])
        let lastHeader = Build.header(["A", "M", "01/01/2008", "WBRI", "UN3", nil, nil])
        let lastUASC = Build.table(.uasc, ["Z", "M", "01/01/2008", nil])
        #expect(Build.flagged("205D", header, uasc, last: [lastHeader, lastUASC]) == Build.rows(.header, 0))
    }
}

@Suite("SSDA903 generator against the rules")
struct SSDA903GeneratorTests {
    @Test("The same seed gives the same return; a clean return fails none of the implemented rules; --dirt makes them fire", arguments: [2025, 2026])
    func cleanAndDirty(year: Int) throws {
        let clean = SSDA903Generator(year: year, children: 1500, seed: 3).generate()
        let again = SSDA903Generator(year: year, children: 1500, seed: 3).generate()
        #expect(SSDA903TableKind.allCases.allSatisfy { kind in
            kind.fields.allSatisfy { clean[kind]?[$0] == again[kind]?[$0] }
        })
        let report = SSDA903Validator(year: year).validate(clean)
        #expect(report.failed.map(\.rule.code) == [])
        let dirty = SSDA903Validator(year: year).validate(SSDA903Generator(year: year, children: 1500, seed: 3, dirt: true).generate())
        #expect(dirty.failed.count >= 30, "\(dirty.failed.map(\.rule.code))")
        #expect(dirty.childCount == clean[.header]?.count)
    }
}

@Suite("SSDA903 rules 199, 218 and 1012")
struct SSDA903LaterRulesTests {
    static let episodes = Build.episodes(
        ["A", "01/01/2023", "S", "C2", "N1", "A5", "PR1", "01/06/2024", "E11", nil, nil, nil, nil],
        ["A", "01/08/2024", "S", "C2", "N1", "U4", "PR1", nil, nil, nil, nil, nil, nil],
        ["B", "01/01/2023", "S", "C2", "N1", "T0", nil, nil, nil, nil, nil, nil, nil],
        ["C", "01/01/2023", "S", "C2", "N1", "K2", "PR4", nil, nil, nil, nil, nil, nil])

    @Test("199: an episode after an adoption from care fails")
    func rule199() {
        #expect(Build.flagged("199", Self.episodes) == Build.rows(.episodes, 1))
    }

    @Test("218: an Ofsted-registered placement open in the year needs a URN; temporary ones and those ended before the year do not")
    func rule218() {
        #expect(Build.flagged("218", year: 2026, Self.episodes) == Build.rows(.episodes, 1, 3))
        // A's adoption placement ended in June 2024: inside 2024/25, before 2025/26.
        #expect(Build.flagged("218", year: 2025, Self.episodes) == Build.rows(.episodes, 0, 1, 3))
        // Z1 (2024/25's "other placement") takes no URN; 2025/26 split it into Z11–Z14.
        let other = Build.episodes(["D", "01/01/2023", "S", "C2", "N1", "Z1", "PR4", nil, nil, nil, nil, nil, nil])
        #expect(Build.flagged("218", year: 2025, other).isEmpty)
    }

    @Test("1012: a care leaver with no episode this year has no other rows")
    func rule1012() {
        let oc3 = Build.table(.oc3, ["D", "01/01/2006", "YES", "F1", "B1"], ["A", "01/01/2006", "YES", "F1", "B1"])
        let reviews = Build.table(.reviews, ["D", "01/01/2006", "01/05/2024", "PN1"], ["A", "01/01/2006", "01/05/2024", "PN1"])
        #expect(Build.flagged("1012", Self.episodes, oc3, reviews) == Build.rows(.reviews, 0))
    }
}
