import OversightCore

extension ExtractWriter {
    func writeLookedAfter(_ child: SimulatedChild) {
        // SystemC repeats the person's latest IRO contact on every episode (ssd.md §5.2).
        let lastIROContact = child.periods.flatMap(\.reviews).filter { !$0.cancelled }.map(\.date).max()
        for period in child.periods {
            for spell in period.legalStatuses where (spell.end ?? windowStart) >= windowStart {
                var cells: [Cell] = [
                    .number(spell.id), .text(personID), .text(text.coded(spell.status)), .datetime(spell.start),
                    spell.end.map(Cell.datetime) ?? .empty,
                ]
                var mark: DirtMark?
                if structuralDue(.unknownLegalStatus) {
                    cells[2] = .text(
                        dirtRNG.element(of: ["Interim care ord. (local)", "S20 vol accom - legacy", "Care order (old code 4)"]))
                    mark = DirtMark(
                        kind: .unknownLegalStatus, column: "lega_legal_status",
                        explanation: "is not a legal status description any mapping knows")
                }
                emit(.legalStatus, cells, mark)
            }
            for (position, episode) in period.episodes.enumerated() where (episode.ceased ?? windowStart) >= windowStart {
                var cells: [Cell] = [
                    .number(episode.id), .text(personID), .number(period.placements[episode.placement].id),
                    .datetime(episode.start), .text(text.coded(episode.reasonNew)), .text(period.need.rawValue),
                    episode.ceased.map(Cell.datetime) ?? .empty,
                    episode.reasonCeased.map { .text(text.coded($0)) } ?? .empty, .number(period.id),
                    .number(child.referrals[period.referral].id), lastIROContact.map(Cell.datetime) ?? .empty,
                    .datetime(period.entered),
                ]
                var mark: DirtMark?
                if episode.reasonCeased == .x1, let ceased = episode.ceased, position + 1 < period.episodes.count,
                    episode.start.days(to: ceased) >= 2, dirtDue(0.015)
                {
                    let next = period.episodes[position + 1].start
                    let gap = dirtRNG.int(in: 1...min(14, episode.start.days(to: ceased) - 1))
                    cells[6] = .datetime(ceased.adding(days: -gap))
                    mark = DirtMark(
                        kind: .gapAfterX1, column: "clae_cla_episode_ceased_date",
                        explanation: "ended X1 but the next episode starts later, on \(next)")
                }
                emit(.claEpisodes, cells, mark)
            }
            var duplicateWritten = false
            for placement in period.placements where (placement.end ?? windowStart) >= windowStart {
                var cells: [Cell] = [
                    .number(placement.id), .number(period.id), .text(personID), .datetime(placement.start),
                    .text(placement.type.rawValue), placement.urn.map(Cell.text) ?? .empty, .text(placement.distance.oneDecimal),
                    placement.provider.map { .text($0.rawValue) } ?? .empty, .text(placement.postcode),
                    placement.end.map(Cell.datetime) ?? .empty, placement.changeReason.map { .text($0.rawValue) } ?? .empty,
                ]
                emit(.claPlacement, cells)
                if !duplicateWritten, structuralDue(.unknownPlacementType) {
                    // A second record of the same placement keyed with a mistyped code: no episode
                    // points at it, so rejecting it loses nothing else.
                    duplicateWritten = true
                    extraRows += 1
                    cells[0] = .number(89_000_000 + extraRows)
                    cells[4] = .text("Q9")
                    emit(
                        .claPlacement, cells,
                        DirtMark(kind: .unknownCode, column: "clap_cla_placement_type", explanation: "is not a placement type code"))
                }
            }
            for review in period.reviews where review.date >= windowStart {
                emit(
                    .claReviews,
                    [
                        .number(review.id), .number(period.id), .text(personID), .datetime(review.due), .datetime(review.date),
                        text.yesNo(review.cancelled), .text(review.participation.rawValue),
                    ])
            }
            writeVisits(period.visits, table: .claVisits, child: child, cla: period.id)
        }
        for episode in child.missing where episode.start >= windowStart {
            var cells: [Cell] = [
                .number(episode.id), .text(personID), .datetime(episode.start), .text(episode.isMissing ? "Missing" : "Away"),
                episode.end.map(Cell.datetime) ?? .empty, .text(episode.returnInterviewOffered),
                .text(episode.returnInterviewAccepted),
            ]
            var mark: DirtMark?
            if structuralDue(.unknownPerson) {
                cells[1] = .text(unknownPersonID())
                mark = DirtMark(kind: .unknownPerson, column: "miss_person_id", explanation: "is not a pers_person_id in ssd_person")
            }
            emit(.missing, cells, mark)
        }
        if let leaver = child.careLeaver {
            emit(
                .careLeavers,
                [
                    .number(leaver.id), .text(personID), .text(leaver.eligibility), .text(leaver.inTouch.rawValue),
                    leaver.latestContact.map(Cell.datetime) ?? .empty,
                    leaver.accommodation.map { .text(text.coded($0)) } ?? .empty,
                    leaver.suitable.map { .text($0 ? "Suitable" : "Unsuitable") } ?? .empty,
                    leaver.activity.map { .text(text.coded($0)) } ?? .empty,
                    // SystemC writes 1900-01-01 when there is no pathway plan review.
                    .datetime(leaver.pathwayPlanReview ?? LocalDate(year: 1900, month: 1, day: 1)!),
                    leaver.personalAdviser.map { .number(workforce.members[$0].id) } ?? .empty,
                    leaver.caseWorkerTeam.map { .number(workforce.teams[$0].id) } ?? .empty,
                    leaver.caseWorker.map { .number(workforce.members[$0].id) } ?? .empty,
                ])
        }
    }

    func writeInvolvements(_ child: SimulatedChild, emittedReferrals: [Bool]) {
        let census = caseloadCensus
        let sixYearsBefore = census.adding(years: -6)
        for involvement in child.involvements where (involvement.end ?? windowStart) >= windowStart {
            if involvement.role == .caseWorker, involvement.start <= census, involvement.start >= sixYearsBefore,
                (involvement.end.map { $0 > census } ?? true)
            {
                caseloads[involvement.worker] += 1
            }
            let referral = involvement.referral.flatMap { emittedReferrals[$0] ? child.referrals[$0].id : nil }
            var cells: [Cell] = [
                .number(involvement.id), .number(workforce.members[involvement.worker].id), .text(involvement.role.rawValue),
                .number(workforce.teams[involvement.team].id), .text(personID), .datetime(involvement.start),
                involvement.end.map(Cell.datetime) ?? .empty, involvement.changeReason.map { .text($0.rawValue) } ?? .empty,
                referral.map(Cell.number) ?? .empty,
            ]
            var mark: DirtMark?
            if let end = involvement.end, end > involvement.start, dirtDue(0.01) {
                cells[6] = .datetime(involvement.start.adding(days: -dirtRNG.int(in: 1...30)))
                mark = DirtMark(
                    kind: .involvementEndsBeforeStart, column: "invo_involvement_end_date",
                    explanation: "is before the involvement start \(involvement.start)")
            }
            emit(.involvements, cells, mark)
        }
    }
}
