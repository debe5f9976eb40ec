import OversightCore
import OversightInterchange

/// Codes 300–399: dates against birth and the year, how long legal statuses and temporary placements may last,
/// ages for placements and reasons for leaving, care leavers and adoption dates.
extension SSDA903Rules {
    static let rules3xx: [SSDA903Rule] = [
        SSDA903Rule("301", tables: [.header]) { context in
            let born = context[.header].dates(.dob)
            return context.flag(.header) { born[$0].map { $0 > context.collectionEnd } ?? false }
        },
        // An episode starting before birth; the header row is flagged with it.
        SSDA903Rule("302", tables: [.header, .episodes]) { context in
            let born = context.birthDates
            let episodes = context[.episodes]
            let began = episodes.dates(.decom), children = episodes.children
            let flagged = context.flag(.episodes) { row in
                guard let child = children[row], let birth = born[child], let start = began[row] else { return false }
                return start < birth
            }
            return flagged + context.rows(of: .header, for: Set(flagged.compactMap { children[$0.row] }))
        },
        // A date UASC status ceased needs a child coded UASC: a UASC row with a date for no child of the Header has none.
        SSDA903Rule("303", tables: [.header, .uasc]) { context in
            let ceased = context[.uasc][.duc]
            return context.uascRowsNamingNoChild().filter { ceased[$0.row] != nil }
        },
        // UASC status ends by law at 18: the date it ceased cannot be after the 18th birthday.
        SSDA903Rule("304", tables: [.uasc]) { context in
            let uasc = context[.uasc]
            let born = uasc.dates(.dob), ceased = uasc.dates(.duc)
            return context.flag(.uasc) { row in
                guard let birth = born[row], let end = ceased[row] else { return false }
                return end > birth.adding(years: 18)
            }
        },
        SSDA903Rule("333", tables: [.ad1]) { context in
            let ad1 = context[.ad1]
            let decided = ad1.dates(.dateInt), matched = ad1.dates(.dateMatch)
            return context.flag(.ad1) { row in
                guard let decision = decided[row], let match = matched[row] else { return false }
                return decision > match
            }
        },
        // A care leaver who died or has lived at home for six months is out of touch by definition.
        SSDA903Rule("344", tables: [.oc3]) { context in
            let oc3 = context[.oc3]
            let touch = oc3[.inTouch], activity = oc3[.activ], accommodation = oc3[.accom]
            return context.flag(.oc3) { row in
                ["DIED", "RHOM"].contains(touch[row] ?? "") && (activity[row] != nil || accommodation[row] != nil)
            }
        },
        SSDA903Rule("345", tables: [.oc3]) { context in
            let oc3 = context[.oc3]
            let touch = oc3[.inTouch], activity = oc3[.activ], accommodation = oc3[.accom]
            return context.flag(.oc3) { row in touch[row] == "YES" && (activity[row] == "0" || accommodation[row] == "0") }
        },
        // Foyers house adults; a care leaver under 18 on 31 March cannot be in one. Foyer is T1 or T2 (suitable or
        // not) in today's codes; the peer only recognises a bare T, which we flag as well.
        SSDA903Rule("347", tables: [.oc3]) { context in
            let accommodation = context[.oc3][.accom]
            let ages = context.ages(.oc3, on: context.collectionEnd)
            return context.flag(.oc3) { row in
                ["T", "T1", "T2"].contains(accommodation[row] ?? "") && (ages[row].map { $0 < 18 } ?? false)
            }
        },
        SSDA903Rule("348", years: 2026...2027, tables: [.oc3], lastYear: [.oc3]) { context in
            let last = context.lastYear(.oc3)
            let lastTouch = last[.inTouch]
            var died = Set<String>()
            for (row, child) in last.children.enumerated() where lastTouch[row] == "DIED" { if let child { died.insert(child) } }
            let touch = context[.oc3][.inTouch], children = context[.oc3].children
            return context.flag(.oc3) { row in (children[row].map(died.contains) ?? false) && touch[row] != "DIED" }
        },
        // "Over 25": the 25th birthday fell before 1 April.
        SSDA903Rule("351", tables: [.header]) { context in
            let born = context[.header].dates(.dob)
            return context.flag(.header) { born[$0].map { $0.adding(years: 25) < context.collectionStart } ?? false }
        },
        SSDA903Rule("352", tables: [.header, .episodes]) { context in
            let rne = context[.episodes][.rne]
            return context.episodes(agedOn: .decom) { row, age in rne[row] == "S" && age >= 18 }
        },
        // 14 October 1991 is when the Children Act 1989 came into force.
        SSDA903Rule("353", tables: [.episodes]) { context in
            let began = context[.episodes].dates(.decom)
            let act = LocalDate(year: 1991, month: 10, day: 14)!
            return context.flag(.episodes) { began[$0].map { $0 < act } ?? false }
        },
        SSDA903Rule("354", tables: [.episodes]) { SSDA903Rules.endedAfterYear($0) },
        SSDA903Rule("385", tables: [.episodes]) { SSDA903Rules.endedAfterYear($0) },
        SSDA903Rule("355", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let began = episodes.dates(.decom), ended = episodes.dates(.dec)
            return context.flag(.episodes) { row in began[row] != nil && began[row] == ended[row] }
        },
        SSDA903Rule("356", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let began = episodes.dates(.decom), ended = episodes.dates(.dec)
            return context.flag(.episodes) { row in
                guard let start = began[row], let end = ended[row] else { return false }
                return end < start
            }
        },
        // Only a first episode starting in the year can be the first ever: the return holds no earlier episodes.
        SSDA903Rule("357", tables: [.episodes]) { context in
            let rne = context[.episodes][.rne], began = context[.episodes].dates(.decom)
            return context.episodesByChild.compactMap { child, rows in
                guard !child.isEmpty, let first = rows.first, rne[first] != "S", let start = began[first], start >= context.collectionStart
                else { return nil }
                return SSDA903RowReference(.episodes, first)
            }
        },
        // Remand, PACE and youth rehabilitation orders apply only from the age of criminal responsibility.
        // The peer also flags a start on the 10th birthday itself, and the header row; we follow it.
        SSDA903Rule("358", tables: [.header, .episodes]) { context in
            let episodes = context[.episodes]
            let ls = episodes[.ls], began = episodes.dates(.decom), children = episodes.children
            let born = context.birthDates
            let flagged = context.flag(.episodes) { row in
                guard ["J1", "J2", "J3"].contains(ls[row] ?? ""), let child = children[row], let birth = born[child],
                    let start = began[row]
                else { return false }
                return start <= birth.adding(years: 10)
            }
            return flagged + context.rows(of: .header, for: Set(flagged.compactMap { children[$0.row] }))
        },
        // After 18 a young person can only be looked after accommodated under section 20(5) (V2) in a community home,
        // a children's home (K1, K2). Flags each episode in care after the 18th birthday that is anything else.
        SSDA903Rule("359", tables: [.header, .episodes]) { context in
            let episodes = context[.episodes]
            let ls = episodes[.ls], place = episodes[.place], children = episodes.children
            let lastDay = context.lastDaysInCare()
            let born = context.birthDates
            return context.flag(.episodes) { row in
                guard let child = children[row], let birth = born[child], let last = lastDay[row], last > birth.adding(years: 18) else { return false }
                return !(ls[row] == "V2" && ["K1", "K2"].contains(place[row] ?? ""))
            }
        },
        SSDA903Rule("361", tables: [.episodes]) { $0.episodes(.ls, in: ["L1"], lastingMoreThan: 3) },
        SSDA903Rule("362", tables: [.episodes]) { $0.episodes(.ls, in: ["L2"], lastingMoreThan: 21) },
        SSDA903Rule("363", tables: [.episodes]) { $0.episodes(.ls, in: ["L3"], lastingMoreThan: 7) },
        SSDA903Rule("364", tables: [.episodes]) { $0.episodes(.ls, in: ["J2"], lastingMoreThan: 21) },
        SSDA903Rule("365", tables: [.episodes]) { $0.episodes(.ls, in: ["V3"], lastingMoreThan: 17) },
        // A short break (V3) is one placement: a V3 episode cannot continue a previous one with a new placement.
        SSDA903Rule("366", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let ls = episodes[.ls], rne = episodes[.rne]
            return context.flag(.episodes) { row in ls[row] == "V3" && (rne[row].map { $0 != "S" } ?? false) }
        },
        // Short breaks (V3) in the collection year add up to at most 75 days; every V3 episode of the child is flagged.
        SSDA903Rule("367", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let ls = episodes[.ls], began = episodes.dates(.decom), ended = episodes.dates(.dec), endText = episodes[.dec]
            return context.episodesByChild.values.flatMap { rows -> [SSDA903RowReference] in
                let breaks = rows.filter { ls[$0] == "V3" }
                let days = breaks.reduce(0) { total, row in
                    // An end date that cannot be read (102's kind of finding) gives the break no known length.
                    guard let start = began[row], endText[row] == nil || ended[row] != nil else { return total }
                    let from = max(start, context.collectionStart), to = min(ended[row] ?? context.collectionEnd, context.collectionEnd)
                    return total + max(0, from.days(to: to))
                }
                return days > 75 ? breaks.map { SSDA903RowReference(.episodes, $0) } : []
            }
        },
        // Registered supported accommodation (K3); the peer checks K3 in 2024/25 too, when H5 was its code.
        SSDA903Rule("371", tables: [.header, .episodes]) { context in
            let place = context[.episodes][.place], ended = context[.episodes].dates(.dec)
            return context.episodes(agedOn: .decom) { row, age in place[row] == "K3" && ended[row] != nil && age < 16 }
        },
        SSDA903Rule("372", tables: [.header, .episodes]) { context in
            let place = context[.episodes][.place], ended = context[.episodes].dates(.dec)
            return context.episodes(agedOn: .decom) { row, age in place[row] == "R5" && ended[row] != nil && age < 10 }
        },
        SSDA903Rule("373", tables: [.header, .episodes]) { context in
            let place = context[.episodes][.place], ended = context[.episodes].dates(.dec)
            return context.episodes(agedOn: .decom) { row, age in place[row] == "S1" && ended[row] != nil && age < 4 }
        },
        SSDA903Rule("374", tables: [.header, .episodes]) { context in
            let place = context[.episodes][.place], ended = context[.episodes].dates(.dec)
            return context.episodes(agedOn: .decom) { row, age in place[row] == "P3" && ended[row] != nil && age < 14 }
        },
        SSDA903Rule("375", tables: [.episodes]) { $0.episodes(.place, in: ["T1"], lastingMoreThan: 42, countingOpen: false) },
        SSDA903Rule("376", tables: [.episodes]) { $0.episodes(.place, in: ["T3"], lastingMoreThan: 21) },
        // At most two placements while the foster carer is on holiday (T3) in the year; all of them are flagged.
        SSDA903Rule("377", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], began = episodes.dates(.decom)
            return context.episodesByChild.values.flatMap { rows -> [SSDA903RowReference] in
                let holidays = rows.filter { row in
                    place[row] == "T3" && (began[row].map { $0 >= context.collectionStart && $0 <= context.collectionEnd } ?? false)
                }
                return holidays.count > 2 ? holidays.map { SSDA903RowReference(.episodes, $0) } : []
            }
        },
        SSDA903Rule("378", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], ls = episodes[.ls]
            return context.flag(.episodes) { place[$0] == "P1" && ls[$0] == "V2" }
        },
        SSDA903Rule("379", tables: [.episodes]) { $0.episodes(.place, in: ["T4"], lastingMoreThan: 7, countingOpen: false) },
        SSDA903Rule("380", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], rne = episodes[.rne]
            return context.flag(.episodes) { rne[$0] == "S" && SSDA903Codes.temporaryPlacements.contains(place[$0] ?? "") }
        },
        SSDA903Rule("381", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], rec = episodes[.rec]
            return context.flag(.episodes) { row in
                guard let reason = rec[row], reason != "X1" else { return false }
                return SSDA903Codes.temporaryPlacements.contains(place[row] ?? "")
            }
        },
        SSDA903Rule("382", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], ls = episodes[.ls]
            return context.flag(.episodes) { ["V3", "V4"].contains(ls[$0] ?? "") && SSDA903Codes.temporaryPlacements.contains(place[$0] ?? "") }
        },
        // After a temporary placement the child returns to the placement before it; the episode after is flagged.
        SSDA903Rule("383", tables: [.episodes]) { context in
            let place = context[.episodes][.place]
            let temporary = SSDA903Codes.temporaryPlacements
            return context.episodesByChild.values.flatMap { rows in
                rows.indices.dropFirst().dropLast().compactMap { index -> SSDA903RowReference? in
                    let before = rows[index - 1], during = rows[index], after = rows[index + 1]
                    guard temporary.contains(place[during] ?? ""), !temporary.contains(place[before] ?? ""),
                        place[after] != place[before]
                    else { return nil }
                    return SSDA903RowReference(.episodes, after)
                }
            }
        },
        // U1 and U4 are the long-term foster placements, which short breaks are not.
        SSDA903Rule("384", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], ls = episodes[.ls]
            return context.flag(.episodes) { ["V3", "V4"].contains(ls[$0] ?? "") && ["U1", "U4"].contains(place[$0] ?? "") }
        },
        SSDA903Rule("386", tables: [.header, .episodes]) { context in
            let rec = context[.episodes][.rec]
            return context.episodes(agedOn: .dec) { row, age in ["E11", "E12"].contains(rec[row] ?? "") && age >= 18 }
        },
        SSDA903Rule("387", tables: [.header, .episodes]) { context in
            let rec = context[.episodes][.rec]
            return context.episodes(agedOn: .dec) { row, age in ["E5", "E6"].contains(rec[row] ?? "") && age < 14 }
        },
        // X1 means the next episode starts the day this one ends; any other reason means it does not. Episodes with an
        // impossible date are 141's and 147's findings and take no part.
        SSDA903Rule("388", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let rec = episodes[.rec], began = episodes.dates(.decom), ended = episodes.dates(.dec), endText = episodes[.dec]
            return context.episodesByChild.values.flatMap { rows in
                // An episode with an impossible end date still continues the one before it; only its own ending
                // cannot be judged (147 reports the date).
                let dated = rows.filter { began[$0] != nil }
                return dated.enumerated().compactMap { index, row -> SSDA903RowReference? in
                    guard let reason = rec[row], endText[row] == nil || ended[row] != nil else { return nil }
                    let next = index + 1 < dated.count ? dated[index + 1] : nil
                    let continues = next.map { ended[row] != nil && began[$0] == ended[row] } ?? false
                    return (reason == "X1") != continues ? SSDA903RowReference(.episodes, row) : nil
                }
            }
        },
        SSDA903Rule("389", tables: [.header, .episodes]) { context in
            let rec = context[.episodes][.rec]
            return context.episodes(agedOn: .dec) { row, age in rec[row] == "E7" && age < 16 }
        },
        // A child adopted (E11/E12) leaves care from a placement for adoption (A3–A6).
        SSDA903Rule("390", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let rec = episodes[.rec], place = episodes[.place]
            return context.flag(.episodes) { row in
                ["E11", "E12"].contains(rec[row] ?? "") && !SSDA903Context.placementsForAdoption.contains(place[row] ?? "")
            }
        },
        // Care leaver information is collected around the 17th to 21st birthdays: flagged when the 17th birthday is
        // after the year, or the 22nd before it began.
        SSDA903Rule("391", tables: [.oc3]) { context in
            let born = context[.oc3].dates(.dob)
            return context.flag(.oc3) { row in
                guard let birth = born[row] else { return false }
                return birth.adding(years: 17) > context.collectionEnd || birth.adding(years: 22) < context.collectionStart
            }
        },
        // A looked-after child (not on short breaks, and not UASC, whose home postcode may be unknown) has both postcodes.
        SSDA903Rule("392b", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let ls = episodes[.ls], home = episodes[.homePost], placed = episodes[.plPost], children = episodes.children
            let asylumSeekers = Set(context.data[.uasc]?.children.compactMap { $0 } ?? [])
            return context.flag(.episodes) { row in
                guard !["V3", "V4"].contains(ls[row] ?? ""), !(children[row].map(asylumSeekers.contains) ?? false) else { return false }
                return home[row] == nil || placed[row] == nil
            }
        },
        SSDA903Rule("392d", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], home = episodes[.homePost], placed = episodes[.plPost]
            return context.flag(.episodes) { row in home[row] != nil && home[row] == placed[row] && place[row] != "P1" }
        },
    ]

    /// An episode cannot end after the collection year it is returned in.
    static func endedAfterYear(_ context: SSDA903Context) -> [SSDA903RowReference] {
        let ended = context[.episodes].dates(.dec)
        return context.flag(.episodes) { ended[$0].map { $0 > context.collectionEnd } ?? false }
    }
}
