import OversightCore
import OversightInterchange

/// Codes 1000–1016: care leavers against their episodes, missing episodes, and later field checks.
extension SSDA903Rules {
    static let rules1000s: [SSDA903Rule] = [
        // A child who died in care (E2) is not a care leaver.
        SSDA903Rule("1000", tables: [.episodes, .oc3]) { context in
            let rec = context[.episodes][.rec]
            let died = Set(context.episodesByChild.filter { $0.value.contains { rec[$0] == "E2" } }.keys)
            let oc3 = context[.oc3].children
            return context.flag(.oc3) { oc3[$0].map(died.contains) ?? false }
        },
        // A care leaver is a relevant or former relevant child: looked after for at least 13 weeks (91 days) since
        // their 14th birthday, short breaks (V3/V4) aside, and still looked after at some point after turning 16. The
        // DfE judges it from this year's and last year's episodes alone, so earlier care is not seen.
        SSDA903Rule("1001", tables: [.episodes, .oc3], lastYear: [.episodes]) { context in
            let spells = context.careSpellsThisYearAndLast()
            let oc3 = context[.oc3]
            let born = oc3.dates(.dob), children = oc3.children, completed = context.careLeaverInformationCompleted()
            return context.flag(.oc3) { row in
                guard let child = children[row], let birth = born[row], completed[row] else { return false }
                let fourteen = birth.adding(years: 14), sixteen = birth.adding(years: 16)
                var days = 0
                var reachedSixteen = false
                var covered: LocalDate? = nil
                for spell in spells[child] ?? [] where spell.end > fourteen {
                    let from = max(spell.start, fourteen, covered ?? fourteen)
                    if spell.end > from { days += from.days(to: spell.end) }
                    covered = max(covered ?? spell.end, spell.end)
                    if spell.end > sixteen { reachedSixteen = true }
                }
                return days < 91 || !reachedSixteen
            }
        },
        // A care leaver was looked after: with no episode this year or last, the OC3 row is for someone else.
        SSDA903Rule("1002", tables: [.episodes, .oc3], lastYear: [.episodes]) { context in
            let episodes = Set(context[.episodes].children.compactMap { $0 }).union(context.lastYear(.episodes).children.compactMap { $0 })
            let oc3 = context[.oc3].children
            return context.flag(.oc3) { row in oc3[row].map { !episodes.contains($0) } ?? false }
        },
        // The decision to place for adoption cannot come before the child started to be looked after (the S episode).
        SSDA903Rule("1003", tables: [.episodes, .placedAdoption]) { context in
            let episodes = context[.episodes]
            let decom = episodes.dates(.decom), rne = episodes[.rne]
            let placed = context[.placedAdoption]
            let decided = placed.dates(.datePlaced), children = placed.children
            var flagged: [SSDA903RowReference] = []
            for row in placed.indices {
                guard let decision = decided[row], let child = children[row],
                    let started = context.episodesByChild[child]?.first(where: { rne[$0] == "S" && decom[$0] != nil }),
                    decision < decom[started]!
                else { continue }
                flagged += [SSDA903RowReference(.placedAdoption, row), SSDA903RowReference(.episodes, started)]
            }
            return flagged
        },
        SSDA903Rule("1004", tables: [.missing]) { $0.invalidDate(.missing, .misStart, required: true) },
        SSDA903Rule("1005", tables: [.missing]) { $0.invalidDate(.missing, .misEnd, required: false) },
        SSDA903Rule("1006", tables: [.missing]) { $0.invalidCode(.missing, .missing, in: ["M", "A"], required: false) },
        SSDA903Rule("1009", tables: [.episodes]) {
            $0.invalidCode(.episodes, .reasonPlaceChange, in: SSDA903Codes.reasonPlacementChange, required: false)
        },
        // Still looked after at the end of last year (an open episode) yet no episode this year: the episodes are
        // missing, so the care leaver row cannot be right.
        SSDA903Rule("1010", tables: [.episodes, .oc3], lastYear: [.episodes]) { context in
            let last = context.lastYear(.episodes)
            let dec = last.dates(.dec), lastChildren = last.children
            let open = Set(last.indices.compactMap { dec[$0] == nil && last[.dec][$0] == nil ? lastChildren[$0] : nil })
            let current = Set(context[.episodes].children.compactMap { $0 })
            let oc3 = context[.oc3].children
            return context.flag(.oc3) { row in oc3[row].map { open.contains($0) && !current.contains($0) } ?? false }
        },
        // A care leaver with no episode this year is in the return for OC3 alone: other rows about them fail.
        SSDA903Rule("1012", tables: [.episodes, .oc3]) { context in
            let current = Set(context[.episodes].children.compactMap { $0 })
            let leaversOnly = Set(context[.oc3].children.compactMap { $0 }).subtracting(current)
            let tables: [SSDA903TableKind] = [.reviews, .missing, .oc2, .ad1, .placedAdoption, .previousPermanence]
            return tables.filter { context.data[$0] != nil }.flatMap { kind in
                let children = context[kind].children
                return context.flag(kind) { children[$0].map(leaversOnly.contains) ?? false }
            }
        },
        // Care leaver information is for those who had left care by their 17th or 18th birthday: looked after on a
        // 17th or 18th birthday in the year (an episode begun by then and ending after it, or still open), the
        // completed OC3 row is flagged.
        SSDA903Rule("1007", tables: [.episodes, .oc3]) { context in
            context.careLeaversLookedAfterOnBirthday { _, _ in true }
        },
        // …and looked after on that birthday, then leaving care (a last episode ending other than X1) after it.
        SSDA903Rule("1016", tables: [.episodes, .oc3]) { context in
            let episodes = context[.episodes]
            let rec = episodes[.rec], ended = episodes.dates(.dec)
            return context.careLeaversLookedAfterOnBirthday { child, birthday in
                guard let last = context.episodesByChild[child]?.last, let reason = rec[last], reason != "X1", let left = ended[last] else {
                    return false
                }
                return left > birthday
            }
        },
        // UASC information is asked of children looked after in the year; a care leaver with no episode this year is
        // in the return for OC3 alone, so their UASC row is flagged.
        SSDA903Rule("1014", tables: [.uasc, .oc3, .episodes]) { context in
            let current = Set(context[.episodes].children.compactMap { $0 })
            let leaversOnly = Set(context[.oc3].children.compactMap { $0 }).subtracting(current)
            return context.rows(of: .uasc, for: leaversOnly)
        },
        // Care taken over by another authority (E3) makes the child that authority's care leaver.
        SSDA903Rule("1011", tables: [.episodes, .oc3]) { context in
            let rec = context[.episodes][.rec]
            let transferred = Set(context.episodesByChild.filter { $0.value.last.map { rec[$0] == "E3" } ?? false }.keys)
            let oc3 = context[.oc3].children
            return context.flag(.oc3) { oc3[$0].map(transferred.contains) ?? false }
        },
    ]
}

extension SSDA903Context {
    /// Each child's time in care this year and last as date ranges in start order, short breaks (V3/V4) left out: an
    /// episode without a (valid) end runs to the end of its year.
    func careSpellsThisYearAndLast() -> [String: [(start: LocalDate, end: LocalDate)]] {
        var spells: [String: [(start: LocalDate, end: LocalDate)]] = [:]
        func add(_ episodes: SSDA903Table, yearEnd: LocalDate) {
            let began = episodes.dates(.decom), ended = episodes.dates(.dec), ls = episodes[.ls]
            for (row, child) in episodes.children.enumerated() {
                guard let child, let start = began[row], !["V3", "V4"].contains(ls[row] ?? "") else { continue }
                let end = ended[row] ?? max(start, yearEnd)
                spells[child, default: []].append((start, end))
            }
        }
        add(self[.episodes], yearEnd: collectionEnd)
        add(lastYear(.episodes), yearEnd: collectionStart.adding(days: -1))
        return spells.mapValues { $0.sorted { $0.start < $1.start } }
    }

    /// OC3 rows with information completed for a child looked after on their 17th or 18th birthday in the
    /// collection year, where `holds(child, birthday)` too.
    func careLeaversLookedAfterOnBirthday(_ holds: (_ child: String, _ birthday: LocalDate) -> Bool) -> [SSDA903RowReference] {
        let episodes = self[.episodes]
        let began = episodes.dates(.decom), ended = episodes.dates(.dec), endText = episodes[.dec]
        let oc3 = self[.oc3]
        let born = oc3.dates(.dob), children = oc3.children, completed = careLeaverInformationCompleted()
        return flag(.oc3) { row in
            guard let child = children[row], let birth = born[row], completed[row] else { return false }
            return [17, 18].map { birth.adding(years: $0) }.contains { birthday in
                guard birthday >= collectionStart, birthday <= collectionEnd else { return false }
                let lookedAfter = (episodesByChild[child] ?? []).contains { episode in
                    guard let start = began[episode], start <= birthday else { return false }
                    return endText[episode] == nil || (ended[episode].map { $0 > birthday } ?? false)
                }
                return lookedAfter && holds(child, birthday)
            }
        }
    }

    /// Whether each OC3 row records anything about the care leaver (in touch, activity or accommodation).
    func careLeaverInformationCompleted() -> [Bool] {
        let oc3 = self[.oc3]
        let fields = [SSDA903Field.inTouch, .activ, .accom].map { oc3[$0] }
        return oc3.indices.map { row in fields.contains { $0[row] != nil } }
    }
}
