import OversightCore

/// Measures of the front door and children in need (kpis.md §3.1; CIN census; Annex A lists 1–4 and 6).
extension MeasureCatalogue {
    static let frontDoor: [MeasureDefinition] = [
        eventRate(
            id: "CIN-01", title: "Referrals per 10,000 children", events: "referrals", numerator: "Referrals with a referral date in the period",
            annexAList: 3, dateLabel: "referral", rows: \.referrals, date: \.date, team: \.team, id: \.id),
        MeasureDefinition(
            id: "CIN-02", title: "Re-referrals within 12 months",
            definition: "Referrals in the period for a child who had another referral in the 12 calendar months before it.",
            numerator: "Referrals in the period with an earlier referral on or after the date 12 calendar months before",
            denominator: "Referrals in the period", counting: .events("referrals"), period: .flow, unit: .percentage,
            polarity: .lowerIsBetter, source: .cinCensus, annexAList: 3, timescale: "12 calendar months"
        ) { context, tally in
            let snapshot = context.snapshot
            for r in snapshot.referrals.rows where context.period.contains(r.date) {
                let window = r.date.adding(months: -12)
                let previous = snapshot.referrals[r.child].last { $0.date < r.date }
                let met = previous.map { $0.date >= window } ?? false
                tally.add(child: r.child, on: r.date, team: r.team, met: met, RowDetail(
                    r.id, from: previous.map { ("previous referral", $0.date) }, to: ("referral", r.date),
                    days: previous.map { $0.date.days(to: r.date) },
                    reason: previous.map {
                        met ? "previous referral on \($0.date.ukString), within 12 months (on or after \(window.ukString))"
                            : "previous referral on \($0.date.ukString), before \(window.ukString): more than 12 months"
                    } ?? "no earlier referral"))
            }
        },
        MeasureDefinition(
            id: "CIN-03", title: "Referrals resulting in no further action",
            definition: "Referrals in the period closed with no further action at the referral stage, before any assessment.",
            numerator: "Referrals in the period flagged no further action", denominator: "Referrals in the period",
            counting: .events("referrals"), period: .flow, unit: .percentage, polarity: .neither, source: .cinCensus,
            annexAList: 3
        ) { context, tally in
            for r in context.snapshot.referrals.rows where context.period.contains(r.date) {
                let met = r.isNoFurtherAction == true
                tally.add(child: r.child, on: r.date, team: r.team, met: met, RowDetail(
                    r.id, from: ("referral", r.date),
                    reason: met ? "referral marked no further action" : r.isNoFurtherAction == nil ? "no-further-action flag not recorded" : "referral went on to assessment or services"))
            }
        },
        MeasureDefinition(
            id: "CIN-04", title: "Referral decisions within 1 working day",
            definition: "Contacts in the period that became referrals, where the referral was recorded within 1 working day of the contact (local standard; Working Together asks for a decision within 1 working day).",
            numerator: "Those whose referral date is at most 1 working day after the contact",
            denominator: "Contacts in the period that led to a referral found for the same child",
            counting: .events("contacts"), period: .flow, unit: .percentage, polarity: .higherIsBetter, source: .local,
            annexAList: 1, timescale: "1 working day"
        ) { context, tally in
            let snapshot = context.snapshot
            let limit = context.standards.referralDecisionWorkingDays
            for c in snapshot.contacts.rows where context.period.contains(c.date) && c.ledToReferral != false {
                guard let referral = snapshot.referrals[c.child].first(where: { $0.date >= c.date }),
                      c.ledToReferral == true || referral.date == c.date else { continue }
                let days = context.workingDays(from: c.date, to: referral.date)
                tally.add(child: c.child, on: c.date, team: referral.team, met: days <= limit, RowDetail(
                    referral.id, from: ("contact", c.date), to: ("referral", referral.date), workingDays: days,
                    reason: "referral recorded on working day \(days) after the contact (standard \(limit))"))
            }
        },
        MeasureDefinition(
            id: "CIN-05", title: "Contacts converting to referral",
            definition: "Contacts in the period that became a referral (the contact's new-referral flag, or a referral for the child on the same day).",
            numerator: "Contacts in the period that led to a referral", denominator: "Contacts in the period",
            counting: .events("contacts"), period: .flow, unit: .percentage, polarity: .neither, source: .local,
            annexAList: 1
        ) { context, tally in
            let snapshot = context.snapshot
            for c in snapshot.contacts.rows where context.period.contains(c.date) {
                let met = c.ledToReferral ?? snapshot.referrals[c.child].contains { $0.date == c.date }
                tally.add(child: c.child, on: c.date, met: met, RowDetail(
                    from: ("contact", c.date), reason: met ? "contact became a referral" : "contact did not become a referral"))
            }
        },
        assessmentTimeliness(
            id: "CIN-06", title: "Assessments completed within 45 working days",
            definition: "Child and family assessments authorised in the period whose duration from assessment start to authorisation is at most 45 working days (DfE's published measure, CIN table C2).",
            fromReferral: false),
        assessmentTimeliness(
            id: "CIN-06b", title: "Assessments completed within 45 working days of referral",
            definition: "Child and family assessments authorised in the period completed within 45 working days of the point of referral (the Working Together standard).",
            fromReferral: true),
        MeasureDefinition(
            id: "CIN-07", title: "Referrals assessed as not in need",
            definition: "Referrals in the period whose episode closed after assessment with no further action (RC8) or with a referral to early help (RC9).",
            numerator: "Referrals in the period closed with reason RC8 or RC9", denominator: "Referrals in the period",
            counting: .events("referrals"), period: .flow, unit: .percentage, polarity: .neither, source: .cinCensus,
            annexAList: 4
        ) { context, tally in
            for r in context.snapshot.referrals.rows where context.period.contains(r.date) {
                let met = r.closureReason == .rc8 || r.closureReason == .rc9
                tally.add(child: r.child, on: r.date, team: r.team, met: met, RowDetail(
                    r.id, from: ("referral", r.date), to: r.closure.map { ("closed", $0) },
                    reason: r.closureReason.map { "closed \($0.rawValue): \($0.label)" } ?? "not closed"))
            }
        },
        MeasureDefinition(
            id: "CIN-08", title: "Children in need per 10,000",
            definition: "Children with a child in need episode open on the last day of the period (including those on CP plans, looked after and unborn), per 10,000 children aged 0–17.",
            numerator: "Children with an open referral (CIN episode) on the period's last day",
            denominator: "Children aged 0–17 ÷ 10,000", counting: .children, period: .asAtEnd, unit: .ratePer10000,
            polarity: .neither, source: .cinCensus, annexAList: 6
        ) { context, tally in
            let snapshot = context.snapshot, end = context.end
            for child in 0..<Int32(snapshot.children.count) {
                guard let open = snapshot.referrals[child].last(where: { $0.date <= end && ($0.closure.map { $0 > end } ?? true) }) else { continue }
                tally.add(child: child, on: end, team: open.team, numerator: 1, denominator: 0, RowDetail(
                    open.id, from: ("referral", open.date), reason: "episode open on \(end.ukString)"))
            }
        },
    ]

    /// Events dated in the period per 10,000 children aged 0–17, annualised for part-years (CIN census flows).
    static func eventRate<Row: ChildDatedRow>(
        id: String, title: String, events: String, numerator: String, annexAList: Int, dateLabel: String,
        rows: KeyPath<CaseSnapshot, CaseSnapshot.ByChild<Row>> & Sendable, date: KeyPath<Row, LocalDate> & Sendable,
        team: KeyPath<Row, Int32> & Sendable, id recordID: KeyPath<Row, String> & Sendable
    ) -> MeasureDefinition {
        MeasureDefinition(
            id: id, title: title,
            definition: "\(events.prefix(1).uppercased() + events.dropFirst()) in the period per 10,000 children aged 0–17; part-years are annualised.",
            numerator: numerator, denominator: "Children aged 0–17 ÷ 10,000", counting: .events(events), period: .flow,
            unit: .ratePer10000, polarity: .neither, source: .cinCensus, annexAList: annexAList
        ) { context, tally in
            for row in context.snapshot[keyPath: rows].rows where context.period.contains(row[keyPath: date]) {
                tally.add(child: row.child, on: row[keyPath: date], team: row[keyPath: team], numerator: 1, denominator: 0,
                          RowDetail(row[keyPath: recordID], from: (dateLabel, row[keyPath: date]), reason: "\(dateLabel) in the period"))
            }
        }
    }

    static func assessmentTimeliness(id: String, title: String, definition: String, fromReferral: Bool) -> MeasureDefinition {
        MeasureDefinition(
            id: id, title: title, definition: definition,
            numerator: fromReferral ? "Assessments authorised within 45 working days of the referral"
                : "Assessments authorised at most 45 working days after they started",
            denominator: "Assessments authorised in the period (open assessments are not counted)",
            counting: .events("assessments"), period: .flow, unit: .percentage, polarity: .higherIsBetter,
            source: fromReferral ? .local : .cinCensus, annexAList: 4, timescale: "45 working days"
        ) { context, tally in
            let snapshot = context.snapshot
            for a in snapshot.assessments.rows {
                guard let authorised = a.authorised, context.period.contains(authorised) else { continue }
                var fromLabel = "assessment start", from = a.start
                if fromReferral {
                    let referrals = snapshot.referrals[a.child]
                    guard let referral = referrals.first(where: { $0.id == a.referral }) ?? referrals.last(where: { $0.date <= a.start }) else {
                        continue
                    }
                    fromLabel = "referral"
                    from = referral.date
                }
                // Authorisation before the start is a recording error, not a 0-day assessment (DfE drops it).
                guard authorised >= from else { continue }
                let days = context.workingDays(from: from, to: authorised)
                tally.add(child: a.child, on: authorised, team: a.team, met: days <= 45, RowDetail(
                    a.id, from: (fromLabel, from), to: ("authorised", authorised), workingDays: days,
                    reason: "assessment authorised on working day \(days) after \(fromLabel == "referral" ? "referral" : "its start")\(days <= 45 ? "" : ", over the 45-day limit")"))
            }
        }
    }
}
