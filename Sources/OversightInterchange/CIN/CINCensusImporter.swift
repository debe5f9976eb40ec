import Foundation
import OversightCore
import OversightStorage

/// What a census import stored.
public struct CINImportReport: Sendable {
    public var extract: ExtractDescription
    public var children: Int
    public var records: Int
    /// Structural issues the reader met (unknown or misplaced elements, unreadable dates); the import refuses a
    /// file with any, so nothing is silently dropped.
    public var issues: [CINReadIssue]
}

/// Why a census could not be imported, naming the file, line and field.
public struct CINImportError: Error, CustomStringConvertible {
    public var description: String
}

/// Imports a CIN census into the store on the same terms as the SSD import: one transaction that replaces the
/// case records, so a failed import changes nothing and a repeated one leaves the same data.
public struct CINCensusImporter {
    public init() {}

    /// - Parameter progress: called with the share of the file read so far, 0...1.
    public func importCensus(
        from path: String, into store: some CaseRecordStore, importedAt: String, progress: (Double) -> Void = { _ in }
    ) throws -> CINImportReport {
        let fingerprint = try SSDImporter.fingerprint([path])
        let lines = max(1, try Self.countLines(path))
        var report: CINImportReport?
        try store.replaceCaseRecords { writer in
            var records = 0
            var seen = Set<String>()
            let summary = try CINCensusReader().read(path: path) { child in
                guard let id = child.laChildID else {
                    throw CINImportError(description: "\(path):\(child.line): LAchildID: the child has no LA child ID")
                }
                guard seen.insert(id).inserted else {
                    throw CINImportError(description: "\(path):\(child.line): LAchildID: '\(id)' is used by an earlier child (rule 8510)")
                }
                for record in try Self.records(for: child, file: path) {
                    try writer.insert(record)
                    records += 1
                }
                if seen.count % 1_000 == 0 { progress(Double(child.line) / Double(lines)) }
            }
            if let first = summary.issues.first {
                throw CINImportError(
                    description: "\(path):\(first.line):\(first.column): \(first.message) (\(summary.issueCount) structural issues; fix the file or its export)")
            }
            progress(1)
            let extract = ExtractDescription(kind: "cin", source: path, fingerprint: fingerprint, importedAt: importedAt, rowsRead: summary.childCount)
            report = CINImportReport(extract: extract, children: summary.childCount, records: records, issues: summary.issues)
            return extract
        }
        return report!
    }

    static func countLines(_ path: String) throws -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CINReadError(file: path, line: 0, column: 0, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        var lines = 0
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            lines += block.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        return lines
    }

    /// The domain records of one census child. Record IDs are the child's ID plus each module's place in the child,
    /// so importing the same census again gives the same keys.
    public static func records(for child: CINCensusChild, file: String) throws -> [CaseRecord] {
        func invalid(_ field: String, _ value: String) -> CINImportError {
            CINImportError(description: "\(file):\(child.line): \(field): '\(value)' is not a code of the CIN census (child \(child.laChildID ?? "?"))")
        }
        func code<T: CodeList>(_ type: T.Type, _ field: String, _ value: String?) throws -> T? {
            guard let value else { return nil }
            guard let parsed = T(code: value) else { throw invalid(field, value) }
            return parsed
        }
        let childID = Identifier<Child>(child.laChildID ?? "")
        var records: [CaseRecord] = [
            .child(
                Child(
                    id: childID, sex: try code(Sex.self, "Sex", child.sex), ethnicity: try code(Ethnicity.self, "Ethnicity", child.ethnicity),
                    dateOfBirth: child.personBirthDate, expectedDateOfBirth: child.expectedPersonBirthDate, dateOfDeath: child.personDeathDate,
                    upn: child.upn, upnUnknownReason: child.upnUnknown, formerUPN: child.formerUPN,
                    disabilities: try child.disabilities.compactMap { try code(Disability.self, "Disability", $0) }))
        ]
        for (number, episode) in child.episodes.enumerated() {
            guard let referral = episode.referralDate else {
                throw CINImportError(description: "\(file):\(child.line): CINreferralDate: missing in CIN episode \(number + 1) of child \(childID)")
            }
            let episodeID = Identifier<ChildInNeedEpisode>("\(childID)-\(number + 1)")
            records.append(
                .childInNeedEpisode(
                    ChildInNeedEpisode(
                        id: episodeID, childID: childID, referralDate: referral,
                        source: try code(ReferralSource.self, "ReferralSource", episode.referralSource),
                        primaryNeed: try code(CategoryOfNeed.self, "PrimaryNeedCode", episode.primaryNeedCode),
                        isNoFurtherAction: episode.isNoFurtherAction, closureDate: episode.closureDate,
                        closureReason: try code(ClosureReason.self, "ReasonForClosure", episode.reasonForClosure),
                        preProceedings: episode.preProceedings)))
            for (index, assessment) in episode.assessments.enumerated() {
                guard let start = assessment.startDate else { continue }
                let factors = try assessment.factors.compactMap { try code(AssessmentFactor.self, "AssessmentFactors", $0) }
                records.append(
                    .assessment(
                        Assessment(
                            id: Identifier("\(episodeID)-A\(index + 1)"), childID: childID, referralID: episodeID, startDate: start,
                            authorisationDate: assessment.authorisationDate, factors: factors, internalReviewDate: assessment.internalReviewDate)))
            }
            for (index, plan) in episode.plans.enumerated() {
                guard let start = plan.startDate else { continue }
                records.append(
                    .childInNeedPlan(ChildInNeedPlan(id: Identifier("\(episodeID)-P\(index + 1)"), childID: childID, referralID: episodeID, start: start, end: plan.endDate)))
            }
            if let conference = episode.dateOfInitialCPC {
                records.append(
                    .initialChildProtectionConference(
                        InitialChildProtectionConference(id: Identifier("\(episodeID)-ICPC"), childID: childID, referralID: episodeID, date: conference)))
            }
            for (index, enquiry) in episode.section47s.enumerated() {
                guard let start = enquiry.startDate else { continue }
                let enquiryID = Identifier<Section47Enquiry>("\(episodeID)-S\(index + 1)")
                records.append(
                    .section47Enquiry(
                        Section47Enquiry(
                            id: enquiryID, childID: childID, referralID: episodeID, startDate: start, endDate: enquiry.dateOfInitialCPC,
                            conferenceRecommended: enquiry.icpcNotRequired == nil ? nil : !enquiry.isICPCNotRequired,
                            conferenceTargetDate: enquiry.initialCPCTarget)))
                if let conference = enquiry.dateOfInitialCPC {
                    records.append(
                        .initialChildProtectionConference(
                            InitialChildProtectionConference(
                                id: Identifier("\(enquiryID)-ICPC"), childID: childID, section47EnquiryID: enquiryID, referralID: episodeID,
                                date: conference, targetDate: enquiry.initialCPCTarget)))
                }
            }
            for (index, plan) in episode.protectionPlans.enumerated() {
                guard let start = plan.startDate else { continue }
                let previousPlans = try plan.numberOfPreviousCPP.map { text in
                    guard let number = Int(text.trimmingCharacters(in: .whitespaces)), number >= 0 else {
                        throw CINImportError(
                            description: "\(file):\(child.line): NumberOfPreviousCPP: '\(text)' is not a number of plans (child \(childID))")
                    }
                    return number
                }
                let planID = Identifier<ChildProtectionPlan>("\(episodeID)-CPP\(index + 1)")
                records.append(
                    .childProtectionPlan(
                        ChildProtectionPlan(
                            id: planID, childID: childID, referralID: episodeID, start: start, end: plan.endDate,
                            initialCategory: try code(CategoryOfAbuse.self, "InitialCategoryOfAbuse", plan.initialCategoryOfAbuse),
                            latestCategory: try code(CategoryOfAbuse.self, "LatestCategoryOfAbuse", plan.latestCategoryOfAbuse),
                            numberOfPreviousPlans: previousPlans)))
                for (review, date) in plan.reviewDates.enumerated() {
                    guard let date else { continue }
                    records.append(
                        .childProtectionReview(ChildProtectionReview(id: Identifier("\(planID)-R\(review + 1)"), childID: childID, planID: planID, date: date)))
                }
            }
        }
        return records
    }
}
