import OversightCore
import OversightTrackers
import Testing

@Suite("IRO escalations: timescales, the CSV and the monthly report")
struct EscalationTests {
    @Test("A stage raised on Friday 22 Dec 2023 is due 3 Jan 2024: Christmas, Boxing Day and New Year's Day do not count")
    func responseDueOverChristmas() {
        let due = EscalationProtocol.standard.responseDue(.formal1, raisedOn: d("2023-12-22"), calendar: .englandAndWales)
        #expect(due == d("2024-01-03"))
        #expect(EscalationProtocol.standard.responseDue(.formal3, raisedOn: d("2024-03-27"), calendar: .englandAndWales) == d("2024-04-12"))
    }

    @Test(
        "Resolved on the due date counts as within timescale; the next working day does not",
        arguments: [("2024-01-03", true), ("2024-01-04", false), ("2023-12-27", true)])
    func resolvedAtTheBoundary(resolved: String, within: Bool) {
        let escalation = Escalation(
            id: "E1", child: "C1", raisedBy: "IRO A", concern: .permanenceDrift, steps: [step(.formal1, "2023-12-22")], resolvedOn: d(resolved))
        #expect(EscalationProtocol.standard.isResolvedWithinTimescale(escalation) == within)
        let result = EscalationMeasures.resolvedWithinTimescale([escalation], period: .financialYear(startYear: 2023))
        #expect(result.denominator == 1)
        #expect(result.numerator == (within ? 1 : 0))
        #expect(result.cases[0].reason.contains("response due 2024-01-03"))
    }

    @Test(
        "IRO-01: a review on Thursday 21 Dec 2023 recorded by Tuesday 2 Jan 2024 is within 5 working days; 3 Jan is not; unrecorded is not",
        arguments: [("2024-01-02", true), ("2024-01-03", false), (nil, false)] as [(String?, Bool)])
    func reviewDecisionsRecorded(recorded: String?, met: Bool) {
        let record = IROReviewRecord(
            id: "R1", child: "C1", kind: .lookedAfter, heldOn: d("2023-12-21"), decisionsRecordedOn: recorded.map(d), chairedBy: "IRO A")
        let result = EscalationMeasures.reviewDecisionsRecorded([record], period: .month(year: 2023, month: 12))
        #expect(result.denominator == 1)
        #expect(result.numerator == (met ? 1 : 0))
        #expect(result.value == (met ? 100 : 0))
        #expect(EscalationMeasures.reviewDecisionsRecorded([record], period: .month(year: 2024, month: 1)).denominator == 0)
    }

    @Test("The CSV's rows for one escalation become its stages, with due dates from the protocol when none is given")
    func sheetMergesStages() throws {
        let rows = sheet(
            """
            escalation_id,child_id,iro,concern,stage,raised_on,escalated_to,response_due,responded_on,response,actions,resolved_on,resolution
            E1,C1,IRO A,permanence-drift,informal,2024-03-25,,,2024-04-05,No plan yet,Hold a permanence meeting,,
            E1,C1,IRO A,permanence-drift,formal-1,2024-04-08,Team manager,,2024-04-10,Meeting booked,Book the meeting,2024-04-10,Meeting held
            E2,C2,IRO B,visits,informal,2024-04-02,,2024-04-30,,,,,
            """, file: "escalations.csv")
        let escalations = try EscalationSheet.escalations(from: rows, file: "escalations.csv")
        #expect(escalations.count == 2)
        let first = escalations[0]
        #expect(first.steps.map(\.stage) == [.informal, .formal1])
        // Raised Monday 25 March 2024: Good Friday (29th) and Easter Monday (1 April) are not working days.
        #expect(first.steps[0].responseDue == d("2024-04-03"))
        #expect(first.steps[0].escalatedTo == EscalationStage.informal.defaultLevel)
        #expect(first.actions == ["Hold a permanence meeting", "Book the meeting"])
        #expect(first.resolvedOn == d("2024-04-10"))
        #expect(EscalationProtocol.standard.isResolvedWithinTimescale(first) == true)
        #expect(escalations[1].steps[0].responseDue == d("2024-04-30"))
        // Written back out, the rows read in again unchanged.
        let written = ([EscalationSheet.columns] + escalations.flatMap(EscalationSheet.rows)).map { $0.joined(separator: ",") }.joined(separator: "\n")
        #expect(try EscalationSheet.escalations(from: sheet(written, file: "again.csv"), file: "again.csv") == escalations)
    }

    @Test("A file with one bad row is refused whole, naming the file, line and column of each bad row")
    func badRowRejectsFile() {
        let rows = sheet(
            """
            escalation_id,child_id,iro,concern,stage,raised_on,escalated_to,response_due,responded_on,response,actions,resolved_on,resolution
            E1,C1,IRO A,visits,informal,2024-03-25,,,,,,,
            E2,C2,IRO B,visits,formal-4,2024-03-26,,,,,,,
            E3,C3,IRO B,visits,informal,2024-02-30,,,,,,,
            E1,C1,IRO A,visits,informal,2024-04-01,,,,,,,
            """, file: "escalations.csv")
        let rejection = #expect(throws: TrackerImportError.self) { try EscalationSheet.escalations(from: rows, file: "escalations.csv") }
        #expect(rejection?.problems.map(\.line) == [3, 4])
        let text = rejection?.description ?? ""
        #expect(text.hasPrefix("escalations.csv: 2 problems; nothing was imported"))
        #expect(text.contains("escalations.csv:3: stage: 'formal-4' is not one of informal, formal-1, formal-2, formal-3"))
        #expect(text.contains("escalations.csv:4: raised_on: '2024-02-30' is not a valid date"))
        // With those fixed, the repeated informal stage for E1 is still refused, naming its line.
        let climbing = Array(rows[0...0]) + Array(rows[3...3])
        let repeated = #expect(throws: TrackerImportError.self) { try EscalationSheet.escalations(from: climbing, file: "escalations.csv") }
        #expect(repeated?.problems.map(\.description) == ["escalations.csv:5: stage: informal on 2024-04-01 does not follow informal on 2024-03-25"])
    }

    @Test("The monthly report counts raised, repeats and open escalations by stage and age")
    func monthlyReport() {
        let escalations = [
            Escalation(id: "E1", child: "C1", raisedBy: "IRO A", concern: .visits, steps: [step(.informal, "2024-01-10")], resolvedOn: d("2024-01-12")),
            Escalation(id: "E2", child: "C1", raisedBy: "IRO A", concern: .permanenceDrift, steps: [step(.informal, "2024-03-04"), step(.formal2, "2024-03-12")]),
            Escalation(id: "E3", child: "C2", raisedBy: "IRO B", concern: .health, steps: [step(.formal1, "2023-08-01")]),
        ]
        let report = EscalationReport(escalations: escalations, reviews: [], period: .month(year: 2024, month: 3))
        #expect(report.raised == 1)
        #expect(report.repeats.numerator == 1)
        #expect(report.repeats.cases[0].reason.contains("E1 (2024-01-10)"))
        #expect(report.open.map(\.id) == ["E3", "E2"])
        #expect(report.open[1].stage == "Formal stage 2")
        #expect(report.open[1].isOverdue == true)
        #expect(report.openByStageAndAge.first { $0.stage == "Formal stage 1" && $0.ageBand == "over 6 months" }?.count == 1)
        #expect(report.openByStageAndAge.first { $0.stage == "Formal stage 2" && $0.ageBand == "under 1 month" }?.count == 1)
        // The series: E1 raised and resolved (within timescale) in January, E2 raised in March; E3 open throughout.
        #expect(report.months.count == 12)
        #expect(report.months.map(\.month).suffix(3) == ["2024-01", "2024-02", "2024-03"])
        let january = report.months[report.months.count - 3]
        #expect((january.raised, january.resolved, january.resolvedWithinTimescale, january.openAtEnd) == (1, 1, 1, 1))
        #expect(report.months.last.map { ($0.raised, $0.resolved, $0.openAtEnd) } ?? (0, 0, 0) == (1, 0, 2))
        #expect(report.months.first?.openAtEnd == 0, "April 2023: E3 was raised in August")
        #expect(report.months[4].month == "2023-08" && report.months[4].openAtEnd == 1)
    }
}
