import Foundation
import GRDB

/// The schema, as named, append-only migrations.
///
/// Migrations describe the past: they name tables and columns literally and never use application
/// types, so a shipped migration never changes meaning when the code moves on.
enum Migrations {
    /// The catalogue: the main database file, in WAL mode. It records every import and which snapshot
    /// file holds the current case records.
    static var catalogue: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001-extracts") { db in
            try db.execute(sql: """
                CREATE TABLE extract (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    source TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    rows_read INTEGER NOT NULL,
                    rows_rejected INTEGER NOT NULL,
                    snapshot TEXT NOT NULL
                );
                """)
        }
        // People, sessions and the access log live in the catalogue: they outlive every import.
        migrator.registerMigration("002-access") { db in
            try db.execute(sql: """
                CREATE TABLE app_user (
                    username TEXT PRIMARY KEY,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    worker_id TEXT,
                    team_id TEXT,
                    is_active INTEGER NOT NULL DEFAULT 1,
                    password_hash TEXT NOT NULL
                );
                CREATE TABLE app_session (
                    token TEXT PRIMARY KEY,
                    username TEXT NOT NULL REFERENCES app_user(username) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    expires_at INTEGER NOT NULL
                );
                CREATE TABLE api_token (
                    token_hash TEXT PRIMARY KEY,
                    username TEXT NOT NULL REFERENCES app_user(username) ON DELETE CASCADE,
                    label TEXT NOT NULL
                );
                CREATE TABLE child_restriction (
                    child_id TEXT PRIMARY KEY,
                    usernames TEXT NOT NULL,
                    team_ids TEXT NOT NULL,
                    reason TEXT NOT NULL
                );
                CREATE TABLE audit_assignment (
                    username TEXT NOT NULL,
                    child_id TEXT NOT NULL,
                    PRIMARY KEY (username, child_id)
                );
                CREATE TABLE access_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    username TEXT NOT NULL,
                    role TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    child_count INTEGER NOT NULL
                );
                CREATE INDEX access_log_subject ON access_log(subject);
                CREATE INDEX access_log_username ON access_log(username);
                -- Append-only: the log is evidence, so the database itself refuses edits and deletions.
                CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
                    BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
                CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
                    BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
                """)
        }
        // Improvement plans (issue 7) live in the catalogue: they outlive every import. Outcomes sought and evidence
        // links are JSON arrays of strings; an update is never changed or removed.
        migrator.registerMigration("003-plans") { db in
            try db.execute(sql: """
                CREATE TABLE improvement_plan (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    subtitle TEXT,
                    source TEXT NOT NULL,
                    submit_to TEXT,
                    submit_by TEXT,
                    board_meets_every_months INTEGER,
                    impact_measured_every TEXT,
                    board_chair TEXT,
                    rag_scale TEXT NOT NULL,
                    progress_fields TEXT NOT NULL
                );
                CREATE TABLE plan_recommendation (
                    plan_id TEXT NOT NULL REFERENCES improvement_plan(id),
                    number INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    outcomes_sought TEXT NOT NULL,
                    PRIMARY KEY (plan_id, number)
                );
                CREATE TABLE plan_measure_link (
                    plan_id TEXT NOT NULL,
                    recommendation_number INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    measure_id TEXT NOT NULL,
                    baseline REAL,
                    target REAL,
                    PRIMARY KEY (plan_id, recommendation_number, position),
                    FOREIGN KEY (plan_id, recommendation_number) REFERENCES plan_recommendation(plan_id, number)
                );
                CREATE TABLE plan_action (
                    plan_id TEXT NOT NULL,
                    ref TEXT NOT NULL,
                    recommendation_number INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    accountable_lead TEXT NOT NULL,
                    deadline TEXT NOT NULL,
                    PRIMARY KEY (plan_id, ref),
                    FOREIGN KEY (plan_id, recommendation_number) REFERENCES plan_recommendation(plan_id, number)
                );
                CREATE TABLE action_update (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    plan_id TEXT NOT NULL,
                    action_ref TEXT NOT NULL,
                    at TEXT NOT NULL,
                    status TEXT NOT NULL,
                    impact TEXT NOT NULL,
                    more TEXT NOT NULL,
                    rag TEXT NOT NULL CHECK (rag = 'R' OR rag = 'A' OR rag = 'G' OR rag = 'B'),
                    by_name TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    FOREIGN KEY (plan_id, action_ref) REFERENCES plan_action(plan_id, ref)
                );
                CREATE INDEX action_update_plan ON action_update(plan_id, at);
                -- Append-only: progress history is evidence for the board and Ofsted.
                CREATE TRIGGER action_update_no_update BEFORE UPDATE ON action_update
                    BEGIN SELECT RAISE(ABORT, 'action updates are append-only'); END;
                CREATE TRIGGER action_update_no_delete BEFORE DELETE ON action_update
                    BEGIN SELECT RAISE(ABORT, 'action updates are append-only'); END;
                """)
        }
        // The workforce register (issue 6) lives in the catalogue: it outlives every import and is replaced whole.
        migrator.registerMigration("004-workforce") { db in
            try db.execute(sql: """
                CREATE TABLE workforce_import (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    spells INTEGER NOT NULL,
                    establishment_rows INTEGER NOT NULL
                );
                CREATE TABLE workforce_spell (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    worker_id TEXT NOT NULL,
                    name TEXT,
                    role TEXT NOT NULL,
                    team_id TEXT NOT NULL,
                    contract TEXT NOT NULL CHECK (contract = 'permanent' OR contract = 'agency'),
                    fte REAL NOT NULL CHECK (fte > 0 AND fte <= 1),
                    start_date TEXT NOT NULL,
                    end_date TEXT,
                    leaving_reason TEXT,
                    case_holding INTEGER NOT NULL,
                    CHECK (end_date IS NULL OR end_date >= start_date)
                );
                CREATE INDEX workforce_spell_worker ON workforce_spell(worker_id, start_date);
                CREATE TABLE workforce_establishment (
                    team_id TEXT NOT NULL,
                    from_date TEXT NOT NULL,
                    team_name TEXT NOT NULL,
                    service TEXT NOT NULL,
                    funded_fte REAL NOT NULL CHECK (funded_fte >= 0),
                    PRIMARY KEY (team_id, from_date)
                );
                """)
        }
        // QA audits (issue 8): samples, allocations, the auditors' records, moderation, case actions, learning themes,
        // saved filters and spot checks. Records, moderations and case action events are never changed or removed.
        migrator.registerMigration("005-audits") { db in
            try db.execute(sql: """
                CREATE TABLE audit_sample (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    template_id TEXT NOT NULL,
                    template_version INTEGER NOT NULL,
                    cohort TEXT NOT NULL,
                    method TEXT NOT NULL,
                    seed TEXT NOT NULL,
                    population INTEGER NOT NULL,
                    drawn_on TEXT NOT NULL,
                    drawn_by TEXT NOT NULL
                );
                CREATE TABLE audit (
                    id TEXT PRIMARY KEY NOT NULL,
                    sample_id TEXT NOT NULL REFERENCES audit_sample(id),
                    position INTEGER NOT NULL,
                    child_id TEXT NOT NULL,
                    team_id TEXT,
                    worker_id TEXT,
                    stratum TEXT,
                    auditor TEXT NOT NULL,
                    due_by TEXT NOT NULL
                );
                CREATE TABLE audit_record (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    audit_id TEXT NOT NULL REFERENCES audit(id),
                    recorded_at TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    grade TEXT NOT NULL CHECK (grade IN ('outstanding', 'good', 'requires-improvement', 'inadequate')),
                    body TEXT NOT NULL
                );
                CREATE TABLE audit_moderation (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    audit_id TEXT NOT NULL REFERENCES audit(id),
                    moderator TEXT NOT NULL,
                    at TEXT NOT NULL,
                    grade_before TEXT NOT NULL CHECK (grade_before IN ('outstanding', 'good', 'requires-improvement', 'inadequate')),
                    grade_after TEXT NOT NULL CHECK (grade_after IN ('outstanding', 'good', 'requires-improvement', 'inadequate')),
                    reason TEXT NOT NULL
                );
                CREATE TABLE case_action (
                    id TEXT PRIMARY KEY NOT NULL,
                    audit_id TEXT NOT NULL REFERENCES audit(id),
                    child_id TEXT NOT NULL,
                    finding TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    due_by TEXT NOT NULL,
                    raised_by TEXT NOT NULL,
                    raised_on TEXT NOT NULL
                );
                CREATE TABLE case_action_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    action_id TEXT NOT NULL REFERENCES case_action(id),
                    status TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'completed', 'withdrawn')),
                    note TEXT NOT NULL,
                    by_name TEXT NOT NULL,
                    at TEXT NOT NULL
                );
                CREATE TABLE learning_theme (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    practice_area TEXT,
                    plan_id TEXT,
                    action_ref TEXT,
                    FOREIGN KEY (plan_id, action_ref) REFERENCES plan_action(plan_id, ref)
                );
                CREATE TABLE saved_filter (
                    name TEXT PRIMARY KEY NOT NULL,
                    definition TEXT NOT NULL
                );
                CREATE TABLE spot_check (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    cohort TEXT NOT NULL,
                    every_months INTEGER NOT NULL,
                    first_due TEXT NOT NULL
                );
                CREATE TABLE spot_check_done (
                    spot_check_id TEXT NOT NULL REFERENCES spot_check(id),
                    done_on TEXT NOT NULL,
                    PRIMARY KEY (spot_check_id, done_on)
                );
                CREATE INDEX audit_sample_id ON audit(sample_id, position);
                CREATE INDEX audit_record_audit ON audit_record(audit_id);
                CREATE INDEX audit_moderation_audit ON audit_moderation(audit_id);
                -- Append-only: an audit's records, its moderations and a case action's lifecycle are evidence.
                CREATE TRIGGER audit_record_no_update BEFORE UPDATE ON audit_record
                    BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
                CREATE TRIGGER audit_record_no_delete BEFORE DELETE ON audit_record
                    BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
                CREATE TRIGGER audit_moderation_no_update BEFORE UPDATE ON audit_moderation
                    BEGIN SELECT RAISE(ABORT, 'moderations are append-only'); END;
                CREATE TRIGGER audit_moderation_no_delete BEFORE DELETE ON audit_moderation
                    BEGIN SELECT RAISE(ABORT, 'moderations are append-only'); END;
                CREATE TRIGGER case_action_event_no_update BEFORE UPDATE ON case_action_event
                    BEGIN SELECT RAISE(ABORT, 'case action events are append-only'); END;
                CREATE TRIGGER case_action_event_no_delete BEFORE DELETE ON case_action_event
                    BEGIN SELECT RAISE(ABORT, 'case action events are append-only'); END;
                """)
        }
        // LADO allegations and partner notifications (issue 10) live in the catalogue: they outlive every import. Each
        // record is one JSON document; the dates beside it are copies for ordering and the retention purge. A
        // disposal keeps no names and is never changed or removed.
        migrator.registerMigration("006-lado-notifications") { db in
            try db.execute(sql: """
                CREATE TABLE lado_allegation (
                    id TEXT PRIMARY KEY NOT NULL,
                    received_on TEXT NOT NULL,
                    officer TEXT NOT NULL,
                    outcome TEXT,
                    closed_on TEXT,
                    document TEXT NOT NULL
                );
                CREATE INDEX lado_allegation_received ON lado_allegation(received_on);
                CREATE TABLE lado_disposal (
                    allegation_id TEXT PRIMARY KEY NOT NULL,
                    outcome TEXT,
                    closed_on TEXT NOT NULL,
                    retained_until TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    disposed_on TEXT NOT NULL
                );
                CREATE TRIGGER lado_disposal_no_update BEFORE UPDATE ON lado_disposal
                    BEGIN SELECT RAISE(ABORT, 'disposal records are append-only'); END;
                CREATE TRIGGER lado_disposal_no_delete BEFORE DELETE ON lado_disposal
                    BEGIN SELECT RAISE(ABORT, 'disposal records are append-only'); END;
                CREATE TABLE partner_notification (
                    id TEXT PRIMARY KEY NOT NULL,
                    source TEXT NOT NULL,
                    received_on TEXT NOT NULL,
                    screened_on TEXT,
                    document TEXT NOT NULL
                );
                CREATE INDEX partner_notification_received ON partner_notification(received_on);
                """)
        }
        // The IRO escalation and SEND trackers (issue 10) live in the catalogue: they outlive every import. Each record
        // is read whole, so beyond its ID and child it is one JSON document.
        migrator.registerMigration("007-escalations-send") { db in
            try db.execute(sql: """
                CREATE TABLE escalation (
                    id TEXT PRIMARY KEY NOT NULL,
                    child_id TEXT NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX escalation_child ON escalation(child_id);
                CREATE TABLE iro_review_record (
                    id TEXT PRIMARY KEY NOT NULL,
                    child_id TEXT NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX iro_review_record_child ON iro_review_record(child_id);
                CREATE TABLE ehc_needs_assessment (
                    id TEXT PRIMARY KEY NOT NULL,
                    child_id TEXT NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX ehc_needs_assessment_child ON ehc_needs_assessment(child_id);
                CREATE TABLE ehc_annual_review (
                    id TEXT PRIMARY KEY NOT NULL,
                    child_id TEXT NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX ehc_annual_review_child ON ehc_annual_review(child_id);
                CREATE TABLE waiting_list_referral (
                    id TEXT PRIMARY KEY NOT NULL,
                    child_id TEXT NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX waiting_list_referral_child ON waiting_list_referral(child_id);
                """)
        }
        // The CIN census's child details (issue 3) are case records, so their columns live in each snapshot: new
        // snapshots gain them from the snapshot migration of the same name, and this one brings the snapshot the
        // catalogue names now up to date, so data imported before reads on unchanged.
        migrator.registerMigration("009-cin-child-details") { db in
            guard let current = try String.fetchOne(db, sql: "SELECT snapshot FROM extract ORDER BY id DESC LIMIT 1"),
                let catalogue = try String.fetchOne(db, sql: "SELECT file FROM pragma_database_list WHERE name = 'main'"),
                FileManager.default.fileExists(atPath: catalogue + ".snapshots/" + current)
            else { return }
            var configuration = Configuration()
            // A server may be reading the snapshot; its reads are short, so wait for them rather than fail the opening.
            configuration.busyMode = .timeout(30)
            let snapshot = try DatabaseQueue(path: catalogue + ".snapshots/" + current, configuration: configuration)
            try Migrations.snapshot.migrate(snapshot)
            try snapshot.close()
        }
        return migrator
    }

    /// A snapshot: one import's case records, written once and then only read.
    static var snapshot: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001-case-records") { db in
            try db.execute(sql: caseRecordsV1)
        }
        // Numbered in the catalogue's sequence, so a migration's name says when it came whichever file it shapes.
        migrator.registerMigration("008-ssda903-tables") { db in
            try db.execute(sql: ssda903Tables)
        }
        migrator.registerMigration("009-cin-child-details") { db in
            try db.execute(sql: cinChildDetails)
        }
        return migrator
    }

    /// Every child-level table names its child, and SQLite enforces it: a record about a child who is
    /// not in `child` cannot be stored.
    static let caseRecordsV1 = """
        CREATE TABLE child (
            id TEXT PRIMARY KEY NOT NULL,
            forename TEXT, surname TEXT, sex TEXT, ethnicity TEXT,
            date_of_birth TEXT, expected_date_of_birth TEXT, date_of_death TEXT,
            upn TEXT, upn_unknown_reason TEXT, legacy_id TEXT
        ) WITHOUT ROWID;
        CREATE TABLE team (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL, parent_reference TEXT, parent_name TEXT
        ) WITHOUT ROWID;
        CREATE TABLE worker (
            id TEXT PRIMARY KEY NOT NULL,
            staff_id TEXT, name TEXT, registration_number TEXT, is_agency INTEGER,
            job_title TEXT, current_team_name TEXT, full_time_equivalent REAL
        ) WITHOUT ROWID;
        CREATE TABLE contact (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            date TEXT NOT NULL, source TEXT, source_description TEXT, led_to_referral INTEGER
        ) WITHOUT ROWID;
        CREATE TABLE early_help_episode (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            start TEXT NOT NULL, "end" TEXT, reason TEXT, end_reason TEXT, organisation TEXT
        ) WITHOUT ROWID;
        CREATE TABLE cin_episode (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            referral_date TEXT NOT NULL, source TEXT, primary_need TEXT, is_nfa INTEGER,
            closure_date TEXT, closure_reason TEXT, team_id TEXT, worker_reference TEXT
        ) WITHOUT ROWID;
        CREATE TABLE assessment (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            referral_id TEXT, start_date TEXT NOT NULL, authorisation_date TEXT, child_seen INTEGER,
            is_nfa INTEGER, factors TEXT NOT NULL, team_id TEXT, worker_reference TEXT
        ) WITHOUT ROWID;
        CREATE TABLE cin_plan (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            referral_id TEXT, start TEXT NOT NULL, "end" TEXT, team_id TEXT, worker_reference TEXT
        ) WITHOUT ROWID;
        CREATE TABLE statutory_visit (
            -- Written as ORs: an IN list in a CHECK makes SQLite build an ephemeral table on every insert.
            context TEXT NOT NULL CHECK (context = 'childInNeed' OR context = 'childProtection' OR context = 'lookedAfter'),
            id TEXT NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            date TEXT NOT NULL, child_seen INTEGER, child_seen_alone INTEGER, bedroom_seen INTEGER,
            plan_reference TEXT,
            PRIMARY KEY (context, id)
        ) WITHOUT ROWID;
        CREATE TABLE section47_enquiry (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            referral_id TEXT, start_date TEXT NOT NULL, end_date TEXT, is_nfa INTEGER,
            conference_recommended INTEGER, team_id TEXT, worker_reference TEXT
        ) WITHOUT ROWID;
        CREATE TABLE initial_cp_conference (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            section47_enquiry_id TEXT, referral_id TEXT, date TEXT NOT NULL, target_date TEXT,
            is_transfer_in INTEGER, resulted_in_plan INTEGER, plan_id TEXT, team_id TEXT, worker_reference TEXT
        ) WITHOUT ROWID;
        CREATE TABLE cp_plan (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            referral_id TEXT, conference_id TEXT, start TEXT NOT NULL, "end" TEXT,
            initial_category TEXT, latest_category TEXT, is_other_la INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE cp_review (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            plan_id TEXT, due_date TEXT, date TEXT, plan_continues INTEGER, participation TEXT
        ) WITHOUT ROWID;
        CREATE TABLE legal_status (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            status TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT
        ) WITHOUT ROWID;
        CREATE TABLE cla_episode (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            period_of_care_id TEXT, start TEXT NOT NULL, reason_new_episode TEXT, legal_status TEXT,
            category_of_need TEXT, placement_id TEXT, "end" TEXT, reason_ceased TEXT, referral_id TEXT,
            entered_care_date TEXT, last_iro_contact_date TEXT
        ) WITHOUT ROWID;
        CREATE TABLE placement (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            period_of_care_id TEXT, start TEXT NOT NULL, "end" TEXT, type TEXT, provider TEXT, urn TEXT,
            postcode TEXT, distance_miles REAL, change_reason TEXT
        ) WITHOUT ROWID;
        CREATE TABLE cla_review (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            period_of_care_id TEXT, due_date TEXT, date TEXT, is_cancelled INTEGER NOT NULL, participation TEXT
        ) WITHOUT ROWID;
        CREATE TABLE missing_episode (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            type TEXT, start TEXT NOT NULL, "end" TEXT, rhi_offered INTEGER, rhi_accepted INTEGER
        ) WITHOUT ROWID;
        CREATE TABLE care_leaver (
            child_id TEXT PRIMARY KEY NOT NULL REFERENCES child(id),
            eligibility TEXT, in_touch TEXT, latest_contact TEXT, accommodation TEXT, accommodation_suitable INTEGER,
            activity TEXT, pathway_plan_review_date TEXT, personal_adviser_reference TEXT, team_id TEXT,
            worker_reference TEXT
        ) WITHOUT ROWID;
        CREATE TABLE involvement (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            worker_id TEXT, team_id TEXT, role TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT,
            change_reason TEXT, referral_id TEXT
        ) WITHOUT ROWID;
        """

    /// The SSDA903 return's own data (issue 4): motherhood and the home postcode on existing tables, and a table for
    /// each of UASC, OC2, AD1, PlacedAdoption, PrevPerm, SWEpisodes and DoLo. Tables with one row per child are keyed
    /// by child, as `care_leaver` is.
    static let ssda903Tables = """
        ALTER TABLE child ADD COLUMN is_mother INTEGER;
        ALTER TABLE child ADD COLUMN mother_child_dob TEXT;
        ALTER TABLE placement ADD COLUMN home_postcode TEXT;
        CREATE TABLE uasc_status (
            child_id TEXT PRIMARY KEY NOT NULL REFERENCES child(id),
            ceased_date TEXT
        ) WITHOUT ROWID;
        CREATE TABLE cla_outcomes (
            child_id TEXT PRIMARY KEY NOT NULL REFERENCES child(id),
            sdq_score INTEGER, sdq_reason TEXT, convicted INTEGER, health_check INTEGER, immunisations INTEGER,
            teeth_check INTEGER, health_assessment INTEGER, substance_misuse INTEGER, intervention_received INTEGER,
            intervention_offered INTEGER
        ) WITHOUT ROWID;
        CREATE TABLE adoption (
            child_id TEXT PRIMARY KEY NOT NULL REFERENCES child(id),
            decision_date TEXT, matching_date TEXT, adopted_by_foster_carer INTEGER, number_of_adopters INTEGER,
            adopter_sex TEXT, adopter_legal_status TEXT
        ) WITHOUT ROWID;
        CREATE TABLE placed_for_adoption (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            date TEXT NOT NULL, ceased_date TEXT, ceased_reason TEXT
        ) WITHOUT ROWID;
        CREATE TABLE previous_permanence (
            child_id TEXT PRIMARY KEY NOT NULL REFERENCES child(id),
            "option" TEXT, local_authority TEXT, order_date TEXT
        ) WITHOUT ROWID;
        CREATE TABLE social_worker_episode (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            social_worker_id TEXT, start TEXT NOT NULL, "end" TEXT, change_reason TEXT
        ) WITHOUT ROWID;
        CREATE TABLE deprivation_of_liberty (
            id TEXT PRIMARY KEY NOT NULL,
            child_id TEXT NOT NULL REFERENCES child(id),
            start TEXT NOT NULL, "end" TEXT
        ) WITHOUT ROWID;
        """

    /// What the CIN census records beyond the SSD's core: the child's former UPN and disabilities, the number of
    /// child protection plans before this one, the conference target on the enquiry (known before any conference),
    /// the assessment's internal review date and the 2026 pre-proceedings blocks (JSON).
    static let cinChildDetails = """
        ALTER TABLE child ADD COLUMN former_upn TEXT;
        ALTER TABLE child ADD COLUMN disabilities TEXT;
        ALTER TABLE assessment ADD COLUMN internal_review_date TEXT;
        ALTER TABLE section47_enquiry ADD COLUMN conference_target_date TEXT;
        ALTER TABLE cp_plan ADD COLUMN number_of_previous_plans INTEGER;
        ALTER TABLE cin_episode ADD COLUMN pre_proceedings TEXT;
        """

    /// Lookup indexes by child, built after bulk loading because maintaining them row by row
    /// costs more than building them once.
    static let childIndexes: [(table: String, column: String)] = [
        ("contact", "child_id"), ("early_help_episode", "child_id"), ("cin_episode", "child_id"),
        ("assessment", "child_id"), ("cin_plan", "child_id"), ("statutory_visit", "child_id"),
        ("section47_enquiry", "child_id"), ("initial_cp_conference", "child_id"), ("cp_plan", "child_id"),
        ("cp_review", "child_id"), ("legal_status", "child_id"), ("cla_episode", "child_id"),
        ("placement", "child_id"), ("cla_review", "child_id"), ("missing_episode", "child_id"),
        ("involvement", "child_id"), ("involvement", "worker_id"),
        ("placed_for_adoption", "child_id"), ("social_worker_episode", "child_id"), ("deprivation_of_liberty", "child_id"),
    ]
}
