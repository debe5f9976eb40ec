import OversightCore
import OversightInterchange

/// The validator's own integrity checks (INT…, EPI, NoE): every child in another table is in the header with the
/// same date of birth and sex, and appears once in the tables that hold one row per child.
extension SSDA903Rules {
    static let rulesInternal: [SSDA903Rule] =
        [
            ("INT01", SSDA903TableKind.ad1), ("INT02", .placedAdoption), ("INT03", .episodes), ("INT04", .missing), ("INT05", .oc2),
            ("INT06", .oc3), ("INT07", .previousPermanence), ("INT08", .reviews), ("INT09", .uasc),
        ].map { code, table in
            SSDA903Rule(code, tables: [.header, table]) { context in
                let children = context[table].children
                return context.flag(table) { row in children[row].map { context.headerRows[$0] == nil } ?? true }
            }
        }
        + [
            ("INT11", SSDA903TableKind.ad1, SSDA903Field.dob), ("INT12", .placedAdoption, .dob), ("INT13", .missing, .dob),
            ("INT14", .oc2, .dob), ("INT15", .oc3, .dob), ("INT16", .previousPermanence, .dob), ("INT17", .reviews, .dob),
            ("INT18", .uasc, .dob), ("INT21", .uasc, .sex),
        ].map { code, table, field in
            SSDA903Rule(code, tables: [.header, table]) { $0.disagreesWithHeader(table, on: field) }
        }
        + [
            ("INT31", SSDA903TableKind.ad1), ("INT32", .header), ("INT33", .oc2), ("INT34", .oc3), ("INT35", .previousPermanence),
            ("INT36", .uasc),
        ].map { code, table in
            SSDA903Rule(code, tables: [table]) { $0.repeatedChildren(in: table) }
        }
        + [
            // The DfE portal validates nothing more for a child without episodes; care leavers (OC3) have none.
            SSDA903Rule("EPI", tables: [.header, .episodes]) { context in
                let leavers = Set(context.data[.oc3]?.children.compactMap { $0 } ?? [])
                let children = context[.header].children
                return context.flag(.header) { row in
                    guard let child = children[row] else { return false }
                    return context.episodesByChild[child] == nil && !leavers.contains(child)
                }
            },
            SSDA903Rule("NoE", tables: [.episodes], lastYear: [.episodes]) { context in
                let began = context[.episodes].dates(.decom)
                let lastYears = Set(context.lastYear(.episodes).children.compactMap { $0 })
                return context.episodesByChild.compactMap { child, rows in
                    guard !child.isEmpty, !lastYears.contains(child), let first = rows.first, let start = began[first],
                        start < context.collectionStart
                    else { return nil }
                    return SSDA903RowReference(.episodes, first)
                }
            },
        ]
}

extension SSDA903Context {
    /// Rows of `table` whose `field` differs from the header's for the same child. Dates are compared as dates,
    /// and only when both are real ones: a blank or impossible date is 102's finding, not a disagreement.
    func disagreesWithHeader(_ table: SSDA903TableKind, on field: SSDA903Field) -> [SSDA903RowReference] {
        let children = self[table].children
        if field.isDate {
            let header = self[.header].dates(field), values = self[table].dates(field)
            return flag(table) { row in
                guard let child = children[row], let headerRow = headerRows[child], let date = values[row], let expected = header[headerRow]
                else { return false }
                return date != expected
            }
        }
        let header = self[.header][field], values = self[table][field]
        return flag(table) { row in
            guard let child = children[row], let headerRow = headerRows[child] else { return false }
            return values[row] != header[headerRow]
        }
    }

    /// Every row of a child who appears more than once in `table`.
    func repeatedChildren(in table: SSDA903TableKind) -> [SSDA903RowReference] {
        var rowsByChild: [String: [Int]] = [:]
        for (row, child) in self[table].children.enumerated() { if let child { rowsByChild[child, default: []].append(row) } }
        return rowsByChild.values.filter { $0.count > 1 }.flatMap { $0.map { SSDA903RowReference(table, $0) } }
    }
}
