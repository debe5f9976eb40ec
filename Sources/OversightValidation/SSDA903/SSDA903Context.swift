import OversightCore
import OversightInterchange

/// What a rule sees: the return's tables, last year's, the collection year and the indexes most rules need.
///
/// Built once per validation and shared read-only by every rule, which run in parallel.
public final class SSDA903Context: Sendable {
    public let year: Int
    /// 1 April of the year before `year`.
    public let collectionStart: LocalDate
    /// 31 March of `year`.
    public let collectionEnd: LocalDate
    public let data: SSDA903Return
    public let reference: SSDA903ReferenceData
    /// Header rows by child.
    public let headerRows: [String: Int]
    /// Each child's episode rows, ordered by start date (rows without a valid start last, in file order).
    public let episodesByChild: [String: [Int]]
    /// Children looked after continuously for the 12 months to 31 March: the OC2 cohort.
    public let lookedAfterTwelveMonths: Set<String>
    /// The placement fields derived from the postcode grid, this year's and last year's (`nil` without the grid).
    public let placements: SSDA903Placement?, lastYearPlacements: SSDA903Placement?

    public init(year: Int, data: SSDA903Return, reference: SSDA903ReferenceData = SSDA903ReferenceData()) {
        self.year = year
        collectionStart = LocalDate(year: year - 1, month: 4, day: 1)!
        collectionEnd = LocalDate(year: year, month: 3, day: 31)!
        self.data = data
        self.reference = reference
        var headerRows: [String: Int] = [:]
        if let header = data[.header] {
            for (row, child) in header.children.enumerated() { if let child, headerRows[child] == nil { headerRows[child] = row } }
        }
        self.headerRows = headerRows
        var byChild: [String: [Int]] = [:]
        if let episodes = data[.episodes] {
            let starts = episodes.dates(.decom)
            for (row, child) in episodes.children.enumerated() { byChild[child ?? "", default: []].append(row) }
            for (child, rows) in byChild {
                byChild[child] = rows.sorted { a, b in
                    switch (starts[a], starts[b]) {
                    case let (x?, y?): x < y || (x == y && a < b)
                    case (.some, nil): true
                    case (nil, .some): false
                    case (nil, nil): a < b
                    }
                }
            }
        }
        episodesByChild = byChild
        let (start, end) = (collectionStart, collectionEnd)
        lookedAfterTwelveMonths = data[.episodes].map { Self.twelveMonthCohort($0, byChild: byChild, start: start, end: end) } ?? []
        let derived = Self.derivePlacements(data, reference: reference)
        placements = derived.thisYear
        lastYearPlacements = derived.lastYear
    }

    /// The OC2 cohort, read from the episodes as the DfE's guidance describes it: looked after at some point
    /// in the year, with no period starting (S) after 1 April (a start that day is a full 12 months at 31
    /// March), no period ending (any reason but X1) before 31 March, and no short breaks (V3/V4) in the year.
    static func twelveMonthCohort(_ episodes: SSDA903Table, byChild: [String: [Int]], start: LocalDate, end: LocalDate) -> Set<String> {
        let decom = episodes.dates(.decom), dec = episodes.dates(.dec)
        let rne = episodes[.rne], rec = episodes[.rec], ls = episodes[.ls]
        var cohort = Set<String>()
        for (child, rows) in byChild where !child.isEmpty {
            let inCare = rows.contains { row in
                guard let began = decom[row], began <= end else { return false }
                return dec[row].map { $0 >= start } ?? true
            }
            guard inCare else { continue }
            let broken = rows.contains { row in
                // A short break within the 12 months; one whose start date cannot be read cannot be placed in them.
                if ls[row] == "V3" || ls[row] == "V4", let began = decom[row], began <= end, dec[row].map({ $0 >= start }) ?? true { return true }
                if rne[row] == "S", let began = decom[row], began > start { return true }
                if let ended = dec[row], ended >= start, ended < end, rec[row] != "X1" { return true }
                return false
            }
            if !broken { cohort.insert(child) }
        }
        return cohort
    }

    /// This year's table; rules only ask for tables they declared, which are present when they run.
    public subscript(kind: SSDA903TableKind) -> SSDA903Table {
        data.tables[kind] ?? SSDA903Table(kind: kind, rows: [])
    }

    /// Last year's table (empty when not supplied).
    public func lastYear(_ kind: SSDA903TableKind) -> SSDA903Table {
        data.lastYear[kind] ?? SSDA903Table(kind: kind, rows: [])
    }

    /// The rows of `table` for which `fails` holds.
    public func flag(_ table: SSDA903TableKind, where fails: (Int) -> Bool) -> [SSDA903RowReference] {
        self[table].indices.compactMap { fails($0) ? SSDA903RowReference(table, $0) : nil }
    }

    /// The child's age in whole years on `date`.
    public static func age(_ born: LocalDate, on date: LocalDate) -> Int { born.age(on: date) }
}

/// Reference data supplied with `--reference DIR`. None is bundled, so the rules that need it are skipped
/// with a reason until it is supplied.
public struct SSDA903ReferenceData: Sendable {
    public var available: Set<SSDA903ReferenceNeed>
    /// `postcodes.csv`: the grid placement distance, authority and location are derived from.
    public var postcodes: SSDA903PostcodeGrid?
    /// The submitting authority's code (E09000027), against which a placement is IN or OUT; when `nil`, the
    /// authority most home postcodes fall in.
    public var localAuthority: String?
    /// Ofsted's provider lists (`SSDA903OfstedProviders.load(directory:)`); setting them makes the URN rules run.
    public var providers: SSDA903OfstedProviders? {
        didSet { if providers != nil { available.insert(.ofstedProviders) } }
    }
    /// The submitting council as Ofsted's lists name it ("Richmond upon Thames"), for 229's own-LA check.
    public var placingAuthority: String? {
        didSet { if placingAuthority != nil { available.insert(.placingAuthority) } }
    }

    public init(available: Set<SSDA903ReferenceNeed> = [], providers: SSDA903OfstedProviders? = nil, placingAuthority: String? = nil) {
        self.available = available
        self.providers = providers
        self.placingAuthority = placingAuthority
        if providers != nil { self.available.insert(.ofstedProviders) }
        if placingAuthority != nil { self.available.insert(.placingAuthority) }
    }
}
