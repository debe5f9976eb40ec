import OversightCore

extension JourneyBuilder {
    /// What happens when a child protection plan ends.
    enum AfterProtectionPlan { case lookedAfter, stepDownToChildInNeed, close }

    /// One referral from the contact that started it to its closure (or the extract date), with the
    /// assessment, any section 47 enquiry, conference, plans and period of care inside it.
    ///
    /// - Parameter careEntry: for a child known to have started care on that date (the pre-window
    ///   stream), the referral leads to care then whatever the assessment finds.
    /// - Returns: the referral's index in `child.referrals`.
    mutating func referral(on date: LocalDate, careEntry: LocalDate?) -> Int {
        let index = child.referrals.count
        let source = Distributions.referralSource.draw(&rng)
        child.referrals.append(
            SimulatedChild.Referral(
                id: numbers.take(.referral), date: date, source: source, need: .n0, isNFA: false, close: nil,
                closeReason: nil, team: 0, worker: 0))
        let contactDate = date.adding(days: rng.chance(0.75) ? 0 : -rng.int(in: 1...3))

        // About 7% of referrals end in no further action at the front door (CIN-03).
        if careEntry == nil && rng.chance(profile.referralNFA) {
            child.referrals[index].isNFA = true
            child.referrals[index].close = rng.chance(0.6) ? date : addingWorkingDays(rng.int(in: 1...3), to: date)
            child.referrals[index].closeReason = .rc8
            addContact(on: contactDate, outcome: .newReferral, source: source)
            allocateCaseWorkers(referral: index, phases: [(date, .frontDoor)])
            return index
        }

        child.referrals[index].need = needCode(on: date)
        var phases: [(LocalDate, TeamFunction)] = [(date, .assessment)]

        // Section 47 and conference (CP-02: about 40% of enquiries reach an ICPC within 15 working days).
        var conferenceDate: LocalDate?
        var becomesPlan = false
        let hasEnquiry = rng.chance(careEntry == nil ? profile.section47 : 0.5)
        if hasEnquiry {
            let start = addingWorkingDays(rng.chance(0.6) ? 0 : rng.int(in: 1...2), to: date)
            var enquiryDays = rng.int(in: 4...15)
            let conference = careEntry == nil && rng.chance(profile.conferenceAfterSection47)
            if conference {
                let conferenceDays = rng.chance(0.8) ? rng.int(in: 6...15) : rng.int(in: 16...28)
                let held = addingWorkingDays(conferenceDays, to: start)
                enquiryDays = min(enquiryDays, conferenceDays)
                conferenceDate = held
                becomesPlan = rng.chance(profile.planAfterConference)
                child.referrals[index].conferences.append(
                    SimulatedChild.InitialConference(
                        id: numbers.take(.conference), meetingID: numbers.take(.meeting),
                        enquiry: child.referrals[index].enquiries.count, date: held,
                        target: addingWorkingDays(15, to: start), plan: nil, team: 0, worker: 0))
            }
            child.referrals[index].enquiries.append(
                SimulatedChild.Section47Enquiry(
                    id: numbers.take(.enquiry), start: start, end: addingWorkingDays(enquiryDays, to: start),
                    conferenceNeeded: conference, team: 0, worker: 0))
        }
        addContact(on: contactDate, outcome: hasEnquiry ? .cpEnquiry : .newReferral, source: source)

        // Single assessment: most inside 45 working days (CIN-06, 86% nationally), a tail late.
        let assessmentStart = addingWorkingDays(rng.chance(0.45) ? 0 : rng.int(in: 1...4), to: date)
        let workingDays: Int
        if hasEnquiry {
            workingDays = rng.int(in: 10...42)
        } else if rng.chance(profile.assessmentLate) {
            workingDays = rng.int(in: 46...85)
        } else {
            workingDays = rng.int(in: 8...30) + rng.int(in: 0...15)
        }
        let authorised = addingWorkingDays(workingDays, to: assessmentStart)
        let assessmentNFA = !becomesPlan && conferenceDate == nil && careEntry == nil && rng.chance(profile.assessmentNFA)
        var route = rng.unit()
        let requestsCare = careEntry == nil && !assessmentNFA && !becomesPlan && route < profile.careDirectlyAfterAssessment
        if requestsCare { route = 1 }
        child.referrals[index].requestedCare = requestsCare || careEntry != nil
        child.referrals[index].assessments.append(
            SimulatedChild.Assessment(
                id: numbers.take(.assessment), factorRowID: numbers.take(.factorRow), start: assessmentStart,
                authorised: authorised, childSeen: rng.chance(0.94), isNFA: assessmentNFA,
                factors: assessmentFactors(nfa: assessmentNFA), team: 0, worker: 0,
                leadsToServices: !assessmentNFA, requestsCare: requestsCare))

        if let careEntry {
            let entry = max(careEntry, date)
            phases.append((entry, .childrenInCare))
            let ended = periodOfCare(entry: entry, referral: index)
            closeAfterCare(referral: index, ended: ended, phases: &phases)
        } else if becomesPlan, let start = conferenceDate {
            phases.append((start, .childProtection))
            let (end, next) = protectionPlan(referral: index, conference: 0, start: start)
            switch next {
            case .lookedAfter:
                phases.append((end, .childrenInCare))
                let ended = periodOfCare(entry: end, referral: index)
                closeAfterCare(referral: index, ended: ended, phases: &phases)
            case .stepDownToChildInNeed:
                phases.append((end, .childInNeed))
                let planEnd = childInNeedPlan(referral: index, start: end)
                afterChildInNeedPlan(referral: index, planEnd: planEnd, phases: &phases)
            case .close:
                close(referral: index, on: end.adding(days: rng.int(in: 0...30)), reason: .rc7)
            }
        } else if assessmentNFA {
            let closed = addingWorkingDays(rng.int(in: 0...3), to: authorised)
            let toEarlyHelp = rng.chance(0.25)
            close(referral: index, on: closed, reason: toEarlyHelp ? .rc9 : .rc8)
            if toEarlyHelp {
                let start = closed.adding(days: rng.int(in: 1...14))
                addEarlyHelp(from: start, to: start.adding(days: rng.int(in: 60...300)), endReason: nil)
            }
        } else if requestsCare {
            let entry = randomDay(between: assessmentStart, and: authorised)
            phases.append((entry, .childrenInCare))
            let ended = periodOfCare(entry: entry, referral: index)
            closeAfterCare(referral: index, ended: ended, phases: &phases)
        } else if route < profile.careDirectlyAfterAssessment + profile.cinPlanAfterAssessment {
            let start = authorised.adding(days: rng.int(in: 0...10))
            phases.append((start, .childInNeed))
            let planEnd = childInNeedPlan(referral: index, start: start)
            afterChildInNeedPlan(referral: index, planEnd: planEnd, phases: &phases)
        } else {
            // Services without a plan, then closed as no longer in need.
            close(referral: index, on: authorised.adding(days: rng.int(in: 20...150)), reason: .rc7)
        }

        addFollowUpContacts(referral: index)
        allocateCaseWorkers(referral: index, phases: phases)
        return index
    }

    /// A referral before birth: assessed, then closed or supported until the expected date. The CMS
    /// keeps the estimated date as `pers_expected_dob` and no date of birth.
    mutating func prebirthReferral(on date: LocalDate, expected: LocalDate) {
        let index = child.referrals.count
        let source: ReferralSource = rng.chance(0.6) ? .otherHealth : Distributions.referralSource.draw(&rng)
        child.referrals.append(
            SimulatedChild.Referral(
                id: numbers.take(.referral), date: date, source: source, need: .n1, isNFA: false, close: nil,
                closeReason: nil, team: 0, worker: 0))
        addContact(on: date, outcome: .newReferral, source: source)
        if rng.chance(0.2) {
            child.referrals[index].isNFA = true
            child.referrals[index].need = .n0
            close(referral: index, on: date, reason: .rc8)
            allocateCaseWorkers(referral: index, phases: [(date, .frontDoor)])
            return
        }
        let start = addingWorkingDays(rng.int(in: 0...3), to: date)
        let authorised = addingWorkingDays(rng.int(in: 15...40), to: start)
        let nfa = rng.chance(0.5)
        child.referrals[index].assessments.append(
            SimulatedChild.Assessment(
                id: numbers.take(.assessment), factorRowID: numbers.take(.factorRow), start: start,
                authorised: authorised, childSeen: false, isNFA: nfa, factors: assessmentFactors(nfa: nfa), team: 0,
                worker: 0, leadsToServices: !nfa, requestsCare: false))
        if nfa {
            close(referral: index, on: authorised, reason: .rc8)
        } else {
            close(referral: index, on: max(authorised, expected.adding(days: -rng.int(in: 0...10))), reason: .rc7)
        }
        allocateCaseWorkers(referral: index, phases: [(date, .assessment)])
    }

    mutating func close(referral index: Int, on date: LocalDate, reason: ClosureReason) {
        child.referrals[index].close = date
        child.referrals[index].closeReason = reason
    }

    /// Closes a referral after a period of care, with the closure reason that follows from how care ended.
    mutating func closeAfterCare(
        referral index: Int, ended: (date: LocalDate, reason: ReasonEpisodeCeased)?,
        phases: inout [(LocalDate, TeamFunction)]
    ) {
        guard let ended else { return }
        switch ended.reason {
        case .e11, .e12: close(referral: index, on: ended.date, reason: .rc1)
        case .e45, .e46, .e47, .e48: close(referral: index, on: ended.date.adding(days: rng.int(in: 0...14)), reason: .rc4)
        case .e41: close(referral: index, on: ended.date.adding(days: rng.int(in: 0...14)), reason: .rc3)
        case .e3: close(referral: index, on: ended.date, reason: .rc5)
        case .e7: close(referral: index, on: ended.date, reason: .rc6)
        case .e17, .e5, .e6, .e8, .e15, .e16, .e2:
            close(referral: index, on: ended.date, reason: rng.chance(0.25) ? .rc6 : .rc7)
        case .e4A, .e4B, .e13:
            if rng.chance(0.4), age(on: ended.date) < 17 {
                phases.append((ended.date, .childInNeed))
                let planEnd = childInNeedPlan(referral: index, start: ended.date)
                close(referral: index, on: planEnd.adding(days: rng.int(in: 0...21)), reason: .rc7)
            } else {
                close(referral: index, on: ended.date.adding(days: rng.int(in: 0...30)), reason: .rc7)
            }
        case .x1, .e9, .e14:
            close(referral: index, on: ended.date.adding(days: rng.int(in: 0...30)), reason: .rc7)
        }
    }

    mutating func afterChildInNeedPlan(referral index: Int, planEnd: LocalDate, phases: inout [(LocalDate, TeamFunction)]) {
        if rng.chance(profile.careAfterChildInNeedPlan) && age(on: planEnd) < 17 {
            phases.append((planEnd, .childrenInCare))
            child.referrals[index].requestedCare = true
            let ended = periodOfCare(entry: planEnd, referral: index)
            closeAfterCare(referral: index, ended: ended, phases: &phases)
        } else {
            close(referral: index, on: min(planEnd.adding(days: rng.int(in: 0...21)), adulthood ?? planEnd), reason: .rc7)
        }
    }

    /// The child's 18th birthday, when children's services (other than care leaving) stop.
    var adulthood: LocalDate? { child.dateOfBirth?.adding(years: 18) }

    mutating func needCode(on date: LocalDate) -> CategoryOfNeed {
        let need = Distributions.categoryOfNeed.draw(&rng)
        // Socially unacceptable behaviour is a teenage category; disability spans all ages.
        if need == .n6 && age(on: date) < 10 { return .n1 }
        return need
    }

    mutating func assessmentFactors(nfa: Bool) -> [AssessmentFactor] {
        if nfa && rng.chance(0.5) { return [.f21] }
        let count = nfa ? 1 : rng.int(in: 1...4)
        var factors: [AssessmentFactor] = []
        for _ in 0..<count {
            let factor = Distributions.assessmentFactor.draw(&rng)
            if !factors.contains(factor) { factors.append(factor) }
        }
        return factors
    }

    /// Contacts while a referral is open (about an existing case) or shortly before it.
    mutating func addFollowUpContacts(referral index: Int) {
        let referral = child.referrals[index]
        let count = rng.poisson(mean: profile.extraContactsPerReferral)
        for _ in 0..<count {
            if rng.chance(0.6) {
                let last = min(referral.close ?? extractDate, referral.date.adding(days: 365), extractDate)
                guard last > referral.date else { continue }
                addContact(on: randomDay(between: referral.date.adding(days: 1), and: last), outcome: .existingReferral)
            } else {
                let day = referral.date.adding(days: -rng.int(in: 14...180))
                guard let birth = child.dateOfBirth, day > birth else { continue }
                addContact(on: day, outcome: rng.chance(0.5) ? .advice : .nfa)
            }
        }
    }

    // MARK: Plans

    /// A child protection plan from its initial conference, with 3- then 6-monthly reviews
    /// (Working Together) and visits roughly every four weeks.
    ///
    /// Most plans end at a review conference. The review at which the plan ends is drawn so that
    /// durations match national ones (CP-08: about 4% last two years or more; mean about ten months),
    /// which with about 580 plans a year keeps roughly 450 children on plans in `small`.
    mutating func protectionPlan(referral index: Int, conference: Int, start: LocalDate) -> (LocalDate, AfterProtectionPlan) {
        let v = rng.unit()
        var next: AfterProtectionPlan =
            v < profile.careAfterProtectionPlan
            ? .lookedAfter : v < profile.careAfterProtectionPlan + profile.stepDownAfterProtectionPlan ? .stepDownToChildInNeed : .close
        let u = rng.unit()
        let endingReview = u < 0.26 ? 1 : u < 0.60 ? 2 : u < 0.83 ? 3 : u < 0.955 ? 4 : 5
        // Plans that end between reviews: the child comes into care, or the family moves away.
        var offReview: LocalDate? = nil
        if next == .lookedAfter || rng.chance(0.08) { offReview = start.adding(days: rng.int(in: 30...480)) }
        if let adulthood, (offReview ?? start.adding(days: 30 + 180 * endingReview)) >= adulthood {
            offReview = max(start, adulthood.adding(days: -1))
            next = .close
        }
        let initial = Distributions.categoryOfAbuse.draw(&rng)
        let latest = rng.chance(0.9) ? initial : Distributions.categoryOfAbuse.draw(&rng)
        var plan = SimulatedChild.ChildProtectionPlan(
            id: numbers.take(.cpPlan), conference: conference, start: start, end: nil, initialCategory: initial,
            latestCategory: latest)

        var end = offReview ?? start
        var due = start.adding(months: 3)
        var held = 0
        while due <= extractDate.adding(days: 30) {
            var date = workingDay(onOrAfter: due.adding(days: -rng.int(in: 0...10)))
            if rng.chance(0.06) { date = addingWorkingDays(rng.int(in: 1...15), to: due) }
            if date <= start { date = addingWorkingDays(1, to: start) }
            if let offReview, date >= offReview { break }
            held += 1
            let finalReview = offReview == nil && held == endingReview
            plan.reviews.append(
                SimulatedChild.ChildProtectionReview(
                    id: numbers.take(.cpReview), meetingID: numbers.take(.meeting), due: due, date: date,
                    continuePlan: !finalReview, participation: participation(on: date)))
            if offReview == nil { end = date }
            if finalReview { break }
            due = date.adding(months: 6)
        }
        if offReview == nil && held < endingReview {
            // Still running at the extract date: the plan continues past it.
            end = extractDate.adding(days: 1)
        }
        plan.end = end
        plan.visits = visits(from: addingWorkingDays(rng.int(in: 1...10), to: start), until: end, every: 20...34)
        for visit in plan.visits where rng.chance(0.1) { plan.unlinkedVisits.insert(visit.id) }
        child.referrals[index].conferences[conference].plan = child.referrals[index].cpPlans.count
        child.referrals[index].cpPlans.append(plan)
        return (end, next)
    }

    /// A child in need plan, reviewed informally and visited about every six weeks.
    mutating func childInNeedPlan(referral index: Int, start: LocalDate) -> LocalDate {
        var end = start.adding(days: 60 + Int(rng.exponential(mean: 360)))
        end = min(end, start.adding(days: 1_200))
        if let adulthood, end >= adulthood { end = max(start, adulthood.adding(days: -1)) }
        var plan = SimulatedChild.ChildInNeedPlan(id: numbers.take(.cinPlan), start: start, end: end, team: 0, worker: 0)
        plan.visits = visits(from: addingWorkingDays(rng.int(in: 1...10), to: start), until: end, every: 35...49)
        child.referrals[index].cinPlans.append(plan)
        return end
    }

    /// Statutory visits from `first` at roughly the given interval, with an occasional late one.
    mutating func visits(from first: LocalDate, until end: LocalDate, every interval: ClosedRange<Int>) -> [SimulatedChild.Visit] {
        var result: [SimulatedChild.Visit] = []
        var day = first
        let last = min(end, extractDate)
        while day <= last {
            // Statutory visits are mostly made on working days; a few fall at weekends.
            if !simulator.calendar.isWorkingDay(day) && rng.chance(0.85) { day = workingDay(onOrAfter: day) }
            guard day <= last else { break }
            let visitAge = age(on: day)
            result.append(
                SimulatedChild.Visit(
                    id: numbers.take(.visit), date: day, seen: rng.chance(0.95),
                    seenAlone: visitAge >= 5 ? rng.chance(0.65) : rng.chance(0.04), bedroomSeen: rng.chance(0.7)))
            let gap = rng.chance(0.1) ? rng.int(in: interval.upperBound...(interval.upperBound * 2)) : rng.int(in: interval)
            day = day.adding(days: gap)
        }
        return result
    }

    mutating func participation(on date: LocalDate) -> ReviewParticipation {
        age(on: date) < 4 ? .pn0 : Distributions.reviewParticipation.draw(&rng)
    }
}
