import OversightCore

/// Made-up allegations for the demo authority, the same for the same seed: about six a week for three years before
/// `asOf`, held by three LADO officers, with the workflow's dates drawn so that the measures have something to show
/// (most decisions next working day, a tail of slow resolutions, a few allegations open over a year).
public enum SyntheticAllegations {
    public static let officers = ["Lee Adebayo", "Dani Okafor", "Ruth Marsh"]

    public static func generate(seed: UInt64, asOf: LocalDate, childIDs: [String], calendar: WorkingDayCalendar = .englandAndWales) -> [Allegation] {
        var random = SplitMix64(state: seed ^ 0x4C41_444F)
        var allegations: [Allegation] = []
        let start = asOf.adding(years: -3)
        var day = start
        var number = 0
        while day <= asOf {
            defer { day = day.adding(days: 1) }
            guard calendar.isWorkingDay(day) else { continue }
            // About 1.2 a working day: six a week.
            let count = Int.random(in: 0...100, using: &random) < 20 ? 2 : (Int.random(in: 0...100, using: &random) < 85 ? 1 : 0)
            for _ in 0..<count {
                number += 1
                allegations.append(allegation(number: number, receivedOn: day, asOf: asOf, childIDs: childIDs, calendar: calendar, random: &random))
            }
        }
        return allegations
    }

    static func allegation(
        number: Int, receivedOn: LocalDate, asOf: LocalDate, childIDs: [String], calendar: WorkingDayCalendar, random: inout SplitMix64
    ) -> Allegation {
        func pick<T>(_ weighted: [(T, Int)]) -> T {
            var roll = Int.random(in: 0..<weighted.reduce(0) { $0 + $1.1 }, using: &random)
            for (value, weight) in weighted {
                if roll < weight { return value }
                roll -= weight
            }
            return weighted[0].0
        }
        let sector = pick([
            (EmploymentSector.education, 40), (.earlyYears, 10), (.fosterCarer, 10), (.residentialCare, 8), (.health, 8), (.socialCare, 6),
            (.sport, 5), (.faith, 4), (.police, 3), (.transport, 3), (.voluntary, 3),
        ])
        let role: String =
            switch sector {
            case .education: pick([("Teacher", 5), ("Teaching assistant", 3), ("Head of year", 1)])
            case .earlyYears: "Nursery practitioner"
            case .fosterCarer: "Foster carer"
            case .residentialCare: "Residential care worker"
            case .health: pick([("Nurse", 2), ("Healthcare assistant", 1)])
            case .socialCare: "Social worker"
            case .sport: "Sports coach"
            case .faith: "Youth leader"
            case .police: "Police officer"
            case .transport: "School transport driver"
            case .voluntary, .other: "Volunteer"
            }
        let forenames = ["Alex", "Jordan", "Sam", "Chris", "Jamie", "Robin", "Casey", "Morgan", "Taylor", "Drew"]
        let surnames = ["Ashworth", "Bellamy", "Carver", "Dunmore", "Ellery", "Fairbank", "Greaves", "Hollins", "Ingram", "Jessop"]
        let subject = AllegationSubject(
            name: "\(forenames.randomElement(using: &random)!) \(surnames.randomElement(using: &random)!)", role: role,
            dateOfBirth: Int.random(in: 0..<10, using: &random) == 0
                ? nil : receivedOn.adding(years: -Int.random(in: 22...63, using: &random)).adding(days: -Int.random(in: 0...364, using: &random)))
        var harmTests: Set<HarmTest> = [pick([(HarmTest.harmedChild, 5), (.possibleCriminalOffence, 2), (.unsuitableToWorkWithChildren, 2), (.transferableRisk, 1)])]
        if Int.random(in: 0..<4, using: &random) == 0 { harmTests.insert(HarmTest.allCases.randomElement(using: &random)!) }
        var children = [AllegationChild(childID: nil, description: sector == .education ? "pupil" : "child in the setting")]
        if !childIDs.isEmpty, Int.random(in: 0..<3, using: &random) == 0 {
            children = [AllegationChild(childID: childIDs.randomElement(using: &random)!, description: "known to the authority")]
        }
        var allegation = Allegation(
            id: Identifier("LADO-\(receivedOn.year)-\(String(number + 10000).dropFirst())"), receivedOn: receivedOn,
            referrer: pick([("Designated safeguarding lead", 5), ("Headteacher", 2), ("Registered manager", 2), ("Parent", 1)]),
            referrerOrganisation: sector == .education ? "School" : sector.title, subject: subject,
            employer: "\(surnames.randomElement(using: &random)!) \(sector == .education ? "Academy" : sector == .fosterCarer ? "Fostering Service" : "Trust")",
            sector: sector, harmTests: harmTests, children: children, officer: officers.randomElement(using: &random)!)
        // The decision: mostly the same or next working day, a tail up to a week.
        let decisionDays = pick([(0, 30), (1, 55), (2, 8), (3, 4), (5, 3)])
        let decided = calendar.addingWorkingDays(decisionDays, to: receivedOn)
        guard decided <= asOf else { return allegation }
        allegation.initialConsiderationOn = decided
        let meets = Int.random(in: 0..<100, using: &random) < 45
        allegation.meetsThreshold = meets
        guard meets else {
            let closed = calendar.addingWorkingDays(Int.random(in: 0...5, using: &random), to: decided)
            if closed <= asOf { allegation.closedOn = closed }
            return allegation
        }
        let meeting = calendar.addingWorkingDays(Int.random(in: 1...5, using: &random), to: decided)
        guard meeting <= asOf else { return allegation }
        allegation.meetings = [AllegationMeeting(kind: harmTests.contains(.possibleCriminalOffence) ? .strategy : .allegationsManagement, heldOn: meeting)]
        // Resolution: about a third within a month; a tail past a year, as seed 002's delayed closures. Never sooner
        // than ten days after the meeting, so that investigations and the disciplinary process fit between.
        let months = pick([(0, 35), (1, 30), (3, 15), (6, 12), (12, 8)])
        let resolved = max(
            receivedOn.adding(months: months).adding(days: Int.random(in: 5...(months == 0 ? 28 : 60), using: &random)), meeting.adding(days: 10))
        if harmTests.contains(.possibleCriminalOffence) {
            allegation.investigations = [AllegationInvestigation(kind: .police, startedOn: meeting, concludedOn: resolved <= asOf ? resolved.adding(days: -3) : nil)]
        } else if Int.random(in: 0..<3, using: &random) == 0 {
            allegation.investigations = [
                AllegationInvestigation(kind: .socialCare, startedOn: meeting, concludedOn: resolved <= asOf ? resolved.adding(days: -3) : nil)
            ]
        }
        if Int.random(in: 0..<2, using: &random) == 0, meeting.adding(days: 7) <= asOf {
            allegation.disciplinary = DisciplinaryProcess(startedOn: meeting.adding(days: 7), concludedOn: resolved <= asOf ? resolved.adding(days: -1) : nil)
        }
        guard resolved <= asOf else { return allegation }
        let outcome = pick([(AllegationOutcome.substantiated, 30), (.unsubstantiated, 30), (.unfounded, 25), (.false, 10), (.malicious, 5)])
        allegation.outcome = outcome
        allegation.outcomeOn = resolved
        allegation.closedOn = resolved
        if outcome == .substantiated, Int.random(in: 0..<2, using: &random) == 0 {
            let body: RegulatorReferral.Body =
                switch sector {
                case .education: .teachingRegulationAgency
                case .socialCare: .socialWorkEngland
                case .health: .nmc
                default: .dbs
                }
            allegation.referrals = [RegulatorReferral(body: body, referredOn: resolved)]
        }
        return allegation
    }
}
