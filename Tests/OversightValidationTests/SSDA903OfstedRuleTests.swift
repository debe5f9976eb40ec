import Foundation
import OversightCore
import OversightInterchange
import OversightSynthetic
import Testing

@testable import OversightValidation

@Suite("SSDA903 rules that look URNs up in Ofsted's provider lists")
struct SSDA903OfstedRuleTests {
    static let providers = SSDA903OfstedProviders([
        .init(
            urn: "SC100001", list: .childrensHomes, localAuthority: "Richmond upon Thames", placementCodes: ["K2"], providerCodes: ["PR4"],
            postcode: "TW9 1AA"),
        .init(
            urn: "SC100002", list: .childrensHomes, localAuthority: "Richmond upon Thames", placementCodes: ["K2"], providerCodes: ["PR4"],
            closed: LocalDate(year: 2024, month: 9, day: 1)!, postcode: "TW9 1AA"),
        .init(
            urn: "1234567", list: .socialCareProviders, localAuthority: "Richmond upon Thames", placementCodes: ["U1", "U2", "U3", "U4", "U5", "U6"],
            providerCodes: ["PR1"], postcode: "TW9 1AA"),
        .init(
            urn: "7654321", list: .socialCareProviders, localAuthority: "Westminster", placementCodes: ["U1", "U2", "U3", "U4", "U5", "U6"],
            providerCodes: ["PR1", "PR2"], postcode: "SW1A 2AA"),
    ])

    static func episode(_ child: String, place: String?, provider: String?, urn: String?, start: String = "01/05/2024", end: String? = nil, ls: String = "C2", postcode: String? = "TW9 1AA") -> [String?] {
        [child, start, "S", ls, "N1", place, provider, end, end == nil ? nil : "E8", nil, "SW1A 1AA", postcode, urn]
    }

    /// The rows `code` flags, run through the validator as `903 validate --reference` runs it.
    static func flagged(_ code: String, year: Int = 2025, _ rows: [String?]..., placingAuthority: String? = "Richmond upon Thames") -> [Int] {
        let data = SSDA903Return(tables: [.episodes: SSDA903Table(kind: .episodes, rows: rows)])
        let reference = SSDA903ReferenceData(providers: providers, placingAuthority: placingAuthority)
        let outcome = SSDA903Validator(year: year, reference: reference).validate(data).outcomes.first { $0.rule.code == code }!
        #expect(outcome.skipped == nil, "\(code): \(outcome.skipped ?? "")")
        return outcome.failures.compactMap { $0.row.map { $0 - 1 } }
    }

    @Test("1008: a URN Ofsted does not list fails; XXXXXXX, a blank URN and a lower-case one that is listed pass", arguments: [2025, 2026])
    func rule1008(year: Int) {
        #expect(
            Self.flagged(
                "1008", year: year, Self.episode("A", place: "K2", provider: "PR4", urn: "SC100001"), Self.episode("B", place: "K2", provider: "PR4", urn: "SC999999"),
                Self.episode("C", place: "U4", provider: "PR1", urn: "XXXXXXX"), Self.episode("D", place: "P1", provider: "PR0", urn: nil),
                Self.episode("E", place: "K2", provider: "PR4", urn: "sc100001")) == [1])
    }

    @Test("219: the placement type must be one the URN's provider offers; an unlisted URN matches none")
    func rule219() {
        #expect(
            Self.flagged(
                "219", Self.episode("A", place: "K2", provider: "PR4", urn: "SC100001"), Self.episode("B", place: "U4", provider: "PR4", urn: "SC100001"),
                Self.episode("C", place: "U6", provider: "PR1", urn: "1234567"), Self.episode("D", place: "K2", provider: "PR4", urn: "SC999999"),
                Self.episode("E", place: "K2", provider: "PR4", urn: "XXXXXXX")) == [1, 3])
    }

    @Test("221: for homes (K1, K2), supported accommodation (K3), family centres and schools the placement postcode must be the provider's (spaces and case aside); H5, short breaks and a blank postcode are not checked")
    func rule221() {
        #expect(
            Self.flagged(
                "221", Self.episode("A", place: "K2", provider: "PR4", urn: "SC100001", postcode: "tw91aa"),
                Self.episode("B", place: "K2", provider: "PR4", urn: "SC100001", postcode: "SW1A 2AA"),
                Self.episode("C", place: "K2", provider: "PR4", urn: "SC100001", ls: "V3", postcode: "SW1A 2AA"),
                Self.episode("D", place: "K2", provider: "PR4", urn: "SC100001", postcode: nil),
                Self.episode("E", place: "U4", provider: "PR1", urn: "1234567", postcode: "SW1A 2AA"),
                Self.episode("F", place: "K2", provider: "PR4", urn: "SC999999"),
                Self.episode("G", place: "H5", provider: "PR4", urn: "SC100001", postcode: "SW1A 2AA")) == [1, 5])
    }

    @Test("224: the placement provider code must be one the URN's provider is listed with; a blank one fails")
    func rule224() {
        #expect(
            Self.flagged(
                "224", Self.episode("A", place: "K2", provider: "PR4", urn: "SC100001"), Self.episode("B", place: "K2", provider: "PR5", urn: "SC100001"),
                Self.episode("C", place: "K2", provider: nil, urn: "SC100001"), Self.episode("D", place: "U4", provider: "PR2", urn: "7654321"),
                Self.episode("E", place: "U4", provider: nil, urn: "XXXXXXX")) == [1, 2])
    }

    @Test("227: an episode starting on or after the day the registration ended fails; 228: one ending after it (or still open at 31 March) fails")
    func closedProviders() {
        let rows = [
            Self.episode("A", place: "K2", provider: "PR4", urn: "SC100002", start: "01/05/2024", end: "01/09/2024"),
            Self.episode("B", place: "K2", provider: "PR4", urn: "SC100002", start: "01/05/2024", end: "02/09/2024"),
            Self.episode("C", place: "K2", provider: "PR4", urn: "SC100002", start: "01/05/2024"),
            Self.episode("D", place: "K2", provider: "PR4", urn: "SC100002", start: "01/09/2024", end: "01/10/2024"),
            Self.episode("E", place: "K2", provider: "PR4", urn: "SC100001", start: "01/09/2024"),
        ]
        let data = SSDA903Return(tables: [.episodes: SSDA903Table(kind: .episodes, rows: rows)])
        let report = SSDA903Validator(year: 2025, reference: SSDA903ReferenceData(providers: Self.providers)).validate(data)
        func flaggedRows(_ code: String) -> [Int] { report.outcomes.first { $0.rule.code == code }!.failures.compactMap { $0.row.map { $0 - 1 } } }
        #expect(flaggedRows("227") == [3])
        #expect(flaggedRows("228") == [1, 2, 3])
    }

    @Test("229: own provision (PR1) must be in the placing council's area and another council's (PR2) outside it; other codes are not checked")
    func rule229() {
        let rows = [
            Self.episode("A", place: "U4", provider: "PR1", urn: "1234567"), Self.episode("B", place: "U4", provider: "PR1", urn: "7654321"),
            Self.episode("C", place: "U4", provider: "PR2", urn: "7654321"), Self.episode("D", place: "U4", provider: "PR2", urn: "1234567"),
            Self.episode("E", place: "K2", provider: "PR4", urn: "SC100001"), Self.episode("F", place: "U4", provider: "PR1", urn: "SC999999"),
        ]
        #expect(Self.flagged("229", rows[0], rows[1], rows[2], rows[3], rows[4], rows[5]) == [1, 3, 5])
        #expect(Self.flagged("229", rows[0], rows[1], placingAuthority: "RICHMOND-UPON-THAMES") == [1], "names compare without case or punctuation")
        #expect(SSDA903Rules.comparableAuthority("Bristol, City of") == SSDA903Rules.comparableAuthority("bristol city of"))
    }

    @Test("229 from 2025/26 leaves out supported accommodation (K3) and the placements that take no URN (P1, Z11…)")
    func rule229ByYear() {
        let rows = ["P1", "K3", "K1", "U4"].enumerated().map { Self.episode("\($0.offset)", place: $0.element, provider: "PR1", urn: "7654321") }
        #expect(Self.flagged("229", year: 2025, rows[0], rows[1], rows[2], rows[3]) == [0, 1, 2, 3])
        #expect(Self.flagged("229", year: 2026, rows[0], rows[1], rows[2], rows[3]) == [2, 3])
    }

    @Test("Without the lists every URN rule is skipped with what to supply; 229 also needs the placing authority")
    func skippedWithoutReference() {
        let data = SSDA903Return(tables: [.episodes: SSDA903Table(kind: .episodes, rows: [Self.episode("A", place: "K2", provider: "PR4", urn: "SC999999")])])
        let codes = ["219", "221", "224", "227", "228", "229", "1008"]
        for year in [2025, 2026] {
            let without = SSDA903Validator(year: year).validate(data).outcomes.filter { codes.contains($0.rule.code) }
            #expect(without.count == codes.count && without.allSatisfy { $0.skipped == SSDA903ReferenceNeed.ofstedProviders.skipReason })
            let withLists = SSDA903Validator(year: year, reference: SSDA903ReferenceData(providers: Self.providers)).validate(data).outcomes
                .filter { codes.contains($0.rule.code) }
            #expect(withLists.filter { $0.skipped != nil }.map(\.rule.code) == ["229"])
            #expect(withLists.first { $0.rule.code == "229" }?.skipped == SSDA903ReferenceNeed.placingAuthority.skipReason)
            #expect(withLists.first { $0.rule.code == "1008" }?.failures.count == 1)
        }
    }

    @Test("The generator's lists: its clean return passes every URN rule, and its --dirt lists make each of them fire", arguments: [2025, 2026])
    func generatedLists(year: Int) {
        let codes = ["219", "221", "224", "227", "228", "229", "1008"]
        let clean = SSDA903Generator(year: year, children: 1500, seed: 3)
        let reference = SSDA903ReferenceData(providers: clean.ofstedProviders(), placingAuthority: SSDA903Generator.placingAuthority)
        let report = SSDA903Validator(year: year, reference: reference).validate(clean.generate())
        #expect(report.outcomes.filter { codes.contains($0.rule.code) }.allSatisfy { $0.skipped == nil })
        #expect(report.failed.map(\.rule.code) == [])

        let dirty = SSDA903Generator(year: year, children: 1500, seed: 3, dirt: true)
        let dirtyReference = SSDA903ReferenceData(providers: dirty.ofstedProviders(), placingAuthority: SSDA903Generator.placingAuthority)
        let fired = Set(SSDA903Validator(year: year, reference: dirtyReference).validate(dirty.generate()).failed.map(\.rule.code))
        #expect(Set(codes).subtracting(fired).isEmpty, "did not fire: \(Set(codes).subtracting(fired).sorted())")
    }
}

extension SSDA903PeerDifferenceTests {
    /// The DfE's tool infers a provider's local authority from its postcode (its own note says this "may be
    /// inaccurate"); Oversight reads the local authority Ofsted's list records. For a provider whose listed
    /// authority is not the one its postcode lies in, the two flag opposite rows.
    @Test("229: the provider's local authority is the one Ofsted lists, even where its postcode lies in another council's area")
    func rule229ListedAuthority() {
        let providers = SSDA903OfstedProviders([
            .init(
                urn: "SC100002", list: .childrensHomes, localAuthority: "Westminster", placementCodes: ["K2"], providerCodes: ["PR1", "PR2"],
                postcode: "TW9 1AA")
        ])
        let episodes = SSDA903Table(kind: .episodes, rows: [
            SSDA903OfstedRuleTests.episode("A", place: "K2", provider: "PR1", urn: "SC100002"),
            SSDA903OfstedRuleTests.episode("B", place: "K2", provider: "PR2", urn: "SC100002"),
        ])
        let reference = SSDA903ReferenceData(providers: providers, placingAuthority: "Richmond upon Thames")
        let outcome = SSDA903Validator(year: 2025, reference: reference).validate(SSDA903Return(tables: [.episodes: episodes]))
            .outcomes.first { $0.rule.code == "229" }
        #expect(outcome?.failures.map(\.child) == ["A"])
    }
}
