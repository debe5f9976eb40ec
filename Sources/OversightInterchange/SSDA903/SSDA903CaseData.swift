import Foundation
import OversightCore
import OversightStorage

/// What an SSDA903 import kept, and what it read but the store has no place for.
public struct SSDA903ImportReport: Sendable {
    public var extract: ExtractDescription
    /// Rows stored per domain entity.
    public var stored: [Entity: Int]
    /// Tables read whose data Oversight does not hold, by DfE name.
    public var tablesNotKept: [String]
    /// Columns of kept tables that Oversight does not hold, as `Table.COLUMN`.
    public var columnsNotKept: [String]
}

/// Maps the SSDA903 tables to Oversight's case records and back.
///
/// The store holds a child's journey, not the return: Header, Episodes, Reviews, Missing and OC3 map onto
/// `Child`, `LookedAfterEpisode` + `Placement`, `LookedAfterReview`, `MissingEpisode` and `CareLeaver`.
/// The tables and columns in `tablesNotKept` / `columnsNotKept` have no home in the domain yet; the import
/// says so rather than dropping them silently.
public enum SSDA903CaseData {
    public static let keptTables: [SSDA903TableKind] = [.header, .episodes, .reviews, .missing, .oc3]
    public static let columnsNotKept: [SSDA903TableKind: [SSDA903Field]] = [
        .header: [.mother, .motherChildDOB], .episodes: [.homePost],
    ]

    /// Reads the folder and replaces every case record with what it holds, in one transaction: a bad value
    /// stops the import with file, line and column, and the store is left as it was.
    public static func importReturn(
        from directory: String, into store: some CaseRecordStore, importedAt: String,
        progress: ((SSDA903ReadProgress) -> Void)? = nil
    ) throws -> SSDA903ImportReport {
        let tables = try SSDA903Reader().read(directory: directory, progress: progress)
        let paths = tables.values.map { directory + "/" + $0.file }.sorted()
        let extract = ExtractDescription(
            kind: "903", source: directory, fingerprint: try SSDImporter.fingerprint(paths), importedAt: importedAt,
            rowsRead: tables.values.reduce(0) { $0 + $1.count })
        let caseRecords = try records(from: tables)
        var stored: [Entity: Int] = [:]
        try store.replaceCaseRecords { writer in
            for record in caseRecords {
                try writer.insert(record)
                stored[record.entity, default: 0] += 1
            }
            return extract
        }
        return SSDA903ImportReport(
            extract: extract, stored: stored,
            tablesNotKept: tables.keys.filter { !keptTables.contains($0) }.sorted().map(\.rawValue),
            columnsNotKept: tables.keys.sorted().flatMap { kind in
                (columnsNotKept[kind] ?? []).filter { field in tables[kind]![field].contains { $0 != nil } }
                    .map { "\(kind.rawValue).\($0.rawValue)" }
            })
    }

    /// The case records the return's tables describe, children first.
    /// - Throws: `InterchangeError.invalidValue` at the file, line and column of a code or date Oversight cannot hold.
    public static func records(from tables: [SSDA903TableKind: SSDA903Table]) throws(InterchangeError) -> [CaseRecord] {
        guard let header = tables[.header] else {
            throw .noTables(path: "the 903 folder", expected: "the Header table (every 903 table refers to it)")
        }
        var records: [CaseRecord] = []
        var known = Set<String>()
        for row in header.indices {
            let cell = Cell(table: header, row: row)
            let id = try cell.required(.child)
            guard known.insert(id).inserted else { throw cell.invalid(.child, "appears more than once in the Header") }
            records.append(.child(Child(
                id: Identifier(id), sex: try cell.code(.sex), ethnicity: try cell.code(.ethnic), dateOfBirth: try cell.date(.dob),
                upn: cell[.upn])))
        }
        func child(_ cell: Cell) throws(InterchangeError) -> Identifier<Child> {
            let id = try cell.required(.child)
            guard known.contains(id) else { throw cell.invalid(.child, "is not a child in the Header") }
            return Identifier(id)
        }
        if let episodes = tables[.episodes] {
            // A period of care begins with an episode started for reason S; its first day names it.
            let order = episodes.indices.sorted {
                (episodes[.child][$0] ?? "", episodes.dates(.decom)[$0]?.dayNumber ?? 0)
                    < (episodes[.child][$1] ?? "", episodes.dates(.decom)[$1]?.dayNumber ?? 0)
            }
            var period: (child: String, start: LocalDate)?
            var numbers: [String: Int] = [:]
            for row in order {
                let cell = Cell(table: episodes, row: row)
                let childID = try child(cell)
                let start = try cell.requiredDate(.decom)
                let reason: ReasonNewEpisode? = try cell.code(.rne)
                if reason == .started || period?.child != childID.rawValue { period = (childID.rawValue, start) }
                let number = numbers[childID.rawValue, default: 0] + 1
                numbers[childID.rawValue] = number
                let key = "\(childID.rawValue)-\(number)"
                let periodID = "\(childID.rawValue)-\(period!.start.isoString)"
                let end = try cell.date(.dec)
                let placement = Placement(
                    id: Identifier(key), childID: childID, periodOfCareID: periodID, start: start, end: end,
                    type: try cell.code(.place), provider: try cell.code(.placeProvider), urn: cell[.urn],
                    postcode: cell[.plPost], changeReason: try cell.code(.reasonPlaceChange))
                records.append(.placement(placement))
                records.append(.lookedAfterEpisode(LookedAfterEpisode(
                    id: Identifier(key), childID: childID, periodOfCareID: periodID, start: start, reasonNewEpisode: reason,
                    legalStatus: try cell.code(.ls), categoryOfNeed: try cell.code(.cin), placementID: placement.id, end: end,
                    reasonCeased: try cell.code(.rec), enteredCareDate: period!.start)))
            }
        }
        if let reviews = tables[.reviews] {
            for row in reviews.indices {
                let cell = Cell(table: reviews, row: row)
                records.append(.lookedAfterReview(LookedAfterReview(
                    id: Identifier("\(try child(cell).rawValue)-R\(row + 1)"), childID: try child(cell),
                    date: try cell.requiredDate(.review), participation: try cell.code(.reviewCode))))
            }
        }
        if let missing = tables[.missing] {
            for row in missing.indices {
                let cell = Cell(table: missing, row: row)
                records.append(.missingEpisode(MissingEpisode(
                    id: Identifier("\(try child(cell).rawValue)-M\(row + 1)"), childID: try child(cell),
                    type: try cell.code(.missing), start: try cell.requiredDate(.misStart), end: try cell.date(.misEnd))))
            }
        }
        if let leavers = tables[.oc3] {
            for row in leavers.indices {
                let cell = Cell(table: leavers, row: row)
                // ACCOM is the accommodation letter followed by 1 (suitable) or 2 (not suitable).
                let accommodation = cell[.accom]
                let letter = accommodation.map { String($0.prefix(1)) }
                let suitability = accommodation.map { String($0.dropFirst()) }
                guard accommodation == nil || (CareLeaverAccommodation(rawValue: letter!) != nil && ["1", "2"].contains(suitability!))
                else { throw cell.invalid(.accom, "is not an OC3 accommodation code (a letter, then 1 suitable or 2 not)") }
                records.append(.careLeaver(CareLeaver(
                    childID: try child(cell), inTouch: try cell.code(.inTouch),
                    accommodation: letter.flatMap(CareLeaverAccommodation.init(rawValue:)),
                    accommodationSuitable: suitability.map { $0 == "1" }, activity: try cell.code(.activ))))
            }
        }
        return records
    }

    /// The return's tables for the collection year ending 31 March `year`, from stored case data.
    ///
    /// Episodes: every one open at any point in the year. Header: each child with such an episode or an OC3
    /// row. Reviews and Missing: those in the year for those children. OC3: care leavers whose 17th–21st
    /// birthday falls in the year.
    public static func tables(for year: Int, from data: CaseRecords) -> [SSDA903TableKind: SSDA903Table] {
        let period = OversightCore.DateInterval(start: LocalDate(year: year - 1, month: 4, day: 1)!, end: LocalDate(year: year, month: 3, day: 31)!)
        let children = Dictionary(data.children.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let placements = Dictionary(data.placements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func dob(_ id: Identifier<Child>) -> String? { children[id]?.dateOfBirth?.ukString }

        let episodes = data.lookedAfterEpisodes.filter { $0.interval.overlaps(period) }
            .sorted { ($0.childID, $0.start) < ($1.childID, $1.start) }
        let leavers = data.careLeavers.filter { leaver in
            guard let born = children[leaver.childID]?.dateOfBirth else { return false }
            return (17...21).contains(where: { period.contains(born.adding(years: $0)) })
        }.sorted { $0.childID < $1.childID }
        let included = Set(episodes.map(\.childID)).union(leavers.map(\.childID))
        let inYear = { (date: LocalDate?) in date.map(period.contains) ?? false }

        var tables: [SSDA903TableKind: SSDA903Table] = [:]
        tables[.header] = SSDA903Table(kind: .header, rows: included.sorted().compactMap { children[$0] }.map {
            [$0.id.rawValue, $0.sex?.rawValue, $0.dateOfBirth?.ukString, $0.ethnicity?.rawValue, $0.upn, nil, nil]
        })
        tables[.episodes] = SSDA903Table(kind: .episodes, rows: episodes.map { episode in
            let placement = episode.placementID.flatMap { placements[$0] }
            return [
                episode.childID.rawValue, episode.start.ukString, episode.reasonNewEpisode?.rawValue, episode.legalStatus?.rawValue,
                episode.categoryOfNeed?.rawValue, placement?.type?.rawValue, placement?.provider?.rawValue, episode.end?.ukString,
                episode.reasonCeased?.rawValue, placement?.changeReason?.rawValue, nil, placement?.postcode, placement?.urn,
            ]
        })
        tables[.reviews] = SSDA903Table(kind: .reviews, rows: data.lookedAfterReviews
            .filter { included.contains($0.childID) && !$0.isCancelled && inYear($0.date) }
            .sorted { ($0.childID, $0.date!) < ($1.childID, $1.date!) }
            .map { [$0.childID.rawValue, dob($0.childID), $0.date?.ukString, $0.participation?.rawValue] })
        tables[.missing] = SSDA903Table(kind: .missing, rows: data.missingEpisodes
            .filter { included.contains($0.childID) && OversightCore.DateInterval(start: $0.start, end: $0.end).overlaps(period) }
            .sorted { ($0.childID, $0.start) < ($1.childID, $1.start) }
            .map { [$0.childID.rawValue, dob($0.childID), $0.type?.rawValue, $0.start.ukString, $0.end?.ukString] })
        tables[.oc3] = SSDA903Table(kind: .oc3, rows: leavers.map { leaver in
            let accommodation = leaver.accommodation.map { $0.rawValue + (leaver.accommodationSuitable == false ? "2" : "1") }
            return [leaver.childID.rawValue, dob(leaver.childID), leaver.inTouch?.rawValue, leaver.activity?.rawValue, accommodation]
        })
        return tables
    }

    /// One row of a table, read with the file, line and column for any error.
    struct Cell {
        let table: SSDA903Table
        let row: Int

        subscript(field: SSDA903Field) -> String? { table[field][row] }

        func invalid(_ field: SSDA903Field, _ reason: String) -> InterchangeError {
            .invalidValue(self[field] ?? "", reason: reason, at: SourceLocation(file: table.file, line: table.lines[row], field: field.rawValue))
        }

        func required(_ field: SSDA903Field) throws(InterchangeError) -> String {
            guard let value = self[field] else { throw invalid(field, "is required") }
            return value
        }

        func date(_ field: SSDA903Field) throws(InterchangeError) -> LocalDate? {
            guard self[field] != nil else { return nil }
            guard let date = table.dates(field)[row] else { throw invalid(field, "is not a real date written dd/mm/yyyy") }
            return date
        }

        func requiredDate(_ field: SSDA903Field) throws(InterchangeError) -> LocalDate {
            guard let date = try date(field) else { throw invalid(field, "is required") }
            return date
        }

        func code<Code: CodeList>(_ field: SSDA903Field) throws(InterchangeError) -> Code? {
            guard let value = self[field] else { return nil }
            guard let code = Code(rawValue: value) else { throw invalid(field, "is not a \(Code.listName) code Oversight holds") }
            return code
        }
    }
}
