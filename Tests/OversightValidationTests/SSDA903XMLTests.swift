import Foundation
import OversightCore
import OversightInterchange
import OversightStorageSQLite
import OversightSynthetic
import OversightValidation
import Testing

/// The hand-written 903 XML and the same return as CSV files.
let ssda903XMLFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/ssda903-xml")

/// Reads `xml` as a 903 XML file and returns what the read threw, as text.
private func readError(_ xml: String, name: String = "return.xml") -> String? {
    do {
        _ = try SSDA903XMLReader().read(data: Data(xml.utf8), name: name)
        return nil
    } catch {
        return "\(error)"
    }
}

/// Which rules flagged which child in which table, and how often: what must not change between the two forms.
private func findings(_ report: ValidationReport) -> [String: Int] {
    var counts: [String: Int] = [:]
    for outcome in report.outcomes {
        for failure in outcome.failures { counts["\(outcome.rule.code) \(failure.child) \(failure.table ?? "-")", default: 0] += 1 }
        if let skipped = outcome.skipped { counts["\(outcome.rule.code) skipped: \(skipped)", default: 0] += 1 }
    }
    return counts
}

@Suite("SSDA903 XML")
struct SSDA903XMLTests {
    @Test("The hand-written XML reads into the same tables, field by field, as its CSV form")
    func fixtureMatchesCSV() throws {
        let xml = try SSDA903Reader().read(directory: ssda903XMLFixtures.appendingPathComponent("return.xml").path)
        let csv = try SSDA903Reader().read(directory: ssda903XMLFixtures.appendingPathComponent("csv").path)
        #expect(Set(xml.keys) == Set(csv.keys))
        #expect(xml.count == 10, "every table the XML can hold, SWEpisodes and DoLo excepted")
        for kind in SSDA903TableKind.allCases {
            guard let want = csv[kind], let got = xml[kind] else { continue }
            #expect(got.count == want.count, "\(kind.rawValue): \(got.count) rows from XML, \(want.count) from CSV")
            #expect(got.file == "return.xml")
            for field in kind.fields {
                #expect(got[field] == want[field], "\(kind.rawValue).\(field.rawValue)")
                if field.isDate { #expect(got.dates(field) == want.dates(field), "\(kind.rawValue).\(field.rawValue) parsed") }
            }
        }
        let header = try #require(xml[.header])
        #expect(header[.ethnic].first == "WBRI", "text is upper-cased")
        #expect(header[.motherChildDOB][1] == nil, "an empty element is missing")
        // Each row points at the line its element starts on, so findings lead to the XML.
        #expect(header.lines == [5, 70, 116])
        #expect(xml[.episodes]?.lines == [40, 54, 100])
        #expect(xml[.reviews]?.lines == [18, 22, 83])
    }

    @Test("The validator finds the same on both forms of the fixture, in both years")
    func sameFindingsBothForms() throws {
        let xml = try SSDA903Reader().read(directory: ssda903XMLFixtures.appendingPathComponent("return.xml").path)
        let csv = try SSDA903Reader().read(directory: ssda903XMLFixtures.appendingPathComponent("csv").path)
        for year in [2025, 2026] {
            let validator = SSDA903Validator(year: year)
            let fromXML = findings(validator.validate(SSDA903Return(tables: xml)))
            let fromCSV = findings(validator.validate(SSDA903Return(tables: csv)))
            #expect(fromXML == fromCSV)
            #expect(fromXML.keys.contains { !$0.contains("skipped") }, "the fixture fails some rule, so the comparison means something")
        }
    }

    @Test("A date not written dd/mm/yyyy stays as written, for the date rules to flag")
    func datesAsWritten() throws {
        let tables = try SSDA903XMLReader().read(
            data: Data("<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID><DOB>2012-01-01</DOB></HEADER></CHILD></EXPSSDA903>".utf8), name: "r.xml")
        #expect(tables[.header]?[.dob] == ["2012-01-01"])
        #expect(tables[.header]?.dates(.dob) == [nil])
    }

    @Test("Malformed XML is an error at its line and column")
    func malformed() {
        let text = "<EXPSSDA903>\n  <CHILD>\n    <HEADER><CHILDID>C1</CHILD>\n"
        let error = readError(text)
        #expect(error?.hasPrefix("return.xml:3:") == true, "\(error ?? "no error")")
        #expect(error?.contains("not well formed: an end tag does not match the element it closes") == true, "\(error ?? "")")
        let truncated = readError("<EXPSSDA903>\n  <CHILD>\n    <HEADER><CHILDID>C1</CHILDID>\n")
        #expect(truncated?.contains("return.xml:") == true && (truncated?.contains("not well formed") == true || truncated?.contains("truncated") == true))
    }

    @Test("An element the schema does not define, or one out of place or repeated, is an error at its line and column")
    func unknownElements() {
        let unknown = readError("<EXPSSDA903>\n<CHILD><HEADER>\n   <CHILDID>C1</CHILDID><NICKNAME>Al</NICKNAME></HEADER></CHILD></EXPSSDA903>")
        #expect(unknown?.hasPrefix("return.xml:3:") == true, "\(unknown ?? "no error")")
        #expect(unknown?.contains("<NICKNAME> (inside <HEADER>) is not an element of the SSDA903 XML") == true)
        let misplaced = readError("<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID></HEADER>\n<EPISODE><DOB>01/01/2010</DOB></EPISODE></CHILD></EXPSSDA903>")
        #expect(misplaced?.hasPrefix("return.xml:2:") == true && misplaced?.contains("<DOB> is not allowed inside <EPISODE>") == true)
        let twice = readError("<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID><DOB>01/01/2010</DOB><DOB>02/01/2010</DOB></HEADER></CHILD></EXPSSDA903>")
        #expect(twice?.contains("<DOB> appears twice") == true)
        let headless = readError("<EXPSSDA903><CHILD><EPISODE><DECOM>01/01/2024</DECOM></EPISODE></CHILD></EXPSSDA903>")
        #expect(headless?.contains("has no <HEADER>") == true)
    }

    @Test("A file that is not a 903 XML return is refused clearly")
    func notA903() {
        let census = readError("<?xml version=\"1.0\"?>\n<Message><Header/></Message>")
        #expect(census?.hasPrefix("return.xml:2:") == true && census?.contains("not an SSDA903 XML return (it looks like a CIN census)") == true)
        let csv = readError("CHILD,SEX,DOB\nC1,M,01/01/2010\n", name: "header.xml")
        #expect(csv?.contains("header.xml:1:1") == true && csv?.contains("does not begin with XML") == true)
        #expect(readError("  \n")?.contains("is empty") == true)
        var latin1 = Data("<EXPSSDA903>\n<CHILD><HEADER><CHILDID>Ren".utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: Data("</CHILDID></HEADER></CHILD></EXPSSDA903>".utf8))
        #expect {
            try SSDA903XMLReader().read(data: latin1, name: "return.xml")
        } throws: { "\($0)".hasPrefix("return.xml:2: column 28") && "\($0)".contains("not UTF-8") }
    }

    @Test("A 1 GB XML file is refused by its size before any of it is read")
    func hugeFile() throws {
        let path = temporaryFile("huge.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: Data("<EXPSSDA903>".utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1 << 30)  // sparse: no gigabyte is written
        try handle.close()
        #expect { try SSDA903Reader().read(directory: path) } throws: { error in
            "\(error)".contains("huge.xml: cannot be read: is 1.0 GB; an SSDA903 XML return is at most 256 MB")
        }
    }

    @Test("A folder of one XML file is read as XML; XML beside CSV, or two XML files, are refused; a non-XML file path is not a folder")
    func folders() throws {
        let directory = temporaryFile("903-xml")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let source = ssda903XMLFixtures.appendingPathComponent("return.xml").path
        try FileManager.default.copyItem(atPath: source, toPath: directory + "/Return 2025.XML")
        #expect(try SSDA903Reader().read(directory: directory)[.header]?.count == 3)
        try FileManager.default.copyItem(atPath: ssda903XMLFixtures.appendingPathComponent("csv/header.csv").path, toPath: directory + "/header.csv")
        #expect { try SSDA903Reader().read(directory: directory) } throws: { "\($0)".contains("holds both 903 XML (Return 2025.XML) and CSV (header.csv)") }
        try FileManager.default.removeItem(atPath: directory + "/header.csv")
        try FileManager.default.copyItem(atPath: source, toPath: directory + "/again.xml")
        #expect { try SSDA903Reader().read(directory: directory) } throws: { "\($0)".contains("holds 2 XML files") }
        #expect { try SSDA903Reader().read(directory: ssda903XMLFixtures.appendingPathComponent("csv/header.csv").path) } throws: {
            "\($0)".contains("is not a folder")
        }
    }

    @Test("Generated returns (clean and dirty, both years) survive CSV → XML → tables unchanged, with the same findings")
    func generatorRoundTrip() throws {
        for (year, dirt) in [(2025, false), (2026, false), (2025, true), (2026, true)] {
            var tables = SSDA903Generator(year: year, children: 300, seed: 11, dirt: dirt).generate().tables
            tables[.socialWorkerEpisodes] = nil  // the schema has no social worker episodes
            tables[.deprivationOfLiberty] = nil
            // The XML nests every row under its child's Header and gives the child one DOB and SEX, so the dirt's
            // UASC row for a child with no Header, and a DOB that disagrees with the Header's, cannot be written.
            let header = try #require(tables[.header])
            var born: [String: (dob: String?, sex: String?)] = [:]
            for row in header.indices { if let child = header.children[row] { born[child] = (header[.dob][row], header[.sex][row]) } }
            for (kind, table) in tables where kind != .header {
                let keep = table.indices.filter { table.children[$0].flatMap { born[$0] } != nil }
                let rows = keep.map { row in
                    kind.fields.map { field in
                        let child = born[table.children[row]!]!
                        return field == .dob ? child.dob : field == .sex ? child.sex : table[field][row]
                    }
                }
                let aligned = SSDA903Table(kind: kind, rows: rows)
                if SSDA903RoundTrip.rows(aligned) != SSDA903RoundTrip.rows(table) {
                    #expect(dirt, "\(year): a clean return has \(kind.rawValue) rows the XML cannot hold")
                    tables[kind] = aligned
                }
            }
            let csvFolder = temporaryFile("903-csv")
            defer { try? FileManager.default.removeItem(atPath: csvFolder) }
            try SSDA903Writer.write(tables, to: csvFolder)
            let csv = try SSDA903Reader().read(directory: csvFolder)
            let path = temporaryFile("903.xml")
            defer { try? FileManager.default.removeItem(atPath: path) }
            try SSDA903XMLWriter.write(csv, to: path)
            var reports: [SSDA903ReadProgress] = []
            let xml = try SSDA903Reader().read(directory: path) { reports.append($0) }
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).intValue
            #expect(size > 256 << 10, "a file large enough for progress to show")
            #expect(reports.count > 3 && reports.last?.bytesDone == size, "the read reports progress as it goes, ending at the file's size: \(reports.map(\.bytesDone))")
            #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.bytesDone <= $1.bytesDone })
            for kind in SSDA903XMLReader.tables {
                let want = SSDA903RoundTrip.rows(csv[kind]), got = SSDA903RoundTrip.rows(xml[kind])
                let same = got == want
                #expect(same, "\(year) dirt \(dirt) \(kind.rawValue): e.g. \(Array(Set(want).symmetricDifference(got).sorted().prefix(4)))")
                if !dirt { #expect(!want.isEmpty, "\(year): the generated return has \(kind.rawValue) rows to compare") }
            }
            let validator = SSDA903Validator(year: year)
            let fromXML = findings(validator.validate(SSDA903Return(tables: xml)))
            let fromCSV = findings(validator.validate(SSDA903Return(tables: csv)))
            let same = fromXML == fromCSV
            #expect(same, "\(year) dirt \(dirt): \(Array(Set(fromXML.map { "\($0) \($1)" }).symmetricDifference(fromCSV.map { "\($0) \($1)" }).sorted().prefix(6)))")
        }
    }

    @Test("Importing the XML file stores the same case records as importing its CSV form")
    func importsLikeCSV() throws {
        let directory = temporaryFile("903-xml-import")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fromXML = try SQLiteCaseRecordStore(path: directory + "/xml.sqlite")
        let report = try SSDA903CaseData.importReturn(
            from: ssda903XMLFixtures.appendingPathComponent("return.xml").path, into: fromXML, importedAt: "2025-05-01T09:00:00Z")
        #expect(report.extract.rowsRead == 16)
        let fromCSV = try SQLiteCaseRecordStore(path: directory + "/csv.sqlite")
        _ = try SSDA903CaseData.importReturn(
            from: ssda903XMLFixtures.appendingPathComponent("csv").path, into: fromCSV, importedAt: "2025-05-01T09:00:00Z")
        let records = try fromXML.fetchCaseRecords()
        #expect(report.stored.values.reduce(0, +) > 10)
        #expect(records == (try fromCSV.fetchCaseRecords()))
    }

    @Test("The writer refuses rows the XML has no place for rather than dropping them")
    func writerRefuses() {
        let header = SSDA903Table(kind: .header, rows: [["C1", "M", "01/01/2010", "WBRI", nil, nil, nil]])
        let orphan = SSDA903Table(kind: .reviews, rows: [["C2", "01/01/2012", "01/05/2024", "PN1"]])
        #expect { try SSDA903XMLWriter.document([.header: header, .reviews: orphan], name: "x.xml") } throws: { "\($0)".contains("child C2 has no Header row") }
        let social = SSDA903Table(kind: .socialWorkerEpisodes, rows: [["C1", "01/01/2010", "SW1", "01/04/2024", nil, nil]])
        #expect { try SSDA903XMLWriter.document([.header: header, .socialWorkerEpisodes: social], name: "x.xml") } throws: { "\($0)".contains("no place for SWEpisodes") }
    }
}
