import Foundation
import OversightCore
import OversightInterchange
@testable import OversightSynthetic
@testable import OversightValidation
import Testing

@Suite("CIN census validation")
struct CINValidationTests {
    static func validate(_ children: [CINCensusChild], year: Int = 2025, header: CINCensusHeader? = nil) -> ValidationReport {
        var validation = CINValidation(year: year, header: header)
        for child in children { validation.add(child) }
        return validation.finish()
    }

    @Test func theRulePacksHoldEveryDfERuleOnce() {
        for year in CINRulePack.years {
            let rules = CINRulePack.rules(year: year)
            #expect(rules.count == 109)
            #expect(Set(rules.map(\.code)).count == 109)
            #expect(rules.filter { $0.kind == .query }.count == 26)
            #expect(rules.allSatisfy { $0.code.hasSuffix("Q") == ($0.kind == .query) })
            #expect(Set(rules.filter(\.returnLevel).map(\.code)) == ["100", "2883", "2886Q", "2887Q", "2888Q"])
        }
        #expect(CINRulePack.rules(year: 2025).first { $0.code == "8525Q" }?.message
            == "Either Date of Birth or Expected Date of Birth must be provided (but not both)")
    }

    /// Each planted fault is named after the rule it aims at; that rule must flag the child it was planted in.
    @Test(arguments: CINPlantedFault.allCases)
    func eachPlantedFaultFiresItsRule(_ fault: CINPlantedFault) throws {
        let generator = CINCensusGenerator(year: 2025, seed: 3)
        var children: [CINCensusChild] = []
        for index in 0..<3 {
            var child = generator.child(index)
            var rng = SeededGenerator(seed: 3, stream: UInt64(index), purpose: .dirt)
            fault.plant(in: &child, index: index, period: generator.period, rng: &rng)
            if fault == .duplicateUPN1520 || fault == .duplicateID8510 || index == 0 { children.append(child) }
        }
        let target = String(fault.rawValue.reversed().prefix { $0.isNumber || $0 == "Q" }.reversed())
        let report = Self.validate(children)
        let outcome = try #require(report.outcomes.first { $0.rule.code == target }, "no rule \(target)")
        if outcome.rule.returnLevel {
            #expect(!outcome.failures.isEmpty, "\(fault) did not fire \(target)")
        } else {
            #expect(outcome.children.contains(CINValidation.reference(children[0])), "\(fault) did not fire \(target)")
        }
    }

    /// A validator that keys its tables by LA child ID merges the two records of a planted duplicate ID, so each
    /// record fails nothing but 8510 and the two merged into one child fail nothing at all.
    @Test(arguments: [2025, 2026])
    func aDuplicateIDPairCarriesNoOtherFault(year: Int) {
        let generator = CINCensusGenerator(year: year, seed: 1, dirt: true)
        let pairs = Dictionary(grouping: (0..<2_000).map(generator.child).filter { $0.laChildID?.hasPrefix("CDUPLICATE") ?? false }) { $0.laChildID ?? "" }
        #expect(pairs.count >= 2)
        func childLevelFailures(_ children: [CINCensusChild]) -> Set<String> {
            var validation = CINValidation(year: year)
            for child in children { validation.add(child) }
            return Set(validation.finish().failed.filter { !$0.rule.returnLevel }.map(\.rule.code))
        }
        for (id, records) in pairs {
            #expect(records.count == 2, "\(id)")
            #expect(childLevelFailures(records) == ["8510"], "\(id)")
            var merged = records[0]
            merged.episodes += records[1].episodes
            merged.disabilities += records[1].disabilities
            #expect(childLevelFailures([merged]).isEmpty, "\(id)")
        }
    }

    @Test func aCleanGeneratedCensusPassesEveryErrorRule() {
        let generator = CINCensusGenerator(year: 2025, seed: 11)
        let report = Self.validate((0..<3_000).map(generator.child))
        let errors = report.failed.filter { $0.rule.kind == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.rule.code): \($0.children.prefix(3))" })")
    }

    @Test func returnLevelRulesJudgeTheWholeReturn() throws {
        let unborn = CINCensusChild(laChildID: "U1", expectedPersonBirthDate: LocalDate(year: 2025, month: 5, day: 1), sex: "U", disabilities: ["NONE"])
        let noSex = CINCensusChild(laChildID: "N1", personBirthDate: LocalDate(year: 2015, month: 1, day: 1), sex: "U", disabilities: ["NONE"])
        // Disabled children, each recorded with a single code (2888Q).
        let boys = (0..<30).map { CINCensusChild(laChildID: "B\($0)", personBirthDate: LocalDate(year: 2015, month: 1, day: 1), sex: "M", disabilities: ["MOB"]) }
        var wrongDate = CINCensusHeader(referenceDate: LocalDate(year: 2025, month: 3, day: 30))
        wrongDate.year = "2025"
        let report = Self.validate([unborn, noSex] + boys, header: wrongDate)
        let failed = Set(report.failed.map(\.rule.code))
        // One child in 31 born children (3.2%) has no sex recorded; the unborn child does not count.
        #expect(failed.isSuperset(of: ["100", "2886Q", "2887Q", "2888Q"]))
        for code in ["100", "2886Q"] { #expect(report.outcomes.first { $0.rule.code == code }?.children == []) }
        let fewer = Self.validate([unborn] + boys, header: CINCensusHeader(referenceDate: LocalDate(year: 2025, month: 3, day: 31)))
        #expect(!Set(fewer.failed.map(\.rule.code)).contains("2886Q"))
        #expect(!Set(fewer.failed.map(\.rule.code)).contains("100"))
        // A return whose children have no disability shows no one recorded with a single code.
        let noneDisabled = boys.map { boy in var boy = boy; boy.disabilities = ["NONE"]; return boy }
        #expect(!Set(Self.validate(noneDisabled).failed.map(\.rule.code)).contains("2888Q"))
    }

    /// "More child protection plans starting than initial conferences taking place" is a count over the return: an
    /// episode with two plans after one conference passes when conferences elsewhere leave the return even.
    @Test func rule2883ComparesTheReturnsTotals() {
        func episode(conferences: [Int], plans: [Int]) -> CINCensusEpisode {
            let day = { (d: Int) in LocalDate(year: 2024, month: 6, day: d)! }
            return CINCensusEpisode(
                referralDate: day(3), referralSource: "6", primaryNeedCode: "N1",
                section47s: conferences.map { CINCensusSection47(startDate: day(4), dateOfInitialCPC: day($0), icpcNotRequired: "false") },
                referralNFA: "false",
                protectionPlans: plans.map {
                    CINCensusProtectionPlan(startDate: day($0), initialCategoryOfAbuse: "NEG", latestCategoryOfAbuse: "NEG", numberOfPreviousCPP: "0")
                })
        }
        let twoPlansOneConference = CINCensusChild(laChildID: "P2", episodes: [episode(conferences: [19], plans: [19, 26])])
        let twoConferences = CINCensusChild(laChildID: "C2", episodes: [episode(conferences: [12, 19], plans: [])])
        let fails = { (children: [CINCensusChild]) in Self.validate(children).failed.contains { $0.rule.code == "2883" } }
        #expect(fails([twoPlansOneConference]))
        #expect(!fails([twoPlansOneConference, twoConferences]))
    }

    /// The reference notes say the sector's validator starts the year on 31 March; on its findings (rule 8696 flags
    /// an assessment authorised on 31 March 2024 in the 2025 census) it uses the DfE's 1 April, as Oversight does.
    @Test func theCensusYearRunsFromTheFirstOfAprilToTheCensusDate() {
        let period = CINCensusPeriod(year: 2025)
        #expect(!period.contains(LocalDate(year: 2024, month: 3, day: 31)!))
        #expect(period.contains(LocalDate(year: 2024, month: 4, day: 1)!))
        #expect(period.contains(LocalDate(year: 2025, month: 3, day: 31)!))
        #expect(!period.contains(LocalDate(year: 2025, month: 4, day: 1)!))
    }

    @Test func theUPNCheckLetterFollowsTheDfEAlgorithm() {
        // Digits 825200012345 weighted 2..13 sum to 227; 227 mod 23 = 20, the letter X.
        #expect(upnCheckLetter(Array("A825200012345")) == "X")
        let child = CINCensusChild(laChildID: "A", upn: "A825200012345")
        #expect(Self.validate([child]).failed.contains { $0.rule.code == "1510" })
    }

    @Test func theJSONReportKeepsTheContractShape() throws {
        let generator = CINCensusGenerator(year: 2025, seed: 5, dirt: true)
        let report = Self.validate((0..<200).map(generator.child))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        let rules = try #require(json?["rules"] as? [[String: Any]])
        #expect(rules.count == 109)
        #expect(json?["children"] as? Int == 200)
        for rule in rules {
            #expect(Set(rule.keys).isSuperset(of: ["code", "message", "kind", "la_level", "failures", "children"]))
        }
    }
}
