import OversightCore
import OversightInterchange

/// One value in a row, kept unrendered so a date costs no `String` until it reaches the file buffer.
enum Cell {
    case empty
    case text(String)
    /// Text that may contain a raw line break (the hand-built SystemC JSON); the writer counts its lines.
    case multiline(String)
    case number(Int)
    case datetime(LocalDate)

    /// The value exactly as it appears in the CSV field (before CSV quoting).
    var rendered: String {
        switch self {
        case .empty: ""
        case .text(let value), .multiline(let value): value
        case .number(let value): String(value)
        case .datetime(let date): date.isoString + " 00:00:00.000"
        }
    }
}

/// Writes one SSD table and keeps count of physical lines, so an injected error can be located exactly.
///
/// A row whose JSON holds a raw newline spans several physical lines; the manifest promises the line
/// on which each record starts (as `SourceLocation` counts them), so every newline inside a field
/// moves the next row down.
final class TableWriter {
    let table: SSDTable
    private let csv: CSVWriter
    private(set) var rows = 0
    /// The physical line the next row will start on (the header is line 1).
    private(set) var nextLine = 2

    init(table: SSDTable, directory: String) throws(InterchangeError) {
        self.table = table
        csv = try CSVWriter(path: directory + "/" + table.fileName, header: table.columns)
    }

    /// Writes a row and returns the line it starts on.
    @discardableResult
    func write(_ cells: [Cell]) -> Int {
        precondition(cells.count == table.columns.count, "\(table.name) row has \(cells.count) cells")
        let line = nextLine
        var extraLines = 0
        for cell in cells {
            switch cell {
            case .empty: csv.field(nil as String?)
            case .text(let value): csv.field(value)
            case .multiline(let value):
                csv.field(value)
                for byte in value.utf8 where byte == 0x0A { extraLines += 1 }
            case .number(let value): csv.field(value)
            case .datetime(let date): csv.field(datetime: date)
            }
        }
        csv.endRow()
        rows += 1
        nextLine += 1 + extraLines
        return line
    }

    func close() { csv.close() }
}
