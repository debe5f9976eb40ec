import OversightCore

/// What a QA cohort filter (issue 8) asks of a child on a day: the legal status and placement the SSDA903 records,
/// and whether the child was referred in a period.
extension CaseSnapshot {
    /// The legal status of the looked-after episode open on `date`.
    public func legalStatus(of child: ChildIndex, on date: LocalDate) -> LegalStatus? {
        episodes[child].last { $0.start <= date && ($0.end.map { $0 > date } ?? true) }?.legalStatus
    }

    /// The placement type open on `date`, temporary moves aside.
    public func placementType(of child: ChildIndex, on date: LocalDate) -> PlacementType? { placement(of: child, on: date)?.type }

    /// Whether the child has a referral dated within `period`.
    public func isReferred(_ child: ChildIndex, in period: ReportingPeriod) -> Bool { referrals[child].contains { period.contains($0.date) } }
}
