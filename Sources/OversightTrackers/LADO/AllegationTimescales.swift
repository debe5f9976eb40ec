import OversightCore

/// The LADO timescales.
///
/// - Initial consideration: the LADO decides what happens next within one working day of the referral, as local
///   LADO procedures set it ("take referrals within one working day"; issue 10), following the one working day
///   KCSIE part 4 gives employers to tell the LADO.
/// - Resolution: Working Together's and KCSIE's expectations that allegations are resolved within one month (80%),
///   three months (90%) and, all but the most exceptional, within twelve months; six months is the step councils
///   report between.
public enum AllegationTimescales {
    /// Working days from receipt to the initial consideration decision: the decision on the day after receipt is 1.
    public static let decisionWorkingDays = 1

    /// The months Working Together and KCSIE set for resolving allegations.
    public static let resolutionMonths = [1, 3, 6, 12]

    /// The last day the initial consideration decision is in time.
    public static func decisionDue(_ allegation: Allegation, calendar: WorkingDayCalendar) -> LocalDate {
        calendar.addingWorkingDays(decisionWorkingDays, to: allegation.receivedOn)
    }

    /// Whether the decision was made within one working day; `nil` while none is recorded.
    public static func isDecisionInTime(_ allegation: Allegation, calendar: WorkingDayCalendar) -> Bool? {
        allegation.initialConsiderationOn.map { $0 <= decisionDue(allegation, calendar: calendar) }
    }

    /// The allegation's resolution date: its closure.
    public static func resolvedOn(_ allegation: Allegation) -> LocalDate? { allegation.closedOn }

    /// Whether it was resolved within `months` calendar months of receipt (on or before the same day `months` later).
    public static func isResolved(_ allegation: Allegation, withinMonths months: Int) -> Bool {
        guard let closed = allegation.closedOn else { return false }
        return closed <= allegation.receivedOn.adding(months: months)
    }
}

/// How long an open allegation has been open, in the bands the resolution timescales draw.
public enum OpenAllegationAge: String, Sendable, Codable, CaseIterable, Comparable {
    case underOneMonth = "under 1 month"
    case oneToThreeMonths = "1 to 3 months"
    case threeToSixMonths = "3 to 6 months"
    case sixToTwelveMonths = "6 to 12 months"
    case overTwelveMonths = "over 12 months"

    /// The band of an allegation received on `received` and still open on `date`.
    public init(received: LocalDate, on date: LocalDate) {
        self =
            if date <= received.adding(months: 1) { .underOneMonth }
            else if date <= received.adding(months: 3) { .oneToThreeMonths }
            else if date <= received.adding(months: 6) { .threeToSixMonths }
            else if date <= received.adding(months: 12) { .sixToTwelveMonths }
            else { .overTwelveMonths }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}
