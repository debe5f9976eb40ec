import OversightCore

/// One data row of a tracker's CSV, by column name, with where it came from.
///
/// The command line reads the file with Interchange's CSV reader and hands the rows over; the trackers decide what
/// the values mean, and every rejection names the file, line and column.
public struct TrackerCSVRow: Sendable {
    public var file: String
    public var line: Int
    public var values: [String: String]

    public init(file: String, line: Int, values: [String: String]) {
        self.file = file
        self.line = line
        self.values = values
    }

    /// The rows of a file whose header has every `required` column; column names are matched trimmed and in lower case.
    /// - Throws: `TrackerImportError` naming each missing column and each row shorter than the header.
    public static func rows(
        file: String, header: [String], records: [(line: Int, fields: [String])], required: [String]
    ) throws(TrackerImportError) -> [TrackerCSVRow] {
        let columns = header.map { $0.trimmingWhitespace().lowercased() }
        var problems = required.filter { !columns.contains($0) }.map {
            TrackerImportError.Problem(file: file, line: 1, column: $0, message: "the header has no such column")
        }
        var rows: [TrackerCSVRow] = []
        for (line, fields) in records {
            guard fields.count >= columns.count else {
                // A short row has lost cells, so reading it by column would put values under the wrong names.
                problems.append(.init(file: file, line: line, column: columns[fields.count], message: "\(fields.count) fields where the header has \(columns.count)"))
                continue
            }
            var values: [String: String] = [:]
            for (index, column) in columns.enumerated() where values[column] == nil { values[column] = fields[index] }
            rows.append(TrackerCSVRow(file: file, line: line, values: values))
        }
        if !problems.isEmpty { throw TrackerImportError(file: file, problems: problems) }
        return rows
    }

    /// The row's problem with one column, as a rejection of its file.
    func problem(_ column: String, _ message: String) -> TrackerImportError {
        TrackerImportError(file: file, problems: [.init(file: file, line: line, column: column, message: message)])
    }

    /// A bad value, quoted before the reason unless the cell is empty.
    func invalid(_ column: String, _ value: String, _ reason: String) -> TrackerImportError {
        problem(column, value.isEmpty ? reason : "'\(value)' \(reason)")
    }

    func optionalText(_ column: String) -> String? {
        guard let value = values[column]?.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }

    func text(_ column: String) throws(TrackerImportError) -> String {
        guard let value = optionalText(column) else { throw problem(column, "is required") }
        return value
    }

    func optionalDate(_ column: String) throws(TrackerImportError) -> LocalDate? {
        guard let value = optionalText(column) else { return nil }
        guard let date = LocalDate(parsing: value) else { throw invalid(column, value, "is not a valid date") }
        return date
    }

    func date(_ column: String) throws(TrackerImportError) -> LocalDate {
        guard let date = try optionalDate(column) else { throw problem(column, "is required") }
        return date
    }

    func optionalCode<Code: RawRepresentable & CaseIterable>(_ column: String, _ type: Code.Type) throws(TrackerImportError) -> Code?
    where Code.RawValue == String {
        guard let value = optionalText(column) else { return nil }
        return try code(parsing: value, column, type)
    }

    func code<Code: RawRepresentable & CaseIterable>(_ column: String, _ type: Code.Type) throws(TrackerImportError) -> Code
    where Code.RawValue == String {
        guard let code = try optionalCode(column, type) else { throw problem(column, "is required") }
        return code
    }

    /// One code from part of a cell, e.g. one entry of a list.
    func code<Code: RawRepresentable & CaseIterable>(parsing value: String, _ column: String, _: Code.Type) throws(TrackerImportError) -> Code
    where Code.RawValue == String {
        if let code = Code(rawValue: value) ?? Code(rawValue: value.lowercased()) { return code }
        throw invalid(column, value, "is not one of \(Code.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    /// A list kept in one cell, separated by semicolons.
    func list(_ column: String) -> [String] {
        (optionalText(column) ?? "").split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// `kind:date` pairs, e.g. `strategy:2025-04-02;allegations-management:2025-04-20`.
    func datedCodes<Code: RawRepresentable & CaseIterable>(_ column: String, _ type: Code.Type) throws(TrackerImportError) -> [(Code, LocalDate)]
    where Code.RawValue == String {
        var pairs: [(Code, LocalDate)] = []
        for part in list(column) {
            let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard pieces.count == 2, let date = LocalDate(iso: pieces[1].trimmingWhitespace()) else {
                throw invalid(column, part, "is not KIND:YYYY-MM-DD")
            }
            pairs.append((try code(parsing: pieces[0].trimmingWhitespace(), column, type), date))
        }
        return pairs
    }

    /// Refuses a date before the one it follows (e.g. screened before received).
    func check(_ date: LocalDate?, _ column: String, notBefore earlier: LocalDate, _ earlierColumn: String) throws(TrackerImportError) {
        if let date, date < earlier { throw invalid(column, date.isoString, "is before \(earlierColumn) \(earlier)") }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}

/// A tracker file refused whole: nothing from it is stored while any row is wrong, and every bad row is named,
/// compiler-style: `escalations.csv:4: stage: 'formal-4' is not one of …`.
public struct TrackerImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with one value of one row.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: String
        public var message: String

        public init(file: String, line: Int, column: String, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        public var description: String { "\(file):\(line): \(column): \(message)" }
    }

    public var file: String
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        let shown = problems.prefix(20).map(\.description)
        let more = problems.count > shown.count ? ["… and \(problems.count - shown.count) more"] : []
        return (["\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was imported"] + shown + more)
            .joined(separator: "\n")
    }

    /// Decodes every row, collecting each row's first problem, and throws them all together.
    static func decodeAll<Value>(
        _ rows: [TrackerCSVRow], file: String, _ decode: (TrackerCSVRow) throws(TrackerImportError) -> Value
    ) throws(TrackerImportError) -> [Value] {
        var values: [Value] = []
        var problems: [Problem] = []
        for row in rows {
            do { values.append(try decode(row)) } catch { problems += error.problems }
        }
        if !problems.isEmpty { throw TrackerImportError(file: file, problems: problems) }
        return values
    }

    /// Decodes every row, then refuses the file if two rows give the same `idColumn`.
    static func decodeAll<Value>(
        _ rows: [TrackerCSVRow], file: String, idColumn: String, _ decode: (TrackerCSVRow) throws(TrackerImportError) -> Value
    ) throws(TrackerImportError) -> [Value] {
        let decoded = try decodeAll(rows, file: file) { row throws(TrackerImportError) in (row, try decode(row)) }
        try checkUnique(decoded, file: file, column: idColumn) { _ in nil }
        return decoded.map(\.1)
    }

    /// Refuses a file whose rows give the same ID twice; `id` gives a decoded value's ID, or `nil` to read the column.
    static func checkUnique<Value>(
        _ values: [(TrackerCSVRow, Value)], file: String, column: String, id: (Value) -> String?
    ) throws(TrackerImportError) {
        var seen: [String: Int] = [:]
        var problems: [Problem] = []
        for (row, value) in values {
            guard let key = id(value) ?? row.optionalText(column) else { continue }
            if let first = seen[key] {
                problems += row.problem(column, "'\(key)' is already given on line \(first)").problems
            } else {
                seen[key] = row.line
            }
        }
        if !problems.isEmpty { throw TrackerImportError(file: file, problems: problems) }
    }
}
