import Foundation
import OversightCore

/// Writes a CIN census XML file child by child, in the DfE schema's element order.
///
/// Output is buffered and flushed in blocks, so writing a census of any size needs only one child in memory.
public final class CINCensusWriter {
    private let handle: FileHandle
    private var buffer = ""
    private let path: String

    /// Creates (or truncates) `path` and writes the message header.
    public init(path: String, header: CINCensusHeader) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CINReadError(file: path, line: 0, column: 0, reason: "cannot create the file")
        }
        self.handle = handle
        self.path = path
        buffer += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n"
        element("Collection", header.collection, indent: 6)
        element("Year", header.year, indent: 6)
        element("ReferenceDate", header.referenceDate, indent: 6)
        buffer += "    </CollectionDetails>\n    <Source>\n"
        element("SourceLevel", header.sourceLevel, indent: 6)
        element("LEA", header.lea, indent: 6)
        element("SoftwareCode", header.softwareCode, indent: 6)
        element("Release", header.release, indent: 6)
        element("SerialNo", header.serialNo, indent: 6)
        element("DateTime", header.dateTime, indent: 6)
        buffer += "    </Source>\n  </Header>\n  <Children>\n"
    }

    public func write(_ child: CINCensusChild) throws {
        buffer += "    <Child>\n      <ChildIdentifiers>\n"
        element("LAchildID", child.laChildID, indent: 8)
        element("UPN", child.upn, indent: 8)
        element("FormerUPN", child.formerUPN, indent: 8)
        element("UPNunknown", child.upnUnknown, indent: 8)
        element("PersonBirthDate", child.personBirthDate, indent: 8)
        element("ExpectedPersonBirthDate", child.expectedPersonBirthDate, indent: 8)
        element("Sex", child.sex, indent: 8)
        element("PersonDeathDate", child.personDeathDate, indent: 8)
        buffer += "      </ChildIdentifiers>\n      <ChildCharacteristics>\n"
        element("Ethnicity", child.ethnicity, indent: 8)
        if !child.disabilities.isEmpty {
            buffer += "        <Disabilities>\n"
            for disability in child.disabilities { element("Disability", disability, indent: 10) }
            buffer += "        </Disabilities>\n"
        }
        buffer += "      </ChildCharacteristics>\n"
        for episode in child.episodes { write(episode) }
        buffer += "    </Child>\n"
        if buffer.utf8.count > 1 << 20 { try flush() }
    }

    private func write(_ episode: CINCensusEpisode) {
        buffer += "      <CINdetails>\n"
        element("CINreferralDate", episode.referralDate, indent: 8)
        element("ReferralSource", episode.referralSource, indent: 8)
        element("PrimaryNeedCode", episode.primaryNeedCode, indent: 8)
        element("CINclosureDate", episode.closureDate, indent: 8)
        element("ReasonForClosure", episode.reasonForClosure, indent: 8)
        element("DateOfInitialCPC", episode.dateOfInitialCPC, indent: 8)
        for assessment in episode.assessments {
            buffer += "        <Assessments>\n"
            element("AssessmentActualStartDate", assessment.startDate, indent: 10)
            element("AssessmentInternalReviewDate", assessment.internalReviewDate, indent: 10)
            element("AssessmentAuthorisationDate", assessment.authorisationDate, indent: 10)
            if !assessment.factors.isEmpty {
                buffer += "          <FactorsIdentifiedAtAssessment>\n"
                for factor in assessment.factors { element("AssessmentFactors", factor, indent: 12) }
                buffer += "          </FactorsIdentifiedAtAssessment>\n"
            }
            buffer += "        </Assessments>\n"
        }
        for plan in episode.plans {
            buffer += "        <CINPlanDates>\n"
            element("CINPlanStartDate", plan.startDate, indent: 10)
            element("CINPlanEndDate", plan.endDate, indent: 10)
            buffer += "        </CINPlanDates>\n"
        }
        for enquiry in episode.section47s {
            buffer += "        <Section47>\n"
            element("S47ActualStartDate", enquiry.startDate, indent: 10)
            element("InitialCPCtarget", enquiry.initialCPCTarget, indent: 10)
            element("DateOfInitialCPC", enquiry.dateOfInitialCPC, indent: 10)
            element("ICPCnotRequired", enquiry.icpcNotRequired, indent: 10)
            buffer += "        </Section47>\n"
        }
        element("ReferralNFA", episode.referralNFA, indent: 8)
        for plan in episode.protectionPlans {
            buffer += "        <ChildProtectionPlans>\n"
            element("CPPstartDate", plan.startDate, indent: 10)
            element("CPPendDate", plan.endDate, indent: 10)
            element("InitialCategoryOfAbuse", plan.initialCategoryOfAbuse, indent: 10)
            element("LatestCategoryOfAbuse", plan.latestCategoryOfAbuse, indent: 10)
            element("NumberOfPreviousCPP", plan.numberOfPreviousCPP, indent: 10)
            if !plan.reviewDates.isEmpty {
                buffer += "          <Reviews>\n"
                for review in plan.reviewDates {
                    if let review { element("CPPreviewDate", review, indent: 12) } else { buffer += "            <CPPreviewDate/>\n" }
                }
                buffer += "          </Reviews>\n"
            }
            buffer += "        </ChildProtectionPlans>\n"
        }
        for block in episode.preProceedings {
            buffer += "        <PreProceedingsandFGDM>\n"
            for name in Self.preProceedingsOrder where block[name] != nil { element(name, block[name], indent: 10) }
            buffer += "        </PreProceedingsandFGDM>\n"
        }
        buffer += "      </CINdetails>\n"
    }

    static let preProceedingsOrder = [
        "PPStartDate", "LBPSentDate", "FGDMMeetingOffer", "FGDMMeetingFac", "InitialPPMeetingDate", "ReviewMeetingsCount",
        "StepDecisionDate", "PPOutcome", "CourtAppDate", "LetterInitCPDate",
    ]

    /// Closes the message and the file.
    public func finish() throws {
        buffer += "  </Children>\n</Message>\n"
        try flush()
        try handle.close()
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: Data(buffer.utf8))
        } catch {
            throw CINReadError(file: path, line: 0, column: 0, reason: "cannot write: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func element(_ name: String, _ value: LocalDate?, indent: Int) { element(name, value?.isoString, indent: indent) }

    private func element(_ name: String, _ value: String?, indent: Int) {
        guard let value else { return }
        buffer += String(repeating: " ", count: indent)
        buffer += "<\(name)>\(Self.escape(value))</\(name)>\n"
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }
}
