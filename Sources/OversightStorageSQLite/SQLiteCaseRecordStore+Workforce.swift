import GRDB
import OversightCore
import OversightStorage

/// The workforce register in the catalogue (migration `004-workforce`): replaced whole by each register import.
extension SQLiteCaseRecordStore: WorkforceStore {
    public func replaceWorkforceRegister(_ register: WorkforceRegister, source: String, importedAt: String) throws(StorageError) {
        try writeCatalogue("importing the workforce register from \(source)") { db in
            try db.execute(sql: "DELETE FROM workforce_spell; DELETE FROM workforce_establishment;")
            let spell = try db.makeStatement(sql: """
                INSERT INTO workforce_spell (worker_id, name, role, team_id, contract, fte, start_date, end_date, leaving_reason, case_holding)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in register.spells {
                try spell.execute(arguments: [
                    row.workerID.rawValue, row.name, row.role.rawValue, row.teamID.rawValue, row.contract.rawValue, row.fullTimeEquivalent,
                    row.start.isoString, row.end?.isoString, row.leavingReason?.rawValue, row.isCaseHolding,
                ])
            }
            let team = try db.makeStatement(sql: """
                INSERT INTO workforce_establishment (team_id, from_date, team_name, service, funded_fte) VALUES (?, ?, ?, ?, ?)
                """)
            for row in register.establishment {
                try team.execute(arguments: [row.teamID.rawValue, row.from.isoString, row.teamName, row.service, row.fundedFTE])
            }
            try db.execute(
                sql: "INSERT INTO workforce_import (source, imported_at, spells, establishment_rows) VALUES (?, ?, ?, ?)",
                arguments: [source, importedAt, register.spells.count, register.establishment.count])
        }
    }

    public func fetchWorkforceRegister() throws(StorageError) -> WorkforceRegister {
        try readCatalogue("reading the workforce register") { db in
            let spells = try Row.fetchAll(db, sql: "SELECT * FROM workforce_spell ORDER BY worker_id, start_date").map { row in
                try WorkforceColumns.spell(
                    workerID: row["worker_id"], name: row["name"], role: row["role"], teamID: row["team_id"], contract: row["contract"],
                    fte: row["fte"], start: row["start_date"], end: row["end_date"], leavingReason: row["leaving_reason"],
                    isCaseHolding: row["case_holding"])
            }
            let establishment = try Row.fetchAll(db, sql: "SELECT * FROM workforce_establishment ORDER BY team_id, from_date").map { row in
                try WorkforceColumns.establishment(
                    teamID: row["team_id"], teamName: row["team_name"], service: row["service"], fundedFTE: row["funded_fte"],
                    from: row["from_date"])
            }
            return WorkforceRegister(spells: spells, establishment: establishment)
        }
    }

    public func fetchWorkforceImports() throws(StorageError) -> [WorkforceImport] {
        try readCatalogue("listing workforce imports") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM workforce_import ORDER BY id").map { row in
                WorkforceImport(
                    source: row["source"], importedAt: row["imported_at"], spellCount: row["spells"],
                    establishmentCount: row["establishment_rows"])
            }
        }
    }
}
