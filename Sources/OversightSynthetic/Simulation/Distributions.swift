import OversightCore

/// The mixes the synthetic authority draws codes from, set to national shapes (CIN and CLA statistics,
/// kpis.md) so that breakdowns by source, need or placement look like a real council's.
enum Distributions {
    /// Referral sources: police and schools dominate, as in CIN census table C2.
    static let referralSource = WeightedChoice<ReferralSource>([
        (.police, 29), (.schools, 19), (.educationServices, 2), (.gp, 3), (.healthVisitor, 3), (.schoolNurse, 1),
        (.otherPrimaryHealth, 1), (.accidentAndEmergency, 3), (.otherHealth, 3), (.housing, 2), (.laSocialCare, 7),
        (.otherInternalLA, 3), (.otherLA, 3), (.earlyHelp, 2), (.family, 5), (.acquaintance, 1), (.selfReferral, 2),
        (.otherIndividual, 1), (.otherLegalAgency, 3), (.other, 4), (.anonymous, 2), (.unknown, 1),
    ])

    /// Primary need at assessment: abuse or neglect is over half of children in need.
    static let categoryOfNeed = WeightedChoice<CategoryOfNeed>([
        (.n1, 55), (.n2, 3), (.n3, 4), (.n4, 8), (.n5, 14), (.n6, 3), (.n7, 0.5), (.n8, 6), (.n9, 1), (.n0, 2),
    ])

    /// Category of need at entry to care (N1–N8 only, per the 903).
    static let careNeed = WeightedChoice<CategoryOfNeed>([
        (.n1, 66), (.n2, 3), (.n3, 3), (.n4, 7), (.n5, 13), (.n6, 2), (.n7, 0.5), (.n8, 6),
    ])

    static let categoryOfAbuse = WeightedChoice<CategoryOfAbuse>([
        (.neglect, 48), (.emotional, 37), (.physical, 7), (.sexual, 4), (.multiple, 4),
    ])

    /// Ethnicity, about 60% White British as the brief's recipe and Buckinghamshire's population suggest.
    static let ethnicity = WeightedChoice<Ethnicity>([
        (.wbri, 60), (.wiri, 0.5), (.woth, 6), (.wirt, 0.4), (.wrom, 0.6), (.mwbc, 3), (.mwba, 1.2), (.mwas, 2),
        (.moth, 2.5), (.aind, 1.5), (.apkn, 6), (.aban, 1), (.aoth, 1.5), (.bcrb, 1.5), (.bafr, 3), (.both, 1),
        (.chne, 0.3), (.ooth, 2), (.refu, 0.5), (.nobt, 5.5),
    ])

    /// Factors recorded at the end of assessment (CIN census table C3 shape).
    static let assessmentFactor = WeightedChoice<AssessmentFactor>([
        (.f3B, 18), (.f4B, 16), (.f16A, 8), (.f17A, 8), (.f2B, 7), (.f1B, 5), (.f18C, 5), (.f4A, 6), (.f15A, 3),
        (.f24A, 2), (.f11A, 1.5), (.f10A, 2), (.f5A, 2), (.f6A, 1), (.f3A, 3), (.f14A, 2), (.f20, 5), (.f19C, 1.5),
        (.f13A, 1), (.f9A, 1), (.f7A, 1), (.f5B, 1.5), (.f6B, 1.5), (.f3C, 1), (.f18B, 1), (.f19B, 0.5), (.f22A, 0.2),
        (.f23A, 0.2), (.f12A, 0.3), (.f2A, 1), (.f1A, 0.5),
    ])

    static let placementChangeReason = WeightedChoice<ReasonPlacementChange>([
        (.carePlan, 35), (.carerRequestBehaviour, 12), (.carerRequestOther, 10), (.childRequest, 6),
        (.localAuthorityRequest, 10), (.allegation, 3), (.standards, 3), (.closure, 5), (.approvalRemoved, 2),
        (.statusChangeOnly, 4), (.other, 10),
    ])

    static let workerChangeReason = WeightedChoice<WorkerChangeReason>([
        (.managingCaseloads, 30), (.previousWorkerLeft, 30), (.absence, 9), (.restructure, 5), (.standardTransfer, 8),
        (.childRequest, 3), (.parentRequest, 4), (.other, 11), (.previousWorkerDied, 0.05),
    ])

    static let reviewParticipation = WeightedChoice<ReviewParticipation>([
        (.pn1, 48), (.pn2, 6), (.pn3, 6), (.pn4, 5), (.pn5, 9), (.pn6, 16), (.pn7, 10),
    ])

    static let careLeaverAccommodation = WeightedChoice<CareLeaverAccommodation>([
        (.u, 30), (.d, 20), (.z, 12), (.b, 12), (.e, 8), (.k, 4), (.c, 2), (.t, 2), (.y, 3), (.r, 2), (.x, 1.5),
        (.s, 1), (.v, 1), (.w, 0.5), (.g, 0.5), (.h, 0.1),
    ])

    static let careLeaverActivity = WeightedChoice<CareLeaverActivity>([
        (.f1, 6), (.p1, 1), (.f2, 25), (.p2, 5), (.f4, 4), (.p4, 1), (.f5, 10), (.p5, 5), (.g4, 8), (.g5, 28), (.g6, 7),
    ])

    static let careLeaverContact = WeightedChoice<CareLeaverContact>([
        (.yes, 88), (.no, 5), (.refused, 3), (.noLongerRequired, 2.5), (.returnedHome, 1.3), (.died, 0.2),
    ])

    static let earlyHelpReasons = [
        "Parenting support", "School attendance", "Domestic abuse", "Emotional wellbeing", "Housing",
        "Child behaviour", "Parental mental health", "Substance misuse in household", "Young carer support",
    ]
    static let earlyHelpEndReasons = [
        "Outcomes achieved", "Outcomes achieved", "Outcomes achieved", "Family disengaged", "Moved out of area",
        "No further action", "Transferred to universal services",
    ]
    static let earlyHelpOrganisations = [
        "Family Support Service", "Early Help Hub", "School", "Family Centre", "Youth Service", "Health Visiting",
    ]

    static let nationalities = ["British", "British", "British", "British", "Polish", "Romanian", "Pakistani", "Indian", "Nigerian"]
    static let asylumNationalities = ["Afghan", "Eritrean", "Sudanese", "Iranian", "Albanian", "Syrian", "Vietnamese"]
}
