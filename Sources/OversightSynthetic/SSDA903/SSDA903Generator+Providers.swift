import OversightCore
import OversightInterchange

/// Ofsted provider lists to go with a generated return, so the URN rules (219, 221, 224, 227, 228, 229, 1008)
/// have something to look URNs up in: every URN the clean return uses, as the provider it stands for, plus
/// providers no child of the return is placed with (a real list covers all of England, closed ones included).
///
/// With `dirt`, about one listed provider in 150 per kind carries a fault the rules exist to catch: left off
/// the lists, the wrong placement type, postcode or provider code, a registration ended before or during a
/// placement, or (own provision) an address in another council's area.
extension SSDA903Generator {
    /// The council the generated return comes from, as Ofsted's lists name it (pass it as
    /// `--placing-authority`), and a postcode in its area for its own providers.
    public static let placingAuthority = "Richmond upon Thames"
    static let placingAuthorityPostcode = "TW9 1AA"
    /// Another council, where a planted fault puts an "own provision" provider.
    static let otherAuthority = (name: "Westminster", postcode: "SW1A 2AA")

    /// The council a provider's premises are in, as Ofsted's lists name it, from the generator's postcode directory;
    /// a list's LA and its postcode must agree, since the peer reads the LA from the postcode and we from the column.
    static func authorityName(of postcode: String?) -> String {
        let names = [
            "E09000027": placingAuthority, "E09000021": "Kingston upon Thames", "E09000018": "Hounslow", "E10000030": "Surrey",
            "E10000016": "Kent", "E09000033": "Westminster", "E08000025": "Birmingham", "E08000003": "Manchester", "E08000035": "Leeds",
            "W06000015": "Cardiff", "S12000036": "City of Edinburgh", "S12000027": "Shetland Islands",
        ]
        let place = postcodePlaces.first { $0.postcode == postcode }
        return place.flatMap { names[$0.upperTier] } ?? placingAuthority
    }

    /// The lists, derived from the clean return with the same options (the lists' faults are planted in the
    /// lists, so the return's own dirt is not copied into them).
    public func ofstedProviders() -> SSDA903OfstedProviders {
        var clean = self
        clean.dirt = false
        guard let episodes = clean.generate()[.episodes] else { return SSDA903OfstedProviders([]) }
        var providers = listed(episodes)
        var random = SeededGenerator(seed: seed, stream: 0x903_3000_0000, purpose: .journey)
        providers += unused(count: max(20, providers.count / 10), avoiding: Set(providers.map(\.urn)), random: &random)
        if dirt {
            var random = SeededGenerator(seed: seed, stream: 0x903_3100_0000, purpose: .dirt)
            plantFaults(in: &providers, episodes: episodes, random: &random)
        }
        return SSDA903OfstedProviders(providers)
    }

    /// One provider per URN the return uses, offering the placement types and provider codes it is used for.
    private func listed(_ episodes: SSDA903Table) -> [SSDA903OfstedProviders.Provider] {
        let urn = episodes[.urn], place = episodes[.place], provided = episodes[.placeProvider], postcode = episodes[.plPost]
        var byURN: [String: SSDA903OfstedProviders.Provider] = [:]
        for row in episodes.indices {
            guard let number = urn[row], number != "XXXXXXX" else { continue }
            var provider =
                byURN[number]
                ?? SSDA903OfstedProviders.Provider(
                    urn: number, list: .socialCareProviders, localAuthority: Self.authorityName(of: postcode[row]), placementCodes: [],
                    providerCodes: [], postcode: postcode[row])
            if let code = place[row] {
                provider.placementCodes.formUnion(Self.offered(with: code))
                if code == "K1" || code == "K2" { provider.list = .childrensHomes }
            }
            if let code = provided[row] { provider.providerCodes.insert(code) }
            byURN[number] = provider
        }
        return byURN.keys.sorted().map { number in
            var provider = byURN[number]!
            // The council's own services (fostering, adoption) are in its area.
            if provider.providerCodes.contains("PR1") {
                provider.postcode = Self.placingAuthorityPostcode
                provider.localAuthority = Self.placingAuthority
            }
            return provider
        }
    }

    /// A placement type and the others the same kind of provider offers: a fostering service all of U1–U6.
    private static func offered(with code: String) -> Set<String> {
        switch code.first {
        case "U": ["U1", "U2", "U3", "U4", "U5", "U6"]
        case "A": ["A3", "A4", "A5", "A6"]
        default: [code]
        }
    }

    /// Providers no child is placed with; some closed, and social care providers with SC-prefixed URNs (at
    /// least one current and one closed), as Ofsted's older registrations have.
    private func unused(count: Int, avoiding used: Set<String>, random: inout SeededGenerator) -> [SSDA903OfstedProviders.Provider] {
        var providers: [SSDA903OfstedProviders.Provider] = []
        var taken = used
        while providers.count < count {
            let first = providers.count < 2
            let home = !first && random.chance(0.4)
            let number =
                first || home || random.chance(0.5) ? "SC\(random.int(in: 100_000...999_999))" : String(random.int(in: 1_000_000...9_999_999))
            guard taken.insert(number).inserted else { continue }
            let codes: Set<String> = home ? ["K2"] : random.chance(0.7) ? Self.offered(with: "U1") : Self.offered(with: "A3")
            let closes = first ? providers.count == 1 : random.chance(0.2)
            let closed = closes ? LocalDate(year: year - 1, month: 4, day: 1)!.adding(days: -random.int(in: 1...2000)) : nil
            providers.append(
                SSDA903OfstedProviders.Provider(
                    urn: number, list: home ? .childrensHomes : .socialCareProviders, localAuthority: Self.otherAuthority.name,
                    placementCodes: codes, providerCodes: [random.element(of: ["PR4", "PR5"])], closed: closed,
                    postcode: Self.otherAuthority.postcode))
        }
        return providers
    }

    private func plantFaults(in providers: inout [SSDA903OfstedProviders.Provider], episodes: SSDA903Table, random: inout SeededGenerator) {
        let urn = episodes[.urn], began = episodes.dates(.decom), ended = episodes.dates(.dec)
        var spans: [String: (first: LocalDate, last: LocalDate)] = [:]
        let end = LocalDate(year: year, month: 3, day: 31)!
        for row in episodes.indices {
            guard let number = urn[row], let start = began[row] else { continue }
            let stop = ended[row] ?? end
            let span = spans[number]
            spans[number] = (min(span?.first ?? start, start), max(span?.last ?? stop, stop))
        }
        let used = providers.indices.filter { spans[providers[$0].urn] != nil }
        guard !used.isEmpty else { return }
        let count = max(1, used.count / 150)
        func pick(_ eligible: (SSDA903OfstedProviders.Provider) -> Bool) -> [Int] {
            let candidates = used.filter { eligible(providers[$0]) }
            guard !candidates.isEmpty else { return [] }
            return (0..<count).map { _ in random.element(of: candidates) }
        }
        for index in pick({ _ in true }) {
            providers[index].placementCodes = providers[index].placementCodes.contains("K2") ? ["K1"] : ["K2"]
        }
        // Not the council's own services, whose postcode 229 reads as their local authority.
        for index in pick({ !$0.placementCodes.isDisjoint(with: ["K1", "K2", "K3", "R3", "S1"]) && !$0.providerCodes.contains("PR1") }) {
            providers[index].postcode = "SW1A 0AA"
        }
        for index in pick({ _ in true }) {
            providers[index].providerCodes = providers[index].providerCodes.contains("PR5") ? ["PR3"] : ["PR5"]
        }
        for index in pick({ _ in true }) {
            providers[index].closed = spans[providers[index].urn]!.first.adding(days: -random.int(in: 0...30))
        }
        for index in pick({ spans[$0.urn].map { $0.first.days(to: $0.last) > 2 } ?? false }) {
            let span = spans[providers[index].urn]!
            providers[index].closed = span.first.adding(days: random.int(in: 1...(span.first.days(to: span.last) - 1)))
        }
        for index in pick({ $0.providerCodes.contains("PR1") }) {
            providers[index].localAuthority = Self.otherAuthority.name
            providers[index].postcode = Self.otherAuthority.postcode
        }
        // Last, so the faults above stay on the lists.
        var unlisted = Set(pick({ _ in true }))
        if unlisted.count == used.count { unlisted.removeFirst() }
        providers = providers.indices.filter { !unlisted.contains($0) }.map { providers[$0] }
    }
}
