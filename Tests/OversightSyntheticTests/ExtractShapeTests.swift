import Foundation
import OversightCore
import OversightSynthetic
import Testing

/// The column lists of SystemC SSD v1.4.5 (ssd.md §2.3), written out independently of the generator.
private let systemCHeaders: [(String, [String])] = [
    ("ssd_person", ["pers_legacy_id", "pers_person_id", "pers_upn", "pers_forename", "pers_surname", "pers_sex", "pers_gender", "pers_ethnicity", "pers_dob", "pers_single_unique_id", "pers_upn_unknown", "pers_send_flag", "pers_expected_dob", "pers_death_date", "pers_is_mother", "pers_nationality"]),
    ("ssd_contacts", ["cont_contact_id", "cont_person_id", "cont_contact_date", "cont_contact_source_code", "cont_contact_source_desc", "cont_contact_outcome_json"]),
    ("ssd_early_help_episodes", ["earl_episode_id", "earl_person_id", "earl_episode_start_date", "earl_episode_end_date", "earl_episode_reason", "earl_episode_end_reason", "earl_episode_organisation", "earl_episode_worker_id"]),
    ("ssd_cin_episodes", ["cine_referral_id", "cine_person_id", "cine_referral_date", "cine_cin_primary_need_code", "cine_referral_source_code", "cine_referral_source_desc", "cine_referral_outcome_json", "cine_referral_nfa", "cine_close_reason", "cine_close_date", "cine_referral_team", "cine_referral_worker_id"]),
    ("ssd_cin_assessments", ["cina_assessment_id", "cina_person_id", "cina_referral_id", "cina_assessment_start_date", "cina_assessment_child_seen", "cina_assessment_auth_date", "cina_assessment_outcome_json", "cina_assessment_outcome_nfa", "cina_assessment_team", "cina_assessment_worker_id"]),
    ("ssd_assessment_factors", ["cinf_table_id", "cinf_assessment_id", "cinf_assessment_factors_json"]),
    ("ssd_cin_plans", ["cinp_cin_plan_id", "cinp_referral_id", "cinp_person_id", "cinp_cin_plan_start_date", "cinp_cin_plan_end_date", "cinp_cin_plan_team", "cinp_cin_plan_worker_id"]),
    ("ssd_cin_visits", ["cinv_cin_visit_id", "cinv_person_id", "cinv_cin_visit_date", "cinv_cin_visit_seen", "cinv_cin_visit_seen_alone", "cinv_cin_visit_bedroom"]),
    ("ssd_s47_enquiry", ["s47e_s47_enquiry_id", "s47e_referral_id", "s47e_person_id", "s47e_s47_start_date", "s47e_s47_end_date", "s47e_s47_nfa", "s47e_s47_outcome_json", "s47e_s47_completed_by_team", "s47e_s47_completed_by_worker_id"]),
    ("ssd_initial_cp_conference", ["icpc_icpc_id", "icpc_icpc_meeting_id", "icpc_s47_enquiry_id", "icpc_person_id", "icpc_cp_plan_id", "icpc_referral_id", "icpc_icpc_transfer_in", "icpc_icpc_target_date", "icpc_icpc_date", "icpc_icpc_outcome_cp_flag", "icpc_icpc_outcome_json", "icpc_icpc_team", "icpc_icpc_worker_id"]),
    ("ssd_cp_plans", ["cppl_cp_plan_id", "cppl_referral_id", "cppl_icpc_id", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", "cppl_cp_plan_ola", "cppl_cp_plan_initial_category", "cppl_cp_plan_latest_category"]),
    ("ssd_cp_visits", ["cppv_cp_visit_id", "cppv_person_id", "cppv_cp_plan_id", "cppv_cp_visit_date", "cppv_cp_visit_seen", "cppv_cp_visit_seen_alone", "cppv_cp_visit_bedroom"]),
    ("ssd_cp_reviews", ["cppr_cp_review_id", "cppr_person_id", "cppr_cp_plan_id", "cppr_cp_review_due", "cppr_cp_review_date", "cppr_cp_review_meeting_id", "cppr_cp_review_outcome_continue_cp", "cppr_cp_review_quorate", "cppr_cp_review_participation"]),
    ("ssd_legal_status", ["lega_legal_status_id", "lega_person_id", "lega_legal_status", "lega_legal_status_start_date", "lega_legal_status_end_date"]),
    ("ssd_cla_episodes", ["clae_cla_episode_id", "clae_person_id", "clae_cla_placement_id", "clae_cla_episode_start_date", "clae_cla_episode_start_reason", "clae_cla_primary_need_code", "clae_cla_episode_ceased_date", "clae_cla_episode_ceased_reason", "clae_cla_id", "clae_referral_id", "clae_cla_last_iro_contact_date", "clae_entered_care_date"]),
    ("ssd_cla_placement", ["clap_cla_placement_id", "clap_cla_id", "clap_person_id", "clap_cla_placement_start_date", "clap_cla_placement_type", "clap_cla_placement_urn", "clap_cla_placement_distance", "clap_cla_placement_provider", "clap_cla_placement_postcode", "clap_cla_placement_end_date", "clap_cla_placement_change_reason"]),
    ("ssd_cla_reviews", ["clar_cla_review_id", "clar_cla_id", "clar_cla_person_id", "clar_cla_review_due_date", "clar_cla_review_date", "clar_cla_review_cancelled", "clar_cla_review_participation"]),
    ("ssd_cla_visits", ["clav_cla_visit_id", "clav_cla_id", "clav_person_id", "clav_cla_visit_date", "clav_cla_visit_seen", "clav_cla_visit_seen_alone"]),
    ("ssd_missing", ["miss_table_id", "miss_person_id", "miss_missing_episode_start_date", "miss_missing_episode_type", "miss_missing_episode_end_date", "miss_missing_rhi_offered", "miss_missing_rhi_accepted"]),
    ("ssd_care_leavers", ["clea_table_id", "clea_person_id", "clea_care_leaver_eligibility", "clea_care_leaver_in_touch", "clea_care_leaver_latest_contact", "clea_care_leaver_accommodation", "clea_care_leaver_accom_suitable", "clea_care_leaver_activity", "clea_pathway_plan_review_date", "clea_care_leaver_personal_advisor", "clea_care_leaver_allocated_team", "clea_care_leaver_worker_id"]),
    ("ssd_professionals", ["prof_professional_id", "prof_staff_id", "prof_professional_name", "prof_social_worker_registration_no", "prof_agency_worker_flag", "prof_professional_job_title", "prof_professional_caseload", "prof_professional_department", "prof_full_time_equivalency"]),
    ("ssd_department", ["dept_team_id", "dept_team_name", "dept_team_parent_id", "dept_team_parent_name"]),
    ("ssd_involvements", ["invo_involvements_id", "invo_professional_id", "invo_professional_role_id", "invo_professional_team", "invo_person_id", "invo_involvement_start_date", "invo_involvement_end_date", "invo_worker_change_reason", "invo_referral_id"]),
]

@Suite("Shape of the extract")
struct ExtractShapeTests {
    @Test("Every table is written with SystemC v1.4.5's columns in the deployed order")
    func headers() throws {
        try withGeneratedAuthority(GeneratorOptions(size: .tiny)) { directory, summary in
            #expect(summary.rowsByTable.map(\.table) == systemCHeaders.map(\.0))
            for (table, columns) in systemCHeaders {
                let file = try CSVFile(path: directory + "/" + table + ".csv")
                #expect(file.header == columns, "\(table) header")
                #expect(file.records.count == summary.rowsByTable.first { $0.table == table }?.rows)
                #expect(file.records.allSatisfy { $0.fields.count == columns.count }, "\(table) has a row of the wrong width")
            }
        }
    }

    @Test("Every person reference resolves to a row of ssd_person", arguments: [AuthoritySize.tiny, .small])
    func personReferencesResolve(size: AuthoritySize) throws {
        let check = { (directory: String) throws in
            let people = Set(try CSVFile(path: directory + "/ssd_person.csv").values("pers_person_id"))
            #expect(people.count > 100)
            for (table, columns) in systemCHeaders {
                for column in columns where column.hasSuffix("person_id") && column != "pers_person_id" {
                    let missing = try CSVFile(path: directory + "/" + table + ".csv").values(column).filter { !people.contains($0) }
                    #expect(missing.isEmpty, "\(table).\(column) names \(missing.count) people not in ssd_person, e.g. \(missing.prefix(3))")
                }
            }
        }
        if size == .small {
            try check(try SmallAuthority.directory())
        } else {
            try withGeneratedAuthority(GeneratorOptions(size: size, seed: 11)) { directory, _ in try check(directory) }
        }
    }

    @Test("Looked-after episodes follow the SSDA903 period-of-care rules")
    func periodsOfCare() throws {
        let directory = try SmallAuthority.directory()
        let episodes = try CSVFile(path: directory + "/ssd_cla_episodes.csv")
        let placements = try CSVFile(path: directory + "/ssd_cla_placement.csv")
        let c = { (name: String) in episodes.column(name)! }
        let placementPeriod = Dictionary(
            uniqueKeysWithValues: placements.records.map {
                ($0.fields[placements.column("clap_cla_placement_id")!], $0.fields[placements.column("clap_cla_id")!])
            })
        var byPeriod: [String: [[String]]] = [:]
        for record in episodes.records { byPeriod[record.fields[c("clae_cla_id")], default: []].append(record.fields) }
        #expect(byPeriod.count > 300)
        func isX1(_ text: String) -> Bool { text == "X1" || text.hasPrefix("X1 - ") || text == ReasonEpisodeCeased.x1.label }
        func isS(_ text: String) -> Bool { text == "S" || text.hasPrefix("S - ") || text == ReasonNewEpisode.started.label }
        for (period, unordered) in byPeriod {
            let chain = unordered.sorted { ($0[c("clae_cla_episode_start_date")], $0[c("clae_cla_episode_id")]) < ($1[c("clae_cla_episode_start_date")], $1[c("clae_cla_episode_id")]) }
            let entered = chain[0][c("clae_entered_care_date")]
            #expect(chain.allSatisfy { $0[c("clae_entered_care_date")] == entered }, "period \(period) has two entry dates")
            if chain[0][c("clae_cla_episode_start_date")] == entered {
                #expect(isS(chain[0][c("clae_cla_episode_start_reason")]), "period \(period) does not start with S")
            }
            for (position, episode) in chain.enumerated() {
                #expect(placementPeriod[episode[c("clae_cla_placement_id")]] == period, "episode \(episode[0]) points at a placement outside its period")
                if position + 1 < chain.count {
                    let next = chain[position + 1]
                    #expect(isX1(episode[c("clae_cla_episode_ceased_reason")]), "episode \(episode[0]) is followed but did not end X1")
                    #expect(episode[c("clae_cla_episode_ceased_date")] == next[c("clae_cla_episode_start_date")], "gap after episode \(episode[0])")
                    #expect(!isS(next[c("clae_cla_episode_start_reason")]), "episode \(next[0]) restarts a period with S")
                } else {
                    #expect(!isX1(episode[c("clae_cla_episode_ceased_reason")]), "the last episode of period \(period) ended X1")
                    #expect(episode[c("clae_cla_episode_ceased_date")].isEmpty == episode[c("clae_cla_episode_ceased_reason")].isEmpty)
                }
            }
        }
    }

    @Test("Each episode's legal status is the one spell open on its start date")
    func legalStatusLinesUp() throws {
        let directory = try SmallAuthority.directory()
        let episodes = try CSVFile(path: directory + "/ssd_cla_episodes.csv")
        let spells = try CSVFile(path: directory + "/ssd_legal_status.csv")
        var byPerson: [String: [(start: String, end: String)]] = [:]
        for record in spells.records {
            byPerson[record.fields[1], default: []].append((String(record.fields[3].prefix(10)), String(record.fields[4].prefix(10))))
        }
        for record in episodes.records {
            let start = String(record.fields[episodes.column("clae_cla_episode_start_date")!].prefix(10))
            let open = (byPerson[record.fields[1]] ?? []).filter { $0.start <= start && ($0.end.isEmpty || $0.end > start) }
            #expect(open.count == 1, "episode \(record.fields[0]) starting \(start) has \(open.count) open legal statuses")
        }
    }

    @Test("SystemC renderings: datetimes, sentinels, placeholders, descriptions and JSON")
    func systemCRenderings() throws {
        let directory = try SmallAuthority.directory()
        let referrals = try CSVFile(path: directory + "/ssd_cin_episodes.csv")
        #expect(referrals.values("cine_referral_date").allSatisfy { $0.count == 23 && $0.hasSuffix(" 00:00:00.000") })

        let assessments = try CSVFile(path: directory + "/ssd_cin_assessments.csv")
        let open = assessments.values("cina_assessment_auth_date").filter { $0 == "1900-01-01 00:00:00.000" }
        #expect(!open.isEmpty, "open assessments carry SystemC's 1900-01-01 authorisation date")

        let earlyHelp = try CSVFile(path: directory + "/ssd_early_help_episodes.csv")
        #expect(earlyHelp.values("earl_episode_worker_id").allSatisfy { $0 == "SSD_PH" })
        #expect(referrals.values("cine_referral_worker_id").contains("-1"))
        #expect(referrals.values("cine_referral_source_desc").contains("PLACEHOLDER_DATA"))

        // Legal status is mostly the description, sometimes "code - description" or the bare code.
        let statuses = try CSVFile(path: directory + "/ssd_legal_status.csv").values("lega_legal_status")
        let labels = Set(LegalStatus.allCases.map(\.label))
        let codes = Set(LegalStatus.allCases.map(\.rawValue))
        let described = statuses.filter { labels.contains($0) }.count
        let paired = statuses.filter { $0.count > 5 && codes.contains(String($0.prefix(2))) && $0.dropFirst(2).hasPrefix(" - ") }.count
        let bare = statuses.filter { codes.contains($0) }.count
        #expect(described + paired + bare == statuses.count)
        let total = Double(statuses.count)
        #expect((0.7...0.9).contains(Double(described) / total))
        #expect((0.04...0.16).contains(Double(paired) / total))
        #expect((0.04...0.16).contains(Double(bare) / total))

        // About 1% of outcome JSON is invalid the way hand-concatenated SQL makes it.
        let json = try CSVFile(path: directory + "/ssd_contacts.csv").values("cont_contact_outcome_json")
        let broken = json.filter { !isValidJSON($0) }
        #expect((0.005...0.02).contains(Double(broken.count) / Double(json.count)))
        #expect(json.allSatisfy { $0.hasPrefix("{\"NEW_REFERRAL_FLAG\": \"") })

        let factors = try CSVFile(path: directory + "/ssd_assessment_factors.csv").values("cinf_assessment_factors_json")
        #expect(factors.allSatisfy { $0.hasPrefix("[\"") && $0.hasSuffix("\"]") })
    }

    @Test("Unborn children have an expected date of birth, no date of birth and sex U")
    func unbornChildren() throws {
        let people = try CSVFile(path: try SmallAuthority.directory() + "/ssd_person.csv")
        let c = { (name: String) in people.column(name)! }
        let unborn = people.records.filter { $0.fields[c("pers_dob")].isEmpty }
        #expect(unborn.count > 100)
        #expect(unborn.allSatisfy { !$0.fields[c("pers_expected_dob")].isEmpty && $0.fields[c("pers_sex")] == "U" })
        let upns = people.values("pers_upn").filter { !$0.isEmpty }
        #expect(upns.count > people.records.count / 2)
        #expect(upns.allSatisfy { $0.count == 13 })
    }
}

/// Whether `text` parses as JSON; the broken SystemC comments are exactly the ones that do not.
private func isValidJSON(_ text: String) -> Bool {
    do {
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return true
    } catch {
        return false
    }
}
