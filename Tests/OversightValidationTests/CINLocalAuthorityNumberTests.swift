import OversightCore
import OversightInterchange
import OversightValidation
import Testing

@Suite("CIN rule 1530: the UPN's local authority number")
struct CINLocalAuthorityNumberTests {
    static func child(_ id: String, upn: String?) -> CINCensusChild {
        CINCensusChild(laChildID: id, upn: upn, personBirthDate: LocalDate(year: 2015, month: 1, day: 1), sex: "F", disabilities: ["NONE"])
    }

    static func outcome(_ numbers: Set<String>?) throws -> RuleOutcome {
        var validation = CINValidation(year: 2025, localAuthorityNumbers: numbers)
        // Characters 2-4 are the issuing authority: 825 and 931 here; a child with no UPN is not this rule's concern.
        for child in [child("A", upn: "A825123456789"), child("B", upn: "A931123456789"), child("C", upn: nil)] { validation.add(child) }
        return try #require(validation.finish().outcomes.first { $0.rule.code == "1530" })
    }

    @Test("With the DfE's list supplied, a UPN whose characters 2-4 are not on it fails, and one that is passes")
    func flagsNumbersNotOnTheList() throws {
        let outcome = try Self.outcome(["825", "202"])
        #expect(outcome.skipped == nil)
        #expect(outcome.children == ["B"])
    }

    @Test("Without the list the rule says it did not run, rather than passing silently")
    func notRunWithoutTheList() throws {
        let outcome = try Self.outcome(nil)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.skipped?.contains("--la-numbers") == true)
    }
}
