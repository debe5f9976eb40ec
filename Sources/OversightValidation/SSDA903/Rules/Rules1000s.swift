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
        // Care taken over by another authority (E3) makes the child that authority's care leaver.
        SSDA903Rule("1011", tables: [.episodes, .oc3]) { context in
            let rec = context[.episodes][.rec]
            let transferred = Set(context.episodesByChild.filter { $0.value.last.map { rec[$0] == "E3" } ?? false }.keys)
            let oc3 = context[.oc3].children
            return context.flag(.oc3) { oc3[$0].map(transferred.contains) ?? false }
        },
    ]
}
