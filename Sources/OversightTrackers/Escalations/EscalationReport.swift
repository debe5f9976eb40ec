import OversightCore
import OversightMeasures

/// The IRO escalation measures (seed 003 action 5.2: "track and report monthly on the timeliness of resolving IRO
/// resolutions") and IRO-01 (kpis.md §3.8, a local standard of 5 working days).
public enum EscalationMeasures {
    public static let reviewDecisionsRecorded = TimelinessMeasure(
        id: "IRO-01", title: "Review decisions recorded within 5 working days",
        definition: "Looked-after and child protection reviews held in the period whose decisions were recorded within 5 working days.",
        numerator: "Reviews whose decisions were recorded within 5 working days of the review",
        denominator: "Reviews held in the period", counting: .events("reviews"), polarity: .higherIsBetter, source: .local,
        timescale: "5 working days (local standard; IRO Handbook 2010)")

    public static let resolvedWithinTimescale = TimelinessMeasure(
        id: "IRO-05", title: "IRO escalations resolved within timescale",
        definition: "Escalations resolved in the period by the response due date of the stage they had reached.",
        numerator: "Escalations resolved by their stage's response due date", denominator: "Escalations resolved in the period",
        counting: .events("escalations"), polarity: .higherIsBetter, source: .local,
        timescale: "the protocol's working days per stage (default 5, 5, 5 and 10)")

    public static let repeatEscalations = TimelinessMeasure(
        id: "IRO-06", title: "Repeat IRO escalations for the same child",
        definition: "Escalations raised in the period for a child with another escalation raised in the 12 months before.",
        numerator: "Escalations for a child escalated in the previous 12 months", denominator: "Escalations raised in the period",
        counting: .events("escalations"), polarity: .lowerIsBetter, source: .local, timescale: "12 months before each escalation")

    public static let all = [reviewDecisionsRecorded, resolvedWithinTimescale, repeatEscalations]

    /// Every escalation measure for the period, in catalogue order.
    public static func results(
        escalations: [Escalation], reviews: [IROReviewRecord], period: ReportingPeriod, calendar: WorkingDayCalendar = .englandAndWales
    ) -> [TimelinessResult] {
        [
            reviewDecisionsRecorded(reviews, period: period, calendar: calendar),
            resolvedWithinTimescale(escalations, period: period, calendar: calendar), repeatEscalations(escalations, period: period),
        ]
    }

    public static func reviewDecisionsRecorded(
        _ records: [IROReviewRecord], period: ReportingPeriod, calendar: WorkingDayCalendar = .englandAndWales
    ) -> TimelinessResult {
        let cases = records.filter { period.contains($0.heldOn) }.map { record in
            let until = record.decisionsRecordedOn ?? period.end
            let days = calendar.workingDays(from: record.heldOn, to: until)
            let met = record.decisionsRecordedOn != nil && days <= 5
            return TimelinessCase(
                record: record.id.rawValue, child: record.child.rawValue, start: record.heldOn, end: record.decisionsRecordedOn, elapsed: days,
                met: met,
                reason: record.decisionsRecordedOn == nil
                    ? "\(record.kind.title) chaired by \(record.chairedBy): decisions not recorded"
                    : "\(record.kind.title) chaired by \(record.chairedBy): decisions recorded after \(days) working day\(days == 1 ? "" : "s")")
        }
        return TimelinessResult(reviewDecisionsRecorded, period: period, cases: cases)
    }

    public static func resolvedWithinTimescale(
        _ escalations: [Escalation], period: ReportingPeriod, calendar: WorkingDayCalendar = .englandAndWales
    ) -> TimelinessResult {
        let cases = escalations.compactMap { escalation -> TimelinessCase? in
            guard let resolved = escalation.resolvedOn, period.contains(resolved), let step = escalation.stage(on: resolved) else { return nil }
            let met = resolved <= step.responseDue
            return TimelinessCase(
                record: escalation.id.rawValue, child: escalation.child.rawValue, start: escalation.raisedOn, end: resolved,
                elapsed: calendar.workingDays(from: step.raisedOn, to: resolved), met: met,
                reason: "resolved at \(step.stage.title.lowercased()) on \(resolved), response due \(step.responseDue)")
        }
        return TimelinessResult(resolvedWithinTimescale, period: period, cases: cases)
    }

    public static func repeatEscalations(_ escalations: [Escalation], period: ReportingPeriod) -> TimelinessResult {
        let byChild = Dictionary(grouping: escalations, by: \.child)
        let cases = escalations.filter { period.contains($0.raisedOn) }.map { escalation in
            let earlier = (byChild[escalation.child] ?? []).filter {
                $0.id != escalation.id && $0.raisedOn <= escalation.raisedOn && $0.raisedOn > escalation.raisedOn.adding(months: -12)
                    && ($0.raisedOn < escalation.raisedOn || $0.id < escalation.id)
            }
            return TimelinessCase(
                record: escalation.id.rawValue, child: escalation.child.rawValue, start: escalation.raisedOn, end: nil,
                elapsed: earlier.count, met: !earlier.isEmpty,
                reason: earlier.isEmpty
                    ? "first escalation for this child in 12 months"
                    : "also escalated: \(earlier.map { "\($0.id) (\($0.raisedOn))" }.joined(separator: ", "))")
        }
        return TimelinessResult(repeatEscalations, period: period, cases: cases)
    }
}

/// The monthly escalations report: raised, resolved within timescale, open by stage and age, and repeats.
public struct EscalationReport: Sendable, Codable, Equatable {
    public struct OpenCount: Sendable, Codable, Equatable {
        public var stage: String
        public var ageBand: String
        public var count: Int
    }

    public struct OpenEscalation: Sendable, Codable, Equatable {
        public var id: String
        public var child: String
        public var iro: String
        public var concern: String
        public var stage: String
        public var raisedOn: LocalDate
        public var ageDays: Int
        public var responseDue: LocalDate
        public var isOverdue: Bool
        public var actions: [String]
    }

    /// One month of the series the board reads the trend from (action 5.2: "report monthly").
    public struct Month: Sendable, Codable, Equatable {
        public var month: String
        public var raised: Int
        public var resolved: Int
        public var resolvedWithinTimescale: Int
        public var openAtEnd: Int
    }

    public var period: String
    public var asOf: LocalDate
    public var raised: Int
    public var raisedByConcern: [String: Int]
    public var resolved: TimelinessResult
    public var repeats: TimelinessResult
    public var reviewDecisions: TimelinessResult
    public var openByStageAndAge: [OpenCount]
    public var open: [OpenEscalation]
    /// The months ending with the period's last, oldest first.
    public var months: [Month]

    /// Age bands for open escalations, in days since first raised.
    public static let ageBands: [(title: String, upTo: Int?)] = [
        ("under 1 month", 30), ("1 to 3 months", 91), ("3 to 6 months", 182), ("over 6 months", nil),
    ]

    public static func band(ageDays: Int) -> String { ageBands.first { $0.upTo.map { ageDays <= $0 } ?? true }!.title }

    public init(
        escalations: [Escalation], reviews: [IROReviewRecord], period: ReportingPeriod, rules: EscalationProtocol = .standard,
        calendar: WorkingDayCalendar = .englandAndWales, trendMonths: Int = 12
    ) {
        self.period = period.trackerLabel
        asOf = period.end
        let raisedInPeriod = escalations.filter { period.contains($0.raisedOn) }
        raised = raisedInPeriod.count
        raisedByConcern = Dictionary(grouping: raisedInPeriod, by: \.concern.title).mapValues(\.count)
        resolved = EscalationMeasures.resolvedWithinTimescale(escalations, period: period, calendar: calendar)
        repeats = EscalationMeasures.repeatEscalations(escalations, period: period)
        reviewDecisions = EscalationMeasures.reviewDecisionsRecorded(reviews, period: period, calendar: calendar)
        let end = period.end
        let open = escalations.filter { $0.isOpen(on: end) }.compactMap { escalation -> OpenEscalation? in
            guard let step = escalation.stage(on: end) else { return nil }
            return OpenEscalation(
                id: escalation.id.rawValue, child: escalation.child.rawValue, iro: escalation.raisedBy, concern: escalation.concern.title,
                stage: step.stage.title, raisedOn: escalation.raisedOn, ageDays: escalation.raisedOn.days(to: end),
                responseDue: step.responseDue, isOverdue: rules.isOverdue(escalation, on: end), actions: escalation.actions)
        }.sorted { ($0.ageDays, $0.id) > ($1.ageDays, $1.id) }
        self.open = open
        let last = LocalDate(year: end.year, month: end.month, day: 1)!
        months = (0..<trendMonths).reversed().map { back in
            let first = last.adding(months: -back)
            let month = ReportingPeriod.month(year: first.year, month: first.month)
            let resolved = escalations.filter { $0.resolvedOn.map(month.contains) ?? false }
            return Month(
                month: month.description, raised: escalations.filter { month.contains($0.raisedOn) }.count, resolved: resolved.count,
                resolvedWithinTimescale: resolved.filter { rules.isResolvedWithinTimescale($0) == true }.count,
                openAtEnd: escalations.filter { $0.isOpen(on: month.end) }.count)
        }
        openByStageAndAge = EscalationStage.allCases.flatMap { stage in
            Self.ageBands.map { band in
                OpenCount(
                    stage: stage.title, ageBand: band.title,
                    count: open.filter { $0.stage == stage.title && Self.band(ageDays: $0.ageDays) == band.title }.count)
            }
        }
    }
}
