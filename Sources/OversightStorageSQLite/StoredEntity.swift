import GRDB
import OversightCore
import OversightStorage

/// The SQLite side of `PersistedEntity`: the insert statement, and reading a GRDB row.
typealias StoredEntity = PersistedEntity

extension PersistedEntity {
    static var insertSQL: String {
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO \(table) (\(names)) VALUES (\(marks))"
    }

    init(row: Row) throws(StorageError) {
        try self.init(reading: RowReader(row, Self.entity, keyColumn: Self.keyColumn))
    }
}

extension RowBinder: ColumnWriter {}

/// Reads typed values out of a GRDB row: dates are ISO text, flags integers.
struct RowReader: ColumnReader {
    let row: Row
    let entity: Entity
    let key: String

    init(_ row: Row, _ entity: Entity, keyColumn: String = "id") {
        self.row = row
        self.entity = entity
        self.key = row[keyColumn] ?? "?"
    }

    func text(_ column: String) -> String? { row[column] }

    func date(_ column: String) throws(StorageError) -> LocalDate? {
        guard let text: String = row[column] else { return nil }
        guard let date = LocalDate(iso: text) else { throw .corruptValue(entity, key: key, column: column, value: text) }
        return date
    }

    func bool(_ column: String) -> Bool? { (row[column] as Int64?).map { $0 != 0 } }

    func double(_ column: String) -> Double? { row[column] }

    func integer(_ column: String) -> Int? { (row[column] as Int64?).map { Int($0) } }
}
