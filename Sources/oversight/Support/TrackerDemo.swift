import OversightCore
import OversightStorage
import OversightTrackers

/// Puts the demo's made-up escalations, IRO review records, SEND records and Written Statement of Action beside its case
/// records, once.
///
/// IRO review records follow the imported looked-after and child protection reviews; the dates run up to the
/// latest review the extract holds, so the demo's "now" is the extract's.
func seedTrackerDemo(_ store: some CaseRecordStore & TrackerDocumentStore & PlanStore) throws(StorageError) {
    // The WSOA is the SEND tracker's improvement plan, linked to its measures.
    if try store.fetchPlan(WrittenStatementOfAction.demo.id) == nil { try store.savePlan(WrittenStatementOfAction.demo) }
    guard try store.fetchEscalations().isEmpty, try store.fetchNeedsAssessments().isEmpty else { return }
    var reviews: [TrackerDemoData.ChairedReview] = []
    var children: [Identifier<Child>] = []
    try store.forEachRecord(of: .lookedAfterReview) { record in
        if case .lookedAfterReview(let review) = record, let date = review.date, !review.isCancelled {
            reviews.append(.init(id: "CLA-" + review.id.rawValue, child: review.childID, kind: .lookedAfter, heldOn: date))
        }
    }
    try store.forEachRecord(of: .childProtectionReview) { record in
        if case .childProtectionReview(let review) = record, let date = review.date {
            reviews.append(.init(id: "CP-" + review.id.rawValue, child: review.childID, kind: .childProtection, heldOn: date))
        }
    }
    try store.forEachRecord(of: .child) { record in
        if case .child(let child) = record { children.append(child.id) }
    }
    guard let asOf = reviews.map(\.heldOn).max() else { return }
    let demo = TrackerDemoData(reviews: reviews.sorted { $0.id < $1.id }, children: children.sorted(), asOf: asOf)
    try store.saveReviewRecords(demo.reviewRecords)
    try store.saveEscalations(demo.escalations)
    try store.saveNeedsAssessments(demo.assessments)
    try store.saveAnnualReviews(demo.annualReviews)
    try store.saveWaitingListReferrals(demo.referrals)
}
