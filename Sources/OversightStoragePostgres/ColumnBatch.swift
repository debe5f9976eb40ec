import OversightCore
import OversightStorage
import PostgresNIO

/// Days from 1970-01-01 (`LocalDate.dayNumber`) to 2000-01-01, PostgreSQL's day zero for `DATE`.
private let postgresEpochOffset: Int32 = 10_957

/// The kind of value in one column, and so the array type a batch sends it as.
enum ColumnKind {
    case text, date, flag, real, integer

    var elementType: PostgresDataType {
        switch self {
        case .text: .text
        case .date: .date
        case .flag: .bool
        case .real: .float8
        case .integer: .int8
        }
    }

    var arrayType: PostgresDataType {
        switch self {
        case .text: .textArray
        case .date: .dateArray
        case .flag: .boolArray
        case .real: .float8Array
        case .integer: .int8Array
        }
    }
}

/// One column of a pending batch, its values already written in PostgreSQL's binary array format.
///
/// A batch is sent as one array per column and unpacked by `unnest`, so the statement text stays the same
/// size however many rows it carries, and no record is kept once its values are written here.
struct ColumnArray: PostgresDynamicTypeEncodable {
    let kind: ColumnKind
    private(set) var elements = ByteBuffer()
    private(set) var count = 0
    private var hasNull = false

    init(kind: ColumnKind) { self.kind = kind }

    var psqlType: PostgresDataType { kind.arrayType }
    var psqlFormat: PostgresFormat { .binary }
    var byteCount: Int { elements.readableBytes }

    mutating func appendNull() {
        elements.writeInteger(Int32(-1))
        hasNull = true
        count += 1
    }

    mutating func append(_ value: String) {
        elements.writeInteger(Int32(value.utf8.count))
        elements.writeString(value)
        count += 1
    }

    mutating func append(_ value: LocalDate) {
        elements.writeInteger(Int32(4))
        elements.writeInteger(value.dayNumber - postgresEpochOffset)
        count += 1
    }

    mutating func append(_ value: Bool) {
        elements.writeInteger(Int32(1))
        elements.writeInteger(UInt8(value ? 1 : 0))
        count += 1
    }

    mutating func append(_ value: Double) {
        elements.writeInteger(Int32(8))
        elements.writeInteger(value.bitPattern)
        count += 1
    }

    mutating func append(_ value: Int) {
        elements.writeInteger(Int32(8))
        elements.writeInteger(Int64(value))
        count += 1
    }

    mutating func removeAll() {
        elements.clear()
        count = 0
        hasNull = false
    }

    /// The array header (one dimension, lower bound 1), then the elements.
    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeInteger(Int32(1))
        buffer.writeInteger(Int32(hasNull ? 1 : 0))
        buffer.writeInteger(kind.elementType.rawValue)
        buffer.writeInteger(Int32(count))
        buffer.writeInteger(Int32(1))
        buffer.writeImmutableBuffer(elements)
    }
}

/// The rows of one table waiting to be sent, column by column.
final class ColumnBatch {
    var columns: [ColumnArray] = []
    private(set) var rowCount = 0

    /// Appends one row; `bind` calls the binder once per column, in the table's column order.
    func append(_ entity: some StoredEntity) {
        var binder = RowBinder(batch: self)
        entity.bind(to: &binder)
        rowCount += 1
    }

    var byteCount: Int { columns.reduce(0) { $0 + $1.byteCount } }

    func removeAll() {
        for index in columns.indices { columns[index].removeAll() }
        rowCount = 0
    }
}

/// Writes one row's values into a batch, in column order: the same calls as the SQLite store's binder, so
/// the two stores' mappings read alike.
struct RowBinder {
    private let batch: ColumnBatch
    private var index = 0

    init(batch: ColumnBatch) { self.batch = batch }

    /// The column at the binder's position, created with `kind` on the batch's first row.
    private mutating func write(_ kind: ColumnKind, _ body: (inout ColumnArray) -> Void) {
        if index == batch.columns.count { batch.columns.append(ColumnArray(kind: kind)) }
        assert(batch.columns[index].kind == kind, "column \(index) bound as \(kind), first as \(batch.columns[index].kind)")
        body(&batch.columns[index])
        index += 1
    }

    mutating func text(_ value: String?) {
        write(.text) { column in if let value { column.append(value) } else { column.appendNull() } }
    }

    mutating func date(_ value: LocalDate?) {
        write(.date) { column in if let value { column.append(value) } else { column.appendNull() } }
    }

    mutating func flag(_ value: Bool?) {
        write(.flag) { column in if let value { column.append(value) } else { column.appendNull() } }
    }

    mutating func real(_ value: Double?) {
        write(.real) { column in if let value { column.append(value) } else { column.appendNull() } }
    }

    mutating func integer(_ value: Int?) {
        write(.integer) { column in if let value { column.append(value) } else { column.appendNull() } }
    }
}

/// Reads typed values out of a row, failing loudly on anything the importer could not have written.
///
/// Rows are selected with the table's columns in order and read in PostgreSQL's binary format.

struct RowReader: ColumnReader {
    let row: PostgresRandomAccessRow
    let entity: Entity
    let key: String

    init(_ row: PostgresRow, _ entity: Entity, keyColumn: String = "id") {
        self.row = row.makeRandomAccess()
        self.entity = entity
        self.key = Self.string(self.row[keyColumn]) ?? "?"
    }

    private static func string(_ cell: PostgresCell) -> String? {
        guard let bytes = cell.bytes else { return nil }
        return String(buffer: bytes)
    }

    func text(_ column: String) -> String? { Self.string(row[column]) }

    func date(_ column: String) throws(StorageError) -> LocalDate? {
        let cell = row[column]
        guard var bytes = cell.bytes else { return nil }
        guard cell.dataType == .date, cell.format == .binary, bytes.readableBytes == 4, let days = bytes.readInteger(as: Int32.self) else {
            throw .corruptValue(entity, key: key, column: column, value: String(buffer: cell.bytes ?? ByteBuffer()))
        }
        return LocalDate(dayNumber: days + postgresEpochOffset)
    }

    func bool(_ column: String) -> Bool? {
        guard var bytes = row[column].bytes else { return nil }
        return bytes.readInteger(as: UInt8.self).map { $0 != 0 }
    }

    func double(_ column: String) -> Double? {
        guard var bytes = row[column].bytes else { return nil }
        return bytes.readInteger(as: UInt64.self).map(Double.init(bitPattern:))
    }

    func integer(_ column: String) -> Int? {
        guard var bytes = row[column].bytes else { return nil }
        return bytes.readInteger(as: Int64.self).map { Int($0) }
    }
}

extension RowBinder: ColumnWriter {}
