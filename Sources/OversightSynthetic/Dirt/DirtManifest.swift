import OversightInterchange

/// `_dirt_manifest.csv`: one row per injected error, `table,line,column,kind,detail`.
///
/// `line` is the physical line in the table's CSV where the row starts (header = 1) and `detail`
/// begins with the bad value in single quotes, so a test can go to the line, read the column and
/// compare. The file name starts with an underscore so importers that read `ssd_*.csv` ignore it.
final class DirtManifest {
    static let fileName = "_dirt_manifest.csv"
    private let csv: CSVWriter
    private(set) var entries = 0

    init(directory: String) throws(InterchangeError) {
        csv = try CSVWriter(path: directory + "/" + Self.fileName, header: ["table", "line", "column", "kind", "detail"])
    }

    func record(table: SSDTable, line: Int, mark: DirtMark, value: String) {
        csv.row([table.name, String(line), mark.column, mark.kind.rawValue, "'" + value + "' " + mark.explanation])
        entries += 1
    }

    func close() { csv.close() }
}

/// Spreads the rare structural errors evenly through the authority: each kind falls due every
/// `spacing` children and is placed on the next eligible row, so even `tiny` gets a handful and
/// `england` gets them in proportion.
struct StructuralQuota {
    enum Slot: Int, CaseIterable { case impossibleDate, unknownPerson, unknownPlacementType, unknownEthnicity, unknownLegalStatus }

    private var spacing: [Double]
    private var nextDue: [Double]
    private var pending: [Bool]

    /// - Parameter targets: how many of each slot to place over `children` children.
    init(children: Int, targets: [Slot: Int]) {
        spacing = Slot.allCases.map { slot in Double(children) / Double(max(1, targets[slot] ?? 1)) }
        nextDue = spacing.map { $0 / 2 }
        pending = Array(repeating: false, count: Slot.allCases.count)
    }

    mutating func beginChild(_ index: Int) {
        for slot in Slot.allCases.indices where Double(index) >= nextDue[slot] {
            pending[slot] = true
            nextDue[slot] += spacing[slot]
        }
    }

    /// True once for each error that has fallen due; the caller then corrupts the row in hand.
    mutating func take(_ slot: Slot) -> Bool {
        guard pending[slot.rawValue] else { return false }
        pending[slot.rawValue] = false
        return true
    }
}
