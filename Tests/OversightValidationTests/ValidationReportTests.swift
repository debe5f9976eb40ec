import Foundation
import Testing

@testable import OversightValidation

@Suite struct ValidationReportTests {
    @Test func jsonHasTheContractShapeWithEveryRuleAndDistinctChildren() throws {
        let passed = RuleDescription(code: "8500", message: "LA Child ID missing", kind: .error)
        let failed = RuleDescription(code: "2885Q", message: "Child protection plan shown as starting more than once", kind: .query)
        let returnLevel = RuleDescription(code: "8840Q", message: "More than 2% of children have no sex", kind: .query, returnLevel: true)
        let report = ValidationReport(
            outcomes: [
                RuleOutcome(rule: passed, failures: []),
                RuleOutcome(rule: failed, failures: [.init(child: "A1"), .init(child: "A1"), .init(child: "B2")]),
                RuleOutcome(rule: returnLevel, failures: [.init(child: "C3", table: "Header", row: 4)]),
            ], childCount: 10, seconds: 0.25)
        let data = try JSONEncoder().encode(report)
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["children"] as? Int == 10)
        #expect(json["seconds"] as? Double == 0.25)
        let rules = try #require(json["rules"] as? [[String: Any]])
        #expect(rules.map { $0["code"] as? String } == ["8500", "2885Q", "8840Q"])
        #expect(rules[0]["failures"] as? Int == 0)
        #expect(rules[1]["failures"] as? Int == 3)
        #expect(rules[1]["children"] as? [String] == ["A1", "B2"])
        #expect(rules[1]["kind"] as? String == "query")
        #expect(rules[1]["la_level"] as? Bool == false)
        #expect(rules[1]["rows"] == nil)
        #expect(rules[2]["la_level"] as? Bool == true)
        let rows = try #require(rules[2]["rows"] as? [[String: Any]])
        #expect(rows.first?["table"] as? String == "Header")
        #expect(rows.first?["row"] as? Int == 4)
        #expect(report.failed.map(\.rule.code) == ["2885Q", "8840Q"])
    }
}
