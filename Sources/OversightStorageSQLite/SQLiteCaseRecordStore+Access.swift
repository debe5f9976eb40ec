import Foundation
import GRDB
import OversightCore
import OversightStorage

extension SQLiteCaseRecordStore: AccessStore {
    public func saveUser(_ user: UserAccount, passwordHash: String) throws(StorageError) {
        try writeCatalogue("saving user \(user.username)") { db in
            try db.execute(
                sql: """
                    INSERT INTO app_user (username, display_name, role, worker_id, team_id, is_active, password_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                        worker_id = excluded.worker_id, team_id = excluded.team_id, is_active = excluded.is_active,
                        password_hash = excluded.password_hash
                    """,
                arguments: [user.username, user.displayName, user.role.rawValue, user.workerID, user.teamID, user.isActive, passwordHash])
        }
    }

    public func user(named username: String) throws(StorageError) -> UserAccount? {
        try readCatalogue("reading user \(username)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM app_user WHERE username = ?", arguments: [username]).map(Self.user)
        }
    }

    public func passwordHash(of username: String) throws(StorageError) -> String? {
        try readCatalogue("reading a password hash") { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM app_user WHERE username = ? AND is_active", arguments: [username])
        }
    }

    public func users() throws(StorageError) -> [UserAccount] {
        try readCatalogue("listing users") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM app_user ORDER BY username").map(Self.user)
        }
    }

    private static func user(_ row: Row) throws -> UserAccount {
        let roleText: String = row["role"]
        guard let role = Role(rawValue: roleText) else {
            throw StorageError.database(operation: "reading user \(row["username"] as String)", reason: "unknown role '\(roleText)'")
        }
        return UserAccount(
            username: row["username"], displayName: row["display_name"], role: role, workerID: row["worker_id"],
            teamID: row["team_id"], isActive: row["is_active"])
    }

    public func createSession(_ session: StoredSession) throws(StorageError) {
        try writeCatalogue("starting a session") { db in
            // Expired sessions are swept whenever a new one starts, so the table never grows without bound.
            try db.execute(sql: "DELETE FROM app_session WHERE expires_at <= ?", arguments: [session.expiresAt - 86_400 * 30])
            try db.execute(
                sql: "INSERT INTO app_session (token, username, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [session.token, session.username, session.csrfToken, session.expiresAt])
        }
    }

    public func session(token: String) throws(StorageError) -> StoredSession? {
        try readCatalogue("reading a session") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM app_session WHERE token = ?", arguments: [token]).map { row in
                StoredSession(token: row["token"], username: row["username"], csrfToken: row["csrf_token"], expiresAt: row["expires_at"])
            }
        }
    }

    public func extendSession(token: String, until expiresAt: Int64) throws(StorageError) {
        try writeCatalogue("extending a session") { db in
            try db.execute(sql: "UPDATE app_session SET expires_at = ? WHERE token = ?", arguments: [expiresAt, token])
        }
    }

    public func deleteSession(token: String) throws(StorageError) {
        try writeCatalogue("ending a session") { db in
            try db.execute(sql: "DELETE FROM app_session WHERE token = ?", arguments: [token])
        }
    }

    public func saveAPIToken(hash: String, username: String, label: String) throws(StorageError) {
        try writeCatalogue("saving an API token") { db in
            try db.execute(
                sql: "INSERT INTO api_token (token_hash, username, label) VALUES (?, ?, ?)", arguments: [hash, username, label])
        }
    }

    public func username(forAPITokenHash hash: String) throws(StorageError) -> String? {
        try readCatalogue("checking an API token") { db in
            try String.fetchOne(db, sql: "SELECT username FROM api_token WHERE token_hash = ?", arguments: [hash])
        }
    }

    public func saveRestriction(_ restriction: ChildRestriction) throws(StorageError) {
        try writeCatalogue("restricting child \(restriction.childID)") { db in
            try db.execute(
                sql: """
                    INSERT INTO child_restriction (child_id, usernames, team_ids, reason) VALUES (?, ?, ?, ?)
                    ON CONFLICT(child_id) DO UPDATE SET usernames = excluded.usernames, team_ids = excluded.team_ids,
                        reason = excluded.reason
                    """,
                arguments: [
                    restriction.childID, restriction.usernames.sorted().joined(separator: "\n"),
                    restriction.teamIDs.sorted().joined(separator: "\n"), restriction.reason,
                ])
        }
    }

    public func removeRestriction(childID: String) throws(StorageError) {
        try writeCatalogue("lifting the restriction on \(childID)") { db in
            try db.execute(sql: "DELETE FROM child_restriction WHERE child_id = ?", arguments: [childID])
        }
    }

    public func restrictions() throws(StorageError) -> [ChildRestriction] {
        try readCatalogue("reading restrictions") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM child_restriction ORDER BY child_id").map { row in
                func set(_ column: String) -> Set<String> {
                    Set((row[column] as String).split(separator: "\n").map(String.init))
                }
                return ChildRestriction(childID: row["child_id"], usernames: set("usernames"), teamIDs: set("team_ids"), reason: row["reason"])
            }
        }
    }

    public func assignAudit(childID: String, to username: String) throws(StorageError) {
        try writeCatalogue("assigning an audit") { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO audit_assignment (username, child_id) VALUES (?, ?)", arguments: [username, childID])
        }
    }

    public func auditedChildren(of username: String) throws(StorageError) -> Set<String> {
        try readCatalogue("reading audit assignments") { db in
            Set(try String.fetchAll(db, sql: "SELECT child_id FROM audit_assignment WHERE username = ?", arguments: [username]))
        }
    }

    public func appendAccessLog(_ entry: AccessLogEntry) throws(StorageError) {
        try appendAccessLog([entry])
    }

    public func appendAccessLog(_ entries: [AccessLogEntry]) throws(StorageError) {
        try writeCatalogue("writing the access log") { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO access_log (at, username, role, action, subject, reason, child_count)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for entry in entries {
                try statement.execute(arguments: [
                    entry.at, entry.username, entry.role.rawValue, entry.action.rawValue, entry.subject, entry.reason,
                    entry.childCount,
                ])
            }
        }
    }

    public func accessLog(subject: String?, username: String?, limit: Int) throws(StorageError) -> [AccessLogEntry] {
        try readCatalogue("reading the access log") { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let subject {
                conditions.append("subject = ?")
                _ = arguments.append(contentsOf: [subject])
            }
            if let username {
                conditions.append("username = ?")
                _ = arguments.append(contentsOf: [username])
            }
            _ = arguments.append(contentsOf: [limit])
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM access_log \(filter) ORDER BY id DESC LIMIT ?", arguments: arguments)
                .map { row in
                    AccessLogEntry(
                        at: row["at"], username: row["username"], role: Role(rawValue: row["role"]) ?? .inspector,
                        action: AccessLogEntry.Action(rawValue: row["action"]) ?? .viewChild, subject: row["subject"],
                        reason: row["reason"], childCount: row["child_count"])
                }
        }
    }

    func writeCatalogue(_ operation: String, _ body: (Database) throws -> Void) throws(StorageError) {
        do {
            try catalogue.write(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw .database(operation: operation, reason: Self.reason(error))
        }
    }
}
