import OversightCore
import OversightInterchange

/// One fault planted in a synthetic census child, each aimed at a DfE rule (named in the case), the way the
/// faults of real returns arise: a mistyped date, a code from the wrong list, a module left open.
enum CINPlantedFault: String, CaseIterable {
    case upnCheckLetter1510, upnAuthority1530, upnLetters1540, upnLastCharacter1550, formerUPN1560Q, longID1570, punctuatedID1580
    case duplicateUPN1520, duplicateID8510
    case birthAfterCensus8520, birthAndExpected8525Q, expectedOutOfRange8530Q, deathBeforeBirth8535Q, deathOutOfYear8545Q
    case unbornSex8750, sexInvalid4180, schoolAgeNoUPN8770Q, un7WithAction8772, overTwentyFive8775Q
    case ethnicity4220, disabilityCode8540, noneAndOther8790, duplicateDisability8794
    case noEpisode8590, referralAfterCensus8600, referralLongBeforeBirth8606, referralAfterDeath8555Q
    case source8866, primaryNeed8650, primaryNeedMissing8610, nfaFlag8568, oldNFA8569Q
    case closureOutOfYear8620, closureBeforeReferral8630, closureReason8640, closureWithoutReason8805, reasonWithoutClosure8810
    case diedWithoutDeath8585Q, twoOpenEpisodes8815, activityAfterClosure8565, closedAfterAssessmentNone8825Q
    case closedAfterAssessmentActivity2990, nfaWithAssessment8831, nfaWithProtection8832, nfaWithPlan4000
    case conferenceBeforeReferral1104, conferenceTwice2884, conferenceOutOfYear8715, conferenceWeekend8875
    case planWithoutConference2883, planOtherDay2885
    case assessmentBeforeReferral1103, assessmentBackwards8608, factorsOnOpen8614, longOpenAssessment8670Q
    case assessmentEndOutOfYear8696, openAssessmentOld8736, assessmentsOverlap8863Q, closedWithOpenAssessment8867
    case factor21WithOthers8869, factor21NotClosedRC8_8873Q, twoOpenAssessments8896, noFactors8897Q, duplicateFactor8898
    case factor18A8945Q, factor19A8950Q
    case enquiryBeforeReferral2889, enquiryWithoutAssessment2991Q, enquiryStartMissing8615, enquiryNoConference8675Q
    case openEnquiryOld8740, twoOpenEnquiries8839, closedWithOpenEnquiry8868, targetWeekend8870Q, enquiriesOverlap8890
    case cinPlanWithCPP4001, reviewDuringCINPlan4003, twoOpenCINPlans4004, cinPlanAfterDeath4008, cinPlanEndAfterDeath4009Q
    case cinPlanStartMissing4010, cinPlanBackwards4011, cinPlanOneDay4012Q, cinPlanEndOutOfYear4013, cinPlansOverlap4014
    case cinPlanBeforeReferral4015, cinPlanDuringCPP4016, cppDuringCINPlan4017
    case cppBeforeReferral1105, cppStartMissing8720, previousCPPMissing8730, cppOneDay8840, reviewBeforeStart8841
    case reviewMissingDate8842Q, initialCategory8905, latestCategory8910, cppAfterDeath8915, cppEndAfterDeath8920
    case cppBackwards8925, cppEndOutOfYear8930, twoOpenCPPs8935, cppsOverlap8940

    func plant(in child: inout CINCensusChild, index: Int, period: CINCensusPeriod, rng: inout SeededGenerator) {
        let ref = period.referenceDate
        let midYear = period.start.adding(days: 120)
        if child.episodes.isEmpty, self != .noEpisode8590 {
            child.episodes = [CINCensusEpisode(referralDate: midYear.adding(days: -20), referralSource: "1A", primaryNeedCode: "N1", referralNFA: "false")]
        }
        let referral = child.episodes[0].referralDate ?? midYear
        let work = max(referral, period.start).adding(days: 10)
        func first(_ change: (inout CINCensusEpisode) -> Void) { change(&child.episodes[0]) }
        func newPlan(_ start: LocalDate, _ end: LocalDate? = nil) -> CINCensusProtectionPlan {
            CINCensusProtectionPlan(startDate: start, endDate: end, initialCategoryOfAbuse: "NEG", latestCategoryOfAbuse: "NEG", numberOfPreviousCPP: "0")
        }
        switch self {
        case .upnCheckLetter1510: child.upn = UniquePupilNumber.withWrongCheckLetter(UniquePupilNumber.make(localAuthority: 825, rng: &rng, birthYear: 2015))
        case .upnAuthority1530:
            // A well-formed UPN with a valid check letter whose characters 2-4 are no authority's number.
            child.upn = UniquePupilNumber.make(localAuthority: rng.element(of: [100, 450, 599, 999]), rng: &rng, birthYear: child.personBirthDate?.year ?? 2015)
        case .upnLetters1540: child.upn = "A825200X12345"
        case .upnLastCharacter1550: child.upn = "A82520001234!"
        case .formerUPN1560Q: child.formerUPN = "825200012"
        case .longID1570: child.laChildID = "C\(index)LONGIDENTIFIER0000000"
        case .punctuatedID1580: child.laChildID = "C-\(index)/X"
        case .duplicateUPN1520: child.upn = "A825200012345"
        case .duplicateID8510: child = Self.duplicateRecord(pair: index - index % 2, second: index % 2 == 1, period: period)
        case .birthAfterCensus8520: child.personBirthDate = ref.adding(days: 20); child.expectedPersonBirthDate = nil
        case .birthAndExpected8525Q: child.expectedPersonBirthDate = ref.adding(days: 40); child.personBirthDate = child.personBirthDate ?? ref.adding(days: -400)
        case .expectedOutOfRange8530Q: child.personBirthDate = nil; child.expectedPersonBirthDate = ref.adding(years: 1); child.sex = "U"
        case .deathBeforeBirth8535Q:
            let birth = child.personBirthDate ?? ref.adding(days: -900)
            child.personBirthDate = birth
            child.personDeathDate = birth.adding(days: -3)
        case .deathOutOfYear8545Q: child.personDeathDate = ref.adding(days: 10)
        case .unbornSex8750: child.personBirthDate = nil; child.expectedPersonBirthDate = ref.adding(days: 30); child.sex = "F"
        case .sexInvalid4180: child.sex = rng.chance(0.5) ? nil : "X"
        case .schoolAgeNoUPN8770Q: child.personBirthDate = ref.adding(years: -10); child.upn = nil; child.upnUnknown = rng.chance(0.5) ? "UN1" : nil
        case .un7WithAction8772: child.upnUnknown = "UN7"; child.upn = nil; first { $0.referralNFA = "false" }
        case .overTwentyFive8775Q: child.personBirthDate = ref.adding(years: -30)
        case .ethnicity4220: child.ethnicity = rng.chance(0.5) ? nil : "WHITE"
        case .disabilityCode8540: child.disabilities = ["MOBILITY"]
        case .noneAndOther8790: child.disabilities = ["NONE", "AUT"]
        case .duplicateDisability8794: child.disabilities = ["LD", "LD"]
        case .noEpisode8590: child.episodes = []
        case .referralAfterCensus8600: first { $0.referralDate = rng.chance(0.5) ? nil : ref.adding(days: 5) }
        case .referralLongBeforeBirth8606: first { $0.referralDate = (child.personBirthDate ?? child.expectedPersonBirthDate ?? ref).adding(days: -300) }
        case .referralAfterDeath8555Q: child.personDeathDate = referral.adding(days: -1)
        case .source8866: first { $0.referralSource = rng.chance(0.5) ? nil : "11" }
        case .primaryNeed8650: first { $0.primaryNeedCode = "N11" }
        case .primaryNeedMissing8610: first { $0.primaryNeedCode = nil; $0.referralNFA = "false" }
        case .nfaFlag8568: first { $0.referralNFA = rng.chance(0.5) ? nil : "maybe" }
        case .oldNFA8569Q: first { $0.referralDate = period.start.adding(days: -60); $0.referralNFA = "true" }
        case .closureOutOfYear8620: first { $0.closureDate = period.start.adding(days: -10); $0.reasonForClosure = "RC7" }
        case .closureBeforeReferral8630: first { $0.closureDate = referral.adding(days: -2); $0.reasonForClosure = "RC7" }
        case .closureReason8640: first { $0.closureDate = ref.adding(days: -1); $0.reasonForClosure = "RC10" }
        case .closureWithoutReason8805: first { $0.closureDate = ref.adding(days: -1); $0.reasonForClosure = nil }
        case .reasonWithoutClosure8810: first { $0.closureDate = nil; $0.reasonForClosure = "RC7" }
        case .diedWithoutDeath8585Q: first { $0.closureDate = ref.adding(days: -1); $0.reasonForClosure = "RC2" }; child.personDeathDate = nil
        case .twoOpenEpisodes8815:
            first { $0.closureDate = nil; $0.reasonForClosure = nil; $0.referralNFA = "false" }
            child.episodes.append(CINCensusEpisode(referralDate: ref.adding(days: -10), referralSource: "6", primaryNeedCode: "N1", referralNFA: "false"))
        case .activityAfterClosure8565:
            first {
                $0.closureDate = work
                $0.reasonForClosure = "RC7"
                $0.plans.append(CINCensusPlan(startDate: work.adding(days: -5), endDate: work.adding(days: 5)))
            }
        case .closedAfterAssessmentNone8825Q: first { $0.assessments = []; $0.closureDate = ref.adding(days: -1); $0.reasonForClosure = "RC8" }
        case .closedAfterAssessmentActivity2990:
            first {
                $0.closureDate = ref.adding(days: -1)
                $0.reasonForClosure = "RC9"
                $0.plans.append(CINCensusPlan(startDate: work, endDate: work.adding(days: 20)))
            }
        case .nfaWithAssessment8831: first { $0.referralNFA = "true"; $0.assessments.append(CINCensusAssessment(startDate: work)) }
        case .nfaWithProtection8832: first { $0.referralNFA = "true"; $0.protectionPlans.append(newPlan(work)) }
        case .nfaWithPlan4000: first { $0.referralNFA = "true"; $0.plans.append(CINCensusPlan(startDate: work)) }
        case .conferenceBeforeReferral1104: first { $0.dateOfInitialCPC = referral.adding(days: -3) }
        case .conferenceTwice2884:
            first {
                $0.dateOfInitialCPC = work
                $0.section47s.append(CINCensusSection47(startDate: work.adding(days: -5), dateOfInitialCPC: work, icpcNotRequired: "false"))
            }
        case .conferenceOutOfYear8715:
            first { $0.section47s.append(CINCensusSection47(startDate: work, dateOfInitialCPC: ref.adding(days: 6), icpcNotRequired: "false")) }
        case .conferenceWeekend8875:
            var saturday = work
            while saturday.isoWeekday != 6 { saturday = saturday.adding(days: 1) }
            first { $0.section47s.append(CINCensusSection47(startDate: work, dateOfInitialCPC: saturday, icpcNotRequired: "false")) }
        case .planWithoutConference2883: first { $0.protectionPlans.append(newPlan(work, work.adding(days: 100))) }
        case .planOtherDay2885:
            first {
                $0.section47s.append(CINCensusSection47(startDate: work.adding(days: -10), dateOfInitialCPC: work, icpcNotRequired: "false"))
                $0.protectionPlans.append(newPlan(work.adding(days: 1), work.adding(days: 120)))
            }
        case .assessmentBeforeReferral1103: first { $0.assessments.append(CINCensusAssessment(startDate: referral.adding(days: -4), authorisationDate: work, factors: ["16A"])) }
        case .assessmentBackwards8608: first { $0.assessments.append(CINCensusAssessment(startDate: work.adding(days: 9), authorisationDate: work, factors: ["16A"])) }
        case .factorsOnOpen8614: first { $0.assessments.append(CINCensusAssessment(startDate: ref.adding(days: -5), factors: ["3B"])) }
        case .longOpenAssessment8670Q: first { $0.closureDate = nil; $0.reasonForClosure = nil; $0.assessments.append(CINCensusAssessment(startDate: period.start.adding(days: 30))) }
        case .assessmentEndOutOfYear8696: first { $0.assessments.append(CINCensusAssessment(startDate: period.start.adding(days: -40), authorisationDate: period.start.adding(days: -5), factors: ["1B"])) }
        case .openAssessmentOld8736: first { $0.closureDate = nil; $0.reasonForClosure = nil; $0.assessments.append(CINCensusAssessment(startDate: period.start.adding(days: -20))) }
        case .assessmentsOverlap8863Q:
            first {
                $0.assessments.append(CINCensusAssessment(startDate: work, authorisationDate: work.adding(days: 30), factors: ["4B"]))
                $0.assessments.append(CINCensusAssessment(startDate: work.adding(days: 10), authorisationDate: work.adding(days: 40), factors: ["4B"]))
            }
        case .closedWithOpenAssessment8867:
            first { $0.assessments.append(CINCensusAssessment(startDate: work)); $0.closureDate = ref.adding(days: -1); $0.reasonForClosure = "RC7" }
        case .factor21WithOthers8869: first { $0.assessments.append(CINCensusAssessment(startDate: work, authorisationDate: work.adding(days: 20), factors: ["21", "16A"])) }
        case .factor21NotClosedRC8_8873Q:
            first {
                $0.assessments = [CINCensusAssessment(startDate: work, authorisationDate: work.adding(days: 20), factors: ["21"])]
                $0.section47s = []
                $0.plans = []
                $0.protectionPlans = []
                $0.closureDate = work.adding(days: 25)
                $0.reasonForClosure = "RC7"
            }
        case .twoOpenAssessments8896:
            first {
                $0.closureDate = nil
                $0.reasonForClosure = nil
                $0.assessments += [CINCensusAssessment(startDate: ref.adding(days: -20)), CINCensusAssessment(startDate: ref.adding(days: -10))]
            }
        case .noFactors8897Q: first { $0.assessments.append(CINCensusAssessment(startDate: work, authorisationDate: work.adding(days: 15))) }
        case .duplicateFactor8898: first { $0.assessments.append(CINCensusAssessment(startDate: work, authorisationDate: work.adding(days: 15), factors: ["2B", "2B"])) }
        case .factor18A8945Q: first { $0.assessments.append(CINCensusAssessment(startDate: work, authorisationDate: work.adding(days: 15), factors: ["18A"])) }
        case .factor19A8950Q: first { $0.assessments.append(CINCensusAssessment(startDate: work, authorisationDate: work.adding(days: 15), factors: ["19A"])) }
        case .enquiryBeforeReferral2889: first { $0.section47s.append(CINCensusSection47(startDate: referral.adding(days: -2), icpcNotRequired: "true")) }
        case .enquiryWithoutAssessment2991Q: first { $0.assessments = []; $0.section47s.append(CINCensusSection47(startDate: work, icpcNotRequired: "true")) }
        case .enquiryStartMissing8615: first { $0.section47s.append(CINCensusSection47(startDate: nil, dateOfInitialCPC: work, icpcNotRequired: "false")) }
        case .enquiryNoConference8675Q: first { $0.closureDate = nil; $0.reasonForClosure = nil; $0.section47s.append(CINCensusSection47(startDate: ref.adding(days: -60), icpcNotRequired: "false")) }
        case .openEnquiryOld8740: first { $0.closureDate = nil; $0.reasonForClosure = nil; $0.section47s.append(CINCensusSection47(startDate: period.start.adding(days: -30), icpcNotRequired: "false")) }
        case .twoOpenEnquiries8839:
            first {
                $0.closureDate = nil
                $0.reasonForClosure = nil
                $0.section47s += [CINCensusSection47(startDate: ref.adding(days: -8), icpcNotRequired: "false"), CINCensusSection47(startDate: ref.adding(days: -4), icpcNotRequired: "false")]
            }
        case .closedWithOpenEnquiry8868:
            first { $0.section47s.append(CINCensusSection47(startDate: work, icpcNotRequired: "false")); $0.closureDate = ref.adding(days: -1); $0.reasonForClosure = "RC7" }
        case .targetWeekend8870Q:
            var sunday = work
            while sunday.isoWeekday != 7 { sunday = sunday.adding(days: 1) }
            first { $0.section47s.append(CINCensusSection47(startDate: work, initialCPCTarget: sunday, icpcNotRequired: "true")) }
        case .enquiriesOverlap8890:
            var monday = work
            while monday.isoWeekday != 1 { monday = monday.adding(days: 1) }
            first {
                $0.section47s += [
                    CINCensusSection47(startDate: work, dateOfInitialCPC: monday.adding(days: 14), icpcNotRequired: "false"),
                    CINCensusSection47(startDate: work.adding(days: 3), dateOfInitialCPC: monday.adding(days: 21), icpcNotRequired: "false"),
                ]
            }
        case .cinPlanWithCPP4001:
            first {
                $0.closureDate = nil
                $0.reasonForClosure = nil
                $0.plans.append(CINCensusPlan(startDate: work))
                $0.protectionPlans.append(newPlan(work.adding(days: 20)))
            }
        case .reviewDuringCINPlan4003:
            first {
                $0.plans.append(CINCensusPlan(startDate: work, endDate: work.adding(days: 150)))
                var plan = newPlan(work.adding(days: -30), work.adding(days: 10))
                plan.reviewDates = [work.adding(days: 5)]
                $0.protectionPlans.append(plan)
            }
        case .twoOpenCINPlans4004: first { $0.closureDate = nil; $0.reasonForClosure = nil; $0.plans += [CINCensusPlan(startDate: work), CINCensusPlan(startDate: work.adding(days: 30))] }
        case .cinPlanAfterDeath4008: child.personDeathDate = work; first { $0.plans.append(CINCensusPlan(startDate: work.adding(days: 3), endDate: work.adding(days: 9))) }
        case .cinPlanEndAfterDeath4009Q: child.personDeathDate = work; first { $0.plans.append(CINCensusPlan(startDate: work.adding(days: -3), endDate: work.adding(days: 9))) }
        case .cinPlanStartMissing4010: first { $0.plans.append(CINCensusPlan(startDate: nil, endDate: work)) }
        case .cinPlanBackwards4011: first { $0.plans.append(CINCensusPlan(startDate: work, endDate: work.adding(days: -7))) }
        case .cinPlanOneDay4012Q: first { $0.plans.append(CINCensusPlan(startDate: work, endDate: work)) }
        case .cinPlanEndOutOfYear4013: first { $0.plans.append(CINCensusPlan(startDate: period.start.adding(days: -90), endDate: period.start.adding(days: -3))) }
        case .cinPlansOverlap4014:
            first { $0.plans += [CINCensusPlan(startDate: work, endDate: work.adding(days: 40)), CINCensusPlan(startDate: work.adding(days: 20), endDate: work.adding(days: 60))] }
        case .cinPlanBeforeReferral4015: first { $0.plans.append(CINCensusPlan(startDate: referral.adding(days: -6), endDate: work)) }
        case .cinPlanDuringCPP4016:
            first {
                $0.protectionPlans.append(newPlan(work, work.adding(days: 90)))
                $0.plans.append(CINCensusPlan(startDate: work.adding(days: 20), endDate: work.adding(days: 60)))
            }
        case .cppDuringCINPlan4017:
            first {
                $0.plans.append(CINCensusPlan(startDate: work, endDate: work.adding(days: 90)))
                $0.protectionPlans.append(newPlan(work.adding(days: 20), work.adding(days: 60)))
            }
        case .cppBeforeReferral1105: first { $0.protectionPlans.append(newPlan(referral.adding(days: -3), work)) }
        case .cppStartMissing8720: first { $0.protectionPlans.append(newPlan(ref.adding(days: 3))) }
        case .previousCPPMissing8730: first { var plan = newPlan(work, work.adding(days: 90)); plan.numberOfPreviousCPP = nil; $0.protectionPlans.append(plan) }
        case .cppOneDay8840: first { $0.protectionPlans.append(newPlan(work, work)) }
        case .reviewBeforeStart8841: first { var plan = newPlan(work, work.adding(days: 100)); plan.reviewDates = [work.adding(days: -1)]; $0.protectionPlans.append(plan) }
        case .reviewMissingDate8842Q: first { var plan = newPlan(work, work.adding(days: 100)); plan.reviewDates = [nil]; $0.protectionPlans.append(plan) }
        case .initialCategory8905: first { var plan = newPlan(work, work.adding(days: 100)); plan.initialCategoryOfAbuse = "ABC"; $0.protectionPlans.append(plan) }
        case .latestCategory8910: first { var plan = newPlan(work, work.adding(days: 100)); plan.latestCategoryOfAbuse = nil; $0.protectionPlans.append(plan) }
        case .cppAfterDeath8915: child.personDeathDate = work; first { $0.protectionPlans.append(newPlan(work.adding(days: 2), work.adding(days: 4))) }
        case .cppEndAfterDeath8920: child.personDeathDate = work; first { $0.protectionPlans.append(newPlan(work.adding(days: -2), work.adding(days: 4))) }
        case .cppBackwards8925: first { $0.protectionPlans.append(newPlan(work, work.adding(days: -4))) }
        case .cppEndOutOfYear8930: first { $0.protectionPlans.append(newPlan(work, ref.adding(days: 4))) }
        case .twoOpenCPPs8935: first { $0.closureDate = nil; $0.reasonForClosure = nil; $0.protectionPlans += [newPlan(work), newPlan(work.adding(days: 50))] }
        case .cppsOverlap8940: first { $0.protectionPlans += [newPlan(work, work.adding(days: 60)), newPlan(work.adding(days: 30), work.adding(days: 90))] }
        }
    }

    /// One of the two records sharing an LA child ID (rule 8510). A validator that keys its tables by LA child ID
    /// merges the two, so each record carries no other fault and the merge must look like one clean child: the same
    /// identifiers, one no-further-action referral each on different days, and the disability list on the first only
    /// (two lists would merge into a repeated "NONE", rule 8794).
    static func duplicateRecord(pair: Int, second: Bool, period: CINCensusPeriod) -> CINCensusChild {
        let referral = period.start.adding(days: second ? 200 : 30)
        let episode = CINCensusEpisode(
            referralDate: referral, referralSource: "1A", primaryNeedCode: "N0", closureDate: referral, reasonForClosure: "RC7",
            referralNFA: "true")
        return CINCensusChild(
            laChildID: "CDUPLICATE\(pair)", upnUnknown: "UN2", personBirthDate: period.referenceDate.adding(years: -2), sex: "F",
            ethnicity: "WBRI", disabilities: second ? [] : ["NONE"], episodes: [episode])
    }
}
