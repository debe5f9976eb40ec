import OversightCore
import OversightInterchange

/// Writes a synthetic SSDA903 return: every table for one collection year, children drawn one by one from
/// their own random stream, so the same options give the same files.
///
/// The recipe follows `statutory-returns.md` §7: periods of care starting up to four years before the year,
/// episodes cut by legal-status and placement changes, about 30% leaving in the year, reviews, missing
/// episodes, UASC, OC2 for the 12-month cohort, adoptions with AD1 and PlacedAdoption, previous permanence
/// for starters, social-worker episodes, and a care-leaver cohort with OC3 only. With `dirt`, about one
/// child in twelve gets one mistake councils make (a retired code, a half-recorded ending, an impossible
/// date), so a validator has something to find.
public struct SSDA903Generator: Sendable {
    public var year: Int
    /// Looked-after children; the care-leaver cohort adds a tenth more.
    public var children: Int
    public var seed: UInt64
    public var dirt: Bool
    public var localAuthority: Int

    public init(year: Int, children: Int, seed: UInt64 = 1, dirt: Bool = false, localAuthority: Int = 825) {
        self.year = year
        self.children = children
        self.seed = seed
        self.dirt = dirt
        self.localAuthority = localAuthority
    }

    private final class Rows {
        var tables: [SSDA903TableKind: [[String?]]] = [:]
        func add(_ kind: SSDA903TableKind, _ row: [String?]) { tables[kind, default: []].append(row) }
    }

    /// The return, every table present (empty ones included, as a real upload would have them).
    public func generate() -> SSDA903Return {
        let rows = Rows()
        let start = LocalDate(year: year - 1, month: 4, day: 1)!
        let end = LocalDate(year: year, month: 3, day: 31)!
        for index in 0..<children {
            var random = SeededGenerator(seed: seed, stream: 0x903_0000_0000 + UInt64(index), purpose: .journey)
            lookedAfterChild(index, start: start, end: end, random: &random, into: rows)
        }
        for index in 0..<(children / 10) {
            var random = SeededGenerator(seed: seed, stream: 0x903_1000_0000 + UInt64(index), purpose: .journey)
            careLeaver(children + index, end: end, random: &random, into: rows)
        }
        if dirt {
            var random = SeededGenerator(seed: seed, stream: 0x903_2000_0000, purpose: .dirt)
            dirty(rows, random: &random)
            // A second stream, so the field mistakes above stay as they were when these were added.
            var more = SeededGenerator(seed: seed, stream: 0x903_2000_0001, purpose: .dirt)
            misrecord(rows, end: end, random: &more)
            var postcodes = SeededGenerator(seed: seed, stream: 0x903_3000_0000, purpose: .dirt)
            dirtyPostcodes(rows, random: &postcodes)
        }
        var tables: [SSDA903TableKind: SSDA903Table] = [:]
        for kind in SSDA903TableKind.allCases where kind != .deprivationOfLiberty {
            tables[kind] = SSDA903Table(kind: kind, rows: rows.tables[kind] ?? [])
        }
        return SSDA903Return(tables: tables)
    }

    private static let ethnicities = ["WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MOTH", "APKN", "BAFR", "BCRB", "AOTH", "OOTH"]

    /// Motherhood is asked of every girl looked after in the year (393, 607) and of no care leaver who was not (628).
    private func header(_ child: String, sex: String, born: LocalDate, lookedAfter: Bool, random: inout SeededGenerator) -> [String?] {
        let upn: String? =
            random.chance(0.85) ? UniquePupilNumber.make(localAuthority: localAuthority, rng: &random, birthYear: born.year) : "UN3"
        let mother: String? = sex == "F" && lookedAfter ? "0" : nil
        return [child, sex, born.ukString, random.element(of: Self.ethnicities), upn, mother, nil]
    }

    private func lookedAfterChild(_ index: Int, start: LocalDate, end: LocalDate, random: inout SeededGenerator, into rows: Rows) {
        let child = String(100_000 + index)
        // Postcodes come from their own stream, so choosing them leaves every other field as it was.
        var addresses = SeededGenerator(seed: seed, stream: 0x903_4000_0000 + UInt64(index), purpose: .journey)
        let home = addresses.element(of: Self.homePostcodes)
        var placedAt = home
        let sex = random.chance(0.55) ? "M" : "F"
        let born = end.adding(days: -random.int(in: 30...(17 * 365 + 300)))
        let dob = born.ukString
        // The period starts up to four years before the year, never before birth, and before 31 March.
        let earliest = max(born, start.adding(years: -4))
        let periodStart = earliest.adding(days: random.int(in: 0...max(0, earliest.days(to: end) - 1)))
        let ageAtEnd = born.age(on: end)
        let leaves = random.chance(0.3) || born.adding(years: 18) <= end
        var periodEnd: LocalDate? = nil
        if leaves {
            let latest = min(end, born.adding(years: 18))
            let from = max(start, periodStart.adding(days: 1))
            if from <= latest { periodEnd = from.adding(days: random.int(in: 0...max(0, from.days(to: latest)))) }
        }
        let wantsAdoption = periodEnd != nil && ageAtEnd < 8 && random.chance(0.25)
        // An unaccompanied asylum-seeking child has no home in England: the home postcode is left blank, so no
        // placement distance is derived (406) and 392b does not ask for one.
        let asylumSeeker = random.chance(0.05) && ageAtEnd >= 14
        rows.add(.header, header(child, sex: sex, born: born, lookedAfter: true, random: &random))

        // Cut the period into episodes.
        let stop = periodEnd ?? end
        var cuts: [LocalDate] = [periodStart]
        let changes = random.int(in: 0...3)
        for _ in 0..<changes {
            let span = cuts.last!.days(to: stop)
            guard span > 20 else { break }
            cuts.append(cuts.last!.adding(days: random.int(in: 10...(span - 5))))
        }
        // A5 is placement with the current foster carer (336), so an adoption needs a foster episode before it.
        let adopted = wantsAdoption && cuts.count >= 2
        let fosterPlaces = ["U4", "U6", "U1", "U3"]
        let cin = random.element(of: ["N1", "N1", "N1", "N2", "N4", "N5", "N6", "N8"])
        var legalStatus = random.element(of: ["C1", "C2", "V2", "C2"])
        // Supported accommodation is for those already 16 when the episode starts (371).
        let independent = year <= 2025 ? "H5" : "K3"
        var place =
            born.age(on: periodStart) >= 16 && random.chance(0.3)
            ? independent : random.element(of: adopted ? fosterPlaces : ["U4", "U6", "U6", "U1", "U3", "K2"])
        var urn = Self.urn(for: place, random: &random)
        var episodes: [[String?]] = []
        for (n, decom) in cuts.enumerated() {
            var rne = "S"
            if n > 0 {
                rne = random.element(of: ["L", "P", "P", "T", "U", "B"])
                // E1 (placement order) is kept for adoptions, which come with a decision to place (553, 554).
                if rne == "L" || rne == "U" || rne == "B" { legalStatus = legalStatus == "C2" ? "C1" : "C2" }
                if rne != "L" {
                    place = born.age(on: decom) >= 16 ? independent : random.element(of: adopted ? fosterPlaces : ["U4", "U6", "U1", "K2"])
                    urn = Self.urn(for: place, random: &random)
                }
            }
            if n == 0 || rne != "L" { placedAt = Self.placementPostcode(awayFrom: home, random: &addresses) }
            let isLast = n == cuts.count - 1
            if isLast && adopted {
                // Placed for adoption with the current foster carer: the carer does not change.
                place = "A5"
                legalStatus = "E1"
                if n > 0 { rne = "U" }
            }
            let provider: String? = place.hasPrefix("K") || place == "H5" ? "PR4" : "PR1"
            let dec: LocalDate? = isLast ? periodEnd : cuts[n + 1]
            var rec: String? = nil
            if let dec, dec == periodEnd, isLast {
                rec = adopted ? random.element(of: ["E11", "E12"]) : born.adding(years: 18) <= dec ? "E17" : leaving(from: place, random: &random)
            } else if dec != nil {
                rec = "X1"
            }
            // From 2025/26 a placement outside England, where Ofsted registers no one, has no URN (243).
            let reported = year >= 2026 && Self.outsideEngland.contains(placedAt) ? nil : urn
            episodes.append([child, decom.ukString, rne, legalStatus, cin, place, provider, dec?.ukString, rec, nil, home, placedAt, reported])
        }
        // A reason for a placement change goes on the episode that ended with one.
        for n in episodes.indices.dropLast() where ["P", "T", "B", "U"].contains(episodes[n + 1][2]!) {
            episodes[n][9] = random.element(of: ["CARPL", "CHILD", "CREQB", "LAREQ"])
        }
        let firstEpisode = rows.tables[.episodes]?.count ?? 0
        for episode in episodes {
            guard let ended = episode[7].flatMap(SSDA903Date.parse), ended < start else {
                rows.add(.episodes, episode)
                continue
            }
        }

        // Reviews: 20 working days after entry, then every six months.
        var review = periodStart.adding(days: 20)
        while review <= stop {
            if review >= start { rows.add(.reviews, [child, dob, review.ukString, born.age(on: review) < 4 ? "PN0" : random.element(of: ["PN1", "PN2", "PN5"])]) }
            review = review.adding(months: 6)
        }
        let inYearFrom = max(periodStart, start)
        if random.chance(0.12), inYearFrom.days(to: stop) > 10, ageAtEnd >= 10 {
            let missing = inYearFrom.adding(days: random.int(in: 1...(inYearFrom.days(to: stop) - 5)))
            rows.add(.missing, [child, dob, random.chance(0.7) ? "M" : "A", missing.ukString, missing.adding(days: 2).ukString])
        }
        if asylumSeeker {
            rows.add(.uasc, [child, sex, dob, born.adding(years: 18).ukString])
            // An unaccompanied child has no home here, so no home postcode and no distance (406).
            for row in firstEpisode..<(rows.tables[.episodes]?.count ?? 0) { rows.tables[.episodes]![row][10] = nil }
        }
        // OC2: looked after continuously for the 12 months to 31 March.
        if periodStart <= start && periodEnd.map({ $0 >= end }) ?? true {
            let age = born.age(on: end), ageAtStart = born.age(on: start)
            // A score for those 4–16 all year; "under 4 or over 16" (SDQ1) for those who turn 4 or 17 in it.
            let score = ageAtStart >= 4 && age <= 16 ? String(random.int(in: 0...30)) : nil
            let reason = (ageAtStart < 4 && age >= 4) || (ageAtStart < 17 && age >= 17) ? "SDQ1" : nil
            rows.add(.oc2, [child, dob, score, reason, age >= 10 ? "0" : nil, age < 5 ? "1" : nil, "1", "1", "1", "0", nil, nil])
        }
        if periodStart >= start {
            rows.add(.previousPermanence, [child, dob, "Z1", nil, nil])
        }
        if adopted, let periodEnd, let placed = SSDA903Date.parse(episodes.last![1]!) {
            let decision = max(periodStart, placed.adding(days: -60))
            let matched = max(decision, placed.adding(days: -10))
            // Adopted by the foster carers (A5, 335): a married couple, as two adopters and MF say (514, 520).
            rows.add(.ad1, [child, dob, decision.ukString, matched.ukString, "1", "2", "MF", "L11"])
            rows.add(.placedAdoption, [child, dob, decision.ukString, nil, nil])
            _ = periodEnd
        }
        // Social work is reported for the whole year, before the child came into care too (SW12STG2).
        rows.add(.socialWorkerEpisodes, [child, dob, "SW\(random.int(in: 100_000...999_999))", max(born, start).ukString, nil, "FCONTA"])
    }

    /// Ofsted's unique reference number: SC-prefixed for a children's home, seven digits otherwise (supported
    /// accommodation, K3, is on the social care providers list, as its newer registrations are).
    private static func urn(for place: String, random: inout SeededGenerator) -> String {
        place == "K1" || place == "K2" ? "SC\(random.int(in: 100_000...999_999))" : String(random.int(in: 1_000_000...9_999_999))
    }

    /// Special guardianship to a former foster carer (E45) needs a foster placement to leave from (516).
    private func leaving(from place: String, random: inout SeededGenerator) -> String {
        let reason = random.element(of: ["E4A", "E8", "E13", "E41", "E45"])
        return reason == "E45" && !place.hasPrefix("U") ? "E8" : reason
    }

    private func careLeaver(_ index: Int, end: LocalDate, random: inout SeededGenerator, into rows: Rows) {
        let child = String(100_000 + index)
        let sex = random.chance(0.55) ? "M" : "F"
        let age = random.element(of: [17, 18, 19, 20, 21])
        let born = end.adding(years: -age).adding(days: -random.int(in: 1...360))
        rows.add(.header, header(child, sex: sex, born: born, lookedAfter: false, random: &random))
        rows.add(.oc3, [child, born.ukString, "YES", random.element(of: ["F2", "F5", "G5", "P5"]), random.element(of: ["D1", "U1", "B1", "E1"])])
    }

    /// Mistakes that take more than one field or table, each for about one child in a hundred: UN4 ("newly looked
    /// after") left on a long-stayer; a short break (V4) recording its placement postcode; admission to custody
    /// (CUSTOD) given as the reason an episode ended, or one still open; XXXXXXX, the regional adoption agency URN, on
    /// any placement; a young child put in the UASC table; a UASC row for a child the Header does not hold; a
    /// 17-year-old in care given a birth date a year early in the Header, so looked after past 18.
    private func misrecord(_ rows: Rows, end: LocalDate, random: inout SeededGenerator) {
        let count = max(1, children / 100)
        func change(_ kind: SSDA903TableKind, column: Int, to value: String) {
            guard var table = rows.tables[kind], !table.isEmpty else { return }
            for _ in 0..<count { table[random.index(below: table.count)][column] = value }
            rows.tables[kind] = table
        }
        change(.header, column: 4, to: "UN4")
        change(.episodes, column: 3, to: "V4")
        change(.episodes, column: 9, to: "CUSTOD")
        change(.episodes, column: 12, to: "XXXXXXX")
        let header = rows.tables[.header] ?? []
        var asylumSeekers = Set((rows.tables[.uasc] ?? []).compactMap { $0[0] })
        let young = header.filter { row in
            guard let child = row[0], !asylumSeekers.contains(child), let born = row[2].flatMap(SSDA903Date.parse) else { return false }
            return born.age(on: end) < 11
        }
        for _ in 0..<min(count, young.count) {
            let row = young[random.index(below: young.count)]
            guard let child = row[0], asylumSeekers.insert(child).inserted, let born = row[2].flatMap(SSDA903Date.parse) else { continue }
            rows.add(.uasc, [child, row[1], row[2], born.adding(years: 18).ukString])
        }
        // Named by year, so last year's return does not hold the same stray child.
        for n in 0..<count {
            let born = end.adding(years: -16).adding(days: -random.int(in: 0...360))
            rows.add(.uasc, ["U\(year)\(n)", "M", born.ukString, born.adding(years: 18).ukString])
        }
        // A birth date a year out in the Header: a 17-year-old still in care reads as looked after past 18.
        let open = Set((rows.tables[.episodes] ?? []).filter { $0[7] == nil }.compactMap { $0[0] })
        if var people = rows.tables[.header] {
            let seventeen = people.indices.filter { row in
                guard let child = people[row][0], open.contains(child), let born = people[row][2].flatMap(SSDA903Date.parse) else { return false }
                return born.age(on: end) == 17
            }
            var moved = Set<Int>()
            for _ in 0..<min(count, seventeen.count) {
                let row = seventeen[random.index(below: seventeen.count)]
                guard moved.insert(row).inserted else { continue }
                people[row][2] = people[row][2].flatMap(SSDA903Date.parse).map { $0.adding(years: -1).ukString }
            }
            rows.tables[.header] = people
        }
    }

    /// Postcode mistakes, from their own stream so the others stay as they were: a postcode that does not exist,
    /// one left out, a placement in Shetland, own provision (PR1) for a children's home, and short breaks (V3)
    /// recorded with postcodes.
    private func dirtyPostcodes(_ rows: Rows, random: inout SeededGenerator) {
        guard var episodes = rows.tables[.episodes], !episodes.isEmpty else { return }
        // Provider and legal status are changed only for children with a single episode, so no change of
        // placement or legal status between episodes (434–436) is made up along with them.
        var episodeCount: [String: Int] = [:]
        for episode in episodes { episodeCount[episode[0] ?? "", default: 0] += 1 }
        let alone = episodes.indices.filter { episodeCount[episodes[$0][0] ?? ""] == 1 }
        let homes = alone.filter { row in episodes[row][5].map { place in place.hasPrefix("K") || place == "H5" } ?? false }
        // 2025/26: a URN for a placement outside England (243); supported accommodation moved to an authority
        // where its provider has no premises (241).
        let outside = episodes.indices.filter { episodes[$0][12] == nil && Self.outsideEngland.contains(episodes[$0][11] ?? "") }
        let supported = year >= 2026 ? episodes.indices.filter { episodes[$0][5] == "K3" && episodes[$0][12] != nil } : []
        let mistakes: [(column: Int, values: [String?], rows: [Int])] = [
            (10, ["XX1 1XX", "TW1 3B", nil], Array(episodes.indices)),
            (11, ["XX1 1XX", "TW1 3B", nil, Self.farPostcode], Array(episodes.indices)),
            (6, ["PR1"], homes),
            (3, ["V3"], alone),
            (12, ["XXXXXXX"], outside),
            (11, ["B1 1BB", "LS1 1UR"], supported),
        ]
        for (column, values, rows) in mistakes where !rows.isEmpty {
            for _ in 0..<max(1, episodes.count / 200) {
                episodes[rows[random.index(below: rows.count)]][column] = random.element(of: values)
            }
        }
        rows.tables[.episodes] = episodes
    }

    /// One mistake each for about one child in twelve: a field set to a value a rule exists to catch.
    private func dirty(_ rows: Rows, random: inout SeededGenerator) {
        let mistakes: [(SSDA903TableKind, Int, [String?])] = [
            (.header, 1, ["1", "2", nil, "X"]),  // sex: pre-2024/25 codes, blank
            (.header, 2, ["31/02/2012", nil, "2012-01-01"]),  // date of birth
            (.header, 3, ["WBR", nil, "wbri"]),  // ethnicity
            (.header, 4, ["UN6", "I123456789012", "12345"]),  // UPN
            (.episodes, 1, ["31/04/2024", "2024-05-01"]),  // start date
            (.episodes, 2, ["X", "s"]),  // reason for new episode
            (.episodes, 3, ["C3", "v2"]),  // legal status
            (.episodes, 4, ["N9", "N0"]),  // category of need
            (.episodes, 5, ["H5", "K3", "Z1", "Z11", "T9"]),  // placement type, across the 2025/26 change
            (.episodes, 6, ["PR9", nil]),  // provider
            (.episodes, 7, [nil, "01/13/2024"]),  // end date
            (.episodes, 8, [nil, "E43", "X2"]),  // reason ceased
            (.reviews, 2, [nil, "30/02/2024"]),
            (.reviews, 3, [nil, "PN8"]),
            (.oc2, 2, ["41", "-1", "A"]),
            (.oc2, 3, ["SDQ6", "SDQ1"]),
            (.oc2, 4, ["2"]),
            (.oc2, 6, [nil]),
            (.oc2, 9, ["1", nil]),
            (.oc2, 10, ["1"]),
            (.oc3, 2, ["MAYBE", nil]),
            (.oc3, 3, ["F3", nil]),
            (.oc3, 4, ["S1", "X1", "B3", nil]),
            (.uasc, 3, ["31/02/2030"]),
            (.ad1, 4, ["2", nil]),
            (.ad1, 5, ["3"]),
            (.ad1, 6, ["M2"]),
            (.ad1, 7, ["L5"]),
            (.placedAdoption, 3, ["01/05/2024"]),
            (.placedAdoption, 4, ["RD5", "RD1"]),
            (.missing, 4, [nil]),  // still missing: open at the end of the year or when care ended
            (.socialWorkerEpisodes, 3, [LocalDate(year: year - 1, month: 10, day: 1)!.ukString]),  // a half-year of social work
            (.socialWorkerEpisodes, 4, [LocalDate(year: year, month: 3, day: 15)!.ukString, LocalDate(year: year - 1, month: 12, day: 1)!.ukString]),
        ]
        for (kind, column, values) in mistakes {
            guard var table = rows.tables[kind], !table.isEmpty else { continue }
            let count = max(1, table.count / (12 * mistakes.count / 4))
            for _ in 0..<count {
                let row = random.index(below: table.count)
                table[row][column] = random.element(of: values)
            }
            rows.tables[kind] = table
        }
        misplacedRows(rows, random: &random)
    }

    /// Rows a council writes where they do not belong, a few of each: a second "first contact" social worker while
    /// the first is still allocated (SW10bSTG2), UASC details for a care leaver who is in the return for OC3 alone
    /// (1014), and care leaver details for someone looked after on their 17th or 18th birthday (1007, 1016).
    private func misplacedRows(_ rows: Rows, random: inout SeededGenerator) {
        let start = LocalDate(year: year - 1, month: 4, day: 1)!, end = LocalDate(year: year, month: 3, day: 31)!
        let share = max(1, children / 200)
        let socialWork = rows.tables[.socialWorkerEpisodes] ?? []
        for _ in 0..<(socialWork.isEmpty ? 0 : share) {
            // The first social worker's episode is closed a few weeks after the new one opened.
            let first = random.index(below: socialWork.count)
            let opened = start.adding(days: random.int(in: 30...300))
            var row = socialWork[first]
            row[2] = "SW\(random.int(in: 100_000...999_999))"
            row[3] = opened.ukString
            row[4] = nil
            row[5] = "FCONTA"
            rows.tables[.socialWorkerEpisodes]![first][4] = opened.adding(days: random.int(in: 10...40)).ukString
            rows.add(.socialWorkerEpisodes, row)
        }
        let header = rows.tables[.header] ?? []
        let leavers = header.filter { Int($0[0] ?? "").map { $0 >= 100_000 + children } ?? false }
        for _ in 0..<(leavers.isEmpty ? 0 : share) {
            let leaver = leavers[random.index(below: leavers.count)]
            rows.add(.uasc, [leaver[0], leaver[1], leaver[2], nil])
        }
        let turning = header.filter { row in
            guard Int(row[0] ?? "").map({ $0 < 100_000 + children }) ?? false, let born = row[2].flatMap(SSDA903Date.parse) else { return false }
            return [17, 18].contains { (start...end).contains(born.adding(years: $0)) }
        }
        for _ in 0..<(turning.isEmpty ? 0 : share) {
            let child = turning[random.index(below: turning.count)]
            rows.add(.oc3, [child[0], child[2], "YES", "F2", "D1"])
        }
    }
}
