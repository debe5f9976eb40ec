import OversightCore

/// The workforce CSV (docs/workforce.md): what HR knows that the SSD lacks.
///
/// Two files. The staff file has one row per worker per spell in post (a worker who moves team has two rows, the
/// first ending the day before the second starts); the establishment file has one row per team per change to its
/// funded posts. A register is read whole and checked before anything is stored: the first bad value stops the
/// import with `file:line: column: reason`.
public enum WorkforceCSV {
    public static let staffColumns = [
        "worker_id", "name", "role", "team_id", "contract", "fte", "start_date", "end_date", "leaving_reason", "case_holding",
    ]
    public static let establishmentColumns = ["team_id", "team_name", "service", "funded_fte", "from_date"]
    /// Optional: a council may leave names out (they are in the SSD's professionals table).
    static let optionalColumns: Set<String> = ["name"]

    /// Reads and checks a register.
    /// - Parameters:
    ///   - staff: the staff CSV.
    ///   - establishment: the establishment CSV; without it the register has no funded posts (no vacancy rate).
    /// - Throws: `InterchangeError` naming file, line and column of the first problem.
    public static func read(staff: String, establishment: String? = nil) throws(InterchangeError) -> WorkforceRegister {
        var register = WorkforceRegister()
        var teamsSeen: Set<Identifier<Team>> = []
        if let establishment {
            var keys: [String: Int] = [:]
            try eachRow(establishment, columns: establishmentColumns) { (row: Row) throws(InterchangeError) in
                let team = try row.required("team_id")
                let from = try row.date("from_date")
                let funded = try row.number("funded_fte", in: 0...10_000, expectation: "must be a number of posts, 0 or more")
                if let line = keys["\(team)|\(from)"] {
                    throw row.invalid("from_date", from.isoString, "repeats the establishment of team \(team) from the same day (line \(line))")
                }
                keys["\(team)|\(from)"] = row.line
                register.establishment.append(TeamEstablishment(
                    teamID: Identifier(team), teamName: try row.required("team_name"), service: try row.required("service"),
                    fundedFTE: funded, from: from))
                teamsSeen.insert(Identifier(team))
            }
        }
        var spellsByWorker: [String: [(spell: StaffSpell, line: Int)]] = [:]
        try eachRow(staff, columns: staffColumns) { (row: Row) throws(InterchangeError) in
            let worker = try row.required("worker_id")
            let roleText = try row.required("role")
            guard let role = WorkforceRole(rawValue: roleText.lowercased()) else {
                throw row.invalid("role", roleText, "is not a role; use one of \(WorkforceRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let team = try row.required("team_id")
            if establishment != nil && !teamsSeen.contains(Identifier(team)) {
                throw row.invalid("team_id", team, "is not a team in the establishment file")
            }
            let contractText = try row.required("contract")
            guard let contract = ContractType(rawValue: contractText.lowercased()) else {
                throw row.invalid("contract", contractText, "must be permanent or agency")
            }
            let fte = try row.number("fte", in: 0.01...1, expectation: "must be a full-time equivalent above 0 and at most 1")
            let start = try row.date("start_date")
            let end = try row.optionalDate("end_date")
            if let end, end < start { throw row.invalid("end_date", end.isoString, "is before start_date \(start.isoString)") }
            let reasonText = row["leaving_reason"]
            var reason: LeavingReason?
            if !reasonText.isEmpty {
                guard let value = LeavingReason(rawValue: reasonText.lowercased()) else {
                    throw row.invalid(
                        "leaving_reason", reasonText, "is not a leaving reason; use one of \(LeavingReason.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard end != nil else { throw row.invalid("leaving_reason", reasonText, "is given but end_date is empty") }
                reason = value
            }
            let holdingText = try row.required("case_holding")
            guard let holding = ["y": true, "yes": true, "true": true, "1": true, "n": false, "no": false, "false": false, "0": false][holdingText.lowercased()]
            else { throw row.invalid("case_holding", holdingText, "must be Y or N") }
            let name = row["name"]
            let spell = StaffSpell(
                workerID: Identifier(worker), name: name.isEmpty ? nil : name, role: role, teamID: Identifier(team), contract: contract,
                fullTimeEquivalent: fte, start: start, end: end, leavingReason: reason, isCaseHolding: holding)
            for other in spellsByWorker[worker] ?? [] where DateInterval(start: start, end: end).overlaps(DateInterval(start: other.spell.start, end: other.spell.end)) {
                throw row.invalid(
                    "start_date", start.isoString,
                    "overlaps worker \(worker)'s spell from \(other.spell.start.isoString) on line \(other.line); a worker holds one post at a time")
            }
            spellsByWorker[worker, default: []].append((spell, row.line))
            register.spells.append(spell)
        }
        return register
    }

    /// A row with its file and line, for messages.
    struct Row {
        var file: String
        var line: Int
        var fields: [String: String]

        subscript(column: String) -> String { (fields[column] ?? "").trimmingCharacters(in: .whitespaces) }

        func invalid(_ column: String, _ value: String, _ reason: String) -> InterchangeError {
            .invalidValue(value, reason: reason, at: SourceLocation(file: file, line: line, field: column))
        }

        func required(_ column: String) throws(InterchangeError) -> String {
            let value = self[column]
            if value.isEmpty { throw invalid(column, value, "is empty; the column is required") }
            return value
        }

        func date(_ column: String) throws(InterchangeError) -> LocalDate {
            let text = try required(column)
            guard let date = LocalDate(parsing: text) else { throw invalid(column, text, "is not a valid date (YYYY-MM-DD)") }
            return date
        }

        func optionalDate(_ column: String) throws(InterchangeError) -> LocalDate? {
            self[column].isEmpty ? nil : try date(column)
        }

        func number(_ column: String, in range: ClosedRange<Double>, expectation: String) throws(InterchangeError) -> Double {
            let text = try required(column)
            guard let value = Double(text), range.contains(value) else { throw invalid(column, text, expectation) }
            return value
        }
    }

    static func eachRow(_ path: String, columns: [String], _ body: (Row) throws(InterchangeError) -> Void) throws(InterchangeError) {
        let reader = try CSVReader(path: path)
        let header = reader.header.map { $0.lowercased() }
        for column in columns where !optionalColumns.contains(column) && !header.contains(column) {
            throw .missingColumn(column, at: SourceLocation(file: reader.displayName, line: 1))
        }
        while let record = try reader.next() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var fields: [String: String] = [:]
            for (index, name) in header.enumerated() where index < record.fields.count { fields[name] = record.fields[index] }
            try body(Row(file: reader.displayName, line: record.line, fields: fields))
        }
    }
}
