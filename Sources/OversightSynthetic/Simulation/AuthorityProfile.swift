import OversightCore

/// The volumes and rates one authority size is built from.
///
/// Volumes are set for `small` (a Buckinghamshire-sized county, kpis.md CIN-01, CP-05, CLA-01) and
/// multiplied by `scale`; rates are the national ones (kpis.md CIN-02, CIN-03, CIN-07, CP-02) and do not
/// change with size, so every size has the same shape.
struct AuthorityProfile: Sendable {
    var scale: Double

    // Arrivals per year at `small`. First referrals, contacts-only children and pre-window entrants to
    // care are separate streams so each can be tuned against its own published figure.
    var referredChildrenPerYear = 3_300.0
    var contactOnlyChildrenPerYear = 4_400.0
    var legacyCareEntrantsPerYear = 235.0
    /// Share of all persons who are in the SSD cohort only through the CMS client flag.
    var cohortOnlyShare = 0.012

    // Front door.
    var referralNFA = 0.07
    var unbornAtReferral = 0.012
    var extraContactsPerReferral = 0.45
    /// Chance that a closed referral is followed by another within 12 months of its start.
    var reReferralWithinYear = 0.31
    /// Chance of a later re-referral, more than a year on.
    var reReferralLater = 0.16

    // Assessment and child protection.
    var section47 = 0.32
    var conferenceAfterSection47 = 0.40
    var planAfterConference = 0.88
    var assessmentNFA = 0.34
    var assessmentLate = 0.17
    var cinPlanAfterAssessment = 0.56
    var careDirectlyAfterAssessment = 0.042
    var careAfterProtectionPlan = 0.12
    var stepDownAfterProtectionPlan = 0.55
    var careAfterChildInNeedPlan = 0.03

    init(size: AuthoritySize) {
        switch size {
        case .tiny: scale = 1.0 / 40
        case .small: scale = 1
        case .england: scale = 120
        }
    }
}
