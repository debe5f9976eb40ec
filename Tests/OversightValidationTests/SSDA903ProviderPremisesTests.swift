import Foundation
import OversightInterchange
import OversightSynthetic
import Testing

@testable import OversightValidation

/// Supported accommodation providers on Ofsted's social care providers list: 1000001 with premises in Richmond
/// upon Thames (TW9 1AF), 1000002 listed twice, with premises in Richmond and in Maidstone (Kent).
enum Premises {
    static let providers = SSDA903OfstedProviders([
        provider("1000001", postcode: "TW9 1AF"), provider("1000002", postcode: "TW9 1AF"), provider("1000002", postcode: "ME14 1XQ"),
    ])

    static func provider(_ urn: String, postcode: String) -> SSDA903OfstedProviders.Provider {
        SSDA903OfstedProviders.Provider(
            urn: urn, list: .socialCareProviders, localAuthority: "Richmond upon Thames", placementCodes: ["K3"], providerCodes: ["PR4"],
            postcode: postcode)
    }

    /// The test grid (`Grid.reference`) with the lists.
    static let reference: SSDA903ReferenceData = {
        var reference = Grid.reference
        reference.providers = providers
        return reference
    }()

    /// An episode open from 1 May 2025 at a placement with a URN.
    static func episode(_ child: String, place: String = "K3", placed: String?, urn: String?) -> [String?] {
        var episode = Grid.episode(child, place: place, provider: "PR4", home: "TW1 3BZ", placed: placed, start: "01/05/2025")
        episode[12] = urn
        return episode
    }
}

@Suite("SSDA903 rules 241 and 243: where a placement with an Ofsted URN may be (2025/26)")
struct SSDA903ProviderPremisesRuleTests {
    @Test("241: supported accommodation (K3) outside every LA its provider has premises in fails; an unlisted provider or no LA of placement fails")
    func rule241() {
        let episodes = Build.episodes(
            Premises.episode("A", placed: "TW9 1TP", urn: "1000001"), Premises.episode("B", placed: "ME14 1XQ", urn: "1000001"),
            Premises.episode("C", placed: "ME14 1XQ", urn: "1000002"), Premises.episode("D", placed: "ME14 1XQ", urn: "XXXXXXX"),
            Premises.episode("E", placed: "ME14 1XQ", urn: "9999999"), Premises.episode("F", place: "K2", placed: "ME14 1XQ", urn: "1000001"),
            Premises.episode("G", placed: nil, urn: "1000001"), Premises.episode("H", placed: "EH99 1SP", urn: nil))
        #expect(Grid.flagged("241", year: 2026, episodes, reference: Premises.reference) == Build.rows(.episodes, 1, 4, 6))
        #expect(SSDA903Rules.rule("241", year: 2025) == nil)
    }

    @Test("243: any URN, XXXXXXX included, on a placement in Scotland or Wales fails; one in England or with no URN does not")
    func rule243() {
        let episodes = Build.episodes(
            Premises.episode("A", place: "U4", placed: "EH99 1SP", urn: "1000003"), Premises.episode("B", place: "K2", placed: "ZE1 0AA", urn: "XXXXXXX"),
            Premises.episode("C", place: "U4", placed: "EH99 1SP", urn: nil), Premises.episode("D", place: "U4", placed: "TW9 1TP", urn: "1000003"),
            Premises.episode("E", place: "U4", placed: "XX1 1XX", urn: "1000003"))
        #expect(Grid.flagged("243", year: 2026, episodes) == Build.rows(.episodes, 0, 1))
        #expect(SSDA903Rules.rule("243", year: 2025) == nil)
    }

    @Test("218 (2025/26) with the grid: a placement outside England needs no URN; one in England still does")
    func rule218OutsideEngland() {
        let episodes = Build.episodes(
            Premises.episode("A", place: "U4", placed: "EH99 1SP", urn: nil), Premises.episode("B", place: "U4", placed: "TW9 1TP", urn: nil))
        #expect(Grid.flagged("218", year: 2026, episodes) == Build.rows(.episodes, 1))
    }

    @Test("241 is skipped without the lists or without the grid; 243 and 218 without the grid")
    func skipped() {
        let data = SSDA903Return(tables: [.episodes: Build.episodes(Premises.episode("A", placed: "ME14 1XQ", urn: "1000001"))])
        func outcome(_ code: String, _ reference: SSDA903ReferenceData) -> RuleOutcome? {
            SSDA903Validator(year: 2026, reference: reference).validate(data).outcomes.first { $0.rule.code == code }
        }
        #expect(outcome("241", Grid.reference)?.skipped == SSDA903ReferenceNeed.ofstedProviders.skipReason)
        #expect(outcome("241", SSDA903ReferenceData(providers: Premises.providers))?.skipped == SSDA903ReferenceNeed.postcodes.skipReason)
        #expect(outcome("241", Premises.reference)?.failures.count == 1)
        for code in ["218", "243"] { #expect(outcome(code, SSDA903ReferenceData())?.skipped == SSDA903ReferenceNeed.postcodes.skipReason) }
    }

    @Test("A clean generated 2025/26 return passes 218, 241 and 243 with the generator's grid and lists; --dirt makes 241 and 243 fire")
    func generatedReturn() throws {
        let directory = try Grid.folder([:])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try SSDA903Generator.writePostcodeReference(to: directory)
        let grid = try SSDA903ReferenceData.load(directory: directory)
        func report(dirt: Bool) -> ValidationReport {
            let generator = SSDA903Generator(year: 2026, children: 1500, seed: 3, dirt: dirt)
            var reference = grid
            reference.localAuthority = SSDA903Generator.submittingAuthority
            reference.providers = generator.ofstedProviders()
            return SSDA903Validator(year: 2026, reference: reference).validate(generator.generate())
        }
        let codes: Set<String> = ["218", "241", "243"]
        let clean = report(dirt: false)
        #expect(clean.outcomes.filter { codes.contains($0.rule.code) }.allSatisfy { $0.skipped == nil && $0.failures.isEmpty })
        let fired = Set(report(dirt: true).failed.map(\.rule.code))
        #expect(fired.isSuperset(of: ["241", "243"]), "\(fired.intersection(codes))")
    }
}

extension SSDA903PeerDifferenceTests {
    /// Probed as a black box (hand-made returns, with and without Ofsted's lists) the peer flags a K3 placement
    /// with a URN exactly when its LA of placement is not the submitting council, whatever premises the lists
    /// give; ours reads the premises from the lists, as the DfE's text asks.
    @Test("241: the provider's premises decide, not the submitting council")
    func rule241Premises() {
        let episodes = Build.episodes(
            Premises.episode("A", placed: "ME14 1XQ", urn: "1000002"),  // the peer flags: Kent is not Richmond
            Premises.episode("B", placed: "TW9 1TP", urn: "9999999"))  // the peer passes: Richmond, no premises known
        #expect(Grid.flagged("241", year: 2026, episodes, reference: Premises.reference) == Build.rows(.episodes, 1))
    }
}
