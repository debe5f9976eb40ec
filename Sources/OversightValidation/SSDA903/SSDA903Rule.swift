import OversightCore
import OversightInterchange

/// A row of one table that a rule flags (rows counted from 0, as the table holds them).
public struct SSDA903RowReference: Hashable, Sendable {
    public var table: SSDA903TableKind
    public var row: Int

    public init(_ table: SSDA903TableKind, _ row: Int) {
        self.table = table
        self.row = row
    }
}

/// Reference data some DfE rules need and the return does not carry.
public enum SSDA903ReferenceNeed: String, Sendable, Hashable {
    /// Ofsted's "Children's homes" and "Social care providers" lists (URN, placement and provider codes, dates).
    case ofstedProviders
    /// The postcode-to-grid table from which placement distance and placing authority are derived.
    case postcodes
    /// Which council submits the return, named as Ofsted's lists name local authorities.
    case placingAuthority

    /// What `skipped:` says, so the user knows what to supply with `--reference DIR`.
    public var skipReason: String {
        switch self {
        case .ofstedProviders:
            "skipped: needs the Ofsted provider lists (children's homes and social care providers) in --reference DIR"
        case .postcodes: "skipped: needs the postcode-to-grid table (placement distance and placing authority) in --reference DIR"
        case .placingAuthority: "skipped: needs the submitting council's name as Ofsted's lists spell it (--placing-authority NAME)"
        }
    }
}

/// One DfE SSDA903 validation rule as Oversight implements it: its code, the collection years it applies to,
/// the tables it reads, and the check itself. The message comes from ``SSDA903Catalogue``, which holds the
/// DfE's text for each year.
///
/// Rules are values, grouped in files by code range (`Rules/Rules1xx.swift`…); each file adds one list to
/// ``SSDA903Rules/families``. A rule whose text changed between years is two values with the same code
/// and disjoint years.
public struct SSDA903Rule: Sendable {
    public let code: String
    /// The collection years (named by their end: 2025 is 2024/25) it applies to.
    public let years: ClosedRange<Int>
    /// This year's tables the rule reads; when one is absent the rule is skipped, as the DfE's tool does.
    public let tables: [SSDA903TableKind]
    /// Last year's tables the rule compares with (`--last DIR`).
    public let lastYearTables: [SSDA903TableKind]
    /// Reference data the rule needs besides the catalogue's `needs:` (which names one).
    public let alsoNeeds: [SSDA903ReferenceNeed]
    let check: @Sendable (SSDA903Context) -> [SSDA903RowReference]

    /// The years our rule packs cover; a rule applies to all of them unless told otherwise.
    public static let allYears = 2024...2027

    public init(
        _ code: String, years: ClosedRange<Int> = SSDA903Rule.allYears, tables: [SSDA903TableKind],
        lastYear: [SSDA903TableKind] = [], alsoNeeds: [SSDA903ReferenceNeed] = [],
        check: @escaping @Sendable (SSDA903Context) -> [SSDA903RowReference]
    ) {
        self.code = code
        self.years = years
        self.tables = tables
        self.lastYearTables = lastYear
        self.alsoNeeds = alsoNeeds
        self.check = check
    }
}
