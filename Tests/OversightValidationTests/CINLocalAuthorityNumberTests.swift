import OversightCore
import OversightInterchange
import OversightSynthetic
import OversightValidation
import Testing

@Suite("CIN rule 1530: the UPN's local authority number")
struct CINLocalAuthorityNumberTests {
    static func child(_ id: String, upn: String?) -> CINCensusChild {
        CINCensusChild(laChildID: id, upn: upn, personBirthDate: LocalDate(year: 2015, month: 1, day: 1), sex: "F", disabilities: ["NONE"])
    }

    static func outcome(_ children: [CINCensusChild], validation: CINValidation) throws -> RuleOutcome {
        var validation = validation
        for child in children { validation.add(child) }
        return try #require(validation.finish().outcomes.first { $0.rule.code == "1530" })
    }

    /// Characters 2-4 are the issuing authority; a child with no UPN is not this rule's concern.
    static let children = [child("A", upn: "A825123456789"), child("B", upn: "A931123456789"), child("C", upn: nil)]

    @Test("A list supplied replaces the shipped one: a UPN whose characters 2-4 are not on it fails, one that is passes")
    func flagsNumbersNotOnTheList() throws {
        let outcome = try Self.outcome(Self.children, validation: CINValidation(year: 2025, localAuthorityNumbers: ["825", "202"]))
        #expect(outcome.skipped == nil)
        #expect(outcome.children == ["B"])
    }

    @Test("By default the rule runs on the shipped list: current, retired, Welsh and offshore numbers pass, others fail")
    func shippedListByDefault() throws {
        let upns = [
            "D": "A201123456789", "E": "A943123456789", "F": "A909123456789", "G": "A681123456789", "H": "A702123456789",
            "X": "A999123456789", "Y": "A901123456789", "Z": "A703123456789",
        ]
        let children = Self.children + upns.map { Self.child($0.key, upn: $0.value) }
        let outcome = try Self.outcome(children, validation: CINValidation(year: 2025))
        #expect(outcome.skipped == nil)
        #expect(outcome.children.sorted() == ["X", "Y", "Z"])
    }

    @Test("Given no list at all, the rule says it did not run, rather than passing silently")
    func notRunWithoutAList() throws {
        let outcome = try Self.outcome(Self.children, validation: CINValidation(year: 2025, localAuthorityNumbers: nil))
        #expect(outcome.failures.isEmpty)
        #expect(outcome.skipped?.contains("--la-numbers") == true)
    }

    @Test("The shipped list: every English authority since the 2023 reorganisation, the retired numbers UPNs still carry")
    func shippedList() {
        let numbers = LocalAuthorityNumbers.bundled
        #expect(numbers.count == 189)
        #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count)
        let english = numbers.filter { !("660"..."708").contains($0) }
        // 153 authorities today, and 7 numbers retired by the reorganisations of 2009, 2019, 2021 and 2023.
        #expect(english.count == 160)
        for retired in ["820", "835", "836", "837", "875", "909", "928"] { #expect(numbers.contains(retired)) }
        for current in ["201", "213", "420", "838", "839", "940", "941", "942", "943"] { #expect(numbers.contains(current)) }
        #expect(numbers.filter { ("660"..."681").contains($0) }.count == 22)
        // Numbers retired before UPNs began (the pre-1998 counties), and numbers no authority ever had.
        for never in ["901", "902", "917", "939", "703", "804", "999"] { #expect(!numbers.contains(never)) }
    }

    @Test("A list file is read with '#' comments, and a line that is not three digits is refused with its line number")
    func parsing() throws {
        #expect(try LocalAuthorityNumbers.parse("# LA numbers\n825  # Buckinghamshire\n\n 931\n", source: "la.txt") == ["825", "931"])
        let error = #expect(throws: LocalAuthorityNumbersError.self) { try LocalAuthorityNumbers.parse("825\n82A\n", source: "la.txt") }
        #expect(error?.description == "la.txt:2: '82A' is not a three-digit local authority number")
    }

    @Test("The generator draws UPNs from across the list and all pass 1530; --dirt plants numbers that are not on it")
    func generatorUsesTheList() throws {
        let generator = CINCensusGenerator(year: 2025, seed: 5)
        let children = (0..<2_000).map(generator.child)
        let authorities = Set(children.compactMap { $0.upn.map { String($0.dropFirst().prefix(3)) } })
        #expect(authorities.count > 40)
        #expect(authorities.isSubset(of: Set(LocalAuthorityNumbers.bundled)))
        #expect(try Self.outcome(children, validation: CINValidation(year: 2025)).failures.isEmpty)

        let dirty = CINCensusGenerator(year: 2025, seed: 5, dirt: true)
        let flagged = try Self.outcome((0..<2_000).map(dirty.child), validation: CINValidation(year: 2025)).children
        #expect(!flagged.isEmpty)
    }
}
