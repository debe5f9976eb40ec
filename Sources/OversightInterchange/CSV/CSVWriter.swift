import Foundation
import OversightCore

/// Writes RFC 4180 CSV to a file through a large buffer, quoting only fields that need it.
///
/// Synthetic extracts for an England-sized authority run to tens of millions of rows, so the writer
/// appends bytes rather than building a `String` per row.
public final class CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var fieldIndex = 0
    public private(set) var rowsWritten = 0
    public let path: String

    /// Creates (or truncates) the file at `path` and writes the header row.
    /// - Throws: `InterchangeError.cannotWrite` when the file cannot be created.
    public init(path: String, header: [String]) throws(InterchangeError) {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw .cannotWrite(path: path, reason: "the file could not be created") }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
        for name in header { field(name) }
        endRow()
        rowsWritten = 0
    }

    /// Appends one field to the current row; `nil` writes an empty field.
    public func field(_ value: String?) {
        if fieldIndex > 0 { buffer.append(0x2C) }
        fieldIndex += 1
        guard var value else { return }
        value.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                buffer.append(contentsOf: bytes)
                return
            }
            // Quoted: copy the runs between quotes whole, doubling each quote.
            buffer.append(0x22)
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte == 0x22 {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...index]))
                buffer.append(0x22)
                runStart = index + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            buffer.append(0x22)
        }
    }

    /// Appends a date field as the SSD renders SQL `DATETIME`s: `2024-12-10 00:00:00.000`.
    public func field(datetime date: LocalDate?) {
        guard let date else { field(nil as String?); return }
        if fieldIndex > 0 { buffer.append(0x2C) }
        fieldIndex += 1
        appendISO(date)
        buffer.append(contentsOf: " 00:00:00.000".utf8)
    }

    /// Appends a date field as `YYYY-MM-DD`.
    public func field(date: LocalDate?) {
        guard let date else { field(nil as String?); return }
        if fieldIndex > 0 { buffer.append(0x2C) }
        fieldIndex += 1
        appendISO(date)
    }

    public func field(_ value: Int?) {
        field(value.map(String.init))
    }

    /// Ends the current row and flushes when the buffer is large.
    public func endRow() {
        buffer.append(0x0A)
        fieldIndex = 0
        rowsWritten += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Writes a whole row of optional text fields.
    public func row(_ fields: [String?]) {
        for value in fields { field(value) }
        endRow()
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    public func close() {
        flush()
        try? handle.close()
    }

    private func appendISO(_ date: LocalDate) {
        let (y, m, d) = date.components
        appendDigits(y, 4)
        buffer.append(0x2D)
        appendDigits(m, 2)
        buffer.append(0x2D)
        appendDigits(d, 2)
    }

    private func appendDigits(_ value: Int, _ width: Int) {
        var digits: [UInt8] = []
        var v = value
        repeat {
            digits.append(UInt8(0x30 + v % 10))
            v /= 10
        } while v > 0
        while digits.count < width { digits.append(0x30) }
        buffer.append(contentsOf: digits.reversed())
    }
}

