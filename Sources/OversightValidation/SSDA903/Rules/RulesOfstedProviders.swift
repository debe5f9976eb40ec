import OversightCore
import OversightInterchange

/// The rules that look a placement's URN up in Ofsted's provider lists (`--reference DIR`): 219, 221, 224,
/// 227, 228, 229 and 1008. The catalogue marks them `needs: .ofstedProviders`, so they only run with the lists.
///
/// Each applies to an episode with a URN other than XXXXXXX (the DfE's "not known / not applicable"). As the
/// DfE codes them ("<PL> should = URN lookup <placement type>"), a URN Ofsted does not list matches nothing,
/// so it fails the comparison rules as well as 1008.
extension SSDA903Rules {
    static let rulesOfstedProviders: [SSDA903Rule] = [
        SSDA903Rule("219", tables: [.episodes]) { context in
            let place = context[.episodes][.place]
            return context.flagURNs { row, provider in !(place[row].map { provider?.placementCodes.contains($0) ?? false } ?? false) }
        },
        // Only for placements at an address Ofsted registers (homes, supported accommodation, family centres,
        // schools), not for short breaks, and only when a placement postcode was given. The DfE's 2024 amendment
        // brought in K3 for registered supported accommodation; H5, which it replaces, is not checked (as the
        // sector's validator reads it too).
        SSDA903Rule("221", tables: [.episodes]) { context in
            let episodes = context[.episodes]
            let place = episodes[.place], legalStatus = episodes[.ls], postcode = episodes[.plPost]
            return context.flagURNs { row, provider in
                guard let code = place[row], ["K1", "K2", "K3", "R3", "S1"].contains(code), let given = postcode[row],
                    !["V3", "V4"].contains(legalStatus[row] ?? "")
                else { return false }
                let listed = provider?.postcode.map(SSDA903OfstedProviders.comparablePostcode)
                return SSDA903OfstedProviders.comparablePostcode(given) != listed
            }
        },
        SSDA903Rule("224", tables: [.episodes]) { context in
            let provided = context[.episodes][.placeProvider]
            return context.flagURNs { row, provider in !(provided[row].map { provider?.providerCodes.contains($0) ?? false } ?? false) }
        },
        // A placement cannot start on or after the day the provider's registration ended.
        SSDA903Rule("227", tables: [.episodes]) { context in
            let began = context[.episodes].dates(.decom)
            return context.flagURNs { row, provider in
                guard let closed = provider?.closed, let began = began[row] else { return false }
                return began >= closed
            }
        },
        // A placement may end on the day the registration ended, not after; an open one runs to 31 March,
        // which the DfE's note accepts may flag a provider closing during the year.
        SSDA903Rule("228", tables: [.episodes]) { context in
            let ended = context[.episodes].dates(.dec), ceased = context[.episodes][.dec]
            return context.flagURNs { row, provider in
                guard let closed = provider?.closed else { return false }
                if ceased[row] == nil { return context.collectionEnd > closed }
                return ended[row].map { $0 > closed } ?? false
            }
        },
        // Own provision (PR1) is in the placing council's area and another council's (PR2) is not. The provider's
        // LA is the one Ofsted's list records for it (the DfE's tool infers it from the provider's postcode).
        // From 2025/26 placements that take no URN (222's list) and supported accommodation (K3), whose premises
        // 241 checks, are left out, as the sector's 2025/26 pack does.
        SSDA903Rule("229", tables: [.episodes], alsoNeeds: [.placingAuthority]) { context in
            let provided = context[.episodes][.placeProvider], place = context[.episodes][.place]
            let placing = context.reference.placingAuthority.map(SSDA903Rules.comparableAuthority)
            let exempt: Set<String> = context.year >= 2026 ? SSDA903Codes.placementsWithoutURN(year: context.year).union(["K3"]) : []
            var comparable: [String: String] = [:]
            return context.flagURNs { row, provider in
                if let code = place[row], exempt.contains(code) { return false }
                let providerAuthority = provider?.localAuthority.map { name in
                    if let known = comparable[name] { return known }
                    comparable[name] = SSDA903Rules.comparableAuthority(name)
                    return comparable[name]!
                }
                switch provided[row] {
                case "PR1": return providerAuthority != placing
                case "PR2": return providerAuthority != nil && providerAuthority == placing
                default: return false
                }
            }
        },
        SSDA903Rule("1008", tables: [.episodes]) { context in
            context.flagURNs { _, provider in provider == nil }
        },
    ]

    /// A local authority's name compared without case, punctuation or "&" against "and" ("Bristol, City of").
    static func comparableAuthority(_ name: String) -> String {
        String(name.lowercased().replacingOccurrences(of: "&", with: " and ").filter { $0.isLetter || $0.isNumber })
    }
}

extension SSDA903Context {
    /// The episode rows with a URN (not XXXXXXX) for which `fails` holds, given the provider Ofsted lists under
    /// it (`nil` when it lists none).
    func flagURNs(where fails: (Int, SSDA903OfstedProviders.Provider?) -> Bool) -> [SSDA903RowReference] {
        guard let providers = reference.providers else { return [] }
        let urn = self[.episodes][.urn]
        return flag(.episodes) { row in
            guard let number = urn[row], number != "XXXXXXX" else { return false }
            return fails(row, providers[number])
        }
    }
}
