import OversightCore

extension JourneyBuilder {
    /// How a period of care is going to end, which shapes its legal statuses and placements.
    enum CareRoute { case returnHome, adoption, specialGuardianship, childArrangements, adulthood, remand, transfer }

    /// A change during a period of care: a new legal status, a new placement, or both on one day.
    private struct CareEvent {
        var date: LocalDate
        var legalStatus: LegalStatus?
        var placementType: PlacementType?
        var sameCarer = false
    }

    /// A period of care from `entry`, built as SSDA903 episodes: a new episode at every change of legal
    /// status or placement, each ending `X1` on the day the next starts, the last ending for the reason
    /// the child left care (statutory-returns.md §4).
    ///
    /// - Returns: when and why the period ended, even if after the extract date (the caller closes the
    ///   referral to match; `finish()` later cuts everything at the extract date).
    mutating func periodOfCare(entry: LocalDate, referral: Int) -> (date: LocalDate, reason: ReasonEpisodeCeased)? {
        guard let birth = child.dateOfBirth else { return nil }
        let entryAge = max(0, birth.age(on: entry))
        let adulthood = birth.adding(years: 18)
        guard entry < adulthood else { return nil }
        let route = careRoute(age: entryAge)
        var (exit, reason) = careExit(route: route, entry: entry)
        if exit >= adulthood {
            exit = adulthood
            reason = adulthoodExit()
        }

        var events = legalStatusEvents(route: route, entry: entry, exit: exit, entryAge: entryAge)
        let moves = placementEvents(route: route, entry: entry, exit: &exit, entryAge: entryAge, events: events)
        events += moves
        if exit >= adulthood { exit = adulthood }
        events = merged(events.filter { $0.date < exit || $0.date == entry }, entry: entry)

        var period = SimulatedChild.PeriodOfCare(
            id: numbers.take(.periodOfCare), referral: referral, entered: entry, need: Distributions.careNeed.draw(&rng))
        var currentStatus = LegalStatus.v2
        for (position, event) in events.enumerated() {
            let isFirst = position == 0
            if let status = event.legalStatus {
                currentStatus = status
                if let last = period.legalStatuses.indices.last { period.legalStatuses[last].end = event.date }
                period.legalStatuses.append(
                    SimulatedChild.LegalStatusSpell(id: numbers.take(.legalStatus), status: status, start: event.date, end: nil))
            }
            if let type = event.placementType {
                if let last = period.placements.indices.last {
                    period.placements[last].end = event.date
                    let previous = period.placements[last].type
                    if !previous.isTemporary && !type.isTemporary {
                        var changeReason = Distributions.placementChangeReason.draw(&rng)
                        if changeReason == .custody && birth.age(on: event.date) < 10 { changeReason = .other }
                        period.placements[last].changeReason = changeReason
                    }
                }
                period.placements.append(placement(type: type, start: event.date))
            }
            let reasonNew: ReasonNewEpisode
            if isFirst {
                reasonNew = .started
            } else if event.legalStatus != nil && event.placementType != nil {
                reasonNew = event.sameCarer ? .legalStatusAndPlacementChangeSameCarer : .legalStatusPlacementAndCarerChange
            } else if event.legalStatus != nil {
                reasonNew = .legalStatusChange
            } else {
                reasonNew = event.sameCarer ? .placementChangeSameCarer : .placementAndCarerChange
            }
            if let last = period.episodes.indices.last {
                period.episodes[last].ceased = event.date
                period.episodes[last].reasonCeased = .x1
            }
            period.episodes.append(
                SimulatedChild.Episode(
                    id: numbers.take(.episode), start: event.date, reasonNew: reasonNew, legalStatus: currentStatus,
                    placement: period.placements.count - 1, ceased: nil, reasonCeased: nil))
        }
        period.episodes[period.episodes.count - 1].ceased = exit
        period.episodes[period.episodes.count - 1].reasonCeased = reason
        period.placements[period.placements.count - 1].end = exit
        period.legalStatuses[period.legalStatuses.count - 1].end = exit

        period.reviews = lookedAfterReviews(entry: entry, exit: exit)
        period.visits = visits(from: entry.adding(days: rng.int(in: 1...7)), until: exit, every: 35...49)
        child.periods.append(period)

        addReviewingOfficer(referral: referral, from: entry, to: exit)
        addMissingEpisodes(from: entry, to: exit, birth: birth)
        return (exit, reason)
    }

    private mutating func careRoute(age: Int) -> CareRoute {
        let u = rng.unit()
        switch age {
        case 0...4:
            if u < 0.25 { return .adoption }
            if u < 0.53 { return .specialGuardianship }
            if u < 0.58 { return .childArrangements }
            if u < 0.92 { return .returnHome }
            return .adulthood
        case 5...9:
            if u < 0.03 { return .adoption }
            if u < 0.23 { return .specialGuardianship }
            if u < 0.28 { return .childArrangements }
            if u < 0.72 { return .returnHome }
            return .adulthood
        case 10...13:
            if u < 0.08 { return .specialGuardianship }
            if u < 0.10 { return .childArrangements }
            if u < 0.57 { return .returnHome }
            if u < 0.60 { return .transfer }
            if u < 0.62 { return .remand }
            return .adulthood
        default:
            if u < 0.36 { return .returnHome }
            if u < 0.41 { return .remand }
            if u < 0.43 { return .transfer }
            return .adulthood
        }
    }

    private mutating func careExit(route: CareRoute, entry: LocalDate) -> (LocalDate, ReasonEpisodeCeased) {
        switch route {
        case .returnHome:
            let days = 3 + Int(rng.exponential(mean: 270))
            let u = rng.unit()
            return (entry.adding(days: min(days, 1_800)), u < 0.75 ? .e4A : u < 0.9 ? .e4B : .e13)
        case .adoption:
            return (entry.adding(days: rng.int(in: 500...950)), rng.chance(0.6) ? .e11 : .e12)
        case .specialGuardianship:
            let u = rng.unit()
            let reason: ReasonEpisodeCeased = u < 0.25 ? .e45 : u < 0.33 ? .e46 : u < 0.83 ? .e47 : .e48
            return (entry.adding(days: rng.int(in: 300...1_100)), reason)
        case .childArrangements:
            return (entry.adding(days: rng.int(in: 250...900)), .e41)
        case .adulthood:
            return (entry.adding(years: 30), .e8)
        case .remand:
            return (entry.adding(days: rng.int(in: 10...120)), rng.chance(0.85) ? .e14 : .e9)
        case .transfer:
            return (entry.adding(days: rng.int(in: 60...500)), .e3)
        }
    }

    private mutating func adulthoodExit() -> ReasonEpisodeCeased {
        let u = rng.unit()
        if u < 0.25 { return .e17 }
        if u < 0.60 { return .e5 }
        if u < 0.65 { return .e6 }
        if u < 0.80 { return .e8 }
        if u < 0.95 { return .e4A }
        if u < 0.98 { return .e7 }
        return .e13
    }

    private mutating func legalStatusEvents(route: CareRoute, entry: LocalDate, exit: LocalDate, entryAge: Int) -> [CareEvent] {
        var statuses: [(LocalDate, LegalStatus)] = []
        func careOrders(from start: LocalDate, rng: inout SeededGenerator) -> [(LocalDate, LegalStatus)] {
            // Care proceedings: an interim order, then a full order around the 26-week timetable.
            [(start, .c1), (start.adding(days: rng.int(in: 150...300)), .c2)]
        }
        switch route {
        case .remand:
            statuses = [(entry, .j1)]
        case .adoption, .specialGuardianship, .childArrangements:
            let u = rng.unit()
            if u < 0.1 {
                statuses = [(entry, .l2)] + careOrders(from: entry.adding(days: rng.int(in: 3...8)), rng: &rng)
            } else if u < 0.3 {
                statuses = [(entry, .v2)] + careOrders(from: entry.adding(days: rng.int(in: 20...90)), rng: &rng)
            } else {
                statuses = careOrders(from: entry, rng: &rng)
            }
            if route == .adoption, let fullOrder = statuses.last?.0 {
                statuses.append((fullOrder.adding(days: rng.chance(0.7) ? 0 : rng.int(in: 20...90)), .e1))
                if statuses[statuses.count - 1].0 == fullOrder { statuses.remove(at: statuses.count - 2) }
            }
        case .adulthood:
            if entryAge >= 13 && rng.chance(0.65) {
                statuses = rng.chance(0.08) ? [(entry, .l1), (entry.adding(days: rng.int(in: 1...3)), .v2)] : [(entry, .v2)]
            } else {
                statuses = careOrders(from: entry, rng: &rng)
            }
        case .returnHome, .transfer:
            let u = rng.unit()
            if u < 0.62 {
                statuses = [(entry, .v2)]
            } else if u < 0.95 {
                statuses = rng.chance(0.4) ? careOrders(from: entry, rng: &rng) : [(entry, .c1)]
            } else {
                statuses = [(entry, .l1), (entry.adding(days: rng.int(in: 1...3)), .v2)]
            }
        }
        return statuses.filter { $0.0 < exit || $0.0 == entry }.map { CareEvent(date: $0.0, legalStatus: $0.1) }
    }

    /// Placements: a first placement suited to the child's age, then moves at a rate that rises with
    /// age (CLA-02: about one child in ten has three or more placements in a year), occasional temporary
    /// moves (T0–T4) and the route's own last moves (placed for adoption, home on a care order).
    private mutating func placementEvents(
        route: CareRoute, entry: LocalDate, exit: inout LocalDate, entryAge: Int, events: [CareEvent]
    ) -> [CareEvent] {
        var placements = [CareEvent(date: entry, placementType: firstPlacementType(age: entryAge, route: route))]
        let movesPerYear: Double = entryAge < 5 ? 0.3 : entryAge < 10 ? 0.35 : entryAge < 16 ? 0.55 : 0.7
        var day = entry
        var current = placements[0].placementType ?? .u6
        while true {
            day = day.adding(days: max(7, Int(rng.exponential(mean: 365 / movesPerYear))))
            guard day < exit, day <= extractDate else { break }
            let ageNow = age(on: day)
            if rng.chance(0.05) {
                let temporary = rng.element(of: [PlacementType.t0, .t1, .t3, .t4, .t4])
                placements.append(CareEvent(date: day, placementType: temporary))
                day = day.adding(days: rng.int(in: 2...14))
                guard day < exit else { break }
                placements.append(CareEvent(date: day, placementType: current))
                continue
            }
            if current == .u6 && rng.chance(0.15) {
                current = .u4
                placements.append(CareEvent(date: day, placementType: current, sameCarer: true))
            } else if current == .u3 && rng.chance(0.2) {
                current = .u1
                placements.append(CareEvent(date: day, placementType: current, sameCarer: true))
            } else {
                current = movePlacementType(age: ageNow, on: day)
                placements.append(CareEvent(date: day, placementType: current))
            }
        }
        switch route {
        case .adoption:
            if let order = events.first(where: { $0.legalStatus == .e1 })?.date {
                let placed = order.adding(days: rng.int(in: 60...200))
                let withCarer = rng.chance(0.25) && current.isFoster
                placements.removeAll { $0.date >= placed }
                placements.append(CareEvent(date: placed, placementType: withCarer ? .a5 : .a6, sameCarer: withCarer))
                exit = max(exit, placed.adding(days: rng.int(in: 90...300)))
            }
        case .returnHome:
            let onCareOrder = events.contains { $0.legalStatus == .c2 || $0.legalStatus == .c1 }
            if onCareOrder && rng.chance(0.3) {
                let home = exit.adding(days: -rng.int(in: 90...270))
                if home > entry.adding(days: 30) {
                    placements.removeAll { $0.date >= home }
                    placements.append(CareEvent(date: home, placementType: .p1))
                }
            }
        default:
            break
        }
        return placements
    }

    private mutating func firstPlacementType(age: Int, route: CareRoute) -> PlacementType {
        if route == .remand { return rng.chance(0.5) ? .k2 : .u6 }
        let u = rng.unit()
        switch age {
        case 0...9:
            if age == 0 && u < 0.06 { return .r3 }
            if u < 0.22 { return .u3 }
            if route == .adoption && u < 0.30 { return .u5 }
            if u < 0.96 { return .u6 }
            return .k2
        case 10...15:
            if u < 0.12 { return .u3 }
            if u < 0.68 { return .u6 }
            if u < 0.95 { return .k2 }
            if u < 0.97 { return .s1 }
            return .r1
        default:
            if u < 0.1 { return .u3 }
            if u < 0.38 { return .u6 }
            if u < 0.62 { return .k2 }
            return rng.chance(0.5) ? .h5 : .k3
        }
    }

    private mutating func movePlacementType(age: Int, on day: LocalDate) -> PlacementType {
        let u = rng.unit()
        // Registered supported accommodation (K3) replaced unregulated semi-independent provision (H5)
        // from October 2023.
        let supported: PlacementType = day >= LocalDate(year: 2023, month: 10, day: 28)! ? .k3 : .h5
        switch age {
        case ..<10:
            if u < 0.15 { return .u3 }
            if u < 0.95 { return .u6 }
            return .k2
        case 10...15:
            if u < 0.08 { return .u3 }
            if u < 0.55 { return .u6 }
            if u < 0.93 { return .k2 }
            return .k1
        default:
            if u < 0.25 { return .u6 }
            if u < 0.5 { return .k2 }
            return supported
        }
    }

    /// Orders events by date and combines a legal status change with a placement change on the same
    /// day (reasons B and U); a status change a few days before a move is sometimes recorded with it.
    private mutating func merged(_ events: [CareEvent], entry: LocalDate) -> [CareEvent] {
        var sorted = events.sorted { $0.date < $1.date }
        for index in sorted.indices where sorted[index].legalStatus != nil && sorted[index].date > entry {
            if let next = sorted.indices.first(where: {
                $0 > index && sorted[$0].placementType != nil && sorted[$0].date.days(to: sorted[index].date) > -10
            }), rng.chance(0.25) {
                sorted[index].date = sorted[next].date
            }
        }
        // Some orders come with a move the same day (reasons B and U), as when a child moves to kinship
        // carers under an interim order.
        for index in sorted.indices where sorted[index].legalStatus != nil && sorted[index].placementType == nil {
            guard sorted[index].date > entry, rng.chance(0.15) else { continue }
            sorted[index].placementType = movePlacementType(age: age(on: sorted[index].date), on: sorted[index].date)
            sorted[index].sameCarer = rng.chance(0.2)
        }
        sorted.sort { $0.date < $1.date }
        var result: [CareEvent] = []
        for event in sorted {
            if let last = result.last, last.date == event.date {
                if event.legalStatus != nil { result[result.count - 1].legalStatus = event.legalStatus }
                if event.placementType != nil {
                    result[result.count - 1].placementType = event.placementType
                    result[result.count - 1].sameCarer = event.sameCarer
                }
            } else {
                result.append(event)
            }
        }
        // The first episode needs both a legal status and a placement.
        if result[0].legalStatus == nil { result[0].legalStatus = .v2 }
        if result[0].placementType == nil { result[0].placementType = .u6 }
        return result
    }

    private mutating func placement(type: PlacementType, start: LocalDate) -> SimulatedChild.Placement {
        let provider: PlacementProvider?
        let u = rng.unit()
        switch type {
        case .u4, .u5, .u6: provider = u < 0.6 ? .pr1 : u < 0.95 ? .pr4 : .pr5
        case .u1, .u2, .u3: provider = .pr1
        case .k2: provider = u < 0.75 ? .pr4 : u < 0.9 ? .pr1 : .pr5
        case .k1: provider = u < 0.6 ? .pr2 : .pr1
        case .h5, .k3: provider = u < 0.8 ? .pr4 : u < 0.9 ? .pr5 : .pr1
        case .p1: provider = .pr0
        case .a3, .a4, .a5, .a6: provider = u < 0.7 ? .pr1 : .pr5
        case .t0, .t1, .t2, .t3, .t4: provider = nil
        default: provider = .pr4
        }
        // SystemC keeps only Ofsted "SC" URNs, so only children's homes carry one.
        let urn = type == .k1 || type == .k2 ? "SC" + String(rng.int(in: 100_000...999_999)) : nil
        let inArea = type == .p1 || rng.chance(0.62)
        let district = inArea ? rng.element(of: SyntheticNames.postcodeDistricts) : rng.element(of: SyntheticNames.outOfAreaDistricts)
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
        let postcode = district + " " + String(rng.int(in: 1...9)) + String(rng.element(of: letters)) + String(rng.element(of: letters))
        let distance: Double
        if rng.chance(0.02) {
            distance = 999.9
        } else {
            distance = Double(inArea ? rng.int(in: 3...150) : rng.int(in: 150...1_200)) / 10
        }
        return SimulatedChild.Placement(
            id: numbers.take(.placement), start: start, end: nil, type: type, provider: provider, urn: urn,
            postcode: postcode, distance: distance, changeReason: nil)
    }

    /// Reviews: within 20 working days of entry, then 3 months, then every 6 months (Care Planning
    /// Regulations 2010, reg. 33), mostly on time.
    private mutating func lookedAfterReviews(entry: LocalDate, exit: LocalDate) -> [SimulatedChild.LookedAfterReview] {
        var reviews: [SimulatedChild.LookedAfterReview] = []
        var due = addingWorkingDays(20, to: entry)
        var held = 0
        while due <= min(exit, extractDate.adding(days: 30)) {
            var date = workingDay(onOrAfter: due.adding(days: -rng.int(in: 0...8)))
            if rng.chance(0.07) { date = addingWorkingDays(rng.int(in: 1...20), to: due) }
            if date <= entry { date = addingWorkingDays(1, to: entry) }
            if date > exit { break }
            if rng.chance(0.03) {
                reviews.append(
                    SimulatedChild.LookedAfterReview(
                        id: numbers.take(.claReview), due: due, date: date, cancelled: true, participation: participation(on: date)))
                date = addingWorkingDays(rng.int(in: 3...10), to: date)
                if date > exit { break }
            }
            reviews.append(
                SimulatedChild.LookedAfterReview(
                    id: numbers.take(.claReview), due: due, date: date, cancelled: false, participation: participation(on: date)))
            held += 1
            due = date.adding(months: held == 1 ? 3 : 6)
        }
        return reviews
    }

    private mutating func addReviewingOfficer(referral: Int, from start: LocalDate, to end: LocalDate) {
        let team = workforce.team(for: .reviewing, locality: child.locality)
        var from = start
        var reason: WorkerChangeReason?
        while true {
            let worker = workforce.worker(in: team, rng: &rng)
            var until: LocalDate? = end
            if rng.chance(0.12) {
                let change = from.adding(days: rng.int(in: 90...720))
                if change < end && change <= extractDate { until = change }
            }
            child.involvements.append(
                SimulatedChild.Involvement(
                    id: numbers.take(.involvement), worker: worker, team: team, role: .reviewingOfficer, start: from,
                    end: until, changeReason: reason, referral: referral))
            guard let next = until, next < end else { return }
            from = next
            reason = rng.chance(0.5) ? .managingCaseloads : .previousWorkerLeft
        }
    }

    /// Missing and away episodes: about one looked-after child in ten goes missing, most of them teenagers,
    /// several times each (CLA-11: 6.8 incidents per child who went missing).
    private mutating func addMissingEpisodes(from entry: LocalDate, to exit: LocalDate, birth: LocalDate) {
        let eleven = birth.adding(years: 11)
        let start = max(entry, eleven)
        let end = min(exit, extractDate)
        guard start < end, rng.chance(0.3) else { return }
        let count = 1 + Int(rng.exponential(mean: 5))
        var dates: [LocalDate] = []
        for _ in 0..<min(count, 1 + start.days(to: end) / 10) { dates.append(randomDay(between: start, and: end)) }
        for day in dates.sorted() { addMissingEpisode(on: day) }
    }

    mutating func addMissingEpisode(on day: LocalDate) {
        let offered = rng.unit()
        let offeredCode = offered < 0.85 ? "Y" : offered < 0.95 ? "N" : "NA"
        let accepted = offeredCode == "Y" ? (rng.chance(0.6) ? "Y" : "N") : "NA"
        child.missing.append(
            SimulatedChild.MissingEpisode(
                id: numbers.take(.missing), start: day, end: day.adding(days: rng.chance(0.5) ? 0 : rng.int(in: 1...4)),
                isMissing: rng.chance(0.55), returnInterviewOffered: offeredCode, returnInterviewAccepted: accepted))
    }
}
