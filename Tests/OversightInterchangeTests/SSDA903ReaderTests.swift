import Foundation
import OversightCore
import Testing

@testable import OversightInterchange

@Suite("SSDA903 reader")
struct SSDA903ReaderTests {
    /// Writes `files` (name → text) into a fresh folder.
    func folder(_ files: [String: String]) -> String {
        let directory = temporaryDirectory()
        for (name, text) in files { write(text, to: directory + "/" + name) }
        return directory
    }

    @Test("Files are recognised by their columns in any order and under any name; text is upper-cased and empty is missing")
    func recognisesByColumns() throws {
        let directory = folder([
            "Children 2025.csv": "\u{FEFF}DOB,CHILD,SEX,ETHNIC,UPN,MOTHER,MC_DOB\r\n1/2/2010,c1,m,wbri,,,\r\n31/12/2012,C2,F,WBRI,UN1,0,\r\n",
            "eps.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                + "c1,01/04/2024,S,C2,N1,U4,PR1,,,,,,\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tables = try SSDA903Reader().read(directory: directory)
        let header = try #require(tables[.header])
        #expect(header.file == "Children 2025.csv")
        #expect(header[.child] == ["C1", "C2"])
        #expect(header[.sex] == ["M", "F"])
        #expect(header[.upn] == [nil, "UN1"])
        #expect(header.dates(.dob) == [LocalDate(year: 2010, month: 2, day: 1), LocalDate(year: 2012, month: 12, day: 31)])
        #expect(header.lines == [2, 3])
        #expect(tables[.episodes]?.dates(.decom) == [LocalDate(year: 2024, month: 4, day: 1)])
    }

    @Test("A date that is not a real day (31/02/2024) or not dd/mm/yyyy is read as no date, keeping the text for the rules")
    func impossibleDates() {
        #expect(SSDA903Date.parse("31/02/2024") == nil)
        #expect(SSDA903Date.parse("2024-02-01") == nil)
        #expect(SSDA903Date.parse("01/02/24") == nil)
        #expect(SSDA903Date.parse("29/02/2024") == LocalDate(year: 2024, month: 2, day: 29))
        let table = SSDA903Table(kind: .header, rows: [["C1", "M", "31/02/2024", "WBRI", nil, nil, nil]])
        #expect(table[.dob] == ["31/02/2024"])
        #expect(table.dates(.dob) == [nil])
    }

    @Test("A file whose columns match no table is an error naming the file, line 1 and the nearest table's missing column")
    func unknownColumns() throws {
        let directory = folder(["header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER\nC1,M,01/01/2010,WBRI,,\n"])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            try SSDA903Reader().read(directory: directory)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("header.csv:1") && text.contains("nearest is Header") && text.contains("also needs MC_DOB")
        }
    }

    @Test("Two files for one table, and a row with too few fields, are errors naming the file and line")
    func duplicatesAndShortRows() throws {
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        let twice = folder(["a.csv": header, "b.csv": header])
        defer { try? FileManager.default.removeItem(atPath: twice) }
        #expect { try SSDA903Reader().read(directory: twice) } throws: { "\($0)".contains("a.csv already holds") }
        let short = folder(["h.csv": header + "C1,M,01/01/2010,WBRI,,,\nC2,F\n"])
        defer { try? FileManager.default.removeItem(atPath: short) }
        #expect { try SSDA903Reader().read(directory: short) } throws: { error in
            "\(error)".hasPrefix("h.csv:3: DOB") && "\(error)".contains("has 2 fields where the header has 7")
        }
    }

    @Test("A stray quote and a UTF-16 file are errors naming the file and line")
    func strayQuoteAndUTF16() throws {
        let quoted = folder(["h.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2010,WB\"RI,,,\n"])
        defer { try? FileManager.default.removeItem(atPath: quoted) }
        #expect { try SSDA903Reader().read(directory: quoted) } throws: { "\($0)".hasPrefix("h.csv:2: ETHNIC") }
        let wide = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: wide) }
        let text = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        FileManager.default.createFile(atPath: wide + "/h.csv", contents: Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!)
        #expect { try SSDA903Reader().read(directory: wide) } throws: { "\($0)".contains("re-save it as UTF-8") }
    }

    @Test("A 1 GB file is refused by its size before any of it is read")
    func hugeFile() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/episodes.csv"
        FileManager.default.createFile(atPath: path, contents: Data("CHILD,DECOM\n".utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1 << 30)  // sparse: no gigabyte is written
        try handle.close()
        #expect { try SSDA903Reader().read(directory: directory) } throws: { error in
            "\(error)".contains("episodes.csv") && "\(error)".contains("is 1.0 GB")
        }
    }
}
