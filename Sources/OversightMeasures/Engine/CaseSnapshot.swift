import Foundation
import OversightCore
import OversightStorage

/// The case records one computation runs over, held as flat arrays of small fixed-size rows.
///
/// Every child-level array is sorted by child and then by date, with an offset table per entity, so a
/// measure is a linear pass over one array and "this child's earlier referrals" is a slice, not a query.
/// Strings appear only where an explanation must name a record; children, teams and workers are
/// numbered once when the snapshot is built.
public struct CaseSnapshot: Sendable {
    public typealias ChildIndex = Int32
    /// The number used for "no team" or "no worker".
    public static let none: Int32 = -1

    public struct Children: Sendable {
        public internal(set) var ids: [String] = []
        /// Day number of the recorded birth, or of the expected birth when `birthIsExpected`;
        /// `Int32.min` when neither is known. (Two optionals would take 16 bytes a child; this takes 5.)
        var birthDay: [Int32] = []
        var birthIsExpected: [Bool] = []
        public internal(set) var sex: [Sex?] = []
        public internal(set) var ethnicity: [Ethnicity?] = []
        public var count: Int { ids.count }

        /// The recorded date of birth; `nil` for an unborn child or an unknown one.
        public func dateOfBirth(_ child: ChildIndex) -> LocalDate? {
            let i = Int(child)
            return birthIsExpected[i] || birthDay[i] == .min ? nil : LocalDate(dayNumber: birthDay[i])
        }

        /// The recorded birth date, or else the expected one.
        public func birthOrExpectedBirth(_ child: ChildIndex) -> LocalDate? {
            let day = birthDay[Int(child)]
            return day == .min ? nil : LocalDate(dayNumber: day)
        }
    }

    public struct ContactRow: Sendable { public var child: ChildIndex; var date: LocalDate; var ledToReferral: Bool? }
    public struct ReferralRow: Sendable {
        public var child: ChildIndex; var date: LocalDate; var closure: LocalDate?; var isNoFurtherAction: Bool?
        var closureReason: ClosureReason?; var team: Int32; var id: String
    }
    public struct AssessmentRow: Sendable {
        public var child: ChildIndex; var start: LocalDate; var authorised: LocalDate?; var referral: String?
        var team: Int32; var id: String
    }
    public struct EnquiryRow: Sendable {
        public var child: ChildIndex; var start: LocalDate; var end: LocalDate?; var team: Int32; var id: String
    }
    public struct ConferenceRow: Sendable {
        public var child: ChildIndex; var date: LocalDate; var enquiry: String?; var isTransferIn: Bool
        var team: Int32; var id: String
    }
    public struct PlanRow: Sendable {
        public var child: ChildIndex; var start: LocalDate; var end: LocalDate?; var id: String
    }
    public struct ReviewRow: Sendable {
        public var child: ChildIndex; var date: LocalDate; var plan: String?; var participation: ReviewParticipation?; var id: String
    }
    public struct VisitRow: Sendable { public var child: ChildIndex; var date: LocalDate; var seen: Bool?; var seenAlone: Bool? }
    public struct EpisodeRow: Sendable {
        public var child: ChildIndex; var start: LocalDate; var end: LocalDate?; var legalStatus: LegalStatus?
        var reasonCeased: ReasonEpisodeCeased?; var id: String
    }
    /// A period of care: consecutive 903 episodes with no gap between them.
    public struct CarePeriodRow: Sendable {
        public var child: ChildIndex; var start: LocalDate; var end: LocalDate?; var reasonCeased: ReasonEpisodeCeased?
        var isShortBreakOnly: Bool
    }
    public struct PlacementRow: Sendable {
        public var child: ChildIndex; var start: LocalDate; var end: LocalDate?; var type: PlacementType?
        var distanceMiles: Float?; var id: String
    }
    public struct MissingRow: Sendable { public var child: ChildIndex; var start: LocalDate; var type: MissingType? }
    public struct CareLeaverRow: Sendable {
        public var child: ChildIndex; var inTouch: CareLeaverContact?; var accommodationSuitable: Bool?
        var activity: CareLeaverActivity?; var pathwayPlanReview: LocalDate?
    }
    public struct AllocationRow: Sendable {
        public var child: ChildIndex; var start: LocalDate; var end: LocalDate?; var worker: Int32; var team: Int32
    }
    public struct WorkerRow: Sendable {
        var id: String; var name: String?; var isAgency: Bool?; var fte: Double?; var isRegistered: Bool; var teamName: String?
    }

    /// A child-sorted array and the way to find each child's rows in it.
    ///
    /// Entities most children have (contacts, referrals, allocations) keep an offset per child: one
    /// array lookup. Sparse ones (care leavers, placements) would waste 4 bytes per child of the whole
    /// authority on that table, so they find a child's rows by binary search instead.
    public struct ByChild<Row: Sendable & ChildDatedRow>: Sendable {
        public internal(set) var rows: [Row]
        /// Empty for sparse entities.
        var offsets: [Int32]

        /// The rows of one child, oldest first.
        public subscript(child: ChildIndex) -> ArraySlice<Row> {
            if !offsets.isEmpty { return rows[Int(offsets[Int(child)])..<Int(offsets[Int(child) + 1])] }
            let start = firstIndex(notBefore: child)
            return rows[start..<firstIndex(notBefore: child + 1, from: start)]
        }

        private func firstIndex(notBefore child: ChildIndex, from low: Int = 0) -> Int {
            var low = low, high = rows.count
            while low < high {
                let middle = (low + high) / 2
                if rows[middle].child < child { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    public internal(set) var children = Children()
    public internal(set) var contacts: ByChild<ContactRow>
    public internal(set) var referrals: ByChild<ReferralRow>
    public internal(set) var assessments: ByChild<AssessmentRow>
    public internal(set) var enquiries: ByChild<EnquiryRow>
    public internal(set) var conferences: ByChild<ConferenceRow>
    public internal(set) var protectionPlans: ByChild<PlanRow>
    public internal(set) var protectionReviews: ByChild<ReviewRow>
    public internal(set) var protectionVisits: ByChild<VisitRow>
    public internal(set) var lookedAfterVisits: ByChild<VisitRow>
    public internal(set) var episodes: ByChild<EpisodeRow>
    public internal(set) var carePeriods: ByChild<CarePeriodRow>
    public internal(set) var placements: ByChild<PlacementRow>
    public internal(set) var lookedAfterReviews: ByChild<ReviewRow>
    public internal(set) var missing: ByChild<MissingRow>
    public internal(set) var careLeavers: ByChild<CareLeaverRow>
    public internal(set) var allocations: ByChild<AllocationRow>
    public internal(set) var teamIDs: [String] = []
    public internal(set) var teamNames: [String] = []
    public internal(set) var workers: [WorkerRow] = []

    // MARK: Questions every measure asks

    /// The child's age in whole years on `date`; `nil` when unborn or no birth date is known.
    public func age(of child: ChildIndex, on date: LocalDate) -> Int? {
        guard let born = children.birthOrExpectedBirth(child), born <= date else {
            return nil
        }
        return born.age(on: date)
    }

    public func isUnborn(_ child: ChildIndex, on date: LocalDate) -> Bool {
        children.birthOrExpectedBirth(child).map { $0 > date } ?? false
    }

    /// The allocation (worker and team) holding the child on `date`: the latest-starting open one.
    public func allocation(of child: ChildIndex, on date: LocalDate) -> AllocationRow? {
        var best: AllocationRow?
        for row in allocations[child] where row.start <= date && (row.end.map { $0 >= date } ?? true) {
            if best.map({ row.start >= $0.start }) ?? true { best = row }
        }
        return best
    }

    /// The placement open on `date`, ignoring temporary moves (T-codes), which the 903 does not count.
    public func placement(of child: ChildIndex, on date: LocalDate) -> PlacementRow? {
        placements[child].last {
            $0.start <= date && ($0.end.map { $0 > date } ?? true) && !($0.type?.isTemporary ?? false)
        }
    }

    public func teamIndex(forIDOrName text: String) -> Int32? {
        if let i = teamIDs.firstIndex(of: text) ?? teamNames.firstIndex(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) {
            return Int32(i)
        }
        return nil
    }

    public func workerIndex(forIDOrName text: String) -> Int32? {
        workers.firstIndex { $0.id == text || $0.name?.caseInsensitiveCompare(text) == .orderedSame }.map(Int32.init)
    }
}
