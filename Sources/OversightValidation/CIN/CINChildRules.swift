import OversightCore
import OversightInterchange

/// What a child-level rule sees besides the child: the census period and the working-day calendar.
struct CINRuleContext: Sendable {
    var period: CINCensusPeriod
    var calendar: WorkingDayCalendar

    func inYear(_ date: LocalDate) -> Bool { period.contains(date) }
}

/// A child-level rule: how many of the child's records fail it (0 when the child passes).
typealias CINChildCheck = @Sendable (CINCensusChild, CINRuleContext) -> Int

private let validSex: Set<String> = ["M", "F", "U"]
private let validDisabilities: Set<String> = ["NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"]
private let validCategories: Set<String> = Set(CategoryOfAbuse.allCases.map(\.rawValue))
private let validSources: Set<String> = Set(ReferralSource.allCases.map(\.rawValue))
private let validNeeds: Set<String> = Set(CategoryOfNeed.allCases.map(\.rawValue))
private let validClosureReasons: Set<String> = Set(ClosureReason.allCases.map(\.rawValue))
private let validEthnicities: Set<String> = Set(Ethnicity.allCases.map(\.rawValue))
private let closedAfterAssessment: Set<String> = ["RC8", "RC9"]
/// The letters a UPN uses for check and temporary characters: A–Z without I, O and S.
let upnLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

extension Sequence {
    /// How many elements satisfy `predicate`.
    func count(where predicate: (Element) -> Bool) -> Int { reduce(0) { predicate($1) ? $0 + 1 : $0 } }
}

extension CINCensusChild {
    /// Unborn in the census sense: an expected date of birth and no date of birth.
    var isUnborn: Bool { personBirthDate == nil && expectedPersonBirthDate != nil }
    var section47s: [CINCensusSection47] { episodes.flatMap(\.section47s) }
    var plans: [CINCensusPlan] { episodes.flatMap(\.plans) }
    var protectionPlans: [CINCensusProtectionPlan] { episodes.flatMap(\.protectionPlans) }
}

extension CINCensusEpisode {
    /// Every initial child protection conference date in the episode, at CIN and at section 47 level.
    var conferenceDates: [LocalDate] { ([dateOfInitialCPC] + section47s.map(\.dateOfInitialCPC)).compactMap { $0 } }

    /// Every dated piece of work in the episode: what "activity" means to rules 8565 and 2990.
    var activityDates: [LocalDate] {
        var dates: [LocalDate?] = [dateOfInitialCPC]
        for assessment in assessments { dates += [assessment.startDate, assessment.authorisationDate] }
        for plan in plans { dates += [plan.startDate, plan.endDate] }
        for enquiry in section47s { dates += [enquiry.startDate, enquiry.dateOfInitialCPC] }
        for plan in protectionPlans { dates += [plan.startDate, plan.endDate] + plan.reviewDates }
        return dates.compactMap { $0 }
    }

    var isOpen: Bool { closureDate == nil }
}

/// Two spans overlap when one starts strictly before the other ends; an open span (no end) runs on for ever.
func overlaps(_ a: (LocalDate, LocalDate?), _ b: (LocalDate, LocalDate?)) -> Bool {
    (b.1.map { a.0 < $0 } ?? true) && (a.1.map { b.0 < $0 } ?? true)
}

/// How many pairs in `spans` overlap.
func overlappingPairs(_ spans: [(LocalDate, LocalDate?)]) -> Int {
    var count = 0
    for i in spans.indices {
        for j in spans.indices where j > i && overlaps(spans[i], spans[j]) { count += 1 }
    }
    return count
}

extension CINRuleContext {
    /// The last day of a plan or assessment as the census knows it: its end, or for one still open the census date
    /// (the return says nothing of the days after it; one starting after that date is known for its first day only).
    func lastKnownDay(_ start: LocalDate, _ end: LocalDate?) -> LocalDate { end ?? max(start, period.referenceDate) }

    /// How many of `starts` fall while one of `spans` is open: from its start up to, not including, its end (a plan
    /// ended on a day is no longer open that day); an open span counts up to and including the census date.
    func startsInside(_ starts: [LocalDate?], _ spans: [(LocalDate?, LocalDate?)]) -> Int {
        starts.count { start in
            guard let start else { return false }
            return spans.contains { span in
                guard let spanStart = span.0 else { return false }
                return spanStart <= start && (span.1.map { start < $0 } ?? (start <= period.referenceDate))
            }
        }
    }

    /// How many pairs of `spans` have overlapping dates: one starts on a day the other covers, both ends included
    /// (two plans sharing their changeover day share that date). Open spans run to the census date.
    func pairsSharingDates(_ spans: [(LocalDate, LocalDate?)]) -> Int {
        let known = spans.map { ($0.0, lastKnownDay($0.0, $0.1)) }
        func startsWithin(_ a: (LocalDate, LocalDate), _ b: (LocalDate, LocalDate)) -> Bool { b.0 <= a.0 && a.0 <= b.1 }
        var count = 0
        for i in known.indices {
            for j in known.indices where j > i && (startsWithin(known[i], known[j]) || startsWithin(known[j], known[i])) { count += 1 }
        }
        return count
    }
}

/// How many of `dates` fall after the child's recorded death (none when no death is recorded).
func afterDeath(_ child: CINCensusChild, _ dates: [LocalDate?]) -> Int {
    guard let death = child.personDeathDate else { return 0 }
    return dates.count { $0.map { $0 > death } ?? false }
}

/// How many of the dates `dates` picks from each episode fall before that episode's referral.
func beforeReferral(_ child: CINCensusChild, _ dates: (CINCensusEpisode) -> [LocalDate?]) -> Int {
    child.episodes.reduce(0) { total, episode in
        guard let referred = episode.referralDate else { return total }
        return total + dates(episode).count { $0.map { $0 < referred } ?? false }
    }
}

/// The UPN check letter: characters 2–13 weighted 2–13, a letter in position 13 counting as its place in the UPN
/// alphabet, summed mod 23 into that alphabet.
func upnCheckLetter(_ upn: [Character]) -> Character? {
    guard upn.count == 13 else { return nil }
    var sum = 0
    for (offset, character) in upn[1...].enumerated() {
        let weight = offset + 2
        if let digit = character.wholeNumberValue, character.isASCII {
            sum += digit * weight
        } else if offset == 11, let index = upnLetters.firstIndex(of: character) {
            sum += index * weight
        } else {
            return nil
        }
    }
    return upnLetters[sum % 23]
}

/// The child-level rules, keyed by DfE code; each is written from the DfE message and the census guidance.
let cinChildChecks: [String: CINChildCheck] = [
    // MARK: Child identifiers
    "1510": { child, _ in
        guard let upn = child.upn.map(Array.init), upn.count == 13, let expected = upnCheckLetter(upn) else { return 0 }
        return upn[0] == expected ? 0 : 1
    },
    "1540": { child, _ in
        guard let upn = child.upn.map(Array.init) else { return 0 }
        return upn.count == 13 && upn[4..<12].allSatisfy({ $0.isASCII && $0.isNumber }) ? 0 : 1
    },
    "1550": { child, _ in
        guard let upn = child.upn.map(Array.init), upn.count == 13 else { return 0 }
        let last = upn[12]
        return (last.isASCII && last.isNumber) || upnLetters.contains(last) ? 0 : 1
    },
    "1560Q": { child, _ in
        guard let former = child.formerUPN.map(Array.init) else { return 0 }
        let wellFormed =
            former.count == 13 && upnLetters.contains(former[0]) && former[1..<12].allSatisfy({ $0.isASCII && $0.isNumber })
            && ((former[12].isASCII && former[12].isNumber) || upnLetters.contains(former[12]))
        return wellFormed ? 0 : 1
    },
    "1570": { child, _ in (child.laChildID?.count ?? 0) > 20 ? 1 : 0 },
    "1580": { child, _ in
        guard let id = child.laChildID else { return 0 }
        return id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) ? 0 : 1
    },
    "8500": { child, _ in child.laChildID == nil ? 1 : 0 },
    "8520": { child, context in (child.personBirthDate.map { $0 > context.period.referenceDate } ?? false) ? 1 : 0 },
    "8525Q": { child, _ in (child.personBirthDate == nil) == (child.expectedPersonBirthDate == nil) ? 1 : 0 },
    "8530Q": { child, context in
        guard let expected = child.expectedPersonBirthDate else { return 0 }
        let year = context.period.year
        return expected.year == year && expected.month >= 3 ? 0 : 1
    },
    "8535Q": { child, _ in
        guard let death = child.personDeathDate, let birth = child.personBirthDate else { return 0 }
        return death < birth ? 1 : 0
    },
    "8545Q": { child, context in (child.personDeathDate.map { !context.inYear($0) } ?? false) ? 1 : 0 },
    "8750": { child, _ in child.isUnborn && child.sex != "U" ? 1 : 0 },
    "4180": { child, _ in validSex.contains(child.sex ?? "") ? 0 : 1 },
    "8770Q": { child, context in
        guard let birth = child.personBirthDate else { return 0 }
        // School age: 6 to 15 on the 31 August before the census year ends, as in the school census.
        let august = LocalDate(year: context.period.year - 1, month: 8, day: 31)!
        let age = birth.age(on: august)
        guard (6...15).contains(age) else { return 0 }
        // A child whose every referral ended in no further action has the census's own reason for no UPN (UN7,
        // "referral with no further action"); the query is for children the authority went on to work with.
        if !child.episodes.isEmpty && child.episodes.allSatisfy({ $0.isNoFurtherAction == true }) { return 0 }
        let missing = child.upn == nil && child.upnUnknown == nil
        return missing || child.upnUnknown == "UN1" ? 1 : 0
    },
    "8772": { child, _ in
        child.upnUnknown == "UN7" && child.episodes.contains { $0.isNoFurtherAction == false } ? 1 : 0
    },
    "8775Q": { child, context in
        guard let birth = child.personBirthDate else { return 0 }
        return birth.age(on: context.period.referenceDate) > 25 ? 1 : 0
    },

    // MARK: Child characteristics
    "4220": { child, _ in validEthnicities.contains(child.ethnicity ?? "") ? 0 : 1 },
    "8540": { child, _ in child.disabilities.count { !validDisabilities.contains($0) } },
    "8790": { child, _ in child.disabilities.contains("NONE") && child.disabilities.contains { $0 != "NONE" } ? 1 : 0 },
    "8794": { child, _ in Set(child.disabilities).count < child.disabilities.count ? 1 : 0 },

    // MARK: CIN details
    "8590": { child, _ in child.episodes.isEmpty ? 1 : 0 },
    "8600": { child, context in
        child.episodes.count { episode in episode.referralDate.map { $0 > context.period.referenceDate } ?? true }
    },
    "8606": { child, _ in
        // "DOB or expected DOB": a child recorded with both is judged against each.
        let births = [child.personBirthDate, child.expectedPersonBirthDate].compactMap { $0 }
        return child.episodes.count { episode in
            episode.referralDate.map { referred in births.contains { referred < $0.adding(days: -280) } } ?? false
        }
    },
    "8555Q": { child, _ in
        guard let death = child.personDeathDate else { return 0 }
        return child.episodes.count { $0.referralDate.map { $0 > death } ?? false }
    },
    "8866": { child, _ in child.episodes.count { !validSources.contains($0.referralSource ?? "") } },
    "8650": { child, _ in child.episodes.count { $0.primaryNeedCode.map { !validNeeds.contains($0) } ?? false } },
    "8610": { child, _ in child.episodes.count { $0.isNoFurtherAction == false && $0.primaryNeedCode == nil } },
    "8568": { child, _ in child.episodes.count { $0.isNoFurtherAction == nil } },
    "8569Q": { child, context in
        // One working day before the collection start: step back to the previous working day.
        var cutoff = context.period.start.adding(days: -1)
        while !context.calendar.isWorkingDay(cutoff) { cutoff = cutoff.adding(days: -1) }
        return child.episodes.count { episode in
            episode.isNoFurtherAction == true && (episode.referralDate.map { $0 < cutoff } ?? false)
        }
    },
    "8620": { child, context in child.episodes.count { $0.closureDate.map { !context.inYear($0) } ?? false } },
    "8630": { child, _ in
        child.episodes.count { episode in
            guard let closed = episode.closureDate, let referred = episode.referralDate else { return false }
            return closed < referred
        }
    },
    "8640": { child, _ in child.episodes.count { $0.reasonForClosure.map { !validClosureReasons.contains($0) } ?? false } },
    "8805": { child, _ in child.episodes.count { $0.closureDate != nil && $0.reasonForClosure == nil } },
    "8810": { child, _ in child.episodes.count { $0.closureDate == nil && $0.reasonForClosure != nil } },
    "8585Q": { child, _ in
        child.personDeathDate == nil ? child.episodes.count { $0.reasonForClosure == "RC2" } : 0
    },
    "8815": { child, _ in
        child.episodes.count { $0.isOpen && $0.isNoFurtherAction != true } > 1 ? 1 : 0
    },
    "8816": { child, _ in
        guard let latest = child.episodes.compactMap(\.referralDate).max() else { return 0 }
        return child.episodes.count { episode in
            episode.isOpen && episode.isNoFurtherAction != true && (episode.referralDate.map { $0 < latest } ?? false)
        }
    },
    "8820": { child, _ in
        // Every episode counts, a referral with no further action too: the message makes no exception for it. An
        // NFA referral left without a closure date is not an open episode (8815 and 8816 say so), so it spans its
        // referral day only.
        overlappingPairs(child.episodes.compactMap { episode in
            episode.referralDate.map { ($0, episode.closureDate ?? (episode.isNoFurtherAction == true ? $0 : nil)) }
        })
    },
    "8565": { child, _ in
        child.episodes.count { episode in
            guard let closed = episode.closureDate else { return false }
            return episode.activityDates.contains { $0 > closed }
        }
    },
    "8825Q": { child, _ in
        child.episodes.count { closedAfterAssessment.contains($0.reasonForClosure ?? "") && $0.assessments.isEmpty }
    },
    "2990": { child, _ in
        child.episodes.count { episode in
            closedAfterAssessment.contains(episode.reasonForClosure ?? "")
                && !(episode.plans.isEmpty && episode.section47s.isEmpty && episode.protectionPlans.isEmpty && episode.dateOfInitialCPC == nil)
        }
    },
    "8831": { child, _ in
        child.episodes.count { episode in
            episode.isNoFurtherAction == true
                && !(episode.assessments.isEmpty && episode.section47s.isEmpty && episode.dateOfInitialCPC == nil)
        }
    },
    "8832": { child, _ in child.episodes.count { $0.isNoFurtherAction == true && !$0.protectionPlans.isEmpty } },
    "4000": { child, _ in child.episodes.count { $0.isNoFurtherAction == true && !$0.plans.isEmpty } },

    // MARK: Initial child protection conferences
    "1104": { child, _ in
        child.episodes.reduce(0) { total, episode in
            guard let referred = episode.referralDate else { return total }
            return total + episode.conferenceDates.count { $0 < referred }
        }
    },
    "2884": { child, _ in
        // The same conference recorded twice: its date on CINdetails and on one of the episode's enquiries. A
        // different date on CINdetails is another conference (1104, 8715 and 8875 still judge it).
        child.episodes.count { episode in
            guard let recorded = episode.dateOfInitialCPC else { return false }
            return episode.section47s.contains { $0.dateOfInitialCPC == recorded }
        }
    },
    "8715": { child, context in child.episodes.reduce(0) { $0 + $1.conferenceDates.count { !context.inYear($0) } } },
    "8875": { child, _ in child.episodes.reduce(0) { $0 + $1.conferenceDates.count(where: \.isWeekend) } },
    "2885": { child, context in
        // Plans that started before the year had their conference in an earlier census, so only in-year plans are judged.
        child.episodes.reduce(0) { total, episode in
            let conferences = Set(episode.conferenceDates)
            return total + episode.protectionPlans.count { plan in plan.startDate.map { context.inYear($0) && !conferences.contains($0) } ?? false }
        }
    },

    // MARK: Assessments
    "1103": { child, _ in beforeReferral(child) { $0.assessments.map(\.startDate) } },
    "8608": { child, _ in
        child.episodes.reduce(0) { total, episode in
            total + episode.assessments.count { assessment in
                guard let start = assessment.startDate, let end = assessment.authorisationDate else { return false }
                return start > end
            }
        }
    },
    "8614": { child, _ in
        child.episodes.reduce(0) { $0 + $1.assessments.count { $0.authorisationDate == nil && !$0.factors.isEmpty } }
    },
    "8670Q": { child, context in
        child.episodes.reduce(0) { total, episode in
            total + episode.assessments.count { assessment in
                guard assessment.authorisationDate == nil, let start = assessment.startDate else { return false }
                return context.calendar.workingDays(from: start, to: context.period.referenceDate) > 45
            }
        }
    },
    "8696": { child, context in
        child.episodes.reduce(0) { $0 + $1.assessments.count { $0.authorisationDate.map { !context.inYear($0) } ?? false } }
    },
    "8736": { child, context in
        child.episodes.reduce(0) { total, episode in
            total + episode.assessments.count { $0.authorisationDate == nil && ($0.startDate.map { !context.inYear($0) } ?? true) }
        }
    },
    "8863Q": { child, context in
        child.episodes.reduce(0) { total, episode in
            // An assessment is ongoing up to and including the day it is authorised; one not yet authorised, up to
            // the census date.
            total + context.pairsSharingDates(episode.assessments.compactMap { a in a.startDate.map { ($0, a.authorisationDate) } })
        }
    },
    "8867": { child, _ in
        child.episodes.count { !$0.isOpen && $0.assessments.contains { $0.authorisationDate == nil } }
    },
    "8869": { child, _ in
        child.episodes.reduce(0) { $0 + $1.assessments.count { $0.factors.contains("21") && $0.factors.count > 1 } }
    },
    "8873Q": { child, _ in
        child.episodes.count { episode in
            guard episode.assessments.count == 1, let only = episode.assessments.first else { return false }
            return only.authorisationDate != nil && only.factors.contains("21")
                && !closedAfterAssessment.contains(episode.reasonForClosure ?? "")
        }
    },
    "8896": { child, _ in child.episodes.count { $0.assessments.count { $0.authorisationDate == nil } >= 2 } },
    "8897Q": { child, _ in
        child.episodes.reduce(0) { $0 + $1.assessments.count { $0.authorisationDate != nil && $0.factors.isEmpty } }
    },
    "8898": { child, _ in
        child.episodes.reduce(0) { $0 + $1.assessments.count { Set($0.factors).count < $0.factors.count } }
    },
    "8945Q": { child, _ in child.episodes.reduce(0) { $0 + $1.assessments.count { $0.factors.contains("18A") } } },
    "8950Q": { child, _ in child.episodes.reduce(0) { $0 + $1.assessments.count { $0.factors.contains("19A") } } },

    // MARK: Section 47 enquiries
    "2889": { child, _ in beforeReferral(child) { $0.section47s.map(\.startDate) } },
    "2991Q": { child, _ in child.episodes.count { !$0.section47s.isEmpty && $0.assessments.isEmpty } },
    "8615": { child, _ in
        child.section47s.count { enquiry in
            guard let start = enquiry.startDate else { return true }
            return enquiry.dateOfInitialCPC.map { start > $0 } ?? false
        }
    },
    "8675Q": { child, context in
        child.section47s.count { enquiry in
            guard let start = enquiry.startDate, enquiry.dateOfInitialCPC == nil, !enquiry.isICPCNotRequired else { return false }
            return context.calendar.workingDays(from: start, to: context.period.referenceDate) > 15
        }
    },
    "8740": { child, context in
        child.section47s.count { enquiry in
            // An enquiry that concluded no conference was needed is finished, not waiting for one.
            let heldByCensusDate = enquiry.dateOfInitialCPC.map { $0 <= context.period.referenceDate } ?? false
            guard !heldByCensusDate, !enquiry.isICPCNotRequired else { return false }
            return enquiry.startDate.map { !context.inYear($0) } ?? true
        }
    },
    "8839": { child, _ in
        child.episodes.count { $0.section47s.count { $0.dateOfInitialCPC == nil && !$0.isICPCNotRequired } >= 2 }
    },
    "8868": { child, _ in
        child.episodes.count { episode in
            !episode.isOpen && episode.section47s.contains { $0.dateOfInitialCPC == nil && !$0.isICPCNotRequired }
        }
    },
    "8870Q": { child, _ in child.section47s.count { $0.initialCPCTarget?.isWeekend ?? false } },
    "8890": { child, _ in
        // An enquiry is ongoing up to and including the day of its conference.
        child.episodes.reduce(0) { total, episode in
            // An enquiry that needed no conference ends the day it starts.
            let enquiries = episode.section47s.compactMap { enquiry in
                enquiry.startDate.map { ($0, enquiry.dateOfInitialCPC ?? (enquiry.isICPCNotRequired ? $0 : nil)) }
            }
            var count = 0
            for (i, a) in enquiries.enumerated() {
                count += enquiries.enumerated().count { j, b in j != i && (a.0 < b.0 || (a.0 == b.0 && i < j)) && (a.1.map { b.0 <= $0 } ?? true) }
            }
            return total + count
        }
    },

    // MARK: CIN plans
    "4001": { child, _ in
        child.episodes.count { episode in
            episode.plans.contains { $0.startDate != nil && $0.endDate == nil }
                && episode.protectionPlans.contains { $0.startDate != nil && $0.endDate == nil }
        }
    },
    "4003": { child, _ in
        child.episodes.reduce(0) { total, episode in
            let reviews = episode.protectionPlans.flatMap(\.reviewDates).compactMap { $0 }
            return total + reviews.count { review in
                episode.plans.contains { plan in
                    // An open CIN plan alongside a review is rule 4001's concern; this rule judges ended plans.
                    guard let start = plan.startDate, let end = plan.endDate else { return false }
                    return start <= review && review < end
                }
            }
        }
    },
    "4004": { child, _ in child.plans.count { $0.endDate == nil } > 1 ? 1 : 0 },
    "4008": { child, _ in afterDeath(child, child.plans.map(\.startDate)) },
    "4009Q": { child, _ in afterDeath(child, child.plans.map(\.endDate)) },
    "4010": { child, context in child.plans.count { $0.startDate.map { $0 > context.period.referenceDate } ?? true } },
    "4011": { child, _ in
        child.plans.count { plan in
            guard let start = plan.startDate, let end = plan.endDate else { return false }
            return end < start
        }
    },
    "4012Q": { child, _ in child.plans.count { $0.startDate != nil && $0.startDate == $0.endDate } },
    "4013": { child, context in child.plans.count { $0.endDate.map { !context.inYear($0) } ?? false } },
    "4014": { child, context in context.pairsSharingDates(child.plans.compactMap { plan in plan.startDate.map { ($0, plan.endDate) } }) },
    "4015": { child, _ in beforeReferral(child) { $0.plans.map(\.startDate) } },
    // A CIN plan starting while one of the child's child protection plans is open, in whichever episode: the
    // message is about the child's plans being open at the same time.
    "4016": { child, context in context.startsInside(child.plans.map(\.startDate), child.protectionPlans.map { ($0.startDate, $0.endDate) }) },
    // A child protection plan starting while one of the child's CIN plans is open.
    "4017": { child, context in context.startsInside(child.protectionPlans.map(\.startDate), child.plans.map { ($0.startDate, $0.endDate) }) },

    // MARK: Child protection plans
    "1105": { child, _ in beforeReferral(child) { $0.protectionPlans.map(\.startDate) } },
    "8720": { child, context in child.protectionPlans.count { $0.startDate.map { $0 > context.period.referenceDate } ?? true } },
    "8730": { child, _ in child.protectionPlans.count { $0.numberOfPreviousCPP == nil } },
    "8840": { child, _ in child.protectionPlans.count { $0.startDate != nil && $0.startDate == $0.endDate } },
    "8841": { child, _ in
        child.protectionPlans.reduce(0) { total, plan in
            guard let start = plan.startDate else { return total }
            return total + plan.reviewDates.count { $0.map { $0 <= start } ?? false }
        }
    },
    "8842Q": { child, _ in child.protectionPlans.reduce(0) { $0 + $1.reviewDates.count { $0 == nil } } },
    "8905": { child, _ in child.protectionPlans.count { !validCategories.contains($0.initialCategoryOfAbuse ?? "") } },
    "8910": { child, _ in child.protectionPlans.count { !validCategories.contains($0.latestCategoryOfAbuse ?? "") } },
    "8915": { child, _ in afterDeath(child, child.protectionPlans.map(\.startDate)) },
    "8920": { child, _ in afterDeath(child, child.protectionPlans.map(\.endDate)) },
    "8925": { child, _ in
        child.protectionPlans.count { plan in
            guard let start = plan.startDate, let end = plan.endDate else { return false }
            return end < start
        }
    },
    "8930": { child, context in child.protectionPlans.count { $0.endDate.map { !context.inYear($0) } ?? false } },
    "8935": { child, context in
        child.protectionPlans.count { $0.endDate == nil && ($0.startDate.map { $0 <= context.period.referenceDate } ?? false) } > 1 ? 1 : 0
    },
    "8940": { child, context in
        context.pairsSharingDates(child.protectionPlans.compactMap { plan in plan.startDate.map { ($0, plan.endDate) } })
    },
]
