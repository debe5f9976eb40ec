import Foundation
import OversightCore
import OversightStorage

/// What an SSDA903 import stored.
public struct SSDA903ImportReport: Sendable {
    public var extract: ExtractDescription
    /// Rows stored per domain entity.
    public var stored: [Entity: Int]
}

/// How far an SSDA903 import has got: reading the files, then writing the records into the store.
public enum SSDA903ImportProgress: Sendable {
    case reading(SSDA903ReadProgress)
    case writing(recordsDone: Int, recordsTotal: Int)
}

/// Maps the SSDA903 tables to Oversight's case records and back.
///
/// The store holds a child's journey, not the return, so each table maps onto the domain: Header onto `Child`,
/// Episodes onto `LookedAfterEpisode` + `Placement`, Reviews, Missing and OC3 onto `LookedAfterReview`,
/// `MissingEpisode` and `CareLeaver`, and UASC, OC2, AD1, PlacedAdoption, PrevPerm, SWEpisodes and DoLo onto
/// the types named after them. Every column is kept except the DOB and SEX that other tables repeat from the
/// Header, which the export writes from the Header again.
public enum SSDA903CaseData {
    /// Reads the folder and replaces every case record with what it holds, in one transaction: a bad value
    /// stops the import with file, line and column, and the store is left as it was.
    public static func importReturn(
        from directory: String, into store: some CaseRecordStore, importedAt: String,
        progress: ((SSDA903ImportProgress) -> Void)? = nil
    ) throws -> SSDA903ImportReport {
        let tables = try SSDA903Reader().read(directory: directory, progress: progress.map { report in { report(.reading($0)) } })
        // An XML return is one file, whether named directly or as the one file of its folder.
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
        let paths = isDirectory.boolValue ? Set(tables.values.map { directory + "/" + $0.file }).sorted() : [directory]
        let extract = ExtractDescription(
            kind: "903", source: directory, fingerprint: try SSDImporter.fingerprint(paths), importedAt: importedAt,
            rowsRead: tables.values.reduce(0) { $0 + $1.count })
        let caseRecords = try records(from: tables)
        var stored: [Entity: Int] = [:]
        try store.replaceCaseRecords { writer in
            // Reported about a thousand times over the import, so the terminal is not the bottleneck.
            let step = max(1, caseRecords.count / 1000)
            for (index, record) in caseRecords.enumerated() {
                try writer.insert(record)
                stored[record.entity, default: 0] += 1
                if index % step == 0 { progress?(.writing(recordsDone: index, recordsTotal: caseRecords.count)) }
            }
            progress?(.writing(recordsDone: caseRecords.count, recordsTotal: caseRecords.count))
            return extract
        }
        return SSDA903ImportReport(extract: extract, stored: stored)
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
                upn: cell[.upn], isMother: try cell.flag(.mother), motherChildDateOfBirth: try cell.date(.motherChildDOB))))
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
                    postcode: cell[.plPost], changeReason: try cell.code(.reasonPlaceChange), homePostcode: cell[.homePost])
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
            var once = Set<String>()
            for row in leavers.indices {
                let cell = Cell(table: leavers, row: row)
                try cell.once(in: &once)
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
        try permanenceAndOutcomes(from: tables, child: child, into: &records)
        return records
    }

    /// The tables beyond the journey: UASC, OC2, AD1, PlacedAdoption, PrevPerm, SWEpisodes and DoLo.
    private static func permanenceAndOutcomes(
        from tables: [SSDA903TableKind: SSDA903Table], child: (Cell) throws(InterchangeError) -> Identifier<Child>,
        into records: inout [CaseRecord]
    ) throws(InterchangeError) {
        /// Each row of `kind`, with a set for the tables that hold one row per child.
        func rows(_ kind: SSDA903TableKind, onePerChild: Bool, _ body: (Cell, Identifier<Child>) throws(InterchangeError) -> CaseRecord)
            throws(InterchangeError)
        {
            guard let table = tables[kind] else { return }
            var once = Set<String>()
            for row in table.indices {
                let cell = Cell(table: table, row: row)
                let childID = try child(cell)
                if onePerChild { try cell.once(in: &once) }
                records.append(try body(cell, childID))
            }
        }
        try rows(.uasc, onePerChild: true) { cell, childID throws(InterchangeError) in
            .unaccompaniedAsylumSeekingStatus(UnaccompaniedAsylumSeekingStatus(childID: childID, ceasedDate: try cell.date(.duc)))
        }
        try rows(.oc2, onePerChild: true) { cell, childID throws(InterchangeError) in
            .continuouslyLookedAfterOutcomes(ContinuouslyLookedAfterOutcomes(
                childID: childID, sdqScore: try cell.number(.sdqScore), sdqReason: try cell.code(.sdqReason),
                convicted: try cell.flag(.convicted), healthCheck: try cell.flag(.healthCheck),
                immunisations: try cell.flag(.immunisations), teethCheck: try cell.flag(.teethCheck),
                healthAssessment: try cell.flag(.healthAssessment), substanceMisuse: try cell.flag(.substanceMisuse),
                interventionReceived: try cell.flag(.interventionReceived), interventionOffered: try cell.flag(.interventionOffered)))
        }
        try rows(.ad1, onePerChild: true) { cell, childID throws(InterchangeError) in
            .adoption(Adoption(
                childID: childID, decisionDate: try cell.date(.dateInt), matchingDate: try cell.date(.dateMatch),
                adoptedByFosterCarer: try cell.flag(.fosterCare), numberOfAdopters: try cell.number(.nbAdoptr),
                adopterSex: try cell.code(.sexAdoptr), adopterLegalStatus: try cell.code(.lsAdoptr)))
        }
        try rows(.placedAdoption, onePerChild: false) { cell, childID throws(InterchangeError) in
            .decisionToPlaceForAdoption(DecisionToPlaceForAdoption(
                id: Identifier("\(childID.rawValue)-PA\(cell.row + 1)"), childID: childID, date: try cell.requiredDate(.datePlaced),
                ceasedDate: try cell.date(.datePlacedCeased), ceasedReason: try cell.code(.reasonPlacedCeased)))
        }
        try rows(.previousPermanence, onePerChild: true) { cell, childID throws(InterchangeError) in
            // DATE_PERM is kept as written: the guidance allows an unknown day or month (zz/zz/2010).
            .previousPermanence(PreviousPermanence(
                childID: childID, option: try cell.code(.prevPerm), localAuthority: cell[.laPerm], orderDate: cell[.datePerm]))
        }
        try rows(.socialWorkerEpisodes, onePerChild: false) { cell, childID throws(InterchangeError) in
            .socialWorkerEpisode(SocialWorkerEpisode(
                id: Identifier("\(childID.rawValue)-SW\(cell.row + 1)"), childID: childID, socialWorkerID: cell[.swID],
                start: try cell.requiredDate(.swDecom), end: try cell.date(.swDec), changeReason: try cell.code(.swReason)))
        }
        try rows(.deprivationOfLiberty, onePerChild: false) { cell, childID throws(InterchangeError) in
            .deprivationOfLibertyOrder(DeprivationOfLibertyOrder(
                id: Identifier("\(childID.rawValue)-DL\(cell.row + 1)"), childID: childID, start: try cell.requiredDate(.doloStart),
                end: try cell.date(.doloEnd)))
        }
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

        /// A 0/1 item.
        func flag(_ field: SSDA903Field) throws(InterchangeError) -> Bool? {
            switch self[field] {
            case nil: return nil
            case "0": return false
            case "1": return true
            default: throw invalid(field, "is not 0 or 1")
            }
        }

        func number(_ field: SSDA903Field) throws(InterchangeError) -> Int? {
            guard let value = self[field] else { return nil }
            guard let number = Int(value) else { throw invalid(field, "is not a whole number") }
            return number
        }

        /// Checks the row's child has not had a row already in a table that holds one per child.
        func once(in seen: inout Set<String>) throws(InterchangeError) {
            guard let id = self[.child], seen.insert(id).inserted else {
                throw invalid(.child, "appears more than once in the \(table.kind.rawValue) table")
            }
        }

        func code<Code: CodeList>(_ field: SSDA903Field) throws(InterchangeError) -> Code? {
            guard let value = self[field] else { return nil }
            guard let code = Code(rawValue: value) else { throw invalid(field, "is not a \(Code.listName) code Oversight holds") }
            return code
        }
    }
}
