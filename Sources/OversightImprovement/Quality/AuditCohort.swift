import OversightCore
import OversightMeasures

/// Where a sample's children come from (issue 8, item 2): a measure's numerator or denominator list, a saved filter,
/// a team or a worker.
public enum CohortSource: Sendable, Hashable, CustomStringConvertible {
    public enum MeasureList: String, Sendable, Hashable, CaseIterable {
        /// The rows counted in the numerator ("assessments that ended in no further action").
        case numerator
        /// Every row in the denominator.
        case denominator
        /// Denominator rows not in the numerator ("assessments not completed within 45 working days").
        case outsideNumerator = "outside-numerator"
    }

    case measure(id: String, list: MeasureList)
    case filter(SavedFilter)
    /// The children a team holds on the day, by team ID or name.
    case team(String)
    /// The children a worker holds on the day, by worker ID or name.
    case worker(String)

    public var description: String {
        switch self {
        case .measure(let id, let list): "measure \(id) \(list.rawValue)"
        case .filter(let filter): "filter \(filter.name)"
        case .team(let team): "team \(team)"
        case .worker(let worker): "worker \(worker)"
        }
    }
}

/// A child who may be sampled, with what stratification and allocation need to know.
public struct CohortMember: Sendable, Hashable {
    public var childID: String
    public var teamID: String?
    public var workerID: String?
    public var ageBand: String
    /// Looked after, child protection plan, or child in need.
    public var legalContext: String

    public init(childID: String, teamID: String?, workerID: String?, ageBand: String, legalContext: String) {
        self.childID = childID
        self.teamID = teamID
        self.workerID = workerID
        self.ageBand = ageBand
        self.legalContext = legalContext
    }

    public func stratum(_ by: Stratification) -> String {
        switch by {
        case .team: teamID ?? "no team"
        case .ageBand: ageBand
        case .legalContext: legalContext
        }
    }
}

/// Why a cohort could not be taken.
public enum CohortError: Error, Equatable, CustomStringConvertible {
    case unknownMeasure(String)
    case measureNotComputable(String)

    public var description: String {
        switch self {
        case .unknownMeasure(let id): "no measure has ID '\(id)'; 'oversight measures list' shows the catalogue"
        case .measureNotComputable(let id): "measure \(id) cannot be computed from the data held, so it has no child list to sample"
        }
    }
}

extension CohortSource {
    /// The children in the cohort, each once, in child ID order: the canonical order sampling starts from, so that a
    /// seed always draws the same children from the same data.
    /// - Parameters:
    ///   - period: the period a measure list or a referral filter covers.
    ///   - date: the day whose holders, ages and legal status count (the period's end, usually).
    /// - Throws: `CohortError` for a measure that is not in the catalogue or cannot be computed.
    public func members(engine: MeasureEngine, period: ReportingPeriod, on date: LocalDate) throws(CohortError) -> [CohortMember] {
        let snapshot = engine.snapshot
        var children: Set<CaseSnapshot.ChildIndex> = []
        switch self {
        case .measure(let id, let list):
            guard let measure = MeasureCatalogue.measure(id) else { throw .unknownMeasure(id) }
            guard measure.isAvailable else { throw .measureNotComputable(id) }
            for row in engine.explain(measure, period: period).rows {
                let wanted = switch list {
                case .numerator: row.inNumerator
                case .denominator: true
                case .outsideNumerator: !row.inNumerator
                }
                if wanted, let child = snapshot.index(ofChild: row.childID) { children.insert(child) }
            }
        case .filter(let filter):
            for child in 0..<Int32(snapshot.children.count) where Self.matches(filter, child: child, snapshot: snapshot, period: period, on: date) {
                children.insert(child)
            }
        case .team(let team):
            for held in snapshot.heldChildren(on: date, where: { $0.teamID == team || $0.teamName?.caseInsensitiveCompare(team) == .orderedSame }) {
                children.insert(held.child)
            }
        case .worker(let worker):
            for held in snapshot.heldChildren(on: date, where: { $0.workerID == worker || $0.workerName?.caseInsensitiveCompare(worker) == .orderedSame }) {
                children.insert(held.child)
            }
        }
        return children.map { child in
            let holder = snapshot.holders(of: child, on: date).max { $0.since < $1.since }
            let context =
                snapshot.isLookedAfter(child, on: date) ? "looked after" : snapshot.isOnProtectionPlan(child, on: date) ? "child protection" : "child in need"
            let band = snapshot.isUnborn(child, on: date) ? AgeBand.unborn : AgeBand(age: snapshot.age(of: child, on: date))
            return CohortMember(
                childID: snapshot.children.ids[Int(child)], teamID: holder?.teamID, workerID: holder?.workerID, ageBand: band?.rawValue ?? "age unknown",
                legalContext: context)
        }.sorted { $0.childID.utf8.lexicographicallyPrecedes($1.childID.utf8) }
    }

    static func matches(_ filter: SavedFilter, child: CaseSnapshot.ChildIndex, snapshot: CaseSnapshot, period: ReportingPeriod, on date: LocalDate) -> Bool {
        if filter.minimumAge != nil || filter.maximumAge != nil {
            guard let age = snapshot.age(of: child, on: date) else { return false }
            if let minimum = filter.minimumAge, age < minimum { return false }
            if let maximum = filter.maximumAge, age > maximum { return false }
        }
        if let referred = filter.referredInPeriod, snapshot.isReferred(child, in: period) != referred { return false }
        if let lookedAfter = filter.lookedAfter, snapshot.isLookedAfter(child, on: date) != lookedAfter { return false }
        if let onPlan = filter.onProtectionPlan, snapshot.isOnProtectionPlan(child, on: date) != onPlan { return false }
        if let statuses = filter.legalStatuses {
            guard let status = snapshot.legalStatus(of: child, on: date), statuses.contains(status) else { return false }
        }
        if let types = filter.placementTypes {
            guard let type = snapshot.placementType(of: child, on: date), types.contains(type) else { return false }
        }
        return true
    }
}
