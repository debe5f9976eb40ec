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
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEndOfFile = false
    private var line = 1
    private var field: [UInt8] = []

    private static let chunkSize = 1 << 20

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
        if chunk.count >= 2, (chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF) {
            throw .notUTF8(at: SourceLocation(file: self.displayName, line: 1))
        }
        if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { position = 3 }
        guard let first = try next() else { throw .emptyFile(path: self.displayName) }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    deinit { try? handle.close() }

    private func refill() throws(InterchangeError) {
        guard !atEndOfFile else { return }
        let data: Data?
        do {
            data = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw .cannotRead(path: path, reason: "\(error.localizedDescription)")
        }
        bytesConsumed += position
        guard let data, !data.isEmpty else {
            chunk = []
            position = 0
            atEndOfFile = true
            return
        }
        chunk = [UInt8](data)
        position = 0
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The next record, or `nil` at the end of the file. Blank lines are skipped.
    /// - Throws: `InterchangeError.strayQuote`, `.unterminatedQuote` or `.notUTF8` with the record's location.
    public func next() throws(InterchangeError) -> CSVRecord? {
        var fields: [String] = []
        var state = State.fieldStart
        var recordLine = line
        field.removeAll(keepingCapacity: true)

        func finishField() throws(InterchangeError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw .notUTF8(at: SourceLocation(file: displayName, line: recordLine))
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }

        while true {
            if position >= chunk.count {
                try refill()
                if atEndOfFile {
                    switch state {
                    case .quoted:
                        throw .unterminatedQuote(at: SourceLocation(file: displayName, line: recordLine))
                    case .fieldStart where fields.isEmpty:
                        return nil
                    default:
                        try finishField()
                        return CSVRecord(line: recordLine, fields: fields)
                    }
                }
            }
            let byte = chunk[position]
            position += 1
            switch state {
            case .fieldStart:
                switch byte {
                case 0x22: state = .quoted
                case 0x2C: try finishField()
                case 0x0A:
                    line += 1
                    if fields.isEmpty {
                        recordLine = line  // a blank line: keep looking
                        continue
                    }
                    try finishField()
                    return CSVRecord(line: recordLine, fields: fields)
                case 0x0D: continue
                default:
                    field.append(byte)
                    state = .unquoted
                }
            case .unquoted:
                switch byte {
                case 0x2C:
                    try finishField()
                    state = .fieldStart
                case 0x0A:
                    line += 1
                    try finishField()
                    return CSVRecord(line: recordLine, fields: fields)
                case 0x0D: continue
                case 0x22:
                    throw .strayQuote(at: SourceLocation(file: displayName, line: line, field: header.indices.contains(fields.count) ? header[fields.count] : nil))
                default: field.append(byte)
                }
            case .quoted:
                if byte == 0x22 {
                    state = .quoteInQuoted
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            case .quoteInQuoted:
                switch byte {
                case 0x22:
                    field.append(0x22)
                    state = .quoted
                case 0x2C:
                    try finishField()
                    state = .fieldStart
                case 0x0A:
                    line += 1
                    try finishField()
                    return CSVRecord(line: recordLine, fields: fields)
                case 0x0D: continue
                default:
                    throw .strayQuote(at: SourceLocation(file: displayName, line: line, field: header.indices.contains(fields.count) ? header[fields.count] : nil))
                }
            }
        }
    }

    /// Bytes read so far, for progress.
    public var progressBytes: Int { bytesConsumed + position }
}
