import OversightCore

/// What was wrong with one value in one row; the importer adds the file and line.
struct RowError: Error {
    var column: String
    var value: String
    var reason: String
}

/// Column positions for one SSD file, found by name with each CMS's aliases.
///
/// Every value read asks for its column by name, so lookups avoid `Dictionary`'s seeded SipHash:
/// an FNV-1a hash into a small open-addressed table costs a fraction of it.
struct ColumnIndex {
    let header: [String]
    private var slots: [(name: String, position: Int)?]
    private let mask: Int

    init(header: [String], aliases: [String: [String]]) {
        self.header = header
        var byName: [String: Int] = [:]
        for (index, name) in header.enumerated() where byName[name.lowercased()] == nil {
            byName[name.lowercased()] = index
        }
        var positions = byName
        for (canonical, names) in aliases where positions[canonical] == nil {
            if let index = names.lazy.compactMap({ byName[$0] }).first { positions[canonical] = index }
        }
        var size = 16
        while size < positions.count * 4 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: nil, count: size)
        for (name, position) in positions.sorted(by: { $0.key < $1.key }) {
            var slot = Self.hash(name) & mask
            while slots[slot] != nil { slot = (slot + 1) & mask }
            slots[slot] = (name, position)
        }
    }

    func position(_ column: String) -> Int? {
        var slot = Self.hash(column) & mask
        while let entry = slots[slot] {
            if entry.name == column { return entry.position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func hash(_ text: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}

/// One row of an SSD CSV, read value by value with the SSD's conventions.
///
/// Sentinels mean "not recorded": `1900-01-01`, `SSD_PH`, `PLACEHOLDER_DATA`, `-1` and empty text.
/// Dates may be SQL datetimes (`2024-12-10 00:00:00.000`), ISO dates or `dd/mm/yyyy`.
struct SSDRow {
    let record: CSVRecord
    let columns: ColumnIndex
    let resolver: CodeResolver

    static let sentinels: Set<String> = ["SSD_PH", "PLACEHOLDER_DATA", "-1", "NULL"]

    /// The raw text, before sentinels are removed; `nil` when the column is absent.
    func raw(_ column: String) -> String? {
        guard let index = columns.position(column), index < record.fields.count else { return nil }
        return record.fields[index]
    }

    func text(_ column: String) -> String? {
        guard let raw = raw(column) else { return nil }
        return Self.meaningful(raw)
    }

    /// The value without surrounding spaces, or `nil` for empty text and the SSD's sentinels.
    ///
    /// Every value of an extract passes through here, so the common case (no spaces, not a
    /// sentinel) allocates nothing.
    static func meaningful(_ raw: String) -> String? {
        let utf8 = raw.utf8
        guard let first = utf8.first, let last = utf8.last else { return nil }
        if first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09 {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : meaningful(trimmed)
        }
        switch utf8.count {
        case 2 where first == 0x2D && last == 0x31: return nil  // -1
        case 4, 6, 16:
            if sentinels.contains(raw.uppercased()) { return nil }
        default: break
        }
        return raw
    }

    func requiredText(_ column: String) throws(RowError) -> String {
        guard let value = text(column) else {
            throw RowError(column: column, value: raw(column) ?? "", reason: "is required but empty")
        }
        return value
    }

    func id<T>(_ column: String) -> Identifier<T>? { text(column).map { Identifier<T>($0) } }

    func requiredID<T>(_ column: String) throws(RowError) -> Identifier<T> { Identifier(try requiredText(column)) }

    func date(_ column: String) throws(RowError) -> LocalDate? {
        guard let value = text(column) else { return nil }
        guard let date = Self.parseDate(value) else {
            throw RowError(column: column, value: value, reason: "is not a valid date (expected YYYY-MM-DD, a SQL datetime or dd/mm/yyyy)")
        }
        return date.year == 1900 && date.month == 1 && date.day == 1 ? nil : date
    }

    func requiredDate(_ column: String) throws(RowError) -> LocalDate {
        guard let date = try date(column) else {
            throw RowError(column: column, value: raw(column) ?? "", reason: "is required but empty")
        }
        return date
    }

    func code<C: CodeList>(_ column: String, _ type: C.Type) throws(RowError) -> C? {
        guard let value = text(column) else { return nil }
        switch resolver.resolve(value, as: C.self) {
        case .code(let code): return code
        case .notApplicable: return nil
        case .unknown:
            throw RowError(column: column, value: value,
                           reason: "is not a \(C.listName) code and the mapping file has no description like it; add it to the mapping (oversight mapping)")
        }
    }

    /// Like `code`, but tells "recognised and out of scope" apart from "not recorded".
    func resolution<C: CodeList>(_ column: String, _ type: C.Type) throws(RowError) -> ValueMapping.Resolution<C>? {
        guard let value = text(column) else { return nil }
        let resolved = resolver.resolve(value, as: C.self)
        if resolved == .unknown {
            throw RowError(column: column, value: value,
                           reason: "is not a \(C.listName) code and the mapping file has no description like it; add it to the mapping (oversight mapping)")
        }
        return resolved
    }

    func flag(_ column: String) throws(RowError) -> Bool? {
        guard let value = text(column) else { return nil }
        if value.utf8.count == 1 {
            // Folding to lower case leaves the digits as they are.
            switch value.utf8.first! | 0x20 {
            case UInt8(ascii: "y"), UInt8(ascii: "t"), UInt8(ascii: "1"): return true
            case UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "0"): return false
            default: break
            }
        }
        switch value.uppercased() {
        case "Y", "YES", "1", "TRUE", "T": return true
        case "N", "NO", "0", "FALSE", "F": return false
        case "NA", "N/A", "U", "UNKNOWN": return nil
        default: throw RowError(column: column, value: value, reason: "is not Y or N")
        }
    }

    func number(_ column: String) throws(RowError) -> Double? {
        guard let value = text(column) else { return nil }
        guard let number = Double(value), number.isFinite else {
            throw RowError(column: column, value: value, reason: "is not a number")
        }
        return number
    }

    /// A flag from one of the SSD's hand-built JSON columns.
    ///
    /// SystemC concatenates these without escaping, so a quote or newline in COMMENTS breaks the JSON.
    /// The flags come before COMMENTS, so they are found by scanning for `"KEY":"value"` rather than
    /// by parsing, which would throw the whole column away.
    func jsonFlag(_ column: String, keys: [String]) -> Bool? {
        guard let text = text(column) else { return nil }
        for key in keys {
            guard let value = Self.scanJSONValue(text, key: key) else { continue }
            switch value.uppercased() {
            case "Y", "YES", "1", "TRUE": return true
            case "N", "NO", "0", "FALSE": return false
            default: continue
            }
        }
        return nil
    }

    static func scanJSONValue(_ text: String, key: String) -> String? {
        let needle = Array("\"\(key)\"".utf8)
        let bytes = Array(text.utf8)
        guard bytes.count >= needle.count else { return nil }
        var found: Int?
        for start in 0...(bytes.count - needle.count) where bytes[start] == 0x22 {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) {
                found = start + needle.count
                break
            }
        }
        guard let offset = found else { return nil }
        var index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        while index < text.endIndex, text[index] == " " || text[index] == ":" { index = text.index(after: index) }
        guard index < text.endIndex else { return nil }
        if text[index] == "\"" {
            let start = text.index(after: index)
            guard let end = text[start...].firstIndex(of: "\"") else { return nil }
            return String(text[start..<end])
        }
        let end = text[index...].firstIndex(where: { $0 == "," || $0 == "}" }) ?? text.endIndex
        return String(text[index..<end]).trimmingCharacters(in: .whitespaces)
    }

    /// Assessment factors from `["2B","4B"]` or the planned `{"2B":"Yes"}` form.
    func assessmentFactors(_ column: String) throws(RowError) -> [AssessmentFactor] {
        guard let text = text(column) else { return [] }
        var tokens: [(String, String?)] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "\"") {
            let start = text.index(after: open)
            guard let close = text[start...].firstIndex(of: "\"") else { break }
            let token = String(text[start..<close])
            index = text.index(after: close)
            var lookahead = index
            while lookahead < text.endIndex, text[lookahead] == " " { lookahead = text.index(after: lookahead) }
            if lookahead < text.endIndex, text[lookahead] == ":" {
                let value = Self.scanJSONValue(String(text[open...]), key: token)
                tokens.append((token, value))
                if let valueClose = text[text.index(after: lookahead)...].firstIndex(of: "\""),
                    let after = text[text.index(after: valueClose)...].firstIndex(of: "\"")
                {
                    index = text.index(after: after)
                }
            } else {
                tokens.append((token, nil))
            }
        }
        if tokens.isEmpty, !text.contains("[") {
            // A bare comma-separated list, as some councils export.
            tokens = text.split(separator: ",").map { (String($0).trimmingCharacters(in: .whitespaces), nil) }
        }
        var factors: [AssessmentFactor] = []
        for (token, value) in tokens {
            if let value, !["Y", "YES", "1", "TRUE"].contains(value.uppercased()) { continue }
            guard let factor = AssessmentFactor(code: token) else {
                throw RowError(column: column, value: token, reason: "is not an assessment factor code (1A…24A)")
            }
            if !factors.contains(factor) { factors.append(factor) }
        }
        return factors
    }

    static func parseDate(_ text: String) -> LocalDate? { LocalDate(parsing: text) }
}

import Foundation
