import OversightCore

/// The partner-notification CSV: one notification per row, in the columns `columns` lists (see
/// docs/trackers-lado-notifications.md). Screening, linking and outcome columns may be empty for a notification not yet
/// screened.
public enum PartnerNotificationCSV {
    public static let columns = [
        "notification_id", "source", "reference", "received_on", "category", "screened_on", "screened_by", "linked_child_id", "linked_family",
        "outcome", "outcome_on",
    ]
    static let required = ["notification_id", "source", "received_on", "category"]

    /// Every row as a notification, or every bad row's problem: the file is accepted whole or not at all.
    /// - Throws: `TrackerImportError` naming the file, line and column of each bad row.
    public static func parse(file: String, header: [String], rows: [(line: Int, fields: [String])]) throws(TrackerImportError) -> [PartnerNotification] {
        let rows = try TrackerCSVRow.rows(file: file, header: header, records: rows, required: required)
        return try TrackerImportError.decodeAll(rows, file: file, idColumn: "notification_id") { row throws(TrackerImportError) in
            try notification(row)
        }
    }

    static func notification(_ row: TrackerCSVRow) throws(TrackerImportError) -> PartnerNotification {
        let received = try row.date("received_on")
        let screened = try row.optionalDate("screened_on")
        try row.check(screened, "screened_on", notBefore: received, "received_on")
        let outcome = try row.optionalCode("outcome", NotificationOutcome.self)
        let outcomeOn = try row.optionalDate("outcome_on")
        let linkedChild = row.optionalText("linked_child_id")
        let linkedFamily = row.optionalText("linked_family")
        if screened == nil {
            // Linking and an outcome follow screening: a row claiming either without a screening date is wrong.
            if let outcome { throw row.invalid("outcome", outcome.rawValue, "needs screened_on") }
            if let linkedChild { throw row.invalid("linked_child_id", linkedChild, "needs screened_on") }
        }
        if let screened { try row.check(outcomeOn, "outcome_on", notBefore: screened, "screened_on") }
        if outcome != nil, outcomeOn == nil { throw row.invalid("outcome_on", "", "is required with an outcome") }
        if outcome == nil, let outcomeOn { throw row.invalid("outcome", "", "is required with outcome_on \(outcomeOn)") }
        return PartnerNotification(
            id: Identifier(try row.text("notification_id")), source: try row.code("source", NotificationSource.self),
            reference: row.optionalText("reference") ?? "", receivedOn: received, category: try row.text("category"), screenedOn: screened,
            screenedBy: row.optionalText("screened_by"), linkedChildID: linkedChild, linkedFamily: linkedFamily, outcome: outcome, outcomeOn: outcomeOn)
    }

    /// A notification as a row in `columns` order, for export and the demo's files.
    public static func fields(_ notification: PartnerNotification) -> [String] {
        [
            notification.id.rawValue, notification.source.rawValue, notification.reference, notification.receivedOn.isoString, notification.category,
            notification.screenedOn?.isoString ?? "", notification.screenedBy ?? "", notification.linkedChildID ?? "", notification.linkedFamily ?? "",
            notification.outcome?.rawValue ?? "", notification.outcomeOn?.isoString ?? "",
        ]
    }
}
