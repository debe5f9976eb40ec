import OversightCore
import OversightStorage
import PostgresNIO

/// Users, sessions, API tokens, restrictions, audit assignments and the access log, in the catalogue schema
/// (migration `002-access`): they outlive every import, as in the SQLite store's catalogue.
///
/// Every method behaves as the SQLite store's does, and the access store contract suite runs against both: saving
/// a user or a restriction replaces the one with the same key, assigning an audit twice is the same as once, and
/// the access log is read newest first. The log is append-only in the database itself: a trigger refuses UPDATE,
/// DELETE and TRUNCATE, so not even SQL typed at `psql` can rewrite it.
extension PostgresCaseRecordStore: AccessStore {
    public func saveUser(_ user: UserAccount, passwordHash: String) throws(StorageError) {
        var binds = PostgresBindings()
        binds.append(user.username)
        binds.append(user.displayName)
        binds.append(user.role.rawValue)
        binds.append(user.workerID)
        binds.append(user.teamID)
        binds.append(user.isActive)
        binds.append(passwordHash)
        try execute(
            "saving user \(user.username)",
            """
            INSERT INTO \(catalogue("app_user")) (username, display_name, role, worker_id, team_id, is_active, password_hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                worker_id = excluded.worker_id, team_id = excluded.team_id, is_active = excluded.is_active,
                password_hash = excluded.password_hash
            """, binds)
    }

    public func user(named username: String) throws(StorageError) -> UserAccount? {
        let rows = try execute(
            "reading user \(username)", "SELECT \(Self.userColumns) FROM \(catalogue("app_user")) WHERE username = $1",
            Self.binds(username))
        guard let row = rows.first else { return nil }
        return try Self.user(row)
    }

    public func passwordHash(of username: String) throws(StorageError) -> String? {
        try execute(
            "reading a password hash", "SELECT password_hash FROM \(catalogue("app_user")) WHERE username = $1 AND is_active",
            Self.binds(username)
        ).first.map { row throws(StorageError) in try Self.decode(row, String.self, "reading a password hash") }
    }

    public func users() throws(StorageError) -> [UserAccount] {
        // Byte-wise, as SQLite orders text.
        let rows = try execute("listing users", "SELECT \(Self.userColumns) FROM \(catalogue("app_user")) ORDER BY username COLLATE \"C\"")
        var users: [UserAccount] = []
        for row in rows { users.append(try Self.user(row)) }
        return users
    }

    private static let userColumns = "username, display_name, role, worker_id, team_id, is_active"

    private static func user(_ row: PostgresRow) throws(StorageError) -> UserAccount {
        let (username, displayName, roleText, workerID, teamID, isActive) =
            try decode(row, (String, String, String, String?, String?, Bool).self, "reading a user")
        guard let role = Role(rawValue: roleText) else {
            throw .database(operation: "reading user \(username)", reason: "unknown role '\(roleText)'")
        }
        return UserAccount(username: username, displayName: displayName, role: role, workerID: workerID, teamID: teamID, isActive: isActive)
    }

    public func createSession(_ session: StoredSession) throws(StorageError) {
        let logger = pool.logger
        try database("starting a session") { connection in
            try transaction(connection) {
                // Expired sessions are swept whenever a new one starts, so the table never grows without bound.
                var sweep = PostgresBindings()
                sweep.append(session.expiresAt - 86_400 * 30)
                try connection.run("DELETE FROM \(catalogue("app_session")) WHERE expires_at <= $1", sweep, logger: logger)
                var binds = Self.binds(session.token, session.username, session.csrfToken)
                binds.append(session.expiresAt)
                try connection.run(
                    "INSERT INTO \(catalogue("app_session")) (token, username, csrf_token, expires_at) VALUES ($1, $2, $3, $4)", binds,
                    logger: logger)
            }
        }
    }

    public func session(token: String) throws(StorageError) -> StoredSession? {
        let rows = try execute(
            "reading a session", "SELECT token, username, csrf_token, expires_at FROM \(catalogue("app_session")) WHERE token = $1",
            Self.binds(token))
        guard let row = rows.first else { return nil }
        let (token, username, csrfToken, expiresAt) = try Self.decode(row, (String, String, String, Int64).self, "reading a session")
        return StoredSession(token: token, username: username, csrfToken: csrfToken, expiresAt: expiresAt)
    }

    public func extendSession(token: String, until expiresAt: Int64) throws(StorageError) {
        var binds = PostgresBindings()
        binds.append(expiresAt)
        binds.append(token)
        try execute("extending a session", "UPDATE \(catalogue("app_session")) SET expires_at = $1 WHERE token = $2", binds)
    }

    public func deleteSession(token: String) throws(StorageError) {
        try execute("ending a session", "DELETE FROM \(catalogue("app_session")) WHERE token = $1", Self.binds(token))
    }

    public func saveAPIToken(hash: String, username: String, label: String) throws(StorageError) {
        try execute(
            "saving an API token", "INSERT INTO \(catalogue("api_token")) (token_hash, username, label) VALUES ($1, $2, $3)",
            Self.binds(hash, username, label))
    }

    public func username(forAPITokenHash hash: String) throws(StorageError) -> String? {
        try execute("checking an API token", "SELECT username FROM \(catalogue("api_token")) WHERE token_hash = $1", Self.binds(hash))
            .first.map { row throws(StorageError) in try Self.decode(row, String.self, "checking an API token") }
    }

    public func saveRestriction(_ restriction: ChildRestriction) throws(StorageError) {
        // Names one per line, sorted, as the SQLite store keeps them.
        try execute(
            "restricting child \(restriction.childID)",
            """
            INSERT INTO \(catalogue("child_restriction")) (child_id, usernames, team_ids, reason) VALUES ($1, $2, $3, $4)
            ON CONFLICT (child_id) DO UPDATE SET usernames = excluded.usernames, team_ids = excluded.team_ids,
                reason = excluded.reason
            """,
            Self.binds(
                restriction.childID, restriction.usernames.sorted().joined(separator: "\n"),
                restriction.teamIDs.sorted().joined(separator: "\n"), restriction.reason))
    }

    public func removeRestriction(childID: String) throws(StorageError) {
        try execute(
            "lifting the restriction on \(childID)", "DELETE FROM \(catalogue("child_restriction")) WHERE child_id = $1", Self.binds(childID))
    }

    public func restrictions() throws(StorageError) -> [ChildRestriction] {
        let rows = try execute(
            "reading restrictions",
            "SELECT child_id, usernames, team_ids, reason FROM \(catalogue("child_restriction")) ORDER BY child_id COLLATE \"C\"")
        var restrictions: [ChildRestriction] = []
        for row in rows {
            let (childID, usernames, teamIDs, reason) = try Self.decode(row, (String, String, String, String).self, "reading restrictions")
            func set(_ text: String) -> Set<String> { Set(text.split(separator: "\n").map(String.init)) }
            restrictions.append(ChildRestriction(childID: childID, usernames: set(usernames), teamIDs: set(teamIDs), reason: reason))
        }
        return restrictions
    }

    public func assignAudit(childID: String, to username: String) throws(StorageError) {
        // SQLite's INSERT OR IGNORE: assigning the same child twice is the same as once.
        try execute(
            "assigning an audit",
            "INSERT INTO \(catalogue("audit_assignment")) (username, child_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            Self.binds(username, childID))
    }

    public func auditedChildren(of username: String) throws(StorageError) -> Set<String> {
        let rows = try execute(
            "reading audit assignments", "SELECT child_id FROM \(catalogue("audit_assignment")) WHERE username = $1", Self.binds(username))
        var children: Set<String> = []
        for row in rows { children.insert(try Self.decode(row, String.self, "reading audit assignments")) }
        return children
    }

    public func appendAccessLog(_ entry: AccessLogEntry) throws(StorageError) {
        try appendAccessLog([entry])
    }

    /// One multi-row INSERT, so a group commit's entries are stored together or not at all.
    public func appendAccessLog(_ entries: [AccessLogEntry]) throws(StorageError) {
        guard !entries.isEmpty else { return }
        var binds = PostgresBindings()
        var rows: [String] = []
        for entry in entries {
            let first = binds.count + 1
            for text in [entry.at, entry.username, entry.role.rawValue, entry.action.rawValue, entry.subject, entry.reason] { binds.append(text) }
            binds.append(entry.childCount)
            rows.append("(" + (first..<(first + 7)).map { "$\($0)" }.joined(separator: ", ") + ")")
        }
        try execute(
            "writing the access log",
            "INSERT INTO \(catalogue("access_log")) (at, username, role, action, subject, reason, child_count) VALUES \(rows.joined(separator: ", "))",
            binds)
    }

    public func accessLog(subject: String?, username: String?, limit: Int) throws(StorageError) -> [AccessLogEntry] {
        var conditions: [String] = []
        var binds = PostgresBindings()
        if let subject {
            binds.append(subject)
            conditions.append("subject = $\(binds.count)")
        }
        if let username {
            binds.append(username)
            conditions.append("username = $\(binds.count)")
        }
        // SQLite reads a negative LIMIT as no limit; PostgreSQL refuses one, and reads NULL as no limit.
        binds.append(limit < 0 ? nil : limit)
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try execute(
            "reading the access log",
            """
            SELECT at, username, role, action, subject, reason, child_count FROM \(catalogue("access_log")) \(filter)
            ORDER BY id DESC LIMIT $\(binds.count)
            """, binds)
        var entries: [AccessLogEntry] = []
        for row in rows {
            let (at, username, role, action, subject, reason, childCount) =
                try Self.decode(row, (String, String, String, String, String, String, Int).self, "reading the access log")
            entries.append(AccessLogEntry(
                at: at, username: username, role: Role(rawValue: role) ?? .inspector,
                action: AccessLogEntry.Action(rawValue: action) ?? .viewChild, subject: subject, reason: reason, childCount: childCount))
        }
        return entries
    }

    /// Runs SQL in the catalogue schema (tables named without a schema) in a transaction of its own.
    ///
    /// *For internal use only*: tests use it to show what the database itself refuses, such as an edit to the
    /// access log.
    /// - Throws: `StorageError.database`, with the server's message.
    func executeInCatalogue(_ operation: String, _ sql: String) throws(StorageError) {
        let logger = pool.logger
        try database(operation) { connection in
            try transaction(connection) {
                try connection.run("SET LOCAL search_path TO \(quoted(schema))", logger: logger)
                try connection.run(sql, logger: logger)
            }
        }
    }

    /// Runs one statement on a connection of its own (autocommit), turning failures into `StorageError.database`.
    @discardableResult
    func execute(_ operation: String, _ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws(StorageError)
        -> [PostgresRow]
    {
        try database(operation) { connection in try connection.run(sql, binds, logger: pool.logger) }
    }

    static func decode<each Column: PostgresDecodable>(
        _ row: PostgresRow, _ types: (repeat each Column).Type, _ operation: String
    ) throws(StorageError) -> (repeat each Column) {
        do {
            return try row.decode(types)
        } catch {
            throw .database(operation: operation, reason: ConnectionPool.describe(error))
        }
    }
}
