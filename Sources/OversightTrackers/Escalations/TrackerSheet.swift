import OversightCore

/// One data row of a tracker's CSV, by column name, with where it came from.
///
/// The command line reads the file with Interchange's CSV reader and hands the rows over; the trackers decide what
/// the values mean, and every rejection names the file, line and column.
public struct TrackerSheetRow: Sendable {
    public var file: String
    public var line: Int
    public var values: [String: String]

    public init(file: String, line: Int, values: [String: String]) {
        self.file = file
        self.line = line
        self.values = values
    }

    func problem(_ column: String, _ message: String) -> TrackerSheetProblem {
        TrackerSheetProblem(file: file, line: line, column: column, message: message)
    }

    func optionalText(_ column: String) -> String? {
        guard let value = values[column]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func text(_ column: String) throws(TrackerSheetProblem) -> String {
        guard let value = optionalText(column) else { throw problem(column, "is required") }
        return value
    }

    func optionalDate(_ column: String) throws(TrackerSheetProblem) -> LocalDate? {
        guard let value = optionalText(column) else { return nil }
        guard let date = LocalDate(parsing: value) else { throw problem(column, "'\(value)' is not a valid date") }
        return date
    }

    func date(_ column: String) throws(TrackerSheetProblem) -> LocalDate {
        guard let date = try optionalDate(column) else { throw problem(column, "is required") }
        return date
    }

    func optionalCode<Code: RawRepresentable & CaseIterable>(_ column: String, _: Code.Type) throws(TrackerSheetProblem) -> Code?
    where Code.RawValue == String {
        guard let value = optionalText(column) else { return nil }
        if let code = Code(rawValue: value) ?? Code(rawValue: value.lowercased()) { return code }
        throw problem(column, "'\(value)' is not one of \(Code.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    func code<Code: RawRepresentable & CaseIterable>(_ column: String, _ type: Code.Type) throws(TrackerSheetProblem) -> Code
    where Code.RawValue == String {
        guard let code = try optionalCode(column, type) else { throw problem(column, "is required") }
        return code
    }

    /// A list kept in one cell, separated by semicolons.
    func list(_ column: String) -> [String] {
        (optionalText(column) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// What is wrong with one value of one row, printed compiler-style: `escalations.csv:4: stage: 'formal-4' is not one of …`.
public struct TrackerSheetProblem: Error, Sendable, Equatable, CustomStringConvertible {
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

/// A tracker file refused whole: nothing from it is stored while any row is wrong.
public struct TrackerSheetRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var problems: [TrackerSheetProblem]

    public init(file: String, problems: [TrackerSheetProblem]) {
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
        _ rows: [TrackerSheetRow], file: String, _ decode: (TrackerSheetRow) throws(TrackerSheetProblem) -> Value
    ) throws(TrackerSheetRejection) -> [Value] {
        var values: [Value] = []
        var problems: [TrackerSheetProblem] = []
        for row in rows {
            do { values.append(try decode(row)) } catch { problems.append(error) }
        }
        if !problems.isEmpty { throw TrackerSheetRejection(file: file, problems: problems) }
        return values
    }

    /// Refuses a file whose rows give the same ID twice.
    static func checkUnique<Value>(
        _ values: [(TrackerSheetRow, Value)], file: String, column: String, id: (Value) -> String
    ) throws(TrackerSheetRejection) {
        var seen: [String: Int] = [:]
        var problems: [TrackerSheetProblem] = []
        for (row, value) in values {
            let key = id(value)
            if let first = seen[key] {
                problems.append(row.problem(column, "'\(key)' is already given on line \(first)"))
            } else {
                seen[key] = row.line
            }
        }
        if !problems.isEmpty { throw TrackerSheetRejection(file: file, problems: problems) }
    }
}
