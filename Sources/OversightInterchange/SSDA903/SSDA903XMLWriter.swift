import Foundation

/// Writes SSDA903 tables as the DfE's 903 XML (root `<EXPSSDA903>`, schema CLA.xsd), in the schema's element
/// order, so `SSDA903XMLReader` reads back the same tables.
///
/// The XML nests every row under its child's header and holds one UASC, OC3, AD1, OC2 and previous permanence
/// record per child, and no social worker episodes or DoLo. Rows it cannot hold are an error, never dropped.
public enum SSDA903XMLWriter {
    /// Writes `tables` to the file at `path`.
    /// - Throws: `InterchangeError.cannotWrite` when the file cannot be created, or when a row has no place in
    ///   the XML (a child with no Header row, a second OC2 row for a child, any SWEpisodes row).
    public static func write(_ tables: [SSDA903TableKind: SSDA903Table], to path: String) throws(InterchangeError) {
        let text = try document(tables, name: (path as NSString).lastPathComponent)
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// The XML text of `tables`; `name` is the file named in errors.
    public static func document(_ tables: [SSDA903TableKind: SSDA903Table], name: String) throws(InterchangeError) -> String {
        for kind in [SSDA903TableKind.socialWorkerEpisodes, .deprivationOfLiberty] where (tables[kind]?.count ?? 0) > 0 {
            throw .cannotWrite(path: name, reason: "the 903 XML has no place for \(kind.rawValue) rows; write the return as CSV")
        }
        guard let header = tables[.header] else {
            throw .cannotWrite(path: name, reason: "there is no Header table, and the 903 XML nests every row under a child's header")
        }
        var rowsByChild: [SSDA903TableKind: [String: [Int]]] = [:]
        var headerChildren = Set<String>()
        for row in header.indices {
            guard let child = header.children[row], headerChildren.insert(child).inserted else {
                throw .cannotWrite(
                    path: name, reason: "\(header.file) line \(header.lines[row]): child \(header.children[row] ?? "(blank)") needs one Header row, for the 903 XML's <CHILDID>")
            }
        }
        for (kind, table) in tables where kind != .header {
            for row in table.indices {
                guard let child = table.children[row], headerChildren.contains(child) else {
                    throw .cannotWrite(
                        path: name,
                        reason: "\(table.file) line \(table.lines[row]): child \(table.children[row] ?? "(blank)") has no Header row, so the 903 XML has nowhere to put it")
                }
                rowsByChild[kind, default: [:]][child, default: []].append(row)
            }
        }
        for kind in [SSDA903TableKind.uasc, .oc3, .ad1] {
            if let (child, rows) = rowsByChild[kind]?.first(where: { $0.value.count > 1 }) {
                throw .cannotWrite(path: name, reason: "child \(child) has \(rows.count) \(kind.rawValue) rows; the 903 XML holds one")
            }
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EXPSSDA903>\n"
        for headerRow in header.indices {
            let child = header.children[headerRow] ?? ""
            func rows(_ kind: SSDA903TableKind) -> [(SSDA903Table, Int)] {
                (rowsByChild[kind]?[child] ?? []).map { (tables[kind]!, $0) }
            }
            func leaf(_ element: String, _ value: String?, always: Bool = false, indent: Int) {
                guard value != nil || always else { return }
                out += String(repeating: "  ", count: indent)
                out += value.map { "<\(element)>\(CINCensusWriter.escape($0))</\(element)>\n" } ?? "<\(element) />\n"
            }
            func block(_ element: String, _ kind: SSDA903TableKind, _ fields: [SSDA903Field], indent: Int = 3) {
                let margin = String(repeating: "  ", count: indent)
                for (table, row) in rows(kind) {
                    out += "\(margin)<\(element)>\n"
                    for field in fields {
                        leaf(field == .place ? "PL" : field.rawValue, table[field][row], always: true, indent: indent + 1)
                    }
                    out += "\(margin)</\(element)>\n"
                }
            }
            func single(_ kind: SSDA903TableKind, _ fields: [SSDA903Field]) {
                let found = rows(kind).first
                for field in fields { leaf(field.rawValue, found.flatMap { $0.0[field][$0.1] }, indent: 3) }
            }
            out += "  <CHILD>\n    <HEADER>\n"
            leaf("CHILDID", header[.child][headerRow], always: true, indent: 3)
            leaf("UPN", header[.upn][headerRow], always: true, indent: 3)
            leaf("SEX", header[.sex][headerRow], always: true, indent: 3)
            leaf("DOB", header[.dob][headerRow], always: true, indent: 3)
            leaf("ETHNIC", header[.ethnic][headerRow], always: true, indent: 3)
            // 0 rather than empty: the peer's 105 reads an empty <UASC /> as status not completed.
            leaf("UASC", rows(.uasc).isEmpty ? "0" : "1", indent: 3)
            single(.uasc, [.duc])
            single(.ad1, [.dateInt, .dateMatch, .fosterCare, .nbAdoptr, .sexAdoptr, .lsAdoptr])
            single(.oc3, [.inTouch, .activ, .accom])
            block("AMISSING", .missing, [.missing, .misStart, .misEnd])
            block("AREVIEW", .reviews, [.review, .reviewCode])
            leaf("MOTHER", header[.mother][headerRow], always: true, indent: 3)
            leaf("MC_DOB", header[.motherChildDOB][headerRow], always: true, indent: 3)
            block("PERMANENCE", .previousPermanence, [.prevPerm, .laPerm, .datePerm])
            block(
                "OC2", .oc2,
                [
                    .sdqScore, .sdqReason, .convicted, .healthCheck, .immunisations, .teethCheck, .healthAssessment,
                    .substanceMisuse, .interventionReceived, .interventionOffered,
                ])
            block("AD_PLACED", .placedAdoption, [.datePlaced, .datePlacedCeased, .reasonPlacedCeased])
            out += "    </HEADER>\n"
            block(
                "EPISODE", .episodes,
                [.decom, .rne, .ls, .cin, .place, .plPost, .homePost, .urn, .placeProvider, .dec, .rec, .reasonPlaceChange], indent: 2)
            out += "  </CHILD>\n"
        }
        out += "</EXPSSDA903>\n"
        return out
    }
}
