import OversightCore
import OversightMeasures

/// The LADO measures: allegations received, conversion to the formal process, the one-working-day decision, resolution
/// within 1, 3, 6 and 12 months, open allegations and caseload per officer.
///
/// Resolution measures look at the allegations closed in the period (how long those took), so a month with many old
/// allegations closed shows as slow; the allegations still open are in LADO-08, by age.
public enum LADOMeasures {
    static let workingTogether = "Working Together to Safeguard Children 2023, chapter 2; Keeping Children Safe in Education 2025, part 4"

    public static let received = TrackerMeasure<Allegation>(
        id: "LADO-01", title: "Allegations received",
        definition: "Allegations against people who work with children referred to the LADO in the period.",
        numerator: "Allegations received in the period", denominator: nil, counting: .events("allegations"), unit: .count,
        polarity: .neither, citation: workingTogether
    ) { allegations, period, _, _ in
        allegations.filter { period.contains($0.receivedOn) }.map {
            TrackerCaseRow(record: $0.id.rawValue, inNumerator: true, detail: "received \($0.receivedOn), \($0.sector.title.lowercased())")
        }
    }

    public static let conversion = TrackerMeasure<Allegation>(
        id: "LADO-02", title: "Conversion to the formal LADO process",
        definition: "Of the allegations received in the period with an initial consideration decision, the percentage that met the harm threshold and went on to the formal LADO process.",
        numerator: "Allegations received in the period that met the threshold", denominator: "Allegations received in the period with a decision recorded",
        counting: .events("allegations"), unit: .percentage, polarity: .neither, citation: workingTogether
    ) { allegations, period, _, _ in
        allegations.filter { period.contains($0.receivedOn) && $0.meetsThreshold != nil }.map {
            TrackerCaseRow(
                record: $0.id.rawValue, inNumerator: $0.meetsThreshold == true,
                detail: $0.meetsThreshold == true ? "threshold met: formal LADO process" : "threshold not met: advice or other route")
        }
    }

    public static let decisionInTime = TrackerMeasure<Allegation>(
        id: "LADO-03", title: "Initial consideration decided within 1 working day",
        definition: "Of the allegations received in the period, the percentage whose initial consideration decision was made within one working day of receipt (bank holidays excluded). An allegation with no decision recorded counts as not in time.",
        numerator: "Allegations decided within 1 working day", denominator: "Allegations received in the period",
        counting: .events("allegations"), unit: .percentage, polarity: .higherIsBetter, timescale: "1 working day", citation: workingTogether
    ) { allegations, period, _, calendar in
        allegations.filter { period.contains($0.receivedOn) }.map { allegation in
            let due = AllegationTimescales.decisionDue(allegation, calendar: calendar)
            guard let decided = allegation.initialConsiderationOn else {
                return TrackerCaseRow(record: allegation.id.rawValue, inNumerator: false, detail: "received \(allegation.receivedOn), due \(due): no decision recorded")
            }
            let days = calendar.workingDays(from: allegation.receivedOn, to: decided)
            return TrackerCaseRow(
                record: allegation.id.rawValue, inNumerator: decided <= due,
                detail: "received \(allegation.receivedOn), decided \(decided): \(days) working day\(days == 1 ? "" : "s")")
        }
    }

    /// LADO-04 to LADO-07: resolved within 1, 3, 6 and 12 months.
    public static let resolution: [TrackerMeasure<Allegation>] = zip(4...7, AllegationTimescales.resolutionMonths).map { number, months in
        TrackerMeasure<Allegation>(
            id: "LADO-0\(number)", title: "Resolved within \(months) month\(months == 1 ? "" : "s")",
            definition: "Of the allegations closed in the period, the percentage closed within \(months) calendar month\(months == 1 ? "" : "s") of receipt.",
            numerator: "Allegations closed within \(months) month\(months == 1 ? "" : "s") of receipt", denominator: "Allegations closed in the period",
            counting: .events("allegations"), unit: .percentage, polarity: .higherIsBetter, timescale: "\(months) month\(months == 1 ? "" : "s")",
            citation: workingTogether
        ) { allegations, period, _, _ in
            allegations.compactMap { allegation in
                guard let closed = allegation.closedOn, period.contains(closed) else { return nil }
                return TrackerCaseRow(
                    record: allegation.id.rawValue, inNumerator: AllegationTimescales.isResolved(allegation, withinMonths: months),
                    detail: "received \(allegation.receivedOn), closed \(closed): \(allegation.receivedOn.days(to: closed)) days")
            }
        }
    }

    public static let open = TrackerMeasure<Allegation>(
        id: "LADO-08", title: "Open allegations at the period end",
        definition: "Allegations received and not closed by the last day of the period, each with its age band.",
        numerator: "Open allegations", denominator: nil, counting: .events("allegations"), unit: .count, polarity: .lowerIsBetter,
        citation: workingTogether
    ) { allegations, _, end, _ in
        allegations.filter { $0.isOpen(on: end) }.sorted { $0.receivedOn < $1.receivedOn }.map {
            TrackerCaseRow(
                record: $0.id.rawValue, inNumerator: true,
                detail: "received \($0.receivedOn), open \($0.receivedOn.days(to: end)) days: \(OpenAllegationAge(received: $0.receivedOn, on: end).rawValue)")
        }
    }

    /// Rows are officers here, not allegations: the numerator counts open allegations through the officers' rows.
    public static let caseload = TrackerMeasure<Allegation>(
        id: "LADO-09", title: "Open allegations per LADO officer",
        definition: "Allegations open on the last day of the period divided by the LADO officers holding at least one.",
        numerator: "Open allegations", denominator: "LADO officers holding open allegations", counting: .events("allegations"),
        unit: .average, polarity: .lowerIsBetter, citation: "Seed 002: capacity to manage allegations 'remains insufficient'"
    ) { allegations, _, end, _ in
        let open = allegations.filter { $0.isOpen(on: end) }.sorted { ($0.officer, $0.id) < ($1.officer, $1.id) }
        var rows: [TrackerCaseRow] = []
        var previousOfficer: String?
        for allegation in open {
            // Each open allegation adds to the numerator; each officer's first adds to the denominator.
            let isFirst = allegation.officer != previousOfficer
            previousOfficer = allegation.officer
            rows.append(TrackerCaseRow(record: allegation.id.rawValue, inNumerator: true, inDenominator: isFirst, detail: "held by \(allegation.officer)"))
        }
        return rows
    }

    /// Every LADO measure, in catalogue order.
    public static let all: [TrackerMeasure<Allegation>] = [received, conversion, decisionInTime] + resolution + [open, caseload]
}
