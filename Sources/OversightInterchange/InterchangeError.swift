import OversightCore

/// Where in an input file something was found: `file:line: field`.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based physical line on which the record starts; 0 when the problem is with the whole file.
    public var line: Int
    public var field: String?

    public init(file: String, line: Int, field: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
    }

    public var description: String {
        var text = line > 0 ? "\(file):\(line)" : file
        if let field { text += ": \(field)" }
        return text
    }
}

/// Why reading or writing an interchange file could not go on.
public enum InterchangeError: Error, CustomStringConvertible, Equatable {
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case notUTF8(at: SourceLocation)
    case unterminatedQuote(at: SourceLocation)
    case recordTooLong(at: SourceLocation, limit: Int)
    case strayQuote(at: SourceLocation)
    case missingColumn(String, at: SourceLocation)
    case emptyFile(path: String)
    /// A row failed a field check; `reason` says what was wrong with the value.
    case invalidValue(String, reason: String, at: SourceLocation)
    /// A JSON file is not well formed, or a field is missing or of the wrong type; `at.field` is the JSON path.
    case invalidJSON(reason: String, at: SourceLocation)
    case notADirectory(path: String)
    case noTables(path: String, expected: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): return "\(path): cannot be read: \(reason)"
        case .cannotWrite(let path, let reason): return "\(path): cannot be written: \(reason)"
        case .notUTF8(let at): return "\(at): the file is not UTF-8 text; re-save it as UTF-8 (CSV UTF-8 in Excel)"
        case .unterminatedQuote(let at): return "\(at): a quoted field is never closed (the file may be truncated)"
        case .recordTooLong(let at, let limit):
            return "\(at): a row runs past \(limit / 1_048_576) MB without ending; a quote is probably never closed"
        case .strayQuote(let at): return "\(at): a quote appears inside an unquoted field; quote the whole field and double inner quotes"
        case .missingColumn(let column, let at): return "\(at): required column '\(column)' is missing from the header"
        case .emptyFile(let path): return "\(path): the file is empty (no header row)"
        case .invalidValue(let value, let reason, let at): return "\(at): '\(value)' \(reason)"
        case .invalidJSON(let reason, let at): return "\(at): \(reason)"
        case .notADirectory(let path): return "\(path): is not a folder"
        case .noTables(let path, let expected): return "\(path): contains no \(expected) files"
        }
    }
}
