import Foundation

/// Finds the first byte that is not well-formed UTF-8, reading a file in blocks.
///
/// The census must be UTF-8, and Foundation's `XMLParser` traps on an element name that is not valid UTF-8, so
/// the reader checks the bytes before parsing: a file in the wrong encoding gets an error with its line and column.
struct UTF8Scan {
    private var line = 1
    private var column = 1
    /// Continuation bytes still expected, and the bounds the next one must fall in (for overlong and surrogate checks).
    private var pending = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    /// Scans the next block; returns the line and column of the first invalid byte, or nil.
    mutating func scan(_ bytes: some Sequence<UInt8>) -> (line: Int, column: Int)? {
        for byte in bytes {
            if pending > 0 {
                guard byte >= lower && byte <= upper else { return (line, column) }
                lower = 0x80
                upper = 0xBF
                pending -= 1
                if pending == 0 { column += 1 }
                continue
            }
            switch byte {
            case 0x0A:
                line += 1
                column = 1
            case 0x00...0x7F: column += 1
            case 0xC2...0xDF: pending = 1
            case 0xE0: (pending, lower) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: pending = 2
            case 0xED: (pending, upper) = (2, 0x9F)
            case 0xF0: (pending, lower) = (3, 0x90)
            case 0xF1...0xF3: pending = 3
            case 0xF4: (pending, upper) = (3, 0x8F)
            default: return (line, column)
            }
        }
        return nil
    }

    /// Whether the input ended inside a multi-byte character.
    var isIncomplete: Bool { pending > 0 }
    var position: (line: Int, column: Int) { (line, column) }

    /// Scans a whole file, returning the place of the first invalid byte.
    static func firstInvalid(inFile path: String) throws -> (line: Int, column: Int)? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CINReadError(file: path, line: 0, column: 0, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        var scan = UTF8Scan()
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            if let place = scan.scan(block) { return place }
        }
        return scan.isIncomplete ? scan.position : nil
    }

    static func firstInvalid(in data: Data) -> (line: Int, column: Int)? {
        var scan = UTF8Scan()
        if let place = scan.scan(data) { return place }
        return scan.isIncomplete ? scan.position : nil
    }
}
