import OversightCore

/// Measures of child protection (kpis.md §3.2; CIN census; Annex A lists 5 and 7).
extension MeasureCatalogue {
    static let childProtection: [MeasureDefinition] = [
        eventRate(
            id: "CP-01", title: "Section 47 enquiries per 10,000", events: "section 47 enquiries",
            numerator: "Section 47 enquiries started in the period", annexAList: 5, dateLabel: "enquiry started",
            rows: \.enquiries, date: \.start, team: \.team, id: \.id),
        MeasureDefinition(
            id: "CP-02", title: "Section 47 enquiries progressing to an initial conference",
            definition: "Section 47 enquiries started in the period that led to an initial child protection conference. Enquiries still open at the period's end with no conference are left out.",
            numerator: "Enquiries with an initial conference", denominator: "Enquiries started in the period, less those still open",
            counting: .events("section 47 enquiries"), period: .flow, unit: .percentage, polarity: .neither,
            source: .cinCensus, annexAList: 5
        ) { context, tally in
            let snapshot = context.snapshot
            for e in snapshot.enquiries.rows where context.period.contains(e.start) {
                let conference = snapshot.conference(for: e)
                if conference == nil && (e.end.map { $0 > context.end } ?? true) { continue }
                tally.add(child: e.child, on: e.start, team: e.team, met: conference != nil, RowDetail(
                    e.id, from: ("enquiry started", e.start), to: conference.map { ("conference", $0.date) },
                    reason: conference.map { "initial conference held \($0.date.ukString)" } ?? "enquiry ended without a conference"))
            }
        },
        eventRate(
            id: "CP-03", title: "Initial child protection conferences per 10,000", events: "initial conferences",
            numerator: "Initial conferences held in the period", annexAList: 5, dateLabel: "conference",
            rows: \.conferences, date: \.date, team: \.team, id: \.id),
        MeasureDefinition(
            id: "CP-04", title: "Initial conferences within 15 working days",
            definition: "Initial child protection conferences in the period held within 15 working days of the start of the section 47 enquiry (the strategy discussion that began it). Transfer-in conferences and those dated before their enquiry are left out, as DfE does.",
            numerator: "Conferences held at most 15 working days after the enquiry started",
            denominator: "Initial conferences in the period with a valid enquiry start",
            counting: .events("initial conferences"), period: .flow, unit: .percentage, polarity: .higherIsBetter,
            source: .cinCensus, annexAList: 5, timescale: "15 working days"
        ) { context, tally in
            let snapshot = context.snapshot
            for c in snapshot.conferences.rows where context.period.contains(c.date) && !c.isTransferIn {
                guard let enquiry = snapshot.enquiry(for: c), enquiry.start <= c.date else { continue }
                let days = context.workingDays(from: enquiry.start, to: c.date)
                tally.add(child: c.child, on: c.date, team: c.team, met: days <= 15, RowDetail(
                    c.id, from: ("enquiry started", enquiry.start), to: ("conference", c.date), workingDays: days,
                    reason: "conference held on working day \(days) after the enquiry started\(days <= 15 ? "" : ", over the 15-day limit")"))
            }
        },
        MeasureDefinition(
            id: "CP-05", title: "Children subject to a child protection plan per 10,000",
            definition: "Children on a child protection plan on the period's last day, per 10,000 children aged 0–17. Plans held for another authority are not counted.",
            numerator: "Children with a plan open on the period's last day", denominator: "Children aged 0–17 ÷ 10,000",
            counting: .children, period: .asAtEnd, unit: .ratePer10000, polarity: .neither, source: .cinCensus,
            annexAList: 7
        ) { context, tally in
            context.snapshot.forEachChildOnPlan(at: context.end) { child, plan in
                tally.add(child: child, on: context.end, numerator: 1, denominator: 0,
                          RowDetail(plan.id, from: ("plan started", plan.start), reason: "on a plan on \(context.end.ukString)"))
            }
        },
        MeasureDefinition(
            id: "CP-06", title: "Second or subsequent child protection plans",
            definition: "Child protection plans starting in the period for a child who had been on a plan before, at any time.",
            numerator: "Plans starting in the period for a child with an earlier plan", denominator: "Plans starting in the period",
            counting: .events("plans"), period: .flow, unit: .percentage, polarity: .lowerIsBetter, source: .cinCensus,
            annexAList: 7
        ) { context, tally in
            let snapshot = context.snapshot
            for p in snapshot.protectionPlans.rows where context.period.contains(p.start) {
                let earlier = snapshot.protectionPlans[p.child].filter { $0.start < p.start || ($0.start == p.start && $0.id < p.id) }
                tally.add(child: p.child, on: p.start, met: !earlier.isEmpty, RowDetail(
                    p.id, from: earlier.last.map { ("previous plan started", $0.start) }, to: ("plan started", p.start),
                    reason: earlier.isEmpty ? "first plan" : "plan number \(earlier.count + 1) for this child"))
            }
        },
        MeasureDefinition(
            id: "CP-07", title: "Repeat plans within 2 years of the previous plan ending",
            definition: "Child protection plans starting in the period for a child whose previous plan ended no more than 24 calendar months before.",
            numerator: "Plans starting within 24 months of the end of the child's previous plan", denominator: "Plans starting in the period",
            counting: .events("plans"), period: .flow, unit: .percentage, polarity: .lowerIsBetter, source: .local,
            annexAList: 7, timescale: "24 calendar months"
        ) { context, tally in
            let snapshot = context.snapshot
            for p in snapshot.protectionPlans.rows where context.period.contains(p.start) {
                let previousEnd = snapshot.protectionPlans[p.child].compactMap { $0.start < p.start ? $0.end : nil }.filter { $0 <= p.start }.max()
                let met = previousEnd.map { $0 >= p.start.adding(months: -24) } ?? false
                tally.add(child: p.child, on: p.start, met: met, RowDetail(
                    p.id, from: previousEnd.map { ("previous plan ended", $0) }, to: ("plan started", p.start),
                    days: previousEnd.map { $0.days(to: p.start) },
                    reason: previousEnd.map { met ? "previous plan ended \($0.ukString), within 2 years" : "previous plan ended \($0.ukString), more than 2 years before" } ?? "no earlier plan"))
            }
        },
        MeasureDefinition(
            id: "CP-08", title: "Plans ending that had lasted 2 years or more",
            definition: "Child protection plans ending in the period whose duration was 2 years or more.",
            numerator: "Plans ending in the period that lasted at least 2 years", denominator: "Plans ending in the period",
            counting: .events("plans"), period: .flow, unit: .percentage, polarity: .lowerIsBetter, source: .cinCensus,
            annexAList: 7, timescale: "2 years"
        ) { context, tally in
            for p in context.snapshot.protectionPlans.rows {
                guard let end = p.end, context.period.contains(end) else { continue }
                let met = end >= p.start.adding(years: 2)
                tally.add(child: p.child, on: end, met: met, RowDetail(
                    p.id, from: ("plan started", p.start), to: ("plan ended", end), days: p.start.days(to: end),
                    reason: met ? "plan lasted 2 years or more" : "plan lasted under 2 years"))
            }
        },
        protectionReviewTimeliness(id: "CP-09", title: "Child protection reviews within timescale"),
        MeasureDefinition(
            id: "CP-10", title: "Child protection visits within timescale",
            definition: "Children on a plan on the period's last day whose latest statutory visit (or, before any visit, the plan's start) was no more than the local standard of working days before it (default 10).",
            numerator: "Children seen within the standard", denominator: "Children on a plan on the period's last day",
            counting: .children, period: .asAtEnd, unit: .percentage, polarity: .higherIsBetter, source: .local,
            annexAList: 7, timescale: "local standard, 10 working days by default"
        ) { context, tally in
            let snapshot = context.snapshot, end = context.end, limit = context.standards.protectionVisitWorkingDays
            snapshot.forEachChildOnPlan(at: end) { child, plan in
                let visit = snapshot.protectionVisits[child].last { $0.date <= end && $0.date >= plan.start && $0.seen != false }
                let since = visit?.date ?? plan.start
                let days = context.workingDays(from: since, to: end)
                tally.add(child: child, on: end, met: days <= limit, RowDetail(
                    plan.id, from: (visit == nil ? "plan started" : "last visit", since), to: ("as at", end), workingDays: days,
                    reason: visit == nil ? "no visit since the plan started, \(days) working days ago" : "last seen \(days) working days before \(end.ukString) (standard \(limit))"))
            }
        },
        MeasureDefinition(
            id: "CP-11", title: "Children seen alone at their last child protection visit",
            definition: "Children aged 1 or over on a plan on the period's last day whose latest statutory visit recorded them as seen alone. Babies and children with no visit yet are left out.",
            numerator: "Children seen alone at the latest visit", denominator: "Children aged 1+ on a plan with a visit recorded",
            counting: .children, period: .asAtEnd, unit: .percentage, polarity: .higherIsBetter, source: .local,
            annexAList: 7
        ) { context, tally in
            let snapshot = context.snapshot, end = context.end
            snapshot.forEachChildOnPlan(at: end) { child, plan in
                guard (snapshot.age(of: child, on: end) ?? 0) >= 1,
                      let visit = snapshot.protectionVisits[child].last(where: { $0.date <= end && $0.date >= plan.start }) else { return }
                let alone = visit.seenAlone == true
                tally.add(child: child, on: end, met: alone, RowDetail(
                    plan.id, from: ("last visit", visit.date),
                    reason: alone ? "seen alone on \(visit.date.ukString)" : visit.seenAlone == nil ? "seen-alone not recorded at the last visit" : "not seen alone on \(visit.date.ukString)"))
            }
        },
    ]

    /// First review within 3 months of the plan's start (the initial conference), then each within 6 months of the last.
    static func protectionReviewTimeliness(id: String, title: String) -> MeasureDefinition {
        MeasureDefinition(
            id: id, title: title,
            definition: "Child protection review conferences falling due in the period: the first is due 3 calendar months after the plan started, each later one 6 calendar months after the previous review. A review not held by the period's end, while the plan continued, counts as late.",
            numerator: "Reviews held on or before their due date", denominator: "Reviews due in the period",
            counting: .events("reviews"), period: .flow, unit: .percentage, polarity: .higherIsBetter, source: .cinCensus,
            annexAList: 7, timescale: "3 months, then 6-monthly"
        ) { context, tally in
            let snapshot = context.snapshot
            for plan in snapshot.protectionPlans.rows {
                guard plan.start <= context.end, (plan.end.map { $0 >= context.start } ?? true) else { continue }
                let reviews = snapshot.protectionReviews[plan.child].filter { review in
                    review.date >= plan.start && (review.plan == nil || review.plan == plan.id) && (plan.end.map { review.date <= $0 } ?? true)
                }
                judgeReviewChain(
                    context: context, tally: &tally, child: plan.child, recordID: plan.id, firstDue: plan.start.adding(months: 3),
                    firstRule: "3 months after the plan started", reviews: reviews.map(\.date), stillOpenUntil: plan.end,
                    monthsAfterReview: { _ in 6 })
            }
        }
    }

    /// Walks a chain of reviews and adds a row for each due date falling in the period.
    /// - Parameter monthsAfterReview: months allowed after review `n` (0-based) before the next is due.
    static func judgeReviewChain(
        context: MeasureContext, tally: inout Tally, child: Int32, recordID: String?, firstDue: LocalDate,
        firstRule: String, reviews: [LocalDate], stillOpenUntil: LocalDate?, monthsAfterReview: (Int) -> Int
    ) {
        var due = firstDue
        var rule = firstRule
        for (n, held) in reviews.enumerated() {
            if due > context.end { return }
            if due >= context.start {
                let met = held <= due
                tally.add(child: child, on: due, met: met, RowDetail(
                    recordID, from: ("due", due), to: ("held", held), days: due.days(to: held),
                    reason: met ? "review held \(held.ukString), due \(due.ukString) (\(rule))" : "review held \(held.ukString), \(due.days(to: held)) days after it was due (\(rule))"))
            }
            let months = monthsAfterReview(n)
            due = held.adding(months: months)
            rule = "\(months) months after the review of \(held.ukString)"
        }
        // The next review was due but had not been held: late if the plan or care was still open then.
        let openUntil = min(stillOpenUntil ?? context.end, context.end)
        if due >= context.start && due <= context.end && due < openUntil {
            tally.add(child: child, on: due, met: false, RowDetail(
                recordID, from: ("due", due), reason: "review due \(due.ukString) (\(rule)) not held by \(openUntil.ukString)"))
        }
    }
}

extension CaseSnapshot {
    /// Calls `body` once for each child on a plan on `date`, with the plan open that day.
    func forEachChildOnPlan(at date: LocalDate, _ body: (Int32, PlanRow) -> Void) {
        var lastChild: Int32 = -1
        for plan in protectionPlans.rows where plan.start <= date && (plan.end.map { $0 > date } ?? true) && plan.child != lastChild {
            lastChild = plan.child
            body(plan.child, plan)
        }
    }

    /// The initial conference that followed an enquiry: the one naming it, or else the child's first
    /// conference on or after the enquiry began and before the next enquiry.
    func conference(for enquiry: EnquiryRow) -> ConferenceRow? {
        let conferences = self.conferences[enquiry.child]
        if let linked = conferences.first(where: { $0.enquiry == enquiry.id }) { return linked }
        let next = enquiries[enquiry.child].first { $0.start > enquiry.start }?.start
        return conferences.first { conference in
            conference.enquiry == nil && conference.date >= enquiry.start && (next.map { conference.date < $0 } ?? true)
        }
    }

    /// The enquiry a conference followed: the one it names, or else the child's latest enquiry started on or before it.
    func enquiry(for conference: ConferenceRow) -> EnquiryRow? {
        let enquiries = self.enquiries[conference.child]
        if let id = conference.enquiry, let linked = enquiries.first(where: { $0.id == id }) { return linked }
        return enquiries.last { $0.start <= conference.date }
    }
}
