import OversightCore
import OversightInterchange

/// The adoption rules across tables (331–336, 521–525, 551–584, 601–602): the decision that a child should be
/// placed for adoption (PlacedAdoption, AD1's DATE_INT), matching, placement (A3–A6 episodes) and adoption
/// (episodes ending E11 or E12).
extension SSDA903Rules {
    static let rulesAdoption: [SSDA903Rule] = [
        // Matching comes before the placement for adoption (the first A3–A6 episode); both rows are flagged.
        SSDA903Rule("331", tables: [.ad1, .episodes]) { context in
            let placed = context.placedForAdoption()
            let matched = context[.ad1].dates(.dateMatch), children = context[.ad1].children
            return context[.ad1].indices.flatMap { row -> [SSDA903RowReference] in
                guard let child = children[row], let match = matched[row], let placement = placed[child], match > placement.date else { return [] }
                return [SSDA903RowReference(.ad1, row), SSDA903RowReference(.episodes, placement.row)]
            }
        },
        // The decision comes after the latest period of care began (its S episode); both rows are flagged.
        SSDA903Rule("334", tables: [.ad1, .episodes]) { context in
            let periodStart = context.latestPeriodStart()
            let decided = context[.ad1].dates(.dateInt), children = context[.ad1].children
            return context[.ad1].indices.flatMap { row -> [SSDA903RowReference] in
                guard let child = children[row], let decision = decided[row], let start = periodStart[child], start.date > decision else { return [] }
                return [SSDA903RowReference(.ad1, row), SSDA903RowReference(.episodes, start.row)]
            }
        },
        // A3 and A5 are adoption by the current foster carer; A4 and A6 by someone else.
        SSDA903Rule("335", tables: [.ad1, .episodes]) { context in
            let adopted = context.adoptionEpisodes()
            let place = context[.episodes][.place]
            let ad1 = context[.ad1]
            let foster = ad1[.fosterCare], children = ad1.children
            var flagged: [SSDA903RowReference] = []
            for row in ad1.indices {
                guard let child = children[row], let episode = adopted[child], let code = place[episode] else { continue }
                let contradicts = (foster[row] == "0" && ["A3", "A5"].contains(code)) || (foster[row] == "1" && ["A4", "A6"].contains(code))
                if contradicts { flagged += [SSDA903RowReference(.ad1, row), SSDA903RowReference(.episodes, episode)] }
            }
            return flagged
        },
        // Adoption by the current foster carer (A3/A5) follows a foster placement (U1–U6).
        SSDA903Rule("336", tables: [.episodes]) { context in
            let place = context[.episodes][.place]
            let fostered: Set<String> = ["U1", "U2", "U3", "U4", "U5", "U6"]
            return context.consecutiveEpisodes { previous, next in
                ["A3", "A5"].contains(place[next] ?? "") && !fostered.contains(place[previous] ?? "")
                    && !["A3", "A5"].contains(place[previous] ?? "") ? [next] : []
            }
        },
        SSDA903Rule("521", tables: [.ad1, .episodes]) { context in
            let placed = context.placedForAdoption()
            let decided = context[.ad1].dates(.dateInt), children = context[.ad1].children
            return context.flag(.ad1) { row in
                guard let child = children[row], let decision = decided[row], let placement = placed[child] else { return false }
                return decision > placement.date
            }
        },
        SSDA903Rule("523", tables: [.ad1, .placedAdoption]) { context in
            let ad1 = context[.ad1]
            let bestInterests = ad1.dates(.dateInt)
            var decisions: [String: LocalDate] = [:]
            for (row, child) in ad1.children.enumerated() { if let child, let date = bestInterests[row] { decisions[child] = date } }
            let placed = context[.placedAdoption]
            let decided = placed.dates(.datePlaced), children = placed.children
            let flagged = context.flag(.placedAdoption) { row in
                guard let child = children[row], let decision = decided[row], let best = decisions[child] else { return false }
                return decision != best
            }
            let contradicted = Set(flagged.compactMap { children[$0.row] })
            return flagged + context.rows(of: .ad1, for: contradicted)
        },
        // A reversed decision (a date it ceased) and an adoption (an AD1 row) in one year: both rows are flagged.
        SSDA903Rule("525", tables: [.placedAdoption, .ad1]) { context in
            let adopted = Set(context[.ad1].children.compactMap { $0 })
            let placed = context[.placedAdoption]
            let ceased = placed[.datePlacedCeased], children = placed.children
            let flagged = context.flag(.placedAdoption) { ceased[$0] != nil && (children[$0].map(adopted.contains) ?? false) }
            return flagged + context.rows(of: .ad1, for: Set(flagged.compactMap { children[$0.row] }))
        },
        SSDA903Rule("551", tables: [.episodes, .placedAdoption]) { context in
            let decided = context.childrenWithDecisionToPlace()
            let place = context[.episodes][.place]
            return context.episodesByChild.flatMap { child, rows -> [SSDA903RowReference] in
                guard !decided.contains(child) else { return [] }
                return rows.filter { ["A3", "A4", "A5", "A6"].contains(place[$0] ?? "") }.map { SSDA903RowReference(.episodes, $0) }
            }
        },
        // The decision comes before the placement for adoption; the decision and the placement are flagged.
        SSDA903Rule("552", tables: [.episodes, .placedAdoption]) { context in
            let placed = context.placedForAdoption()
            return context.decisionsAfter(placed.mapValues { ($0.row, $0.date) })
        },
        // A placement order (E1) needs a decision that the child should be placed for adoption.
        SSDA903Rule("553", tables: [.episodes, .placedAdoption]) { context in
            let decided = context.childrenWithDecisionToPlace()
            let ls = context[.episodes][.ls]
            return context.episodesByChild.flatMap { child, rows -> [SSDA903RowReference] in
                guard !decided.contains(child) else { return [] }
                return rows.filter { ls[$0] == "E1" }.map { SSDA903RowReference(.episodes, $0) }
            }
        },
        // The decision comes before the placement order (the first E1 episode); both rows are flagged.
        SSDA903Rule("554", tables: [.episodes, .placedAdoption]) { context in
            let episodes = context[.episodes]
            let ls = episodes[.ls], began = episodes.dates(.decom)
            var order: [String: (row: Int, date: LocalDate)] = [:]
            for (child, rows) in context.episodesByChild {
                if let first = rows.first(where: { ls[$0] == "E1" && began[$0] != nil }) { order[child] = (first, began[first]!) }
            }
            return context.decisionsAfter(order)
        },
        // A child under a placement order (E1) who left care other than by adoption has the decision reversed: the
        // episode that ended care and the open decision are flagged.
        SSDA903Rule("557", tables: [.episodes, .placedAdoption]) { context in
            let episodes = context[.episodes]
            let rec = episodes[.rec], ls = episodes[.ls]
            var left: [String: Int] = [:]
            for (child, rows) in context.episodesByChild where !child.isEmpty {
                guard let last = rows.last, let reason = rec[last], !["X1", "E11", "E12"].contains(reason), ls[last] == "E1" else { continue }
                left[child] = last
            }
            let placed = context[.placedAdoption]
            let ceased = placed[.datePlacedCeased], decided = placed[.datePlaced], children = placed.children
            let flagged = context.flag(.placedAdoption) { row in
                decided[row] != nil && ceased[row] == nil && (children[row].map { left[$0] != nil } ?? false)
            }
            return flagged + flagged.compactMap { children[$0.row].flatMap { left[$0] } }.map { SSDA903RowReference(.episodes, $0) }
        },
        // An adopted child's decision to place was not reversed: a date it ceased flags that row and the adoption episode.
        SSDA903Rule("558", tables: [.episodes, .placedAdoption]) { context in
            let adopted = context.adoptionEpisodes()
            let placed = context[.placedAdoption]
            let ceased = placed[.datePlacedCeased], children = placed.children
            let flagged = context.flag(.placedAdoption) { row in ceased[row] != nil && (children[row].map { adopted[$0] != nil } ?? false) }
            return flagged + Set(flagged.compactMap { children[$0.row].flatMap { adopted[$0] } }).map { SSDA903RowReference(.episodes, $0) }
        },
        SSDA903Rule("575", tables: [.episodes, .missing]) { context in
            let missing = context[.missing]
            let end = missing[.misEnd], children = missing.children
            return context.flag(.missing) { row in end[row] == nil && (children[row].map { context.episodesByChild[$0] != nil } ?? false) }
        },
        // A period still open at the end of last year carries on into this year's return with the same start. The
        // child's rows this year are flagged, or their header row when this year records no period at all.
        SSDA903Rule("576", tables: [.missing], lastYear: [.missing]) { context in
            let last = context.lastYear(.missing)
            let lastStarts = last.dates(.misStart), lastEnds = last[.misEnd]
            var open: [String: Set<LocalDate>] = [:]
            for (row, child) in last.children.enumerated() {
                if let child, let start = lastStarts[row], lastEnds[row] == nil { open[child, default: []].insert(start) }
            }
            let missing = context[.missing]
            let starts = missing.dates(.misStart)
            var recorded: [String: (rows: [Int], starts: Set<LocalDate>)] = [:]
            for (row, child) in missing.children.enumerated() {
                guard let child else { continue }
                recorded[child, default: ([], [])].rows.append(row)
                if let start = starts[row] { recorded[child]!.starts.insert(start) }
            }
            return open.flatMap { child, periods -> [SSDA903RowReference] in
                guard let now = recorded[child] else {
                    return context.headerRows[child].map { [SSDA903RowReference(.header, $0)] } ?? []
                }
                return periods.isSubset(of: now.starts) ? [] : now.rows.map { SSDA903RowReference(.missing, $0) }
            }
        },
        // A missing period still open, or not within one of the child's episodes, means it outlasted care.
        SSDA903Rule("577", tables: [.episodes, .missing]) { context in
            context.missingOutsideCare(start: true, end: true)
        },
        SSDA903Rule("578", tables: [.episodes, .missing]) { context in
            context.missingOutsideCare(start: true, end: false)
        },
        SSDA903Rule("581", tables: [.episodes, .missing]) { context in
            context.missingOutsideCare(start: true, end: false)
        },
        // Care ended (a reason other than X1) while a missing period was open on that day, started by then and ending
        // after it or not at all: the reason should be E8. The episode and the missing period are flagged.
        SSDA903Rule("580", tables: [.episodes, .missing]) { context in
            let episodes = context[.episodes]
            let rec = episodes[.rec], ended = episodes.dates(.dec)
            let missing = context[.missing]
            let start = missing.dates(.misStart), end = missing.dates(.misEnd), endText = missing[.misEnd]
            var spells: [String: [Int]] = [:]
            for (row, child) in missing.children.enumerated() { if let child { spells[child, default: []].append(row) } }
            var flagged: [SSDA903RowReference] = []
            for (child, rows) in context.episodesByChild where !child.isEmpty {
                for row in rows {
                    guard let reason = rec[row], !["X1", "E8"].contains(reason), let left = ended[row] else { continue }
                    let away = (spells[child] ?? []).filter { spell in
                        guard let went = start[spell], went <= left else { return false }
                        return endText[spell] == nil || (end[spell].map { $0 > left } ?? false)
                    }
                    if !away.isEmpty { flagged += [SSDA903RowReference(.episodes, row)] + away.map { SSDA903RowReference(.missing, $0) } }
                }
            }
            return flagged
        },
        // Adoption on the day of matching is unusual; the adoption episode is flagged.
        SSDA903Rule("582", tables: [.ad1, .episodes]) { context in
            let adopted = context.adoptionEpisodes()
            let ended = context[.episodes].dates(.dec)
            let ad1 = context[.ad1]
            let matched = ad1.dates(.dateMatch), children = ad1.children
            return ad1.indices.compactMap { row in
                guard let child = children[row], let match = matched[row], let episode = adopted[child], ended[episode] == match else { return nil }
                return SSDA903RowReference(.episodes, episode)
            }
        },
        SSDA903Rule("579", tables: [.placedAdoption]) { $0.overlappingPeriods(.placedAdoption, start: .datePlaced, end: .datePlacedCeased) },
        // Only the latest decision may still be open; an earlier one without a date it ceased is flagged.
        SSDA903Rule("583", tables: [.placedAdoption]) { context in
            let ceased = context[.placedAdoption][.datePlacedCeased]
            return context.rowsByChild(.placedAdoption, orderedBy: .datePlaced).flatMap { rows in
                rows.dropLast().filter { ceased[$0] == nil }.map { SSDA903RowReference(.placedAdoption, $0) }
            }
        },
        // A decision still open at the end of last year that is reversed this year keeps last year's date: a
        // reversal (a date it ceased) with another date, when no row carries last year's, is flagged.
        SSDA903Rule("584", tables: [.placedAdoption], lastYear: [.placedAdoption]) { context in
            let last = context.lastYear(.placedAdoption)
            let lastDecided = last.dates(.datePlaced), lastCeased = last[.datePlacedCeased]
            var open: [String: LocalDate] = [:]
            for (row, child) in last.children.enumerated() {
                guard let child, let decision = lastDecided[row], lastCeased[row] == nil else { continue }
                open[child] = max(open[child] ?? decision, decision)
            }
            let placed = context[.placedAdoption]
            let decided = placed.dates(.datePlaced), ceased = placed[.datePlacedCeased], children = placed.children
            var carried = Set<String>()
            for (row, child) in children.enumerated() {
                if let child, let decision = decided[row], open[child] == decision { carried.insert(child) }
            }
            return context.flag(.placedAdoption) { row in
                guard let child = children[row], let before = open[child], !carried.contains(child), ceased[row] != nil,
                    let decision = decided[row]
                else { return false }
                return decision != before
            }
        },
        // A child adopted in the year has a complete AD1 row; the adoption episode (and an incomplete row) are flagged.
        SSDA903Rule("601", tables: [.ad1, .episodes]) { context in
            let ad1 = context[.ad1]
            let fields = SSDA903TableKind.ad1.fields.map { ad1[$0] }
            var complete: [String: Bool] = [:]
            for (row, child) in ad1.children.enumerated() {
                if let child { complete[child] = (complete[child] ?? true) && fields.allSatisfy { $0[row] != nil } }
            }
            let adopted = context.adoptionEpisodes(inYear: true)
            let failing = Set(adopted.keys.filter { complete[$0] != true })
            return adopted.filter { failing.contains($0.key) }.map { SSDA903RowReference(.episodes, $0.value) }
                + context.rows(of: .ad1, for: failing)
        },
        SSDA903Rule("602", tables: [.ad1, .episodes]) { context in
            let adopted = Set(context.adoptionEpisodes(inYear: true).keys)
            let children = context[.ad1].children
            return context.flag(.ad1) { !(children[$0].map(adopted.contains) ?? false) }
        },
    ]
}

extension SSDA903Context {
    static let placementsForAdoption: Set<String> = ["A3", "A4", "A5", "A6"]

    /// Each child's first placement for adoption (A3–A6): its episode row and start date.
    func placedForAdoption() -> [String: (row: Int, date: LocalDate)] {
        let episodes = self[.episodes]
        let place = episodes[.place], began = episodes.dates(.decom)
        var placed: [String: (row: Int, date: LocalDate)] = [:]
        for (child, rows) in episodesByChild {
            if let row = rows.first(where: { Self.placementsForAdoption.contains(place[$0] ?? "") && began[$0] != nil }) {
                placed[child] = (row, began[row]!)
            }
        }
        return placed
    }

    /// Missing rows of children with episodes whose start (and, with `end`, whose end, an open end failing) does not
    /// fall within one of the child's episodes (an open episode runs on).
    func missingOutsideCare(start checkStart: Bool, end checkEnd: Bool) -> [SSDA903RowReference] {
        let episodes = self[.episodes]
        let began = episodes.dates(.decom), ended = episodes.dates(.dec)
        let missing = self[.missing]
        let start = missing.dates(.misStart), end = missing.dates(.misEnd), endText = missing[.misEnd], children = missing.children
        return flag(.missing) { row in
            guard let child = children[row], let rows = episodesByChild[child], let went = start[row] else { return false }
            if checkEnd && endText[row] == nil { return true }
            // With no episode starting on a real date (141) the child's time in care is unknown.
            guard rows.contains(where: { began[$0] != nil }) else { return false }
            // The start and the end each fall within an episode; a spell across an X1 change is still within care.
            func inCare(_ date: LocalDate) -> Bool {
                rows.contains { episode in
                    guard let from = began[episode] else { return false }
                    return from <= date && (ended[episode].map { date <= $0 } ?? true)
                }
            }
            guard inCare(went) else { return true }
            return checkEnd && end[row].map { !inCare($0) } ?? false
        }
    }

    /// PlacedAdoption decisions made after the child's episode in `events` (row and date), with that episode.
    func decisionsAfter(_ events: [String: (row: Int, date: LocalDate)]) -> [SSDA903RowReference] {
        let placed = self[.placedAdoption]
        let decided = placed.dates(.datePlaced), children = placed.children
        return placed.indices.flatMap { row -> [SSDA903RowReference] in
            guard let child = children[row], let decision = decided[row], let event = events[child], decision > event.date else { return [] }
            return [SSDA903RowReference(.placedAdoption, row), SSDA903RowReference(.episodes, event.row)]
        }
    }

    /// Each child's latest episode ending in adoption (E11 or E12); with `inYear`, only one ending in the collection year.
    func adoptionEpisodes(inYear: Bool = false) -> [String: Int] {
        let episodes = self[.episodes]
        let rec = episodes[.rec], ended = episodes.dates(.dec)
        var adopted: [String: Int] = [:]
        for (child, rows) in episodesByChild where !child.isEmpty {
            let match = rows.last { row in
                guard ["E11", "E12"].contains(rec[row] ?? "") else { return false }
                guard inYear else { return true }
                // An adoption reason without an end date still records an adoption (148 reports the date).
                return ended[row].map { $0 >= collectionStart && $0 <= collectionEnd } ?? true
            }
            if let match { adopted[child] = match }
        }
        return adopted
    }

    /// When each child's latest period of care began: its S episode and start date.
    func latestPeriodStart() -> [String: (row: Int, date: LocalDate)] {
        let episodes = self[.episodes]
        let rne = episodes[.rne], began = episodes.dates(.decom)
        var starts: [String: (row: Int, date: LocalDate)] = [:]
        for (child, rows) in episodesByChild {
            if let row = rows.last(where: { rne[$0] == "S" && began[$0] != nil }) { starts[child] = (row, began[row]!) }
        }
        return starts
    }

    /// Children with a decision that they should be placed for adoption (a PlacedAdoption date).
    func childrenWithDecisionToPlace() -> Set<String> {
        let placed = self[.placedAdoption]
        let decided = placed[.datePlaced]
        return Set(placed.children.enumerated().compactMap { row, child in decided[row] != nil ? child : nil })
    }

    /// The day each child who has left care stopped being looked after (their last episode's end).
    func dateLeftCare() -> [String: LocalDate] {
        let episodes = self[.episodes]
        let rec = episodes[.rec], ended = episodes.dates(.dec)
        var left: [String: LocalDate] = [:]
        for (child, rows) in episodesByChild where !child.isEmpty {
            if let last = rows.last, let code = rec[last], code != "X1", let end = ended[last] { left[child] = end }
        }
        return left
    }
}
