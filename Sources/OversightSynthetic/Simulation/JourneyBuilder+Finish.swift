import OversightCore

extension JourneyBuilder {
    /// Completes the child after the simulation: care-leaver status and personal advisers, which depend
    /// on every period of care, then everything cut at the extract date.
    mutating func finish() {
        addMissingWhileChildInNeed()
        addCareLeaving()
        truncate()
    }

    /// SystemC exports every missing episode for the cohort, not only those of looked-after children.
    private mutating func addMissingWhileChildInNeed() {
        guard let birth = child.dateOfBirth, child.periods.isEmpty else { return }
        let thirteen = birth.adding(years: 13)
        for referral in child.referrals where !referral.isNFA {
            let end = min(referral.close ?? extractDate, extractDate, birth.adding(years: 18))
            let start = max(referral.date, thirteen)
            if start < end && rng.chance(0.04) { addMissingEpisode(on: randomDay(between: start, and: end)) }
        }
    }

    /// Care leavers (Children (Leaving Care) Act 2000): looked after for 13 weeks since age 14, including
    /// after 16. They get a personal adviser (`16PLUS`) from 16 to 21, and a row in `ssd_care_leavers`
    /// while aged 17 to 21 at the extract date.
    private mutating func addCareLeaving() {
        guard let birth = child.dateOfBirth, let lastPeriod = child.periods.last else { return }
        let fourteen = birth.adding(years: 14)
        let sixteen = birth.adding(years: 16)
        let twentyOne = birth.adding(years: 21)
        var daysSinceFourteen = 0
        var afterSixteen = false
        for period in child.periods {
            let end = min(period.end ?? extractDate, extractDate)
            let from = max(period.entered, fourteen)
            if from < end { daysSinceFourteen += from.days(to: end) }
            if end > sixteen && period.entered <= extractDate { afterSixteen = true }
        }
        guard daysSinceFourteen >= 91, afterSixteen else { return }
        if let reason = lastPeriod.episodes.last?.reasonCeased, lastPeriod.end.map({ $0 <= extractDate }) ?? false,
            reason.isAdoption || reason.isSpecialGuardianship || reason == .e41 || reason == .e3
        {
            return
        }
        let covering = child.periods.last { ($0.end ?? extractDate) > sixteen } ?? lastPeriod
        let eligibleFrom = max(sixteen, covering.entered.adding(days: 91)).adding(days: rng.int(in: 0...30))
        let team = workforce.team(for: .careLeavers, locality: child.locality)
        let referral = covering.referral
        if eligibleFrom <= extractDate && eligibleFrom < twentyOne {
            var from = eligibleFrom
            var reason: WorkerChangeReason?
            while true {
                var until: LocalDate? = twentyOne
                if rng.chance(0.2) {
                    let change = from.adding(days: rng.int(in: 120...900))
                    if change < twentyOne && change <= extractDate { until = change }
                }
                child.involvements.append(
                    SimulatedChild.Involvement(
                        id: numbers.take(.involvement), worker: workforce.worker(in: team, rng: &rng), team: team,
                        role: .personalAdviser, start: from, end: until, changeReason: reason, referral: referral))
                guard let next = until, next < twentyOne else { break }
                from = next
                reason = rng.chance(0.5) ? .previousWorkerLeft : .managingCaseloads
            }
        }

        let ageAtExtract = birth.age(on: extractDate)
        guard (17...21).contains(ageAtExtract) else { return }
        let stillInCare = lastPeriod.end.map { $0 > extractDate } ?? true
        let eligibility: String
        if stillInCare {
            eligibility = "Eligible"
        } else if let left = lastPeriod.end, birth.age(on: left) < 18, ageAtExtract < 18 {
            eligibility = "Relevant"
        } else {
            eligibility = "Former relevant"
        }
        let inTouch: CareLeaverContact = stillInCare ? .yes : Distributions.careLeaverContact.draw(&rng)
        let latestContact = inTouch.isInTouch ? extractDate.adding(days: -rng.int(in: 0...90)) : nil
        var status = SimulatedChild.CareLeaverStatus(
            id: numbers.take(.careLeaver), eligibility: eligibility, inTouch: inTouch, latestContact: latestContact)
        if !stillInCare && inTouch != .died {
            let accommodation = Distributions.careLeaverAccommodation.draw(&rng)
            status.accommodation = accommodation
            let doubtful: [CareLeaverAccommodation] = [.s, .x, .w, .v, .r]
            status.suitable = doubtful.contains(accommodation) ? rng.chance(0.15) : rng.chance(0.92)
            status.activity = Distributions.careLeaverActivity.draw(&rng)
        }
        status.pathwayPlanReview = rng.chance(0.95) ? extractDate.adding(days: -rng.int(in: 0...200)) : nil
        let personalAdvisers = child.involvements.filter { $0.role == .personalAdviser && $0.start <= extractDate }
        status.personalAdviser = personalAdvisers.last?.worker
        let caseWorkers = child.involvements.filter { $0.role == .caseWorker && $0.start <= extractDate }
        status.caseWorker = caseWorkers.last?.worker
        status.caseWorkerTeam = caseWorkers.last?.team
        child.careLeaver = status
    }

    /// Drops everything after the extract date and reopens anything that ends after it.
    private mutating func truncate() {
        let cut = extractDate
        child.contacts.removeAll { $0.date > cut }
        child.earlyHelp.removeAll { $0.start > cut }
        for index in child.earlyHelp.indices where (child.earlyHelp[index].end ?? cut) > cut {
            child.earlyHelp[index].end = nil
            child.earlyHelp[index].endReason = nil
        }
        child.referrals.removeAll { $0.date > cut }
        for r in child.referrals.indices {
            if let close = child.referrals[r].close, close > cut {
                child.referrals[r].close = nil
                child.referrals[r].closeReason = nil
            }
            child.referrals[r].assessments.removeAll { $0.start > cut }
            for a in child.referrals[r].assessments.indices where (child.referrals[r].assessments[a].authorised ?? cut) > cut {
                child.referrals[r].assessments[a].authorised = nil
            }
            child.referrals[r].enquiries.removeAll { $0.start > cut }
            for e in child.referrals[r].enquiries.indices where (child.referrals[r].enquiries[e].end ?? cut) > cut {
                child.referrals[r].enquiries[e].end = nil
            }
            child.referrals[r].conferences.removeAll { $0.date > cut }
            child.referrals[r].cpPlans.removeAll { $0.start > cut }
            for p in child.referrals[r].cpPlans.indices {
                child.referrals[r].cpPlans[p].reviews.removeAll { $0.date > cut }
                child.referrals[r].cpPlans[p].visits.removeAll { $0.date > cut }
                if (child.referrals[r].cpPlans[p].end ?? cut) > cut { child.referrals[r].cpPlans[p].end = nil }
            }
            for c in child.referrals[r].conferences.indices {
                if let plan = child.referrals[r].conferences[c].plan, plan >= child.referrals[r].cpPlans.count {
                    child.referrals[r].conferences[c].plan = nil
                }
            }
            child.referrals[r].cinPlans.removeAll { $0.start > cut }
            for p in child.referrals[r].cinPlans.indices {
                child.referrals[r].cinPlans[p].visits.removeAll { $0.date > cut }
                if (child.referrals[r].cinPlans[p].end ?? cut) > cut { child.referrals[r].cinPlans[p].end = nil }
            }
        }
        child.periods.removeAll { $0.entered > cut }
        for p in child.periods.indices {
            child.periods[p].episodes.removeAll { $0.start > cut }
            if let last = child.periods[p].episodes.indices.last, (child.periods[p].episodes[last].ceased ?? cut) > cut {
                child.periods[p].episodes[last].ceased = nil
                child.periods[p].episodes[last].reasonCeased = nil
            }
            child.periods[p].placements.removeAll { $0.start > cut }
            for q in child.periods[p].placements.indices where (child.periods[p].placements[q].end ?? cut) > cut {
                child.periods[p].placements[q].end = nil
                child.periods[p].placements[q].changeReason = nil
            }
            child.periods[p].legalStatuses.removeAll { $0.start > cut }
            for q in child.periods[p].legalStatuses.indices where (child.periods[p].legalStatuses[q].end ?? cut) > cut {
                child.periods[p].legalStatuses[q].end = nil
            }
            child.periods[p].reviews.removeAll { $0.date > cut }
            child.periods[p].visits.removeAll { $0.date > cut }
        }
        child.missing.removeAll { $0.start > cut }
        for m in child.missing.indices where (child.missing[m].end ?? cut) > cut { child.missing[m].end = nil }
        child.involvements.removeAll { $0.start > cut }
        for i in child.involvements.indices where (child.involvements[i].end ?? cut) > cut {
            child.involvements[i].end = nil
        }
    }
}
