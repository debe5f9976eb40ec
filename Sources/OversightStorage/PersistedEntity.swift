import Foundation
import OversightCore

/// Where a record's values go when it is stored: one call per column, in `columns` order.
///
/// Each store supplies its own (SQLite binds a prepared statement; PostgreSQL fills column arrays), so
/// the mapping from domain types to columns below is written once for every store.
public protocol ColumnWriter {
    mutating func text(_ value: String?)
    mutating func date(_ value: LocalDate?)
    mutating func flag(_ value: Bool?)
    mutating func real(_ value: Double?)
    mutating func integer(_ value: Int?)
}

/// Reads a stored row's columns by name, failing loudly on anything an import could not have written.
public protocol ColumnReader {
    var entity: Entity { get }
    /// The row's key, for error messages.
    var key: String { get }
    func text(_ column: String) -> String?
    func date(_ column: String) throws(StorageError) -> LocalDate?
    func bool(_ column: String) -> Bool?
    func double(_ column: String) -> Double?
    func integer(_ column: String) -> Int?
}

extension ColumnReader {
    public func requiredText(_ column: String) throws(StorageError) -> String {
        guard let value = text(column) else { throw .corruptValue(entity, key: key, column: column, value: "NULL") }
        return value
    }

    public func id<T>(_ column: String) -> Identifier<T>? { text(column).map { Identifier<T>($0) } }

    public func requiredID<T>(_ column: String) throws(StorageError) -> Identifier<T> { Identifier(try requiredText(column)) }

    public func requiredDate(_ column: String) throws(StorageError) -> LocalDate {
        guard let date = try date(column) else { throw .corruptValue(entity, key: key, column: column, value: "NULL") }
        return date
    }

    public func code<C: CodeList>(_ type: C.Type, _ column: String) throws(StorageError) -> C? {
        guard let text = text(column) else { return nil }
        guard let value = C(rawValue: text) else { throw .corruptValue(entity, key: key, column: column, value: text) }
        return value
    }

    /// A list of codes kept comma-separated in one column; NULL (a row stored before the column existed) is empty.
    public func codes<C: CodeList>(_ type: C.Type, _ column: String) throws(StorageError) -> [C] {
        var values: [C] = []
        for code in (text(column) ?? "").split(separator: ",") {
            guard let value = C(rawValue: String(code)) else { throw .corruptValue(entity, key: key, column: column, value: String(code)) }
            values.append(value)
        }
        return values
    }
}

/// How one domain type maps to its table, for every store: one conformance per table, kept beside each
/// other so the column lists can be read against the stores' migrations.
public protocol PersistedEntity {
    static var entity: Entity { get }
    static var table: String { get }
    /// Columns in insert order; the first is the key (or, for visits, the context then the key).
    static var columns: [String] { get }
    /// Writes the record's values in `columns` order.
    func bind(to binder: inout some ColumnWriter)
    init(reading r: some ColumnReader) throws(StorageError)
}

extension PersistedEntity {
    /// The column a row's key is read from for error messages (care leavers, and the 903 tables that hold one row
    /// per child, are keyed by child).
    public static var keyColumn: String { columns[0] == "child_id" ? "child_id" : "id" }
}

extension Entity {
    /// The domain type stored for this entity.
    public var persistedType: any PersistedEntity.Type {
        switch self {
        case .child: Child.self
        case .team: Team.self
        case .worker: Worker.self
        case .contact: Contact.self
        case .earlyHelpEpisode: EarlyHelpEpisode.self
        case .childInNeedEpisode: ChildInNeedEpisode.self
        case .assessment: Assessment.self
        case .childInNeedPlan: ChildInNeedPlan.self
        case .statutoryVisit: StatutoryVisit.self
        case .section47Enquiry: Section47Enquiry.self
        case .initialChildProtectionConference: InitialChildProtectionConference.self
        case .childProtectionPlan: ChildProtectionPlan.self
        case .childProtectionReview: ChildProtectionReview.self
        case .legalStatusSpell: LegalStatusSpell.self
        case .lookedAfterEpisode: LookedAfterEpisode.self
        case .placement: Placement.self
        case .lookedAfterReview: LookedAfterReview.self
        case .missingEpisode: MissingEpisode.self
        case .careLeaver: CareLeaver.self
        case .involvement: Involvement.self
        case .unaccompaniedAsylumSeekingStatus: UnaccompaniedAsylumSeekingStatus.self
        case .continuouslyLookedAfterOutcomes: ContinuouslyLookedAfterOutcomes.self
        case .adoption: Adoption.self
        case .decisionToPlaceForAdoption: DecisionToPlaceForAdoption.self
        case .previousPermanence: PreviousPermanence.self
        case .socialWorkerEpisode: SocialWorkerEpisode.self
        case .deprivationOfLibertyOrder: DeprivationOfLibertyOrder.self
        }
    }
}

extension CaseRecord {
    /// Reads one stored row of `entity`.
    public init(_ entity: Entity, reading r: some ColumnReader) throws(StorageError) {
        switch entity {
        case .child: self = .child(try Child(reading: r))
        case .team: self = .team(try Team(reading: r))
        case .worker: self = .worker(try Worker(reading: r))
        case .contact: self = .contact(try Contact(reading: r))
        case .earlyHelpEpisode: self = .earlyHelpEpisode(try EarlyHelpEpisode(reading: r))
        case .childInNeedEpisode: self = .childInNeedEpisode(try ChildInNeedEpisode(reading: r))
        case .assessment: self = .assessment(try Assessment(reading: r))
        case .childInNeedPlan: self = .childInNeedPlan(try ChildInNeedPlan(reading: r))
        case .statutoryVisit: self = .statutoryVisit(try StatutoryVisit(reading: r))
        case .section47Enquiry: self = .section47Enquiry(try Section47Enquiry(reading: r))
        case .initialChildProtectionConference: self = .initialChildProtectionConference(try InitialChildProtectionConference(reading: r))
        case .childProtectionPlan: self = .childProtectionPlan(try ChildProtectionPlan(reading: r))
        case .childProtectionReview: self = .childProtectionReview(try ChildProtectionReview(reading: r))
        case .legalStatusSpell: self = .legalStatusSpell(try LegalStatusSpell(reading: r))
        case .lookedAfterEpisode: self = .lookedAfterEpisode(try LookedAfterEpisode(reading: r))
        case .placement: self = .placement(try Placement(reading: r))
        case .lookedAfterReview: self = .lookedAfterReview(try LookedAfterReview(reading: r))
        case .missingEpisode: self = .missingEpisode(try MissingEpisode(reading: r))
        case .careLeaver: self = .careLeaver(try CareLeaver(reading: r))
        case .involvement: self = .involvement(try Involvement(reading: r))
        case .unaccompaniedAsylumSeekingStatus: self = .unaccompaniedAsylumSeekingStatus(try UnaccompaniedAsylumSeekingStatus(reading: r))
        case .continuouslyLookedAfterOutcomes: self = .continuouslyLookedAfterOutcomes(try ContinuouslyLookedAfterOutcomes(reading: r))
        case .adoption: self = .adoption(try Adoption(reading: r))
        case .decisionToPlaceForAdoption: self = .decisionToPlaceForAdoption(try DecisionToPlaceForAdoption(reading: r))
        case .previousPermanence: self = .previousPermanence(try PreviousPermanence(reading: r))
        case .socialWorkerEpisode: self = .socialWorkerEpisode(try SocialWorkerEpisode(reading: r))
        case .deprivationOfLibertyOrder: self = .deprivationOfLibertyOrder(try DeprivationOfLibertyOrder(reading: r))
        }
    }
}

extension Child: PersistedEntity {
    public static let entity = Entity.child
    public static let table = "child"
    public static let columns = [
        "id", "forename", "surname", "sex", "ethnicity", "date_of_birth", "expected_date_of_birth",
        "date_of_death", "upn", "upn_unknown_reason", "legacy_id", "is_mother", "mother_child_dob", "former_upn", "disabilities",
    ]
    public func bind(to binder: inout some ColumnWriter) {
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
        binder.flag(isMother)
        binder.date(motherChildDateOfBirth)
        binder.text(formerUPN)
        binder.text(disabilities.isEmpty ? nil : disabilities.map(\.rawValue).joined(separator: ","))
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(
            id: try r.requiredID("id"), forename: r.text("forename"), surname: r.text("surname"),
            sex: try r.code(Sex.self, "sex"), ethnicity: try r.code(Ethnicity.self, "ethnicity"),
            dateOfBirth: try r.date("date_of_birth"), expectedDateOfBirth: try r.date("expected_date_of_birth"),
            dateOfDeath: try r.date("date_of_death"), upn: r.text("upn"), upnUnknownReason: r.text("upn_unknown_reason"),
            legacyID: r.text("legacy_id"), isMother: r.bool("is_mother"), motherChildDateOfBirth: try r.date("mother_child_dob"),
            formerUPN: r.text("former_upn"), disabilities: try r.codes(Disability.self, "disabilities"))
    }
}

extension Team: PersistedEntity {
    public static let entity = Entity.team
    public static let table = "team"
    public static let columns = ["id", "name", "parent_reference", "parent_name"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(name)
        binder.text(parentReference)
        binder.text(parentName)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), name: try r.requiredText("name"), parentReference: r.text("parent_reference"),
                  parentName: r.text("parent_name"))
    }
}

extension Worker: PersistedEntity {
    public static let entity = Entity.worker
    public static let table = "worker"
    public static let columns = ["id", "staff_id", "name", "registration_number", "is_agency", "job_title", "current_team_name", "full_time_equivalent"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(staffID)
        binder.text(name)
        binder.text(registrationNumber)
        binder.flag(isAgency)
        binder.text(jobTitle)
        binder.text(currentTeamName)
        binder.real(fullTimeEquivalent)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), staffID: r.text("staff_id"), name: r.text("name"),
                  registrationNumber: r.text("registration_number"), isAgency: r.bool("is_agency"),
                  jobTitle: r.text("job_title"), currentTeamName: r.text("current_team_name"),
                  fullTimeEquivalent: r.double("full_time_equivalent"))
    }
}

extension Contact: PersistedEntity {
    public static let entity = Entity.contact
    public static let table = "contact"
    public static let columns = ["id", "child_id", "date", "source", "source_description", "led_to_referral"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.date(date)
        binder.text(source?.rawValue)
        binder.text(sourceDescription)
        binder.flag(ledToReferral)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), date: try r.requiredDate("date"),
                  source: try r.code(ReferralSource.self, "source"), sourceDescription: r.text("source_description"),
                  ledToReferral: r.bool("led_to_referral"))
    }
}

extension EarlyHelpEpisode: PersistedEntity {
    public static let entity = Entity.earlyHelpEpisode
    public static let table = "early_help_episode"
    public static let columns = ["id", "child_id", "start", "end", "reason", "end_reason", "organisation"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.date(start)
        binder.date(end)
        binder.text(reason)
        binder.text(endReason)
        binder.text(organisation)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), start: try r.requiredDate("start"),
                  end: try r.date("end"), reason: r.text("reason"), endReason: r.text("end_reason"),
                  organisation: r.text("organisation"))
    }
}

extension ChildInNeedEpisode: PersistedEntity {
    public static let entity = Entity.childInNeedEpisode
    public static let table = "cin_episode"
    public static let columns = [
        "id", "child_id", "referral_date", "source", "primary_need", "is_nfa", "closure_date", "closure_reason",
        "team_id", "worker_reference", "pre_proceedings",
    ]
    public func bind(to binder: inout some ColumnWriter) {
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
        binder.text(preProceedings.isEmpty ? nil : Self.preProceedingsJSON(preProceedings))
    }

    /// The blocks as one JSON array of objects, keys sorted, so the same blocks are always stored alike.
    static func preProceedingsJSON(_ blocks: [[String: String]]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding string dictionaries cannot fail.
        return String(decoding: (try? encoder.encode(blocks)) ?? Data("[]".utf8), as: UTF8.self)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        var preProceedings: [[String: String]] = []
        if let json = r.text("pre_proceedings") {
            guard let blocks = try? JSONDecoder().decode([[String: String]].self, from: Data(json.utf8)) else {
                throw .corruptValue(Self.entity, key: r.key, column: "pre_proceedings", value: json)
            }
            preProceedings = blocks
        }
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"),
                  referralDate: try r.requiredDate("referral_date"), source: try r.code(ReferralSource.self, "source"),
                  primaryNeed: try r.code(CategoryOfNeed.self, "primary_need"), isNoFurtherAction: r.bool("is_nfa"),
                  closureDate: try r.date("closure_date"), closureReason: try r.code(ClosureReason.self, "closure_reason"),
                  teamID: r.id("team_id"), workerReference: r.text("worker_reference"), preProceedings: preProceedings)
    }
}

extension Assessment: PersistedEntity {
    public static let entity = Entity.assessment
    public static let table = "assessment"
    public static let columns = [
        "id", "child_id", "referral_id", "start_date", "authorisation_date", "child_seen", "is_nfa", "factors",
        "team_id", "worker_reference", "internal_review_date",
    ]
    public func bind(to binder: inout some ColumnWriter) {
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
        binder.date(internalReviewDate)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        _ = try r.requiredText("factors")
        let factors = try r.codes(AssessmentFactor.self, "factors")
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), referralID: r.id("referral_id"),
                  startDate: try r.requiredDate("start_date"), authorisationDate: try r.date("authorisation_date"),
                  childSeen: r.bool("child_seen"), isNoFurtherAction: r.bool("is_nfa"), factors: factors,
                  teamID: r.id("team_id"), workerReference: r.text("worker_reference"),
                  internalReviewDate: try r.date("internal_review_date"))
    }
}

extension ChildInNeedPlan: PersistedEntity {
    public static let entity = Entity.childInNeedPlan
    public static let table = "cin_plan"
    public static let columns = ["id", "child_id", "referral_id", "start", "end", "team_id", "worker_reference"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(referralID?.rawValue)
        binder.date(start)
        binder.date(end)
        binder.text(teamID?.rawValue)
        binder.text(workerReference)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), referralID: r.id("referral_id"),
                  start: try r.requiredDate("start"), end: try r.date("end"), teamID: r.id("team_id"),
                  workerReference: r.text("worker_reference"))
    }
}

extension StatutoryVisit: PersistedEntity {
    public static let entity = Entity.statutoryVisit
    public static let table = "statutory_visit"
    public static let columns = ["context", "id", "child_id", "date", "child_seen", "child_seen_alone", "bedroom_seen", "plan_reference"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(context.rawValue)
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.date(date)
        binder.flag(childSeen)
        binder.flag(childSeenAlone)
        binder.flag(bedroomSeen)
        binder.text(planReference)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        let contextText = try r.requiredText("context")
        guard let context = Context(rawValue: contextText) else {
            throw .corruptValue(Self.entity, key: r.key, column: "context", value: contextText)
        }
        self.init(id: try r.requiredID("id"), context: context, childID: try r.requiredID("child_id"),
                  date: try r.requiredDate("date"), childSeen: r.bool("child_seen"), childSeenAlone: r.bool("child_seen_alone"),
                  bedroomSeen: r.bool("bedroom_seen"), planReference: r.text("plan_reference"))
    }
}

extension Section47Enquiry: PersistedEntity {
    public static let entity = Entity.section47Enquiry
    public static let table = "section47_enquiry"
    public static let columns = [
        "id", "child_id", "referral_id", "start_date", "end_date", "is_nfa", "conference_recommended", "team_id",
        "worker_reference", "conference_target_date",
    ]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(referralID?.rawValue)
        binder.date(startDate)
        binder.date(endDate)
        binder.flag(isNoFurtherAction)
        binder.flag(conferenceRecommended)
        binder.text(teamID?.rawValue)
        binder.text(workerReference)
        binder.date(conferenceTargetDate)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), referralID: r.id("referral_id"),
                  startDate: try r.requiredDate("start_date"), endDate: try r.date("end_date"),
                  isNoFurtherAction: r.bool("is_nfa"), conferenceRecommended: r.bool("conference_recommended"),
                  teamID: r.id("team_id"), workerReference: r.text("worker_reference"),
                  conferenceTargetDate: try r.date("conference_target_date"))
    }
}

extension InitialChildProtectionConference: PersistedEntity {
    public static let entity = Entity.initialChildProtectionConference
    public static let table = "initial_cp_conference"
    public static let columns = [
        "id", "child_id", "section47_enquiry_id", "referral_id", "date", "target_date", "is_transfer_in",
        "resulted_in_plan", "plan_id", "team_id", "worker_reference",
    ]
    public func bind(to binder: inout some ColumnWriter) {
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
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"),
                  section47EnquiryID: r.id("section47_enquiry_id"), referralID: r.id("referral_id"),
                  date: try r.requiredDate("date"), targetDate: try r.date("target_date"),
                  isTransferIn: r.bool("is_transfer_in"), resultedInPlan: r.bool("resulted_in_plan"),
                  planID: r.id("plan_id"), teamID: r.id("team_id"), workerReference: r.text("worker_reference"))
    }
}

extension ChildProtectionPlan: PersistedEntity {
    public static let entity = Entity.childProtectionPlan
    public static let table = "cp_plan"
    public static let columns = [
        "id", "child_id", "referral_id", "conference_id", "start", "end", "initial_category", "latest_category", "is_other_la",
        "number_of_previous_plans",
    ]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(referralID?.rawValue)
        binder.text(conferenceID?.rawValue)
        binder.date(start)
        binder.date(end)
        binder.text(initialCategory?.rawValue)
        binder.text(latestCategory?.rawValue)
        binder.flag(isOtherLocalAuthority)
        binder.integer(numberOfPreviousPlans)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), referralID: r.id("referral_id"),
                  conferenceID: r.id("conference_id"), start: try r.requiredDate("start"), end: try r.date("end"),
                  initialCategory: try r.code(CategoryOfAbuse.self, "initial_category"),
                  latestCategory: try r.code(CategoryOfAbuse.self, "latest_category"),
                  isOtherLocalAuthority: r.bool("is_other_la") ?? false, numberOfPreviousPlans: r.integer("number_of_previous_plans"))
    }
}

extension ChildProtectionReview: PersistedEntity {
    public static let entity = Entity.childProtectionReview
    public static let table = "cp_review"
    public static let columns = ["id", "child_id", "plan_id", "due_date", "date", "plan_continues", "participation"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(planID?.rawValue)
        binder.date(dueDate)
        binder.date(date)
        binder.flag(planContinues)
        binder.text(participation?.rawValue)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), planID: r.id("plan_id"),
                  dueDate: try r.date("due_date"), date: try r.date("date"), planContinues: r.bool("plan_continues"),
                  participation: try r.code(ReviewParticipation.self, "participation"))
    }
}

extension LegalStatusSpell: PersistedEntity {
    public static let entity = Entity.legalStatusSpell
    public static let table = "legal_status"
    public static let columns = ["id", "child_id", "status", "start", "end"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(status.rawValue)
        binder.date(start)
        binder.date(end)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        guard let status = try r.code(LegalStatus.self, "status") else {
            throw .corruptValue(Self.entity, key: r.key, column: "status", value: "NULL")
        }
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), status: status,
                  start: try r.requiredDate("start"), end: try r.date("end"))
    }
}

extension LookedAfterEpisode: PersistedEntity {
    public static let entity = Entity.lookedAfterEpisode
    public static let table = "cla_episode"
    public static let columns = [
        "id", "child_id", "period_of_care_id", "start", "reason_new_episode", "legal_status", "category_of_need",
        "placement_id", "end", "reason_ceased", "referral_id", "entered_care_date", "last_iro_contact_date",
    ]
    public func bind(to binder: inout some ColumnWriter) {
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
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), periodOfCareID: r.text("period_of_care_id"),
                  start: try r.requiredDate("start"), reasonNewEpisode: try r.code(ReasonNewEpisode.self, "reason_new_episode"),
                  legalStatus: try r.code(LegalStatus.self, "legal_status"),
                  categoryOfNeed: try r.code(CategoryOfNeed.self, "category_of_need"), placementID: r.id("placement_id"),
                  end: try r.date("end"), reasonCeased: try r.code(ReasonEpisodeCeased.self, "reason_ceased"),
                  referralID: r.id("referral_id"), enteredCareDate: try r.date("entered_care_date"),
                  lastIROContactDate: try r.date("last_iro_contact_date"))
    }
}

extension Placement: PersistedEntity {
    public static let entity = Entity.placement
    public static let table = "placement"
    public static let columns = [
        "id", "child_id", "period_of_care_id", "start", "end", "type", "provider", "urn", "postcode", "distance_miles",
        "change_reason", "home_postcode",
    ]
    public func bind(to binder: inout some ColumnWriter) {
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
        binder.text(homePostcode)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), periodOfCareID: r.text("period_of_care_id"),
                  start: try r.requiredDate("start"), end: try r.date("end"), type: try r.code(PlacementType.self, "type"),
                  provider: try r.code(PlacementProvider.self, "provider"), urn: r.text("urn"), postcode: r.text("postcode"),
                  distanceMiles: r.double("distance_miles"),
                  changeReason: try r.code(ReasonPlacementChange.self, "change_reason"), homePostcode: r.text("home_postcode"))
    }
}

extension LookedAfterReview: PersistedEntity {
    public static let entity = Entity.lookedAfterReview
    public static let table = "cla_review"
    public static let columns = ["id", "child_id", "period_of_care_id", "due_date", "date", "is_cancelled", "participation"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(periodOfCareID)
        binder.date(dueDate)
        binder.date(date)
        binder.flag(isCancelled)
        binder.text(participation?.rawValue)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), periodOfCareID: r.text("period_of_care_id"),
                  dueDate: try r.date("due_date"), date: try r.date("date"), isCancelled: r.bool("is_cancelled") ?? false,
                  participation: try r.code(ReviewParticipation.self, "participation"))
    }
}

extension MissingEpisode: PersistedEntity {
    public static let entity = Entity.missingEpisode
    public static let table = "missing_episode"
    public static let columns = ["id", "child_id", "type", "start", "end", "rhi_offered", "rhi_accepted"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(type?.rawValue)
        binder.date(start)
        binder.date(end)
        binder.flag(returnInterviewOffered)
        binder.flag(returnInterviewAccepted)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), type: try r.code(MissingType.self, "type"),
                  start: try r.requiredDate("start"), end: try r.date("end"),
                  returnInterviewOffered: r.bool("rhi_offered"), returnInterviewAccepted: r.bool("rhi_accepted"))
    }
}

extension CareLeaver: PersistedEntity {
    public static let entity = Entity.careLeaver
    public static let table = "care_leaver"
    public static let columns = [
        "child_id", "eligibility", "in_touch", "latest_contact", "accommodation", "accommodation_suitable", "activity",
        "pathway_plan_review_date", "personal_adviser_reference", "team_id", "worker_reference",
    ]
    public func bind(to binder: inout some ColumnWriter) {
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
    public init(reading r: some ColumnReader) throws(StorageError) {
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

extension Involvement: PersistedEntity {
    public static let entity = Entity.involvement
    public static let table = "involvement"
    public static let columns = ["id", "child_id", "worker_id", "team_id", "role", "start", "end", "change_reason", "referral_id"]
    public func bind(to binder: inout some ColumnWriter) {
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
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), workerID: r.id("worker_id"),
                  teamID: r.id("team_id"), role: InvolvementRole(try r.requiredText("role")), start: try r.requiredDate("start"),
                  end: try r.date("end"), changeReason: try r.code(WorkerChangeReason.self, "change_reason"),
                  referralID: r.id("referral_id"))
    }
}

extension UnaccompaniedAsylumSeekingStatus: PersistedEntity {
    public static let entity = Entity.unaccompaniedAsylumSeekingStatus
    public static let table = "uasc_status"
    public static let columns = ["child_id", "ceased_date"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(childID.rawValue)
        binder.date(ceasedDate)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(childID: try r.requiredID("child_id"), ceasedDate: try r.date("ceased_date"))
    }
}

extension ContinuouslyLookedAfterOutcomes: PersistedEntity {
    public static let entity = Entity.continuouslyLookedAfterOutcomes
    public static let table = "cla_outcomes"
    public static let columns = [
        "child_id", "sdq_score", "sdq_reason", "convicted", "health_check", "immunisations", "teeth_check", "health_assessment",
        "substance_misuse", "intervention_received", "intervention_offered",
    ]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(childID.rawValue)
        binder.integer(sdqScore)
        binder.text(sdqReason?.rawValue)
        binder.flag(convicted)
        binder.flag(healthCheck)
        binder.flag(immunisations)
        binder.flag(teethCheck)
        binder.flag(healthAssessment)
        binder.flag(substanceMisuse)
        binder.flag(interventionReceived)
        binder.flag(interventionOffered)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(childID: try r.requiredID("child_id"), sdqScore: r.integer("sdq_score"), sdqReason: try r.code(SDQReason.self, "sdq_reason"),
                  convicted: r.bool("convicted"), healthCheck: r.bool("health_check"), immunisations: r.bool("immunisations"),
                  teethCheck: r.bool("teeth_check"), healthAssessment: r.bool("health_assessment"),
                  substanceMisuse: r.bool("substance_misuse"), interventionReceived: r.bool("intervention_received"),
                  interventionOffered: r.bool("intervention_offered"))
    }
}

extension Adoption: PersistedEntity {
    public static let entity = Entity.adoption
    public static let table = "adoption"
    public static let columns = [
        "child_id", "decision_date", "matching_date", "adopted_by_foster_carer", "number_of_adopters", "adopter_sex",
        "adopter_legal_status",
    ]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(childID.rawValue)
        binder.date(decisionDate)
        binder.date(matchingDate)
        binder.flag(adoptedByFosterCarer)
        binder.integer(numberOfAdopters)
        binder.text(adopterSex?.rawValue)
        binder.text(adopterLegalStatus?.rawValue)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(childID: try r.requiredID("child_id"), decisionDate: try r.date("decision_date"), matchingDate: try r.date("matching_date"),
                  adoptedByFosterCarer: r.bool("adopted_by_foster_carer"), numberOfAdopters: r.integer("number_of_adopters"),
                  adopterSex: try r.code(AdopterSex.self, "adopter_sex"),
                  adopterLegalStatus: try r.code(AdopterLegalStatus.self, "adopter_legal_status"))
    }
}

extension DecisionToPlaceForAdoption: PersistedEntity {
    public static let entity = Entity.decisionToPlaceForAdoption
    public static let table = "placed_for_adoption"
    public static let columns = ["id", "child_id", "date", "ceased_date", "ceased_reason"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.date(date)
        binder.date(ceasedDate)
        binder.text(ceasedReason?.rawValue)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), date: try r.requiredDate("date"),
                  ceasedDate: try r.date("ceased_date"), ceasedReason: try r.code(ReasonPlacedForAdoptionCeased.self, "ceased_reason"))
    }
}

extension PreviousPermanence: PersistedEntity {
    public static let entity = Entity.previousPermanence
    public static let table = "previous_permanence"
    public static let columns = ["child_id", "option", "local_authority", "order_date"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(childID.rawValue)
        binder.text(option?.rawValue)
        binder.text(localAuthority)
        binder.text(orderDate)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(childID: try r.requiredID("child_id"), option: try r.code(PreviousPermanenceOption.self, "option"),
                  localAuthority: r.text("local_authority"), orderDate: r.text("order_date"))
    }
}

extension SocialWorkerEpisode: PersistedEntity {
    public static let entity = Entity.socialWorkerEpisode
    public static let table = "social_worker_episode"
    public static let columns = ["id", "child_id", "social_worker_id", "start", "end", "change_reason"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.text(socialWorkerID)
        binder.date(start)
        binder.date(end)
        binder.text(changeReason?.rawValue)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), socialWorkerID: r.text("social_worker_id"),
                  start: try r.requiredDate("start"), end: try r.date("end"),
                  changeReason: try r.code(SocialWorkerChangeReason.self, "change_reason"))
    }
}

extension DeprivationOfLibertyOrder: PersistedEntity {
    public static let entity = Entity.deprivationOfLibertyOrder
    public static let table = "deprivation_of_liberty"
    public static let columns = ["id", "child_id", "start", "end"]
    public func bind(to binder: inout some ColumnWriter) {
        binder.text(id.rawValue)
        binder.text(childID.rawValue)
        binder.date(start)
        binder.date(end)
    }
    public init(reading r: some ColumnReader) throws(StorageError) {
        self.init(id: try r.requiredID("id"), childID: try r.requiredID("child_id"), start: try r.requiredDate("start"), end: try r.date("end"))
    }
}
