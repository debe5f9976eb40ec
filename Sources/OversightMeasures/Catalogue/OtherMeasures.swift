import Foundation
import OversightCore

/// Care leavers, workforce, IRO and SEND measures (kpis.md §3.5–3.8).
extension MeasureCatalogue {
    static let careLeavers: [MeasureDefinition] = [
        careLeaverOutcome(
            id: "CL-01", title: "Care leavers aged 19–21 in suitable accommodation",
            numerator: "Those whose accommodation is recorded as suitable", polarity: .higherIsBetter
        ) { row in
            (row.accommodationSuitable == true, row.accommodationSuitable.map { $0 ? "accommodation suitable" : "accommodation not suitable" } ?? "no information on accommodation")
        },
        careLeaverOutcome(
            id: "CL-02", title: "Care leavers aged 19–21 in education, employment or training",
            numerator: "Those in education, employment or training (activity F1–F5, P1–P5)", polarity: .higherIsBetter
        ) { row in
            let met = row.activity?.isInEducationEmploymentOrTraining ?? false
            return (met, row.activity.map { "\($0.rawValue): \($0.label)" } ?? "no information on activity")
        },
        careLeaverOutcome(
            id: "CL-03", title: "Care leavers aged 19–21 the authority is in touch with",
            numerator: "Those the authority is in touch with", polarity: .higherIsBetter
        ) { row in
            (row.inTouch == .yes, row.inTouch.map { "\($0.rawValue): \($0.label)" } ?? "contact not recorded")
        },
        MeasureDefinition(
            id: "CL-04", title: "Pathway plans reviewed within 6 months",
            definition: "Care leavers aged 16–21 on the period's last day whose pathway plan was reviewed in the 6 months before it.",
            numerator: "Those with a pathway plan review in the 6 months", denominator: "Care leavers aged 16–21 on the period's last day",
            counting: .children, period: .asAtEnd, unit: .percentage, polarity: .higherIsBetter, source: .local,
            annexAList: 9, timescale: "6 months"
        ) { context, tally in
            let snapshot = context.snapshot, end = context.end, since = end.adding(months: -6)
            for row in snapshot.careLeavers.rows {
                guard let age = snapshot.age(of: row.child, on: end), (16...21).contains(age) else { continue }
                let met = row.pathwayPlanReview.map { $0 >= since && $0 <= end } ?? false
                tally.add(child: row.child, on: end, met: met, RowDetail(
                    from: row.pathwayPlanReview.map { ("pathway plan reviewed", $0) },
                    reason: row.pathwayPlanReview.map { met ? "reviewed \($0.ukString)" : "last reviewed \($0.ukString), over 6 months before" } ?? "no pathway plan review recorded"))
            }
        },
    ]

    /// Care leavers whose 19th, 20th or 21st birthday falls in the period, judged on their latest recorded status.
    static func careLeaverOutcome(
        id: String, title: String, numerator: String, polarity: Polarity,
        judge: @escaping @Sendable (CaseSnapshot.CareLeaverRow) -> (Bool, String)
    ) -> MeasureDefinition {
        MeasureDefinition(
            id: id, title: title,
            definition: "Former relevant care leavers whose 19th, 20th or 21st birthday fell in the period, as recorded around the birthday. Those with no information stay in the denominator.",
            numerator: numerator, denominator: "Care leavers with a 19th, 20th or 21st birthday in the period",
            counting: .children, period: .birthdayInPeriod, unit: .percentage, polarity: polarity, source: .ssda903,
            annexAList: 9
        ) { context, tally in
            let snapshot = context.snapshot
            for row in snapshot.careLeavers.rows {
                guard let born = snapshot.children.dateOfBirth(row.child),
                      let birthday = [19, 20, 21].lazy.map({ born.adding(years: $0) }).first(where: context.period.contains) else { continue }
                let (met, reason) = judge(row)
                tally.add(child: row.child, on: birthday, met: met, RowDetail(from: ("birthday", birthday), reason: reason))
            }
        }
    }

    static let workforce: [MeasureDefinition] = [
        MeasureDefinition(
            id: "WF-01", title: "Social workers in post (FTE)",
            definition: "Full-time equivalent of registered social workers employed by the authority (not agency) in the extract. A worker with no FTE recorded counts as 1.",
            numerator: "FTE of employed registered social workers", denominator: "—", counting: .workers, period: .asAtEnd,
            unit: .count, polarity: .higherIsBetter, source: .workforceCensus, publishedDecimals: 1
        ) { context, tally in
            for (worker, fte) in tally.socialWorkers() where worker.isAgency != true {
                tally.addWorker(worker, numerator: fte, denominator: 0, reason: "employed, \(fte) FTE")
            }
        },
        unavailable("WF-02", "Vacancy rate", "Vacant FTE ÷ (vacant FTE + FTE in post) at 30 September.", .workforceCensus, .lowerIsBetter, nil, "the establishment (funded posts)"),
        MeasureDefinition(
            id: "WF-03", title: "Agency worker rate",
            definition: "Agency social worker FTE ÷ (agency FTE + employed FTE), among registered social workers in the extract.",
            numerator: "Agency FTE", denominator: "Agency FTE + employed FTE", counting: .workers, period: .asAtEnd,
            unit: .percentage, polarity: .lowerIsBetter, source: .workforceCensus
        ) { context, tally in
            for (worker, fte) in tally.socialWorkers() {
                let agency = worker.isAgency == true
                tally.addWorker(worker, numerator: agency ? fte : 0, denominator: fte, reason: agency ? "agency, \(fte) FTE" : "employed, \(fte) FTE")
            }
        },
        unavailable("WF-04", "Turnover rate", "Leavers' FTE in the 12 months ÷ FTE in post at 30 September.", .workforceCensus, .lowerIsBetter, nil, "leaving dates (HR records)"),
        MeasureDefinition(
            id: "WF-05", title: "Average caseload",
            definition: "Children allocated to case-holding social workers on the period's last day ÷ the FTE of those workers.",
            numerator: "Children allocated to a social worker", denominator: "FTE of social workers holding at least one case",
            counting: .children, period: .asAtEnd, unit: .average, polarity: .lowerIsBetter, source: .workforceCensus,
            publishedDecimals: 1
        ) { context, tally in
            let snapshot = context.snapshot, end = context.end
            var counted = Set<Int32>()
            for child in 0..<Int32(snapshot.children.count) {
                guard let allocation = snapshot.allocation(of: child, on: end), allocation.worker != CaseSnapshot.none else { continue }
                let worker = snapshot.workers[Int(allocation.worker)]
                let fte = worker.fte ?? 1
                // Each case-holding worker's FTE enters the denominator once, with their first case.
                let first = counted.insert(allocation.worker).inserted
                tally.add(child: child, on: end, team: allocation.team, numerator: 1, denominator: first ? fte : 0, RowDetail(
                    from: ("allocated", allocation.start), value: first ? fte : nil,
                    reason: "allocated to \(worker.name ?? worker.id)\(first ? " (\(fte) FTE)" : "")"))
            }
        },
        unavailable("WF-06", "Absence rate", "Working days lost to sickness ÷ available working days.", .workforceCensus, .lowerIsBetter, nil, "sickness absence (HR records)"),
    ]

    static let reviewsAndSEND: [MeasureDefinition] = [
        unavailable("IRO-01", "Review decisions recorded within 5 working days", "Looked-after and CP reviews held in the period whose decisions were recorded within 5 working days (local standard).", .local, .higherIsBetter, 8, "the date review decisions were recorded in its case-record snapshot (the IRO escalations tracker computes IRO-01 from IRO review records: `oversight escalations explain IRO-01`, /trackers/measures/IRO-01)"),
        lookedAfterReviewTimeliness(id: "IRO-02", title: "Looked-after reviews within timescale (IRO)"),
        protectionReviewTimeliness(id: "IRO-03", title: "Child protection reviews within timescale (IRO)"),
        MeasureDefinition(
            id: "IRO-04", title: "Children participating in their review",
            definition: "Looked-after reviews held in the period for children aged 4 or over at which the child took part or conveyed their views (PN1–PN6).",
            numerator: "Reviews with participation PN1–PN6", denominator: "Reviews held in the period with participation recorded, children aged 4+ (PN0 left out)",
            counting: .events("reviews"), period: .flow, unit: .percentage, polarity: .higherIsBetter, source: .local, annexAList: 8
        ) { context, tally in
            for review in context.snapshot.lookedAfterReviews.rows where context.period.contains(review.date) {
                guard let code = review.participation, code != .pn0 else { continue }
                let met = code != .pn7
                tally.add(child: review.child, on: review.date, met: met, RowDetail(
                    review.id, from: ("review", review.date), reason: "\(code.rawValue): \(code.label)"))
            }
        },
        unavailable("SEND-01", "New EHC plans issued within 20 weeks", "New education, health and care plans issued in the calendar year within 20 weeks of the request, excluding exceptions.", .sen2, .higherIsBetter, nil, "EHC plan requests and issue dates in its case-record snapshot (the SEND tracker computes SEND-01: `oversight send explain SEND-01`, /trackers/measures/SEND-01)"),
    ]
}

extension Tally {
    /// Registered social workers the slice includes, with their FTE (1 when unrecorded). A team slice
    /// takes the worker's current team name, as the SSD holds no team history for workers.
    func socialWorkers() -> [(CaseSnapshot.WorkerRow, Double)] {
        snapshot.workers.enumerated().compactMap { index, worker in
            worker.isRegistered && includesWorker(Int32(index), teamName: worker.teamName) ? (worker, worker.fte ?? 1) : nil
        }
    }

    func includesWorker(_ worker: Int32, teamName: String?) -> Bool {
        switch slice.kind {
        case .all: true
        case .worker(let wanted): wanted == worker
        case .team(let team): teamName.map { $0.caseInsensitiveCompare(snapshot.teamNames[Int(team)]) == .orderedSame } ?? false
        case .cohort, .nothing: false
        }
    }

    /// A workforce row: about a worker rather than a child.
    mutating func addWorker(_ worker: CaseSnapshot.WorkerRow, numerator: Double, denominator: Double, reason: String) {
        addUnsliced(numerator: numerator, denominator: denominator, row: ExplanationRow(
            childID: "", recordID: worker.id, inNumerator: numerator > 0, value: numerator > 0 ? numerator : denominator,
            reason: "\(worker.name ?? worker.id): \(reason)"))
    }
}
