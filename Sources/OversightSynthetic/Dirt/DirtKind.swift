/// The errors `--dirt` injects, each a mistake councils' data actually contains.
///
/// `semantic:` errors are valid rows with wrong facts: a statutory validator flags them, and an importer
/// must still store them. `structural:` errors make a row unreadable as what it claims to be: an
/// importer must reject that row, and only that row, so they are placed on rows nothing else refers to.
enum DirtKind: String, CaseIterable, Sendable {
    case assessmentAuthorisedBeforeStart = "semantic:assessment-authorised-before-start"
    case referralClosedBeforeOpened = "semantic:referral-closed-before-opened"
    case protectionPlanEndsBeforeStart = "semantic:cp-plan-ends-before-start"
    case missingPrimaryNeed = "semantic:missing-primary-need"
    case duplicateReferral = "semantic:duplicate-referral"
    case gapAfterX1 = "semantic:episode-gap-after-x1"
    case visitBeforeBirth = "semantic:visit-before-birth"
    case wrongUPNCheckLetter = "semantic:upn-check-letter"
    case overlappingProtectionPlans = "semantic:overlapping-cp-plans"
    case involvementEndsBeforeStart = "semantic:involvement-ends-before-start"

    case impossibleDate = "structural:impossible-date"
    case unknownPerson = "structural:unknown-person"
    case unknownCode = "structural:unknown-code"
    case unknownLegalStatus = "structural:unknown-legal-status"
    case nonNumericFTE = "structural:non-numeric-fte"

    var isStructural: Bool { rawValue.hasPrefix("structural:") }
}

/// One injected error: which column of the row is wrong and why.
struct DirtMark {
    var kind: DirtKind
    var column: String
    /// Why the value is wrong; the manifest prefixes it with the value itself.
    var explanation: String
}
