import OversightCore

/// The LADO allegations CSV: one allegation per row, as the LADO's spreadsheet holds them, with the workflow's dates
/// filled in as it moves on. Importing again replaces each allegation with its row, so the spreadsheet stays the
/// source while a council moves off it. The format is documented in docs/trackers-lado-notifications.md.
///
/// Lists are `;`-separated; meetings, investigations and referrals are `KIND:DATE` pairs (an investigation
/// `KIND:START..END` or `KIND:START..` while it runs).
public enum AllegationCSV {
    public static let columns = [
        "allegation_id", "received_on", "referrer", "referrer_organisation", "subject_name", "subject_role", "subject_date_of_birth", "employer",
        "sector", "harm_tests", "child_ids", "children_described", "officer", "initial_consideration_on", "meets_threshold", "meetings",
        "investigations", "disciplinary_started_on", "disciplinary_concluded_on", "outcome", "outcome_on", "referrals", "closed_on",
    ]
    static let required = [
        "allegation_id", "received_on", "referrer", "subject_name", "subject_role", "employer", "sector", "harm_tests", "officer",
    ]

    /// Every row as an allegation, or every bad row's problem: the file is accepted whole or not at all.
    /// - Throws: `TrackerImportError` naming the file, line and column of each bad row.
    public static func parse(file: String, header: [String], rows: [(line: Int, fields: [String])]) throws(TrackerImportError) -> [Allegation] {
        let rows = try TrackerCSVRow.rows(file: file, header: header, records: rows, required: required)
        return try TrackerImportError.decodeAll(rows, file: file, idColumn: "allegation_id") { row throws(TrackerImportError) in
            try allegation(row)
        }
    }

    static func allegation(_ row: TrackerCSVRow) throws(TrackerImportError) -> Allegation {
        let received = try row.date("received_on")
        var harmTests = Set<HarmTest>()
        for text in row.list("harm_tests") { harmTests.insert(try row.code(parsing: text, "harm_tests", HarmTest.self)) }
        if harmTests.isEmpty { throw row.invalid("harm_tests", "", "needs at least one harm test") }
        let decided = try row.optionalDate("initial_consideration_on")
        try row.check(decided, "initial_consideration_on", notBefore: received, "received_on")
        let threshold: Bool? =
            switch row.optionalText("meets_threshold")?.lowercased() {
            case nil: nil
            case "yes"?, "y"?, "true"?: true
            case "no"?, "n"?, "false"?: false
            case let other?: throw row.invalid("meets_threshold", other, "is not yes or no")
            }
        if threshold != nil, decided == nil { throw row.invalid("initial_consideration_on", "", "is required with meets_threshold") }
        var investigations: [AllegationInvestigation] = []
        for part in row.list("investigations") {
            let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
            let dates = pieces.count == 2 ? pieces[1].split(separator: "..", omittingEmptySubsequences: false).map(String.init) : []
            guard dates.count == 2, let start = LocalDate(iso: dates[0]) else { throw row.invalid("investigations", part, "is not KIND:START..END") }
            let end = dates[1].isEmpty ? nil : LocalDate(iso: dates[1])
            if !dates[1].isEmpty, end == nil || end! < start { throw row.invalid("investigations", part, "has an end that is not a date on or after its start") }
            investigations.append(AllegationInvestigation(kind: try row.code(parsing: pieces[0], "investigations", AllegationInvestigation.Kind.self), startedOn: start, concludedOn: end))
        }
        let disciplinaryStart = try row.optionalDate("disciplinary_started_on")
        let disciplinaryEnd = try row.optionalDate("disciplinary_concluded_on")
        if disciplinaryEnd != nil, disciplinaryStart == nil { throw row.invalid("disciplinary_started_on", "", "is required with disciplinary_concluded_on") }
        if let disciplinaryStart { try row.check(disciplinaryEnd, "disciplinary_concluded_on", notBefore: disciplinaryStart, "disciplinary_started_on") }
        let outcome = try row.optionalCode("outcome", AllegationOutcome.self)
        let outcomeOn = try row.optionalDate("outcome_on")
        if outcome != nil, outcomeOn == nil { throw row.invalid("outcome_on", "", "is required with an outcome") }
        try row.check(outcomeOn, "outcome_on", notBefore: received, "received_on")
        let closed = try row.optionalDate("closed_on")
        try row.check(closed, "closed_on", notBefore: received, "received_on")
        if let closed, threshold == true, outcome == nil {
            throw row.invalid("outcome", "", "is required to close an allegation that met the threshold (closed_on \(closed))")
        }
        let children =
            row.list("child_ids").map { AllegationChild(childID: $0, description: "known to the authority") }
            + row.list("children_described").map { AllegationChild(childID: nil, description: $0) }
        return Allegation(
            id: Identifier(try row.text("allegation_id")), receivedOn: received, referrer: try row.text("referrer"),
            referrerOrganisation: row.optionalText("referrer_organisation") ?? "",
            subject: AllegationSubject(
                name: try row.text("subject_name"), role: try row.text("subject_role"), dateOfBirth: try row.optionalDate("subject_date_of_birth")),
            employer: try row.text("employer"), sector: try row.code("sector", EmploymentSector.self),
            harmTests: harmTests, children: children, officer: try row.text("officer"), initialConsiderationOn: decided,
            meetsThreshold: threshold,
            meetings: try row.datedCodes("meetings", AllegationMeeting.Kind.self).map { AllegationMeeting(kind: $0.0, heldOn: $0.1) },
            investigations: investigations,
            disciplinary: disciplinaryStart.map { DisciplinaryProcess(startedOn: $0, concludedOn: disciplinaryEnd) }, outcome: outcome,
            outcomeOn: outcomeOn,
            referrals: try row.datedCodes("referrals", RegulatorReferral.Body.self).map { RegulatorReferral(body: $0.0, referredOn: $0.1) },
            closedOn: closed)
    }

    /// An allegation as a row in `columns` order: export, and the demo's file, read back unchanged by `parse`.
    public static func fields(_ allegation: Allegation) -> [String] {
        let yesNo = allegation.meetsThreshold.map { $0 ? "yes" : "no" } ?? ""
        return [
            allegation.id.rawValue, allegation.receivedOn.isoString, allegation.referrer, allegation.referrerOrganisation, allegation.subject.name,
            allegation.subject.role, allegation.subject.dateOfBirth?.isoString ?? "", allegation.employer, allegation.sector.rawValue,
            allegation.harmTests.sorted().map(\.rawValue).joined(separator: ";"),
            allegation.children.compactMap(\.childID).joined(separator: ";"),
            allegation.children.filter { $0.childID == nil }.map(\.description).joined(separator: ";"), allegation.officer,
            allegation.initialConsiderationOn?.isoString ?? "", yesNo,
            allegation.meetings.map { "\($0.kind.rawValue):\($0.heldOn)" }.joined(separator: ";"),
            allegation.investigations.map { "\($0.kind.rawValue):\($0.startedOn)..\($0.concludedOn?.isoString ?? "")" }.joined(separator: ";"),
            allegation.disciplinary?.startedOn.isoString ?? "", allegation.disciplinary?.concludedOn?.isoString ?? "",
            allegation.outcome?.rawValue ?? "", allegation.outcomeOn?.isoString ?? "",
            allegation.referrals.map { "\($0.body.rawValue):\($0.referredOn)" }.joined(separator: ";"), allegation.closedOn?.isoString ?? "",
        ]
    }
}
