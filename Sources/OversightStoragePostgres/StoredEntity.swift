import OversightCore
import OversightStorage
import PostgresNIO

/// How one domain type maps to its table: one conformance per table, kept beside each other so the column lists
/// can be read against the migration. The mappings are the SQLite store's, value for value.
protocol StoredEntity {
    static var entity: Entity { get }
    static var table: String { get }
    /// Columns in insert order; the first is the key (or, for visits, the context then the key).
    static var columns: [String] { get }
    /// Binds the row's values in `columns` order.
    func bind(to binder: inout RowBinder)
    init(row: PostgresRow) throws(StorageError)
}

extension StoredEntity {
    /// The columns, quoted, for SELECT and INSERT lists.
    static var columnList: String { columns.map { "\"\($0)\"" }.joined(separator: ", ") }

    /// The columns that make a record's key, for the exact check behind a possible duplicate.
    static var keyColumns: [String] {
        switch entity {
        case .statutoryVisit: ["context", "id"]
        case .careLeaver: ["child_id"]
        default: ["id"]
        }
    }
}

extension Child: StoredEntity {
    static let entity = Entity.child
    static let table = "child"
    static let columns = [
        "id", "forename", "surname", "sex", "ethnicity", "date_of_birth", "expected_date_of_birth",
        "date_of_death", "upn", "upn_unknown_reason", "legacy_id",
    ]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(forename)
        binder.text(surname)
        binder.text(sex?.rawValue)
        binder.text(ethnicity?.rawValue)
        binder.date(dateOfBirth)
        binder.date(expectedDateOfBirth)
        binder.date(dateOfDeath)
        binder.text(upn)
        binder.text(upnUnknownReason)
        binder.text(legacyID)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(
            id: try r.requiredID("id"), forename: r.text("forename"), surname: r.text("surname"),
            sex: try r.code(Sex.self, "sex"), ethnicity: try r.code(Ethnicity.self, "ethnicity"),
            dateOfBirth: try r.date("date_of_birth"), expectedDateOfBirth: try r.date("expected_date_of_birth"),
            dateOfDeath: try r.date("date_of_death"), upn: r.text("upn"), upnUnknownReason: r.text("upn_unknown_reason"),
            legacyID: r.text("legacy_id"))
    }
}

extension Team: StoredEntity {
    static let entity = Entity.team
    static let table = "team"
    static let columns = ["id", "name", "parent_reference", "parent_name"]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(name)
        binder.text(parentReference)
        binder.text(parentName)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), name: try r.requiredText("name"), parentReference: r.text("parent_reference"),
                  parentName: r.text("parent_name"))
    }
}

extension Worker: StoredEntity {
    static let entity = Entity.worker
    static let table = "worker"
    static let columns = ["id", "staff_id", "name", "registration_number", "is_agency", "job_title", "current_team_name", "full_time_equivalent"]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(staffID)
        binder.text(name)
        binder.text(registrationNumber)
        binder.flag(isAgency)
        binder.text(jobTitle)
        binder.text(currentTeamName)
        binder.real(fullTimeEquivalent)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), staffID: r.text("staff_id"), name: r.text("name"),
                  registrationNumber: r.text("registration_number"), isAgency: r.bool("is_agency"),
                  jobTitle: r.text("job_title"), currentTeamName: r.text("current_team_name"),
                  fullTimeEquivalent: r.double("full_time_equivalent"))
    }
}

extension Contact: StoredEntity {
    static let entity = Entity.contact
    static let table = "contact"
    static let columns = ["id", "child_id", "date", "source", "source_description", "led_to_referral"]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.date(date)
        binder.text(source?.rawValue)
        binder.text(sourceDescription)
        binder.flag(ledToReferral)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), date: try r.requiredDate("date"),
                  source: try r.code(ReferralSource.self, "source"), sourceDescription: r.text("source_description"),
                  ledToReferral: r.bool("led_to_referral"))
    }
}

extension EarlyHelpEpisode: StoredEntity {
    static let entity = Entity.earlyHelpEpisode
    static let table = "early_help_episode"
    static let columns = ["id", "child_id", "start", "end", "reason", "end_reason", "organisation"]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.date(start)
        binder.date(end)
        binder.text(reason)
        binder.text(endReason)
        binder.text(organisation)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), start: try r.requiredDate("start"),
                  end: try r.date("end"), reason: r.text("reason"), endReason: r.text("end_reason"),
                  organisation: r.text("organisation"))
    }
}

extension ChildInNeedEpisode: StoredEntity {
    static let entity = Entity.childInNeedEpisode
    static let table = "cin_episode"
    static let columns = [
        "id", "child_id", "referral_date", "source", "primary_need", "is_nfa", "closure_date", "closure_reason",
        "team_id", "worker_reference",
    ]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.date(referralDate)
        binder.text(source?.rawValue)
        binder.text(primaryNeed?.rawValue)
        binder.flag(isNoFurtherAction)
        binder.date(closureDate)
        binder.text(closureReason?.rawValue)
        binder.text(teamID?.rawValue)
        binder.text(workerReference)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"),
                  referralDate: try r.requiredDate("referral_date"), source: try r.code(ReferralSource.self, "source"),
                  primaryNeed: try r.code(CategoryOfNeed.self, "primary_need"), isNoFurtherAction: r.bool("is_nfa"),
                  closureDate: try r.date("closure_date"), closureReason: try r.code(ClosureReason.self, "closure_reason"),
                  teamID: r.id("team_id"), workerReference: r.text("worker_reference"))
    }
}

extension Assessment: StoredEntity {
    static let entity = Entity.assessment
    static let table = "assessment"
    static let columns = [
        "id", "child_id", "referral_id", "start_date", "authorisation_date", "child_seen", "is_nfa", "factors",
        "team_id", "worker_reference",
    ]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(referralID?.rawValue)
        binder.date(startDate)
        binder.date(authorisationDate)
        binder.flag(childSeen)
        binder.flag(isNoFurtherAction)
        binder.text(factors.map(\.rawValue).joined(separator: ","))
        binder.text(teamID?.rawValue)
        binder.text(workerReference)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        var factors: [AssessmentFactor] = []
        for code in try r.requiredText("factors").split(separator: ",") {
            guard let factor = AssessmentFactor(rawValue: String(code)) else {
                throw .corruptValue(Self.entity, key: r.key, column: "factors", value: String(code))
            }
            factors.append(factor)
        }
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), referralID: r.id("referral_id"),
                  startDate: try r.requiredDate("start_date"), authorisationDate: try r.date("authorisation_date"),
                  childSeen: r.bool("child_seen"), isNoFurtherAction: r.bool("is_nfa"), factors: factors,
                  teamID: r.id("team_id"), workerReference: r.text("worker_reference"))
    }
}

extension ChildInNeedPlan: StoredEntity {
    static let entity = Entity.childInNeedPlan
    static let table = "cin_plan"
    static let columns = ["id", "child_id", "referral_id", "start", "end", "team_id", "worker_reference"]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(referralID?.rawValue)
        binder.date(start)
        binder.date(end)
        binder.text(teamID?.rawValue)
        binder.text(workerReference)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), referralID: r.id("referral_id"),
                  start: try r.requiredDate("start"), end: try r.date("end"), teamID: r.id("team_id"),
                  workerReference: r.text("worker_reference"))
    }
}

extension StatutoryVisit: StoredEntity {
    static let entity = Entity.statutoryVisit
    static let table = "statutory_visit"
    static let columns = ["context", "id", "child_id", "date", "child_seen", "child_seen_alone", "bedroom_seen", "plan_reference"]
    func bind(to binder: inout RowBinder) {
        binder.text(context.rawValue)
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.date(date)
        binder.flag(childSeen)
        binder.flag(childSeenAlone)
        binder.flag(bedroomSeen)
        binder.text(planReference)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        let contextText = try r.requiredText("context")
        guard let context = Context(rawValue: contextText) else {
            throw .corruptValue(Self.entity, key: r.key, column: "context", value: contextText)
        }
        self.init(id: try r.requiredID("id"), context: context, childID: try r.requiredID("child_id"),
                  date: try r.requiredDate("date"), childSeen: r.bool("child_seen"), childSeenAlone: r.bool("child_seen_alone"),
                  bedroomSeen: r.bool("bedroom_seen"), planReference: r.text("plan_reference"))
    }
}

extension Section47Enquiry: StoredEntity {
    static let entity = Entity.section47Enquiry
    static let table = "section47_enquiry"
    static let columns = [
        "id", "child_id", "referral_id", "start_date", "end_date", "is_nfa", "conference_recommended", "team_id",
        "worker_reference",
    ]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(referralID?.rawValue)
        binder.date(startDate)
        binder.date(endDate)
        binder.flag(isNoFurtherAction)
        binder.flag(conferenceRecommended)
        binder.text(teamID?.rawValue)
        binder.text(workerReference)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), referralID: r.id("referral_id"),
                  startDate: try r.requiredDate("start_date"), endDate: try r.date("end_date"),
                  isNoFurtherAction: r.bool("is_nfa"), conferenceRecommended: r.bool("conference_recommended"),
                  teamID: r.id("team_id"), workerReference: r.text("worker_reference"))
    }
}

extension InitialChildProtectionConference: StoredEntity {
    static let entity = Entity.initialChildProtectionConference
    static let table = "initial_cp_conference"
    static let columns = [
        "id", "child_id", "section47_enquiry_id", "referral_id", "date", "target_date", "is_transfer_in",
        "resulted_in_plan", "plan_id", "team_id", "worker_reference",
    ]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(section47EnquiryID?.rawValue)
        binder.text(referralID?.rawValue)
        binder.date(date)
        binder.date(targetDate)
        binder.flag(isTransferIn)
        binder.flag(resultedInPlan)
        binder.text(planID?.rawValue)
        binder.text(teamID?.rawValue)
        binder.text(workerReference)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"),
                  section47EnquiryID: r.id("section47_enquiry_id"), referralID: r.id("referral_id"),
                  date: try r.requiredDate("date"), targetDate: try r.date("target_date"),
                  isTransferIn: r.bool("is_transfer_in"), resultedInPlan: r.bool("resulted_in_plan"),
                  planID: r.id("plan_id"), teamID: r.id("team_id"), workerReference: r.text("worker_reference"))
    }
}

extension ChildProtectionPlan: StoredEntity {
    static let entity = Entity.childProtectionPlan
    static let table = "cp_plan"
    static let columns = [
        "id", "child_id", "referral_id", "conference_id", "start", "end", "initial_category", "latest_category", "is_other_la",
    ]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(referralID?.rawValue)
        binder.text(conferenceID?.rawValue)
        binder.date(start)
        binder.date(end)
        binder.text(initialCategory?.rawValue)
        binder.text(latestCategory?.rawValue)
        binder.flag(isOtherLocalAuthority)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), referralID: r.id("referral_id"),
                  conferenceID: r.id("conference_id"), start: try r.requiredDate("start"), end: try r.date("end"),
                  initialCategory: try r.code(CategoryOfAbuse.self, "initial_category"),
                  latestCategory: try r.code(CategoryOfAbuse.self, "latest_category"),
                  isOtherLocalAuthority: r.bool("is_other_la") ?? false)
    }
}

extension ChildProtectionReview: StoredEntity {
    static let entity = Entity.childProtectionReview
    static let table = "cp_review"
    static let columns = ["id", "child_id", "plan_id", "due_date", "date", "plan_continues", "participation"]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(planID?.rawValue)
        binder.date(dueDate)
        binder.date(date)
        binder.flag(planContinues)
        binder.text(participation?.rawValue)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), planID: r.id("plan_id"),
                  dueDate: try r.date("due_date"), date: try r.date("date"), planContinues: r.bool("plan_continues"),
                  participation: try r.code(ReviewParticipation.self, "participation"))
    }
}

extension LegalStatusSpell: StoredEntity {
    static let entity = Entity.legalStatusSpell
    static let table = "legal_status"
    static let columns = ["id", "child_id", "status", "start", "end"]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(status.rawValue)
        binder.date(start)
        binder.date(end)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        guard let status = try r.code(LegalStatus.self, "status") else {
            throw .corruptValue(Self.entity, key: r.key, column: "status", value: "NULL")
        }
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), status: status,
                  start: try r.requiredDate("start"), end: try r.date("end"))
    }
}

extension LookedAfterEpisode: StoredEntity {
    static let entity = Entity.lookedAfterEpisode
    static let table = "cla_episode"
    static let columns = [
        "id", "child_id", "period_of_care_id", "start", "reason_new_episode", "legal_status", "category_of_need",
        "placement_id", "end", "reason_ceased", "referral_id", "entered_care_date", "last_iro_contact_date",
    ]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(periodOfCareID)
        binder.date(start)
        binder.text(reasonNewEpisode?.rawValue)
        binder.text(legalStatus?.rawValue)
        binder.text(categoryOfNeed?.rawValue)
        binder.text(placementID?.rawValue)
        binder.date(end)
        binder.text(reasonCeased?.rawValue)
        binder.text(referralID?.rawValue)
        binder.date(enteredCareDate)
        binder.date(lastIROContactDate)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), periodOfCareID: r.text("period_of_care_id"),
                  start: try r.requiredDate("start"), reasonNewEpisode: try r.code(ReasonNewEpisode.self, "reason_new_episode"),
                  legalStatus: try r.code(LegalStatus.self, "legal_status"),
                  categoryOfNeed: try r.code(CategoryOfNeed.self, "category_of_need"), placementID: r.id("placement_id"),
                  end: try r.date("end"), reasonCeased: try r.code(ReasonEpisodeCeased.self, "reason_ceased"),
                  referralID: r.id("referral_id"), enteredCareDate: try r.date("entered_care_date"),
                  lastIROContactDate: try r.date("last_iro_contact_date"))
    }
}

extension Placement: StoredEntity {
    static let entity = Entity.placement
    static let table = "placement"
    static let columns = [
        "id", "child_id", "period_of_care_id", "start", "end", "type", "provider", "urn", "postcode", "distance_miles",
        "change_reason",
    ]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(periodOfCareID)
        binder.date(start)
        binder.date(end)
        binder.text(type?.rawValue)
        binder.text(provider?.rawValue)
        binder.text(urn)
        binder.text(postcode)
        binder.real(distanceMiles)
        binder.text(changeReason?.rawValue)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), periodOfCareID: r.text("period_of_care_id"),
                  start: try r.requiredDate("start"), end: try r.date("end"), type: try r.code(PlacementType.self, "type"),
                  provider: try r.code(PlacementProvider.self, "provider"), urn: r.text("urn"), postcode: r.text("postcode"),
                  distanceMiles: r.double("distance_miles"),
                  changeReason: try r.code(ReasonPlacementChange.self, "change_reason"))
    }
}

extension LookedAfterReview: StoredEntity {
    static let entity = Entity.lookedAfterReview
    static let table = "cla_review"
    static let columns = ["id", "child_id", "period_of_care_id", "due_date", "date", "is_cancelled", "participation"]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(periodOfCareID)
        binder.date(dueDate)
        binder.date(date)
        binder.flag(isCancelled)
        binder.text(participation?.rawValue)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), periodOfCareID: r.text("period_of_care_id"),
                  dueDate: try r.date("due_date"), date: try r.date("date"), isCancelled: r.bool("is_cancelled") ?? false,
                  participation: try r.code(ReviewParticipation.self, "participation"))
    }
}

extension MissingEpisode: StoredEntity {
    static let entity = Entity.missingEpisode
    static let table = "missing_episode"
    static let columns = ["id", "child_id", "type", "start", "end", "rhi_offered", "rhi_accepted"]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(type?.rawValue)
        binder.date(start)
        binder.date(end)
        binder.flag(returnInterviewOffered)
        binder.flag(returnInterviewAccepted)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), type: try r.code(MissingType.self, "type"),
                  start: try r.requiredDate("start"), end: try r.date("end"),
                  returnInterviewOffered: r.bool("rhi_offered"), returnInterviewAccepted: r.bool("rhi_accepted"))
    }
}

extension CareLeaver: StoredEntity {
    static let entity = Entity.careLeaver
    static let table = "care_leaver"
    static let columns = [
        "child_id", "eligibility", "in_touch", "latest_contact", "accommodation", "accommodation_suitable", "activity",
        "pathway_plan_review_date", "personal_adviser_reference", "team_id", "worker_reference",
    ]
    func bind(to binder: inout RowBinder) {
        binder.text(childID.rawValue)
        binder.text(eligibility)
        binder.text(inTouch?.rawValue)
        binder.date(latestContact)
        binder.text(accommodation?.rawValue)
        binder.flag(accommodationSuitable)
        binder.text(activity?.rawValue)
        binder.date(pathwayPlanReviewDate)
        binder.text(personalAdviserReference)
        binder.text(teamID?.rawValue)
        binder.text(workerReference)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity, keyColumn: "child_id")
        self.init(childID: try r.requiredID("child_id"), eligibility: r.text("eligibility"),
                  inTouch: try r.code(CareLeaverContact.self, "in_touch"), latestContact: try r.date("latest_contact"),
                  accommodation: try r.code(CareLeaverAccommodation.self, "accommodation"),
                  accommodationSuitable: r.bool("accommodation_suitable"),
                  activity: try r.code(CareLeaverActivity.self, "activity"),
                  pathwayPlanReviewDate: try r.date("pathway_plan_review_date"),
                  personalAdviserReference: r.text("personal_adviser_reference"), teamID: r.id("team_id"),
                  workerReference: r.text("worker_reference"))
    }
}

extension Involvement: StoredEntity {
    static let entity = Entity.involvement
    static let table = "involvement"
    static let columns = ["id", "child_id", "worker_id", "team_id", "role", "start", "end", "change_reason", "referral_id"]
    func bind(to binder: inout RowBinder) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(workerID?.rawValue)
        binder.text(teamID?.rawValue)
        binder.text(role.code)
        binder.date(start)
        binder.date(end)
        binder.text(changeReason?.rawValue)
        binder.text(referralID?.rawValue)
    }
    init(row: PostgresRow) throws(StorageError) {
        let r = RowReader(row, Self.entity)
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), workerID: r.id("worker_id"),
                  teamID: r.id("team_id"), role: InvolvementRole(try r.requiredText("role")), start: try r.requiredDate("start"),
                  end: try r.date("end"), changeReason: try r.code(WorkerChangeReason.self, "change_reason"),
                  referralID: r.id("referral_id"))
    }
}
