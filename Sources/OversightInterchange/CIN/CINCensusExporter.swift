import Foundation
import OversightCore
import OversightStorage

/// Builds the CIN census of a collection year from stored case records, applying the census inclusion rules.
///
/// A child is in the census when one of their CIN episodes was open at some point in the year (referred by the
/// census date and not closed before the year began). Within an included episode only activity the census asks
/// for is written: work still open at the year start or begun in the year; end dates after the census date are
/// left out (the work is reported as ongoing); reviews are those held in the year.
public struct CINCensusExporter {
    public let year: Int
    /// The census year: 1 April of the previous year to the census date, 31 March.
    public let start: LocalDate
    public let referenceDate: LocalDate

    public init(year: Int) {
        self.year = year
        start = LocalDate(year: year - 1, month: 4, day: 1)!
        referenceDate = LocalDate(year: year, month: 3, day: 31)!
    }

    /// The census children, in LA child ID order.
    public func children(from records: CaseRecords) -> [CINCensusChild] {
        func grouped<T>(_ items: [T], by key: (T) -> String?) -> [String: [T]] {
            var result: [String: [T]] = [:]
            for item in items { if let key = key(item) { result[key, default: []].append(item) } }
            return result
        }
        let assessments = grouped(records.assessments) { $0.referralID?.rawValue }
        let plans = grouped(records.childInNeedPlans) { $0.referralID?.rawValue }
        let enquiries = grouped(records.section47Enquiries) { $0.referralID?.rawValue }
        let conferences = grouped(records.initialChildProtectionConferences) { $0.referralID?.rawValue }
        let protectionPlans = grouped(records.childProtectionPlans) { $0.referralID?.rawValue }
        let reviews = grouped(records.childProtectionReviews) { $0.planID?.rawValue }
        let episodes = grouped(records.childInNeedEpisodes) { $0.childID.rawValue }

        var result: [CINCensusChild] = []
        for child in records.children.sorted(by: { $0.id < $1.id }) {
            let included = (episodes[child.id.rawValue] ?? [])
                .filter { $0.referralDate <= referenceDate && ($0.closureDate.map { $0 >= start } ?? true) }
                .sorted { ($0.referralDate, $0.id) < ($1.referralDate, $1.id) }
            guard !included.isEmpty else { continue }
            var census = CINCensusChild(
                laChildID: child.id.rawValue, upn: child.upn, formerUPN: child.formerUPN, upnUnknown: child.upnUnknownReason,
                personBirthDate: child.dateOfBirth, expectedPersonBirthDate: child.expectedDateOfBirth, sex: child.sex?.rawValue,
                personDeathDate: child.dateOfDeath, ethnicity: child.ethnicity?.rawValue, disabilities: child.disabilities.map(\.rawValue))
            for episode in included {
                let key = episode.id.rawValue
                var written = CINCensusEpisode(
                    referralDate: episode.referralDate, referralSource: episode.source?.rawValue, primaryNeedCode: episode.primaryNeed?.rawValue,
                    closureDate: inYear(episode.closureDate), reasonForClosure: inYear(episode.closureDate) == nil ? nil : episode.closureReason?.rawValue,
                    referralNFA: episode.isNoFurtherAction.map { $0 ? "true" : "false" }, preProceedings: episode.preProceedings)
                written.dateOfInitialCPC = (conferences[key] ?? []).first { $0.section47EnquiryID == nil && isInYear($0.date) }?.date
                written.assessments = (assessments[key] ?? []).sorted { ($0.startDate, $0.id) < ($1.startDate, $1.id) }.compactMap { assessment in
                    let authorised = inYear(assessment.authorisationDate)
                    // Reported when completed in the year, or still open at the census date having begun in the year (8696, 8736).
                    let openAtCensus = assessment.authorisationDate.map { $0 > referenceDate } ?? true
                    guard authorised != nil || (openAtCensus && isInYear(assessment.startDate)) else { return nil }
                    return CINCensusAssessment(
                        startDate: assessment.startDate, internalReviewDate: assessment.internalReviewDate, authorisationDate: authorised,
                        factors: authorised == nil ? [] : assessment.factors.map(\.rawValue))
                }
                written.plans = (plans[key] ?? []).filter(overlapsYear).sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map {
                    CINCensusPlan(startDate: $0.start, endDate: inYear($0.end))
                }
                written.section47s = (enquiries[key] ?? []).sorted { ($0.startDate, $0.id) < ($1.startDate, $1.id) }.compactMap { enquiry in
                    let conference = (conferences[key] ?? []).first { $0.section47EnquiryID == enquiry.id }
                    let held = conference.flatMap { inYear($0.date) }
                    // Reported when begun in the year, or when its conference falls in the year (8715, 8740).
                    guard enquiry.startDate <= referenceDate, isInYear(enquiry.startDate) || held != nil else { return nil }
                    return CINCensusSection47(
                        startDate: enquiry.startDate, initialCPCTarget: enquiry.conferenceTargetDate ?? conference?.targetDate, dateOfInitialCPC: held,
                        icpcNotRequired: enquiry.conferenceRecommended.map { $0 ? "false" : "true" })
                }
                written.protectionPlans = (protectionPlans[key] ?? []).filter { $0.start <= referenceDate && ($0.end.map { $0 >= start } ?? true) }
                    .sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map { plan in
                        let held = (reviews[plan.id.rawValue] ?? []).compactMap(\.date).filter(isInYear).sorted()
                        return CINCensusProtectionPlan(
                            startDate: plan.start, endDate: inYear(plan.end), initialCategoryOfAbuse: plan.initialCategory?.rawValue,
                            latestCategoryOfAbuse: plan.latestCategory?.rawValue, numberOfPreviousCPP: plan.numberOfPreviousPlans.map(String.init),
                            reviewDates: held)
                    }
                census.episodes.append(written)
            }
            result.append(census)
        }
        return result
    }

    private func isInYear(_ date: LocalDate) -> Bool { start <= date && date <= referenceDate }
    private func inYear(_ date: LocalDate?) -> LocalDate? { date.flatMap { isInYear($0) ? $0 : nil } }
    private func overlapsYear(_ plan: ChildInNeedPlan) -> Bool { plan.start <= referenceDate && (plan.end.map { $0 >= start } ?? true) }
}
