import OversightCore
import OversightInterchange
@testable import OversightValidation
import Testing

/// Where the sector's validator (csc-validator-be-cin 0.1.13) and the DfE's rule text part company, Oversight
/// keeps the DfE behaviour. Each case here was seen in the parity runs (docs/cin-census.md, "Where the peer differs").
@Suite("CIN rules where the peer differs from the DfE text")
struct CINPeerDisagreementTests {
    /// A day of the 2025 census year, April 2024 to March 2025.
    static func day(_ m: Int, _ d: Int) -> LocalDate { LocalDate(year: m >= 4 ? 2024 : 2025, month: m, day: d)! }

    static func child(_ episodes: [CINCensusEpisode], disabilities: [String] = ["NONE"]) -> CINCensusChild {
        CINCensusChild(
            laChildID: "K1", upnUnknown: "UN3", personBirthDate: LocalDate(year: 2021, month: 1, day: 5), sex: "F", ethnicity: "WBRI",
            disabilities: disabilities, episodes: episodes)
    }

    static func episode(
        assessments: [CINCensusAssessment] = [], plans: [CINCensusPlan] = [], section47s: [CINCensusSection47] = [],
        protectionPlans: [CINCensusProtectionPlan] = [], referral: LocalDate = day(6, 1), nfa: String = "false"
    ) -> CINCensusEpisode {
        CINCensusEpisode(
            referralDate: referral, referralSource: "6", primaryNeedCode: "N1", assessments: assessments, plans: plans, section47s: section47s,
            referralNFA: nfa, protectionPlans: protectionPlans)
    }

    static func flags(_ code: String, _ child: CINCensusChild) -> Bool {
        var validation = CINValidation(year: 2025)
        validation.add(child)
        return validation.finish().failed.contains { $0.rule.code == code }
    }

    static func assessment(_ factors: [String]) -> CINCensusAssessment {
        CINCensusAssessment(startDate: day(6, 2), authorisationDate: day(6, 20), factors: factors)
    }

    static func openPlan(_ start: LocalDate) -> CINCensusProtectionPlan {
        CINCensusProtectionPlan(startDate: start, initialCategoryOfAbuse: "NEG", latestCategoryOfAbuse: "NEG", numberOfPreviousCPP: "0")
    }

    /// The peer flags no disability code, however invalid ("XYZ", "mob", empty).
    @Test func anInvalidDisabilityCodeFails8540() {
        #expect(Self.flags("8540", Self.child([Self.episode()], disabilities: ["XYZ"])))
        #expect(!Self.flags("8540", Self.child([Self.episode()], disabilities: ["MOB", "AUT"])))
    }

    /// The peer's factor rules read the factors as a list and miss them (8614 and 8898 crash outright).
    @Test func assessmentFactorRulesSeeEveryFactor() {
        #expect(Self.flags("8869", Self.child([Self.episode(assessments: [Self.assessment(["21", "16A"])])])))
        #expect(Self.flags("8945Q", Self.child([Self.episode(assessments: [Self.assessment(["18A"])])])))
        #expect(Self.flags("8950Q", Self.child([Self.episode(assessments: [Self.assessment(["16A", "19A"])])])))
        #expect(Self.flags("8898", Self.child([Self.episode(assessments: [Self.assessment(["2B", "2B"])])])))
        #expect(Self.flags("8614", Self.child([Self.episode(assessments: [CINCensusAssessment(startDate: Self.day(6, 2), factors: ["3B"])])])))
    }

    /// The peer flags no weekend target date, whether or not a conference was needed or held.
    @Test func aWeekendConferenceTargetIsQueried() {
        let sunday = Self.day(6, 30)
        #expect(sunday.isWeekend)
        let enquiry = CINCensusSection47(startDate: Self.day(6, 5), initialCPCTarget: sunday, icpcNotRequired: "false")
        #expect(Self.flags("8870Q", Self.child([Self.episode(assessments: [Self.assessment(["16A"])], section47s: [enquiry])])))
    }

    /// An enquiry begun before the year and still waiting for its conference: the peer never fires 8740.
    @Test func anEnquiryStillWaitingFromLastYearFails8740() {
        let waiting = CINCensusSection47(startDate: LocalDate(year: 2024, month: 3, day: 1), icpcNotRequired: "false")
        #expect(Self.flags("8740", Self.child([Self.episode(section47s: [waiting], referral: LocalDate(year: 2024, month: 2, day: 1)!)])))
        let concluded = CINCensusSection47(startDate: LocalDate(year: 2024, month: 3, day: 1), icpcNotRequired: "true")
        #expect(!Self.flags("8740", Self.child([Self.episode(section47s: [concluded], referral: LocalDate(year: 2024, month: 2, day: 1)!)])))
    }

    /// "This child is showing more than one open …": the peer counts CIN plans per episode (4004) but child
    /// protection plans only across episodes (8935). The DfE counts the child's.
    @Test func openPlansAreCountedPerChild() {
        let twoEpisodesOpenPlans = Self.child([
            Self.episode(plans: [CINCensusPlan(startDate: Self.day(6, 20))]),
            Self.episode(plans: [CINCensusPlan(startDate: Self.day(9, 20))], referral: Self.day(9, 1)),
        ])
        #expect(Self.flags("4004", twoEpisodesOpenPlans))
        let oneEpisodeTwoOpenCPPs = Self.child([Self.episode(protectionPlans: [Self.openPlan(Self.day(6, 19)), Self.openPlan(Self.day(8, 8))])])
        #expect(Self.flags("8935", oneEpisodeTwoOpenCPPs))
    }

    /// An invalid NFA flag is rule 8568's failure; the peer also treats it as a no-further-action referral under 8569Q.
    @Test func anInvalidNFAFlagIsNotANoFurtherActionReferral() {
        let old = Self.child([Self.episode(referral: LocalDate(year: 2023, month: 10, day: 19)!, nfa: "maybe")])
        #expect(Self.flags("8568", old))
        #expect(!Self.flags("8569Q", old))
    }

    /// The peer's list of LA numbers runs the offshore establishments as one range, 701-708, which takes in 703; the
    /// DfE has no establishment or authority 703 (Get Information about Schools lists 701, 702 and 704-708), so a UPN
    /// carrying it is not a recognised LA code. (The peer's own 1530 test fails in 2023/24 for another reason: it
    /// compares the rule's code with the number 1530 where the code is the text "1530".)
    @Test func rule1530FlagsANumberNoAuthorityHas() {
        var child = Self.child([Self.episode()])
        child.upnUnknown = nil
        child.upn = "A703200012345"
        #expect(Self.flags("1530", child))
        child.upn = "A704200012345"
        #expect(!Self.flags("1530", child))
    }

    /// With no date of birth (an unborn child has only an expected one) a death cannot be before the birth.
    @Test func rule8535QNeedsADateOfBirth() {
        var child = Self.child([Self.episode()])
        child.personBirthDate = nil
        child.expectedPersonBirthDate = LocalDate(year: 2025, month: 4, day: 3)
        child.sex = "U"
        child.personDeathDate = LocalDate(year: 2025, month: 4, day: 10)
        #expect(!Self.flags("8535Q", child))
        child.personBirthDate = LocalDate(year: 2025, month: 4, day: 12)
        #expect(Self.flags("8535Q", child))
    }

    /// A child given both dates (8525Q queries that) is judged by the birth that happened, not the one expected.
    @Test func rule8606MeasuresFromTheRecordedBirth() {
        var child = Self.child([Self.episode(referral: Self.day(5, 5))])
        child.personBirthDate = LocalDate(year: 2015, month: 11, day: 30)
        child.expectedPersonBirthDate = LocalDate(year: 2025, month: 5, day: 10)
        #expect(!Self.flags("8606", child))
        child.personBirthDate = nil
        #expect(Self.flags("8606", child))
    }
}
