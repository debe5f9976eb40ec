import OversightCore
import OversightStorage
import PostgresNIO

/// The PostgreSQL side of `PersistedEntity` (whose mappings are shared with SQLite, value for value):
/// the column lists, the key columns, and reading a PostgresNIO row.
typealias StoredEntity = PersistedEntity

extension PersistedEntity {
    /// The columns, quoted, for SELECT and INSERT lists.
    static var columnList: String { columns.map { "\"\($0)\"" }.joined(separator: ", ") }

    /// The columns that make a record's key, for the exact check behind a possible duplicate.
    static var keyColumns: [String] {
        switch entity {
        case .statutoryVisit: ["context", "id"]
        default: [keyColumn]
        }
    }

    init(row: PostgresRow) throws(StorageError) {
        try self.init(reading: RowReader(row, Self.entity, keyColumn: Self.keyColumn))
    }
}
