import OversightCore
import OversightStorage

extension CaseSnapshot {
    /// Builds the snapshot by streaming every entity out of a store, one record at a time.
    ///
    /// - Parameters:
    ///   - allocatedRoles: the involvement roles that mean "the child's allocated social worker";
    ///     each CMS names them differently (System C: `CW`).
    ///   - progress: called after each entity with its name, so a long load can be shown.
    public static func load(
        from store: any CaseRecordStore, allocatedRoles: Set<InvolvementRole> = ["CW"],
        progress: (Entity) -> Void = { _ in }
    ) throws(StorageError) -> CaseSnapshot {
        var builder = Builder(allocatedRoles: allocatedRoles)
        builder.reserve(try store.fetchEntityCounts())
        for entity in Entity.allCases {
            try store.forEachRecord(of: entity) { builder.add($0) }
            progress(entity)
        }
        return builder.finish()
    }

    /// Builds the snapshot from records already in memory (tests and small authorities).
    public init(records: CaseRecords, allocatedRoles: Set<InvolvementRole> = ["CW"]) {
        var builder = Builder(allocatedRoles: allocatedRoles)
        for entity in Entity.allCases { records.forEach(of: entity) { builder.add($0) } }
        self = builder.finish()
    }

    /// Collects rows in any order; `finish()` sorts them by child and builds the offsets.
    struct Builder {
        let allocatedRoles: Set<InvolvementRole>
        /// Used only when children arrive out of ID order. A database hands them over sorted (primary-key
        /// order), and then a binary search over `children.ids` finds a child: a dictionary of an
        /// England-sized authority's 6.3 million IDs would cost over 300 MB at the load's peak.
        var childIndex: [String: Int32] = [:]
        var idsAreSorted = true
        var teamIndex: [String: Int32] = [:]
        var workerIndex: [String: Int32] = [:]
        var children = Children()
        var teamIDs: [String] = []
        var teamNames: [String] = []
        var workers: [WorkerRow] = []
        var contacts: [ContactRow] = []
        var referrals: [ReferralRow] = []
        var assessments: [AssessmentRow] = []
        var enquiries: [EnquiryRow] = []
        var conferences: [ConferenceRow] = []
        var protectionPlans: [PlanRow] = []
        var protectionReviews: [ReviewRow] = []
        var protectionVisits: [VisitRow] = []
        var lookedAfterVisits: [VisitRow] = []
        var episodes: [EpisodeRow] = []
        var placements: [PlacementRow] = []
        var lookedAfterReviews: [ReviewRow] = []
        var missing: [MissingRow] = []
        var careLeavers: [CareLeaverRow] = []
        var allocations: [AllocationRow] = []

        init(allocatedRoles: Set<InvolvementRole>) { self.allocatedRoles = allocatedRoles }

        /// Sizes every array for the rows to come: growing by doubling would hold up to twice the
        /// final memory at the moment of each copy.
        mutating func reserve(_ counts: EntityCounts) {
            func count(_ entity: Entity) -> Int { counts[entity] ?? 0 }
            children.ids.reserveCapacity(count(.child))
            children.birthDay.reserveCapacity(count(.child))
            children.birthIsExpected.reserveCapacity(count(.child))
            children.sex.reserveCapacity(count(.child))
            children.ethnicity.reserveCapacity(count(.child))
            contacts.reserveCapacity(count(.contact))
            referrals.reserveCapacity(count(.childInNeedEpisode))
            assessments.reserveCapacity(count(.assessment))
            enquiries.reserveCapacity(count(.section47Enquiry))
            conferences.reserveCapacity(count(.initialChildProtectionConference))
            protectionPlans.reserveCapacity(count(.childProtectionPlan))
            protectionReviews.reserveCapacity(count(.childProtectionReview))
            episodes.reserveCapacity(count(.lookedAfterEpisode))
            placements.reserveCapacity(count(.placement))
            lookedAfterReviews.reserveCapacity(count(.lookedAfterReview))
            missing.reserveCapacity(count(.missingEpisode))
            careLeavers.reserveCapacity(count(.careLeaver))
        }

        mutating func team(_ id: Identifier<Team>?) -> Int32 {
            guard let id else { return CaseSnapshot.none }
            if let index = teamIndex[id.rawValue] { return index }
            // A team named by a record but missing from the department table still slices by its ID.
            let index = Int32(teamIDs.count)
            teamIndex[id.rawValue] = index
            teamIDs.append(id.rawValue)
            teamNames.append(id.rawValue)
            return index
        }

        mutating func worker(_ id: Identifier<Worker>?) -> Int32 {
            guard let id else { return CaseSnapshot.none }
            if let index = workerIndex[id.rawValue] { return index }
            let index = Int32(workers.count)
            workerIndex[id.rawValue] = index
            workers.append(WorkerRow(id: id.rawValue, name: nil, isAgency: nil, fte: nil, isRegistered: false, teamName: nil))
            return index
        }

        mutating func add(_ record: CaseRecord) {
            if case .child(let child) = record {
                if idsAreSorted, let last = children.ids.last, last >= child.id.rawValue {
                    idsAreSorted = false
                    for (i, id) in children.ids.enumerated() { childIndex[id] = Int32(i) }
                }
                if !idsAreSorted { childIndex[child.id.rawValue] = Int32(children.count) }
                children.ids.append(child.id.rawValue)
                children.birthDay.append((child.dateOfBirth ?? child.expectedDateOfBirth)?.dayNumber ?? .min)
                children.birthIsExpected.append(child.dateOfBirth == nil && child.expectedDateOfBirth != nil)
                children.sex.append(child.sex)
                children.ethnicity.append(child.ethnicity)
                return
            }
            switch record {
            case .team(let r):
                let index = team(r.id)
                teamNames[Int(index)] = r.name
            case .worker(let r):
                let index = Int(worker(r.id))
                workers[index] = WorkerRow(
                    id: r.id.rawValue, name: r.name, isAgency: r.isAgency, fte: r.fullTimeEquivalent,
                    isRegistered: !(r.registrationNumber ?? "").isEmpty, teamName: r.currentTeamName)
            default:
                // Stores refuse records for unknown children, so a miss here is a record with no child.
                guard let childID = record.childID, let child = index(ofChild: childID.rawValue) else { return }
                addChildRecord(record, child: child)
            }
        }

        func index(ofChild id: String) -> Int32? {
            guard idsAreSorted else { return childIndex[id] }
            let ids = children.ids
            var low = 0, high = ids.count
            while low < high {
                let middle = (low + high) / 2
                if ids[middle] < id { low = middle + 1 } else { high = middle }
            }
            return low < ids.count && ids[low] == id ? Int32(low) : nil
        }

        private mutating func addChildRecord(_ record: CaseRecord, child: Int32) {
            switch record {
            case .contact(let r): contacts.append(ContactRow(child: child, date: r.date, ledToReferral: r.ledToReferral))
            case .childInNeedEpisode(let r):
                referrals.append(ReferralRow(
                    child: child, date: r.referralDate, closure: r.closureDate, isNoFurtherAction: r.isNoFurtherAction,
                    closureReason: r.closureReason, team: team(r.teamID), id: r.id.rawValue))
            case .assessment(let r):
                assessments.append(AssessmentRow(
                    child: child, start: r.startDate, authorised: r.authorisationDate, referral: r.referralID?.rawValue,
                    team: team(r.teamID), id: r.id.rawValue))
            case .section47Enquiry(let r):
                enquiries.append(EnquiryRow(child: child, start: r.startDate, end: r.endDate, team: team(r.teamID), id: r.id.rawValue))
            case .initialChildProtectionConference(let r):
                conferences.append(ConferenceRow(
                    child: child, date: r.date, enquiry: r.section47EnquiryID?.rawValue, isTransferIn: r.isTransferIn ?? false,
                    team: team(r.teamID), id: r.id.rawValue))
            case .childProtectionPlan(let r):
                // Plans held temporarily for another authority are not this authority's plans (CIN census).
                if !r.isOtherLocalAuthority {
                    protectionPlans.append(PlanRow(child: child, start: r.start, end: r.end, id: r.id.rawValue))
                }
            case .childProtectionReview(let r):
                if let date = r.date {
                    protectionReviews.append(ReviewRow(
                        child: child, date: date, plan: r.planID?.rawValue, participation: r.participation, id: r.id.rawValue))
                }
            case .statutoryVisit(let r):
                let row = VisitRow(child: child, date: r.date, seen: r.childSeen, seenAlone: r.childSeenAlone)
                switch r.context {
                case .childProtection: protectionVisits.append(row)
                case .lookedAfter: lookedAfterVisits.append(row)
                case .childInNeed: break
                }
            case .lookedAfterEpisode(let r):
                episodes.append(EpisodeRow(
                    child: child, start: r.start, end: r.end, legalStatus: r.legalStatus, reasonCeased: r.reasonCeased,
                    id: r.id.rawValue))
            case .placement(let r):
                placements.append(PlacementRow(
                    child: child, start: r.start, end: r.end, type: r.type, distanceMiles: r.distanceMiles.map(Float.init),
                    id: r.id.rawValue))
            case .lookedAfterReview(let r):
                if let date = r.date, !r.isCancelled {
                    lookedAfterReviews.append(ReviewRow(
                        child: child, date: date, plan: r.periodOfCareID, participation: r.participation, id: r.id.rawValue))
                }
            case .missingEpisode(let r): missing.append(MissingRow(child: child, start: r.start, type: r.type))
            case .careLeaver(let r):
                careLeavers.append(CareLeaverRow(
                    child: child, inTouch: r.inTouch, accommodationSuitable: r.accommodationSuitable, activity: r.activity,
                    pathwayPlanReview: r.pathwayPlanReviewDate))
            case .involvement(let r):
                if allocatedRoles.contains(r.role) {
                    allocations.append(AllocationRow(child: child, start: r.start, end: r.end, worker: worker(r.workerID), team: team(r.teamID)))
                }
            case .earlyHelpEpisode, .childInNeedPlan, .legalStatusSpell, .child, .team, .worker: break
            case .unaccompaniedAsylumSeekingStatus, .continuouslyLookedAfterOutcomes, .adoption, .decisionToPlaceForAdoption,
                .previousPermanence, .socialWorkerEpisode, .deprivationOfLibertyOrder:
                break
            }
        }

        /// Sorts every array by child and date and builds the offsets. Each array is moved out of the
        /// builder before it is sorted, so no entity is ever held twice (England: tens of millions of rows).
        mutating func finish() -> CaseSnapshot {
            childIndex = [:]
            teamIndex = [:]
            workerIndex = [:]
            let n = children.count
            func index<Row: ChildDatedRow>(_ rows: inout [Row]) -> ByChild<Row> {
                var owned: [Row] = []
                swap(&owned, &rows)
                // An offset table costs 4 bytes per child; worth it only where most children have rows.
                guard owned.count * 4 >= n else {
                    owned.sort { a, b in a.child != b.child ? a.child < b.child : a.sortDate < b.sortDate }
                    return ByChild(rows: owned, offsets: [])
                }
                let offsets = Self.sortByChild(&owned, children: n)
                return ByChild(rows: owned, offsets: offsets)
            }
            let episodes = index(&episodes)
            var periods = Self.carePeriods(from: episodes.rows)
            return CaseSnapshot(
                children: children,
                contacts: index(&contacts),
                referrals: index(&referrals),
                assessments: index(&assessments),
                enquiries: index(&enquiries),
                conferences: index(&conferences),
                protectionPlans: index(&protectionPlans),
                protectionReviews: index(&protectionReviews),
                protectionVisits: index(&protectionVisits),
                lookedAfterVisits: index(&lookedAfterVisits),
                episodes: episodes,
                carePeriods: index(&periods),
                placements: index(&placements),
                lookedAfterReviews: index(&lookedAfterReviews),
                missing: index(&missing),
                careLeavers: index(&careLeavers),
                allocations: index(&allocations),
                teamIDs: teamIDs, teamNames: teamNames, workers: workers)
        }

        /// Sorts rows by child in place and returns each child's offset into them.
        ///
        /// A counting sort that swaps each row straight into its child's slot, then orders each child's
        /// few rows by date. The standard library's stable sort would borrow a buffer half the size of
        /// the array, which for England's contacts was the load's peak memory; this borrows 4 bytes per child.
        static func sortByChild<Row: ChildDatedRow>(_ rows: inout [Row], children n: Int) -> [Int32] {
            var offsets = [Int32](repeating: 0, count: n + 1)
            for row in rows { offsets[Int(row.child) + 1] += 1 }
            for i in 0..<n { offsets[i + 1] += offsets[i] }
            var next = [Int32](offsets.dropLast())
            rows.withUnsafeMutableBufferPointer { buffer in
                for child in 0..<n {
                    let end = Int(offsets[child + 1])
                    while Int(next[child]) < end {
                        let position = Int(next[child])
                        let owner = Int(buffer[position].child)
                        if owner == child {
                            next[child] += 1
                        } else {
                            buffer.swapAt(position, Int(next[owner]))
                            next[owner] += 1
                        }
                    }
                    let start = Int(offsets[child])
                    guard end - start > 1 else { continue }
                    guard end - start <= 64 else {
                        buffer[start..<end].sort { $0.sortDate < $1.sortDate }
                        continue
                    }
                    // Insertion sort: stable, and a child rarely has more than a handful of rows.
                    for i in (start + 1)..<end {
                        let row = buffer[i]
                        var j = i
                        while j > start, buffer[j - 1].sortDate > row.sortDate {
                            buffer[j] = buffer[j - 1]
                            j -= 1
                        }
                        buffer[j] = row
                    }
                }
            }
            return offsets
        }

        /// Joins a child's episodes into periods of care: a period continues while the next episode
        /// starts on the day the last one ended (903 rule), and ends with a reason other than X1.
        static func carePeriods(from episodes: [EpisodeRow]) -> [CarePeriodRow] {
            var periods: [CarePeriodRow] = []
            var current: CarePeriodRow?
            for episode in episodes {
                let shortBreak = episode.legalStatus?.isShortBreak ?? false
                if var open = current, open.child == episode.child, let end = open.end, end == episode.start {
                    open.end = episode.end
                    open.reasonCeased = episode.reasonCeased
                    open.isShortBreakOnly = open.isShortBreakOnly && shortBreak
                    current = open
                } else {
                    if let open = current { periods.append(open) }
                    current = CarePeriodRow(
                        child: episode.child, start: episode.start, end: episode.end, reasonCeased: episode.reasonCeased,
                        isShortBreakOnly: shortBreak)
                }
            }
            if let open = current { periods.append(open) }
            return periods
        }
    }
}

/// A row that belongs to a child and sorts by a date within the child's rows.
public protocol ChildDatedRow {
    var child: Int32 { get }
    var sortDate: LocalDate { get }
}

extension CaseSnapshot.ContactRow: ChildDatedRow { public var sortDate: LocalDate { date } }
extension CaseSnapshot.ReferralRow: ChildDatedRow { public var sortDate: LocalDate { date } }
extension CaseSnapshot.AssessmentRow: ChildDatedRow { public var sortDate: LocalDate { start } }
extension CaseSnapshot.EnquiryRow: ChildDatedRow { public var sortDate: LocalDate { start } }
extension CaseSnapshot.ConferenceRow: ChildDatedRow { public var sortDate: LocalDate { date } }
extension CaseSnapshot.PlanRow: ChildDatedRow { public var sortDate: LocalDate { start } }
extension CaseSnapshot.ReviewRow: ChildDatedRow { public var sortDate: LocalDate { date } }
extension CaseSnapshot.VisitRow: ChildDatedRow { public var sortDate: LocalDate { date } }
extension CaseSnapshot.EpisodeRow: ChildDatedRow { public var sortDate: LocalDate { start } }
extension CaseSnapshot.CarePeriodRow: ChildDatedRow { public var sortDate: LocalDate { start } }
extension CaseSnapshot.PlacementRow: ChildDatedRow { public var sortDate: LocalDate { start } }
extension CaseSnapshot.MissingRow: ChildDatedRow { public var sortDate: LocalDate { start } }
extension CaseSnapshot.AllocationRow: ChildDatedRow { public var sortDate: LocalDate { start } }
extension CaseSnapshot.CareLeaverRow: ChildDatedRow {
    /// One row per care leaver, so the order within a child never matters.
    public var sortDate: LocalDate { pathwayPlanReview ?? LocalDate(dayNumber: .min) }
}
