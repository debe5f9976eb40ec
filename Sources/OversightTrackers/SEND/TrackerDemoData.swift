import OversightCore

/// Made-up tracker records for the demo authority, from the same seed every time.
///
/// IRO review records follow the authority's real (synthetic) looked-after and CP reviews; escalations are raised
/// on some of those children; SEND requests, annual reviews and waiting lists are spread over other children, with
/// waits shaped like seed 003's SEND inspection (autism and ADHD averaging well over a year).
public struct TrackerDemoData: Sendable {
    public struct ChairedReview: Sendable {
        public var id: String
        public var child: Identifier<Child>
        public var kind: IROReviewKind
        public var heldOn: LocalDate

        public init(id: String, child: Identifier<Child>, kind: IROReviewKind, heldOn: LocalDate) {
            self.id = id
            self.child = child
            self.kind = kind
            self.heldOn = heldOn
        }
    }

    public var escalations: [Escalation] = []
    public var reviewRecords: [IROReviewRecord] = []
    public var assessments: [EHCNeedsAssessment] = []
    public var annualReviews: [EHCAnnualReview] = []
    public var referrals: [WaitingListReferral] = []

    static let iros = ["IRO Ayesha Khan", "IRO Tom Fletcher", "IRO Grace Adeyemi", "IRO Ben Walsh", "IRO Priya Nair"]

    public init(
        reviews: [ChairedReview], children: [Identifier<Child>], asOf: LocalDate, seed: UInt64 = 10,
        calendar: WorkingDayCalendar = .englandAndWales
    ) {
        var random = SplitMix64(state: seed)
        let recent = reviews.filter { $0.heldOn <= asOf && $0.heldOn > asOf.adding(years: -2) }
        for review in recent {
            let lag = Int.random(in: 0...100, using: &random)
            let days = lag < 70 ? Int.random(in: 0...5, using: &random) : lag < 95 ? Int.random(in: 6...15, using: &random) : -1
            let recorded = days < 0 ? nil : calendar.addingWorkingDays(days, to: review.heldOn)
            reviewRecords.append(IROReviewRecord(
                id: Identifier(review.id), child: review.child, kind: review.kind, heldOn: review.heldOn,
                decisionsRecordedOn: recorded.flatMap { $0 <= asOf ? $0 : nil }, chairedBy: Self.iros[Int(random.next() % 5)]))
        }
        let lookedAfter = recent.filter { $0.kind == .lookedAfter }
        for (number, review) in lookedAfter.enumerated() where Int.random(in: 0..<100, using: &random) < 6 {
            escalations.append(Self.escalation(number: number, about: review, asOf: asOf, random: &random, calendar: calendar))
        }
        let pool = children.shuffled(using: &random)
        var next = pool.makeIterator()
        for number in 0..<min(400, pool.count / 4) {
            guard let child = next.next() else { break }
            let received = asOf.adding(days: -Int.random(in: 0...1095, using: &random))
            assessments.append(Self.assessment(number: number, child: child, received: received, asOf: asOf, random: &random))
        }
        for assessment in assessments {
            guard let issued = assessment.finalPlanIssuedOn else { continue }
            // A plan is reviewed every 12 months from issue; the demo holds those due up to two months ahead.
            for year in 1...3 {
                let due = issued.adding(months: 12 * year)
                guard due <= asOf.adding(days: 60) else { break }
                let heldOn = due <= asOf && Int.random(in: 0..<100, using: &random) < 80
                    ? due.adding(days: Int.random(in: -14...30, using: &random)) : nil
                let held = heldOn.flatMap { $0 <= asOf ? $0 : nil }
                let outcome: AnnualReviewOutcome? = held == nil ? nil : Int.random(in: 0..<100, using: &random) < 60 ? .amend : .maintain
                let amendments = outcome == .amend ? held!.adding(days: Int.random(in: 7...120, using: &random)) : nil
                annualReviews.append(EHCAnnualReview(
                    id: Identifier(String(format: "AR%05d", annualReviews.count)), child: assessment.child, dueOn: due, heldOn: held,
                    outcome: outcome, amendmentsIssuedOn: amendments.flatMap { $0 <= asOf ? $0 : nil }))
            }
        }
        for number in 0..<min(900, pool.count / 3) {
            guard let child = next.next() else { break }
            let pathway = AssessmentPathway.allCases[Int.random(in: 0..<100, using: &random) % 5]
            let typical: ClosedRange<Int> = switch pathway {
            case .autism, .adhd: Int.random(in: 0..<10, using: &random) == 0 ? 60...126 : 127...900
            case .communityPaediatrics: Int.random(in: 0..<8, using: &random) == 0 ? 60...126 : 127...560
            case .speechAndLanguageTherapy, .occupationalTherapy: 30...300
            }
            let referred = asOf.adding(days: -Int.random(in: 0...1000, using: &random))
            let seen = referred.adding(days: Int.random(in: typical, using: &random))
            let firstSeen = seen <= asOf ? seen : nil
            let outcomes: [WaitingListOutcome] = pathway == .autism || pathway == .adhd ? [.diagnosed, .notDiagnosed, .declined] : [.treatment, .discharged]
            referrals.append(WaitingListReferral(
                id: Identifier(String(format: "WL%05d", number)), child: child, pathway: pathway, referredOn: referred, firstSeenOn: firstSeen,
                outcome: firstSeen == nil ? nil : outcomes[Int(random.next() % UInt64(outcomes.count))]))
        }
    }

    static func escalation(
        number: Int, about review: ChairedReview, asOf: LocalDate, random: inout SplitMix64, calendar: WorkingDayCalendar
    ) -> Escalation {
        let concerns: [EscalationConcern] = [.permanenceDrift, .permanenceDrift, .visits, .planQuality, .health, .education, .placement, .contact]
        let concern = concerns[Int(random.next() % UInt64(concerns.count))]
        var raised = calendar.addingWorkingDays(Int.random(in: 1...5, using: &random), to: review.heldOn)
        var steps: [EscalationStep] = []
        var resolvedOn: LocalDate?
        for stage in EscalationStage.allCases where raised <= asOf {
            let due = EscalationProtocol.standard.responseDue(stage, raisedOn: raised, calendar: calendar)
            let took = calendar.addingWorkingDays(Int.random(in: 1...12, using: &random), to: raised)
            let responded = took <= asOf ? took : nil
            steps.append(EscalationStep(
                stage: stage, raisedOn: raised, escalatedTo: stage.defaultLevel, responseDue: due, respondedOn: responded,
                response: responded == nil ? nil : "Response from the \(stage.defaultLevel.lowercased())"))
            guard let responded else { break }
            // Past the director's response a dispute goes to Cafcass, outside this tracker: stage 3 always ends it here.
            if Int.random(in: 0..<100, using: &random) < 65 || stage == .formal3 {
                resolvedOn = responded
                break
            }
            raised = calendar.addingWorkingDays(1, to: responded)
        }
        let actions = [
            "Hold a permanence planning meeting within 4 weeks", "Complete the overdue statutory visit", "Update the care plan with the child's views",
            "Request the initial health assessment", "Convene a PEP meeting",
        ].shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))
        return Escalation(
            id: Identifier(String(format: "ESC%04d", number)), child: review.child, raisedBy: iros[Int(random.next() % 5)], concern: concern,
            steps: steps, actions: Array(actions), resolvedOn: resolvedOn, resolution: resolvedOn == nil ? nil : "Actions agreed and completed")
    }

    static func assessment(number: Int, child: Identifier<Child>, received: LocalDate, asOf: LocalDate, random: inout SplitMix64)
        -> EHCNeedsAssessment
    {
        func onOrBefore(_ date: LocalDate) -> LocalDate? { date <= asOf ? date : nil }
        let decidedOn = onOrBefore(received.adding(days: Int.random(in: 28...56, using: &random)))
        let roll = Int.random(in: 0..<100, using: &random)
        let decision: EHCAssessmentDecision? = decidedOn == nil ? .pending : roll < 78 ? .assess : roll < 95 ? .notAssess : .withdrawn
        var assessment = EHCNeedsAssessment(
            id: Identifier(String(format: "EHC%05d", number)), child: child, requestReceived: received, decision: decision, decisionOn: decidedOn,
            needTypes: [["ASD", "SEMH", "SLCN", "MLD", "SPLD"][Int(random.next() % 5)]])
        guard decision == .assess else { return assessment }
        // Most plans in 20 weeks, as the seed's inspection found; some late, a few under an exception.
        let finalDay = Int.random(in: 0..<100, using: &random) < 70 ? Int.random(in: 100...140, using: &random) : Int.random(in: 141...260, using: &random)
        assessment.draftPlanIssuedOn = onOrBefore(received.adding(days: finalDay - 28))
        if Int.random(in: 0..<100, using: &random) < 8 {
            assessment.decidedNotToIssueOn = onOrBefore(received.adding(days: min(finalDay, 112)))
            assessment.draftPlanIssuedOn = nil
        } else {
            assessment.finalPlanIssuedOn = onOrBefore(received.adding(days: finalDay))
            if finalDay > 140 && Int.random(in: 0..<100, using: &random) < 25 {
                let exceptions: [EHCTimescaleException] = [.exceptionalCircumstances, .institutionClosure, .missedAppointment]
                assessment.exception = exceptions[Int(random.next() % 3)]
            }
        }
        return assessment
    }
}
