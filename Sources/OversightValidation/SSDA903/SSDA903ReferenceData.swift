import Foundation
import OversightInterchange

/// The postcode-to-grid table the DfE derives placement distance, placing authority and location from: each
/// postcode's Ordnance Survey grid reference and local authority (ONS postcode directory columns).
public struct SSDA903PostcodeGrid: Sendable {
    /// One postcode's grid reference (metres) and authority, either of which the directory may leave blank.
    public struct Place: Sendable, Hashable {
        public var easting: Double?
        public var northing: Double?
        /// The lower-tier authority (`laua`), e.g. E07000110 for Maidstone.
        public var authority: String?
        /// The upper-tier authority that places children, e.g. E10000016 for Kent; for a unitary the same code.
        public var upperTier: String?

        public init(easting: Double?, northing: Double?, authority: String?, upperTier: String? = nil) {
            self.easting = easting
            self.northing = northing
            self.authority = authority
            self.upperTier = upperTier
        }
    }

    /// Places by normalised postcode (`Self.key`).
    public private(set) var places: [String: Place]

    public init(places: [String: Place] = [:]) {
        self.places = [:]
        for (postcode, place) in places { self.places[Self.key(postcode)] = place }
    }

    /// A postcode as the table is keyed: upper case, spaces ignored ("tw1  3bz" and "TW13BZ" are one postcode), the
    /// same comparison the Ofsted lists' postcodes are held to, so a provider's premises find their grid row.
    public static func key(_ postcode: String) -> String { SSDA903OfstedProviders.comparablePostcode(postcode) }

    public subscript(postcode: String?) -> Place? {
        guard let postcode else { return nil }
        return places[Self.key(postcode)]
    }

    /// The authority that places children from a lower-tier code: `utla` when the row gave it, else the
    /// `authorities.csv` lookup, else the code itself unless it is a shire district (E07), whose county
    /// cannot be told without the lookup.
    static func upperTier(of authority: String?, given: String?, lookup: [String: String]) -> String? {
        if let given { return given }
        guard let authority else { return nil }
        if let county = lookup[authority] { return county }
        return authority.hasPrefix("E07") ? nil : authority
    }

    /// The authority most home postcodes fall in: the submitting authority when none is given, since children
    /// come into care from their own authority.
    public func mostCommonAuthority(of homePostcodes: [String?]) -> String? {
        var counts: [String: Int] = [:]
        for postcode in homePostcodes {
            if let authority = self[postcode].flatMap({ SSDA903Placement.placingAuthority($0.upperTier) }) { counts[authority, default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}

/// Reference data supplied with `--reference DIR`: each file kind has its own reader, and the rules that need
/// a kind not supplied are skipped with the reason.
extension SSDA903ReferenceData {
    /// The authority placements are IN or OUT of: the one given, else the one most home postcodes are in.
    public func submittingAuthority(for data: SSDA903Return) -> String? {
        localAuthority ?? data[.episodes].flatMap { episodes in postcodes?.mostCommonAuthority(of: episodes[.homePost]) }
    }

    /// Every postcode a return (this year's and last year's episodes) records, for `load(directory:keeping:)`.
    public static func postcodes(in data: SSDA903Return) -> Set<String> {
        var postcodes = Set<String>()
        for episodes in [data[.episodes], data.lastYear[.episodes]].compactMap({ $0 }) {
            for field in [SSDA903Field.homePost, .plPost] { postcodes.formUnion(episodes[field].compactMap { $0 }) }
        }
        return postcodes
    }

    /// The files `load(directory:)` reads, by what they provide.
    public static let postcodesFile = "postcodes.csv"
    public static let authoritiesFile = "authorities.csv"

    /// Reads whatever reference files `directory` holds: the postcode grid and Ofsted's provider lists (a missing
    /// file leaves its rules skipped).
    /// - Parameter postcodes: when given, only these postcodes' rows are kept (every row is still checked), so
    ///   the whole postcode directory (2.7 million rows) can be supplied without holding it all.
    /// - Throws: `InterchangeError` naming the file, line and column of the first bad row.
    public static func load(directory: String, keeping postcodes: Set<String>? = nil) throws(InterchangeError) -> SSDA903ReferenceData {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(path: directory)
        }
        var reference = SSDA903ReferenceData()
        let providers = try SSDA903OfstedProviders.load(directory: directory)
        // The providers' premises are placed in the grid too (241 compares their authorities).
        let premises = providers.map { $0.providers.flatMap(\.premises) } ?? []
        try reference.loadPostcodes(from: directory, keeping: postcodes.map { Set($0.union(premises).map(SSDA903PostcodeGrid.key)) })
        reference.providers = providers
        return reference
    }

    /// `postcodes.csv` (`pcd,oseast1m,osnrth1m,laua[,utla]`) and, if present, `authorities.csv` (`laua,utla`).
    mutating func loadPostcodes(from directory: String, keeping wanted: Set<String>?) throws(InterchangeError) {
        let path = (directory as NSString).appendingPathComponent(Self.postcodesFile)
        guard FileManager.default.fileExists(atPath: path) else { return }
        let authoritiesPath = (directory as NSString).appendingPathComponent(Self.authoritiesFile)
        var counties: [String: String] = [:]
        if FileManager.default.fileExists(atPath: authoritiesPath) {
            try Self.readRows(authoritiesPath, required: ["laua", "utla"]) { (row: ReferenceRow) throws(InterchangeError) in
                let district = try row.code("laua"), county = try row.code("utla")
                counties[district] = county
            }
        }
        var places: [String: SSDA903PostcodeGrid.Place] = [:]
        try Self.readRows(path, required: ["pcd", "oseast1m", "osnrth1m", "laua"]) { (row: ReferenceRow) throws(InterchangeError) in
            let postcode = try row.postcode("pcd")
            let easting = try row.metres("oseast1m"), northing = try row.metres("osnrth1m")
            let authority = try row.optionalCode("laua"), upperTier = try row.optionalCode("utla")
            guard wanted?.contains(postcode) ?? true else { return }
            places[postcode] = SSDA903PostcodeGrid.Place(
                easting: easting, northing: northing, authority: authority,
                upperTier: SSDA903PostcodeGrid.upperTier(of: authority, given: upperTier, lookup: counties))
        }
        postcodes = SSDA903PostcodeGrid(places: places)
        available.insert(.postcodes)
    }

    /// Reads a reference CSV with the project's reader, handing each row to `body` with its location.
    static func readRows(
        _ path: String, required: [String], _ body: (ReferenceRow) throws(InterchangeError) -> Void
    ) throws(InterchangeError) {
        let reader = try CSVReader(path: path)
        let columns = Dictionary(reader.header.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for column in required where columns[column] == nil {
            throw .missingColumn(column, at: SourceLocation(file: reader.displayName, line: 1))
        }
        while let record = try reader.next() {
            guard record.fields.count == reader.header.count else {
                throw .invalidValue(
                    record.fields.joined(separator: ","), reason: "has \(record.fields.count) fields; the header has \(reader.header.count)",
                    at: SourceLocation(file: reader.displayName, line: record.line))
            }
            try body(ReferenceRow(file: reader.displayName, record: record, columns: columns))
        }
    }

    /// One row of a reference file, whose values are read by column name with errors at `file:line: column`.
    struct ReferenceRow {
        let file: String
        let record: CSVRecord
        let columns: [String: Int]

        func text(_ column: String) -> String? {
            guard let index = columns[column] else { return nil }
            let value = record.fields[index].trimmedCell
            return value.isEmpty ? nil : value
        }

        func invalid(_ column: String, _ reason: String) -> InterchangeError {
            .invalidValue(text(column) ?? "", reason: reason, at: SourceLocation(file: file, line: record.line, field: column))
        }

        /// A postcode: letters, digits and spaces, 5 to 7 characters without the spaces.
        func postcode(_ column: String) throws(InterchangeError) -> String {
            guard let value = text(column) else { throw invalid(column, "is blank; every row needs a postcode") }
            let key = SSDA903PostcodeGrid.key(value)
            guard (5...7).contains(key.count), key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw invalid(column, "is not a postcode")
            }
            return key
        }

        /// A grid coordinate in metres; blank where the directory has none (a postcode without a grid reference).
        func metres(_ column: String) throws(InterchangeError) -> Double? {
            guard let value = text(column) else { return nil }
            guard let metres = Double(value), metres.isFinite, metres >= 0, metres < 2_000_000 else {
                throw invalid(column, "is not a grid coordinate in metres")
            }
            return metres
        }

        /// An ONS area code (E09000027) or the DfE's SCO/WAL/NIR; blank allowed.
        func optionalCode(_ column: String) throws(InterchangeError) -> String? {
            guard let value = text(column)?.uppercased() else { return nil }
            guard value.count <= 9, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw invalid(column, "is not a local authority code")
            }
            return value
        }

        func code(_ column: String) throws(InterchangeError) -> String {
            guard let value = try optionalCode(column) else { throw invalid(column, "is blank") }
            return value
        }
    }
}

/// The placement fields the DfE derives for each episode from its two postcodes, as the guidance describes.
public struct SSDA903Placement: Sendable {
    /// PL_DISTANCE in tenths of a mile (so comparisons are exact), `nil` unless both postcodes are in the grid.
    public let distance: [Int?]
    /// PL_LA: the placing authority of the placement postcode; SCO, WAL or NIR outside England.
    public let authority: [String?]
    /// PL_LOCATION: IN or OUT of the submitting authority, `nil` when the placement postcode is not in the grid.
    public let location: [String?]
    /// A postcode was recorded (HOME_POST or PL_POST) that the grid does not hold.
    public let unknownPostcode: [Bool]
    /// The authority IN means: the one submitting the return.
    public let submittingAuthority: String?

    /// Miles as the DfE measures them: straight-line grid metres / 1000 / 1.6093.
    static let metresPerMile = 1000 * 1.6093

    public init(episodes: SSDA903Table, grid: SSDA903PostcodeGrid, submittingAuthority: String?) {
        let homes = episodes[.homePost], placements = episodes[.plPost]
        var distance: [Int?] = [], authority: [String?] = [], location: [String?] = [], unknown: [Bool] = []
        for row in episodes.indices {
            let home = grid[homes[row]], placed = grid[placements[row]]
            unknown.append((homes[row] != nil && home == nil) || (placements[row] != nil && placed == nil))
            if let home, let placed, let x0 = home.easting, let y0 = home.northing, let x1 = placed.easting, let y1 = placed.northing {
                let miles = ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot() / Self.metresPerMile
                distance.append(Int((miles * 10).rounded(.toNearestOrEven)))
            } else {
                distance.append(nil)
            }
            let placing = placed.flatMap { Self.placingAuthority($0.upperTier) }
            authority.append(placing)
            // A postcode in the grid is somewhere: in the submitting authority or not, even when its authority is unknown.
            location.append(placed.map { _ in placing != nil && placing == submittingAuthority ? "IN" : "OUT" })
        }
        self.distance = distance
        self.authority = authority
        self.location = location
        unknownPostcode = unknown
        self.submittingAuthority = submittingAuthority
    }

    /// PL_LA as the return codes it: an English authority by its code; Scotland, Northern Ireland and Wales as
    /// SCO, NIR and WAL (their ONS codes start S, N and W).
    public static func placingAuthority(_ code: String?) -> String? {
        guard let code else { return nil }
        switch code.first {
        case "S": return "SCO"
        case "N": return "NIR"
        case "W": return "WAL"
        default: return code
        }
    }

    /// PL_LA of a placement outside England, where Ofsted registers no provider (218, 243).
    public static let outsideEngland: Set<String> = ["WAL", "SCO", "NIR"]

    /// A distance in tenths of a mile as the return writes it ("38.5").
    public static func miles(_ tenths: Int) -> String { "\(tenths / 10).\(tenths % 10)" }
}
