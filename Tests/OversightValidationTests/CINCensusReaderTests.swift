import Foundation
import OversightCore
import OversightInterchange
@testable import OversightSynthetic
import Testing

/// The committed census files: hand-made seeds for the reader tests and the fuzz corpus.
let cinFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/cin-fuzz")

func temporaryFile(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("oversight-cin-\(UUID().uuidString)-\(name)").path
}

@Suite("CIN census reader")
struct CINCensusReaderTests {
    @Test func readsEveryFieldOfAChild() throws {
        let (summary, children) = try CINCensusReader().readAll(path: cinFixtures.appendingPathComponent("minimal-2025.xml").path)
        #expect(summary.header.referenceDate == LocalDate(year: 2025, month: 3, day: 31))
        #expect(summary.header.lea == "825")
        #expect(summary.issues.isEmpty)
        let child = try #require(children.first)
        #expect(child.laChildID == "A1" && child.sex == "F" && child.ethnicity == "WBRI" && child.disabilities == ["NONE"])
        let episode = try #require(child.episodes.first)
        #expect(episode.referralDate == LocalDate(year: 2024, month: 5, day: 1))
        #expect(episode.isNoFurtherAction == false)
        #expect(episode.assessments.first?.factors == ["16A"])
        #expect(episode.section47s.first?.dateOfInitialCPC == LocalDate(year: 2024, month: 5, day: 20))
        #expect(episode.protectionPlans.first?.reviewDates == [LocalDate(year: 2024, month: 8, day: 20)])
        #expect(child.line == 8)
    }

    @Test func acceptsThe2026PreProceedingsBlockAndTheOldGenderCode() throws {
        let (summary, children) = try CINCensusReader().readAll(path: cinFixtures.appendingPathComponent("preproceedings-2026.xml").path)
        #expect(summary.issues.isEmpty)
        let child = try #require(children.first)
        #expect(child.sex == "M")
        #expect(child.episodes.first?.preProceedings.first?["PPStartDate"] == "2025-08-01")
        #expect(child.episodes.first?.preProceedings.first?["PPOutcome"] == "1")
    }

    @Test func reportsUnknownAndMisplacedElementsWithTheirPlace() throws {
        let xml = """
            <Message><Children><Child>
            <ChildIdentifiers><LAchildID>A1</LAchildID><Nickname>Bob</Nickname></ChildIdentifiers>
            <CINdetails><CPPstartDate>2024-05-01</CPPstartDate></CINdetails>
            </Child></Children></Message>
            """
        var children: [CINCensusChild] = []
        let summary = try CINCensusReader().read(data: Data(xml.utf8), name: "t.xml") { children.append($0) }
        #expect(summary.issues.count == 2)
        #expect(summary.issues[0].line == 2 && summary.issues[0].message.contains("unknown element <Nickname>"))
        #expect(summary.issues[1].line == 3 && summary.issues[1].message.contains("<CPPstartDate> is not allowed inside <CINdetails>"))
        #expect(children.first?.laChildID == "A1")
    }

    @Test func aTruncatedFileFailsWithItsLineAndColumn() throws {
        let bytes = try Data(contentsOf: cinFixtures.appendingPathComponent("minimal-2025.xml"))
        let error = #expect(throws: CINReadError.self) {
            _ = try CINCensusReader().read(data: bytes.prefix(900), name: "cut.xml") { _ in }
        }
        #expect((error?.line ?? 0) > 1)
        #expect(error?.description.hasPrefix("cut.xml:") == true)
    }

    @Test func aFileThatIsNotACensusIsRejected() throws {
        let html = #expect(throws: CINReadError.self) {
            _ = try CINCensusReader().read(data: Data("<html><body>hello</body></html>".utf8), name: "page.xml") { _ in }
        }
        #expect(html?.reason.contains("not a CIN census") == true)
        let csv = #expect(throws: CINReadError.self) {
            _ = try CINCensusReader().read(data: Data("LAchildID,UPN\nA1,A825\n".utf8), name: "table.csv") { _ in }
        }
        #expect(csv?.line == 1)
        let noChildren = #expect(throws: CINReadError.self) {
            _ = try CINCensusReader().read(data: Data("<Message><Header/></Message>".utf8), name: "empty.xml") { _ in }
        }
        #expect(noChildren?.reason.contains("no <Children>") == true)
    }

    @Test func aFileInTheWrongEncodingIsRejected() throws {
        // Latin-1 bytes (é = 0xE9) in a file that declares UTF-8, as a CMS export in the wrong code page gives.
        var bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><Message><Children><Child><ChildIdentifiers><LAchildID>".utf8)
        bytes += [0x52, 0xE9, 0x6E]
        bytes += Array("</LAchildID></ChildIdentifiers></Child></Children></Message>".utf8)
        let error = #expect(throws: CINReadError.self) {
            _ = try CINCensusReader().read(data: Data(bytes), name: "latin1.xml") { _ in }
        }
        #expect(error?.line == 1)
    }

    @Test func aMissingFileIsAClearError() {
        #expect(throws: CINReadError.self) { _ = try CINCensusReader().read(path: "/nonexistent/census.xml") { _ in } }
    }

    @Test func writingACensusAndReadingItBackGivesTheSameChildren() throws {
        let generator = CINCensusGenerator(year: 2025, seed: 7, dirt: true)
        let path = temporaryFile("roundtrip.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try generator.write(children: 400, to: path)
        let (summary, children) = try CINCensusReader().readAll(path: path)
        #expect(summary.header == generator.header)
        #expect(children.count == 400)
        for (index, read) in children.enumerated() {
            var expected = generator.child(index)
            expected.line = read.line
            // The writer drops empty disability lists, so a child with none reads back with none.
            #expect(read == expected, "child \(index)")
        }
    }
}

@Suite("CIN census reader on large input")
struct CINLargeInputTests {
    /// A 2 GB file that is not a census (a sparse run of zeros) is refused from its first bytes.
    @Test func aTwoGigabyteFileThatIsNotXMLIsRefusedAtOnce() throws {
        let path = temporaryFile("2gb.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 2 << 30)
        try handle.close()
        let error = #expect(throws: CINReadError.self) { _ = try CINCensusReader().read(path: path) { _ in } }
        #expect(error?.reason.contains("not a CIN census") == true)
    }
}
