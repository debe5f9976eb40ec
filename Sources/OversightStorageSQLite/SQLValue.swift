import GRDB
import GRDBSQLite
import OversightCore

/// One column value on its way into an INSERT.
///
/// Imports bind tens of millions of values; binding these directly with `sqlite3_bind_*` avoids boxing
/// each one as an existential and formatting dates into intermediate strings.
enum SQLValue {
    case text(String?)
    case date(LocalDate?)
    case flag(Bool?)
    case real(Double?)
}

/// Binds, steps and resets one prepared INSERT.
struct PreparedInsert {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    init(_ statement: Statement) { self.statement = statement }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Runs the insert with `values`; returns SQLite's extended result code (`SQLITE_DONE` on success).
    func execute(_ values: [SQLValue]) -> Int32 {
        let handle = self.handle
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .text(let text):
                guard var text else { sqlite3_bind_null(handle, index); continue }
                text.withUTF8 { bytes in
                    _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                          Int32(bytes.count), Self.transient)
                }
            case .date(let date):
                guard let date else { sqlite3_bind_null(handle, index); continue }
                let (y, m, d) = date.components
                withUnsafeTemporaryAllocation(of: CChar.self, capacity: 10) { buffer in
                    func put(_ value: Int, at position: Int, width: Int) {
                        var v = value
                        for i in stride(from: position + width - 1, through: position, by: -1) {
                            buffer[i] = CChar(48 + v % 10)
                            v /= 10
                        }
                    }
                    put(y, at: 0, width: 4)
                    buffer[4] = 45
                    put(m, at: 5, width: 2)
                    buffer[7] = 45
                    put(d, at: 8, width: 2)
                    _ = sqlite3_bind_text(handle, index, buffer.baseAddress, 10, Self.transient)
                }
            case .flag(let flag):
                guard let flag else { sqlite3_bind_null(handle, index); continue }
                sqlite3_bind_int64(handle, index, flag ? 1 : 0)
            case .real(let real):
                guard let real else { sqlite3_bind_null(handle, index); continue }
                sqlite3_bind_double(handle, index, real)
            }
        }
        let result = sqlite3_step(handle)
        sqlite3_reset(handle)
        if result == SQLITE_DONE { return SQLITE_DONE }
        return sqlite3_extended_errcode(sqlite3_db_handle(handle))
    }
}
