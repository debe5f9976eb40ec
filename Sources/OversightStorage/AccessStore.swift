import OversightCore

/// A signed-in session, held server-side so that signing out or expiry ends it everywhere.
public struct StoredSession: Sendable, Equatable {
    public var token: String
    public var username: String
    /// Every form posted in this session must carry it (cross-site request forgery).
    public var csrfToken: String
    /// Unix seconds; the session is refused from this moment.
    public var expiresAt: Int64

    public init(token: String, username: String, csrfToken: String, expiresAt: Int64) {
        self.token = token
        self.username = username
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// Who may sign in, their sessions and tokens, which records are restricted, and the log of every look
/// at child-level data.
public protocol AccessStore: Sendable {
    /// Adds a user, or replaces the one with the same username (role, team, password).
    func saveUser(_ user: UserAccount, passwordHash: String) throws(StorageError)
    func user(named username: String) throws(StorageError) -> UserAccount?
    func passwordHash(of username: String) throws(StorageError) -> String?
    func users() throws(StorageError) -> [UserAccount]

    func createSession(_ session: StoredSession) throws(StorageError)
    func session(token: String) throws(StorageError) -> StoredSession?
    /// Moves a live session's expiry on (sessions expire after a period of inactivity).
    func extendSession(token: String, until expiresAt: Int64) throws(StorageError)
    func deleteSession(token: String) throws(StorageError)

    /// Stores an API token for a user; the token itself is shown once and only its hash is kept.
    func saveAPIToken(hash: String, username: String, label: String) throws(StorageError)
    func username(forAPITokenHash hash: String) throws(StorageError) -> String?

    func saveRestriction(_ restriction: ChildRestriction) throws(StorageError)
    func removeRestriction(childID: String) throws(StorageError)
    func restrictions() throws(StorageError) -> [ChildRestriction]

    /// Children in QA audits assigned to an auditor.
    func assignAudit(childID: String, to username: String) throws(StorageError)
    func auditedChildren(of username: String) throws(StorageError) -> Set<String>

    /// Appends to the access log. Nothing can change or remove an entry afterwards.
    func appendAccessLog(_ entry: AccessLogEntry) throws(StorageError)
    /// Appends several entries in one transaction: all are stored or none.
    func appendAccessLog(_ entries: [AccessLogEntry]) throws(StorageError)
    /// The log, newest first, optionally only for one child or one user.
    func accessLog(subject: String?, username: String?, limit: Int) throws(StorageError) -> [AccessLogEntry]
}

extension AccessStore {
    /// One at a time, for stores without a batch write.
    public func appendAccessLog(_ entries: [AccessLogEntry]) throws(StorageError) {
        for entry in entries { try appendAccessLog(entry) }
    }
}
