import OversightCore
import OversightStorage

extension SSDA903CaseData {
    /// The return's tables for the collection year ending 31 March `year`, from stored case data, with the
    /// return's inclusion rules (`statutory-returns.md` §4):
    ///
    /// - Episodes: every one open at any point in the year. Header: each child with such an episode or an OC3 row.
    /// - Reviews, Missing, SWEpisodes: those in the year for those children; UASC and PlacedAdoption (decisions in
    ///   force in the year) likewise.
    /// - OC2: one row for each child looked after continuously for the 12 months to 31 March, as the validator reads
    ///   the episodes; the items stored for the child, or blanks where none are, so the return shows what is missing.
    /// - OC3: care leavers whose 17th–21st birthday falls in the year.
    /// - AD1: children whose episode ended in the year with an adoption (E11, E12) and whose adoption is recorded.
    /// - PrevPerm: one row for each child who started to be looked after in the year, blank where nothing is stored.
    /// - DoLo: from 2026/27 (`year` 2027), the orders in force in the year.
    public static func tables(for year: Int, from data: CaseRecords) -> [SSDA903TableKind: SSDA903Table] {
        let period = OversightCore.DateInterval(start: LocalDate(year: year - 1, month: 4, day: 1)!, end: LocalDate(year: year, month: 3, day: 31)!)
        let children = Dictionary(data.children.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let placements = Dictionary(data.placements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func dob(_ id: Identifier<Child>) -> String? { children[id]?.dateOfBirth?.ukString }
        func byChild<T>(_ records: [T], _ child: (T) -> Identifier<Child>) -> [Identifier<Child>: T] {
            Dictionary(records.map { (child($0), $0) }, uniquingKeysWith: { first, _ in first })
        }

        let episodes = data.lookedAfterEpisodes.filter { $0.interval.overlaps(period) }
            .sorted { ($0.childID, $0.start) < ($1.childID, $1.start) }
        let leavers = data.careLeavers.filter { leaver in
            guard let born = children[leaver.childID]?.dateOfBirth else { return false }
            return (17...21).contains(where: { period.contains(born.adding(years: $0)) })
        }.sorted { $0.childID < $1.childID }
        let included = Set(episodes.map(\.childID)).union(leavers.map(\.childID))
        let inYear = { (date: LocalDate?) in date.map(period.contains) ?? false }
        let lookedAfter = Set(episodes.map(\.childID)).sorted()

        var tables: [SSDA903TableKind: SSDA903Table] = [:]
        tables[.header] = SSDA903Table(kind: .header, rows: included.sorted().compactMap { children[$0] }.map {
            [$0.id.rawValue, $0.sex?.rawValue, $0.dateOfBirth?.ukString, $0.ethnicity?.rawValue, $0.upn, flag($0.isMother),
             $0.motherChildDateOfBirth?.ukString]
        })
        tables[.episodes] = SSDA903Table(kind: .episodes, rows: episodes.map { episode in
            let placement = episode.placementID.flatMap { placements[$0] }
            return [
                episode.childID.rawValue, episode.start.ukString, episode.reasonNewEpisode?.rawValue, episode.legalStatus?.rawValue,
                episode.categoryOfNeed?.rawValue, placement?.type?.rawValue, placement?.provider?.rawValue, episode.end?.ukString,
                episode.reasonCeased?.rawValue, placement?.changeReason?.rawValue, placement?.homePostcode, placement?.postcode,
                placement?.urn,
            ]
        })
        tables[.reviews] = SSDA903Table(kind: .reviews, rows: data.lookedAfterReviews
            .filter { included.contains($0.childID) && !$0.isCancelled && inYear($0.date) }
            .sorted { ($0.childID, $0.date!) < ($1.childID, $1.date!) }
            .map { [$0.childID.rawValue, dob($0.childID), $0.date?.ukString, $0.participation?.rawValue] })
        tables[.uasc] = SSDA903Table(kind: .uasc, rows: data.unaccompaniedAsylumSeekingStatuses
            .filter { included.contains($0.childID) }
            .sorted { $0.childID < $1.childID }
            .map { [$0.childID.rawValue, children[$0.childID]?.sex?.rawValue, dob($0.childID), $0.ceasedDate?.ukString] })

        let outcomes = byChild(data.continuouslyLookedAfterOutcomes, \.childID)
        let cohort = twelveMonthCohort(episodes, period: period)
        tables[.oc2] = SSDA903Table(kind: .oc2, rows: lookedAfter.filter(cohort.contains).map { id in
            let item = outcomes[id]
            return [
                id.rawValue, dob(id), item?.sdqScore.map(String.init), item?.sdqReason?.rawValue, flag(item?.convicted),
                flag(item?.healthCheck), flag(item?.immunisations), flag(item?.teethCheck), flag(item?.healthAssessment),
                flag(item?.substanceMisuse), flag(item?.interventionReceived), flag(item?.interventionOffered),
            ]
        })
        tables[.oc3] = SSDA903Table(kind: .oc3, rows: leavers.map { leaver in
            let accommodation = leaver.accommodation.map { $0.rawValue + (leaver.accommodationSuitable == false ? "2" : "1") }
            return [leaver.childID.rawValue, dob(leaver.childID), leaver.inTouch?.rawValue, leaver.activity?.rawValue, accommodation]
        })

        let adopted = Set(episodes.filter { ($0.reasonCeased?.isAdoption ?? false) && inYear($0.end) }.map(\.childID))
        tables[.ad1] = SSDA903Table(kind: .ad1, rows: data.adoptions
            .filter { adopted.contains($0.childID) }
            .sorted { $0.childID < $1.childID }
            .map {
                [$0.childID.rawValue, dob($0.childID), $0.decisionDate?.ukString, $0.matchingDate?.ukString, flag($0.adoptedByFosterCarer),
                 $0.numberOfAdopters.map(String.init), $0.adopterSex?.rawValue, $0.adopterLegalStatus?.rawValue]
            })
        tables[.placedAdoption] = SSDA903Table(kind: .placedAdoption, rows: data.decisionsToPlaceForAdoption
            .filter { included.contains($0.childID) && $0.applies(during: period) }
            .sorted { ($0.childID, $0.date) < ($1.childID, $1.date) }
            .map { [$0.childID.rawValue, dob($0.childID), $0.date.ukString, $0.ceasedDate?.ukString, $0.ceasedReason?.rawValue] })

        let previous = byChild(data.previousPermanences, \.childID)
        let starters = Set(episodes.filter { $0.reasonNewEpisode == .started && inYear($0.start) }.map(\.childID))
        tables[.previousPermanence] = SSDA903Table(kind: .previousPermanence, rows: starters.sorted().map { id in
            [id.rawValue, dob(id), previous[id]?.option?.rawValue, previous[id]?.localAuthority, previous[id]?.orderDate]
        })
        tables[.missing] = SSDA903Table(kind: .missing, rows: data.missingEpisodes
            .filter { included.contains($0.childID) && OversightCore.DateInterval(start: $0.start, end: $0.end).overlaps(period) }
            .sorted { ($0.childID, $0.start) < ($1.childID, $1.start) }
            .map { [$0.childID.rawValue, dob($0.childID), $0.type?.rawValue, $0.start.ukString, $0.end?.ukString] })
        tables[.socialWorkerEpisodes] = SSDA903Table(kind: .socialWorkerEpisodes, rows: data.socialWorkerEpisodes
            .filter { included.contains($0.childID) && $0.interval.overlaps(period) }
            .sorted { ($0.childID, $0.start) < ($1.childID, $1.start) }
            .map { [$0.childID.rawValue, dob($0.childID), $0.socialWorkerID, $0.start.ukString, $0.end?.ukString, $0.changeReason?.rawValue] })
        if year >= firstYearWithDeprivationOfLiberty {
            tables[.deprivationOfLiberty] = SSDA903Table(kind: .deprivationOfLiberty, rows: data.deprivationOfLibertyOrders
                .filter { included.contains($0.childID) && $0.interval.overlaps(period) }
                .sorted { ($0.childID, $0.start) < ($1.childID, $1.start) }
                .map { [$0.childID.rawValue, dob($0.childID), $0.start.ukString, $0.end?.ukString] })
        }
        return tables
    }

    /// DoLo joins the return in 2026/27.
    public static let firstYearWithDeprivationOfLiberty = 2027

    /// The children looked after continuously for the 12 months to 31 March, as the DfE's guidance reads the
    /// episodes (and the validator with it): looked after at some point in the year, with no period starting (S)
    /// after 1 April, none ending (any reason but X1) before 31 March, and no short breaks (V3/V4).
    static func twelveMonthCohort(_ episodes: [LookedAfterEpisode], period: OversightCore.DateInterval) -> Set<Identifier<Child>> {
        let end = period.end!
        var broken = Set<Identifier<Child>>()
        for episode in episodes {
            let shortBreak = episode.legalStatus?.isShortBreak ?? false
            let startedInYear = episode.reasonNewEpisode == .started && episode.start > period.start
            let endedInYear = episode.end.map { $0 >= period.start && $0 < end && episode.reasonCeased != .x1 } ?? false
            if shortBreak || startedInYear || endedInYear { broken.insert(episode.childID) }
        }
        return Set(episodes.map(\.childID)).subtracting(broken)
    }

    private static func flag(_ value: Bool?) -> String? { value.map { $0 ? "1" : "0" } }
}
