import OversightCore
import OversightStorage
import PostgresNIO

/// The workforce register in the catalogue schema (migration `004-workforce`), behaving as the SQLite store's does;
/// the workforce store contract suite runs against both.
extension PostgresCaseRecordStore: WorkforceStore {
    /// Rows per INSERT: a register of an England-sized workforce is tens of thousands of spells.
    private static let rowsPerInsert = 500

    public func replaceWorkforceRegister(_ register: WorkforceRegister, source: String, importedAt: String) throws(StorageError) {
        let logger = pool.logger
        try database("importing the workforce register from \(source)") { connection in
            try transaction(connection) {
                try connection.run("DELETE FROM \(catalogue("workforce_spell"))", logger: logger)
                try connection.run("DELETE FROM \(catalogue("workforce_establishment"))", logger: logger)
                for start in stride(from: 0, to: register.spells.count, by: Self.rowsPerInsert) {
                    let rows = register.spells[start..<min(start + Self.rowsPerInsert, register.spells.count)]
                    var binds = PostgresBindings(capacity: rows.count * 10)
                    var values: [String] = []
                    for row in rows {
                        let n = binds.count
                        values.append("($\(n + 1), $\(n + 2), $\(n + 3), $\(n + 4), $\(n + 5), $\(n + 6), $\(n + 7)::text::date, $\(n + 8)::text::date, $\(n + 9), $\(n + 10))")
                        binds.append(row.workerID.rawValue)
                        binds.append(row.name)
                        binds.append(row.role.rawValue)
                        binds.append(row.teamID.rawValue)
                        binds.append(row.contract.rawValue)
                        binds.append(row.fullTimeEquivalent)
                        binds.append(row.start.isoString)
                        binds.append(row.end?.isoString)
                        binds.append(row.leavingReason?.rawValue)
                        binds.append(row.isCaseHolding)
                    }
                    try connection.run(
                        """
                        INSERT INTO \(catalogue("workforce_spell")) (worker_id, name, role, team_id, contract, fte, start_date, end_date,
                            leaving_reason, case_holding) VALUES \(values.joined(separator: ", "))
                        """, binds, logger: logger)
                }
                for row in register.establishment {
                    var binds = Self.binds(row.teamID.rawValue, row.from.isoString, row.teamName, row.service)
                    binds.append(row.fundedFTE)
                    try connection.run(
                        """
                        INSERT INTO \(catalogue("workforce_establishment")) (team_id, from_date, team_name, service, funded_fte)
                        VALUES ($1, $2::text::date, $3, $4, $5)
                        """, binds, logger: logger)
                }
                var binds = Self.binds(source, importedAt)
                binds.append(register.spells.count)
                binds.append(register.establishment.count)
                try connection.run(
                    "INSERT INTO \(catalogue("workforce_import")) (source, imported_at, spells, establishment_rows) VALUES ($1, $2, $3, $4)",
                    binds, logger: logger)
            }
        }
    }

    public func fetchWorkforceRegister() throws(StorageError) -> WorkforceRegister {
        let operation = "reading the workforce register"
        var register = WorkforceRegister()
        for row in try execute(
            operation,
            """
            SELECT worker_id, name, role, team_id, contract, fte, to_char(start_date, 'YYYY-MM-DD'), to_char(end_date, 'YYYY-MM-DD'),
                leaving_reason, case_holding
            FROM \(catalogue("workforce_spell")) ORDER BY worker_id COLLATE "C", start_date
            """)
        {
            let (worker, name, role, team, contract, fte, start, end, reason, caseHolding) =
                try Self.decode(row, (String, String?, String, String, String, Double, String, String?, String?, Bool).self, operation)
            register.spells.append(try WorkforceColumns.spell(
                workerID: worker, name: name, role: role, teamID: team, contract: contract, fte: fte, start: start, end: end,
                leavingReason: reason, isCaseHolding: caseHolding))
        }
        for row in try execute(
            operation,
            """
            SELECT team_id, team_name, service, funded_fte, to_char(from_date, 'YYYY-MM-DD')
            FROM \(catalogue("workforce_establishment")) ORDER BY team_id COLLATE "C", from_date
            """)
        {
            let (team, name, service, funded, from) = try Self.decode(row, (String, String, String, Double, String).self, operation)
            register.establishment.append(try WorkforceColumns.establishment(teamID: team, teamName: name, service: service, fundedFTE: funded, from: from))
        }
        return register
    }

    public func fetchWorkforceImports() throws(StorageError) -> [WorkforceImport] {
        let operation = "listing workforce imports"
        var imports: [WorkforceImport] = []
        for row in try execute(
            operation, "SELECT source, imported_at, spells, establishment_rows FROM \(catalogue("workforce_import")) ORDER BY id")
        {
            let (source, at, spells, teams) = try Self.decode(row, (String, String, Int, Int).self, operation)
            imports.append(WorkforceImport(source: source, importedAt: at, spellCount: spells, establishmentCount: teams))
        }
        return imports
    }
}
