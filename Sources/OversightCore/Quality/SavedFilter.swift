/// A cohort described by what the case data holds, saved under a name so that a dip sample can be drawn from it again:
/// "16/17-year-olds referred this quarter" (plan action 4.1), "children placed with parents under care orders"
/// (seed 001's spot check).
///
/// Every criterion left `nil` matches every child; the criteria given must all hold, on the day the cohort is taken
/// (or, for referrals, within the period).
public struct SavedFilter: Sendable, Hashable, Codable {
    public var name: String
    public var description: String
    public var minimumAge: Int?
    public var maximumAge: Int?
    /// Only children with a referral in the period the cohort is taken for.
    public var referredInPeriod: Bool?
    public var lookedAfter: Bool?
    public var onProtectionPlan: Bool?
    /// Any of these legal statuses on the day (SSDA903).
    public var legalStatuses: [LegalStatus]?
    /// Any of these placement types on the day (SSDA903).
    public var placementTypes: [PlacementType]?

    public init(
        name: String, description: String, minimumAge: Int? = nil, maximumAge: Int? = nil, referredInPeriod: Bool? = nil,
        lookedAfter: Bool? = nil, onProtectionPlan: Bool? = nil, legalStatuses: [LegalStatus]? = nil,
        placementTypes: [PlacementType]? = nil
    ) {
        self.name = name
        self.description = description
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
        self.referredInPeriod = referredInPeriod
        self.lookedAfter = lookedAfter
        self.onProtectionPlan = onProtectionPlan
        self.legalStatuses = legalStatuses
        self.placementTypes = placementTypes
    }

    /// Seed 001's six-monthly spot check: children placed at home with parents (P1) under an interim or full care
    /// order (C1, C2), the arrangements of the Care Planning Regulations 2010, regulations 15 to 20.
    public static let placedWithParents = SavedFilter(
        name: "placed-with-parents", description: "Children placed with parents under care orders (P1 with C1 or C2)",
        lookedAfter: true, legalStatuses: [.c1, .c2], placementTypes: [.p1])

    /// Plan action 4.1's cohort as far as the census data can show it: 16 and 17-year-olds referred in the period.
    /// The SSD holds no homelessness flag, so a council narrows this with its own list.
    public static let sixteenSeventeenReferred = SavedFilter(
        name: "16-17-referred", description: "16 and 17-year-olds referred in the period (homelessness presentations, plan action 4.1)",
        minimumAge: 16, maximumAge: 17, referredInPeriod: true)
}
