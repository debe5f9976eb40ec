import OversightCore
import OversightStorage

/// The SSD tables Oversight imports, declared in the order they must be read: people first, then the tables
/// whose rows later tables look up (referrals, plans, legal status, periods of care).
enum SSDTable: String, CaseIterable {
    /// Read before people, as factors before assessments: each child is stored whole, with their disabilities.
    case disability = "ssd_disability"
    case person = "ssd_person"
    case department = "ssd_department"
    case professionals = "ssd_professionals"
    case cinEpisodes = "ssd_cin_episodes"
    case contacts = "ssd_contacts"
    case earlyHelpEpisodes = "ssd_early_help_episodes"
    case assessmentFactors = "ssd_assessment_factors"
    case cinAssessments = "ssd_cin_assessments"
    case cinPlans = "ssd_cin_plans"
    case cinVisits = "ssd_cin_visits"
    case s47Enquiry = "ssd_s47_enquiry"
    case initialCPConference = "ssd_initial_cp_conference"
    case cpPlans = "ssd_cp_plans"
    case cpVisits = "ssd_cp_visits"
    case cpReviews = "ssd_cp_reviews"
    case legalStatus = "ssd_legal_status"
    case claEpisodes = "ssd_cla_episodes"
    case claPlacement = "ssd_cla_placement"
    case claReviews = "ssd_cla_reviews"
    case claVisits = "ssd_cla_visits"
    case missing = "ssd_missing"
    case careLeavers = "ssd_care_leavers"
    case involvements = "ssd_involvements"

    /// Position in import order, for per-table arrays (a switch: it is asked once per row).
    var ordinal: Int {
        switch self {
        case .disability: 0
        case .person: 1
        case .department: 2
        case .professionals: 3
        case .cinEpisodes: 4
        case .contacts: 5
        case .earlyHelpEpisodes: 6
        case .assessmentFactors: 7
        case .cinAssessments: 8
        case .cinPlans: 9
        case .cinVisits: 10
        case .s47Enquiry: 11
        case .initialCPConference: 12
        case .cpPlans: 13
        case .cpVisits: 14
        case .cpReviews: 15
        case .legalStatus: 16
        case .claEpisodes: 17
        case .claPlacement: 18
        case .claReviews: 19
        case .claVisits: 20
        case .missing: 21
        case .careLeavers: 22
        case .involvements: 23
        }
    }
    var fileName: String { rawValue + ".csv" }

    /// The column that identifies a row, named in duplicate-ID errors.
    var keyColumn: String {
        switch self {
        case .disability: "disa_table_id"
        case .person: "pers_person_id"
        case .department: "dept_team_id"
        case .professionals: "prof_professional_id"
        case .cinEpisodes: "cine_referral_id"
        case .contacts: "cont_contact_id"
        case .earlyHelpEpisodes: "earl_episode_id"
        case .assessmentFactors: "cinf_assessment_id"
        case .cinAssessments: "cina_assessment_id"
        case .cinPlans: "cinp_cin_plan_id"
        case .cinVisits: "cinv_cin_visit_id"
        case .s47Enquiry: "s47e_s47_enquiry_id"
        case .initialCPConference: "icpc_icpc_id"
        case .cpPlans: "cppl_cp_plan_id"
        case .cpVisits: "cppv_cp_visit_id"
        case .cpReviews: "cppr_cp_review_id"
        case .legalStatus: "lega_legal_status_id"
        case .claEpisodes: "clae_cla_episode_id"
        case .claPlacement: "clap_cla_placement_id"
        case .claReviews: "clar_cla_review_id"
        case .claVisits: "clav_cla_visit_id"
        case .missing: "miss_table_id"
        case .careLeavers: "clea_person_id"
        case .involvements: "invo_involvements_id"
        }
    }

    /// The column holding the child, named when the child is not in `ssd_person`.
    var personColumn: String {
        switch self {
        case .disability: "disa_person_id"
        case .person: "pers_person_id"
        case .department, .professionals: "-"
        case .cinEpisodes: "cine_person_id"
        case .contacts: "cont_person_id"
        case .earlyHelpEpisodes: "earl_person_id"
        case .assessmentFactors: "cinf_assessment_id"
        case .cinAssessments: "cina_person_id"
        case .cinPlans: "cinp_person_id"
        case .cinVisits: "cinv_person_id"
        case .s47Enquiry: "s47e_person_id"
        case .initialCPConference: "icpc_person_id"
        case .cpPlans: "cppl_person_id"
        case .cpVisits: "cppv_person_id"
        case .cpReviews: "cppr_person_id"
        case .legalStatus: "lega_person_id"
        case .claEpisodes: "clae_person_id"
        case .claPlacement: "clap_person_id"
        case .claReviews: "clar_cla_person_id"
        case .claVisits: "clav_person_id"
        case .missing: "miss_person_id"
        case .careLeavers: "clea_person_id"
        case .involvements: "invo_person_id"
        }
    }

    /// Columns without which no row of the file can be read.
    var requiredColumns: [String] {
        switch self {
        case .disability: ["disa_person_id", "disa_disability_code"]
        case .person: ["pers_person_id"]
        case .department: ["dept_team_id"]
        case .professionals: ["prof_professional_id"]
        case .cinEpisodes: ["cine_referral_id", "cine_person_id", "cine_referral_date"]
        case .contacts: ["cont_contact_id", "cont_person_id", "cont_contact_date"]
        case .earlyHelpEpisodes: ["earl_episode_id", "earl_person_id", "earl_episode_start_date"]
        case .assessmentFactors: ["cinf_assessment_id", "cinf_assessment_factors_json"]
        case .cinAssessments: ["cina_assessment_id", "cina_person_id", "cina_assessment_start_date"]
        case .cinPlans: ["cinp_cin_plan_id", "cinp_cin_plan_start_date"]
        case .cinVisits: ["cinv_cin_visit_id", "cinv_cin_visit_date"]
        case .s47Enquiry: ["s47e_s47_enquiry_id", "s47e_person_id", "s47e_s47_start_date"]
        case .initialCPConference: ["icpc_icpc_id", "icpc_person_id", "icpc_icpc_date"]
        case .cpPlans: ["cppl_cp_plan_id", "cppl_person_id", "cppl_cp_plan_start_date"]
        case .cpVisits: ["cppv_cp_visit_id", "cppv_cp_visit_date"]
        case .cpReviews: ["cppr_cp_review_id"]
        case .legalStatus: ["lega_legal_status_id", "lega_person_id", "lega_legal_status", "lega_legal_status_start_date"]
        case .claEpisodes: ["clae_cla_episode_id", "clae_person_id", "clae_cla_episode_start_date"]
        case .claPlacement: ["clap_cla_placement_id", "clap_cla_placement_start_date"]
        case .claReviews: ["clar_cla_review_id"]
        case .claVisits: ["clav_cla_visit_id", "clav_cla_visit_date"]
        case .missing: ["miss_table_id", "miss_person_id", "miss_missing_episode_start_date"]
        case .careLeavers: ["clea_person_id"]
        case .involvements: ["invo_involvements_id", "invo_involvement_start_date", "invo_professional_role_id"]
        }
    }

    /// Other CMSs' names for a column (ssd.md §5.3): Mosaic renames some keys.
    var aliases: [String: [String]] {
        switch self {
        case .cinPlans: ["cinp_cin_plan_id": ["cin_plan_id"]]
        case .cinVisits: ["cinv_person_id": ["cinv_cin_person_id"]]
        case .cpReviews: [
            "cppr_person_id": ["person_id"], "cppr_cp_review_due": ["due_date"], "cppr_cp_review_date": ["actual_date"],
            "cppr_cp_review_participation": ["review_participation"],
        ]
        default: [:]
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    /// Turns one row into the record it holds; `nil` means "recognised, not stored".
    func read(_ row: SSDRow, _ state: inout ImportState) throws(RowError) -> CaseRecord? {
        switch self {
        case .disability:
            if let disability = try row.code("disa_disability_code", Disability.self) {
                state.disabilitiesByPerson[try row.requiredText("disa_person_id"), default: []].append(disability)
            }
            return nil

        case .person:
            let id: Identifier<Child> = try row.requiredID("pers_person_id")
            return .child(Child(
                id: id, forename: row.text("pers_forename"), surname: row.text("pers_surname"),
                sex: try row.code("pers_sex", Sex.self), ethnicity: try row.code("pers_ethnicity", Ethnicity.self),
                dateOfBirth: try row.date("pers_dob"), expectedDateOfBirth: try row.date("pers_expected_dob"),
                dateOfDeath: try row.date("pers_death_date"), upn: row.text("pers_upn"),
                upnUnknownReason: row.text("pers_upn_unknown"), legacyID: row.text("pers_legacy_id"),
                // The SSD writes Y for a mother and leaves the rest blank, so blank is "not recorded", not "no".
                isMother: try row.flag("pers_is_mother") == true ? true : nil,
                disabilities: state.disabilitiesByPerson.removeValue(forKey: id.rawValue) ?? []))

        case .department:
            let id: Identifier<Team> = try row.requiredID("dept_team_id")
            return .team(Team(id: id, name: row.text("dept_team_name") ?? id.rawValue,
                               parentReference: row.text("dept_team_parent_id"), parentName: row.text("dept_team_parent_name")))

        case .professionals:
            return .worker(Worker(
                id: try row.requiredID("prof_professional_id"), staffID: row.text("prof_staff_id"),
                name: row.text("prof_professional_name"), registrationNumber: row.text("prof_social_worker_registration_no"),
                isAgency: try row.flag("prof_agency_worker_flag"), jobTitle: row.text("prof_professional_job_title"),
                currentTeamName: row.text("prof_professional_department"),
                fullTimeEquivalent: try row.number("prof_full_time_equivalency")))

        case .cinEpisodes:
            let episode = ChildInNeedEpisode(
                id: try row.requiredID("cine_referral_id"), childID: try row.requiredID("cine_person_id"),
                referralDate: try row.requiredDate("cine_referral_date"),
                source: try row.code("cine_referral_source_code", ReferralSource.self),
                primaryNeed: try row.code("cine_cin_primary_need_code", CategoryOfNeed.self),
                isNoFurtherAction: try row.flag("cine_referral_nfa"), closureDate: try row.date("cine_close_date"),
                closureReason: try row.code("cine_close_reason", ClosureReason.self), teamID: row.id("cine_referral_team"),
                workerReference: row.text("cine_referral_worker_id"))
            if state.needsReferralLookup { state.childByReferral[episode.id.rawValue] = episode.childID }
            return .childInNeedEpisode(episode)

        case .contacts:
            return .contact(Contact(
                id: try row.requiredID("cont_contact_id"), childID: try row.requiredID("cont_person_id"),
                date: try row.requiredDate("cont_contact_date"),
                source: try row.code("cont_contact_source_code", ReferralSource.self),
                sourceDescription: row.text("cont_contact_source_desc"),
                ledToReferral: row.jsonFlag("cont_contact_outcome_json", keys: ["NEW_REFERRAL_FLAG", "NEW_REFERRAL"])))

        case .earlyHelpEpisodes:
            return .earlyHelpEpisode(EarlyHelpEpisode(
                id: try row.requiredID("earl_episode_id"), childID: try row.requiredID("earl_person_id"),
                start: try row.requiredDate("earl_episode_start_date"), end: try row.date("earl_episode_end_date"),
                reason: row.text("earl_episode_reason"), endReason: row.text("earl_episode_end_reason"),
                organisation: row.text("earl_episode_organisation")))

        case .assessmentFactors:
            let assessment = try row.requiredText("cinf_assessment_id")
            let factors = try row.assessmentFactors("cinf_assessment_factors_json")
            state.factorsByAssessment[assessment, default: []].append(contentsOf: factors)
            return nil

        case .cinAssessments:
            let id: Identifier<Assessment> = try row.requiredID("cina_assessment_id")
            return .assessment(Assessment(
                id: id, childID: try row.requiredID("cina_person_id"), referralID: row.id("cina_referral_id"),
                startDate: try row.requiredDate("cina_assessment_start_date"),
                authorisationDate: try row.date("cina_assessment_auth_date"),
                childSeen: try row.flag("cina_assessment_child_seen"),
                isNoFurtherAction: try row.flag("cina_assessment_outcome_nfa")
                    ?? row.jsonFlag("cina_assessment_outcome_json", keys: ["NFA_FLAG", "NFA"]),
                factors: state.factorsByAssessment.removeValue(forKey: id.rawValue) ?? [],
                teamID: row.id("cina_assessment_team"), workerReference: row.text("cina_assessment_worker_id")))

        case .cinPlans:
            let id: Identifier<ChildInNeedPlan> = try row.requiredID("cinp_cin_plan_id")
            let child = try state.child(from: row, personColumn: "cinp_person_id", via: state.childByReferral,
                                        column: "cinp_referral_id", lookupName: "referral")
            state.childByCINPlan[id.rawValue] = child
            return .childInNeedPlan(ChildInNeedPlan(
                id: id, childID: child, referralID: row.id("cinp_referral_id"), start: try row.requiredDate("cinp_cin_plan_start_date"),
                end: try row.date("cinp_cin_plan_end_date"), teamID: row.id("cinp_cin_plan_team"),
                workerReference: row.text("cinp_cin_plan_worker_id")))

        case .cinVisits:
            let child = try state.child(from: row, personColumn: "cinv_person_id", via: state.childByCINPlan,
                                        column: "cinv_cin_plan_id", lookupName: "CIN plan")
            return .statutoryVisit(StatutoryVisit(
                id: try row.requiredID("cinv_cin_visit_id"), context: .childInNeed, childID: child,
                date: try row.requiredDate("cinv_cin_visit_date"), childSeen: try row.flag("cinv_cin_visit_seen"),
                childSeenAlone: try row.flag("cinv_cin_visit_seen_alone"), bedroomSeen: try row.flag("cinv_cin_visit_bedroom"),
                planReference: row.text("cinv_cin_plan_id")))

        case .s47Enquiry:
            return .section47Enquiry(Section47Enquiry(
                id: try row.requiredID("s47e_s47_enquiry_id"), childID: try row.requiredID("s47e_person_id"),
                referralID: row.id("s47e_referral_id"), startDate: try row.requiredDate("s47e_s47_start_date"),
                endDate: try row.date("s47e_s47_end_date"),
                isNoFurtherAction: try row.flag("s47e_s47_nfa") ?? row.jsonFlag("s47e_s47_outcome_json", keys: ["NFA_FLAG", "NFA"]),
                conferenceRecommended: row.jsonFlag("s47e_s47_outcome_json", keys: ["CP_CONFERENCE_FLAG", "CP_CONFERENCE"]),
                teamID: row.id("s47e_s47_completed_by_team"), workerReference: row.text("s47e_s47_completed_by_worker_id")))

        case .initialCPConference:
            return .initialChildProtectionConference(InitialChildProtectionConference(
                id: try row.requiredID("icpc_icpc_id"), childID: try row.requiredID("icpc_person_id"),
                section47EnquiryID: row.id("icpc_s47_enquiry_id"), referralID: row.id("icpc_referral_id"),
                date: try row.requiredDate("icpc_icpc_date"), targetDate: try row.date("icpc_icpc_target_date"),
                isTransferIn: try row.flag("icpc_icpc_transfer_in"),
                resultedInPlan: try row.flag("icpc_icpc_outcome_cp_flag") ?? row.jsonFlag("icpc_icpc_outcome_json", keys: ["CP_FLAG", "CP"]),
                planID: row.id("icpc_cp_plan_id"), teamID: row.id("icpc_icpc_team"), workerReference: row.text("icpc_icpc_worker_id")))

        case .cpPlans:
            let plan = ChildProtectionPlan(
                id: try row.requiredID("cppl_cp_plan_id"), childID: try row.requiredID("cppl_person_id"),
                referralID: row.id("cppl_referral_id"), conferenceID: row.id("cppl_icpc_id"),
                start: try row.requiredDate("cppl_cp_plan_start_date"), end: try row.date("cppl_cp_plan_end_date"),
                initialCategory: try row.code("cppl_cp_plan_initial_category", CategoryOfAbuse.self),
                latestCategory: try row.code("cppl_cp_plan_latest_category", CategoryOfAbuse.self),
                isOtherLocalAuthority: try row.flag("cppl_cp_plan_ola") ?? false)
            state.childByCPPlan[plan.id.rawValue] = plan.childID
            return .childProtectionPlan(plan)

        case .cpVisits:
            let child = try state.child(from: row, personColumn: "cppv_person_id", via: state.childByCPPlan,
                                        column: "cppv_cp_plan_id", lookupName: "CP plan")
            return .statutoryVisit(StatutoryVisit(
                id: try row.requiredID("cppv_cp_visit_id"), context: .childProtection, childID: child,
                date: try row.requiredDate("cppv_cp_visit_date"), childSeen: try row.flag("cppv_cp_visit_seen"),
                childSeenAlone: try row.flag("cppv_cp_visit_seen_alone"), bedroomSeen: try row.flag("cppv_cp_visit_bedroom"),
                planReference: row.text("cppv_cp_plan_id")))

        case .cpReviews:
            let child = try state.child(from: row, personColumn: "cppr_person_id", via: state.childByCPPlan,
                                        column: "cppr_cp_plan_id", lookupName: "CP plan")
            return .childProtectionReview(ChildProtectionReview(
                id: try row.requiredID("cppr_cp_review_id"), childID: child, planID: row.id("cppr_cp_plan_id"),
                dueDate: try row.date("cppr_cp_review_due"), date: try row.date("cppr_cp_review_date"),
                planContinues: try row.flag("cppr_cp_review_outcome_continue_cp"),
                participation: try row.code("cppr_cp_review_participation", ReviewParticipation.self)))

        case .legalStatus:
            guard case .code(let status) = try row.resolution("lega_legal_status", LegalStatus.self) else {
                if row.text("lega_legal_status") == nil {
                    throw RowError(column: "lega_legal_status", value: "", reason: "is required but empty")
                }
                return nil  // a recognised order that is not a looked-after status (SGO, CAO)
            }
            let spell = LegalStatusSpell(
                id: try row.requiredID("lega_legal_status_id"), childID: try row.requiredID("lega_person_id"), status: status,
                start: try row.requiredDate("lega_legal_status_start_date"), end: try row.date("lega_legal_status_end_date"))
            state.legalStatusByChild[spell.childID, default: []].append(spell)
            return .legalStatusSpell(spell)

        case .claEpisodes:
            let child: Identifier<Child> = try row.requiredID("clae_person_id")
            let start = try row.requiredDate("clae_cla_episode_start_date")
            let period = row.text("clae_cla_id")
            if let period { state.childByPeriodOfCare[period] = child }
            // The 903 takes the legal status in force on the day the episode starts.
            let status = state.legalStatusByChild[child]?
                .filter { $0.interval.contains(start) }
                .max { $0.start < $1.start }?.status
            return .lookedAfterEpisode(LookedAfterEpisode(
                id: try row.requiredID("clae_cla_episode_id"), childID: child, periodOfCareID: period, start: start,
                reasonNewEpisode: try row.code("clae_cla_episode_start_reason", ReasonNewEpisode.self), legalStatus: status,
                categoryOfNeed: try row.code("clae_cla_primary_need_code", CategoryOfNeed.self),
                placementID: row.id("clae_cla_placement_id"), end: try row.date("clae_cla_episode_ceased_date"),
                reasonCeased: try row.code("clae_cla_episode_ceased_reason", ReasonEpisodeCeased.self),
                referralID: row.id("clae_referral_id"), enteredCareDate: try row.date("clae_entered_care_date"),
                lastIROContactDate: try row.date("clae_cla_last_iro_contact_date")))

        case .claPlacement:
            let child = try state.child(from: row, personColumn: "clap_person_id", via: state.childByPeriodOfCare,
                                        column: "clap_cla_id", lookupName: "period of care")
            let distance = try row.number("clap_cla_placement_distance")
            return .placement(Placement(
                id: try row.requiredID("clap_cla_placement_id"), childID: child, periodOfCareID: row.text("clap_cla_id"),
                start: try row.requiredDate("clap_cla_placement_start_date"), end: try row.date("clap_cla_placement_end_date"),
                type: try row.code("clap_cla_placement_type", PlacementType.self),
                provider: try row.code("clap_cla_placement_provider", PlacementProvider.self),
                urn: row.text("clap_cla_placement_urn"), postcode: row.text("clap_cla_placement_postcode"),
                distanceMiles: distance == 999.9 ? nil : distance,
                changeReason: try row.code("clap_cla_placement_change_reason", ReasonPlacementChange.self)))

        case .claReviews:
            let child = try state.child(from: row, personColumn: "clar_cla_person_id", via: state.childByPeriodOfCare,
                                        column: "clar_cla_id", lookupName: "period of care")
            return .lookedAfterReview(LookedAfterReview(
                id: try row.requiredID("clar_cla_review_id"), childID: child, periodOfCareID: row.text("clar_cla_id"),
                dueDate: try row.date("clar_cla_review_due_date"), date: try row.date("clar_cla_review_date"),
                isCancelled: try row.flag("clar_cla_review_cancelled") ?? false,
                participation: try row.code("clar_cla_review_participation", ReviewParticipation.self)))

        case .claVisits:
            let child = try state.child(from: row, personColumn: "clav_person_id", via: state.childByPeriodOfCare,
                                        column: "clav_cla_id", lookupName: "period of care")
            return .statutoryVisit(StatutoryVisit(
                id: try row.requiredID("clav_cla_visit_id"), context: .lookedAfter, childID: child,
                date: try row.requiredDate("clav_cla_visit_date"), childSeen: try row.flag("clav_cla_visit_seen"),
                childSeenAlone: try row.flag("clav_cla_visit_seen_alone"), planReference: row.text("clav_cla_id")))

        case .missing:
            return .missingEpisode(MissingEpisode(
                id: try row.requiredID("miss_table_id"), childID: try row.requiredID("miss_person_id"),
                type: try row.code("miss_missing_episode_type", MissingType.self),
                start: try row.requiredDate("miss_missing_episode_start_date"), end: try row.date("miss_missing_episode_end_date"),
                returnInterviewOffered: try row.flag("miss_missing_rhi_offered"),
                returnInterviewAccepted: try row.flag("miss_missing_rhi_accepted")))

        case .careLeavers:
            var accommodation: CareLeaverAccommodation?
            var suitable = try Self.suitability(row)
            if let text = row.text("clea_care_leaver_accommodation") {
                // The 903 packs suitability into the code: "Z1" is with former foster carers, suitable.
                let u = Array(text.uppercased().utf8)
                if u.count == 2, let letter = CareLeaverAccommodation(rawValue: String(UnicodeScalar(u[0]))), u[1] == 0x31 || u[1] == 0x32 {
                    accommodation = letter
                    suitable = suitable ?? (u[1] == 0x31)
                } else {
                    accommodation = try row.code("clea_care_leaver_accommodation", CareLeaverAccommodation.self)
                }
            }
            return .careLeaver(CareLeaver(
                childID: try row.requiredID("clea_person_id"), eligibility: row.text("clea_care_leaver_eligibility"),
                inTouch: try row.code("clea_care_leaver_in_touch", CareLeaverContact.self),
                latestContact: try row.date("clea_care_leaver_latest_contact"), accommodation: accommodation,
                accommodationSuitable: suitable, activity: try row.code("clea_care_leaver_activity", CareLeaverActivity.self),
                pathwayPlanReviewDate: try row.date("clea_pathway_plan_review_date"),
                personalAdviserReference: row.text("clea_care_leaver_personal_advisor"),
                teamID: row.id("clea_care_leaver_allocated_team"), workerReference: row.text("clea_care_leaver_worker_id")))

        case .involvements:
            let child = try state.child(from: row, personColumn: "invo_person_id", via: state.childByReferral,
                                        column: "invo_referral_id", lookupName: "referral")
            return .involvement(Involvement(
                id: try row.requiredID("invo_involvements_id"), childID: child, workerID: row.id("invo_professional_id"),
                teamID: row.id("invo_professional_team"), role: InvolvementRole(try row.requiredText("invo_professional_role_id")),
                start: try row.requiredDate("invo_involvement_start_date"), end: try row.date("invo_involvement_end_date"),
                changeReason: try row.code("invo_worker_change_reason", WorkerChangeReason.self),
                referralID: row.id("invo_referral_id")))
        }
    }

    private static func suitability(_ row: SSDRow) throws(RowError) -> Bool? {
        guard let text = row.text("clea_care_leaver_accom_suitable") else { return nil }
        switch ValueMapping.normalise(text) {
        case "1", "suitable", "y", "yes": return true
        case "2", "unsuitable", "not suitable", "n", "no": return false
        default: throw RowError(column: "clea_care_leaver_accom_suitable", value: text, reason: "is not Suitable (1) or Unsuitable (2)")
        }
    }
}
