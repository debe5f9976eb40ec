import OversightCore
import OversightInterchange
import OversightStorage
import Testing

@Suite("SSDA903 case data: the return's inclusion rules")
struct SSDA903CaseDataTests {
    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// Children whose episodes or birthdays sit on each side of the 2024/25 year's edges.
    static var data: CaseRecords {
        var data = CaseRecords()
        let births = ["A": "2010-05-01", "B": "2010-05-01", "C": "2010-05-01", "L17": "2007-04-01", "L22": "2002-06-01", "L16": "2008-06-01"]
        for (id, born) in births.sorted(by: { $0.key < $1.key }) {
            data.children.append(Child(id: Identifier(id), sex: .female, dateOfBirth: date(born)))
        }
        // A ended the day before the year began; B ended on its first day; C is still open.
        for (id, start, end) in [("A", "2023-01-10", "2024-03-31"), ("B", "2023-01-10", "2024-04-01"), ("C", "2025-03-31", nil)] {
            data.lookedAfterEpisodes.append(LookedAfterEpisode(
                id: Identifier(id), childID: Identifier(id), start: date(start), reasonNewEpisode: .started, legalStatus: .c2,
                end: end.map(date), reasonCeased: end == nil ? nil : .e4A))
        }
        data.lookedAfterReviews = [
            LookedAfterReview(id: "R1", childID: "B", date: date("2024-03-31")),
            LookedAfterReview(id: "R2", childID: "B", date: date("2024-04-01"), participation: .pn1),
            LookedAfterReview(id: "R3", childID: "C", date: date("2025-04-01")),
        ]
        data.careLeavers = ["L17", "L22", "L16"].map { CareLeaver(childID: Identifier($0), inTouch: .yes, accommodation: .b, accommodationSuitable: false) }
        return data
    }

    @Test("Episodes open on any day of the year, their children, reviews dated in the year, OC3 at a 17th–21st birthday")
    func inclusion() {
        let tables = SSDA903CaseData.tables(for: 2025, from: Self.data)
        #expect(tables[.episodes]![.child] == ["B", "C"])
        #expect(tables[.episodes]![.dec] == ["01/04/2024", nil])
        #expect(tables[.reviews]![.review] == ["01/04/2024"])
        #expect(tables[.reviews]![.reviewCode] == ["PN1"])
        // L17 turns 17 on 1 April 2024, the year's first day; L22 turns 22 and L16 turns 16 in the year.
        #expect(tables[.oc3]![.child] == ["L17"])
        #expect(tables[.oc3]![.accom] == ["B2"])
        #expect(tables[.header]![.child] == ["B", "C", "L17"])
        #expect(tables[.header]![.dob] == ["01/05/2010", "01/05/2010", "01/04/2007"])
    }

    @Test("Records read back from the written tables are the records written, less what the 903 has no column for")
    func recordsFromTables() throws {
        let tables = SSDA903CaseData.tables(for: 2025, from: Self.data)
        let records = try SSDA903CaseData.records(from: tables)
        let episodes = records.compactMap { if case .lookedAfterEpisode(let e) = $0 { e } else { nil } }
        #expect(episodes.map(\.childID) == ["B", "C"])
        #expect(episodes.map(\.enteredCareDate) == [Self.date("2023-01-10"), Self.date("2025-03-31")])
        #expect(episodes.map(\.reasonCeased) == [.e4A, nil])
        let leavers = records.compactMap { if case .careLeaver(let l) = $0 { l } else { nil } }
        #expect(leavers == [CareLeaver(childID: "L17", inTouch: .yes, accommodation: .b, accommodationSuitable: false)])
    }

    @Test("A code the domain has no value for stops the read at the file, line and column")
    func unknownCode() {
        let header = SSDA903Table(kind: .header, rows: [["1", "M", "01/01/2012", "WBRI", nil, nil, nil]])
        let episodes = SSDA903Table(kind: .episodes, rows: [["1", "01/05/2024", "S", "C2", "N1", "Q9", "PR1"]])
        #expect {
            try SSDA903CaseData.records(from: [.header: header, .episodes: episodes])
        } throws: { error in
            "\(error)".contains("episodes.csv:2") && "\(error)".contains("PLACE") && "\(error)".contains("Q9")
        }
    }
}
