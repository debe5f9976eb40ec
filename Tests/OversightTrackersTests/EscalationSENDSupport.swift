import OversightCore
import OversightTrackers


/// CSV text as the command line would hand it over: the header names the columns, each later line is a row.
func sheet(_ text: String, file: String) -> [TrackerCSVRow] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.enumerated().dropFirst().compactMap { index, line in
        guard !line.isEmpty else { return nil }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return TrackerCSVRow(file: file, line: index + 1, values: Dictionary(uniqueKeysWithValues: zip(header, fields)))
    }
}

func step(_ stage: EscalationStage, _ raised: String, calendar: WorkingDayCalendar = .englandAndWales) -> EscalationStep {
    EscalationStep(
        stage: stage, raisedOn: d(raised), escalatedTo: stage.defaultLevel,
        responseDue: EscalationProtocol.standard.responseDue(stage, raisedOn: d(raised), calendar: calendar))
}
