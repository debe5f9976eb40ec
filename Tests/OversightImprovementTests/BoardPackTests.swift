import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OversightCore
import OversightImprovement
import OversightInterchange
import OversightMeasures
import OversightStorage
import Testing

/// Reads the pack as XML (it is written as XHTML) and collects elements by class, with their attributes and text.
final class PackReader: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text = "" }
    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func read(_ html: String) throws -> PackReader {
        let reader = PackReader()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in open { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func withClass(_ name: String) -> [Element] { elements.filter { $0.attributes["class"]?.split(separator: " ").contains(Substring(name)) == true } }
}

@Suite("The improvement board pack")
struct BoardPackTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../OversightInterchangeTests/Fixtures/plans/post-ofsted-action-plan-2022.json").standardized.path

    func plan() throws -> ImprovementPlan { try PlanDocument.read(path: Self.fixture, id: "ofsted-2022").plan }

    /// 1.1 was Red at the last board and is Green now; 2.1 was rated Red in the quarter; 3.1 went Blue long ago.
    static let updates = [
        ActionUpdate(ref: "3.1", status: "Done", impact: "Embedded", more: "", rag: .blue, by: "A", at: "2022-09-01T10:00:00Z"),
        ActionUpdate(ref: "1.1", status: "Slipping", impact: "", more: "Recruit", rag: .red, by: "B", at: "2022-10-03T10:00:00Z"),
        ActionUpdate(ref: "1.1", status: "Relaunched", impact: "Re-referrals down to 21%", more: "Audit", rag: .green, by: "C", at: "2022-12-01T10:00:00Z"),
        ActionUpdate(ref: "2.1", status: "Behind", impact: "Too early to tell", more: "Escalate", rag: .red, by: "D", at: "2022-11-20T10:00:00Z"),
    ]

    @Test("The pack is well-formed XHTML with the RAG summary against the last board, exceptions first, 7 recommendations and 27 actions")
    func content() throws {
        let pack = BoardPack(plan: try plan(), updates: Self.updates, asOf: LocalDate(iso: "2022-12-15")!, engine: nil)
        let html = pack.html()
        let reader = try PackReader.read(html)
        #expect(reader.withClass("recommendation").count == 7)
        #expect(reader.withClass("action").count == 27)
        let counts = Dictionary(uniqueKeysWithValues: reader.withClass("rag-count").map { ($0.attributes["data-rag"] ?? "", $0.text) })
        // Last board: 61 days before 15 December is 15 October, when 1.1 was Red.
        #expect(counts["Green"]?.contains("10up 1") == true, "Green now 1, at the last board 0")
        #expect(counts["Red"]?.contains("11no change") == true, "Red: 2.1 now, 1.1 then")
        #expect(counts["Blue"]?.contains("11no change") == true)
        let exceptions = reader.withClass("exception")
        #expect(exceptions.first?.attributes["data-kind"] == "Red", "red actions come first")
        #expect(exceptions.contains { $0.attributes["data-kind"] == "Red" && $0.text.hasPrefix("2.1") })
        #expect(!exceptions.contains { $0.text.hasPrefix("3.1") }, "a Blue action is neither overdue nor stale")
        #expect(exceptions.contains { $0.attributes["data-kind"] == "Overdue" && $0.text.hasPrefix("1.2") })
        #expect(exceptions.contains { $0.attributes["data-kind"] == "Stale" && $0.text.hasPrefix("1.2") })
        let action = try #require(reader.withClass("action").first { $0.attributes["data-ref"] == "1.1" })
        #expect(action.text.contains("Relaunched"))
        #expect(action.text.contains("Re-referrals down to 21%"))
        // The quarter's narrative: impact recorded from 16 September to 15 December, not the September update.
        let narrative = reader.withClass("narrative").map(\.text)
        #expect(narrative.count == 2)
        #expect(!narrative.contains { $0.contains("Embedded") })
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"), "self-contained: nothing fetched")
    }

    @Test("With case data, each recommendation carries its linked measures with an inline chart")
    func measures() throws {
        let engine = MeasureEngine(snapshot: CaseSnapshot(records: CaseRecords()))
        let pack = BoardPack(plan: try plan(), updates: [], asOf: LocalDate(iso: "2022-12-15")!, engine: engine)
        let reader = try PackReader.read(pack.html())
        let first = try #require(reader.withClass("recommendation").first { $0.attributes["data-number"] == "1" })
        #expect(first.text.contains("CIN-02"))
        #expect(reader.withClass("measure").map { $0.attributes["data-measure"] ?? "" }.prefix(3) == ["CIN-02", "CIN-03", "CIN-07"])
        #expect(reader.elements.filter { $0.name == "svg" }.count == reader.withClass("measure").count)
    }

    @Test("The quarterly impact report leaves out the action detail; the text form has every section")
    func quarterlyAndText() throws {
        let quarterly = BoardPack(kind: .quarterly, plan: try plan(), updates: Self.updates, asOf: LocalDate(iso: "2022-12-15")!, engine: nil)
        let reader = try PackReader.read(quarterly.html())
        #expect(reader.withClass("action").isEmpty)
        #expect(reader.withClass("narrative").count == 2)
        let text = BoardPack(plan: try plan(), updates: Self.updates, asOf: LocalDate(iso: "2022-12-15")!, engine: nil).text()
        #expect(text.contains("RAG summary (at the last board, 15 Oct 2022, in brackets)"))
        #expect(text.contains("  Green: 1 (0), up 1"))
        #expect(text.contains("Exceptions\n  2.1 Red: Behind"))
        #expect(text.contains("Impact recorded this quarter\n"))
    }
}
