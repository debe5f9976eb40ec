import Foundation
import OversightCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Something in a census file that was read past but must be reported: an element the census does not
/// define, one in the wrong place, or a value that is not what its field allows.
public struct CINReadIssue: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Why a file could not be read as a census at all.
public struct CINReadError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var reason: String

    public var description: String { "\(file):\(line):\(column): \(reason)" }
}

/// What a read found besides the children: the header, how many children, and the issues met.
public struct CINReadSummary: Sendable {
    public var header: CINCensusHeader
    public var childCount: Int
    /// The first issues met (at most `CINCensusReader.issueLimit`, so a broken file cannot exhaust memory).
    public var issues: [CINReadIssue]
    public var issueCount: Int
}

/// Streams a CIN census XML file child by child.
///
/// Only the child being read is held in memory, so a census of any size reads in flat memory. The
/// element layout follows the DfE schema (2024 XSD, plus the 2026 `PreProceedingsandFGDM` block).
public struct CINCensusReader {
    public static let issueLimit = 1_000

    public init() {}

    /// Reads `path`, handing each child to `body` as soon as its `</Child>` is read.
    /// - Throws: `CINReadError` when the file is missing, is not well-formed XML, or is not a census.
    public func read(path: String, _ body: (CINCensusChild) throws -> Void) throws -> CINReadSummary {
        guard let stream = InputStream(fileAtPath: path), FileManager.default.isReadableFile(atPath: path) else {
            throw CINReadError(file: path, line: 0, column: 0, reason: "cannot open the file")
        }
        try Self.checkBeginsWithXML(path)
        if let place = try UTF8Scan.firstInvalid(inFile: path) { throw Self.notUTF8(path, place) }
        return try read(XMLParser(stream: stream), name: path, body)
    }

    /// Reads a census held in memory (tests, uploads).
    public func read(data: Data, name: String, _ body: (CINCensusChild) throws -> Void) throws -> CINReadSummary {
        if let place = UTF8Scan.firstInvalid(in: data) { throw Self.notUTF8(name, place) }
        return try read(XMLParser(data: data), name: name, body)
    }

    /// A file that does not begin with markup (a CSV, a spreadsheet, a run of zeros) is refused before any of it
    /// is scanned, however large it is.
    static func checkBeginsWithXML(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CINReadError(file: path, line: 0, column: 0, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        let head = (try handle.read(upToCount: 4_096)) ?? Data()
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw CINReadError(file: path, line: 1, column: 1, reason: "not a CIN census: the file is empty")
        }
        guard first == UInt8(ascii: "<") else {
            throw CINReadError(file: path, line: 1, column: 1, reason: "not a CIN census: the file does not begin with XML")
        }
    }

    private static func notUTF8(_ name: String, _ place: (line: Int, column: Int)) -> CINReadError {
        CINReadError(file: name, line: place.line, column: place.column, reason: "not UTF-8: the census must be UTF-8 encoded (was it exported in another code page?)")
    }

    /// Reads every child into an array: for tests and small files only.
    public func readAll(path: String) throws -> (CINReadSummary, [CINCensusChild]) {
        var children: [CINCensusChild] = []
        let summary = try read(path: path) { children.append($0) }
        return (summary, children)
    }

    private func read(_ parser: XMLParser, name: String, _ body: (CINCensusChild) throws -> Void) throws -> CINReadSummary {
        // The delegate holds the callback only while `parse()` runs.
        try withoutActuallyEscaping(body) { body in try read(parser, name: name, delegate: CensusParserDelegate(body: body)) }
    }

    private func read(_ parser: XMLParser, name: String, delegate: CensusParserDelegate) throws -> CINReadSummary {
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let thrown = delegate.thrown { throw thrown }
        if let notCensus = delegate.notCensus {
            throw CINReadError(file: name, line: notCensus.line, column: notCensus.column, reason: notCensus.message)
        }
        if !parsed {
            let reason = (parser.parserError as NSError?).map { Self.describe($0) } ?? "the XML is not well formed"
            throw CINReadError(file: name, line: parser.lineNumber, column: parser.columnNumber, reason: reason)
        }
        if let open = delegate.openElement {
            throw CINReadError(file: name, line: parser.lineNumber, column: parser.columnNumber, reason: "the file ends inside <\(open)>: it is truncated")
        }
        if !delegate.sawRoot {
            throw CINReadError(file: name, line: 1, column: 1, reason: "not a CIN census: the file holds no XML elements")
        }
        if !delegate.sawChildren {
            throw CINReadError(file: name, line: parser.lineNumber, column: parser.columnNumber, reason: "not a CIN census: no <Children> element")
        }
        return CINReadSummary(header: delegate.header, childCount: delegate.childCount, issues: delegate.issues, issueCount: delegate.issueCount)
    }

    private static func describe(_ error: NSError) -> String {
        let text = error.localizedDescription
        // libxml2's messages are terse but precise; Foundation sometimes wraps them in a generic sentence.
        if text.contains("operation couldn") || text.isEmpty { return "the XML is not well formed (XMLParser error \(error.code))" }
        return "the XML is not well formed: \(text.trimmingCharacters(in: .whitespacesAndNewlines))"
    }
}

/// Where each census element may appear: its parent's name. Leaves and containers both listed.
private let allowedChildren: [String: Set<String>] = [
    "Message": ["Header", "Children"],
    "Header": ["CollectionDetails", "Source"],
    "CollectionDetails": ["Collection", "Year", "ReferenceDate"],
    "Source": ["SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"],
    "Children": ["Child"],
    "Child": ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"],
    "ChildIdentifiers": [
        "LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate", "GenderCurrent", "Sex",
        "PersonDeathDate",
    ],
    "ChildCharacteristics": ["Ethnicity", "Disabilities"],
    "Disabilities": ["Disability"],
    "CINdetails": [
        "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC",
        "Assessments", "CINPlanDates", "Section47", "ReferralNFA", "ChildProtectionPlans", "PreProceedingsandFGDM",
    ],
    "Assessments": ["AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment"],
    "FactorsIdentifiedAtAssessment": ["AssessmentFactors"],
    "CINPlanDates": ["CINPlanStartDate", "CINPlanEndDate"],
    "Section47": ["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"],
    "ChildProtectionPlans": ["CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP", "Reviews"],
    "Reviews": ["CPPreviewDate"],
    "PreProceedingsandFGDM": [
        "PPStartDate", "LBPSentDate", "FGDMMeetingOffer", "FGDMMeetingFac", "InitialPPMeetingDate", "ReviewMeetingsCount",
        "StepDecisionDate", "PPOutcome", "CourtAppDate", "LetterInitCPDate",
    ],
]

private final class CensusParserDelegate: NSObject, XMLParserDelegate {
    let body: (CINCensusChild) throws -> Void
    var header = CINCensusHeader(collection: nil, sourceLevel: nil)
    var childCount = 0
    var issues: [CINReadIssue] = []
    var issueCount = 0
    var thrown: (any Error)?
    var notCensus: CINReadIssue?
    var sawRoot = false
    var sawChildren = false

    private var path: [String] = []
    /// The innermost element still open when parsing stopped: set only for a file that ends early.
    var openElement: String? { path.last }
    /// Depth of an unknown element being skipped, so its content is not read as census fields.
    private var skipping = 0
    private var text = ""
    private var child = CINCensusChild(laChildID: nil)
    private var episode = CINCensusEpisode()
    private var assessment = CINCensusAssessment()
    private var plan = CINCensusPlan()
    private var section47 = CINCensusSection47()
    private var protectionPlan = CINCensusProtectionPlan()
    private var preProceedings: [String: String] = [:]

    init(body: @escaping (CINCensusChild) throws -> Void) { self.body = body }

    private func note(_ parser: XMLParser, _ message: String) {
        issueCount += 1
        if issues.count < CINCensusReader.issueLimit {
            issues.append(CINReadIssue(line: parser.lineNumber, column: parser.columnNumber, message: message))
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if skipping > 0 {
            skipping += 1
            return
        }
        guard let parent = path.last else {
            sawRoot = true
            if name != "Message" {
                notCensus = CINReadIssue(
                    line: parser.lineNumber, column: parser.columnNumber, message: "not a CIN census: the root element is <\(name)>, not <Message>")
                parser.abortParsing()
            }
            path.append(name)
            return
        }
        guard let allowed = allowedChildren[parent], allowed.contains(name) else {
            let known = allowedChildren.values.contains { $0.contains(name) }
            note(parser, known ? "<\(name)> is not allowed inside <\(parent)>; it was not read" : "unknown element <\(name)> inside <\(parent)>; it was not read")
            skipping = 1
            return
        }
        path.append(name)
        text = ""
        switch name {
        case "Children": sawChildren = true
        case "Child": child = CINCensusChild(line: parser.lineNumber, laChildID: nil)
        case "CINdetails": episode = CINCensusEpisode()
        case "Assessments": assessment = CINCensusAssessment()
        case "CINPlanDates": plan = CINCensusPlan()
        case "Section47": section47 = CINCensusSection47()
        case "ChildProtectionPlans": protectionPlan = CINCensusProtectionPlan()
        case "PreProceedingsandFGDM": preProceedings = [:]
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if skipping == 0 { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if skipping > 0 {
            skipping -= 1
            return
        }
        path.removeLast()
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        text = ""
        let field: String? = value.isEmpty ? nil : value
        func date() -> LocalDate? {
            guard let field else { return nil }
            if let parsed = LocalDate(iso: field) { return parsed }
            note(parser, "<\(name)> '\(field)' is not a yyyy-mm-dd date; read as missing")
            return nil
        }
        switch (path.last ?? "", name) {
        case ("CollectionDetails", "Collection"): header.collection = field
        case ("CollectionDetails", "Year"): header.year = field
        case ("CollectionDetails", "ReferenceDate"): header.referenceDate = date()
        case ("Source", "SourceLevel"): header.sourceLevel = field
        case ("Source", "LEA"): header.lea = field
        case ("Source", "SoftwareCode"): header.softwareCode = field
        case ("Source", "Release"): header.release = field
        case ("Source", "SerialNo"): header.serialNo = field
        case ("Source", "DateTime"): header.dateTime = field

        case ("ChildIdentifiers", "LAchildID"): child.laChildID = field
        case ("ChildIdentifiers", "UPN"): child.upn = field
        case ("ChildIdentifiers", "FormerUPN"): child.formerUPN = field
        case ("ChildIdentifiers", "UPNunknown"): child.upnUnknown = field
        case ("ChildIdentifiers", "PersonBirthDate"): child.personBirthDate = date()
        case ("ChildIdentifiers", "ExpectedPersonBirthDate"): child.expectedPersonBirthDate = date()
        case ("ChildIdentifiers", "Sex"): child.sex = field
        case ("ChildIdentifiers", "GenderCurrent"): child.sex = field.map(Self.sex(fromGender:))
        case ("ChildIdentifiers", "PersonDeathDate"): child.personDeathDate = date()
        case ("ChildCharacteristics", "Ethnicity"): child.ethnicity = field
        case ("Disabilities", "Disability"): child.disabilities.append(value)

        case ("CINdetails", "CINreferralDate"): episode.referralDate = date()
        case ("CINdetails", "ReferralSource"): episode.referralSource = field
        case ("CINdetails", "PrimaryNeedCode"): episode.primaryNeedCode = field
        case ("CINdetails", "CINclosureDate"): episode.closureDate = date()
        case ("CINdetails", "ReasonForClosure"): episode.reasonForClosure = field
        case ("CINdetails", "DateOfInitialCPC"): episode.dateOfInitialCPC = date()
        case ("CINdetails", "ReferralNFA"): episode.referralNFA = field
        case ("CINdetails", "Assessments"): episode.assessments.append(assessment)
        case ("CINdetails", "CINPlanDates"): episode.plans.append(plan)
        case ("CINdetails", "Section47"): episode.section47s.append(section47)
        case ("CINdetails", "ChildProtectionPlans"): episode.protectionPlans.append(protectionPlan)
        case ("CINdetails", "PreProceedingsandFGDM"): episode.preProceedings.append(preProceedings)

        case ("Assessments", "AssessmentActualStartDate"): assessment.startDate = date()
        case ("Assessments", "AssessmentInternalReviewDate"): assessment.internalReviewDate = date()
        case ("Assessments", "AssessmentAuthorisationDate"): assessment.authorisationDate = date()
        case ("FactorsIdentifiedAtAssessment", "AssessmentFactors"): assessment.factors.append(value)
        case ("CINPlanDates", "CINPlanStartDate"): plan.startDate = date()
        case ("CINPlanDates", "CINPlanEndDate"): plan.endDate = date()
        case ("Section47", "S47ActualStartDate"): section47.startDate = date()
        case ("Section47", "InitialCPCtarget"): section47.initialCPCTarget = date()
        case ("Section47", "DateOfInitialCPC"): section47.dateOfInitialCPC = date()
        case ("Section47", "ICPCnotRequired"): section47.icpcNotRequired = field
        case ("ChildProtectionPlans", "CPPstartDate"): protectionPlan.startDate = date()
        case ("ChildProtectionPlans", "CPPendDate"): protectionPlan.endDate = date()
        case ("ChildProtectionPlans", "InitialCategoryOfAbuse"): protectionPlan.initialCategoryOfAbuse = field
        case ("ChildProtectionPlans", "LatestCategoryOfAbuse"): protectionPlan.latestCategoryOfAbuse = field
        case ("ChildProtectionPlans", "NumberOfPreviousCPP"): protectionPlan.numberOfPreviousCPP = field
        case ("Reviews", "CPPreviewDate"): protectionPlan.reviewDates.append(date())
        case ("PreProceedingsandFGDM", _): preProceedings[name] = value

        case ("Child", "CINdetails"): child.episodes.append(episode)
        case ("Children", "Child"):
            childCount += 1
            do {
                try body(child)
            } catch {
                thrown = error
                parser.abortParsing()
            }
        default: break
        }
    }

    /// Pre-2024/25 returns coded sex as `GenderCurrent`: 1 male, 2 female, 0 not recorded or unborn, 9 indeterminate.
    static func sex(fromGender code: String) -> String {
        switch code {
        case "1": "M"
        case "2": "F"
        case "0", "9": "U"
        default: code
        }
    }
}
