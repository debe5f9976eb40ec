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

    /// 2024/25 cases for the tables beyond the journey: who is in the 12-month cohort, who was adopted, who started.
    static var permanence: CaseRecords {
        var data = CaseRecords()
        // Upper case, as the return's tables hold every value.
        for id in ["STAYER", "APRILFIRST", "APRILSECOND", "MARCHEND", "SHORTBREAKS", "ADOPTED", "STARTER", "LEFTLASTYEAR"] {
            data.children.append(Child(id: Identifier(id), sex: .male, dateOfBirth: date("2012-06-01")))
        }
        func episode(_ child: String, _ n: Int, _ start: String, _ end: String?, _ rne: ReasonNewEpisode, _ rec: ReasonEpisodeCeased?,
                     status: LegalStatus = .c2) {
            data.lookedAfterEpisodes.append(LookedAfterEpisode(
                id: Identifier("\(child)-\(n)"), childID: Identifier(child), start: date(start), reasonNewEpisode: rne, legalStatus: status,
                end: end.map(date), reasonCeased: rec))
        }
        episode("STAYER", 1, "2022-01-10", "2024-06-01", .started, .x1)
        episode("STAYER", 2, "2024-06-01", nil, .placementAndCarerChange, nil)
        // A period starting on 1 April has lasted 12 months by 31 March; one starting a day later has not.
        episode("APRILFIRST", 1, "2024-04-01", nil, .started, nil)
        episode("APRILSECOND", 1, "2024-04-02", nil, .started, nil)
        // Ended on 31 March: looked after for the whole year, so in the cohort, as the validator reads it.
        episode("MARCHEND", 1, "2020-01-01", "2025-03-31", .started, .e4A)
        episode("SHORTBREAKS", 1, "2021-01-01", nil, .started, nil, status: .v3)
        episode("ADOPTED", 1, "2021-01-01", "2024-09-30", .started, .e11, status: .e1)
        episode("STARTER", 1, "2024-10-01", nil, .started, nil)
        episode("LEFTLASTYEAR", 1, "2021-01-01", "2024-02-01", .started, .e11)
        for id in ["STAYER", "APRILFIRST", "APRILSECOND", "ADOPTED", "LEFTLASTYEAR"] {
            data.continuouslyLookedAfterOutcomes.append(ContinuouslyLookedAfterOutcomes(childID: Identifier(id), sdqScore: 12, convicted: false))
            data.adoptions.append(Adoption(childID: Identifier(id), decisionDate: date("2024-01-01"), numberOfAdopters: 1, adopterSex: .female))
            data.previousPermanences.append(PreviousPermanence(childID: Identifier(id), option: .noPreviousPermanence))
            data.unaccompaniedAsylumSeekingStatuses.append(UnaccompaniedAsylumSeekingStatus(childID: Identifier(id), ceasedDate: date("2030-06-01")))
        }
        data.decisionsToPlaceForAdoption = [
            DecisionToPlaceForAdoption(id: "in-force", childID: "ADOPTED", date: date("2024-01-01"), ceasedDate: date("2024-09-30"), ceasedReason: .adopted),
            DecisionToPlaceForAdoption(id: "reversed-before", childID: "ADOPTED", date: date("2023-01-01"), ceasedDate: date("2023-05-01"), ceasedReason: .childsNeedsChanged),
        ]
        data.socialWorkerEpisodes = [
            SocialWorkerEpisode(id: "SW-old", childID: "STAYER", socialWorkerID: "SW1", start: date("2022-01-10"), end: date("2024-03-01"), changeReason: .firstContact),
            SocialWorkerEpisode(id: "SW-now", childID: "STAYER", socialWorkerID: "SW2", start: date("2024-03-01"), changeReason: .leftRole),
        ]
        data.deprivationOfLibertyOrders = [DeprivationOfLibertyOrder(id: "DL1", childID: "STAYER", start: date("2024-05-01"))]
        return data
    }

    @Test("OC2 for the 12-month cohort (blank items where none are stored), AD1 for adoptions in the year, PrevPerm for starters")
    func permanenceInclusion() {
        let tables = SSDA903CaseData.tables(for: 2025, from: Self.permanence)
        #expect(tables[.oc2]![.child] == ["APRILFIRST", "MARCHEND", "STAYER"])
        #expect(tables[.oc2]![.sdqScore] == ["12", nil, "12"])
        #expect(tables[.oc2]![.convicted] == ["0", nil, "0"])
        #expect(tables[.ad1]![.child] == ["ADOPTED"])
        #expect(tables[.ad1]![.sexAdoptr] == ["F1"])
        #expect(tables[.previousPermanence]![.child] == ["APRILFIRST", "APRILSECOND", "STARTER"])
        #expect(tables[.previousPermanence]![.prevPerm] == ["Z1", "Z1", nil])
        #expect(tables[.placedAdoption]![.datePlaced] == ["01/01/2024"])
        #expect(tables[.placedAdoption]![.reasonPlacedCeased] == ["RD1"])
        // The episode that ended before the year is not in it.
        #expect(tables[.socialWorkerEpisodes]![.swID] == ["SW2"])
        // The child who left the year before is in no table; UASC follows the Header.
        #expect(!(tables[.header]![.child].contains("LEFTLASTYEAR")))
        #expect(tables[.uasc]![.child] == ["ADOPTED", "APRILFIRST", "APRILSECOND", "STAYER"])
        #expect(tables[.uasc]![.duc] == Array(repeating: "01/06/2030", count: 4))
        // DoLo is part of the return from 2026/27 only.
        #expect(tables[.deprivationOfLiberty] == nil)
        #expect(SSDA903CaseData.tables(for: 2027, from: Self.permanence)[.deprivationOfLiberty]![.child] == ["STAYER"])
        #expect(SSDA903CaseData.tables(for: 2025, from: Self.permanence).count == SSDA903TableKind.allCases.count - 1)
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
