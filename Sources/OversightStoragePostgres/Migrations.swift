/// The schema, as named, append-only migrations: the same names, tables and columns as the SQLite store.
///
/// Migrations describe the past: they name tables and columns literally and never use application types, so a
/// shipped migration never changes meaning when the code moves on. Each runs with `search_path` set to the
/// schema it builds, so the SQL names tables without a schema, as SQLite's does.
///
/// Column types are PostgreSQL's own where SQLite has none: `DATE` for the ISO dates SQLite keeps as text,
/// `BOOLEAN` for its 0/1 integers and `DOUBLE PRECISION` for `REAL`. Each statement is separate because
/// PostgreSQL's extended protocol, which PostgresNIO speaks, runs one statement per query.
enum Migrations {
    struct Migration {
        var name: String
        var statements: [String]
    }

    /// The catalogue: one schema per store, recording every import and which snapshot schema holds the current
    /// case records.
    static let catalogue: [Migration] = [
        Migration(name: "001-extracts", statements: [
            """
            CREATE TABLE extract (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind TEXT NOT NULL,
                source TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                rows_read BIGINT NOT NULL,
                rows_rejected BIGINT NOT NULL,
                snapshot TEXT NOT NULL
            )
            """,
        ]),
        // People, sessions and the access log live in the catalogue: they outlive every import.
        Migration(name: "002-access", statements: [
            """
            CREATE TABLE app_user (
                username TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL,
                worker_id TEXT,
                team_id TEXT,
                is_active BOOLEAN NOT NULL DEFAULT TRUE,
                password_hash TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE app_session (
                token TEXT PRIMARY KEY,
                username TEXT NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE api_token (
                token_hash TEXT PRIMARY KEY,
                username TEXT NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
                label TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE child_restriction (
                child_id TEXT PRIMARY KEY,
                usernames TEXT NOT NULL,
                team_ids TEXT NOT NULL,
                reason TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE audit_assignment (
                username TEXT NOT NULL,
                child_id TEXT NOT NULL,
                PRIMARY KEY (username, child_id)
            )
            """,
            """
            CREATE TABLE access_log (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at TEXT NOT NULL,
                username TEXT NOT NULL,
                role TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                reason TEXT NOT NULL,
                child_count BIGINT NOT NULL
            )
            """,
            "CREATE INDEX access_log_subject ON access_log (subject)",
            "CREATE INDEX access_log_username ON access_log (username)",
            // Append-only: the log is evidence, so the database itself refuses edits and deletions, TRUNCATE
            // included (row triggers do not see it). The function lives in the catalogue schema, as the table does.
            """
            CREATE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'restrict_violation';
            END
            $$
            """,
            """
            CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
                FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change()
            """,
            """
            CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
                FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()
            """,
        ]),
        // Improvement plans (issue 7), as SQLite's 003-plans: outcomes sought and evidence links are JSON arrays of
        // strings kept as text, and an update is never changed or removed.
        Migration(name: "003-plans", statements: [
            """
            CREATE TABLE improvement_plan (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                subtitle TEXT,
                source TEXT NOT NULL,
                submit_to TEXT,
                submit_by DATE,
                board_meets_every_months BIGINT,
                impact_measured_every TEXT,
                board_chair TEXT,
                rag_scale TEXT NOT NULL,
                progress_fields TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE plan_recommendation (
                plan_id TEXT NOT NULL REFERENCES improvement_plan (id),
                number BIGINT NOT NULL,
                text TEXT NOT NULL,
                outcomes_sought TEXT NOT NULL,
                PRIMARY KEY (plan_id, number)
            )
            """,
            """
            CREATE TABLE plan_measure_link (
                plan_id TEXT NOT NULL,
                recommendation_number BIGINT NOT NULL,
                position BIGINT NOT NULL,
                measure_id TEXT NOT NULL,
                baseline DOUBLE PRECISION,
                target DOUBLE PRECISION,
                PRIMARY KEY (plan_id, recommendation_number, position),
                FOREIGN KEY (plan_id, recommendation_number) REFERENCES plan_recommendation (plan_id, number)
            )
            """,
            """
            CREATE TABLE plan_action (
                plan_id TEXT NOT NULL,
                ref TEXT NOT NULL,
                recommendation_number BIGINT NOT NULL,
                position BIGINT NOT NULL,
                text TEXT NOT NULL,
                accountable_lead TEXT NOT NULL,
                deadline TEXT NOT NULL,
                PRIMARY KEY (plan_id, ref),
                FOREIGN KEY (plan_id, recommendation_number) REFERENCES plan_recommendation (plan_id, number)
            )
            """,
            """
            CREATE TABLE action_update (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                plan_id TEXT NOT NULL,
                action_ref TEXT NOT NULL,
                at TEXT NOT NULL,
                status TEXT NOT NULL,
                impact TEXT NOT NULL,
                more TEXT NOT NULL,
                rag TEXT NOT NULL CHECK (rag IN ('R', 'A', 'G', 'B')),
                by_name TEXT NOT NULL,
                evidence TEXT NOT NULL,
                FOREIGN KEY (plan_id, action_ref) REFERENCES plan_action (plan_id, ref)
            )
            """,
            "CREATE INDEX action_update_plan ON action_update (plan_id, at)",
            """
            CREATE FUNCTION action_update_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'action updates are append-only' USING ERRCODE = 'restrict_violation';
            END
            $$
            """,
            """
            CREATE TRIGGER action_update_no_change BEFORE UPDATE OR DELETE ON action_update
                FOR EACH ROW EXECUTE FUNCTION action_update_refuse_change()
            """,
            """
            CREATE TRIGGER action_update_no_truncate BEFORE TRUNCATE ON action_update
                FOR EACH STATEMENT EXECUTE FUNCTION action_update_refuse_change()
            """,
        ]),
        // The workforce register (issue 6), as SQLite's 004-workforce: replaced whole by each register import.
        Migration(name: "004-workforce", statements: [
            """
            CREATE TABLE workforce_import (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                spells BIGINT NOT NULL,
                establishment_rows BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE workforce_spell (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                worker_id TEXT NOT NULL,
                name TEXT,
                role TEXT NOT NULL,
                team_id TEXT NOT NULL,
                contract TEXT NOT NULL CHECK (contract IN ('permanent', 'agency')),
                fte DOUBLE PRECISION NOT NULL CHECK (fte > 0 AND fte <= 1),
                start_date DATE NOT NULL,
                end_date DATE,
                leaving_reason TEXT,
                case_holding BOOLEAN NOT NULL,
                CHECK (end_date IS NULL OR end_date >= start_date)
            )
            """,
            "CREATE INDEX workforce_spell_worker ON workforce_spell (worker_id, start_date)",
            """
            CREATE TABLE workforce_establishment (
                team_id TEXT NOT NULL,
                from_date DATE NOT NULL,
                team_name TEXT NOT NULL,
                service TEXT NOT NULL,
                funded_fte DOUBLE PRECISION NOT NULL CHECK (funded_fte >= 0),
                PRIMARY KEY (team_id, from_date)
            )
            """,
        ]),
        // QA audits (issue 8), as SQLite's 005-audits: integers are never NULL, so every NULL a statement binds is text.
        Migration(name: "005-audits", statements: [
            """
            CREATE TABLE audit_sample (
                id TEXT PRIMARY KEY NOT NULL,
                title TEXT NOT NULL,
                template_id TEXT NOT NULL,
                template_version BIGINT NOT NULL,
                cohort TEXT NOT NULL,
                method TEXT NOT NULL,
                seed TEXT NOT NULL,
                population BIGINT NOT NULL,
                drawn_on TEXT NOT NULL,
                drawn_by TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE audit (
                id TEXT PRIMARY KEY NOT NULL,
                sample_id TEXT NOT NULL REFERENCES audit_sample (id),
                position BIGINT NOT NULL,
                child_id TEXT NOT NULL,
                team_id TEXT,
                worker_id TEXT,
                stratum TEXT,
                auditor TEXT NOT NULL,
                due_by TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE audit_record (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                audit_id TEXT NOT NULL REFERENCES audit (id),
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL,
                grade TEXT NOT NULL CHECK (grade IN ('outstanding', 'good', 'requires-improvement', 'inadequate')),
                body TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE audit_moderation (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                audit_id TEXT NOT NULL REFERENCES audit (id),
                moderator TEXT NOT NULL,
                at TEXT NOT NULL,
                grade_before TEXT NOT NULL CHECK (grade_before IN ('outstanding', 'good', 'requires-improvement', 'inadequate')),
                grade_after TEXT NOT NULL CHECK (grade_after IN ('outstanding', 'good', 'requires-improvement', 'inadequate')),
                reason TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE case_action (
                id TEXT PRIMARY KEY NOT NULL,
                audit_id TEXT NOT NULL REFERENCES audit (id),
                child_id TEXT NOT NULL,
                finding TEXT NOT NULL,
                owner TEXT NOT NULL,
                due_by TEXT NOT NULL,
                raised_by TEXT NOT NULL,
                raised_on TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE case_action_event (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                action_id TEXT NOT NULL REFERENCES case_action (id),
                status TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'completed', 'withdrawn')),
                note TEXT NOT NULL,
                by_name TEXT NOT NULL,
                at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE learning_theme (
                id TEXT PRIMARY KEY NOT NULL,
                title TEXT NOT NULL,
                practice_area TEXT,
                plan_id TEXT,
                action_ref TEXT,
                FOREIGN KEY (plan_id, action_ref) REFERENCES plan_action (plan_id, ref)
            )
            """,
            """
            CREATE TABLE saved_filter (
                name TEXT PRIMARY KEY NOT NULL,
                definition TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE spot_check (
                id TEXT PRIMARY KEY NOT NULL,
                title TEXT NOT NULL,
                cohort TEXT NOT NULL,
                every_months BIGINT NOT NULL,
                first_due TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE spot_check_done (
                spot_check_id TEXT NOT NULL REFERENCES spot_check (id),
                done_on TEXT NOT NULL,
                PRIMARY KEY (spot_check_id, done_on)
            )
            """,
            "CREATE INDEX audit_sample_id ON audit (sample_id, position)",
            "CREATE INDEX audit_record_audit ON audit_record (audit_id)",
            "CREATE INDEX audit_moderation_audit ON audit_moderation (audit_id)",
            """
            CREATE FUNCTION audit_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
            END
            $$
            """,
            """
            CREATE TRIGGER audit_record_no_change BEFORE UPDATE OR DELETE ON audit_record
                FOR EACH ROW EXECUTE FUNCTION audit_history_refuse_change()
            """,
            """
            CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
                FOR EACH STATEMENT EXECUTE FUNCTION audit_history_refuse_change()
            """,
            """
            CREATE TRIGGER audit_moderation_no_change BEFORE UPDATE OR DELETE ON audit_moderation
                FOR EACH ROW EXECUTE FUNCTION audit_history_refuse_change()
            """,
            """
            CREATE TRIGGER audit_moderation_no_truncate BEFORE TRUNCATE ON audit_moderation
                FOR EACH STATEMENT EXECUTE FUNCTION audit_history_refuse_change()
            """,
            """
            CREATE TRIGGER case_action_event_no_change BEFORE UPDATE OR DELETE ON case_action_event
                FOR EACH ROW EXECUTE FUNCTION audit_history_refuse_change()
            """,
            """
            CREATE TRIGGER case_action_event_no_truncate BEFORE TRUNCATE ON case_action_event
                FOR EACH STATEMENT EXECUTE FUNCTION audit_history_refuse_change()
            """,
        ]),
        // LADO allegations and partner notifications (issue 10), as SQLite's 006-lado-notifications: one JSON document
        // per record, with copies of its dates for ordering and the purge; a disposal is never changed or removed.
        Migration(name: "006-lado-notifications", statements: [
            """
            CREATE TABLE lado_allegation (
                id TEXT PRIMARY KEY,
                received_on DATE NOT NULL,
                officer TEXT NOT NULL,
                outcome TEXT,
                closed_on DATE,
                document TEXT NOT NULL
            )
            """,
            "CREATE INDEX lado_allegation_received ON lado_allegation (received_on)",
            """
            CREATE TABLE lado_disposal (
                allegation_id TEXT PRIMARY KEY,
                outcome TEXT,
                closed_on DATE NOT NULL,
                retained_until DATE NOT NULL,
                reason TEXT NOT NULL,
                disposed_on DATE NOT NULL
            )
            """,
            """
            CREATE FUNCTION lado_disposal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'disposal records are append-only' USING ERRCODE = 'restrict_violation';
            END
            $$
            """,
            """
            CREATE TRIGGER lado_disposal_no_change BEFORE UPDATE OR DELETE ON lado_disposal
                FOR EACH ROW EXECUTE FUNCTION lado_disposal_refuse_change()
            """,
            """
            CREATE TABLE partner_notification (
                id TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                received_on DATE NOT NULL,
                screened_on DATE,
                document TEXT NOT NULL
            )
            """,
            "CREATE INDEX partner_notification_received ON partner_notification (received_on)",
        ]),
        // The IRO escalation and SEND trackers (issue 10), as SQLite's 007-escalations-send: each record is one JSON
        // document beside its ID and child.
        Migration(name: "007-escalations-send", statements: [
            """
            CREATE TABLE escalation (
                id TEXT PRIMARY KEY,
                child_id TEXT NOT NULL,
                body TEXT NOT NULL
            )
            """,
            "CREATE INDEX escalation_child ON escalation (child_id)",
            """
            CREATE TABLE iro_review_record (
                id TEXT PRIMARY KEY,
                child_id TEXT NOT NULL,
                body TEXT NOT NULL
            )
            """,
            "CREATE INDEX iro_review_record_child ON iro_review_record (child_id)",
            """
            CREATE TABLE ehc_needs_assessment (
                id TEXT PRIMARY KEY,
                child_id TEXT NOT NULL,
                body TEXT NOT NULL
            )
            """,
            "CREATE INDEX ehc_needs_assessment_child ON ehc_needs_assessment (child_id)",
            """
            CREATE TABLE ehc_annual_review (
                id TEXT PRIMARY KEY,
                child_id TEXT NOT NULL,
                body TEXT NOT NULL
            )
            """,
            "CREATE INDEX ehc_annual_review_child ON ehc_annual_review (child_id)",
            """
            CREATE TABLE waiting_list_referral (
                id TEXT PRIMARY KEY,
                child_id TEXT NOT NULL,
                body TEXT NOT NULL
            )
            """,
            "CREATE INDEX waiting_list_referral_child ON waiting_list_referral (child_id)",
        ]),
        // The CIN census's child details (issue 3), as SQLite's 009-cin-child-details: new snapshot schemas gain the
        // columns from the snapshot migration of the same name; this brings the snapshot the catalogue names up to
        // date (and records it there), so data imported before reads on unchanged.
        Migration(name: "009-cin-child-details", statements: [
            """
            DO $$
            DECLARE
                snapshot TEXT;
            BEGIN
                FOR snapshot IN SELECT DISTINCT e.snapshot FROM extract e JOIN pg_namespace n ON n.nspname = e.snapshot LOOP
            \(cinChildDetails.map { "        EXECUTE format('ALTER TABLE %I.\($0.table) ADD COLUMN IF NOT EXISTS \($0.column)', snapshot);" }.joined(separator: "\n"))
                    EXECUTE format('INSERT INTO %I.schema_migrations (name) VALUES (%L) ON CONFLICT DO NOTHING', snapshot, '009-cin-child-details');
                END LOOP;
            END
            $$
            """,
        ]),
    ]

    /// A snapshot: one import's case records in a schema of their own, written once and then only read.
    static let snapshot: [Migration] = [
        Migration(name: "001-case-records", statements: caseRecordsV1),
        Migration(name: "008-ssda903-tables", statements: ssda903Tables),
        Migration(name: "009-cin-child-details", statements: cinChildDetails.map { "ALTER TABLE \($0.table) ADD COLUMN \($0.column)" }),
    ]

    /// What the CIN census records beyond the SSD's core: the child's former UPN and disabilities, the number of
    /// child protection plans before this one, the conference target on the enquiry (known before any conference),
    /// the assessment's internal review date and the 2026 pre-proceedings blocks (JSON). The same columns as SQLite's.
    static let cinChildDetails: [(table: String, column: String)] = [
        ("child", "former_upn TEXT"), ("child", "disabilities TEXT"), ("assessment", "internal_review_date DATE"),
        ("section47_enquiry", "conference_target_date DATE"), ("cp_plan", "number_of_previous_plans INTEGER"),
        ("cin_episode", "pre_proceedings TEXT"),
    ]

    /// The table that records applied migrations, in every catalogue and snapshot schema.
    static let migrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            name TEXT PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
        )
        """

    /// Every child-level table names its child. The foreign keys are added after loading (`childTables`), when
    /// PostgreSQL checks each table in one pass instead of one lookup per inserted row.
    static let caseRecordsV1 = [
        """
        CREATE TABLE child (
            id TEXT PRIMARY KEY,
            forename TEXT, surname TEXT, sex TEXT, ethnicity TEXT,
            date_of_birth DATE, expected_date_of_birth DATE, date_of_death DATE,
            upn TEXT, upn_unknown_reason TEXT, legacy_id TEXT
        )
        """,
        """
        CREATE TABLE team (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL, parent_reference TEXT, parent_name TEXT
        )
        """,
        """
        CREATE TABLE worker (
            id TEXT PRIMARY KEY,
            staff_id TEXT, name TEXT, registration_number TEXT, is_agency BOOLEAN,
            job_title TEXT, current_team_name TEXT, full_time_equivalent DOUBLE PRECISION
        )
        """,
        """
        CREATE TABLE contact (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            date DATE NOT NULL, source TEXT, source_description TEXT, led_to_referral BOOLEAN
        )
        """,
        """
        CREATE TABLE early_help_episode (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            start DATE NOT NULL, "end" DATE, reason TEXT, end_reason TEXT, organisation TEXT
        )
        """,
        """
        CREATE TABLE cin_episode (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            referral_date DATE NOT NULL, source TEXT, primary_need TEXT, is_nfa BOOLEAN,
            closure_date DATE, closure_reason TEXT, team_id TEXT, worker_reference TEXT
        )
        """,
        """
        CREATE TABLE assessment (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            referral_id TEXT, start_date DATE NOT NULL, authorisation_date DATE, child_seen BOOLEAN,
            is_nfa BOOLEAN, factors TEXT NOT NULL, team_id TEXT, worker_reference TEXT
        )
        """,
        """
        CREATE TABLE cin_plan (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            referral_id TEXT, start DATE NOT NULL, "end" DATE, team_id TEXT, worker_reference TEXT
        )
        """,
        """
        CREATE TABLE statutory_visit (
            context TEXT NOT NULL CHECK (context IN ('childInNeed', 'childProtection', 'lookedAfter')),
            id TEXT NOT NULL,
            child_id TEXT NOT NULL,
            date DATE NOT NULL, child_seen BOOLEAN, child_seen_alone BOOLEAN, bedroom_seen BOOLEAN,
            plan_reference TEXT,
            PRIMARY KEY (context, id)
        )
        """,
        """
        CREATE TABLE section47_enquiry (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            referral_id TEXT, start_date DATE NOT NULL, end_date DATE, is_nfa BOOLEAN,
            conference_recommended BOOLEAN, team_id TEXT, worker_reference TEXT
        )
        """,
        """
        CREATE TABLE initial_cp_conference (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            section47_enquiry_id TEXT, referral_id TEXT, date DATE NOT NULL, target_date DATE,
            is_transfer_in BOOLEAN, resulted_in_plan BOOLEAN, plan_id TEXT, team_id TEXT, worker_reference TEXT
        )
        """,
        """
        CREATE TABLE cp_plan (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            referral_id TEXT, conference_id TEXT, start DATE NOT NULL, "end" DATE,
            initial_category TEXT, latest_category TEXT, is_other_la BOOLEAN NOT NULL
        )
        """,
        """
        CREATE TABLE cp_review (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            plan_id TEXT, due_date DATE, date DATE, plan_continues BOOLEAN, participation TEXT
        )
        """,
        """
        CREATE TABLE legal_status (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            status TEXT NOT NULL, start DATE NOT NULL, "end" DATE
        )
        """,
        """
        CREATE TABLE cla_episode (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            period_of_care_id TEXT, start DATE NOT NULL, reason_new_episode TEXT, legal_status TEXT,
            category_of_need TEXT, placement_id TEXT, "end" DATE, reason_ceased TEXT, referral_id TEXT,
            entered_care_date DATE, last_iro_contact_date DATE
        )
        """,
        """
        CREATE TABLE placement (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            period_of_care_id TEXT, start DATE NOT NULL, "end" DATE, type TEXT, provider TEXT, urn TEXT,
            postcode TEXT, distance_miles DOUBLE PRECISION, change_reason TEXT
        )
        """,
        """
        CREATE TABLE cla_review (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            period_of_care_id TEXT, due_date DATE, date DATE, is_cancelled BOOLEAN NOT NULL, participation TEXT
        )
        """,
        """
        CREATE TABLE missing_episode (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            type TEXT, start DATE NOT NULL, "end" DATE, rhi_offered BOOLEAN, rhi_accepted BOOLEAN
        )
        """,
        """
        CREATE TABLE care_leaver (
            child_id TEXT PRIMARY KEY,
            eligibility TEXT, in_touch TEXT, latest_contact DATE, accommodation TEXT, accommodation_suitable BOOLEAN,
            activity TEXT, pathway_plan_review_date DATE, personal_adviser_reference TEXT, team_id TEXT,
            worker_reference TEXT
        )
        """,
        """
        CREATE TABLE involvement (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            worker_id TEXT, team_id TEXT, role TEXT NOT NULL, start DATE NOT NULL, "end" DATE,
            change_reason TEXT, referral_id TEXT
        )
        """,
    ]

    /// The SSDA903 return's own data (issue 4), as SQLite's 008-ssda903-tables: motherhood and the home postcode on
    /// existing tables, and a table for each of UASC, OC2, AD1, PlacedAdoption, PrevPerm, SWEpisodes and DoLo.
    static let ssda903Tables = [
        "ALTER TABLE child ADD COLUMN is_mother BOOLEAN",
        "ALTER TABLE child ADD COLUMN mother_child_dob DATE",
        "ALTER TABLE placement ADD COLUMN home_postcode TEXT",
        """
        CREATE TABLE uasc_status (
            child_id TEXT PRIMARY KEY,
            ceased_date DATE
        )
        """,
        """
        CREATE TABLE cla_outcomes (
            child_id TEXT PRIMARY KEY,
            sdq_score BIGINT, sdq_reason TEXT, convicted BOOLEAN, health_check BOOLEAN, immunisations BOOLEAN,
            teeth_check BOOLEAN, health_assessment BOOLEAN, substance_misuse BOOLEAN, intervention_received BOOLEAN,
            intervention_offered BOOLEAN
        )
        """,
        """
        CREATE TABLE adoption (
            child_id TEXT PRIMARY KEY,
            decision_date DATE, matching_date DATE, adopted_by_foster_carer BOOLEAN, number_of_adopters BIGINT,
            adopter_sex TEXT, adopter_legal_status TEXT
        )
        """,
        """
        CREATE TABLE placed_for_adoption (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            date DATE NOT NULL, ceased_date DATE, ceased_reason TEXT
        )
        """,
        """
        CREATE TABLE previous_permanence (
            child_id TEXT PRIMARY KEY,
            "option" TEXT, local_authority TEXT, order_date TEXT
        )
        """,
        """
        CREATE TABLE social_worker_episode (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            social_worker_id TEXT, start DATE NOT NULL, "end" DATE, change_reason TEXT
        )
        """,
        """
        CREATE TABLE deprivation_of_liberty (
            id TEXT PRIMARY KEY,
            child_id TEXT NOT NULL,
            start DATE NOT NULL, "end" DATE
        )
        """,
    ]

    /// Lookup indexes by child, built after bulk loading because maintaining them row by row costs more than
    /// building them once. The same names as SQLite's.
    static let childIndexes: [(table: String, column: String)] = [
        ("contact", "child_id"), ("early_help_episode", "child_id"), ("cin_episode", "child_id"),
        ("assessment", "child_id"), ("cin_plan", "child_id"), ("statutory_visit", "child_id"),
        ("section47_enquiry", "child_id"), ("initial_cp_conference", "child_id"), ("cp_plan", "child_id"),
        ("cp_review", "child_id"), ("legal_status", "child_id"), ("cla_episode", "child_id"),
        ("placement", "child_id"), ("cla_review", "child_id"), ("missing_episode", "child_id"),
        ("involvement", "child_id"), ("involvement", "worker_id"),
        ("placed_for_adoption", "child_id"), ("social_worker_episode", "child_id"), ("deprivation_of_liberty", "child_id"),
    ]

    /// The tables whose `child_id` must name a row of `child`: a foreign key each, added once loading is done.
    static let childTables = [
        "contact", "early_help_episode", "cin_episode", "assessment", "cin_plan", "statutory_visit",
        "section47_enquiry", "initial_cp_conference", "cp_plan", "cp_review", "legal_status", "cla_episode",
        "placement", "cla_review", "missing_episode", "care_leaver", "involvement",
        "uasc_status", "cla_outcomes", "adoption", "placed_for_adoption", "previous_permanence", "social_worker_episode",
        "deprivation_of_liberty",
    ]

    /// Indexes and foreign keys, in the order the import runs them once every record is in.
    static var afterLoading: [String] {
        childIndexes.map { "CREATE INDEX \($0.table)_\($0.column) ON \($0.table) (\($0.column))" }
            + childTables.map {
                "ALTER TABLE \($0) ADD CONSTRAINT \($0)_child_id_fkey FOREIGN KEY (child_id) REFERENCES child (id)"
            }
    }
}
