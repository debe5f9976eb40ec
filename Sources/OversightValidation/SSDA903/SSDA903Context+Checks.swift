import OversightCore
import OversightInterchange

/// The two shapes most of the DfE's field rules take, so a rule file states only the field and its list.
extension SSDA903Context {
    /// Rows whose `field` is not one of `codes`; with `required`, a blank value is flagged too.
    public func invalidCode(_ table: SSDA903TableKind, _ field: SSDA903Field, in codes: Set<String>, required: Bool) -> [SSDA903RowReference] {
        let values = self[table][field]
        return flag(table) { row in values[row].map { !codes.contains($0) } ?? required }
    }

    /// Rows whose `field` is not a real dd/mm/yyyy date; with `required`, a blank value is flagged too.
    public func invalidDate(_ table: SSDA903TableKind, _ field: SSDA903Field, required: Bool) -> [SSDA903RowReference] {
        let values = self[table][field]
        let dates = self[table].dates(field)
        return flag(table) { row in values[row] == nil ? required : dates[row] == nil }
    }

    /// Rows where some of `fields` are completed and some left blank: the DfE wants a group all or nothing.
    public func partlyCompleted(_ table: SSDA903TableKind, _ fields: [SSDA903Field]) -> [SSDA903RowReference] {
        let columns = fields.map { self[table][$0] }
        return flag(table) { row in
            let completed = columns.count { $0[row] != nil }
            return completed > 0 && completed < columns.count
        }
    }

    /// Each row's child's age in whole years on `date`, from the table's own date of birth.
    public func ages(_ table: SSDA903TableKind, on date: LocalDate) -> [Int?] {
        self[table].dates(.dob).map { $0?.age(on: date) }
    }

    /// OC2 rows of children outside the 12-month cohort that complete any of `fields`.
    public func outsideTwelveMonthCohort(with fields: [SSDA903Field]) -> [SSDA903RowReference] {
        let oc2 = self[.oc2]
        let columns = fields.map { oc2[$0] }
        let children = oc2.children
        return flag(.oc2) { row in
            !(children[row].map(lookedAfterTwelveMonths.contains) ?? false) && columns.contains { $0[row] != nil }
        }
    }

    /// OC2 rows of children in the 12-month cohort for which `fails` holds.
    public func inTwelveMonthCohort(where fails: (Int) -> Bool) -> [SSDA903RowReference] {
        let children = self[.oc2].children
        return flag(.oc2) { row in (children[row].map(lookedAfterTwelveMonths.contains) ?? false) && fails(row) }
    }

    /// Header rows whose `field` differs from last year's value for the same child; `counts` can excuse a change.
    /// A value recorded in one year and blank in the other is a difference: one of the two is wrong.
    public func changedSinceLastYear(
        _ field: SSDA903Field, counts: (_ last: String?, _ now: String?) -> Bool = { _, _ in true }
    ) -> [SSDA903RowReference] {
        let last = lastYear(.header)
        var previous: [String: String?] = [:]
        for (row, child) in last.children.enumerated() {
            if let child, previous[child] == nil { previous[child] = last[field][row] }
        }
        let now = self[.header][field], children = self[.header].children
        return flag(.header) { row in
            guard let child = children[row], let before = previous[child], before != now[row] || before == nil else { return false }
            return counts(before, now[row])
        }
    }

    /// Children the return codes as UASC. The CSV return has no UASC field: as the DfE's CSV format has it, a child is
    /// UASC (status 1) when the UASC table has a row for them, and the status belongs to a child of the Header.
    public func asylumSeekingChildren(lastYear: Bool = false) -> Set<String> {
        let header = lastYear ? self.lastYear(.header) : self[.header]
        let uasc = lastYear ? self.lastYear(.uasc) : self[.uasc]
        return Set(uasc.children.compactMap { $0 }).intersection(header.children.compactMap { $0 })
    }

    /// UASC rows that code no child of the return as UASC: CHILD blank, or a child the Header does not hold.
    public func uascRowsNamingNoChild() -> [SSDA903RowReference] {
        let children = self[.uasc].children
        return flag(.uasc) { row in children[row].map { headerRows[$0] == nil } ?? true }
    }
}
