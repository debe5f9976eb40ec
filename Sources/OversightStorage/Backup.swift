import Foundation

/// What a store holds besides its case records, counted: enough to tell an empty database from one in use, and to
/// say what a backup or a restore carried.
public struct StoreContents: Sendable, Equatable, Codable, CustomStringConvertible {
    public var extracts: Int
    public var users: Int
    public var sessions: Int
    public var apiTokens: Int
    public var restrictions: Int
    public var auditAssignments: Int
    public var accessLogEntries: Int
    /// Improvement plans (migration `003-plans`); absent from manifests written before plans existed.
    public var plans: Int
    /// QA audits (migration `005-audits`); absent from manifests written before audits existed.
    public var audits: Int
    /// LADO allegations and partner notifications (migration `006-lado-notifications`); absent from older manifests.
    public var allegations: Int
    public var notifications: Int
    /// The IRO escalation and SEND trackers' records (migration `007-escalations-send`); absent from earlier manifests.
    public var escalations: Int = 0
    public var iroReviewRecords: Int = 0
    public var ehcNeedsAssessments: Int = 0
    public var ehcAnnualReviews: Int = 0
    public var waitingListReferrals: Int = 0

    public init(
        extracts: Int = 0, users: Int = 0, sessions: Int = 0, apiTokens: Int = 0, restrictions: Int = 0, auditAssignments: Int = 0,
        accessLogEntries: Int = 0, plans: Int = 0, audits: Int = 0, allegations: Int = 0, notifications: Int = 0
    ) {
        self.extracts = extracts
        self.users = users
        self.sessions = sessions
        self.apiTokens = apiTokens
        self.restrictions = restrictions
        self.auditAssignments = auditAssignments
        self.accessLogEntries = accessLogEntries
        self.plans = plans
        self.audits = audits
        self.allegations = allegations
        self.notifications = notifications
    }

    private enum CodingKeys: String, CodingKey {
        case extracts, users, sessions, apiTokens, restrictions, auditAssignments, accessLogEntries, plans, audits, allegations, notifications
        case escalations, iroReviewRecords, ehcNeedsAssessments, ehcAnnualReviews, waitingListReferrals
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        extracts = try container.decode(Int.self, forKey: .extracts)
        users = try container.decode(Int.self, forKey: .users)
        sessions = try container.decode(Int.self, forKey: .sessions)
        apiTokens = try container.decode(Int.self, forKey: .apiTokens)
        restrictions = try container.decode(Int.self, forKey: .restrictions)
        auditAssignments = try container.decode(Int.self, forKey: .auditAssignments)
        accessLogEntries = try container.decode(Int.self, forKey: .accessLogEntries)
        plans = try container.decodeIfPresent(Int.self, forKey: .plans) ?? 0
        audits = try container.decodeIfPresent(Int.self, forKey: .audits) ?? 0
        allegations = try container.decodeIfPresent(Int.self, forKey: .allegations) ?? 0
        notifications = try container.decodeIfPresent(Int.self, forKey: .notifications) ?? 0
        escalations = try container.decodeIfPresent(Int.self, forKey: .escalations) ?? 0
        iroReviewRecords = try container.decodeIfPresent(Int.self, forKey: .iroReviewRecords) ?? 0
        ehcNeedsAssessments = try container.decodeIfPresent(Int.self, forKey: .ehcNeedsAssessments) ?? 0
        ehcAnnualReviews = try container.decodeIfPresent(Int.self, forKey: .ehcAnnualReviews) ?? 0
        waitingListReferrals = try container.decodeIfPresent(Int.self, forKey: .waitingListReferrals) ?? 0
    }

    /// The tables of a store's catalogue, migrations' bookkeeping included: any other table in the place a restore
    /// would replace means the place is not Oversight's.
    public static let catalogueTables: Set<String> = [
        "extract", "app_user", "app_session", "api_token", "child_restriction", "audit_assignment", "access_log",
        "schema_migrations", "grdb_migrations", "sqlite_sequence",
        "improvement_plan", "plan_recommendation", "plan_measure_link", "plan_action", "action_update",
        "audit_sample", "audit", "audit_record", "audit_moderation", "case_action", "case_action_event", "learning_theme", "saved_filter",
        "spot_check", "spot_check_done",
        "workforce_import", "workforce_spell", "workforce_establishment",
        "lado_allegation", "lado_disposal", "partner_notification",
        "escalation", "iro_review_record", "ehc_needs_assessment", "ehc_annual_review", "waiting_list_referral",
    ]

    /// Nothing imported and nothing about people: a database a restore may fill without asking.
    public var isEmpty: Bool { self == StoreContents() }

    /// The tables counted, in the order `description` lists them, each with its singular and plural wording.
    public static var tables: [(table: String, path: WritableKeyPath<StoreContents, Int>, one: String, many: String)] {
        [
            ("extract", \.extracts, "import", "imports"), ("app_user", \.users, "user", "users"),
            ("app_session", \.sessions, "session", "sessions"), ("api_token", \.apiTokens, "API token", "API tokens"),
            ("child_restriction", \.restrictions, "restricted record", "restricted records"),
            ("audit_assignment", \.auditAssignments, "audit assignment", "audit assignments"),
            ("access_log", \.accessLogEntries, "access-log entry", "access-log entries"),
            ("improvement_plan", \.plans, "improvement plan", "improvement plans"),
            ("audit", \.audits, "QA audit", "QA audits"),
            ("lado_allegation", \.allegations, "LADO allegation", "LADO allegations"),
            ("partner_notification", \.notifications, "partner notification", "partner notifications"),
            ("escalation", \.escalations, "IRO escalation", "IRO escalations"),
            ("iro_review_record", \.iroReviewRecords, "IRO review record", "IRO review records"),
            ("ehc_needs_assessment", \.ehcNeedsAssessments, "EHC needs assessment", "EHC needs assessments"),
            ("ehc_annual_review", \.ehcAnnualReviews, "EHC annual review", "EHC annual reviews"),
            ("waiting_list_referral", \.waitingListReferrals, "waiting-list referral", "waiting-list referrals"),
        ]
    }

    /// e.g. "2 imports, 7 users, 120 access-log entries"; "nothing" when empty.
    public var description: String {
        let parts = Self.tables.compactMap { table -> String? in
            let count = self[keyPath: table.path]
            return count == 0 ? nil : "\(count) \(count == 1 ? table.one : table.many)"
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}

/// The description of a backup folder, written into it as `oversight-backup.json`.
///
/// A backup is a folder: this manifest plus the store's own files (for SQLite, a copy of the catalogue and of the
/// current snapshot file; for PostgreSQL, a `pg_dump` archive of the catalogue schema and the current snapshot
/// schema). The manifest says which store can restore it and what it holds, so a restore can refuse the wrong
/// kind of backup before touching anything.
public struct BackupManifest: Sendable, Equatable, Codable {
    public enum Store: String, Sendable, Codable, CustomStringConvertible {
        case sqlite, postgres
        public var description: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
    }

    public static let fileName = "oversight-backup.json"
    /// The layout this version writes and reads.
    public static let currentFormat = 1

    public var format: Int
    public var store: Store
    /// When the backup was taken, as the caller's clock gave it (ISO 8601).
    public var createdAt: String
    /// The catalogue migrations applied in the database backed up, oldest first.
    public var migrations: [String]
    /// PostgreSQL: the catalogue schema backed up.
    public var schema: String?
    /// The current snapshot (a SQLite file name or a PostgreSQL schema); nil before the first import.
    public var snapshot: String?
    public var contents: StoreContents

    public init(
        store: Store, createdAt: String, migrations: [String], schema: String? = nil, snapshot: String?, contents: StoreContents
    ) {
        format = Self.currentFormat
        self.store = store
        self.createdAt = createdAt
        self.migrations = migrations
        self.schema = schema
        self.snapshot = snapshot
        self.contents = contents
    }

    /// Reads the manifest of the backup in `folder`.
    /// - Throws: `BackupError.notABackup` when there is none, it cannot be read, or it is a later format.
    public static func read(from folder: String) throws(BackupError) -> BackupManifest {
        let path = folder + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .notABackup(folder, reason: "it holds no \(fileName)")
        }
        let manifest: BackupManifest
        do {
            manifest = try JSONDecoder().decode(BackupManifest.self, from: data)
        } catch {
            throw .notABackup(folder, reason: "\(fileName) cannot be read (\(error))")
        }
        guard manifest.format <= currentFormat else {
            throw .notABackup(folder, reason: "it is in format \(manifest.format); this version of Oversight reads format \(currentFormat)")
        }
        return manifest
    }

    /// Writes the manifest into `folder`.
    /// - Throws: `BackupError.file`.
    public func write(to folder: String) throws(BackupError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: folder + "/" + Self.fileName))
        } catch {
            throw .file(folder + "/" + Self.fileName, reason: error.localizedDescription)
        }
    }

    /// Creates an empty folder for a backup: a new one, or an existing empty one.
    /// - Throws: `BackupError.outputExists` when something is already there, or `BackupError.file`.
    public static func createFolder(_ folder: String) throws(BackupError) {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: folder, isDirectory: &isFolder) {
            let entries = (try? fileManager.contentsOfDirectory(atPath: folder)) ?? []
            guard isFolder.boolValue, entries.isEmpty else { throw .outputExists(folder) }
            return
        }
        do {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .file(folder, reason: error.localizedDescription)
        }
    }
}

/// Why a backup or a restore did not happen. Nothing is left half done: a failed backup removes its folder, and a
/// failed restore leaves the target database as it was.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    /// The folder for a new backup already holds something.
    case outputExists(String)
    case notABackup(String, reason: String)
    /// A backup of one kind of store cannot be restored into the other.
    case wrongStore(String, holds: BackupManifest.Store, target: BackupManifest.Store)
    /// The database restored into is in use; `contents` says with what.
    case targetHoldsData(String, contents: StoreContents)
    /// The database (or schema) restored into holds tables Oversight did not create: it is never replaced, even by
    /// force, because a restore replaces everything there.
    case foreignTables(String, tables: [String])
    /// A PostgreSQL client program (`pg_dump`, `pg_restore`, `psql`) is not on `PATH`.
    case toolMissing(String)
    /// A PostgreSQL client program failed; `message` is what it printed.
    case toolFailed(String, status: Int32, message: String)
    case file(String, reason: String)
    case storage(StorageError)

    public var description: String {
        switch self {
        case .outputExists(let folder):
            "\(folder) already exists and is not empty; back up into a new folder"
        case .notABackup(let folder, let reason):
            "\(folder) is not an Oversight backup: \(reason)"
        case .wrongStore(let folder, let holds, let target):
            "\(folder) is a backup of a \(holds) database and cannot be restored into \(target); restore it into a \(holds) database"
        case .targetHoldsData(let database, let contents):
            "\(database) already holds data (\(contents)); restoring would replace it"
        case .foreignTables(let database, let tables):
            "\(database) holds tables Oversight did not create (\(tables.joined(separator: ", "))); restore into a database "
                + "or schema of Oversight's own"
        case .toolMissing(let tool):
            "\(tool) was not found on PATH; install PostgreSQL's client programs (Debian: apt-get install postgresql-client), "
                + "of the server's major version or later"
        case .toolFailed(let tool, let status, let message):
            "\(tool) failed (exit status \(status)): \(message.isEmpty ? "it printed nothing" : message)"
        case .file(let path, let reason):
            "\(path): \(reason)"
        case .storage(let error):
            error.description
        }
    }
}
