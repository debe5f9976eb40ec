import OversightCore
import OversightMeasures
import OversightStorage

/// Builds small, hand-made authorities for measure tests: each test says exactly which records exist.
struct CaseBuilder {
    var records = CaseRecords()
    private var serial = 0

    private mutating func next(_ prefix: String) -> String {
        serial += 1
        return "\(prefix)\(serial)"
    }

    @discardableResult
    mutating func child(_ id: String, born: String? = "2015-01-01", expected: String? = nil, sex: Sex = .female, ethnicity: Ethnicity = .wbri) -> Identifier<Child> {
        records.children.append(Child(id: .init(id), sex: sex, ethnicity: ethnicity, dateOfBirth: born.map(d), expectedDateOfBirth: expected.map(d)))
        return .init(id)
    }

    mutating func referral(_ child: String, _ date: String, nfa: Bool? = false, closed: String? = nil, reason: ClosureReason? = nil, team: String? = nil, id: String? = nil) {
        records.childInNeedEpisodes.append(ChildInNeedEpisode(
            id: .init(id ?? next("R")), childID: .init(child), referralDate: d(date), isNoFurtherAction: nfa,
            closureDate: closed.map(d), closureReason: reason, teamID: team.map { .init($0) }))
    }

    mutating func contact(_ child: String, _ date: String, ledToReferral: Bool?) {
        records.contacts.append(Contact(id: .init(next("C")), childID: .init(child), date: d(date), ledToReferral: ledToReferral))
    }

    mutating func assessment(_ child: String, start: String, authorised: String?, referral: String? = nil, team: String? = nil, id: String? = nil) {
        records.assessments.append(Assessment(
            id: .init(id ?? next("A")), childID: .init(child), referralID: referral.map { .init($0) }, startDate: d(start),
            authorisationDate: authorised.map(d), teamID: team.map { .init($0) }))
    }

    mutating func enquiry(_ child: String, start: String, end: String? = nil, id: String) {
        records.section47Enquiries.append(Section47Enquiry(id: .init(id), childID: .init(child), startDate: d(start), endDate: end.map(d)))
    }

    mutating func conference(_ child: String, _ date: String, enquiry: String?, transferIn: Bool = false) {
        records.initialChildProtectionConferences.append(InitialChildProtectionConference(
            id: .init(next("I")), childID: .init(child), section47EnquiryID: enquiry.map { .init($0) }, date: d(date), isTransferIn: transferIn))
    }

    mutating func plan(_ child: String, start: String, end: String? = nil, otherAuthority: Bool = false, id: String? = nil) {
        records.childProtectionPlans.append(ChildProtectionPlan(
            id: .init(id ?? next("P")), childID: .init(child), start: d(start), end: end.map(d), isOtherLocalAuthority: otherAuthority))
    }

    mutating func protectionReview(_ child: String, _ date: String, plan: String? = nil) {
        records.childProtectionReviews.append(ChildProtectionReview(id: .init(next("V")), childID: .init(child), planID: plan.map { .init($0) }, date: d(date)))
    }

    mutating func visit(_ child: String, _ date: String, context: StatutoryVisit.Context, alone: Bool? = nil) {
        records.statutoryVisits.append(StatutoryVisit(id: .init(next("S")), context: context, childID: .init(child), date: d(date), childSeen: true, childSeenAlone: alone))
    }

    mutating func episode(_ child: String, start: String, end: String? = nil, legal: LegalStatus = .c2, ceased: ReasonEpisodeCeased? = nil) {
        records.lookedAfterEpisodes.append(LookedAfterEpisode(
            id: .init(next("E")), childID: .init(child), start: d(start), legalStatus: legal, end: end.map(d), reasonCeased: ceased))
    }

    mutating func placement(_ child: String, start: String, end: String? = nil, type: PlacementType, miles: Double? = nil, id: String? = nil) {
        records.placements.append(Placement(id: .init(id ?? next("PL")), childID: .init(child), start: d(start), end: end.map(d), type: type, distanceMiles: miles))
    }

    mutating func lookedAfterReview(_ child: String, _ date: String, participation: ReviewParticipation? = nil) {
        records.lookedAfterReviews.append(LookedAfterReview(id: .init(next("LR")), childID: .init(child), date: d(date), participation: participation))
    }

    mutating func careLeaver(_ child: String, suitable: Bool?, activity: CareLeaverActivity?, inTouch: CareLeaverContact?, pathwayReview: String? = nil) {
        records.careLeavers.append(CareLeaver(
            childID: .init(child), inTouch: inTouch, accommodationSuitable: suitable, activity: activity, pathwayPlanReviewDate: pathwayReview.map(d)))
    }

    mutating func team(_ id: String, _ name: String) { records.teams.append(Team(id: .init(id), name: name)) }

    mutating func worker(_ id: String, name: String, agency: Bool = false, fte: Double? = 1, registered: Bool = true, team: String? = nil) {
        records.workers.append(Worker(id: .init(id), name: name, registrationNumber: registered ? "SW\(id)" : nil, isAgency: agency, currentTeamName: team, fullTimeEquivalent: fte))
    }

    mutating func allocate(_ child: String, to worker: String, team: String? = nil, from: String, to end: String? = nil, role: InvolvementRole = "CW") {
        records.involvements.append(Involvement(
            id: .init(next("INV")), childID: .init(child), workerID: .init(worker), teamID: team.map { .init($0) }, role: role,
            start: d(from), end: end.map(d)))
    }

    func engine(population: Int? = nil) -> MeasureEngine {
        MeasureEngine(snapshot: CaseSnapshot(records: records), population: population)
    }
}

func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

extension MeasureEngine {
    /// Computes one measure by id for a period written as the CLI takes it.
    func result(_ id: String, _ period: String, slice: Slice = .authority) throws -> MeasureResult {
        compute(try #require(MeasureCatalogue.measure(id)), period: try ReportingPeriod.parse(period), slice: slice)
    }

    func rows(_ id: String, _ period: String, slice: Slice = .authority) throws -> [ExplanationRow] {
        explain(try #require(MeasureCatalogue.measure(id)), period: try ReportingPeriod.parse(period), slice: slice).rows
    }
}

import Testing
