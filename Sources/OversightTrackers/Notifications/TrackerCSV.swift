import OversightCore

/// Why a tracker CSV was refused: the file, the line and the field, so the sender can fix the row.
public enum TrackerImportError: Error, CustomStringConvertible, Equatable, Sendable {
    case missingColumn(file: String, column: String)
    case invalidField(file: String, line: Int, field: String, value: String, reason: String)
    case duplicateID(file: String, line: Int, id: String, firstLine: Int)
    case wrongFieldCount(file: String, line: Int, expected: Int, found: Int)

    public var description: String {
        switch self {
        case .missingColumn(let file, let column): "\(file): the header has no '\(column)' column"
        case .invalidField(let file, let line, let field, let value, let reason): "\(file):\(line): \(field): '\(value)' \(reason)"
        case .duplicateID(let file, let line, let id, let firstLine): "\(file):\(line): ID '\(id)' is already on line \(firstLine)"
        case .wrongFieldCount(let file, let line, let expected, let found): "\(file):\(line): \(found) fields where the header has \(expected)"
        }
    }
}

/// One data row of a tracker CSV, read by column name, each value checked where it is read.
///
/// The CSV text is parsed by the interchange layer's reader; this turns its fields into checked values so that the
/// first bad value stops the import with its line and column named, and nothing is stored.
public struct TrackerCSVRow {
    public let file: String
    public let line: Int
    let fields: [String]
    let columns: [String: Int]

    /// The header's columns, checked against those the format requires.
    /// - Throws: `TrackerImportError.missingColumn`.
    public static func columns(_ header: [String], required: [String], file: String) throws(TrackerImportError) -> [String: Int] {
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() { columns[name.trimmingWhitespace().lowercased()] = index }
        for name in required where columns[name] == nil { throw .missingColumn(file: file, column: name) }
        return columns
    }

    public init(file: String, line: Int, fields: [String], columns: [String: Int]) throws(TrackerImportError) {
        let expected = (columns.values.max() ?? -1) + 1
        guard fields.count >= expected else { throw .wrongFieldCount(file: file, line: line, expected: expected, found: fields.count) }
        self.file = file
        self.line = line
        self.fields = fields
        self.columns = columns
    }

    /// The trimmed value; `nil` when the column is absent or the cell empty.
    public func optional(_ column: String) -> String? {
        guard let index = columns[column] else { return nil }
        let value = fields[index].trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    public func required(_ column: String) throws(TrackerImportError) -> String {
        guard let value = optional(column) else { throw invalid(column, "", "is required") }
        return value
    }

    public func date(_ column: String) throws(TrackerImportError) -> LocalDate? {
        guard let text = optional(column) else { return nil }
        guard let date = LocalDate(iso: text) else { throw invalid(column, text, "is not a date (YYYY-MM-DD)") }
        return date
    }

    public func requiredDate(_ column: String) throws(TrackerImportError) -> LocalDate {
        guard let date = try date(column) else { throw invalid(column, "", "is required") }
        return date
    }

    public func code<Code: RawRepresentable & CaseIterable>(_ column: String, _ type: Code.Type) throws(TrackerImportError) -> Code?
    where Code.RawValue == String {
        guard let text = optional(column) else { return nil }
        return try code(text, column, type)
    }

    public func code<Code: RawRepresentable & CaseIterable>(_ text: String, _ column: String, _ type: Code.Type) throws(TrackerImportError) -> Code
    where Code.RawValue == String {
        guard let value = Code(rawValue: text.lowercased()) else {
            throw invalid(column, text, "is not one of \(Code.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// A `;`-separated list, empty parts dropped.
    public func list(_ column: String) -> [String] {
        (optional(column) ?? "").split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// `kind:date` pairs, e.g. `strategy:2025-04-02;allegations-management:2025-04-20`.
    public func datedCodes<Code: RawRepresentable & CaseIterable>(_ column: String, _ type: Code.Type) throws(TrackerImportError) -> [(Code, LocalDate)]
    where Code.RawValue == String {
        var pairs: [(Code, LocalDate)] = []
        for part in list(column) {
            let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard pieces.count == 2, let date = LocalDate(iso: pieces[1].trimmingWhitespace()) else {
                throw invalid(column, part, "is not KIND:YYYY-MM-DD")
            }
            pairs.append((try code(pieces[0].trimmingWhitespace(), column, type), date))
        }
        return pairs
    }

    public func invalid(_ column: String, _ value: String, _ reason: String) -> TrackerImportError {
        .invalidField(file: file, line: line, field: column, value: value, reason: reason)
    }

    /// Refuses a date before the one it follows (e.g. screened before received).
    public func check(_ date: LocalDate?, _ column: String, notBefore earlier: LocalDate, _ earlierColumn: String) throws(TrackerImportError) {
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

/// The CSV formats' shared rule: every row is checked, and a duplicate ID refuses the file.
enum TrackerCSVFile {
    static func parse<Record>(
        file: String, header: [String], rows: [(line: Int, fields: [String])], required: [String], idColumn: String,
        record: (TrackerCSVRow) throws(TrackerImportError) -> Record
    ) throws(TrackerImportError) -> [Record] {
        let columns = try TrackerCSVRow.columns(header, required: required, file: file)
        var firstLine: [String: Int] = [:]
        var records: [Record] = []
        for (line, fields) in rows {
            let row = try TrackerCSVRow(file: file, line: line, fields: fields, columns: columns)
            let id = try row.required(idColumn)
            if let first = firstLine[id] { throw .duplicateID(file: file, line: line, id: id, firstLine: first) }
            firstLine[id] = line
            records.append(try record(row))
        }
        return records
    }
}

/// The partner-notification CSV: one notification per row, in the columns `columns` lists (see
/// docs/trackers-lado-notifications.md). Screening, linking and outcome columns may be empty for a notification not yet
/// screened.
public enum PartnerNotificationCSV {
    public static let columns = [
        "notification_id", "source", "reference", "received_on", "category", "screened_on", "screened_by", "linked_child_id", "linked_family",
        "outcome", "outcome_on",
    ]
    static let required = ["notification_id", "source", "received_on", "category"]

    /// Every row as a notification, or the first bad row's error: the file is accepted whole or not at all.
    /// - Throws: `TrackerImportError` naming the file, line and field.
    public static func parse(file: String, header: [String], rows: [(line: Int, fields: [String])]) throws(TrackerImportError) -> [PartnerNotification] {
        try TrackerCSVFile.parse(file: file, header: header, rows: rows, required: required, idColumn: "notification_id") {
            (row) throws(TrackerImportError) in try notification(row)
        }
    }

    static func notification(_ row: TrackerCSVRow) throws(TrackerImportError) -> PartnerNotification {
        let received = try row.requiredDate("received_on")
        let screened = try row.date("screened_on")
        try row.check(screened, "screened_on", notBefore: received, "received_on")
        let outcome = try row.code("outcome", NotificationOutcome.self)
        let outcomeOn = try row.date("outcome_on")
        let linkedChild = row.optional("linked_child_id")
        let linkedFamily = row.optional("linked_family")
        if screened == nil {
            // Linking and an outcome follow screening: a row claiming either without a screening date is wrong.
            if let outcome { throw row.invalid("outcome", outcome.rawValue, "needs screened_on") }
            if let linkedChild { throw row.invalid("linked_child_id", linkedChild, "needs screened_on") }
        }
        if let screened { try row.check(outcomeOn, "outcome_on", notBefore: screened, "screened_on") }
        if outcome != nil, outcomeOn == nil { throw row.invalid("outcome_on", "", "is required with an outcome") }
        if outcome == nil, let outcomeOn { throw row.invalid("outcome", "", "is required with outcome_on \(outcomeOn)") }
        return PartnerNotification(
            id: Identifier(try row.required("notification_id")), source: try row.code(try row.required("source"), "source", NotificationSource.self),
            reference: row.optional("reference") ?? "", receivedOn: received, category: try row.required("category"), screenedOn: screened,
            screenedBy: row.optional("screened_by"), linkedChildID: linkedChild, linkedFamily: linkedFamily, outcome: outcome, outcomeOn: outcomeOn)
    }

    /// A notification as a row in `columns` order, for export and the demo's files.
    public static func fields(_ notification: PartnerNotification) -> [String] {
        [
            notification.id.rawValue, notification.source.rawValue, notification.reference, notification.receivedOn.isoString, notification.category,
            notification.screenedOn?.isoString ?? "", notification.screenedBy ?? "", notification.linkedChildID ?? "", notification.linkedFamily ?? "",
            notification.outcome?.rawValue ?? "", notification.outcomeOn?.isoString ?? "",
        ]
    }
}
