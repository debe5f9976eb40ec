import OversightCore

/// How big an authority to invent.
///
/// The sizes are pinned to published volumes so that measures computed from the output land near
/// real ones (kpis.md): `small` is a Buckinghamshire-sized county, `england` is the whole country
/// for benchmarks, and `tiny` is a fortieth of `small` for fast tests.
public enum AuthoritySize: String, CaseIterable, Sendable {
    /// About a fortieth of `small`: a few hundred children and about ten workers.
    case tiny
    /// About 128,000 children aged 0–17, 5,000–6,000 referrals a year, 450 on CP plans, 550 looked after.
    case small
    /// About 120 times `small`: 650,000 referrals a year and 100,000 looked-after episodes open in a year.
    case england
}

/// Everything that decides the content of a synthetic extract.
///
/// Two runs with equal options write byte-identical files.
public struct GeneratorOptions: Sendable {
    public var size: AuthoritySize
    /// Seeds every random draw; change it to get a different authority of the same shape.
    public var seed: UInt64
    /// Injects realistic data errors and lists each one in `_dirt_manifest.csv`.
    public var dirt: Bool
    /// The SSD "run date": nothing happens after it and spells open on it are written open.
    public var extractDate: LocalDate
    /// The SSD window, six years in the deployed scripts (`@ssd_timeframe_years`).
    public var yearsOfHistory: Int

    public init(
        size: AuthoritySize, seed: UInt64 = 1, dirt: Bool = false,
        extractDate: LocalDate = LocalDate(year: 2026, month: 10, day: 31)!, yearsOfHistory: Int = 6
    ) {
        self.size = size
        self.seed = seed
        self.dirt = dirt
        self.extractDate = extractDate
        self.yearsOfHistory = yearsOfHistory
    }
}

/// How far generation has got, reported every few thousand children.
public struct GenerationProgress: Sendable {
    public var childrenDone: Int
    public var childrenTotal: Int

    public init(childrenDone: Int, childrenTotal: Int) {
        self.childrenDone = childrenDone
        self.childrenTotal = childrenTotal
    }
}

/// What a run wrote.
public struct GenerationSummary: Sendable {
    /// Data rows (excluding the header) per `ssd_*` table, in the order the tables are listed in the SSD.
    public var rowsByTable: [(table: String, rows: Int)]
    /// The folder the CSVs were written to.
    public var directory: String
    /// Entries in `_dirt_manifest.csv`; zero when `dirt` was off.
    public var dirtInjected: Int

    public init(rowsByTable: [(table: String, rows: Int)], directory: String, dirtInjected: Int) {
        self.rowsByTable = rowsByTable
        self.directory = directory
        self.dirtInjected = dirtInjected
    }
}

extension GeneratorOptions {
    /// At least one year, so a mistaken zero or negative still gives a usable extract.
    var historyYears: Int { max(1, yearsOfHistory) }

    /// The first day of the SSD window: records ending before it are not extracted.
    var windowStart: LocalDate { extractDate.adding(years: -historyYears) }
}
