import OversightCore

/// Builds one child's history. The simulation runs forward in time from the child's first contact with
/// children's services; `finish()` then cuts everything at the extract date.
struct JourneyBuilder {
    let simulator: JourneySimulator
    var rng: SeededGenerator
    var numbers: RecordNumbers
    var child: SimulatedChild

    var extractDate: LocalDate { simulator.extractDate }
    var windowStart: LocalDate { simulator.windowStart }
    var profile: AuthorityProfile { simulator.profile }
    var workforce: SyntheticWorkforce { simulator.workforce }

    init(simulator: JourneySimulator, index: Int, numbers: RecordNumbers) {
        self.simulator = simulator
        self.numbers = numbers
        rng = SeededGenerator(seed: simulator.seed, stream: UInt64(index), purpose: .journey)
        child = SimulatedChild(
            index: index, personID: 1_000_001 + index, sex: .unknown, dateOfBirth: nil, expectedDateOfBirth: nil,
            ethnicity: .nobt, forename: "", surname: "", upn: nil, upnUnknown: nil, legacyID: nil, hasEHCP: false,
            isMother: false, nationality: "British", locality: 0)
        child.locality = rng.int(in: 0...1_000_000)
    }

    // MARK: Dates

    func addingWorkingDays(_ days: Int, to date: LocalDate) -> LocalDate {
        simulator.calendar.addingWorkingDays(max(0, days), to: date)
    }

    func workingDay(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while !simulator.calendar.isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    mutating func randomDay(between start: LocalDate, and end: LocalDate) -> LocalDate {
        guard end > start else { return start }
        return start.adding(days: rng.int(in: 0...start.days(to: end)))
    }

    func age(on date: LocalDate) -> Int {
        guard let birth = child.dateOfBirth else { return -1 }
        return birth.age(on: date)
    }

    // MARK: Kinds of child

    mutating func referredJourney() {
        let historyStart = windowStart.adding(years: -simulator.yearsBeforeWindow)
        let arrival = randomDay(between: historyStart, and: extractDate)
        if rng.chance(profile.unbornAtReferral) {
            let expected = arrival.adding(days: rng.int(in: 30...150))
            makePerson(bornOn: nil, expected: expected)
            prebirthReferral(on: arrival, expected: expected)
            return
        }
        makePerson(bornOn: birthDate(forAgeOn: arrival, age: firstReferralAge()), expected: nil)
        if rng.chance(0.1) {
            let start = arrival.adding(days: -rng.int(in: 60...300))
            addEarlyHelp(from: start, to: arrival, endReason: "Stepped up to children's social care")
        }
        referrals(startingOn: arrival, careEntry: nil)
    }

    mutating func careBeforeWindowJourney() {
        let earliest = windowStart.adding(years: -simulator.careYearsBeforeWindow)
        let latest = windowStart.adding(years: -simulator.yearsBeforeWindow)
        let entry = randomDay(between: earliest, and: latest)
        makePerson(bornOn: birthDate(forAgeOn: entry, age: careEntryAge()), expected: nil)
        let referral = entry.adding(days: -rng.int(in: 0...60))
        referrals(startingOn: max(referral, child.dateOfBirth ?? referral), careEntry: entry)
    }

    mutating func contactOnlyJourney() {
        let arrival = randomDay(between: windowStart, and: extractDate)
        makePerson(bornOn: birthDate(forAgeOn: arrival, age: rng.int(in: 0...17)), expected: nil)
        var count = 1
        if rng.chance(0.25) { count += 1 }
        if rng.chance(0.1) { count += 1 }
        var contactDate = arrival
        for _ in 0..<count {
            guard contactDate <= extractDate, age(on: contactDate) < 18 else { break }
            let outcome: SimulatedChild.Contact.Outcome
            let u = rng.unit()
            if u < 0.36 {
                outcome = .nfa
            } else if u < 0.72 {
                outcome = .advice
            } else if u < 0.985 {
                outcome = .earlyHelp
            } else {
                outcome = .privateFostering
            }
            addContact(on: contactDate, outcome: outcome)
            if outcome == .earlyHelp && rng.chance(0.7) {
                let start = contactDate.adding(days: rng.int(in: 3...20))
                addEarlyHelp(from: start, to: start.adding(days: rng.int(in: 60...300)), endReason: nil)
            }
            contactDate = contactDate.adding(days: rng.int(in: 20...500))
        }
    }

    mutating func cohortOnlyJourney() {
        makePerson(bornOn: birthDate(forAgeOn: extractDate, age: rng.int(in: 6...20)), expected: nil)
        child.isCohortOnly = true
    }

    // MARK: Referral sequence

    /// Referrals one after another: each closed referral may be followed by a re-referral, within a year
    /// (CIN-02, about 22% of referrals nationally) or later.
    mutating func referrals(startingOn first: LocalDate, careEntry: LocalDate?) {
        var referralDate = first
        var forcedCare = careEntry
        while referralDate <= extractDate, age(on: referralDate) < 18 {
            let index = referral(on: referralDate, careEntry: forcedCare)
            forcedCare = nil
            let current = child.referrals[index]
            guard let close = current.close, close < extractDate else { return }
            if current.closeReason == .rc1 || current.closeReason == .rc2 || current.closeReason == .rc6 { return }
            let yearOn = current.date.adding(days: 364)
            let u = rng.unit()
            if u < profile.reReferralWithinYear, close.adding(days: 7) <= yearOn {
                referralDate = close.adding(days: rng.int(in: 7...close.days(to: yearOn)))
            } else if u < profile.reReferralWithinYear + profile.reReferralLater {
                referralDate = max(close, yearOn).adding(days: rng.int(in: 30...1_400))
            } else {
                return
            }
        }
    }

    // MARK: People

    mutating func firstReferralAge() -> Int {
        let u = rng.unit()
        if u < 0.10 { return 0 }
        if u < 0.30 { return rng.int(in: 1...4) }
        if u < 0.55 { return rng.int(in: 5...9) }
        if u < 0.88 { return rng.int(in: 10...15) }
        return rng.int(in: 16...17)
    }

    /// Age on starting to be looked after (CLA statistics: a fifth under one, a third 10–15).
    mutating func careEntryAge() -> Int {
        let u = rng.unit()
        if u < 0.19 { return 0 }
        if u < 0.33 { return rng.int(in: 1...4) }
        if u < 0.50 { return rng.int(in: 5...9) }
        if u < 0.83 { return rng.int(in: 10...15) }
        return rng.int(in: 16...17)
    }

    mutating func birthDate(forAgeOn date: LocalDate, age: Int) -> LocalDate {
        date.adding(years: -age).adding(days: -rng.int(in: 1...364))
    }

    mutating func makePerson(bornOn birth: LocalDate?, expected: LocalDate?) {
        child.dateOfBirth = birth
        child.expectedDateOfBirth = expected
        if birth == nil {
            child.sex = .unknown
            child.forename = "Unborn"
        } else if rng.chance(0.51) {
            child.sex = .male
            child.forename = rng.element(of: SyntheticNames.boys)
        } else {
            child.sex = .female
            child.forename = rng.element(of: SyntheticNames.girls)
        }
        child.surname = rng.element(of: SyntheticNames.surnames)
        child.ethnicity = Distributions.ethnicity.draw(&rng)
        if rng.chance(0.6) { child.legacyID = "L" + String(500_000 + child.index) }
        child.hasEHCP = rng.chance(0.07)
        child.nationality = rng.chance(0.93) ? "British" : rng.element(of: Distributions.nationalities)
        if let birth {
            let ageAtExtract = birth.age(on: extractDate)
            if ageAtExtract >= 5 {
                let u = rng.unit()
                if u < 0.88 {
                    child.upn = UniquePupilNumber.make(localAuthority: 825, rng: &rng, birthYear: birth.year)
                } else if u < 0.96 {
                    child.upnUnknown = rng.element(of: ["UN2", "UN3", "UN4", "UN5"])
                }
            } else if rng.chance(0.55) {
                child.upnUnknown = "UN1"
            }
            child.isMother = child.sex == .female && ageAtExtract >= 15 && rng.chance(0.03)
        }
    }

    // MARK: Front door

    mutating func addContact(on date: LocalDate, outcome: SimulatedChild.Contact.Outcome, source: ReferralSource? = nil) {
        child.contacts.append(
            SimulatedChild.Contact(
                id: numbers.take(.contact), date: date, source: source ?? Distributions.referralSource.draw(&rng),
                outcome: outcome))
    }

    mutating func addEarlyHelp(from start: LocalDate, to end: LocalDate, endReason: String?) {
        child.earlyHelp.append(
            SimulatedChild.EarlyHelpEpisode(
                id: numbers.take(.earlyHelp), start: start, end: end,
                reason: rng.element(of: Distributions.earlyHelpReasons),
                endReason: endReason ?? rng.element(of: Distributions.earlyHelpEndReasons),
                organisation: rng.element(of: Distributions.earlyHelpOrganisations)))
    }
}
