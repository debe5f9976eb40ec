import GRDB
import GRDBSQLite
import OversightCore

/// Binds one row's values straight into a prepared INSERT, in column order.
///
/// Imports bind tens of millions of values, so nothing is boxed or collected first. Text is copied into a
/// buffer that stays put until the row has been stepped and bound with `SQLITE_STATIC`, so SQLite makes no
/// copy of its own; a value that does not fit (no real row comes close) is bound with `SQLITE_TRANSIENT`.
struct RowBinder {
    private let handle: OpaquePointer
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var used = 0
    private var index: Int32 = 1

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(statement: OpaquePointer, buffer: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.handle = statement
        self.buffer = buffer
        self.capacity = capacity
    }

    mutating func text(_ value: String?) {
        defer { index += 1 }
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { bytes in
            let count = bytes.count
            if used + count <= capacity, let source = bytes.baseAddress {
                let target = buffer + used
                target.update(from: source, count: count)
                used += count
                target.withMemoryRebound(to: CChar.self, capacity: count) { _ = sqlite3_bind_text(handle, index, $0, Int32(count), nil) }
            } else if let source = bytes.baseAddress {
                source.withMemoryRebound(to: CChar.self, capacity: count) {
                    _ = sqlite3_bind_text(handle, index, $0, Int32(count), RowBinder.transient)
                }
            } else {
                _ = sqlite3_bind_text(handle, index, "", 0, nil)  // the empty string, not NULL
            }
        }
    }

    /// Dates are stored as ISO `YYYY-MM-DD` text, readable by anyone who opens the file.
    mutating func date(_ value: LocalDate?) {
        guard let value, used + 10 <= capacity else {
            if let value { text(value.isoString) } else { sqlite3_bind_null(handle, index); index += 1 }
            return
        }
        let (y, m, d) = value.components
        let out = buffer + used
        func put(_ number: Int, at position: Int, width: Int) {
            var v = number
            for i in stride(from: position + width - 1, through: position, by: -1) {
                out[i] = UInt8(48 + v % 10)
                v /= 10
            }
        }
        put(y, at: 0, width: 4)
        out[4] = 45
        put(m, at: 5, width: 2)
        out[7] = 45
        put(d, at: 8, width: 2)
        used += 10
        out.withMemoryRebound(to: CChar.self, capacity: 10) { _ = sqlite3_bind_text(handle, index, $0, 10, nil) }
        index += 1
    }

    mutating func flag(_ value: Bool?) {
        if let value { sqlite3_bind_int64(handle, index, value ? 1 : 0) } else { sqlite3_bind_null(handle, index) }
        index += 1
    }

    mutating func integer(_ value: Int?) {
        if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
        index += 1
    }

    mutating func real(_ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        index += 1
    }
}

/// One prepared INSERT and the buffer its rows' text is bound from.
final class PreparedInsert {
    let statement: Statement
    private let buffer: UnsafeMutablePointer<UInt8>
    private static let capacity = 1 << 16

    init(_ statement: Statement) {
        self.statement = statement
        buffer = .allocate(capacity: Self.capacity)
    }

    deinit { buffer.deallocate() }

    /// Binds `entity`, steps and resets; returns SQLite's extended result code (`SQLITE_DONE` on success).
    func execute(_ entity: some StoredEntity) -> Int32 {
        let handle = statement.sqliteStatement
        var binder = RowBinder(statement: handle, buffer: buffer, capacity: Self.capacity)
        entity.bind(to: &binder)
        let result = sqlite3_step(handle)
        sqlite3_reset(handle)
        if result == SQLITE_DONE { return SQLITE_DONE }
        return sqlite3_extended_errcode(sqlite3_db_handle(handle))
    }
}
