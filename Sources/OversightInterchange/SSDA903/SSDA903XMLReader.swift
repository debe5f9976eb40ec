import Foundation
import OversightCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the DfE's 903 XML ("Expanded SSDA903 Return", root `<EXPSSDA903>`, schema CLA.xsd) into the same
/// tables the CSV reader makes, so the validator, importer and rules cannot tell the two forms apart.
///
/// The XML nests everything under each child's `<HEADER>`: Header, UASC, OC3 and AD1 are fields of the header,
/// and reviews, missing episodes, placed-for-adoption decisions, previous permanence and OC2 are blocks inside
/// it; episodes follow the header. Reading is streamed: only the child being read is held apart from the tables.
/// The schema has no social worker episodes or DoLo, so those tables never come from XML.
///
/// An element the schema does not define, or one in the wrong place, stops the read with its line and column:
/// skipping it would lose data without anyone knowing.
public struct SSDA903XMLReader: Sendable {
    /// The tables an XML return always yields (empty when no child has a row), in the DfE's order.
    public static let tables: [SSDA903TableKind] = [
        .header, .episodes, .reviews, .uasc, .oc2, .oc3, .ad1, .placedAdoption, .previousPermanence, .missing,
    ]

    public var maximumFileBytes: Int

    public init(maximumFileBytes: Int = 256 << 20) {
        self.maximumFileBytes = maximumFileBytes
    }

    /// Reads the file at `path`.
    /// - Throws: `InterchangeError` naming the file, line and column.
    public func read(path: String, progress: ((SSDA903ReadProgress) -> Void)? = nil) throws(InterchangeError) -> [SSDA903TableKind: SSDA903Table] {
        let name = (path as NSString).lastPathComponent
        let size = try SSDA903Reader(maximumFileBytes: maximumFileBytes).size(
            of: path, name: name, cap: "an SSDA903 XML return is at most \(SSDA903Reader.megabytes(maximumFileBytes))")
        guard FileManager.default.isReadableFile(atPath: path), let file = InputStream(fileAtPath: path) else {
            throw .cannotRead(path: name, reason: "no such file, or it cannot be opened")
        }
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            head = try handle.read(upToCount: 4_096) ?? Data()
        } catch {
            throw .cannotRead(path: name, reason: error.localizedDescription)
        }
        try Self.checkBeginsWithMarkup(head, name: name)
        let invalid: (line: Int, column: Int)?
        do {
            invalid = try UTF8Scan.firstInvalid(inFile: path)
        } catch {
            throw .cannotRead(path: name, reason: error.localizedDescription)
        }
        if let place = invalid {
            throw .notUTF8(at: SourceLocation(file: name, line: place.line, field: "column \(place.column)"))
        }
        progress?(SSDA903ReadProgress(file: name, bytesDone: 0, bytesTotal: size))
        let stream = CountingInputStream(file, step: max(64 << 10, size / 200)) { done in progress?(SSDA903ReadProgress(file: name, bytesDone: done, bytesTotal: size)) }
        let tables = try read(XMLParser(stream: stream), name: name)
        progress?(SSDA903ReadProgress(file: name, bytesDone: size, bytesTotal: size))
        return tables
    }

    /// Reads a return held in memory (tests, uploads).
    public func read(data: Data, name: String) throws(InterchangeError) -> [SSDA903TableKind: SSDA903Table] {
        try Self.checkBeginsWithMarkup(data.prefix(4_096), name: name)
        if let place = UTF8Scan.firstInvalid(in: data) {
            throw .notUTF8(at: SourceLocation(file: name, line: place.line, field: "column \(place.column)"))
        }
        return try read(XMLParser(data: data), name: name)
    }

    /// A CSV or spreadsheet renamed `.xml` is refused before any of it is parsed.
    static func checkBeginsWithMarkup(_ head: Data, name: String) throws(InterchangeError) {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw .cannotRead(path: name, reason: "is empty, so it is not an SSDA903 XML return")
        }
        guard first == UInt8(ascii: "<") else {
            throw .cannotRead(path: "\(name):1:1", reason: "does not begin with XML, so it is not an SSDA903 XML return")
        }
    }

    private func read(_ parser: XMLParser, name: String) throws(InterchangeError) -> [SSDA903TableKind: SSDA903Table] {
        let delegate = SSDA903XMLDelegate(file: name)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure = delegate.failure { throw failure }
        if !parsed {
            let reason = (parser.parserError as NSError?).map { ": " + SSDA903XMLDelegate.describe($0) } ?? ""
            throw Self.error(name, parser.lineNumber, parser.columnNumber, "the XML is not well formed\(reason)")
        }
        if let open = delegate.path.last {
            throw Self.error(name, parser.lineNumber, parser.columnNumber, "the file ends inside <\(open)>: it is truncated")
        }
        guard delegate.sawRoot else {
            throw .cannotRead(path: name, reason: "holds no XML elements, so it is not an SSDA903 XML return")
        }
        return delegate.tables()
    }

    /// XML errors say `file:line:column`, as the CIN census reader's do.
    static func error(_ file: String, _ line: Int, _ column: Int, _ reason: String) -> InterchangeError {
        .cannotRead(path: "\(file):\(line):\(column)", reason: reason)
    }
}

/// Counts the bytes the parser has taken, so a large return shows how far its read has got.
private final class CountingInputStream: InputStream {
    private let base: InputStream
    private let report: (Int) -> Void
    private let step: Int
    private var done = 0
    private var reported = 0

    /// `report` is called each time about `step` more bytes have been read.
    init(_ base: InputStream, step: Int, report: @escaping (Int) -> Void) {
        self.base = base
        self.step = step
        self.report = report
        super.init(data: Data())
    }

    override func open() { base.open() }
    override func close() { base.close() }
    override var hasBytesAvailable: Bool { base.hasBytesAvailable }
    override var streamStatus: Stream.Status { base.streamStatus }
    override var streamError: (any Error)? { base.streamError }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
        let count = base.read(buffer, maxLength: maxLength)
        if count > 0 {
            done += count
            if done - reported >= step {
                reported = done
                report(done)
            }
        }
        return count
    }
}

/// The schema's elements: for each container, the elements it may hold.
private let allowedChildren: [String: Set<String>] = [
    "EXPSSDA903": ["CHILD"],
    "CHILD": ["HEADER", "EPISODE"],
    "HEADER": [
        "CHILDID", "UPN", "SEX", "DOB", "ETHNIC", "UASC", "DUC", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
        "SEX_ADOPTR", "LS_ADOPTR", "IN_TOUCH", "ACTIV", "ACCOM", "AMISSING", "AREVIEW", "MOTHER", "MC_DOB", "PERMANENCE",
        "OC2", "AD_PLACED",
    ],
    "AMISSING": ["MISSING", "MIS_START", "MIS_END"],
    "AREVIEW": ["REVIEW", "REVIEW_CODE"],
    "PERMANENCE": ["PREV_PERM", "LA_PERM", "DATE_PERM"],
    "OC2": [
        "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
    ],
    "AD_PLACED": ["DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    "EPISODE": [
        "DECOM", "RNE", "LS", "CIN", "PL", "PL_POST", "HOME_POST", "URN", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
    ],
]

/// The blocks that each become one row of a table, and which table.
private let rowBlocks: [String: SSDA903TableKind] = [
    "EPISODE": .episodes, "AREVIEW": .reviews, "AMISSING": .missing, "AD_PLACED": .placedAdoption,
    "PERMANENCE": .previousPermanence, "OC2": .oc2,
]

/// The XML's tag for a column, where it differs from the CSV's name.
private func field(forElement name: String) -> SSDA903Field? {
    switch name {
    case "CHILDID": .child
    case "PL": .place
    default: SSDA903Field(rawValue: name)
    }
}

/// One row being gathered: the element's line, and its fields.
private struct PendingRow {
    var line: Int
    var values: [SSDA903Field: String] = [:]
}

private final class SSDA903XMLDelegate: NSObject, XMLParserDelegate {
    let file: String
    var failure: InterchangeError?
    var sawRoot = false
    var path: [String] = []

    private var text = ""
    /// The leaves already read in each open container, so a repeated one is caught rather than overwriting.
    private var seen: [Set<String>] = []
    private var header = PendingRow(line: 0)
    private var uascFlag: String?
    private var block = PendingRow(line: 0)
    private var childRows: [(SSDA903TableKind, PendingRow)] = []
    private var columns: [SSDA903TableKind: [SSDA903Field: [String?]]] = [:]
    private var lines: [SSDA903TableKind: [Int]] = [:]

    init(file: String) { self.file = file }

    private func fail(_ parser: XMLParser, _ reason: String) {
        guard failure == nil else { return }
        failure = SSDA903XMLReader.error(file, parser.lineNumber, parser.columnNumber, reason)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        guard let parent = path.last else {
            sawRoot = true
            guard name == "EXPSSDA903" else {
                let hint = name == "Message" ? " (it looks like a CIN census)" : ""
                fail(parser, "the root element is <\(name)>, not <EXPSSDA903>, so this is not an SSDA903 XML return\(hint)")
                return
            }
            path.append(name)
            seen.append([])
            return
        }
        guard let allowed = allowedChildren[parent], allowed.contains(name) else {
            let known = allowedChildren.keys.contains(name) || allowedChildren.values.contains { $0.contains(name) }
            fail(parser, known ? "<\(name)> is not allowed inside <\(parent)>" : "<\(name)> (inside <\(parent)>) is not an element of the SSDA903 XML")
            return
        }
        if allowedChildren[name] == nil || name == "HEADER", !seen[seen.count - 1].insert(name).inserted {
            fail(parser, "<\(name)> appears twice in one <\(parent)>; only one is allowed")
            return
        }
        path.append(name)
        seen.append([])
        text = ""
        switch name {
        case "CHILD":
            header = PendingRow(line: parser.lineNumber)
            uascFlag = nil
            childRows = []
        case "HEADER": header.line = parser.lineNumber
        default: if rowBlocks[name] != nil { block = PendingRow(line: parser.lineNumber) }
        }
    }

    /// Foundation's parser does not always make `parse()` return false for a mismatched tag, so the error is
    /// caught here, where its line and column are still the error's.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        fail(parser, "the XML is not well formed: " + Self.describe(parseError as NSError))
    }

    /// Foundation on Linux names only the error's number (libxml2's, as NSXMLParserErrorDomain numbers them; its
    /// `ErrorCode` enum does not match them there), so the common ones are said in words.
    static func describe(_ error: NSError) -> String {
        switch error.code {
        case 76: return "an end tag does not match the element it closes"
        case 5: return "the file ends before its elements are closed (is it truncated?)"
        case 86: return "there is content after the root element's end"
        case 38, 73, 74: return "a tag is not opened with '<' or not closed with '>'"
        case 26: return "an '&' does not begin a known entity (write & as &amp;)"
        case 68: return "a '<' or '&' is not followed by a name (write & as &amp;)"
        case 4: return "the file holds no XML"
        default:
            let text = error.localizedDescription.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.contains("could not be completed") || text.contains("couldn") || text.isEmpty
                ? "XMLParser error \(error.code)" : text
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil, let open = path.last else { return }
        guard open == name else {
            fail(parser, "the XML is not well formed: </\(name)> closes <\(open)>")
            return
        }
        path.removeLast()
        let inside = seen.removeLast()
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        text = ""
        let parent = path.last ?? ""
        if let kind = rowBlocks[name] {
            childRows.append((kind, block))
        } else if name == "CHILD" {
            guard inside.contains("HEADER") else {
                fail(parser, "a <CHILD> has no <HEADER>, so its rows have no child")
                return
            }
            finishChild()
        } else if allowedChildren[name] == nil {
            guard !value.isEmpty else { return }
            if name == "UASC" {
                uascFlag = value
            } else if let field = field(forElement: name) {
                // Dates stay as written: the schema's form is dd/mm/yyyy, as in the CSV, and any other form is
                // for the date rules to flag, not for the reader to mend.
                if parent == "HEADER" { header.values[field] = value } else { block.values[field] = value }
            }
        }
    }

    /// Turns the child's header and blocks into rows. Header, UASC, OC3 and AD1 rows come from header fields;
    /// each block's row carries the child's id (and DOB and SEX where its table has them) from the header.
    private func finishChild() {
        let headerFields: [SSDA903Field] = [.child, .sex, .dob]
        var rows: [(SSDA903TableKind, PendingRow)] = [(.header, header)]
        if (uascFlag != nil && uascFlag != "0") || header.values[.duc] != nil { rows.append((.uasc, header)) }
        for kind in [SSDA903TableKind.oc3, .ad1] where kind.fields.contains(where: { !headerFields.contains($0) && header.values[$0] != nil }) {
            rows.append((kind, header))
        }
        for (kind, row) in rows + childRows {
            var merged = row
            for field in headerFields where merged.values[field] == nil { merged.values[field] = header.values[field] }
            var table = columns[kind] ?? [:]
            for field in kind.fields { table[field, default: []].append(SSDA903Table.normalised(merged.values[field])) }
            columns[kind] = table
            lines[kind, default: []].append(row.line)
        }
    }

    func tables() -> [SSDA903TableKind: SSDA903Table] {
        var tables: [SSDA903TableKind: SSDA903Table] = [:]
        for kind in SSDA903XMLReader.tables {
            tables[kind] = SSDA903Table(kind: kind, file: file, lines: lines[kind] ?? [], values: columns[kind] ?? [:])
        }
        return tables
    }
}
