import OversightCore
import OversightInterchange
import OversightValidation

/// A synthetic CIN census for one collection year, built child by child from the recipe in
/// statutory-returns.md §7: clean children that pass the DfE rules, and with `dirt` a share of children each
/// given one planted fault aimed at a rule (so most rules of the pack fire somewhere).
public struct CINCensusGenerator: Sendable {
    public var year: Int
    public var seed: UInt64
    public var dirt: Bool
    /// Share of children given a planted fault when `dirt` is on.
    public var dirtShare = 0.25
    /// The DfE number of the synthetic authority (Buckinghamshire's, as the rest of the generator uses).
    public var localAuthority = 825

    public init(year: Int, seed: UInt64 = 1, dirt: Bool = false) {
        self.year = year
        self.seed = seed
        self.dirt = dirt
    }

    public var period: CINCensusPeriod { CINCensusPeriod(year: year) }

    public var header: CINCensusHeader {
        CINCensusHeader(
            collection: "CIN", year: String(year), referenceDate: period.referenceDate, sourceLevel: "L", lea: String(localAuthority),
            softwareCode: "Oversight", release: "1", serialNo: "001", dateTime: "\(year)-05-01T09:00:00")
    }

    /// Writes `children` children to `path`, reporting progress every 1,000 children.
    public func write(children: Int, to path: String, progress: (Int) -> Void = { _ in }) throws {
        let writer = try CINCensusWriter(path: path, header: header)
        for index in 0..<children {
            try writer.write(child(index))
            if index % 1_000 == 999 { progress(index + 1) }
        }
        try writer.finish()
        progress(children)
    }

    /// The child at `index`: the same index always gives the same child.
    public func child(_ index: Int) -> CINCensusChild {
        var rng = SeededGenerator(seed: seed, stream: UInt64(index), purpose: .journey)
        var child = cleanChild(index, &rng)
        guard dirt else { return child }
        // A duplicate LA child ID takes a pair of records, decided by the even index of the pair; an odd index
        // drawing it on its own stays clean.
        let pair = index - index % 2
        if var (fault, dirtRNG) = drawnFault(pair), fault == .duplicateID8510 {
            fault.plant(in: &child, index: index, period: period, rng: &dirtRNG)
        } else if var (fault, dirtRNG) = drawnFault(index), fault != .duplicateID8510 {
            fault.plant(in: &child, index: index, period: period, rng: &dirtRNG)
        }
        return child
    }

    /// The fault the dirt draw gives the child at `index`, if any, with the generator to plant it.
    private func drawnFault(_ index: Int) -> (CINPlantedFault, SeededGenerator)? {
        var dirtRNG = SeededGenerator(seed: seed, stream: UInt64(index), purpose: .dirt)
        guard dirtRNG.chance(dirtShare) else { return nil }
        return (CINPlantedFault.allCases[dirtRNG.index(below: CINPlantedFault.allCases.count)], dirtRNG)
    }

    private static let ethnicities = WeightedChoice<String>(
        Ethnicity.allCases.map { ($0.rawValue, $0 == .wbri ? 60.0 : 2.0) })
    private static let sources = ReferralSource.allCases.map(\.rawValue)
    private static let needs = ["N1", "N1", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]
    private static let factors = AssessmentFactor.allCases.map(\.rawValue).filter { !["21", "18A", "19A"].contains($0) }
    private static let disabilities = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"]
    private static let categories = CategoryOfAbuse.allCases.map(\.rawValue)
    private static let calendar = WorkingDayCalendar.englandAndWales

    private func cleanChild(_ index: Int, _ rng: inout SeededGenerator) -> CINCensusChild {
        let period = period
        var child = CINCensusChild(laChildID: "C\(1_000_000 + index)")
        let earliestReferral: LocalDate
        if rng.chance(0.01) {
            child.expectedPersonBirthDate = period.referenceDate.adding(days: rng.int(in: 1...150))
            child.sex = "U"
            earliestReferral = period.referenceDate.adding(days: -150)
        } else {
            let birth = period.referenceDate.adding(days: -rng.int(in: 30...(18 * 365)))
            child.personBirthDate = birth
            child.sex = rng.chance(0.01) ? "U" : (rng.chance(0.5) ? "M" : "F")
            let age = birth.age(on: LocalDate(year: year - 1, month: 8, day: 31)!)
            if age >= 4 || rng.chance(0.3) {
                child.upn = UniquePupilNumber.make(localAuthority: issuingAuthority(&rng), rng: &rng, birthYear: birth.year)
                // A child whose first number was replaced (a duplicate found, say) keeps the old one as FormerUPN.
                if rng.chance(0.03) { child.formerUPN = UniquePupilNumber.make(localAuthority: issuingAuthority(&rng), rng: &rng, birthYear: birth.year) }
            } else {
                child.upnUnknown = "UN2"
            }
            earliestReferral = birth
        }
        child.ethnicity = Self.ethnicities.draw(&rng)
        if rng.chance(0.8) {
            child.disabilities = ["NONE"]
        } else {
            let first = rng.index(below: Self.disabilities.count)
            child.disabilities = [Self.disabilities[first]]
            if rng.chance(0.4) { child.disabilities.append(Self.disabilities[(first + 1 + rng.index(below: 5)) % Self.disabilities.count]) }
        }
        let beforeYear = rng.chance(0.35) && earliestReferral < period.start.adding(days: -30)
        var referral =
            beforeYear
            ? max(earliestReferral, period.start.adding(days: -rng.int(in: 30...400)))
            : max(earliestReferral, period.start).adding(days: rng.int(in: 0...max(0, max(earliestReferral, period.start).days(to: period.referenceDate))))
        let episodeCount = rng.chance(0.15) ? 2 : 1
        for number in 0..<episodeCount {
            guard referral <= period.referenceDate else { break }
            let last = number == episodeCount - 1
            var episode = makeEpisode(referral: referral, mayStayOpen: last, &rng)
            if !last, episode.closureDate == nil { episode = close(episode, &rng) }
            child.episodes.append(episode)
            guard let closed = episode.closureDate else { break }
            referral = closed.adding(days: rng.int(in: 10...100))
        }
        return child
    }

    /// The authority whose school issued a child's UPN: mostly this one, otherwise any on the DfE's list (children
    /// move, and keep the number they were first given), so rule 1530 meets the whole list.
    private func issuingAuthority(_ rng: inout SeededGenerator) -> Int {
        rng.chance(0.85) ? localAuthority : Int(rng.element(of: Self.localAuthorityNumbers))!
    }

    private static let localAuthorityNumbers = LocalAuthorityNumbers.bundled

    private func makeEpisode(referral: LocalDate, mayStayOpen: Bool, _ rng: inout SeededGenerator) -> CINCensusEpisode {
        let period = period
        var episode = CINCensusEpisode(referralDate: referral, referralSource: rng.element(of: Self.sources))
        if period.contains(referral) && rng.chance(0.08) {
            episode.referralNFA = "true"
            episode.primaryNeedCode = "N0"
            episode.closureDate = referral
            episode.reasonForClosure = "RC7"
            return episode
        }
        episode.referralNFA = "false"
        episode.primaryNeedCode = rng.element(of: Self.needs)
        let start = referral.adding(days: rng.int(in: 0...5))
        let authorised = start.adding(days: rng.int(in: 5...40))
        var latest = referral
        if start <= period.referenceDate {
            var assessment = CINCensusAssessment(startDate: start)
            if authorised <= period.referenceDate {
                assessment.authorisationDate = authorised
                var factors: [String] = []
                for _ in 0..<rng.int(in: 1...4) {
                    let factor = rng.element(of: Self.factors)
                    if !factors.contains(factor) { factors.append(factor) }
                }
                assessment.factors = factors
                latest = authorised
            } else {
                latest = period.referenceDate
            }
            let written = assessment.authorisationDate.map(period.contains) ?? period.contains(start)
            if written { episode.assessments.append(assessment) }
        }
        var protectionPlanned = false
        if period.contains(referral) && rng.chance(0.25) {
            let s47Start = referral.adding(days: rng.int(in: 0...10))
            if s47Start <= period.referenceDate {
                var enquiry = CINCensusSection47(startDate: s47Start, initialCPCTarget: Self.calendar.addingWorkingDays(15, to: s47Start))
                var conference = s47Start.adding(days: rng.int(in: 5...14))
                while conference.isWeekend { conference = conference.adding(days: 1) }
                if rng.chance(0.5) && conference <= period.referenceDate {
                    enquiry.dateOfInitialCPC = conference
                    enquiry.icpcNotRequired = "false"
                    latest = max(latest, conference)
                    if rng.chance(0.8) {
                        var plan = CINCensusProtectionPlan(
                            startDate: conference, initialCategoryOfAbuse: rng.element(of: Self.categories),
                            latestCategoryOfAbuse: rng.element(of: Self.categories), numberOfPreviousCPP: String(rng.int(in: 0...2)))
                        var review = conference.adding(months: 3)
                        let end = conference.adding(days: rng.int(in: 100...400))
                        while review < end && review <= period.referenceDate {
                            plan.reviewDates.append(review)
                            review = review.adding(months: 6)
                        }
                        if end <= period.referenceDate { plan.endDate = end }
                        latest = max(latest, plan.endDate ?? period.referenceDate)
                        episode.protectionPlans.append(plan)
                        protectionPlanned = true
                    }
                } else {
                    enquiry.icpcNotRequired = "true"
                    latest = max(latest, s47Start)
                }
                episode.section47s.append(enquiry)
            }
        }
        if !protectionPlanned, let assessment = episode.assessments.first, let authorised = assessment.authorisationDate, rng.chance(0.5) {
            var plan = CINCensusPlan(startDate: authorised)
            let end = authorised.adding(days: rng.int(in: 30...300))
            if end <= period.referenceDate { plan.endDate = end }
            latest = max(latest, plan.endDate ?? period.referenceDate)
            episode.plans.append(plan)
        } else if !protectionPlanned, !period.contains(referral), rng.chance(0.6) {
            // Work that began before the year: a CIN plan still open on 1 April, ending in the year or not at all.
            let started = referral.adding(days: rng.int(in: 10...40))
            var plan = CINCensusPlan(startDate: min(started, period.start.adding(days: -1)))
            let end = period.start.adding(days: rng.int(in: 1...300))
            if end <= period.referenceDate { plan.endDate = end }
            latest = max(latest, plan.endDate ?? period.referenceDate)
            episode.plans.append(plan)
        }
        if !mayStayOpen || rng.chance(0.6) {
            let closure = latest.adding(days: rng.int(in: 1...60))
            if closure <= period.referenceDate && period.contains(closure) && isFinished(episode) {
                episode.closureDate = closure
                episode.reasonForClosure = rng.element(of: ["RC7", "RC7", "RC7", "RC3", "RC4", "RC5", "RC6"])
            }
        }
        return episode
    }

    /// Closed episodes need every assessment authorised, every enquiry concluded and every plan ended.
    private func isFinished(_ episode: CINCensusEpisode) -> Bool {
        episode.assessments.allSatisfy { $0.authorisationDate != nil }
            && episode.section47s.allSatisfy { $0.dateOfInitialCPC != nil || $0.isICPCNotRequired }
            && episode.plans.allSatisfy { $0.endDate != nil } && episode.protectionPlans.allSatisfy { $0.endDate != nil }
    }

    /// An earlier episode that could not be closed cleanly is cut back to its referral, closed as no further action.
    private func close(_ episode: CINCensusEpisode, _ rng: inout SeededGenerator) -> CINCensusEpisode {
        guard let referral = episode.referralDate, period.contains(referral) else {
            var kept = episode
            kept.closureDate = nil
            return kept
        }
        return CINCensusEpisode(
            referralDate: referral, referralSource: episode.referralSource, primaryNeedCode: "N0", closureDate: referral,
            reasonForClosure: "RC7", referralNFA: "true")
    }
}
