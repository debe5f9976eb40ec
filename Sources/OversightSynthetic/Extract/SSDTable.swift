/// The SSD tables the synthetic authority writes, with the SystemC v1.4.5 column names in the order the
/// deployed script creates them (ssd.md §2.3), so an importer written against real extracts reads these
/// unchanged.
enum SSDTable: Int, CaseIterable, Sendable {
    case person, contacts, earlyHelpEpisodes, cinEpisodes, cinAssessments, assessmentFactors, cinPlans, cinVisits
    case s47Enquiry, initialCPConference, cpPlans, cpVisits, cpReviews
    case legalStatus, claEpisodes, claPlacement, claReviews, claVisits, missing, careLeavers
    case professionals, department, involvements

    var name: String {
        switch self {
        case .person: "ssd_person"
        case .contacts: "ssd_contacts"
        case .earlyHelpEpisodes: "ssd_early_help_episodes"
        case .cinEpisodes: "ssd_cin_episodes"
        case .cinAssessments: "ssd_cin_assessments"
        case .assessmentFactors: "ssd_assessment_factors"
        case .cinPlans: "ssd_cin_plans"
        case .cinVisits: "ssd_cin_visits"
        case .s47Enquiry: "ssd_s47_enquiry"
        case .initialCPConference: "ssd_initial_cp_conference"
        case .cpPlans: "ssd_cp_plans"
        case .cpVisits: "ssd_cp_visits"
        case .cpReviews: "ssd_cp_reviews"
        case .legalStatus: "ssd_legal_status"
        case .claEpisodes: "ssd_cla_episodes"
        case .claPlacement: "ssd_cla_placement"
        case .claReviews: "ssd_cla_reviews"
        case .claVisits: "ssd_cla_visits"
        case .missing: "ssd_missing"
        case .careLeavers: "ssd_care_leavers"
        case .professionals: "ssd_professionals"
        case .department: "ssd_department"
        case .involvements: "ssd_involvements"
        }
    }

    var columns: [String] {
        switch self {
        case .person:
            [
                "pers_legacy_id", "pers_person_id", "pers_upn", "pers_forename", "pers_surname", "pers_sex", "pers_gender",
                "pers_ethnicity", "pers_dob", "pers_single_unique_id", "pers_upn_unknown", "pers_send_flag",
                "pers_expected_dob", "pers_death_date", "pers_is_mother", "pers_nationality",
            ]
        case .contacts:
            [
                "cont_contact_id", "cont_person_id", "cont_contact_date", "cont_contact_source_code",
                "cont_contact_source_desc", "cont_contact_outcome_json",
            ]
        case .earlyHelpEpisodes:
            [
                "earl_episode_id", "earl_person_id", "earl_episode_start_date", "earl_episode_end_date",
                "earl_episode_reason", "earl_episode_end_reason", "earl_episode_organisation", "earl_episode_worker_id",
            ]
        case .cinEpisodes:
            [
                "cine_referral_id", "cine_person_id", "cine_referral_date", "cine_cin_primary_need_code",
                "cine_referral_source_code", "cine_referral_source_desc", "cine_referral_outcome_json",
                "cine_referral_nfa", "cine_close_reason", "cine_close_date", "cine_referral_team",
                "cine_referral_worker_id",
            ]
        case .cinAssessments:
            [
                "cina_assessment_id", "cina_person_id", "cina_referral_id", "cina_assessment_start_date",
                "cina_assessment_child_seen", "cina_assessment_auth_date", "cina_assessment_outcome_json",
                "cina_assessment_outcome_nfa", "cina_assessment_team", "cina_assessment_worker_id",
            ]
        case .assessmentFactors:
            ["cinf_table_id", "cinf_assessment_id", "cinf_assessment_factors_json"]
        case .cinPlans:
            [
                "cinp_cin_plan_id", "cinp_referral_id", "cinp_person_id", "cinp_cin_plan_start_date",
                "cinp_cin_plan_end_date", "cinp_cin_plan_team", "cinp_cin_plan_worker_id",
            ]
        case .cinVisits:
            [
                "cinv_cin_visit_id", "cinv_person_id", "cinv_cin_visit_date", "cinv_cin_visit_seen",
                "cinv_cin_visit_seen_alone", "cinv_cin_visit_bedroom",
            ]
        case .s47Enquiry:
            [
                "s47e_s47_enquiry_id", "s47e_referral_id", "s47e_person_id", "s47e_s47_start_date", "s47e_s47_end_date",
                "s47e_s47_nfa", "s47e_s47_outcome_json", "s47e_s47_completed_by_team", "s47e_s47_completed_by_worker_id",
            ]
        case .initialCPConference:
            [
                "icpc_icpc_id", "icpc_icpc_meeting_id", "icpc_s47_enquiry_id", "icpc_person_id", "icpc_cp_plan_id",
                "icpc_referral_id", "icpc_icpc_transfer_in", "icpc_icpc_target_date", "icpc_icpc_date",
                "icpc_icpc_outcome_cp_flag", "icpc_icpc_outcome_json", "icpc_icpc_team", "icpc_icpc_worker_id",
            ]
        case .cpPlans:
            [
                "cppl_cp_plan_id", "cppl_referral_id", "cppl_icpc_id", "cppl_person_id", "cppl_cp_plan_start_date",
                "cppl_cp_plan_end_date", "cppl_cp_plan_ola", "cppl_cp_plan_initial_category",
                "cppl_cp_plan_latest_category",
            ]
        case .cpVisits:
            [
                "cppv_cp_visit_id", "cppv_person_id", "cppv_cp_plan_id", "cppv_cp_visit_date", "cppv_cp_visit_seen",
                "cppv_cp_visit_seen_alone", "cppv_cp_visit_bedroom",
            ]
        case .cpReviews:
            [
                "cppr_cp_review_id", "cppr_person_id", "cppr_cp_plan_id", "cppr_cp_review_due", "cppr_cp_review_date",
                "cppr_cp_review_meeting_id", "cppr_cp_review_outcome_continue_cp", "cppr_cp_review_quorate",
                "cppr_cp_review_participation",
            ]
        case .legalStatus:
            [
                "lega_legal_status_id", "lega_person_id", "lega_legal_status", "lega_legal_status_start_date",
                "lega_legal_status_end_date",
            ]
        case .claEpisodes:
            [
                "clae_cla_episode_id", "clae_person_id", "clae_cla_placement_id", "clae_cla_episode_start_date",
                "clae_cla_episode_start_reason", "clae_cla_primary_need_code", "clae_cla_episode_ceased_date",
                "clae_cla_episode_ceased_reason", "clae_cla_id", "clae_referral_id", "clae_cla_last_iro_contact_date",
                "clae_entered_care_date",
            ]
        case .claPlacement:
            [
                "clap_cla_placement_id", "clap_cla_id", "clap_person_id", "clap_cla_placement_start_date",
                "clap_cla_placement_type", "clap_cla_placement_urn", "clap_cla_placement_distance",
                "clap_cla_placement_provider", "clap_cla_placement_postcode", "clap_cla_placement_end_date",
                "clap_cla_placement_change_reason",
            ]
        case .claReviews:
            [
                "clar_cla_review_id", "clar_cla_id", "clar_cla_person_id", "clar_cla_review_due_date",
                "clar_cla_review_date", "clar_cla_review_cancelled", "clar_cla_review_participation",
            ]
        case .claVisits:
            [
                "clav_cla_visit_id", "clav_cla_id", "clav_person_id", "clav_cla_visit_date", "clav_cla_visit_seen",
                "clav_cla_visit_seen_alone",
            ]
        case .missing:
            [
                "miss_table_id", "miss_person_id", "miss_missing_episode_start_date", "miss_missing_episode_type",
                "miss_missing_episode_end_date", "miss_missing_rhi_offered", "miss_missing_rhi_accepted",
            ]
        case .careLeavers:
            [
                "clea_table_id", "clea_person_id", "clea_care_leaver_eligibility", "clea_care_leaver_in_touch",
                "clea_care_leaver_latest_contact", "clea_care_leaver_accommodation", "clea_care_leaver_accom_suitable",
                "clea_care_leaver_activity", "clea_pathway_plan_review_date", "clea_care_leaver_personal_advisor",
                "clea_care_leaver_allocated_team", "clea_care_leaver_worker_id",
            ]
        case .professionals:
            [
                "prof_professional_id", "prof_staff_id", "prof_professional_name", "prof_social_worker_registration_no",
                "prof_agency_worker_flag", "prof_professional_job_title", "prof_professional_caseload",
                "prof_professional_department", "prof_full_time_equivalency",
            ]
        case .department:
            ["dept_team_id", "dept_team_name", "dept_team_parent_id", "dept_team_parent_name"]
        case .involvements:
            [
                "invo_involvements_id", "invo_professional_id", "invo_professional_role_id", "invo_professional_team",
                "invo_person_id", "invo_involvement_start_date", "invo_involvement_end_date",
                "invo_worker_change_reason", "invo_referral_id",
            ]
        }
    }

    var fileName: String { name + ".csv" }

    /// The position of `column` in this table's header.
    func index(of column: String) -> Int {
        guard let index = columns.firstIndex(of: column) else {
            preconditionFailure("\(name) has no column \(column)")
        }
        return index
    }
}
