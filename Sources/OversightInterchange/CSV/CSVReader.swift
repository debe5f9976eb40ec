import Foundation

/// One CSV record and the physical line it starts on (records may span lines inside quotes).
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
}

/// Reads RFC 4180 CSV as a stream: memory stays flat whatever the file size.
///
/// It is strict where leniency would lose data silently: a quote inside an unquoted field, an
/// unterminated quoted field and bytes that are not UTF-8 are errors naming the file and line.
/// A UTF-8 byte-order mark is skipped; UTF-16 files are rejected with advice to re-save as UTF-8.
public final class CSVReader {
    public let path: String
    /// The file name used in error locations.
    public let displayName: String
    /// Header names exactly as written (BOM removed, surrounding spaces trimmed).
    public private(set) var header: [String] = []
    public let totalBytes: Int
    public private(set) var bytesConsumed = 0

    private let handle: FileHandle
    /// Unread bytes: `buffer[position...]`. A record is always parsed from one contiguous stretch,
    /// so a record cut by a chunk boundary is carried over and completed after the next read.
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEndOfFile = false
    private var line = 1
    private var scratch: [UInt8] = []

    private static let chunkSize = 1 << 20
    static let maximumRecordBytes = 16 << 20

    /// Opens `path` and reads its header row.
    /// - Throws: `InterchangeError` when the file is missing, empty, not UTF-8 or malformed in its header.
    public init(path: String, displayName: String? = nil) throws(InterchangeError) {
        self.path = path
        self.displayName = displayName ?? (path as NSString).lastPathComponent
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotRead(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        self.handle = handle
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        totalBytes = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        try refill()
        if buffer.count >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
            throw .notUTF8(at: SourceLocation(file: self.displayName, line: 1))
        }
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        guard let first = try next() else { throw .emptyFile(path: self.displayName) }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    deinit { try? handle.close() }

    /// Moves the unread bytes to the front and appends the next chunk of the file.
    private func refill() throws(InterchangeError) {
        guard !atEndOfFile else { return }
        let data: Data?
        do {
            data = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw .cannotRead(path: path, reason: "\(error.localizedDescription)")
        }
        bytesConsumed += position
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        guard let data, !data.isEmpty else {
            atEndOfFile = true
            return
        }
        buffer.append(contentsOf: data)
    }

    private enum Outcome {
        case record([String], lines: Int, next: Int)
        case blank(lines: Int, next: Int)
        case needMoreData
    }

    /// The next record, or `nil` at the end of the file. Blank lines are skipped.
    /// - Throws: `InterchangeError.strayQuote`, `.unterminatedQuote` or `.notUTF8` with the record's location.
    public func next() throws(InterchangeError) -> CSVRecord? {
        while true {
            if position >= buffer.count {
                if atEndOfFile { return nil }
                try refill()
                continue
            }
            let outcome = try parse(atEnd: atEndOfFile)
            switch outcome {
            case .record(let fields, let lines, let next):
                let record = CSVRecord(line: line, fields: fields)
                line += lines
                position = next
                return record
            case .blank(let lines, let next):
                line += lines
                position = next
            case .needMoreData:
                if atEndOfFile {
                    throw .unterminatedQuote(at: SourceLocation(file: displayName, line: line))
                }
                // No real row is this long; an unclosed quote would otherwise swallow the rest of the file.
                if buffer.count - position > Self.maximumRecordBytes {
                    throw .recordTooLong(at: SourceLocation(file: displayName, line: line), limit: Self.maximumRecordBytes)
                }
                try refill()
            }
        }
    }

    /// Parses one record starting at `position`, or says the buffer ends inside it.
    private func parse(atEnd: Bool) throws(InterchangeError) -> Outcome {
        let startLine = line
        let file = displayName
        let header = self.header
        return try buffer.withUnsafeBufferPointer { bytes throws(InterchangeError) -> Outcome in
            var fields: [String] = []
            fields.reserveCapacity(max(header.count, 8))
            var i = position
            let end = bytes.count
            var lines = 0

            func makeString(_ from: Int, _ to: Int) throws(InterchangeError) -> String {
                let slice = UnsafeBufferPointer(rebasing: bytes[from..<to])
                // Nearly every field is ASCII, which is valid UTF-8 as it stands; the generic validating
                // initialiser costs several times more, so it is kept for the rest.
                if !slice.contains(where: { $0 >= 0x80 }) { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw .notUTF8(at: SourceLocation(file: file, line: startLine))
                }
                return text
            }
            func fieldName() -> String? { header.indices.contains(fields.count) ? header[fields.count] : nil }

            // A line with nothing on it is skipped rather than read as a one-field record.
            if bytes[i] == 0x0A { return .blank(lines: 1, next: i + 1) }
            if bytes[i] == 0x0D {
                guard i + 1 < end else { return atEnd ? .blank(lines: 0, next: end) : .needMoreData }
                if bytes[i + 1] == 0x0A { return .blank(lines: 1, next: i + 2) }
            }

            while true {
                // At the start of a field.
                if i < end, bytes[i] == 0x22 {
                    i += 1
                    var segmentStart = i
                    var escaped = false
                    scratch.removeAll(keepingCapacity: true)
                    while true {
                        guard i < end else { return .needMoreData }
                        let byte = bytes[i]
                        if byte == 0x22 {
                            guard i + 1 < end else {
                                if !atEnd { return .needMoreData }
                                break
                            }
                            if bytes[i + 1] == 0x22 {
                                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<(i + 1)]))
                                escaped = true
                                i += 2
                                segmentStart = i
                                continue
                            }
                            break
                        }
                        if byte == 0x0A { lines += 1 }
                        i += 1
                    }
                    // `i` is at the closing quote.
                    if escaped {
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<i]))
                        guard let text = String(validating: scratch, as: UTF8.self) else {
                            throw .notUTF8(at: SourceLocation(file: file, line: startLine))
                        }
                        fields.append(text)
                    } else {
                        fields.append(try makeString(segmentStart, i))
                    }
                    i += 1
                    while i < end, bytes[i] == 0x0D { i += 1 }
                    if i >= end {
                        if !atEnd { return .needMoreData }
                        return .record(fields, lines: lines, next: end)
                    }
                    switch bytes[i] {
                    case 0x2C: i += 1; continue
                    case 0x0A: return .record(fields, lines: lines + 1, next: i + 1)
                    default: throw .strayQuote(at: SourceLocation(file: file, line: startLine + lines, field: fieldName()))
                    }
                }
                let fieldStart = i
                while i < end {
                    let byte = bytes[i]
                    if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
                    if byte == 0x22 { throw .strayQuote(at: SourceLocation(file: file, line: startLine + lines, field: fieldName())) }
                    i += 1
                }
                if i >= end && !atEnd { return .needMoreData }
                fields.append(try makeString(fieldStart, i))
                if i >= end { return .record(fields, lines: lines, next: end) }
                let terminator = bytes[i]
                if terminator == 0x2C { i += 1; continue }
                if terminator == 0x0D {
                    guard i + 1 < end else { return atEnd ? .record(fields, lines: lines, next: end) : .needMoreData }
                    if bytes[i + 1] == 0x0A { return .record(fields, lines: lines + 1, next: i + 2) }
                    return .record(fields, lines: lines, next: i + 1)
                }
                return .record(fields, lines: lines + 1, next: i + 1)
            }
        }
    }

    /// Bytes read so far, for progress.
    public var progressBytes: Int { bytesConsumed + position }
}

extension String {
    /// The cell without the spaces a spreadsheet may leave round it. Most cells have none, and Foundation's trim costs
    /// a lot over millions of rows, so it is paid only when an end is blank.
    public var trimmedCell: String {
        first?.isWhitespace == true || last?.isWhitespace == true ? trimmingCharacters(in: .whitespaces) : self
    }
}
