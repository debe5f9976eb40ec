import OversightCore

/// The escalations CSV: one row per stage an escalation reached (documented in docs/trackers-escalations-send.md).
///
/// Rows with the same `escalation_id` are one escalation; its child, IRO and concern must agree on every row, and
/// its stages must climb. `response_due` may be left blank for the protocol to set it.
public enum EscalationSheet {
    public static let columns = [
        "escalation_id", "child_id", "iro", "concern", "stage", "raised_on", "escalated_to", "response_due", "responded_on", "response",
        "actions", "resolved_on", "resolution",
    ]

    /// The escalations the rows describe, in file order.
    /// - Throws: `TrackerImportError` naming every bad row; nothing is returned when any row is wrong.
    public static func escalations(
        from rows: [TrackerCSVRow], file: String, protocol rules: EscalationProtocol = .standard,
        calendar: WorkingDayCalendar = .englandAndWales
    ) throws(TrackerImportError) -> [Escalation] {
        let decoded = try TrackerImportError.decodeAll(rows, file: file) { row throws(TrackerImportError) in
            let stage = try row.code("stage", EscalationStage.self)
            let raisedOn = try row.date("raised_on")
            let step = EscalationStep(
                stage: stage, raisedOn: raisedOn, escalatedTo: row.optionalText("escalated_to") ?? stage.defaultLevel,
                responseDue: try row.optionalDate("response_due") ?? rules.responseDue(stage, raisedOn: raisedOn, calendar: calendar),
                respondedOn: try row.optionalDate("responded_on"), response: row.optionalText("response"))
            if let responded = step.respondedOn, responded < raisedOn {
                throw row.problem("responded_on", "\(responded) is before the stage was raised (\(raisedOn))")
            }
            let escalation = Escalation(
                id: Identifier(try row.text("escalation_id")), child: Identifier(try row.text("child_id")), raisedBy: try row.text("iro"),
                concern: try row.code("concern", EscalationConcern.self), steps: [step], actions: row.list("actions"),
                resolvedOn: try row.optionalDate("resolved_on"), resolution: row.optionalText("resolution"))
            return (row, escalation)
        }
        var order: [Identifier<Escalation>] = []
        var merged: [Identifier<Escalation>: Escalation] = [:]
        var problems: [TrackerImportError.Problem] = []
        for (row, next) in decoded {
            guard var escalation = merged[next.id] else {
                order.append(next.id)
                merged[next.id] = next
                continue
            }
            let step = next.steps[0]
            if next.child != escalation.child {
                problems += row.problem("child_id", "'\(next.child)' differs from '\(escalation.child)' given earlier for \(next.id)").problems
            } else if next.raisedBy != escalation.raisedBy {
                problems += row.problem("iro", "'\(next.raisedBy)' differs from '\(escalation.raisedBy)' given earlier for \(next.id)").problems
            } else if next.concern != escalation.concern {
                problems += row.problem("concern", "'\(next.concern.rawValue)' differs from '\(escalation.concern.rawValue)' given earlier for \(next.id)").problems
            } else if let last = escalation.steps.last, step.stage <= last.stage || step.raisedOn < last.raisedOn {
                problems += row.problem("stage", "\(step.stage.rawValue) on \(step.raisedOn) does not follow \(last.stage.rawValue) on \(last.raisedOn)").problems
            } else if let a = escalation.resolvedOn, let b = next.resolvedOn, a != b {
                problems += row.problem("resolved_on", "\(b) differs from \(a) given earlier for \(next.id)").problems
            } else {
                escalation.steps.append(step)
                escalation.actions += next.actions.filter { !escalation.actions.contains($0) }
                escalation.resolvedOn = escalation.resolvedOn ?? next.resolvedOn
                escalation.resolution = escalation.resolution ?? next.resolution
                merged[next.id] = escalation
            }
        }
        for (row, next) in decoded where next.resolvedOn != nil {
            if let escalation = merged[next.id], let resolved = next.resolvedOn, resolved < escalation.raisedOn {
                problems += row.problem("resolved_on", "\(resolved) is before the escalation was raised (\(escalation.raisedOn))").problems
            }
        }
        if !problems.isEmpty { throw TrackerImportError(file: file, problems: problems) }
        return order.compactMap { merged[$0] }
    }

    /// The rows of an escalation, as the file would give them.
    public static func rows(of escalation: Escalation) -> [[String]] {
        escalation.steps.enumerated().map { index, step in
            let last = index == escalation.steps.count - 1
            return [
                escalation.id.rawValue, escalation.child.rawValue, escalation.raisedBy, escalation.concern.rawValue, step.stage.rawValue,
                step.raisedOn.isoString, step.escalatedTo, step.responseDue.isoString, step.respondedOn?.isoString ?? "", step.response ?? "",
                index == 0 ? escalation.actions.joined(separator: "; ") : "", last ? escalation.resolvedOn?.isoString ?? "" : "",
                last ? escalation.resolution ?? "" : "",
            ]
        }
    }
}

/// The IRO review records CSV: one row per review chaired, for IRO-01.
public enum IROReviewSheet {
    public static let columns = ["review_id", "child_id", "kind", "held_on", "decisions_recorded_on", "iro"]

    /// - Throws: `TrackerImportError` naming every bad row.
    public static func records(from rows: [TrackerCSVRow], file: String) throws(TrackerImportError) -> [IROReviewRecord] {
        let decoded = try TrackerImportError.decodeAll(rows, file: file) { row throws(TrackerImportError) in
            let record = IROReviewRecord(
                id: Identifier(try row.text("review_id")), child: Identifier(try row.text("child_id")),
                kind: try row.code("kind", IROReviewKind.self), heldOn: try row.date("held_on"),
                decisionsRecordedOn: try row.optionalDate("decisions_recorded_on"), chairedBy: try row.text("iro"))
            if let recorded = record.decisionsRecordedOn, recorded < record.heldOn {
                throw row.problem("decisions_recorded_on", "\(recorded) is before the review was held (\(record.heldOn))")
            }
            return (row, record)
        }
        try TrackerImportError.checkUnique(decoded, file: file, column: "review_id") { $0.id.rawValue }
        return decoded.map(\.1)
    }
}
