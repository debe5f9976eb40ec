import OversightCore

extension ExtractWriter {
    // MARK: Contacts and early help

    func writeFrontDoor(_ child: SimulatedChild) {
        for contact in child.contacts where contact.date >= windowStart {
            var flags: [(String, Bool?)] = [
                ("NEW_REFERRAL_FLAG", contact.outcome == .newReferral || contact.outcome == .cpEnquiry),
                ("EXISTING_REFERRAL_FLAG", contact.outcome == .existingReferral),
                ("CP_ENQUIRY_FLAG", contact.outcome == .cpEnquiry), ("NFA_FLAG", contact.outcome == .nfa),
                ("NON_AGENCY_ADOPTION_FLAG", false), ("PRIVATE_FOSTERING_FLAG", contact.outcome == .privateFostering),
                ("ADVICE_FLAG", contact.outcome == .advice), ("MISSING_FLAG", false), ("OLA_CP_FLAG", false),
            ]
            flags.append(("OTHER_OUTCOMES_EXIST_FLAG", contact.outcome == .earlyHelp))
            var cells: [Cell] = [
                .number(contact.id), .text(personID), .datetime(contact.date), .text(contact.source.rawValue),
                text.optionalText(contact.source.label), text.outcomeJSON(flags: flags, countKey: "NUMBER_OF_OUTCOMES"),
            ]
            var mark: DirtMark?
            if structuralDue(.impossibleDate) {
                cells[2] = .text(impossibleDate(near: contact.date))
                mark = DirtMark(kind: .impossibleDate, column: "cont_contact_date", explanation: "is not a real date")
            } else if structuralDue(.unknownPerson) {
                cells[1] = .text(unknownPersonID())
                mark = DirtMark(kind: .unknownPerson, column: "cont_person_id", explanation: "is not a pers_person_id in ssd_person")
            }
            emit(.contacts, cells, mark)
        }
        for episode in child.earlyHelp where (episode.end ?? windowStart) >= windowStart {
            emit(
                .earlyHelpEpisodes,
                [
                    .number(episode.id), .text(personID), .datetime(episode.start), episode.end.map(Cell.datetime) ?? .empty,
                    .text(episode.reason), episode.endReason.map(Cell.text) ?? .empty, text.optionalText(episode.organisation),
                    .text("SSD_PH"),
                ])
        }
    }

    // MARK: Referrals and everything inside them

    /// Writes the child-in-need tables and returns which referrals were written, for involvements.
    ///
    /// A referral is kept when it starts in the window, is still open, or was still open at the window
    /// start: the last keeps every plan, assessment and episode in the window able to name its referral.
    /// Records inside a referral follow their own SSD filters (assessments by authorisation date, plans
    /// and enquiries by end date, conferences by date) plus anything a kept record points to.
    func writeChildInNeed(_ child: SimulatedChild) -> [Bool] {
        var emitted: [Bool] = []
        let allPlans = child.referrals.flatMap { referral in referral.cpPlans.map { (referral.id, $0) } }
        for referral in child.referrals {
            let keep = referral.date >= windowStart || (referral.close ?? windowStart) >= windowStart
            emitted.append(keep)
            guard keep else { continue }
            writeReferral(referral, child: child)
            for assessment in referral.assessments where (assessment.authorised ?? windowStart) >= windowStart {
                writeAssessment(assessment, referral: referral)
            }
            for plan in referral.cinPlans where (plan.end ?? windowStart) >= windowStart {
                emit(
                    .cinPlans,
                    [
                        .number(plan.id), .number(referral.id), .text(personID), .datetime(plan.start),
                        plan.end.map(Cell.datetime) ?? .empty, .number(workforce.teams[plan.team].id),
                        text.workerReference(String(workforce.members[plan.worker].id)),
                    ])
                writeVisits(plan.visits, table: .cinVisits, child: child)
            }
            writeProtection(referral, child: child, allPlans: allPlans)
        }
        return emitted
    }

    private func writeReferral(_ referral: SimulatedChild.Referral, child: SimulatedChild) {
        let flags: [(String, Bool?)] = [
            ("SINGLE_ASSESSMENT_FLAG", !referral.assessments.isEmpty),
            ("STRATEGY_DISCUSSION_FLAG", !referral.enquiries.isEmpty), ("CLA_REQUEST_FLAG", referral.requestedCare),
            ("NON_AGENCY_ADOPTION_FLAG", false), ("PRIVATE_FOSTERING_FLAG", false), ("CP_TRANSFER_IN_FLAG", false),
            ("CP_CONFERENCE_FLAG", !referral.conferences.isEmpty), ("CARE_LEAVER_FLAG", false),
            ("OTHER_OUTCOMES_EXIST_FLAG", false),
        ]
        var cells: [Cell] = [
            .number(referral.id), .text(personID), .datetime(referral.date), .text(referral.need.rawValue),
            .text(referral.source.rawValue), text.optionalText(referral.source.label),
            text.outcomeJSON(flags: flags, countKey: "NUMBER_OF_OUTCOMES"), .text(referral.isNFA ? "Y" : "N"),
            referral.closeReason.map { .text($0.rawValue) } ?? .empty, referral.close.map(Cell.datetime) ?? .empty,
            .number(workforce.teams[referral.team].id), text.workerReference(workforce.members[referral.worker].name),
        ]
        var mark: DirtMark?
        if let close = referral.close, dirtDue(0.01) {
            cells[9] = .datetime(referral.date.adding(days: -dirtRNG.int(in: 1...30)))
            mark = DirtMark(
                kind: .referralClosedBeforeOpened, column: "cine_close_date",
                explanation: "is before the referral date \(referral.date) (really closed \(close))")
        } else if !referral.isNFA, dirtDue(0.01) {
            cells[3] = .empty
            mark = DirtMark(kind: .missingPrimaryNeed, column: "cine_cin_primary_need_code", explanation: "primary need code is missing")
        }
        emit(.cinEpisodes, cells, mark)
        if mark == nil, dirtDue(0.01) {
            // The same referral keyed twice, as happens when a contact is progressed twice.
            extraRows += 1
            cells[0] = .number(49_000_000 + extraRows)
            emit(
                .cinEpisodes, cells,
                DirtMark(
                    kind: .duplicateReferral, column: "cine_referral_date",
                    explanation: "duplicates referral \(referral.id) for the same child on the same day"))
        }
    }

    private func writeAssessment(_ assessment: SimulatedChild.Assessment, referral: SimulatedChild.Referral) {
        let open = assessment.authorised == nil
        func flag(_ value: Bool) -> Bool? { open ? nil : value }
        let afterEnquiry = !referral.enquiries.isEmpty
        let flags: [(String, Bool?)] = [
            ("NFA_FLAG", flag(assessment.isNFA)),
            ("NFA_S47_END_FLAG", flag(assessment.isNFA && afterEnquiry)),
            ("STRATEGY_DISCUSSION_FLAG", flag(afterEnquiry)), ("CLA_REQUEST_FLAG", flag(assessment.requestsCare)),
            ("PRIVATE_FOSTERING_FLAG", flag(false)), ("LEGAL_ACTION_FLAG", flag(assessment.requestsCare)),
            ("PROV_OF_SERVICES_FLAG", flag(assessment.leadsToServices)), ("PROV_OF_SB_CARE_FLAG", flag(false)),
            ("SPECIALIST_ASSESSMENT_FLAG", flag(false)),
            ("REFERRAL_TO_OTHER_AGENCY_FLAG", flag(assessment.isNFA && assessment.factors.count > 1)),
            ("OTHER_ACTIONS_FLAG", flag(false)), ("OTHER_OUTCOMES_EXIST_FLAG", flag(false)),
        ]
        var cells: [Cell] = [
            .number(assessment.id), .text(personID), .number(referral.id), .datetime(assessment.start),
            text.yesNo(assessment.childSeen),
            // SystemC writes 1900-01-01 when the assessment has no authorisation date yet.
            .datetime(assessment.authorised ?? LocalDate(year: 1900, month: 1, day: 1)!),
            text.outcomeJSON(flags: flags, countKey: "TOTAL_NO_OF_OUTCOMES"),
            open ? .empty : .text(assessment.isNFA ? "Y" : "N"), .number(workforce.teams[assessment.team].id),
            text.workerReference(String(workforce.members[assessment.worker].id)),
        ]
        var mark: DirtMark?
        if !open, dirtDue(0.015) {
            cells[5] = .datetime(assessment.start.adding(days: -dirtRNG.int(in: 1...20)))
            mark = DirtMark(
                kind: .assessmentAuthorisedBeforeStart, column: "cina_assessment_auth_date",
                explanation: "is before the assessment start \(assessment.start)")
        }
        emit(.cinAssessments, cells, mark)
        if !open {
            let codes = assessment.factors.map { "\"" + $0.rawValue + "\"" }.joined(separator: ",")
            emit(.assessmentFactors, [.number(assessment.factorRowID), .number(assessment.id), .text("[" + codes + "]")])
        }
    }

    /// Visit case notes for one plan; `cla` is the period of care for `ssd_cla_visits`.
    func writeVisits(_ visits: [SimulatedChild.Visit], table: SSDTable, child: SimulatedChild, plan: Int? = nil, cla: Int? = nil) {
        for visit in visits where visit.date >= windowStart {
            var cells: [Cell]
            let dateColumn: String
            let personColumn: String
            switch table {
            case .cinVisits:
                cells = [
                    .number(visit.id), .text(personID), .datetime(visit.date), text.yesNo(visit.seen),
                    text.yesNo(visit.seenAlone), text.yesNo(visit.bedroomSeen),
                ]
                dateColumn = "cinv_cin_visit_date"
                personColumn = "cinv_person_id"
            case .cpVisits:
                cells = [
                    .number(visit.id), .text(personID), plan.map(Cell.number) ?? .empty, .datetime(visit.date),
                    text.yesNo(visit.seen), text.yesNo(visit.seenAlone), text.yesNo(visit.bedroomSeen),
                ]
                dateColumn = "cppv_cp_visit_date"
                personColumn = "cppv_person_id"
            default:
                cells = [
                    .number(visit.id), .number(cla ?? 0), .text(personID), .datetime(visit.date), text.yesNo(visit.seen),
                    text.yesNo(visit.seenAlone),
                ]
                dateColumn = "clav_cla_visit_date"
                personColumn = "clav_person_id"
            }
            var mark: DirtMark?
            if structuralDue(.impossibleDate) {
                cells[table.index(of: dateColumn)] = .text(impossibleDate(near: visit.date))
                mark = DirtMark(kind: .impossibleDate, column: dateColumn, explanation: "is not a real date")
            } else if structuralDue(.unknownPerson) {
                cells[table.index(of: personColumn)] = .text(unknownPersonID())
                mark = DirtMark(kind: .unknownPerson, column: personColumn, explanation: "is not a pers_person_id in ssd_person")
            } else if let birth = child.dateOfBirth, dirtDue(0.01) {
                cells[table.index(of: dateColumn)] = .datetime(birth.adding(days: -dirtRNG.int(in: 10...200)))
                mark = DirtMark(kind: .visitBeforeBirth, column: dateColumn, explanation: "is before the child's date of birth \(birth)")
            }
            emit(table, cells, mark)
        }
    }

    // MARK: Child protection

    private func writeProtection(
        _ referral: SimulatedChild.Referral, child: SimulatedChild, allPlans: [(Int, SimulatedChild.ChildProtectionPlan)]
    ) {
        let keptPlans = referral.cpPlans.map { ($0.end ?? windowStart) >= windowStart }
        let keptConferences = referral.conferences.map { conference in
            conference.date >= windowStart || conference.plan.map { keptPlans[$0] } ?? false
        }
        for (position, enquiry) in referral.enquiries.enumerated() {
            let leadsToKeptConference = referral.conferences.indices.contains {
                referral.conferences[$0].enquiry == position && keptConferences[$0]
            }
            guard (enquiry.end ?? windowStart) >= windowStart || leadsToKeptConference else { continue }
            let open = enquiry.end == nil
            let nfa = !enquiry.conferenceNeeded && (referral.assessments.first?.isNFA ?? false)
            let flags: [(String, Bool?)] = [
                ("NFA_FLAG", open ? nil : nfa), ("LEGAL_ACTION_FLAG", open ? nil : false),
                ("PROV_OF_SERVICES_FLAG", open ? nil : !nfa && !enquiry.conferenceNeeded),
                ("PROV_OF_SB_CARE_FLAG", open ? nil : false), ("CP_CONFERENCE_FLAG", open ? nil : enquiry.conferenceNeeded),
                ("NFA_CONTINUE_SINGLE_FLAG", open ? nil : !nfa && !enquiry.conferenceNeeded),
                ("MONITOR_FLAG", open ? nil : false), ("OTHER_OUTCOMES_EXIST_FLAG", open ? nil : false),
            ]
            emit(
                .s47Enquiry,
                [
                    .number(enquiry.id), .number(referral.id), .text(personID), .datetime(enquiry.start),
                    enquiry.end.map(Cell.datetime) ?? .empty, open ? .empty : .text(nfa ? "Y" : "N"),
                    text.outcomeJSON(flags: flags, countKey: "TOTAL_NO_OF_OUTCOMES", commentKey: "OUTCOME_COMMENTS"),
                    .number(workforce.teams[enquiry.team].id), text.workerReference(workforce.members[enquiry.worker].staffID),
                ])
        }
        for (position, conference) in referral.conferences.enumerated() where keptConferences[position] {
            let planID = conference.plan.map { referral.cpPlans[$0].id }
            let flags: [(String, Bool?)] = [
                ("NFA_FLAG", planID == nil), ("REFERRAL_TO_OTHER_AGENCY_FLAG", false), ("SINGLE_ASSESSMENT_FLAG", false),
                ("PROV_OF_SERVICES_FLAG", planID == nil), ("CP_FLAG", planID != nil), ("OTHER_OUTCOMES_EXIST_FLAG", false),
            ]
            emit(
                .initialCPConference,
                [
                    .number(conference.id), .number(conference.meetingID),
                    conference.enquiry.map { .number(referral.enquiries[$0].id) } ?? .empty, .text(personID),
                    planID.map(Cell.number) ?? .empty, .number(referral.id), .text("N"), .datetime(conference.target),
                    .datetime(conference.date), .text(planID == nil ? "N" : "Y"),
                    text.outcomeJSON(flags: flags, countKey: "TOTAL_NO_OF_OUTCOMES"),
                    .number(workforce.teams[conference.team].id),
                    text.workerReference(workforce.members[conference.worker].staffID),
                ])
        }
        for (position, plan) in referral.cpPlans.enumerated() where keptPlans[position] {
            var cells: [Cell] = [
                .number(plan.id), .number(referral.id), .number(referral.conferences[plan.conference].id), .text(personID),
                .datetime(plan.start), plan.end.map(Cell.datetime) ?? .empty, .text("N"), .text(text.coded(plan.initialCategory)),
                .text(text.coded(plan.latestCategory)),
            ]
            var mark: DirtMark?
            if let end = plan.end {
                let later = allPlans.first { $0.1.start > end }
                if let later, later.1.start.adding(days: 7) < options.extractDate, dirtDue(0.1) {
                    let overlapEnd = min(later.1.start.adding(days: dirtRNG.int(in: 7...60)), options.extractDate)
                    cells[5] = .datetime(overlapEnd)
                    mark = DirtMark(
                        kind: .overlappingProtectionPlans, column: "cppl_cp_plan_end_date",
                        explanation: "runs past the start of the child's next plan \(later.1.id) on \(later.1.start)")
                } else if dirtDue(0.015) {
                    cells[5] = .datetime(plan.start.adding(days: -dirtRNG.int(in: 1...30)))
                    mark = DirtMark(
                        kind: .protectionPlanEndsBeforeStart, column: "cppl_cp_plan_end_date",
                        explanation: "is before the plan start \(plan.start)")
                }
            }
            emit(.cpPlans, cells, mark)
            for visit in plan.visits where visit.date >= windowStart {
                let linked = !plan.unlinkedVisits.contains(visit.id)
                writeVisits([visit], table: .cpVisits, child: child, plan: linked ? plan.id : nil)
            }
            for review in plan.reviews where review.date >= windowStart {
                let quorate = text.rng.chance(0.95) ? "Yes" : "No"
                emit(
                    .cpReviews,
                    [
                        .number(review.id), .text(personID), .number(plan.id), .datetime(review.due), .datetime(review.date),
                        .number(review.meetingID), text.yesNo(review.continuePlan), text.optionalText(quorate),
                        review.participation.map { .text($0.rawValue) } ?? .empty,
                    ])
            }
        }
    }
}
