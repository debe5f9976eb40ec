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

/// Bytes that stay put while SQLite reads them, so text is bound without SQLite copying it.
///
/// With `SQLITE_TRANSIENT` SQLite allocates and copies every text value; binding from this arena with
/// `SQLITE_STATIC` instead is safe because the arena is only rewritten after the row's step and reset.
final class BindArena {
    private(set) var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// Makes room for `count` bytes; earlier pointers into the arena are invalid afterwards.
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        storage.deallocate()
        capacity = max(count, capacity * 2)
        storage = .allocate(capacity: capacity)
    }
}

/// Binds, steps and resets one prepared INSERT.
struct PreparedInsert {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    init(_ statement: Statement) { self.statement = statement }

    /// Runs the insert with `values`; returns SQLite's extended result code (`SQLITE_DONE` on success).
    func execute(_ values: [SQLValue], arena: BindArena) -> Int32 {
        let handle = self.handle
        var needed = 0
        for value in values {
            switch value {
            case .text(let text): needed += text?.utf8.count ?? 0
            case .date: needed += 10
            default: break
            }
        }
        arena.reserve(needed)
        let base = arena.storage
        var offset = 0
        for (position, value) in values.enumerated() {
            let index = Int32(position + 1)
            switch value {
            case .text(let text):
                guard var text else { sqlite3_bind_null(handle, index); continue }
                let start = offset
                text.withUTF8 { bytes in
                    if let source = bytes.baseAddress { (base + start).update(from: source, count: bytes.count) }
                    offset += bytes.count
                }
                (base + start).withMemoryRebound(to: CChar.self, capacity: max(offset - start, 1)) { pointer in
                    _ = sqlite3_bind_text(handle, index, pointer, Int32(offset - start), nil)
                }
            case .date(let date):
                guard let date else { sqlite3_bind_null(handle, index); continue }
                let (y, m, d) = date.components
                let out = base + offset
                func put(_ value: Int, at position: Int, width: Int) {
                    var v = value
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
                offset += 10
                out.withMemoryRebound(to: CChar.self, capacity: 10) { pointer in
                    _ = sqlite3_bind_text(handle, index, pointer, 10, nil)
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
