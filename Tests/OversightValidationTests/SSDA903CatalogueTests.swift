import OversightInterchange
@testable import OversightValidation
import Testing

/// Issue 4 asks for every rule of lac2024_25 and lac2025_26. The catalogue holds the DfE's codes for each pack; this
/// keeps every one of them backed by a rule, so "skipped: not yet implemented" can only come from a new pack.
@Suite("SSDA903 catalogue: every rule of both packs implemented")
struct SSDA903CatalogueTests {
    @Test("Every code of 2024/25 (305) and 2025/26 (316) has a rule for that year", arguments: [(2025, 305), (2026, 316)])
    func everyCodeHasARule(year: Int, count: Int) {
        let entries = SSDA903Catalogue.entries(forYear: year)
        #expect(entries.count == count)
        let missing = entries.filter { SSDA903Rules.rule($0.code, year: year) == nil }.map(\.code)
        #expect(missing.isEmpty, "no rule for \(missing)")
    }

    @Test("A validation with no tables at all reports no rule as not implemented")
    func nothingReportedAsNotImplemented() {
        for year in SSDA903Catalogue.years {
            let report = SSDA903Validator(year: year).validate(SSDA903Return(tables: [:]))
            #expect(!report.outcomes.contains { $0.skipped?.contains("not yet implemented") == true }, "\(year)")
            #expect(report.outcomes.count == SSDA903Catalogue.entries(forYear: year).count)
        }
    }
}
