import OversightCore

/// One SSDA903 table as read: every value as text, upper-cased, empty read as missing, held by column.
///
/// The DfE rules compare raw codes (an unknown code is a finding, not a read error), so values stay text;
/// date columns are also held parsed, once, because nearly every rule compares dates.
public struct SSDA903Table: Sendable {
    public let kind: SSDA903TableKind
    /// The file the table came from, for messages.
    public let file: String
    /// The physical line each row starts on (rows are numbered from 0; line 1 is the header).
    public let lines: [Int]
    private let values: [SSDA903Field: [String?]]
    private let parsedDates: [SSDA903Field: [LocalDate?]]

    public init(kind: SSDA903TableKind, file: String, lines: [Int], values: [SSDA903Field: [String?]]) {
        self.kind = kind
        self.file = file
        self.lines = lines
        var filled = values
        for field in kind.fields where filled[field] == nil { filled[field] = Array(repeating: nil, count: lines.count) }
        self.values = filled
        var dates: [SSDA903Field: [LocalDate?]] = [:]
        for field in kind.fields where field.isDate {
            dates[field] = filled[field]!.map { $0.flatMap(SSDA903Date.parse) }
        }
        parsedDates = dates
    }

    /// Builds a table from rows of text in the order of `kind.fields`, as tests and the writer do.
    public init(kind: SSDA903TableKind, file: String? = nil, rows: [[String?]]) {
        var values: [SSDA903Field: [String?]] = [:]
        for (index, field) in kind.fields.enumerated() {
            values[field] = rows.map { index < $0.count ? SSDA903Table.normalised($0[index]) : nil }
        }
        self.init(kind: kind, file: file ?? kind.fileName, lines: rows.indices.map { $0 + 2 }, values: values)
    }

    public var count: Int { lines.count }
    public var indices: Range<Int> { 0..<count }

    /// The column's values by row; every row is `nil` for a field the table does not have.
    public subscript(field: SSDA903Field) -> [String?] {
        values[field] ?? Array(repeating: nil, count: count)
    }

    /// A date column parsed as dd/mm/yyyy; `nil` where the value is missing or is not a real date.
    public func dates(_ field: SSDA903Field) -> [LocalDate?] {
        parsedDates[field] ?? self[field].map { $0.flatMap(SSDA903Date.parse) }
    }

    /// The child on each row.
    public var children: [String?] { self[.child] }

    /// Upper-cases text and reads an empty value as missing, as the DfE's tools do on load.
    public static func normalised(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        return raw.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) || raw.utf8.contains(where: { $0 >= 0x80 })
            ? raw.uppercased() : raw
    }
}

/// The 903's date form: dd/mm/yyyy, where a day or month may be written with one digit.
public enum SSDA903Date {
    /// `nil` for anything that is not a real calendar day written that way (31/02/2024 included).
    public static func parse(_ text: String) -> LocalDate? {
        var parts = (0, 0, 0)
        var digits = (0, 0, 0)
        var part = 0
        for byte in text.utf8 {
            if byte == 0x2F {
                part += 1
                guard part < 3 else { return nil }
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            switch part {
            case 0: parts.0 = parts.0 * 10 + digit; digits.0 += 1
            case 1: parts.1 = parts.1 * 10 + digit; digits.1 += 1
            default: parts.2 = parts.2 * 10 + digit; digits.2 += 1
            }
        }
        guard part == 2, (1...2).contains(digits.0), (1...2).contains(digits.1), digits.2 == 4 else { return nil }
        return LocalDate(year: parts.2, month: parts.1, day: parts.0)
    }

    /// Formats a date as the return writes it.
    public static func format(_ date: LocalDate) -> String { date.ukString }
}

/// A return as read: this year's tables and, for the rules that compare with it, last year's.
public struct SSDA903Return: Sendable {
    public var tables: [SSDA903TableKind: SSDA903Table]
    /// Last year's return (`--last DIR`), which the DfE's tools call the `_last` tables.
    public var lastYear: [SSDA903TableKind: SSDA903Table]

    public init(tables: [SSDA903TableKind: SSDA903Table], lastYear: [SSDA903TableKind: SSDA903Table] = [:]) {
        self.tables = tables
        self.lastYear = lastYear
    }

    public subscript(kind: SSDA903TableKind) -> SSDA903Table? { tables[kind] }

    /// Rows across this year's tables.
    public var rowCount: Int { tables.values.reduce(0) { $0 + $1.count } }
}
