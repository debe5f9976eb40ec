import Foundation
import OversightCore

/// Ofsted's lists of registered children's social care providers, by URN, as the SSDA903 rules that check a
/// placement's URN need them (219, 221, 224, 227, 228, 229, 1008).
///
/// Ofsted issues two spreadsheets: "Children's homes" (one sheet, "Provider information") and "Social care
/// providers" (a sheet of current providers and one of providers closed). Oversight reads each sheet saved as
/// CSV under a fixed name in the `--reference` folder, keeping Ofsted's column headings (matched without
/// regard to case, other columns ignored), so a council can "save as CSV" and go. See ``ListFile``.
public struct SSDA903OfstedProviders: Sendable {
    /// One registered provider (a children's home, fostering agency, supported accommodation…).
    public struct Provider: Sendable, Equatable {
        public var urn: String
        public var list: ListFile
        /// The local authority Ofsted records the setting in, as Ofsted names it ("Richmond upon Thames").
        public var localAuthority: String?
        /// The 903 placement types (PLACE) the provider offers: K2 for a children's home, U1–U6 for fostering.
        public var placementCodes: Set<String>
        /// The 903 placement provider codes (PLACE_PROVIDER, PR0–PR5) it may be recorded under.
        public var providerCodes: Set<String>
        /// The day its registration ended; `nil` while it is registered.
        public var closed: LocalDate?
        /// As Ofsted writes it, upper-cased; compare through ``SSDA903OfstedProviders/comparablePostcode(_:)``.
        public var postcode: String?
        /// The postcodes of the other rows listed under this URN (comparable form): a supported accommodation
        /// provider is registered once but may have premises in several places (rule 241).
        public var otherPremises: Set<String> = []
        /// Every postcode listed under this URN, comparable form.
        public var premises: Set<String> { otherPremises.union(postcode.map { [SSDA903OfstedProviders.comparablePostcode($0)] } ?? []) }

        public init(
            urn: String, list: ListFile, localAuthority: String?, placementCodes: Set<String>, providerCodes: Set<String>,
            closed: LocalDate? = nil, postcode: String?
        ) {
            self.urn = urn.uppercased()
            self.list = list
            self.localAuthority = localAuthority
            self.placementCodes = placementCodes
            self.providerCodes = providerCodes
            self.closed = closed
            self.postcode = postcode?.uppercased()
        }
    }

    /// The three sheets, each saved as a CSV file in the reference folder.
    public enum ListFile: String, Sendable, CaseIterable {
        /// "Children's homes", sheet "Provider information".
        case childrensHomes = "ofsted-childrens-homes.csv"
        /// "Social care providers", first sheet (current providers).
        case socialCareProviders = "ofsted-social-care-providers.csv"
        /// "Social care providers", second sheet (providers closed); optional.
        case closedSocialCareProviders = "ofsted-social-care-providers-closed.csv"

        public var fileName: String { rawValue }

        /// Ofsted's headings for URN, local authority, placement codes, provider codes, closure date and postcode.
        /// In the children's homes list Ofsted's "Provider Code" holds the placement type (K1, K2) and "Provider
        /// Placement Code" the placement provider codes (PR1/PR4…); the sector's validator reads them so too.
        var headings: (urn: String, localAuthority: String, placement: String, provider: String, closed: String, postcode: [String]) {
            switch self {
            case .childrensHomes:
                ("URN", "Local Authority", "Provider Code", "Provider Placement Code", "Closed Date", ["Setting Postcode", "Setting Address Postcode"])
            case .socialCareProviders, .closedSocialCareProviders:
                ("URN", "Local authority", "Placement code", "Placement provider code", "Deregistration date", ["Setting postcode"])
            }
        }

        /// The current social care providers sheet has no deregistration date column.
        var closedColumnRequired: Bool { self != .socialCareProviders }
    }

    private var byURN: [String: Provider]

    /// Providers listed twice (on both lists, or twice on one) are merged: any code either row gives is
    /// accepted, and the registration counts as ended only if every row says it ended (the latest date).
    public init(_ providers: [Provider]) {
        var byURN: [String: Provider] = [:]
        for provider in providers {
            guard var merged = byURN[provider.urn] else {
                byURN[provider.urn] = provider
                continue
            }
            merged.placementCodes.formUnion(provider.placementCodes)
            merged.providerCodes.formUnion(provider.providerCodes)
            if let a = merged.closed, let b = provider.closed { merged.closed = max(a, b) } else { merged.closed = nil }
            merged.localAuthority = merged.localAuthority ?? provider.localAuthority
            merged.postcode = merged.postcode ?? provider.postcode
            merged.otherPremises.formUnion(provider.premises)
            byURN[provider.urn] = merged
        }
        self.byURN = byURN
    }

    /// The provider with this URN (as the return writes it, upper case), if Ofsted lists it.
    public subscript(urn: String) -> Provider? { byURN[urn] }

    public var count: Int { byURN.count }

    /// Every provider, in URN order.
    public var providers: [Provider] { byURN.values.sorted { $0.urn < $1.urn } }

    /// A postcode as the DfE compares it: upper case, spaces removed.
    public static func comparablePostcode(_ text: String) -> String {
        String(text.uppercased().filter { !$0.isWhitespace })
    }

    /// A provider list is a few thousand rows; anything this size is not one.
    static let maximumFileBytes = 64 << 20

    /// Reads the lists from a `--reference` folder: `nil` when neither list is there, so the rules that need
    /// them are reported as skipped.
    /// - Throws: `InterchangeError` naming the file, line and column of a bad row, or the list missing when only
    ///   one of the two is there (the rules would otherwise call every URN on the other list unknown).
    public static func load(directory: String) throws(InterchangeError) -> SSDA903OfstedProviders? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw .notADirectory(path: directory)
        }
        let present = ListFile.allCases.filter { FileManager.default.fileExists(atPath: directory + "/" + $0.fileName) }
        guard !present.isEmpty else { return nil }
        for required in [ListFile.childrensHomes, .socialCareProviders] where !present.contains(required) {
            let other = required == .childrensHomes ? ListFile.socialCareProviders : .childrensHomes
            throw .cannotRead(
                path: directory + "/" + required.fileName,
                reason: "no such file; the URN rules need both Ofsted lists, and \(other.fileName) is here without it")
        }
        var providers: [Provider] = []
        for list in present { providers += try read(path: directory + "/" + list.fileName, as: list) }
        return SSDA903OfstedProviders(providers)
    }

    /// Reads one saved sheet.
    /// - Throws: `InterchangeError` naming the file, line and column.
    public static func read(path: String, as list: ListFile) throws(InterchangeError) -> [Provider] {
        let name = (path as NSString).lastPathComponent
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        if size > maximumFileBytes {
            throw .cannotRead(path: name, reason: "is \(size >> 20) MB; an Ofsted provider list is a few MB at most, so this is not one")
        }
        let reader = try CSVReader(path: path, displayName: name)
        let header = reader.header.map { $0.lowercased() }
        let headings = list.headings
        func column(_ names: [String], required: Bool = true) throws(InterchangeError) -> Int? {
            if let index = names.lazy.compactMap({ header.firstIndex(of: $0.lowercased()) }).first { return index }
            guard required else { return nil }
            throw .missingColumn(names[0], at: SourceLocation(file: name, line: 1))
        }
        let urnColumn = try column([headings.urn])!
        let authorityColumn = try column([headings.localAuthority])!
        let placementColumn = try column([headings.placement])!
        let providerColumn = try column([headings.provider])!
        let closedColumn = try column([headings.closed], required: list.closedColumnRequired)
        let postcodeColumn = try column(headings.postcode)!
        var providers: [Provider] = []
        while let record = try reader.next() {
            let fields = record.fields.map(\.trimmedCell)
            // Spreadsheets saved as CSV often end in rows of empty cells.
            if fields.allSatisfy(\.isEmpty) { continue }
            func at(_ column: Int) -> SourceLocation { SourceLocation(file: name, line: record.line, field: reader.header[column]) }
            guard fields.count == header.count else {
                throw .invalidValue(
                    record.fields.joined(separator: ","), reason: "has \(fields.count) fields where the header has \(header.count)",
                    at: SourceLocation(file: name, line: record.line))
            }
            let urn = fields[urnColumn]
            guard !urn.isEmpty else { throw .invalidValue(urn, reason: "is blank; every provider has a URN", at: at(urnColumn)) }
            let placementCodes = try codes(fields[placementColumn], at: at(placementColumn)) { code in
                code.count >= 2 && code.count <= 3 && code.first!.isLetter && code.dropFirst().allSatisfy(\.isNumber)
            }
            let providerCodes = try codes(fields[providerColumn], at: at(providerColumn)) { code in
                code.count == 3 && code.hasPrefix("PR") && code.last!.isNumber
            }
            var closed: LocalDate? = nil
            if let closedColumn, !fields[closedColumn].isEmpty {
                guard let date = date(fields[closedColumn]) else {
                    throw .invalidValue(fields[closedColumn], reason: "is not a date (dd/mm/yyyy or yyyy-mm-dd)", at: at(closedColumn))
                }
                closed = date
            }
            let authority = fields[authorityColumn], postcode = fields[postcodeColumn]
            providers.append(
                Provider(
                    urn: urn, list: list, localAuthority: authority.isEmpty ? nil : authority, placementCodes: placementCodes,
                    providerCodes: providerCodes, closed: closed, postcode: postcode.isEmpty ? nil : postcode))
        }
        return providers
    }

    /// A list of codes as Ofsted writes them: "K2", "U1/U2/U3", "PR1, PR4".
    private static func codes(_ text: String, at location: SourceLocation, valid: (String) -> Bool) throws(InterchangeError) -> Set<String> {
        let codes = text.uppercased().split(whereSeparator: { $0 == "/" || $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
        if let bad = codes.first(where: { !valid($0) }) {
            throw .invalidValue(text, reason: "is not a list of 903 codes ('\(bad)' is not one)", at: location)
        }
        return Set(codes)
    }

    /// dd/mm/yyyy as Excel saves a UK date, or yyyy-mm-dd, either with a time of day after it.
    static func date(_ text: String) -> LocalDate? {
        let day = text.split(separator: " ", maxSplits: 1).first.map(String.init) ?? text
        return SSDA903Date.parse(day) ?? (day.count == 10 ? LocalDate(iso: day) : nil)
    }

    /// Writes the lists in the format ``load(directory:)`` reads, each provider on the list it came from
    /// (closed social care providers on the closed sheet).
    /// - Throws: `InterchangeError.cannotWrite`.
    public func write(to directory: String) throws(InterchangeError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: error.localizedDescription)
        }
        for list in ListFile.allCases {
            let headings = list.headings
            let writer = try CSVWriter(
                path: directory + "/" + list.fileName,
                header: [headings.urn, headings.localAuthority, headings.placement, headings.provider, headings.postcode[0]]
                    + (list == .socialCareProviders ? [] : [headings.closed]))
            for provider in providers where provider.list.writtenAs(closed: provider.closed != nil) == list {
                writer.field(provider.urn)
                writer.field(provider.localAuthority)
                writer.field(provider.placementCodes.sorted().joined(separator: ","))
                writer.field(provider.providerCodes.sorted().joined(separator: ","))
                writer.field(provider.postcode)
                if list != .socialCareProviders { writer.field(provider.closed?.ukString) }
                writer.endRow()
            }
            writer.close()
        }
    }
}

extension SSDA903OfstedProviders.ListFile {
    /// The sheet a provider from this list belongs on: a closed social care provider moves to the closed sheet.
    fileprivate func writtenAs(closed: Bool) -> Self {
        self == .socialCareProviders && closed ? .closedSocialCareProviders : self == .closedSocialCareProviders && !closed ? .socialCareProviders : self
    }
}
