import OversightCore

/// One stored fact about a child's journey or the workforce, in the shape the domain names it.
///
/// Importers hand records to a store one at a time, so an extract never has to fit in memory.
public enum CaseRecord: Sendable, Hashable {
    case child(Child)
    case contact(Contact)
    case earlyHelpEpisode(EarlyHelpEpisode)
    case childInNeedEpisode(ChildInNeedEpisode)
    case assessment(Assessment)
    case childInNeedPlan(ChildInNeedPlan)
    case statutoryVisit(StatutoryVisit)
    case section47Enquiry(Section47Enquiry)
    case initialChildProtectionConference(InitialChildProtectionConference)
    case childProtectionPlan(ChildProtectionPlan)
    case childProtectionReview(ChildProtectionReview)
    case legalStatusSpell(LegalStatusSpell)
    case lookedAfterEpisode(LookedAfterEpisode)
    case placement(Placement)
    case lookedAfterReview(LookedAfterReview)
    case missingEpisode(MissingEpisode)
    case careLeaver(CareLeaver)
    case team(Team)
    case worker(Worker)
    case involvement(Involvement)
    case unaccompaniedAsylumSeekingStatus(UnaccompaniedAsylumSeekingStatus)
    case continuouslyLookedAfterOutcomes(ContinuouslyLookedAfterOutcomes)
    case adoption(Adoption)
    case decisionToPlaceForAdoption(DecisionToPlaceForAdoption)
    case previousPermanence(PreviousPermanence)
    case socialWorkerEpisode(SocialWorkerEpisode)
    case deprivationOfLibertyOrder(DeprivationOfLibertyOrder)

    public var entity: Entity {
        switch self {
        case .child: .child
        case .contact: .contact
        case .earlyHelpEpisode: .earlyHelpEpisode
        case .childInNeedEpisode: .childInNeedEpisode
        case .assessment: .assessment
        case .childInNeedPlan: .childInNeedPlan
        case .statutoryVisit: .statutoryVisit
        case .section47Enquiry: .section47Enquiry
        case .initialChildProtectionConference: .initialChildProtectionConference
        case .childProtectionPlan: .childProtectionPlan
        case .childProtectionReview: .childProtectionReview
        case .legalStatusSpell: .legalStatusSpell
        case .lookedAfterEpisode: .lookedAfterEpisode
        case .placement: .placement
        case .lookedAfterReview: .lookedAfterReview
        case .missingEpisode: .missingEpisode
        case .careLeaver: .careLeaver
        case .team: .team
        case .worker: .worker
        case .involvement: .involvement
        case .unaccompaniedAsylumSeekingStatus: .unaccompaniedAsylumSeekingStatus
        case .continuouslyLookedAfterOutcomes: .continuouslyLookedAfterOutcomes
        case .adoption: .adoption
        case .decisionToPlaceForAdoption: .decisionToPlaceForAdoption
        case .previousPermanence: .previousPermanence
        case .socialWorkerEpisode: .socialWorkerEpisode
        case .deprivationOfLibertyOrder: .deprivationOfLibertyOrder
        }
    }

    /// The record's key within its entity, as stores enforce uniqueness.
    public var key: String {
        switch self {
        case .child(let r): r.id.rawValue
        case .contact(let r): r.id.rawValue
        case .earlyHelpEpisode(let r): r.id.rawValue
        case .childInNeedEpisode(let r): r.id.rawValue
        case .assessment(let r): r.id.rawValue
        case .childInNeedPlan(let r): r.id.rawValue
        case .statutoryVisit(let r): "\(r.context.rawValue)/\(r.id.rawValue)"
        case .section47Enquiry(let r): r.id.rawValue
        case .initialChildProtectionConference(let r): r.id.rawValue
        case .childProtectionPlan(let r): r.id.rawValue
        case .childProtectionReview(let r): r.id.rawValue
        case .legalStatusSpell(let r): r.id.rawValue
        case .lookedAfterEpisode(let r): r.id.rawValue
        case .placement(let r): r.id.rawValue
        case .lookedAfterReview(let r): r.id.rawValue
        case .missingEpisode(let r): r.id.rawValue
        case .careLeaver(let r): r.childID.rawValue
        case .team(let r): r.id.rawValue
        case .worker(let r): r.id.rawValue
        case .involvement(let r): r.id.rawValue
        case .unaccompaniedAsylumSeekingStatus(let r): r.childID.rawValue
        case .continuouslyLookedAfterOutcomes(let r): r.childID.rawValue
        case .adoption(let r): r.childID.rawValue
        case .decisionToPlaceForAdoption(let r): r.id.rawValue
        case .previousPermanence(let r): r.childID.rawValue
        case .socialWorkerEpisode(let r): r.id.rawValue
        case .deprivationOfLibertyOrder(let r): r.id.rawValue
        }
    }

    /// The child the record is about; `nil` for workforce records.
    public var childID: Identifier<Child>? {
        switch self {
        case .child(let r): r.id
        case .contact(let r): r.childID
        case .earlyHelpEpisode(let r): r.childID
        case .childInNeedEpisode(let r): r.childID
        case .assessment(let r): r.childID
        case .childInNeedPlan(let r): r.childID
        case .statutoryVisit(let r): r.childID
        case .section47Enquiry(let r): r.childID
        case .initialChildProtectionConference(let r): r.childID
        case .childProtectionPlan(let r): r.childID
        case .childProtectionReview(let r): r.childID
        case .legalStatusSpell(let r): r.childID
        case .lookedAfterEpisode(let r): r.childID
        case .placement(let r): r.childID
        case .lookedAfterReview(let r): r.childID
        case .missingEpisode(let r): r.childID
        case .careLeaver(let r): r.childID
        case .involvement(let r): r.childID
        case .unaccompaniedAsylumSeekingStatus(let r): r.childID
        case .continuouslyLookedAfterOutcomes(let r): r.childID
        case .adoption(let r): r.childID
        case .decisionToPlaceForAdoption(let r): r.childID
        case .previousPermanence(let r): r.childID
        case .socialWorkerEpisode(let r): r.childID
        case .deprivationOfLibertyOrder(let r): r.childID
        case .team, .worker: nil
        }
    }
}

/// The kinds of record a store holds, in the order they must be written (children first).
public enum Entity: String, CaseIterable, Sendable, Codable {
    case child, team, worker
    case contact, earlyHelpEpisode, childInNeedEpisode, assessment, childInNeedPlan, statutoryVisit
    case section47Enquiry, initialChildProtectionConference, childProtectionPlan, childProtectionReview
    case legalStatusSpell, lookedAfterEpisode, placement, lookedAfterReview, missingEpisode, careLeaver
    case involvement
    // The SSDA903 return's own tables (snapshot migration 008-ssda903-tables).
    case unaccompaniedAsylumSeekingStatus, continuouslyLookedAfterOutcomes, adoption, decisionToPlaceForAdoption, previousPermanence, socialWorkerEpisode, deprivationOfLibertyOrder

    /// The entity's position in write order, 0-based; stores use it to index per-entity tables
    /// (a switch, because imports ask for it once per record).
    public var ordinal: Int {
        switch self {
        case .child: 0
        case .team: 1
        case .worker: 2
        case .contact: 3
        case .earlyHelpEpisode: 4
        case .childInNeedEpisode: 5
        case .assessment: 6
        case .childInNeedPlan: 7
        case .statutoryVisit: 8
        case .section47Enquiry: 9
        case .initialChildProtectionConference: 10
        case .childProtectionPlan: 11
        case .childProtectionReview: 12
        case .legalStatusSpell: 13
        case .lookedAfterEpisode: 14
        case .placement: 15
        case .lookedAfterReview: 16
        case .missingEpisode: 17
        case .careLeaver: 18
        case .involvement: 19
        case .unaccompaniedAsylumSeekingStatus: 20
        case .continuouslyLookedAfterOutcomes: 21
        case .adoption: 22
        case .decisionToPlaceForAdoption: 23
        case .previousPermanence: 24
        case .socialWorkerEpisode: 25
        case .deprivationOfLibertyOrder: 26
        }
    }

    /// A plain-English plural for tables of counts.
    public var title: String {
        switch self {
        case .child: "Children"
        case .team: "Teams"
        case .worker: "Workers"
        case .contact: "Contacts"
        case .earlyHelpEpisode: "Early help episodes"
        case .childInNeedEpisode: "Referrals (CIN episodes)"
        case .assessment: "Assessments"
        case .childInNeedPlan: "CIN plans"
        case .statutoryVisit: "Statutory visits"
        case .section47Enquiry: "Section 47 enquiries"
        case .initialChildProtectionConference: "Initial CP conferences"
        case .childProtectionPlan: "CP plans"
        case .childProtectionReview: "CP reviews"
        case .legalStatusSpell: "Legal status spells"
        case .lookedAfterEpisode: "Looked-after episodes"
        case .placement: "Placements"
        case .lookedAfterReview: "Looked-after reviews"
        case .missingEpisode: "Missing episodes"
        case .careLeaver: "Care leavers"
        case .involvement: "Involvements"
        case .unaccompaniedAsylumSeekingStatus: "UASC statuses"
        case .continuouslyLookedAfterOutcomes: "Outcomes after 12 months looked after (OC2)"
        case .adoption: "Adoptions"
        case .decisionToPlaceForAdoption: "Decisions to place for adoption"
        case .previousPermanence: "Previous permanence"
        case .socialWorkerEpisode: "Social worker episodes"
        case .deprivationOfLibertyOrder: "Deprivation of liberty orders"
        }
    }
}

/// Every case record at once, for pages and computations over a small authority.
public struct CaseRecords: Sendable, Equatable {
    public var children: [Child] = []
    public var contacts: [Contact] = []
    public var earlyHelpEpisodes: [EarlyHelpEpisode] = []
    public var childInNeedEpisodes: [ChildInNeedEpisode] = []
    public var assessments: [Assessment] = []
    public var childInNeedPlans: [ChildInNeedPlan] = []
    public var statutoryVisits: [StatutoryVisit] = []
    public var section47Enquiries: [Section47Enquiry] = []
    public var initialChildProtectionConferences: [InitialChildProtectionConference] = []
    public var childProtectionPlans: [ChildProtectionPlan] = []
    public var childProtectionReviews: [ChildProtectionReview] = []
    public var legalStatusSpells: [LegalStatusSpell] = []
    public var lookedAfterEpisodes: [LookedAfterEpisode] = []
    public var placements: [Placement] = []
    public var lookedAfterReviews: [LookedAfterReview] = []
    public var missingEpisodes: [MissingEpisode] = []
    public var careLeavers: [CareLeaver] = []
    public var teams: [Team] = []
    public var workers: [Worker] = []
    public var involvements: [Involvement] = []
    public var unaccompaniedAsylumSeekingStatuses: [UnaccompaniedAsylumSeekingStatus] = []
    public var continuouslyLookedAfterOutcomes: [ContinuouslyLookedAfterOutcomes] = []
    public var adoptions: [Adoption] = []
    public var decisionsToPlaceForAdoption: [DecisionToPlaceForAdoption] = []
    public var previousPermanences: [PreviousPermanence] = []
    public var socialWorkerEpisodes: [SocialWorkerEpisode] = []
    public var deprivationOfLibertyOrders: [DeprivationOfLibertyOrder] = []

    public init() {}

    public mutating func append(_ record: CaseRecord) {
        switch record {
        case .child(let r): children.append(r)
        case .contact(let r): contacts.append(r)
        case .earlyHelpEpisode(let r): earlyHelpEpisodes.append(r)
        case .childInNeedEpisode(let r): childInNeedEpisodes.append(r)
        case .assessment(let r): assessments.append(r)
        case .childInNeedPlan(let r): childInNeedPlans.append(r)
        case .statutoryVisit(let r): statutoryVisits.append(r)
        case .section47Enquiry(let r): section47Enquiries.append(r)
        case .initialChildProtectionConference(let r): initialChildProtectionConferences.append(r)
        case .childProtectionPlan(let r): childProtectionPlans.append(r)
        case .childProtectionReview(let r): childProtectionReviews.append(r)
        case .legalStatusSpell(let r): legalStatusSpells.append(r)
        case .lookedAfterEpisode(let r): lookedAfterEpisodes.append(r)
        case .placement(let r): placements.append(r)
        case .lookedAfterReview(let r): lookedAfterReviews.append(r)
        case .missingEpisode(let r): missingEpisodes.append(r)
        case .careLeaver(let r): careLeavers.append(r)
        case .team(let r): teams.append(r)
        case .worker(let r): workers.append(r)
        case .involvement(let r): involvements.append(r)
        case .unaccompaniedAsylumSeekingStatus(let r): unaccompaniedAsylumSeekingStatuses.append(r)
        case .continuouslyLookedAfterOutcomes(let r): continuouslyLookedAfterOutcomes.append(r)
        case .adoption(let r): adoptions.append(r)
        case .decisionToPlaceForAdoption(let r): decisionsToPlaceForAdoption.append(r)
        case .previousPermanence(let r): previousPermanences.append(r)
        case .socialWorkerEpisode(let r): socialWorkerEpisodes.append(r)
        case .deprivationOfLibertyOrder(let r): deprivationOfLibertyOrders.append(r)
        }
    }

    /// How many records of `entity` there are.
    public func count(of entity: Entity) -> Int {
        switch entity {
        case .child: children.count
        case .team: teams.count
        case .worker: workers.count
        case .contact: contacts.count
        case .earlyHelpEpisode: earlyHelpEpisodes.count
        case .childInNeedEpisode: childInNeedEpisodes.count
        case .assessment: assessments.count
        case .childInNeedPlan: childInNeedPlans.count
        case .statutoryVisit: statutoryVisits.count
        case .section47Enquiry: section47Enquiries.count
        case .initialChildProtectionConference: initialChildProtectionConferences.count
        case .childProtectionPlan: childProtectionPlans.count
        case .childProtectionReview: childProtectionReviews.count
        case .legalStatusSpell: legalStatusSpells.count
        case .lookedAfterEpisode: lookedAfterEpisodes.count
        case .placement: placements.count
        case .lookedAfterReview: lookedAfterReviews.count
        case .missingEpisode: missingEpisodes.count
        case .careLeaver: careLeavers.count
        case .involvement: involvements.count
        case .unaccompaniedAsylumSeekingStatus: unaccompaniedAsylumSeekingStatuses.count
        case .continuouslyLookedAfterOutcomes: continuouslyLookedAfterOutcomes.count
        case .adoption: adoptions.count
        case .decisionToPlaceForAdoption: decisionsToPlaceForAdoption.count
        case .previousPermanence: previousPermanences.count
        case .socialWorkerEpisode: socialWorkerEpisodes.count
        case .deprivationOfLibertyOrder: deprivationOfLibertyOrders.count
        }
    }

    /// Hands each record of one entity to `body`, without building an array of them.
    public func forEach(of entity: Entity, _ body: (CaseRecord) -> Void) {
        switch entity {
        case .child: children.forEach { body(.child($0)) }
        case .team: teams.forEach { body(.team($0)) }
        case .worker: workers.forEach { body(.worker($0)) }
        case .contact: contacts.forEach { body(.contact($0)) }
        case .earlyHelpEpisode: earlyHelpEpisodes.forEach { body(.earlyHelpEpisode($0)) }
        case .childInNeedEpisode: childInNeedEpisodes.forEach { body(.childInNeedEpisode($0)) }
        case .assessment: assessments.forEach { body(.assessment($0)) }
        case .childInNeedPlan: childInNeedPlans.forEach { body(.childInNeedPlan($0)) }
        case .statutoryVisit: statutoryVisits.forEach { body(.statutoryVisit($0)) }
        case .section47Enquiry: section47Enquiries.forEach { body(.section47Enquiry($0)) }
        case .initialChildProtectionConference: initialChildProtectionConferences.forEach { body(.initialChildProtectionConference($0)) }
        case .childProtectionPlan: childProtectionPlans.forEach { body(.childProtectionPlan($0)) }
        case .childProtectionReview: childProtectionReviews.forEach { body(.childProtectionReview($0)) }
        case .legalStatusSpell: legalStatusSpells.forEach { body(.legalStatusSpell($0)) }
        case .lookedAfterEpisode: lookedAfterEpisodes.forEach { body(.lookedAfterEpisode($0)) }
        case .placement: placements.forEach { body(.placement($0)) }
        case .lookedAfterReview: lookedAfterReviews.forEach { body(.lookedAfterReview($0)) }
        case .missingEpisode: missingEpisodes.forEach { body(.missingEpisode($0)) }
        case .careLeaver: careLeavers.forEach { body(.careLeaver($0)) }
        case .involvement: involvements.forEach { body(.involvement($0)) }
        case .unaccompaniedAsylumSeekingStatus: unaccompaniedAsylumSeekingStatuses.forEach { body(.unaccompaniedAsylumSeekingStatus($0)) }
        case .continuouslyLookedAfterOutcomes: continuouslyLookedAfterOutcomes.forEach { body(.continuouslyLookedAfterOutcomes($0)) }
        case .adoption: adoptions.forEach { body(.adoption($0)) }
        case .decisionToPlaceForAdoption: decisionsToPlaceForAdoption.forEach { body(.decisionToPlaceForAdoption($0)) }
        case .previousPermanence: previousPermanences.forEach { body(.previousPermanence($0)) }
        case .socialWorkerEpisode: socialWorkerEpisodes.forEach { body(.socialWorkerEpisode($0)) }
        case .deprivationOfLibertyOrder: deprivationOfLibertyOrders.forEach { body(.deprivationOfLibertyOrder($0)) }
        }
    }

    /// Every record, entity by entity in write order.
    public var allRecords: [CaseRecord] {
        var all: [CaseRecord] = []
        for entity in Entity.allCases { forEach(of: entity) { all.append($0) } }
        return all
    }

    /// Only the records about one child, for the child's chronology.
    public func filtered(to childID: Identifier<Child>) -> CaseRecords {
        var result = CaseRecords()
        for record in allRecords where record.childID == childID { result.append(record) }
        return result
    }
}
