import OversightCore

/// Invents children one at a time from the run's seed and the child's index.
///
/// Each child is one of four kinds, assigned by a low-discrepancy sequence over the index so that even
/// the `tiny` authority gets its kinds in the right proportions, and each child draws from its own
/// random stream, so a child's story does not depend on the children before it.
struct JourneySimulator: Sendable {
    enum ChildKind: CaseIterable {
        /// Referred to children's social care at least once, first referral in (or just before) the window.
        case referred
        /// Known only through contacts that did not become referrals.
        case contactOnly
        /// Started to be looked after before the window; appears if still in care or a care leaver then.
        case enteredCareBeforeWindow
        /// In the SSD cohort through the CMS client flag, with no activity in the window.
        case cohortOnly
    }

    let extractDate: LocalDate
    let windowStart: LocalDate
    let calendar = WorkingDayCalendar.englandAndWales
    let workforce: SyntheticWorkforce
    let profile: AuthorityProfile
    let seed: UInt64
    let childCount: Int
    /// Years before the window in which first referrals are still simulated, so that cases open at the
    /// window start (and re-referrals of them) are present.
    let yearsBeforeWindow = 4
    /// How far back care entrants are simulated: a child who entered care at birth is 17 at the window start.
    let careYearsBeforeWindow = 17
    private let kindShares: [(ChildKind, Double)]

    init(options: GeneratorOptions, workforce: SyntheticWorkforce, profile: AuthorityProfile) {
        extractDate = options.extractDate
        windowStart = options.windowStart
        self.workforce = workforce
        self.profile = profile
        seed = options.seed
        let years = Double(options.historyYears)
        let referred = profile.referredChildrenPerYear * (years + Double(yearsBeforeWindow)) * profile.scale
        let contactOnly = profile.contactOnlyChildrenPerYear * years * profile.scale
        let beforeWindow =
            profile.legacyCareEntrantsPerYear * Double(careYearsBeforeWindow - yearsBeforeWindow) * profile.scale
        let active = referred + contactOnly + beforeWindow
        let cohortOnly = active * profile.cohortOnlyShare
        let total = active + cohortOnly
        childCount = Int(total.rounded())
        var running = 0.0
        var shares: [(ChildKind, Double)] = []
        for (kind, count) in [
            (ChildKind.referred, referred), (.contactOnly, contactOnly), (.enteredCareBeforeWindow, beforeWindow),
            (.cohortOnly, cohortOnly),
        ] {
            running += count / total
            shares.append((kind, running))
        }
        kindShares = shares
    }

    /// The kind of child at `index`, from the golden-ratio sequence (evenly spread for any prefix).
    func kind(of index: Int) -> ChildKind {
        let u = (Double(index) * 0.618_033_988_749_894_9 + 0.5).truncatingRemainder(dividingBy: 1)
        for (kind, bound) in kindShares where u < bound { return kind }
        return .cohortOnly
    }

    func child(at index: Int, numbers: inout RecordNumbers) -> SimulatedChild {
        var builder = JourneyBuilder(simulator: self, index: index, numbers: numbers)
        switch kind(of: index) {
        case .referred: builder.referredJourney()
        case .contactOnly: builder.contactOnlyJourney()
        case .enteredCareBeforeWindow: builder.careBeforeWindowJourney()
        case .cohortOnly: builder.cohortOnlyJourney()
        }
        builder.finish()
        numbers = builder.numbers
        return builder.child
    }
}
