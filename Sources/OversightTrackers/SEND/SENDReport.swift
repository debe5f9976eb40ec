import OversightCore
import OversightMeasures

/// The SEND measures: SEND-01 (SEN2, England comparator from kpis.md §3.7) and the local timeliness measures the
/// seed's SEND inspection judged (decisions to assess, annual-review amendments).
public enum SENDMeasures {
    public static let plansWithin20Weeks = TimelinessMeasure(
        id: "SEND-01", title: "New EHC plans issued within 20 weeks",
        definition: "New EHC plans issued in the period within 20 weeks (140 days) of the request, excluding cases where a regulation 13(3) exception applied.",
        numerator: "New plans issued within 20 weeks of the request", denominator: "New plans issued in the period, exceptions left out",
        counting: .events("plans"), polarity: .higherIsBetter, source: .sen2, timescale: "20 weeks (SEND Regulations 2014, reg. 13(2))")

    public static let decisionsWithin6Weeks = TimelinessMeasure(
        id: "SEND-02", title: "Decisions whether to assess within 6 weeks",
        definition: "Requests for an EHC needs assessment decided in the period within 6 weeks (42 days) of the request.",
        numerator: "Requests decided within 6 weeks", denominator: "Requests decided in the period",
        counting: .events("requests"), polarity: .higherIsBetter, source: .local, timescale: "6 weeks (SEND Regulations 2014, reg. 5(1))")

    public static let amendmentsWithin4Weeks = TimelinessMeasure(
        id: "SEND-03", title: "Annual-review amendments issued within 4 weeks",
        definition: "Annual reviews held in the period that led to amending the plan, whose amendments were issued within 4 weeks of the review; reviews still waiting count against the figure once 4 weeks have passed.",
        numerator: "Amendments issued within 4 weeks of the review", denominator: "Reviews deciding to amend, held in the period",
        counting: .events("reviews"), polarity: .higherIsBetter, source: .local, timescale: "4 weeks (SEND Regulations 2014, reg. 20(10))")

    public static let neurodevelopmentalSeenWithin18Weeks = TimelinessMeasure(
        id: "SEND-04", title: "Autism and ADHD referrals first seen within 18 weeks",
        definition: "Referrals to the autism (ASD) and ADHD assessment pathways first seen in the period within 18 weeks (126 days) of referral.",
        numerator: "Referrals first seen within 18 weeks", denominator: "Referrals first seen in the period",
        counting: .events("referrals"), polarity: .higherIsBetter, source: .local,
        timescale: "18 weeks (NHS referral-to-treatment standard, used locally)")

    public static let paediatricsSeenWithin18Weeks = TimelinessMeasure(
        id: "SEND-05", title: "Community paediatrics referrals first seen within 18 weeks",
        definition: "Referrals to community paediatrics first seen in the period within 18 weeks (126 days) of referral.",
        numerator: "Referrals first seen within 18 weeks", denominator: "Referrals first seen in the period",
        counting: .events("referrals"), polarity: .higherIsBetter, source: .local,
        timescale: "18 weeks (NHS referral-to-treatment standard, used locally)")

    public static let all = [
        plansWithin20Weeks, decisionsWithin6Weeks, amendmentsWithin4Weeks, neurodevelopmentalSeenWithin18Weeks, paediatricsSeenWithin18Weeks,
    ]

    /// Every SEND measure for the period, in catalogue order.
    public static func results(
        assessments: [EHCNeedsAssessment], reviews: [EHCAnnualReview], referrals: [WaitingListReferral], period: ReportingPeriod
    ) -> [TimelinessResult] {
        [
            plansWithin20Weeks(assessments, period: period), decisionsWithin6Weeks(assessments, period: period),
            amendmentsWithin4Weeks(reviews, period: period),
            seenWithin18Weeks(referrals, pathways: [.autism, .adhd], measure: neurodevelopmentalSeenWithin18Weeks, period: period),
            seenWithin18Weeks(referrals, pathways: [.communityPaediatrics], measure: paediatricsSeenWithin18Weeks, period: period),
        ]
    }

    public static func seenWithin18Weeks(
        _ referrals: [WaitingListReferral], pathways: Set<AssessmentPathway>, measure: TimelinessMeasure, period: ReportingPeriod
    ) -> TimelinessResult {
        let cases = referrals.compactMap { referral -> TimelinessCase? in
            guard pathways.contains(referral.pathway), let seen = referral.firstSeenOn, period.contains(seen) else { return nil }
            let days = referral.referredOn.days(to: seen)
            return TimelinessCase(
                record: referral.id.rawValue, child: referral.child.rawValue, start: referral.referredOn, end: seen, elapsed: days, met: days <= 126,
                reason: "\(referral.pathway.title): first seen after \(days / 7) weeks \(days % 7) days")
        }
        return TimelinessResult(measure, period: period, cases: cases)
    }

    public static func plansWithin20Weeks(_ assessments: [EHCNeedsAssessment], period: ReportingPeriod) -> TimelinessResult {
        let cases = assessments.compactMap { assessment -> TimelinessCase? in
            guard let issued = assessment.finalPlanIssuedOn, period.contains(issued), assessment.exception == nil else { return nil }
            let days = assessment.requestReceived.days(to: issued)
            let met = issued <= EHCTimeline.finalPlanDue(assessment)
            return TimelinessCase(
                record: assessment.id.rawValue, child: assessment.child.rawValue, start: assessment.requestReceived, end: issued,
                elapsed: days, met: met,
                reason: "final plan issued after \(days / 7) weeks \(days % 7) days; due \(EHCTimeline.finalPlanDue(assessment))")
        }
        return TimelinessResult(plansWithin20Weeks, period: period, cases: cases)
    }

    public static func decisionsWithin6Weeks(_ assessments: [EHCNeedsAssessment], period: ReportingPeriod) -> TimelinessResult {
        let cases = assessments.compactMap { assessment -> TimelinessCase? in
            guard let decided = assessment.decisionOn, period.contains(decided), assessment.decision != .withdrawn else { return nil }
            let days = assessment.requestReceived.days(to: decided)
            return TimelinessCase(
                record: assessment.id.rawValue, child: assessment.child.rawValue, start: assessment.requestReceived, end: decided,
                elapsed: days, met: decided <= EHCTimeline.decisionDue(assessment),
                reason: "\((assessment.decision ?? .pending).title.lowercased()) after \(days) days; due \(EHCTimeline.decisionDue(assessment))")
        }
        return TimelinessResult(decisionsWithin6Weeks, period: period, cases: cases)
    }

    public static func amendmentsWithin4Weeks(_ reviews: [EHCAnnualReview], period: ReportingPeriod) -> TimelinessResult {
        let cases = reviews.compactMap { review -> TimelinessCase? in
            guard review.outcome == .amend, let held = review.heldOn, period.contains(held), let due = EHCTimeline.amendmentsDue(review) else {
                return nil
            }
            let issued = review.amendmentsIssuedOn.flatMap { $0 <= period.end ? $0 : nil }
            // A review whose 4 weeks run past the period's end is judged once they have run, not before.
            if issued == nil && due >= period.end { return nil }
            let days = held.days(to: issued ?? period.end)
            return TimelinessCase(
                record: review.id.rawValue, child: review.child.rawValue, start: held, end: issued, elapsed: days,
                met: issued.map { $0 <= due } ?? false,
                reason: issued == nil
                    ? "amendments not issued \(days) days after the review; due \(due)" : "amendments issued \(days) days after the review; due \(due)")
        }
        return TimelinessResult(amendmentsWithin4Weeks, period: period, cases: cases)
    }
}

/// The SEND tracker's report for a period: the measures, open requests, the annual-review backlog and the
/// waiting lists for assessment pathways.
public struct SENDReport: Sendable, Codable, Equatable {
    public struct OpenRequest: Sendable, Codable, Equatable {
        public var id: String
        public var child: String
        public var requestReceived: LocalDate
        public var stage: String
        public var weeksOpen: Int
        public var finalPlanDue: LocalDate
        public var isPastWeek20: Bool
    }

    public struct BacklogItem: Sendable, Codable, Equatable {
        public var id: String
        public var child: String
        /// "Review overdue" (due, not held) or "Amendments outstanding" (held, amend decided, not issued).
        public var kind: String
        public var since: LocalDate
        public var ageDays: Int
    }

    public struct BandCount: Sendable, Codable, Equatable {
        public var band: String
        public var count: Int
    }

    public struct MonthPoint: Sendable, Codable, Equatable {
        public var month: String
        public var seen: Int
        public var averageWaitDays: Double?
        public var waitingAtEnd: Int
    }

    public struct Pathway: Sendable, Codable, Equatable {
        public var pathway: String
        public var title: String
        public var waiting: Int
        /// Mean days from referral to first seen, of those first seen in the period.
        public var averageWaitDays: Double?
        /// The longest wait of anyone seen in the period or still waiting at its end.
        public var longestWaitDays: Int?
        public var longestWaitReferral: String?
        public var seenInPeriod: Int
        /// Children still waiting at the period's end, by how long.
        public var distribution: [BandCount]
        public var trend: [MonthPoint]
    }

    public var period: String
    public var asOf: LocalDate
    public var measures: [TimelinessResult]
    public var openRequests: [OpenRequest]
    public var reviewsDue: Int
    public var reviewsHeld: Int
    public var backlog: [BacklogItem]
    public var backlogByAge: [BandCount]
    public var pathways: [Pathway]

    public static let waitBands: [(title: String, upToDays: Int?)] = [
        ("0–18 weeks", 126), ("18–52 weeks", 364), ("1–2 years", 730), ("over 2 years", nil),
    ]

    public static let backlogBands: [(title: String, upToDays: Int?)] = [
        ("under 4 weeks", 28), ("4–12 weeks", 84), ("12–26 weeks", 182), ("over 26 weeks", nil),
    ]

    static func band(_ days: Int, in bands: [(title: String, upToDays: Int?)]) -> String {
        bands.first { $0.upToDays.map { days <= $0 } ?? true }!.title
    }

    public init(
        assessments: [EHCNeedsAssessment], reviews: [EHCAnnualReview], referrals: [WaitingListReferral], period: ReportingPeriod,
        trendMonths: Int = 12
    ) {
        let end = period.end
        self.period = period.trackerLabel
        asOf = end
        measures = SENDMeasures.results(assessments: assessments, reviews: reviews, referrals: referrals, period: period)
        openRequests = assessments.filter { EHCTimeline.isOpen($0, on: end) }.map { assessment in
            OpenRequest(
                id: assessment.id.rawValue, child: assessment.child.rawValue, requestReceived: assessment.requestReceived,
                stage: EHCTimeline.stage(of: assessment, on: end), weeksOpen: assessment.requestReceived.days(to: end) / 7,
                finalPlanDue: EHCTimeline.finalPlanDue(assessment), isPastWeek20: end > EHCTimeline.finalPlanDue(assessment))
        }.sorted { ($0.requestReceived, $0.id) < ($1.requestReceived, $1.id) }
        reviewsDue = reviews.filter { period.contains($0.dueOn) }.count
        reviewsHeld = reviews.filter { $0.heldOn.map(period.contains) ?? false }.count
        let backlog = reviews.compactMap { review -> BacklogItem? in
            if review.heldOn.map({ $0 > end }) ?? true, review.dueOn < end {
                return BacklogItem(
                    id: review.id.rawValue, child: review.child.rawValue, kind: "Review overdue", since: review.dueOn,
                    ageDays: review.dueOn.days(to: end))
            }
            if let held = review.heldOn, held <= end, review.outcome == .amend, review.amendmentsIssuedOn.map({ $0 > end }) ?? true {
                return BacklogItem(
                    id: review.id.rawValue, child: review.child.rawValue, kind: "Amendments outstanding", since: held, ageDays: held.days(to: end))
            }
            return nil
        }.sorted { ($0.ageDays, $0.id) > ($1.ageDays, $1.id) }
        self.backlog = backlog
        backlogByAge = Self.backlogBands.map { band in
            BandCount(band: band.title, count: backlog.filter { Self.band($0.ageDays, in: Self.backlogBands) == band.title }.count)
        }
        pathways = AssessmentPathway.allCases.map { pathway in
            Self.pathway(pathway, referrals: referrals.filter { $0.pathway == pathway }, period: period, trendMonths: trendMonths)
        }
    }

    static func pathway(_ pathway: AssessmentPathway, referrals: [WaitingListReferral], period: ReportingPeriod, trendMonths: Int) -> Pathway {
        let end = period.end
        let waiting = referrals.filter { $0.isWaiting(on: end) }
        let seen = referrals.filter { $0.firstSeenOn.map(period.contains) ?? false }
        let longest = (waiting + seen).max { ($0.daysWaited(asOf: end), $1.id) < ($1.daysWaited(asOf: end), $0.id) }
        let lastMonth = LocalDate(year: end.year, month: end.month, day: 1)!
        let trend = (0..<trendMonths).reversed().map { back -> MonthPoint in
            let month = ReportingPeriod.month(year: lastMonth.adding(months: -back).year, month: lastMonth.adding(months: -back).month)
            let seenThen = referrals.filter { $0.firstSeenOn.map(month.contains) ?? false }
            return MonthPoint(
                month: month.description, seen: seenThen.count, averageWaitDays: mean(seenThen.map { $0.daysWaited(asOf: month.end) }),
                waitingAtEnd: referrals.filter { $0.isWaiting(on: month.end) }.count)
        }
        return Pathway(
            pathway: pathway.rawValue, title: pathway.title, waiting: waiting.count, averageWaitDays: mean(seen.map { $0.daysWaited(asOf: end) }),
            longestWaitDays: longest?.daysWaited(asOf: end), longestWaitReferral: longest?.id.rawValue, seenInPeriod: seen.count,
            distribution: waitBands.map { band in
                BandCount(band: band.title, count: waiting.filter { Self.band($0.daysWaited(asOf: end), in: waitBands) == band.title }.count)
            },
            trend: trend)
    }

    static func mean(_ values: [Int]) -> Double? {
        values.isEmpty ? nil : (10 * Double(values.reduce(0, +)) / Double(values.count)).rounded() / 10
    }
}
