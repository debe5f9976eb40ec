import Foundation
import Testing
@testable import OversightInterchange

@Suite("CSV reader")
struct CSVReaderTests {
    func read(_ text: String) throws -> (header: [String], records: [CSVRecord]) {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/t.csv"
        write(text, to: path)
        let reader = try CSVReader(path: path)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (reader.header, records)
    }

    @Test("Quoted fields keep commas, doubled quotes and newlines; records know the line they start on")
    func quoting() throws {
        let (header, records) = try read("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n")
        #expect(header == ["a", "b", "c"])
        #expect(records.map(\.fields) == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", "z"], ["3", "", ""]])
        #expect(records.map(\.line) == [2, 3, 5])
    }

    @Test("CRLF line ends, a UTF-8 BOM, blank lines and a missing final newline are all fine")
    func tolerances() throws {
        let (header, records) = try read("\u{FEFF}CHILD,DOB\r\n1,01/01/2020\r\n\r\n2,02/02/2020")
        #expect(header == ["CHILD", "DOB"])
        #expect(records.map(\.fields) == [["1", "01/01/2020"], ["2", "02/02/2020"]])
        #expect(records.map(\.line) == [2, 4])
    }

    @Test("A stray quote inside an unquoted field names the line and column")
    func strayQuote() {
        #expect(throws: InterchangeError.strayQuote(at: SourceLocation(file: "t.csv", line: 3, field: "b"))) {
            try read("a,b\n1,ok\n2,he said \"no\"\n")
        }
        #expect(throws: InterchangeError.self) { try read("a,b\n1,\"quoted\"tail\n") }
    }

    @Test("A quoted field that never closes (a truncated file) names the line it opened on")
    func unterminated() {
        #expect(throws: InterchangeError.unterminatedQuote(at: SourceLocation(file: "t.csv", line: 2))) {
            try read("a,b\n1,\"never closed\n2,x\n")
        }
    }

    @Test("An unclosed quote early in a large file stops at the record limit instead of swallowing the file")
    func runawayQuote() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/runaway.csv"
        let row = Data("1,plain text that goes on and on and on\n".utf8)
        var data = Data("a,b\n2,\"never closed\n".utf8)
        while data.count < CSVReader.maximumRecordBytes + (4 << 20) { data.append(row) }
        FileManager.default.createFile(atPath: path, contents: data)
        let reader = try CSVReader(path: path)
        #expect(throws: InterchangeError.recordTooLong(at: SourceLocation(file: "runaway.csv", line: 2), limit: CSVReader.maximumRecordBytes)) {
            while try reader.next() != nil {}
        }
    }

    @Test("UTF-16 and invalid UTF-8 are rejected with advice, not read as garbage")
    func encodings() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let utf16 = directory + "/u16.csv"
        FileManager.default.createFile(atPath: utf16, contents: "a,b\n1,2\n".data(using: .utf16))
        #expect(throws: InterchangeError.notUTF8(at: SourceLocation(file: "u16.csv", line: 1))) { try CSVReader(path: utf16) }
        let latin1 = directory + "/latin1.csv"
        FileManager.default.createFile(atPath: latin1, contents: Data([0x61, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]))
        let reader = try CSVReader(path: latin1)
        #expect(throws: InterchangeError.notUTF8(at: SourceLocation(file: "latin1.csv", line: 2))) { try reader.next() }
    }

    @Test("An empty file and a missing file are clear errors")
    func emptyAndMissing() {
        #expect(throws: InterchangeError.emptyFile(path: "t.csv")) { try read("") }
        #expect(throws: InterchangeError.cannotRead(path: "/nonexistent/x.csv", reason: "no such file")) {
            try CSVReader(path: "/nonexistent/x.csv")
        }
    }

    @Test("Records larger than the read buffer and files of many chunks stream correctly")
    func largeFile() throws {
        var text = "id,notes\n"
        let long = String(repeating: "x", count: 1_500_000)
        text += "1,\"\(long)\"\n"
        for i in 2...50_000 { text += "\(i),row \(i)\n" }
        let (_, records) = try read(text)
        #expect(records.count == 50_000)
        #expect(records[0].fields[1].count == 1_500_000)
        #expect(records[49_999].fields == ["50000", "row 50000"])
        #expect(records[49_999].line == 50_001)
    }

    @Test("Writing then reading gives back every awkward value")
    func roundTrip() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let values: [[String?]] = [["plain", "with, comma", "quote \" inside"], ["new\nline", nil, "é ü 中"], ["", "\r\n", "end"]]
        let writer = try CSVWriter(path: directory + "/rt.csv", header: ["a", "b", "c"])
        for row in values { writer.row(row) }
        writer.close()
        let reader = try CSVReader(path: directory + "/rt.csv")
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        #expect(records == values.map { $0.map { $0 ?? "" } })
    }
}
