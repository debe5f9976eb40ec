import OversightCore

/// Measures of children looked after and adoption (kpis.md §3.3–3.4; SSDA903; Annex A lists 8 and 10).
extension MeasureCatalogue {
    static let lookedAfter: [MeasureDefinition] = [
        MeasureDefinition(
            id: "CLA-01", title: "Children looked after per 10,000",
            definition: "Children looked after on the period's last day per 10,000 children aged 0–17. Children looked after only under an agreed series of short breaks (V3, V4) are not counted, as in the SSDA903 figures.",
            numerator: "Children looked after on the period's last day", denominator: "Children aged 0–17 ÷ 10,000",
            counting: .children, period: .asAtEnd, unit: .ratePer10000, polarity: .neither, source: .ssda903,
            annexAList: 8
        ) { context, tally in
            context.snapshot.forEachChildLookedAfter(at: context.end) { child, period in
                tally.add(child: child, on: context.end, numerator: 1, denominator: 0, RowDetail(
                    from: ("period of care started", period.start), reason: "looked after on \(context.end.ukString)"))
            }
        },
        MeasureDefinition(
            id: "CLA-02", title: "Children with 3 or more placements in the year",
            definition: "Children looked after on the period's last day who had 3 or more separate placements in the 12 months to that day. Temporary moves (T-codes) are not placements.",
            numerator: "Children with 3 or more placements in the 12 months", denominator: "Children looked after on the period's last day",
            counting: .children, period: .twelveMonthsToEnd, unit: .percentage, polarity: .lowerIsBetter, source: .ssda903,
            annexAList: 8
        ) { context, tally in
            let snapshot = context.snapshot, window = context.twelveMonthsToEnd
            snapshot.forEachChildLookedAfter(at: context.end) { child, _ in
                let count = snapshot.placementCount(of: child, overlapping: window)
                tally.add(child: child, on: context.end, met: count >= 3, RowDetail(
                    from: ("from", window.start), to: ("to", context.end), value: Double(count),
                    reason: "\(count) placement\(count == 1 ? "" : "s") in the 12 months (temporary moves not counted)"))
            }
        },
        MeasureDefinition(
            id: "CLA-03", title: "Long-term placement stability",
            definition: "Children under 16 on the period's last day, looked after continuously for at least 2½ years, who had been in the same placement for at least 2 years.",
            numerator: "Those in the same placement for 2 years or more",
            denominator: "Children under 16 looked after for 2½ years or more on the period's last day",
            counting: .children, period: .asAtEnd, unit: .percentage, polarity: .higherIsBetter, source: .ssda903,
            annexAList: 8
        ) { context, tally in
            let snapshot = context.snapshot, end = context.end
            snapshot.forEachChildLookedAfter(at: end) { child, period in
                guard let age = snapshot.age(of: child, on: end), age < 16, period.start <= end.adding(months: -30) else { return }
                let placement = snapshot.placement(of: child, on: end)
                let met = placement.map { $0.start <= end.adding(years: -2) } ?? false
                tally.add(child: child, on: end, met: met, RowDetail(
                    placement?.id, from: ("period of care started", period.start), to: placement.map { ("placement started", $0.start) },
                    reason: placement.map { met ? "same placement since \($0.start.ukString)" : "current placement began \($0.start.ukString), under 2 years" } ?? "no current placement recorded"))
            }
        },
        MeasureDefinition(
            id: "CLA-04", title: "Children looked after 2+ years with 3+ placements in 2 years",
            definition: "Children looked after on the period's last day who had been looked after for at least 2 years and had 3 or more placements in those 2 years.",
            numerator: "Those with 3 or more placements in the 2 years", denominator: "Children looked after for 2 years or more on the period's last day",
            counting: .children, period: .asAtEnd, unit: .percentage, polarity: .lowerIsBetter, source: .ssda903,
            annexAList: 8
        ) { context, tally in
            let snapshot = context.snapshot, end = context.end
            let window = DateInterval(start: end.adding(years: -2).adding(days: 1), end: end)
            snapshot.forEachChildLookedAfter(at: end) { child, period in
                guard period.start <= end.adding(years: -2) else { return }
                let count = snapshot.placementCount(of: child, overlapping: window)
                tally.add(child: child, on: end, met: count >= 3, RowDetail(
                    from: ("period of care started", period.start), value: Double(count), reason: "\(count) placements in the 2 years"))
            }
        },
        lookedAfterReviewTimeliness(id: "CLA-05", title: "Looked-after reviews within timescale"),
        MeasureDefinition(
            id: "CLA-06", title: "Looked-after visits within timescale",
            definition: "Children looked after on the period's last day who were visited within the Care Planning Regulations' timescale: within a week of a placement starting, then at least every 6 weeks, or every 3 months in a long-term foster placement after the first year.",
            numerator: "Children whose next visit was not yet overdue on the period's last day", denominator: "Children looked after on the period's last day",
            counting: .children, period: .asAtEnd, unit: .percentage, polarity: .higherIsBetter, source: .local,
            annexAList: 8, timescale: "1 week, then 6-weekly (3-monthly in long-term placements)"
        ) { context, tally in
            let snapshot = context.snapshot, end = context.end
            snapshot.forEachChildLookedAfter(at: end) { child, period in
                let placement = snapshot.placement(of: child, on: end)
                let placementStart = placement?.start ?? period.start
                let visit = snapshot.lookedAfterVisits[child].last { $0.date <= end && $0.date >= placementStart && $0.seen != false }
                let due: LocalDate, rule: String
                if let visit {
                    let longTerm = (placement?.type == .u1 || placement?.type == .u4) && placementStart <= visit.date.adding(years: -1)
                    due = longTerm ? visit.date.adding(months: 3) : visit.date.adding(days: 42)
                    rule = longTerm ? "3 months after the last visit (long-term placement)" : "6 weeks after the last visit"
                } else {
                    due = placementStart.adding(days: 7)
                    rule = "a week after the placement started"
                }
                tally.add(child: child, on: end, met: end <= due, RowDetail(
                    placement?.id, from: (visit == nil ? "placement started" : "last visit", visit?.date ?? placementStart), to: ("next visit due", due),
                    reason: end <= due ? "next visit due \(due.ukString) (\(rule))" : "visit overdue since \(due.ukString) (\(rule))"))
            }
        },
        unavailable("CLA-07", "Annual health assessments", "Children looked after for 12 months or more at the period's end who had their annual health assessment in the year (SSDA903 OC2).", .ssda903, .higherIsBetter, 8, "health assessments"),
        unavailable("CLA-08", "Dental checks", "Children looked after for 12 months or more at the period's end whose teeth were checked by a dentist in the year.", .ssda903, .higherIsBetter, 8, "dental checks"),
        unavailable("CLA-09", "Immunisations up to date", "Children looked after for 12 months or more at the period's end whose immunisations were up to date.", .ssda903, .higherIsBetter, 8, "immunisations"),
        unavailable("CLA-10", "Strengths and difficulties questionnaires returned", "Children aged 5–16 looked after for 12 months or more with an SDQ score returned.", .ssda903, .higherIsBetter, 8, "SDQ scores"),
        MeasureDefinition(
            id: "CLA-11", title: "Children looked after who went missing",
            definition: "Children looked after at any time in the period (short breaks aside) who had at least one missing episode (not away without authorisation) starting in the period.",
            numerator: "Children with a missing episode in the period", denominator: "Children looked after at any time in the period",
            counting: .children, period: .flow, unit: .percentage, polarity: .lowerIsBetter, source: .ssda903,
            annexAList: 8
        ) { context, tally in
            let snapshot = context.snapshot
            for child in 0..<Int32(snapshot.children.count) {
                guard snapshot.carePeriods[child].contains(where: {
                    !$0.isShortBreakOnly && $0.start <= context.end && ($0.end.map { $0 >= context.start } ?? true)
                }) else { continue }
                let incidents = snapshot.missing[child].filter { context.period.contains($0.start) && $0.type != .awayWithoutAuthorisation }
                tally.add(child: child, on: context.end, met: !incidents.isEmpty, RowDetail(
                    from: incidents.first.map { ("first missing", $0.start) }, value: Double(incidents.count),
                    reason: incidents.isEmpty ? "not missing in the period" : "\(incidents.count) missing episode\(incidents.count == 1 ? "" : "s") in the period"))
            }
        },
        MeasureDefinition(
            id: "CLA-12", title: "Children placed more than 20 miles from home",
            definition: "Children looked after on the period's last day whose placement is more than 20 miles (straight line) from home. Placements with no distance recorded are left out.",
            numerator: "Children placed more than 20 miles from home", denominator: "Children looked after on the period's last day with a placement distance",
            counting: .children, period: .asAtEnd, unit: .percentage, polarity: .lowerIsBetter, source: .ssda903,
            annexAList: 8
        ) { context, tally in
            let snapshot = context.snapshot
            snapshot.forEachChildLookedAfter(at: context.end) { child, _ in
                guard let placement = snapshot.placement(of: child, on: context.end), let miles = placement.distanceMiles else { return }
                tally.add(child: child, on: context.end, met: miles > 20, RowDetail(
                    placement.id, from: ("placement started", placement.start), value: Double(miles),
                    reason: String(format: "placed %.1f miles from home", Double(miles))))
            }
        },
        MeasureDefinition(
            id: "CLA-13", title: "Children looked after with 3 or more social workers in the year",
            definition: "Children looked after on the period's last day who had 3 or more different allocated social workers in the 12 months to that day.",
            numerator: "Children with 3 or more allocated social workers", denominator: "Children looked after on the period's last day",
            counting: .children, period: .twelveMonthsToEnd, unit: .percentage, polarity: .lowerIsBetter, source: .ssda903,
            annexAList: 8
        ) { context, tally in
            let snapshot = context.snapshot, window = context.twelveMonthsToEnd
            snapshot.forEachChildLookedAfter(at: context.end) { child, _ in
                var workers = Set<Int32>()
                for a in snapshot.allocations[child] where a.worker != CaseSnapshot.none && DateInterval(start: a.start, end: a.end).overlaps(window) {
                    workers.insert(a.worker)
                }
                tally.add(child: child, on: context.end, met: workers.count >= 3, RowDetail(
                    value: Double(workers.count), reason: "\(workers.count) allocated social worker\(workers.count == 1 ? "" : "s") in the 12 months"))
            }
        },
        MeasureDefinition(
            id: "CLA-14", title: "Children ceasing care through adoption",
            definition: "Periods of care ending in the period that ended with an adoption order (E11, E12).",
            numerator: "Periods of care ended by adoption", denominator: "Periods of care ending in the period",
            counting: .children, period: .flow, unit: .percentage, polarity: .neither, source: .ssda903, annexAList: 10
        ) { context, tally in
            for period in context.snapshot.carePeriods.rows where !period.isShortBreakOnly {
                guard let end = period.end, context.period.contains(end) else { continue }
                let adopted = period.reasonCeased?.isAdoption ?? false
                tally.add(child: period.child, on: end, met: adopted, RowDetail(
                    from: ("period of care started", period.start), to: ("ceased", end),
                    reason: period.reasonCeased.map { "ceased \($0.rawValue): \($0.label)" } ?? "reason for ceasing not recorded"))
            }
        },
        MeasureDefinition(
            id: "ADO-01", title: "Average days from entering care to moving in with the adoptive family (A1)",
            definition: "Children adopted in the 3 years ending with the period: the mean number of days from the start of their last period of care to moving in with their adoptive family. Where the adopters were the child's foster carers, the date the child moved in with them as foster carers is used (A10).",
            numerator: "Total days from entering care to moving in", denominator: "Children adopted in the 3 years",
            counting: .children, period: .threeYearsToEnd, unit: .meanDays, polarity: .lowerIsBetter, source: .ssda903,
            annexAList: 10, timescale: "426 days (adoption scorecard threshold)"
        ) { context, tally in
            let snapshot = context.snapshot
            let window = DateInterval(start: context.end.adding(years: -3).adding(days: 1), end: context.end)
            for period in snapshot.carePeriods.rows {
                guard let end = period.end, window.contains(end), period.reasonCeased?.isAdoption == true else { continue }
                let inPeriod = snapshot.placements[period.child].filter { $0.start >= period.start && $0.start <= end }
                guard let adoptive = inPeriod.firstIndex(where: { $0.type?.isPlacedForAdoption == true }) else { continue }
                var movedIn = inPeriod[adoptive].start
                // A3/A5: placed with the current foster carer, who the child had moved in with earlier.
                if inPeriod[adoptive].type == .a3 || inPeriod[adoptive].type == .a5,
                   let foster = inPeriod[inPeriod.startIndex..<adoptive].last(where: { !($0.type?.isTemporary ?? false) }) {
                    movedIn = foster.start
                }
                let days = period.start.days(to: movedIn)
                tally.add(child: period.child, on: end, numerator: Double(days), denominator: 1, counted: days <= 426, RowDetail(
                    inPeriod[adoptive].id, from: ("entered care", period.start), to: ("moved in with adopters", movedIn), days: days,
                    value: Double(days), reason: "\(days) days\(days <= 426 ? ", within" : ", over") the 426-day threshold; adopted \(end.ukString)"))
            }
        },
        unavailable("ADO-02", "Average days from placement order to match (A2)", "Children adopted in the 3 years ending with the period: the mean days from the placement order to the match with adopters.", .ssda903, .lowerIsBetter, 10, "adoption match dates (SSD permanence table)", unit: .meanDays),
    ]

    static func lookedAfterReviewTimeliness(id: String, title: String) -> MeasureDefinition {
        MeasureDefinition(
            id: id, title: title,
            definition: "Looked-after reviews falling due in the period: the first within 20 working days of the period of care starting, the second within 3 months of the first, later ones within 6 months of the previous. A review not held by the period's end while the child was still looked after counts as late.",
            numerator: "Reviews held on or before their due date", denominator: "Reviews due in the period",
            counting: .events("reviews"), period: .flow, unit: .percentage, polarity: .higherIsBetter, source: .local,
            annexAList: 8, timescale: "20 working days, 3 months, then 6-monthly"
        ) { context, tally in
            let snapshot = context.snapshot
            for period in snapshot.carePeriods.rows where !period.isShortBreakOnly {
                guard period.start <= context.end, (period.end.map { $0 >= context.start } ?? true) else { continue }
                let reviews = snapshot.lookedAfterReviews[period.child]
                    .filter { review in review.date >= period.start && (period.end.map { review.date <= $0 } ?? true) }.map(\.date)
                // The second review is due 3 months after the first, later ones 6 months after the last.
                judgeReviewChain(
                    context: context, tally: &tally, child: period.child, recordID: nil,
                    firstDue: context.calendar.addingWorkingDays(20, to: period.start), firstRule: "20 working days after entering care",
                    reviews: reviews, stillOpenUntil: period.end, monthsAfterReview: { $0 == 0 ? 3 : 6 })
            }
        }
    }

    static func unavailable(
        _ id: String, _ title: String, _ definition: String, _ source: StatutorySource, _ polarity: Polarity,
        _ list: Int?, _ missing: String, unit: MeasureUnit = .percentage
    ) -> MeasureDefinition {
        MeasureDefinition(
            id: id, title: title, definition: definition, numerator: "—", denominator: "—", counting: .children,
            period: .asAtEnd, unit: unit, polarity: polarity, source: source, annexAList: list,
            unavailableReason: "Oversight does not yet hold \(missing); the figure is shown as not available (DfE's x) rather than guessed.",
            compute: nil)
    }
}

extension CaseSnapshot {
    /// Calls `body` once for each child looked after on `date`, other than under short breaks only.
    func forEachChildLookedAfter(at date: LocalDate, _ body: (Int32, CarePeriodRow) -> Void) {
        var lastChild: Int32 = -1
        for period in carePeriods.rows where period.child != lastChild && !period.isShortBreakOnly && period.start <= date && (period.end.map { $0 > date } ?? true) {
            lastChild = period.child
            body(period.child, period)
        }
    }

    /// Placements (temporary moves aside) open at any time within `window`.
    func placementCount(of child: Int32, overlapping window: DateInterval) -> Int {
        placements[child].reduce(0) { count, p in
            (p.type?.isTemporary ?? false) || !DateInterval(start: p.start, end: p.end).overlaps(window) ? count : count + 1
        }
    }
}
