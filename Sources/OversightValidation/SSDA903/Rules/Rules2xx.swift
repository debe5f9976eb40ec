import OversightCore
import OversightInterchange

/// Codes 200–299: agreement with last year's return, UPN codes by age, and placement details.
extension SSDA903Rules {
    static let rules2xx: [SSDA903Rule] = [
        SSDA903Rule("202", tables: [.header], lastYear: [.header]) { $0.changedSinceLastYear(.sex) },
        SSDA903Rule("203", tables: [.header], lastYear: [.header]) { $0.changedSinceLastYear(.dob) },
        SSDA903Rule("204", tables: [.header], lastYear: [.header]) { $0.changedSinceLastYear(.ethnic) },
        // A child UASC in both years keeps the date their UASC status ceased: flag their header and UASC rows.
        SSDA903Rule("205B", tables: [.header, .uasc], lastYear: [.uasc]) { context in
            let last = context.lastYear(.uasc)
            var previous: [String: String?] = [:]
            for (row, child) in last.children.enumerated() { if let child { previous[child] = last[.duc][row] } }
            let uasc = context[.uasc]
            let ceased = uasc[.duc], children = uasc.children
            let changed = context.flag(.uasc) { row in
                guard let child = children[row], let before = previous[child] else { return false }
                return before != ceased[row]
            }
            let headers = changed.compactMap { children[$0.row].flatMap { context.headerRows[$0] } }.map { SSDA903RowReference(.header, $0) }
            return changed + headers
        },
        // A child UASC last year whose status had not ceased by last year's 31 March (no date, or a later one) was still
        // UASC when this year began, so cannot have dropped out of this year's UASC table: flag their header row.
        SSDA903Rule("205A", tables: [.header, .uasc], lastYear: [.header, .uasc]) { context in
            let now = context.asylumSeekingChildren(), before = context.asylumSeekingChildren(lastYear: true)
            let last = context.lastYear(.uasc)
            let lastCeased = last.dates(.duc)
            var ceased: [String: LocalDate?] = [:]
            for (row, child) in last.children.enumerated() { if let child, ceased[child] == nil { ceased[child] = lastCeased[row] } }
            let lastYearEnd = context.collectionStart.adding(days: -1)
            let children = context[.header].children
            return context.flag(.header) { row in
                guard let child = children[row], before.contains(child), !now.contains(child) else { return false }
                return (ceased[child] ?? nil).map { $0 > lastYearEnd } ?? true
            }
        },
        // A date UASC status ceased belongs to a child coded UASC this year or last: a UASC row naming no child of the
        // Header, who was not UASC last year either, carries a date for nobody. An impossible date is 104's finding.
        SSDA903Rule("205C", tables: [.header, .uasc], lastYear: [.header, .uasc]) { context in
            let before = context.asylumSeekingChildren(lastYear: true)
            let ceased = context[.uasc].dates(.duc), children = context[.uasc].children
            return context.uascRowsNamingNoChild().filter { reference in
                ceased[reference.row] != nil && !(children[reference.row].map(before.contains) ?? false)
            }
        },
        // A child in last year's return who is UASC now was UASC then too: status is not acquired in care.
        SSDA903Rule("205D", tables: [.header, .uasc], lastYear: [.header, .uasc]) { context in
            let lastChildren = Set(context.lastYear(.header).children.compactMap { $0 })
            let lastUASC = Set(context.lastYear(.uasc).children.compactMap { $0 })
            let uasc = Set(context[.uasc].children.compactMap { $0 })
            let children = context[.header].children
            return context.flag(.header) { row in
                guard let child = children[row] else { return false }
                return uasc.contains(child) && lastChildren.contains(child) && !lastUASC.contains(child)
            }
        },
        // Once a mother, always a mother: a 1 last year cannot become 0 or blank.
        SSDA903Rule("207", tables: [.header], lastYear: [.header]) { context in
            context.changedSinceLastYear(.mother) { last, _ in last == "1" }
        },
        // An unknown-UPN code last year may since have been replaced by the real number; a real number may not change,
        // and a code may not become another code or a blank.
        SSDA903Rule("208", tables: [.header], lastYear: [.header]) { context in
            let unknown: Set<String> = ["UN1", "UN2", "UN3", "UN4", "UN5"]
            return context.changedSinceLastYear(.upn) { last, now in !unknown.contains(last ?? "") || (now.map(unknown.contains) ?? true) }
        },
        // UN1 means "not of school age": a child who was 5 by 31 August before the year began is of school age.
        SSDA903Rule("209", tables: [.header]) { context in
            let header = context[.header]
            let upn = header[.upn]
            let ages = context.ages(.header, on: LocalDate(year: context.year - 1, month: 8, day: 31)!)
            return context.flag(.header) { row in upn[row] == "UN1" && (ages[row].map { $0 >= 5 } ?? false) }
        },
        // UN4 is "newly looked after, not yet known": a child looked after at 31 March whose spell in care began more
        // than seven days before should have their UPN by then. Flags the header row and the open episode.
        SSDA903Rule("210", tables: [.header, .episodes]) { context in
            let header = context[.header]
            let upn = header[.upn], children = header.children
            let episodes = context[.episodes]
            let began = episodes.dates(.decom), ended = episodes.dates(.dec), endText = episodes[.dec]
            var flagged: [SSDA903RowReference] = []
            for row in header.indices where upn[row] == "UN4" {
                guard let child = children[row], let rows = context.episodesByChild[child],
                    var index = rows.lastIndex(where: { endText[$0] == nil && (began[$0].map { $0 <= context.collectionEnd } ?? false) }),
                    var start = began[rows[index]]
                else { continue }
                let open = rows[index]
                // Episodes that end the day the next begins are one spell of care.
                while index > 0, ended[rows[index - 1]] == start, let earlier = began[rows[index - 1]] {
                    start = earlier
                    index -= 1
                }
                if start.days(to: context.collectionEnd) > 7 {
                    flagged += [SSDA903RowReference(.header, row), SSDA903RowReference(.episodes, open)]
                }
            }
            return flagged
        },
        SSDA903Rule("213", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let provider = episodes[.placeProvider], place = episodes[.place]
            let without = SSDA903Codes.placementsWithoutProvider(year: context.year)
            return context.flag(.episodes) { row in provider[row] != nil && (place[row].map(without.contains) ?? false) }
        },
        // Short breaks (V3, V4) record no placement postcode or URN.
        SSDA903Rule("214", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let ls = episodes[.ls], placed = episodes[.plPost], urn = episodes[.urn]
            return context.flag(.episodes) { row in ["V3", "V4"].contains(ls[row] ?? "") && (placed[row] != nil || urn[row] != nil) }
        },
        // A care leaver is not in the 12-month cohort: OC2 items for them contradict the OC3 row, so both are flagged.
        SSDA903Rule("215", tables: [.oc2, .oc3]) { context in
            let oc2 = context[.oc2]
            let items = SSDA903Rules.twelveMonthItems.map { oc2[$0] }
            let leavers = Set(context[.oc3].children.compactMap { $0 })
            let children = oc2.children
            let flagged = context.flag(.oc2) { row in (children[row].map(leavers.contains) ?? false) && items.contains { $0[row] != nil } }
            let contradicted = Set(flagged.compactMap { children[$0.row] })
            let oc3 = context[.oc3].children
            return flagged + context.flag(.oc3) { oc3[$0].map(contradicted.contains) ?? false }
        },
        // Placed for adoption with the current foster carer means the carer did not change: S, T or U only.
        SSDA903Rule("217", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], rne = episodes[.rne], decom = episodes.dates(.decom)
            let from = LocalDate(year: 2015, month: 4, day: 1)!
            return context.flag(.episodes) { row in
                guard let code = place[row], code == "A3" || code == "A5", let began = decom[row], began >= from else { return false }
                return !["S", "T", "U"].contains(rne[row] ?? "")
            }
        },
        // A placement Ofsted registers, open at some point in the year, needs its URN (or XXXXXXX). Not outside
        // England, where Ofsted registers no one (243 forbids a URN there): the catalogue marks it needs: .postcodes
        // for PL_LA, in both years. The placement types that take no URN differ by year.
        SSDA903Rule("218", years: 2025...2027, tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], urn = episodes[.urn], dec = episodes.dates(.dec)
            let without = SSDA903Codes.placementsWithoutURN(year: context.year)
            let authority = context.placements?.authority
            return context.flag(.episodes) { row in
                guard urn[row] == nil, let code = place[row], !without.contains(code) else { return false }
                if let placed = authority?[row], SSDA903Placement.outsideEngland.contains(placed) { return false }
                return dec[row].map { $0 >= context.collectionStart } ?? true
            }
        },
        SSDA903Rule("222", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], urn = episodes[.urn]
            let without = SSDA903Codes.placementsWithoutURN(year: context.year)
            return context.flag(.episodes) { row in
                guard let number = urn[row], number != "XXXXXXX", let code = place[row] else { return false }
                return without.contains(code)
            }
        },
        // A move to a new placement needs its reason on the episode that ended, unless either side is a temporary move.
        SSDA903Rule("225", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let rec = episodes[.rec], rne = episodes[.rne], place = episodes[.place], reason = episodes[.reasonPlaceChange]
            let temporary = SSDA903Codes.temporaryPlacements
            return context.episodesByChild.values.flatMap { rows in
                zip(rows, rows.dropFirst()).compactMap { this, next -> SSDA903RowReference? in
                    guard rec[this] == "X1", ["P", "B", "T", "U"].contains(rne[next] ?? ""), reason[this] == nil,
                        !temporary.contains(place[this] ?? ""), !temporary.contains(place[next] ?? "")
                    else { return nil }
                    return SSDA903RowReference(.episodes, this)
                }
            }
        },
        SSDA903Rule("226", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], reason = episodes[.reasonPlaceChange]
            return context.flag(.episodes) { row in reason[row] != nil && SSDA903Codes.temporaryPlacements.contains(place[row] ?? "") }
        },
        // UASC children are expected to be older: the DfE's condition is a birth more than 11 years before 31 March.
        SSDA903Rule("231", tables: [.header, .uasc]) { context in
            let asylumSeekers = context.asylumSeekingChildren()
            let header = context[.header]
            let born = header.dates(.dob), children = header.children
            return context.flag(.header) { row in
                guard let child = children[row], asylumSeekers.contains(child), let birth = born[row] else { return false }
                return birth.adding(years: 11) >= context.collectionEnd
            }
        },
        SSDA903Rule("232", tables: [.header]) { context in
            let sex = context[.header][.sex]
            return context.flag(.header) { sex[$0] == "U" }
        },
        SSDA903Rule("233", years: 2026...2027, tables: [.episodes]) { $0.completed(.episodes, .reasonPlaceChange, without: .dec) },
        // Admission to custody (CUSTOD) is a move at the end of the episode, so the age that counts is on its end date;
        // for an episode still open, the child's age on 31 March. Flags the episode and the header row.
        SSDA903Rule("234", years: 2026...2027, tables: [.header, .episodes]) { context in
            let episodes = context[.episodes]
            let reason = episodes[.reasonPlaceChange], children = episodes.children
            let moved = context.lastDaysInCare()
            let born = context.birthDates
            let flagged = context.flag(.episodes) { row in
                guard reason[row] == "CUSTOD", let child = children[row], let birth = born[child], let date = moved[row] else { return false }
                return birth.age(on: date) < 10
            }
            return flagged + context.rows(of: .header, for: Set(flagged.compactMap { children[$0.row] }))
        },
        // A regional adoption agency has no URN of its own; it places children for adoption (A3–A6) and with foster
        // carers, for fostering for adoption and concurrent planning (U1–U6), so XXXXXXX is for those placements only.
        SSDA903Rule("242", years: 2026...2027, tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let urn = episodes[.urn], place = episodes[.place]
            let agencyPlacements = SSDA903Context.placementsForAdoption.union(["U1", "U2", "U3", "U4", "U5", "U6"])
            return context.flag(.episodes) { row in urn[row] == "XXXXXXX" && !agencyPlacements.contains(place[row] ?? "") }
        },
    ]
}
