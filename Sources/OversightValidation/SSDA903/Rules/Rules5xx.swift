import OversightCore
import OversightInterchange

/// Codes 500–599: agreement with last year's open episode, adopters, placement providers, OC2 health and
/// convictions, decisions to place for adoption, and missing episodes.
extension SSDA903Rules {
    static let rules5xx: [SSDA903Rule] = [
        SSDA903Rule("501", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let began = episodes.dates(.decom), ended = episodes.dates(.dec)
            return context.consecutiveEpisodes { previous, next in
                guard let end = ended[previous], let start = began[next] else { return [] }
                return start < end ? [next] : []
            }
        },
        SSDA903Rule("502", tables: [.episodes], lastYear: [.episodes]) { context in
            let began = context[.episodes].dates(.decom), lastBegan = context.lastYear(.episodes).dates(.decom)
            return context.firstEpisodesAgainstLastYearsOpenEpisode { first, open in began[first] != lastBegan[open] }
        },
        SSDA903Rule("503A", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDiffersFromLastYear(in: .rne) },
        SSDA903Rule("503B", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDiffersFromLastYear(in: .ls) },
        SSDA903Rule("503C", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDiffersFromLastYear(in: .cin) },
        SSDA903Rule("503D", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDiffersFromLastYear(in: .place) },
        SSDA903Rule("503E", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDiffersFromLastYear(in: .placeProvider) },
        SSDA903Rule("503F", tables: [.episodes], lastYear: [.episodes]) { $0.firstEpisodeDiffersFromLastYear(in: .urn) },
        // The category of need is fixed at the start of a period of care (the S episode).
        SSDA903Rule("504", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let rne = episodes[.rne], cin = episodes[.cin]
            return context.episodesByChild.values.flatMap { rows in
                var atStart: String?? = .none
                var flagged: [SSDA903RowReference] = []
                for row in rows {
                    if rne[row] == "S" {
                        atStart = .some(cin[row])
                    } else if case let .some(need) = atStart, cin[row] != need {
                        flagged.append(SSDA903RowReference(.episodes, row))
                    }
                }
                return flagged
            }
        },
        // Two adopters recorded with a single adopter's sex; an unknown sex code is 144's finding.
        SSDA903Rule("511", tables: [.ad1]) { $0.adopters { number, sex, _ in number == "2" && ["M1", "F1"].contains(sex ?? "") } },
        SSDA903Rule("514", tables: [.ad1]) { $0.adopters { number, _, status in status == "L0" && number.map { $0 != "1" } ?? false } },
        SSDA903Rule("517", tables: [.ad1]) { $0.adopters { _, sex, status in status == "L3" && sex != "MF" } },
        SSDA903Rule("518", tables: [.ad1]) { $0.adopters { _, sex, status in status == "L4" && !["MM", "FF"].contains(sex ?? "") } },
        SSDA903Rule("519", tables: [.ad1]) { $0.adopters { _, sex, status in status == "L2" && ["M1", "F1"].contains(sex ?? "") } },
        SSDA903Rule("520", tables: [.ad1]) { $0.adopters { _, sex, status in status == "L11" && ["MM", "FF"].contains(sex ?? "") } },
        SSDA903Rule("524", tables: [.ad1]) { $0.adopters { _, sex, status in status == "L12" && !["MM", "FF"].contains(sex ?? "") } },
        // E45 and E46 are special guardianship to a former foster carer, so the child was fostered (U1–U6).
        SSDA903Rule("516", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let rec = episodes[.rec], place = episodes[.place]
            let fostered: Set<String> = ["U1", "U2", "U3", "U4", "U5", "U6"]
            return context.flag(.episodes) { ["E45", "E46"].contains(rec[$0] ?? "") && !fostered.contains(place[$0] ?? "") }
        },
        SSDA903Rule("522", tables: [.placedAdoption]) { context in
            let placed = context[.placedAdoption]
            let decided = placed.dates(.datePlaced), ceased = placed.dates(.datePlacedCeased)
            return context.flag(.placedAdoption) { row in
                guard let decision = decided[row], let end = ceased[row] else { return false }
                return decision > end
            }
        },
        SSDA903Rule("526", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let provider = episodes[.placeProvider], place = episodes[.place]
            // Z1 ("other") took no provider either until 2025/26 split it into Z11–Z14.
            let without = SSDA903Codes.placementsWithoutProvider(year: context.year).union(["Z1"])
            return context.flag(.episodes) { row in provider[row] == nil && !without.contains(place[row] ?? "") }
        },
        SSDA903Rule("527", tables: [.episodes]) { $0.provider("PR1", cannotProvide: ["P1", "R2", "R5"]) },
        SSDA903Rule("528", tables: [.episodes]) { $0.provider("PR2", cannotProvide: ["P1", "R2", "R5"]) },
        SSDA903Rule("529", tables: [.episodes]) { context in
            context.provider("PR3", cannotProvide: ["P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"])
        },
        SSDA903Rule("530", tables: [.episodes]) { $0.provider("PR4", cannotProvide: ["P1"]) },
        SSDA903Rule("531", tables: [.episodes]) { $0.provider("PR5", cannotProvide: ["P1"]) },
        SSDA903Rule("550", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let provider = episodes[.placeProvider], place = episodes[.place]
            return context.flag(.episodes) { provider[$0] == "PR0" && place[$0] != "P1" }
        },
        // A child whose 10th birthday is 31 March itself is 10 at 31 March (the peer counts it so too).
        SSDA903Rule("542", tables: [.oc2]) { context in
            let convicted = context[.oc2][.convicted]
            let underTen = context.birthdayAfterYearEnd(.oc2, age: 10)
            return context.flag(.oc2) { convicted[$0] != nil && (underTen[$0] ?? false) }
        },
        SSDA903Rule("543", tables: [.oc2, .episodes]) { context in
            let convicted = context[.oc2][.convicted]
            let underTen = context.birthdayAfterYearEnd(.oc2, age: 10)
            return context.inTwelveMonthCohort { convicted[$0] == nil && underTen[$0] == false }
        },
        SSDA903Rule("544", tables: [.oc2]) { $0.healthItemsMissing(whenCompleted: .convicted) },
        SSDA903Rule("545", tables: [.oc2, .episodes]) { context in
            let check = context[.oc2][.healthCheck]
            let ages = context.ages(.oc2, on: context.collectionEnd)
            return context.inTwelveMonthCohort { check[$0] == nil && (ages[$0].map { $0 < 5 } ?? false) }
        },
        SSDA903Rule("546", tables: [.oc2]) { context in
            let check = context[.oc2][.healthCheck]
            let ages = context.ages(.oc2, on: context.collectionEnd)
            return context.flag(.oc2) { check[$0] != nil && (ages[$0].map { $0 >= 5 } ?? false) }
        },
        SSDA903Rule("547", tables: [.oc2]) { $0.healthItemsMissing(whenCompleted: .healthCheck) },
        // A decision before this year was in last year's return.
        SSDA903Rule("559", tables: [.placedAdoption], lastYear: [.placedAdoption]) { context in
            let before = Set(context.lastYear(.placedAdoption).children.compactMap { $0 })
            let placed = context[.placedAdoption]
            let decided = placed.dates(.datePlaced), children = placed.children
            return context.flag(.placedAdoption) { row in
                guard let child = children[row], let decision = decided[row], decision < context.collectionStart else { return false }
                return !before.contains(child)
            }
        },
        // A changed decision date needs last year's decision to have ceased.
        SSDA903Rule("560", tables: [.placedAdoption], lastYear: [.placedAdoption]) { context in
            context.decisionsAgainstLastYear { sameDate, lastCeased in !sameDate && !lastCeased }
        },
        // The same decision date cannot continue a decision that ceased last year.
        SSDA903Rule("561", tables: [.placedAdoption], lastYear: [.placedAdoption]) { context in
            context.decisionsAgainstLastYear { sameDate, lastCeased in sameDate && lastCeased }
        },
        // An episode that began before the year continues one in last year's return.
        SSDA903Rule("562", tables: [.episodes], lastYear: [.episodes]) { context in
            let last = context.lastYear(.episodes)
            var lastStarts: [String: Set<LocalDate>] = [:]
            for (row, start) in last.dates(.decom).enumerated() {
                if let child = last.children[row], let start { lastStarts[child, default: []].insert(start) }
            }
            let episodes = context[.episodes]
            let began = episodes.dates(.decom), children = episodes.children
            return context.flag(.episodes) { row in
                guard let child = children[row], let start = began[row], start < context.collectionStart else { return false }
                return !(lastStarts[child]?.contains(start) ?? false)
            }
        },
        SSDA903Rule("563", tables: [.placedAdoption]) { $0.completed(.placedAdoption, .datePlacedCeased, without: .datePlaced) },
        SSDA903Rule("564", tables: [.missing]) { $0.completed(.missing, .missing, without: .misStart) },
        SSDA903Rule("565", tables: [.missing]) { $0.completed(.missing, .misStart, without: .missing) },
        SSDA903Rule("566", tables: [.missing]) { $0.completed(.missing, .misEnd, without: .missing) },
        SSDA903Rule("567", tables: [.missing]) { context in
            let missing = context[.missing]
            let start = missing.dates(.misStart), end = missing.dates(.misEnd)
            return context.flag(.missing) { row in
                guard let began = start[row], let ended = end[row] else { return false }
                return ended < began
            }
        },
        SSDA903Rule("570", tables: [.missing]) { context in
            let start = context[.missing].dates(.misStart)
            return context.flag(.missing) { start[$0].map { $0 > context.collectionEnd } ?? false }
        },
        SSDA903Rule("571", tables: [.missing]) { context in
            let end = context[.missing].dates(.misEnd)
            return context.flag(.missing) { end[$0].map { $0 < context.collectionStart || $0 > context.collectionEnd } ?? false }
        },
        SSDA903Rule("574", tables: [.missing]) { $0.overlappingPeriods(.missing, start: .misStart, end: .misEnd) },
        SSDA903Rule("586", tables: [.missing]) { context in
            let missing = context[.missing]
            let born = missing.dates(.dob), start = missing.dates(.misStart)
            return context.flag(.missing) { row in
                guard let birth = born[row], let began = start[row] else { return false }
                return began < birth
            }
        },
    ]
}

extension SSDA903Context {
    /// This year's decisions to place for adoption of children with one last year, flagged where `contradicts` holds
    /// for whether the dates are the same and whether last year's (latest) decision had ceased.
    func decisionsAgainstLastYear(_ contradicts: (_ sameDate: Bool, _ lastCeased: Bool) -> Bool) -> [SSDA903RowReference] {
        let last = lastYear(.placedAdoption)
        let lastDecided = last.dates(.datePlaced), lastCeased = last[.datePlacedCeased]
        var previous: [String: (date: LocalDate?, ceased: Bool)] = [:]
        for (row, child) in last.children.enumerated() {
            guard let child else { continue }
            if let seen = previous[child], let a = seen.date, let b = lastDecided[row], a > b { continue }
            previous[child] = (lastDecided[row], lastCeased[row] != nil)
        }
        let placed = self[.placedAdoption]
        let decided = placed.dates(.datePlaced), children = placed.children
        return flag(.placedAdoption) { row in
            guard let child = children[row], let decision = decided[row], let before = previous[child] else { return false }
            return contradicts(before.date == decision, before.ceased)
        }
    }

    /// For each row of `table`, whether the child's birthday of `age` falls after 31 March, so they are younger than
    /// `age` on 31 March (nil without a birth date).
    func birthdayAfterYearEnd(_ table: SSDA903TableKind, age: Int) -> [Bool?] {
        self[table].dates(.dob).map { $0.map { $0.adding(years: age) > collectionEnd } }
    }

    /// AD1 rows whose number, sex and legal status of adopters `contradict` one another.
    func adopters(_ contradict: (_ number: String?, _ sex: String?, _ status: String?) -> Bool) -> [SSDA903RowReference] {
        let ad1 = self[.ad1]
        let number = ad1[.nbAdoptr], sex = ad1[.sexAdoptr], status = ad1[.lsAdoptr]
        return flag(.ad1) { contradict(number[$0], sex[$0], status[$0]) }
    }

    /// Episodes where `provider` is recorded for a placement type it cannot provide.
    func provider(_ provider: String, cannotProvide places: Set<String>) -> [SSDA903RowReference] {
        let episodes = self[.episodes]
        let providers = episodes[.placeProvider], place = episodes[.place]
        return flag(.episodes) { providers[$0] == provider && places.contains(place[$0] ?? "") }
    }

    /// OC2 rows that complete `field` but leave blank one of the health items that must come with it.
    func healthItemsMissing(whenCompleted field: SSDA903Field) -> [SSDA903RowReference] {
        let oc2 = self[.oc2]
        let completed = oc2[field]
        let items = [SSDA903Field.immunisations, .teethCheck, .healthAssessment, .substanceMisuse].map { oc2[$0] }
        return flag(.oc2) { row in completed[row] != nil && items.contains { $0[row] == nil } }
    }

    /// Pairs of this year's first episode and last year's open episode (no end date) for the same child, flagging
    /// this year's episode where `differ` holds.
    func firstEpisodesAgainstLastYearsOpenEpisode(_ differ: (_ first: Int, _ open: Int) -> Bool) -> [SSDA903RowReference] {
        let last = lastYear(.episodes)
        let ended = last[.dec], began = last.dates(.decom)
        var open: [String: Int] = [:]
        for (row, child) in last.children.enumerated() where ended[row] == nil {
            guard let child else { continue }
            if let seen = open[child], let a = began[seen], let b = began[row], a >= b { continue }
            open[child] = row
        }
        return open.compactMap { child, openRow in
            guard let first = episodesByChild[child]?.first, differ(first, openRow) else { return nil }
            return SSDA903RowReference(.episodes, first)
        }
    }

    /// This year's first episodes whose `field` differs from last year's open episode, whether or not the start
    /// dates agree (502 reports those).
    func firstEpisodeDiffersFromLastYear(in field: SSDA903Field) -> [SSDA903RowReference] {
        let now = self[.episodes][field], before = lastYear(.episodes)[field]
        return firstEpisodesAgainstLastYearsOpenEpisode { first, open in now[first] != before[open] }
    }
}
