import OversightCore
import OversightInterchange
import OversightStorage

extension CINValidation {
    /// Validates the census a store would return for `year`: the data-quality view of stored case records, so
    /// pages can show which children (and so which teams) hold DfE rule failures before the return is made.
    public static func validateStored(_ records: CaseRecords, year: Int) -> ValidationReport {
        var validation = CINValidation(year: year)
        for child in CINCensusExporter(year: year).children(from: records) { validation.add(child) }
        return validation.finish()
    }
}
