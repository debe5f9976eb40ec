import OversightCore
import OversightInterchange

/// 2025/26 rules on where a placement with an Ofsted URN may be: 241 (supported accommodation in an authority
/// where the provider has premises) and 243 (no URN outside England, where Ofsted registers no one). Both read
/// the LA of placement (PL_LA) derived from the postcode grid; 241 also reads Ofsted's lists.
extension SSDA903Rules {
    static let rulesProviderPremises: [SSDA903Rule] = [
        // Ofsted registers a supported accommodation provider (K3) once, not each address, so the URN does not
        // name the premises: the placement's LA must be one its listed premises are in. Each premises' LA is
        // derived from its postcode as PL_LA is. A provider Ofsted does not list has no premises (1008's
        // finding too), and an episode with no LA of placement is in none of them (169's too).
        SSDA903Rule("241", years: 2026...2027, tables: [.episodes], alsoNeeds: [.postcodes]) { context in
            guard let providers = context.reference.providers, let grid = context.reference.postcodes else { return [] }
            let episodes = context[.episodes]
            let place = episodes[.place], urn = episodes[.urn]
            var premisesAuthorities: [String: Set<String>] = [:]
            return context.flagPlacements { placements, row in
                guard place[row] == "K3", let number = urn[row], number != "XXXXXXX" else { return false }
                let authorities =
                    premisesAuthorities[number]
                    ?? Set((providers[number]?.premises ?? []).compactMap { SSDA903Placement.placingAuthority(grid[$0]?.upperTier) })
                premisesAuthorities[number] = authorities
                return !(placements.authority[row].map(authorities.contains) ?? false)
            }
        },
        // Ofsted registers providers in England only, so a placement in Wales, Scotland or Northern Ireland
        // has no URN to report; XXXXXXX is reported too (from 2025/26 it is for regional adoption agencies).
        SSDA903Rule("243", years: 2026...2027, tables: [.episodes]) { context in
            let urn = context[.episodes][.urn]
            return context.flagPlacements { placements, row in
                urn[row] != nil && SSDA903Placement.outsideEngland.contains(placements.authority[row] ?? "")
            }
        },
    ]
}
