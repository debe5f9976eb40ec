import Foundation
import OversightCore
@testable import OversightInterchange
import Testing

private func fixturePlan() throws -> PlanDocument.Contents {
    try PlanDocument.read(path: fixturePath("plans/post-ofsted-action-plan-2022.json"))
}

/// The leads and deadlines of the 27 actions, exactly as the 2022 plan (seed 003) gives them.
let fixtureActions: [(ref: String, lead: String, deadline: String)] = [
    ("1.1", "Amanda Andrews", "2022-06-30"), ("1.2", "Palvinder Kudhail", "2022-07-31"),
    ("2.1", "Amanda Andrews", "2022-06-30"), ("2.2", "Errol Albert", "2022-06-30"), ("2.3", "Palvinder Kudhail", "2022-09-30"),
    ("2.4", "Amanda Andrews", "2022-09-30"), ("2.5", "Amanda Andrews", "2022-09-30"), ("2.6", "Ollie Foxell", "2022-09-30"),
    ("2.7", "Errol Albert", "2023-03-31"),
    ("3.1", "Aman Sekhon-Gill", "2022-09-30"), ("3.2", "Aman Sekhon-Gill", "2022-09-30"), ("3.3", "Gareth Morgan", "2022-11-30"),
    ("4.1", "Amanda Andrews", "2022-06-30"), ("4.2", "Amanda Andrews", "2022-07-31"), ("4.3", "Amanda Andrews", "2022-09-30"),
    ("5.1", "Aman Sekhon-Gill", "2022-06-30"), ("5.2", "Aman Sekhon-Gill", "2022-06-30"), ("5.3", "Aman Sekhon-Gill", "2022-06-30"),
    ("5.4", "Aman Sekhon-Gill", "2022-09-30"),
    ("6.1", "Palvinder Kudhail", "2022-05-31"), ("6.2", "Aman Sekhon-Gill", "2022-06-30"), ("6.3", "Aman Sekhon-Gill", "2022-08-31"),
    ("6.4", "Aman Sekhon-Gill", "2022-09-30"),
    ("7.1", "Gareth Morgan", "2022-05-31"), ("7.2", "Alison Munt", "2022-06-30"), ("7.3", "Alison Munt", "2022-06-30"),
    ("7.4", "Alison Munt", "2022-06-30"),
]

@Suite("Improvement plan JSON: the format of post-ofsted-action-plan-2022.json")
struct PlanDocumentTests {
    @Test("The 2022 plan imports whole: 7 recommendations, 27 actions, leads and deadlines as in the seed")
    func fixture() throws {
        let contents = try fixturePlan()
        let plan = contents.plan
        #expect(plan.id == "post-ofsted-action-plan-2022")
        #expect(plan.title == "Buckinghamshire Children's Services Post Ofsted Inspection Action Plan")
        #expect(plan.submitTo == "Ofsted")
        #expect(plan.submitBy == LocalDate(iso: "2022-05-25"))
        #expect(plan.governance?.boardMeetsEveryMonths == 2)
        #expect(plan.boardCycleDays == 61)
        #expect(plan.recommendations.map(\.number) == Array(1...7))
        #expect(plan.recommendations.map(\.actions.count) == [2, 7, 3, 3, 4, 4, 4])
        #expect(plan.actions.count == 27)
        #expect(plan.actions.map(\.ref) == fixtureActions.map(\.ref))
        #expect(plan.actions.map(\.accountableLead) == fixtureActions.map(\.lead))
        #expect(plan.actions.map(\.deadline) == fixtureActions.map { .date(LocalDate(iso: $0.deadline)!) })
        #expect(plan.recommendations[0].outcomesSought.count == 5)
        #expect(plan.ragScale.map(\.meaning) == RAG.allCases.map(\.meaning))
        #expect(plan.progressFields == ActionUpdate.standardFieldNames)
        #expect(contents.updates.isEmpty)
    }

    @Test("Export then import gives the same plan and updates")
    func roundTrip() throws {
        var contents = try fixturePlan()
        contents.plan.recommendations[0].measures = [MeasureLink(measureID: "CIN-02", baseline: 27.5, target: 22)]
        contents.plan.recommendations[1].actions[0].deadline = .text("Ongoing, reviewed quarterly")
        contents.updates = [
            ActionUpdate(ref: "1.1", status: "Review under way", impact: "None yet", more: "Report to board", rag: .green, by: "Amanda Andrews",
                at: "2022-06-01T09:00:00Z", evidence: ["https://example.org/review.pdf"]),
            ActionUpdate(ref: "1.1", status: "Reported", impact: "Factors understood", more: "Nothing", rag: .blue, by: "Amanda Andrews",
                at: "2022-07-01T09:00:00Z"),
        ]
        let data = PlanDocument.encode(contents)
        let again = try PlanDocument.decode(data, file: "export.json", id: "ignored")
        #expect(again == contents)
        // And the fixture's own keys are where a reader expects them.
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["submitBy"] as? String == "2022-05-25")
        let first = try #require((object["recommendations"] as? [[String: Any]])?.first?["actions"] as? [[String: Any]]).first
        #expect(first?["accountableLead"] as? String == "Amanda Andrews")
        #expect(first?["deadline"] as? String == "2022-06-30")
    }

    @Test("Exporting the imported fixture gives the fixture back, byte for byte, with the plan's ID added")
    func faithfulExport() throws {
        let original = try String(contentsOfFile: fixturePath("plans/post-ofsted-action-plan-2022.json"), encoding: .utf8)
        let exported = String(decoding: PlanDocument.encode(try fixturePlan()), as: UTF8.self)
        let prefix = "{\n  \"id\": \"post-ofsted-action-plan-2022\",\n"
        #expect(exported.hasPrefix(prefix))
        #expect("{\n" + exported.dropFirst(prefix.count) == original)
    }

    @Test("A missing field is named by its JSON path and the file")
    func missingField() throws {
        let json = #"{"title": "T", "source": "S", "recommendations": [{"number": 1, "text": "x", "outcomesSought": [], "actions": [{"ref": "1.1", "action": "a", "deadline": "2022-01-01"}]}]}"#
        #expect {
            try PlanDocument.decode(Data(json.utf8), file: "plan.json", id: "p")
        } throws: { error in
            "\(error)" == "plan.json: recommendations[0].actions[0].accountableLead: required field 'accountableLead' is missing"
        }
    }

    @Test("A wrong type, a bad RAG code and a duplicate ref are each named by path", arguments: [
        (#"{"title": "T", "source": "S", "recommendations": [{"number": "one", "text": "x", "outcomesSought": [], "actions": []}]}"#,
            "plan.json: recommendations[0].number: expected a number"),
        (#"{"title": "T", "source": "S", "recommendations": [{"number": 1, "text": "x", "outcomesSought": [], "actions": [{"ref": "1.1", "action": "a", "accountableLead": "L", "deadline": "2022-01-01", "updates": [{"actionStatus": "s", "impactAgainstOutcomesSet": "i", "whatMoreNeedsToBeDone": "m", "rag": "Purple", "by": "B", "at": "2022-02-01"}]}]}]}"#,
            "plan.json: recommendations[0].actions[0].updates[0].rag: 'Purple' is not a RAG rating (R, A, G or B)"),
        (#"{"title": "T", "source": "S", "recommendations": [{"number": 1, "text": "x", "outcomesSought": [], "actions": [{"ref": "1.1", "action": "a", "accountableLead": "L", "deadline": "2022-01-01"}, {"ref": "1.1", "action": "b", "accountableLead": "L", "deadline": "2022-01-01"}]}]}"#,
            "plan.json: recommendations[0].actions[1].ref: '1.1' is the ref of an earlier action too"),
        (#"{"title": "T", "source": "S", "submitBy": "25/05/2022", "recommendations": []}"#,
            "plan.json: submitBy: '25/05/2022' is not a date (YYYY-MM-DD)"),
    ])
    func badInput(json: String, message: String) {
        #expect {
            try PlanDocument.decode(Data(json.utf8), file: "plan.json", id: "p")
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test("Malformed JSON names the file")
    func malformed() {
        #expect {
            try PlanDocument.decode(Data("{\"title\": ".utf8), file: "plan.json", id: "p")
        } throws: { error in
            "\(error)".hasPrefix("plan.json: ")
        }
    }

    @Test("CSV: one row per action with its latest update as of the date")
    func csv() throws {
        var contents = try fixturePlan()
        contents.updates = [
            ActionUpdate(ref: "1.1", status: "Started", impact: "-", more: "-", rag: .amber, by: "A", at: "2022-06-01"),
            ActionUpdate(ref: "1.1", status: "Done", impact: "-", more: "-", rag: .blue, by: "A", at: "2022-07-01"),
        ]
        let june = PlanDocument.csvRows(contents, asOf: LocalDate(iso: "2022-06-15"))
        #expect(june.count == 27)
        #expect(june[0][2] == "1.1")
        #expect(june[0][6] == "A")
        #expect(june[0][7] == "Started")
        #expect(june[1][6] == "")
        #expect(PlanDocument.csvRows(contents)[0][6] == "B")
        #expect(PlanDocument.csvHeader.count == june[0].count)
    }
}
