/// Legal status of a looked-after episode (SSDA903 `LS`).
public enum LegalStatus: String, CodeList {
    case c1 = "C1", c2 = "C2", d1 = "D1", e1 = "E1", v2 = "V2", v3 = "V3", v4 = "V4"
    case l1 = "L1", l2 = "L2", l3 = "L3", j1 = "J1", j2 = "J2", j3 = "J3"
    public static let listName = "LegalStatus"
    public var label: String {
        switch self {
        case .c1: "Interim care order"
        case .c2: "Full care order"
        case .d1: "Freeing order granted"
        case .e1: "Placement order granted"
        case .v2: "Single period of accommodation under section 20"
        case .v3: "Accommodated under an agreed series of short-term breaks, individual episodes"
        case .v4: "Accommodated under an agreed series of short-term breaks, agreement recorded"
        case .l1: "Under police protection"
        case .l2: "Emergency protection order"
        case .l3: "Child assessment order"
        case .j1: "Remanded to local authority accommodation or youth detention"
        case .j2: "Placed in local authority accommodation under PACE"
        case .j3: "Sentenced to a youth rehabilitation order with residence requirement"
        }
    }

    /// Short breaks (respite) are recorded but excluded from "looked after" counts.
    public var isShortBreak: Bool { self == .v3 || self == .v4 }
}

/// Reason for a new looked-after episode (SSDA903 `RNE`).
public enum ReasonNewEpisode: String, CodeList {
    case started = "S", legalStatusChange = "L", placementAndCarerChange = "P"
    case placementChangeSameCarer = "T", legalStatusAndPlacementChangeSameCarer = "U"
    case legalStatusPlacementAndCarerChange = "B"
    public static let listName = "ReasonNewEpisode"
    public var label: String {
        switch self {
        case .started: "Started to be looked after"
        case .legalStatusChange: "Change of legal status only"
        case .placementAndCarerChange: "Change of placement and carer(s) only"
        case .placementChangeSameCarer: "Change of placement but same carer(s)"
        case .legalStatusAndPlacementChangeSameCarer: "Change of legal status and placement, same carer(s)"
        case .legalStatusPlacementAndCarerChange: "Change of legal status and of placement and carer(s)"
        }
    }

    public var changesPlacement: Bool { self != .legalStatusChange && self != .started }
    public var changesLegalStatus: Bool {
        self == .legalStatusChange || self == .legalStatusAndPlacementChangeSameCarer
            || self == .legalStatusPlacementAndCarerChange
    }
}

/// Reason a looked-after episode ceased (SSDA903 `REC`).
public enum ReasonEpisodeCeased: String, CodeList {
    case x1 = "X1", e11 = "E11", e12 = "E12", e2 = "E2", e3 = "E3", e4A = "E4A", e4B = "E4B", e13 = "E13"
    case e41 = "E41", e45 = "E45", e46 = "E46", e47 = "E47", e48 = "E48", e5 = "E5", e6 = "E6", e7 = "E7"
    case e8 = "E8", e9 = "E9", e14 = "E14", e15 = "E15", e16 = "E16", e17 = "E17"
    public static let listName = "ReasonEpisodeCeased"
    public var label: String {
        switch self {
        case .x1: "Episode ceased and new episode begins on same day"
        case .e11: "Adopted: application unopposed"
        case .e12: "Adopted: consent dispensed with by the court"
        case .e2: "Died"
        case .e3: "Care taken over by another local authority"
        case .e4A: "Returned home as part of the care planning process"
        case .e4B: "Returned home not as part of the care planning process"
        case .e13: "Left care to live with parent(s) or relative(s) without parental responsibility"
        case .e41: "Residence order or child arrangements order granted"
        case .e45: "Special guardianship order: former foster carer who is a relative or friend"
        case .e46: "Special guardianship order: former foster carer, other"
        case .e47: "Special guardianship order: carer who is a relative or friend"
        case .e48: "Special guardianship order: other carer"
        case .e5: "Moved into independent living with formal support"
        case .e6: "Moved into independent living without formal support"
        case .e7: "Transferred to residential care funded by adult social care"
        case .e8: "Period of care ceased for any other reason"
        case .e9: "Sentenced to custody"
        case .e14: "Accommodation on remand ended"
        case .e15: "Age assessment found the child to be 18 or over"
        case .e16: "Child moved abroad"
        case .e17: "Aged 18 or over and remained with current carers (staying put)"
        }
    }

    /// Only `X1` continues the period of care; every other reason ends it.
    public var endsPeriodOfCare: Bool { self != .x1 }
    public var isAdoption: Bool { self == .e11 || self == .e12 }
    public var isSpecialGuardianship: Bool { [.e45, .e46, .e47, .e48].contains(self) }
}

/// Placement type (SSDA903 `PLACE`), including the 2025/26 additions K3 and Z11–Z14.
public enum PlacementType: String, CodeList {
    case a3 = "A3", a4 = "A4", a5 = "A5", a6 = "A6", h5 = "H5", k1 = "K1", k2 = "K2", k3 = "K3"
    case p1 = "P1", p2 = "P2", p3 = "P3", r1 = "R1", r2 = "R2", r3 = "R3", r5 = "R5", s1 = "S1"
    case t0 = "T0", t1 = "T1", t2 = "T2", t3 = "T3", t4 = "T4"
    case u1 = "U1", u2 = "U2", u3 = "U3", u4 = "U4", u5 = "U5", u6 = "U6"
    case z1 = "Z1", z11 = "Z11", z12 = "Z12", z13 = "Z13", z14 = "Z14"
    public static let listName = "PlacementType"
    public var label: String {
        switch self {
        case .a3: "Placed for adoption with consent with current foster carer"
        case .a4: "Placed for adoption with consent not with current foster carer"
        case .a5: "Placed for adoption with placement order with current foster carer"
        case .a6: "Placed for adoption with placement order not with current foster carer"
        case .h5: "Semi-independent living accommodation not subject to children's homes regulations"
        case .k1: "Secure children's home"
        case .k2: "Children's home"
        case .k3: "Registered supported accommodation"
        case .p1: "Placed with own parent(s) or other person(s) with parental responsibility"
        case .p2: "Independent living"
        case .p3: "Residential employment"
        case .r1: "Residential care home"
        case .r2: "NHS or health trust establishment"
        case .r3: "Family centre or mother and baby unit"
        case .r5: "Young offender institution"
        case .s1: "Residential school"
        case .t0: "Temporary move: any"
        case .t1: "Temporary move: hospital"
        case .t2: "Temporary move: child on holiday"
        case .t3: "Temporary move: carer on holiday"
        case .t4: "Temporary move: seven days or less, other"
        case .u1: "Foster placement with relative or friend: long term"
        case .u2: "Foster placement with relative or friend: fostering for adoption or concurrent planning"
        case .u3: "Foster placement with relative or friend: other"
        case .u4: "Foster placement with other foster carer: long term"
        case .u5: "Foster placement with other foster carer: fostering for adoption or concurrent planning"
        case .u6: "Foster placement with other foster carer: other"
        case .z1: "Other placement"
        case .z11: "Other placement (2025/26 Z11)"
        case .z12: "Other placement (2025/26 Z12)"
        case .z13: "Other placement (2025/26 Z13)"
        case .z14: "Other placement (2025/26 Z14)"
        }
    }

    /// Temporary moves (T0–T4) do not count as placement changes in the stability measures.
    public var isTemporary: Bool { [.t0, .t1, .t2, .t3, .t4].contains(self) }
    public var isPlacedForAdoption: Bool { [.a3, .a4, .a5, .a6].contains(self) }
    public var isFoster: Bool { [.u1, .u2, .u3, .u4, .u5, .u6].contains(self) }
}

/// Who provides a placement (SSDA903 `PLACE_PROVIDER`).
public enum PlacementProvider: String, CodeList {
    case pr0 = "PR0", pr1 = "PR1", pr2 = "PR2", pr3 = "PR3", pr4 = "PR4", pr5 = "PR5"
    public static let listName = "PlacementProvider"
    public var label: String {
        switch self {
        case .pr0: "Parent(s) or other person with parental responsibility"
        case .pr1: "Own local authority provision"
        case .pr2: "Other local authority provision"
        case .pr3: "Other public provision"
        case .pr4: "Private provision"
        case .pr5: "Voluntary or third sector provision"
        }
    }
}

/// Reason for a change of placement (SSDA903 `REASON_PLACE_CHANGE`).
public enum ReasonPlacementChange: String, CodeList {
    case carePlan = "CARPL", closure = "CLOSE", allegation = "ALLEG", standards = "STAND"
    case approvalRemoved = "APPRR", carerRequestBehaviour = "CREQB", carerRequestOther = "CREQO"
    case childRequest = "CHILD", localAuthorityRequest = "LAREQ", statusChangeOnly = "PLACE"
    case custody = "CUSTOD", other = "OTHER"
    public static let listName = "ReasonPlacementChange"
    public var label: String {
        switch self {
        case .carePlan: "Change to or implementation of the care plan"
        case .closure: "Resignation or closure of the provision"
        case .allegation: "Allegation (section 47)"
        case .standards: "Standards of care concern"
        case .approvalRemoved: "Carer approval removed"
        case .carerRequestBehaviour: "Carer request due to the child's behaviour"
        case .carerRequestOther: "Carer request for other reasons"
        case .childRequest: "Child's request"
        case .localAuthorityRequest: "Local authority request"
        case .statusChangeOnly: "Change of placement status only"
        case .custody: "Custody arrangement"
        case .other: "Other"
        }
    }
}

/// How the child took part in a review (`REVIEW_CODE`, PN0–PN7).
public enum ReviewParticipation: String, CodeList {
    case pn0 = "PN0", pn1 = "PN1", pn2 = "PN2", pn3 = "PN3", pn4 = "PN4", pn5 = "PN5", pn6 = "PN6", pn7 = "PN7"
    public static let listName = "ReviewParticipation"
    public var label: String {
        switch self {
        case .pn0: "Child under 4"
        case .pn1: "Attended and spoke for themselves"
        case .pn2: "Attended, an advocate spoke"
        case .pn3: "Attended, conveyed views non-verbally"
        case .pn4: "Attended without contributing"
        case .pn5: "Absent, briefed an advocate"
        case .pn6: "Absent, conveyed views by another medium"
        case .pn7: "Absent, views not conveyed"
        }
    }
}

/// A missing episode's kind (SSDA903 `MISSING`).
public enum MissingType: String, CodeList {
    case missing = "M", awayWithoutAuthorisation = "A"
    public static let listName = "MissingType"
    public var label: String {
        switch self {
        case .missing: "Missing from placement"
        case .awayWithoutAuthorisation: "Away from placement without authorisation"
        }
    }
}

/// Whether the authority is in touch with a care leaver (SSDA903 OC3 `IN_TOUCH`).
public enum CareLeaverContact: String, CodeList {
    case yes = "YES", no = "NO", died = "DIED", refused = "REFU", noLongerRequired = "NREQ", returnedHome = "RHOM"
    public static let listName = "InTouch"
    public var label: String {
        switch self {
        case .yes: "In touch"
        case .no: "Not in touch"
        case .died: "Died since leaving care"
        case .refused: "Refuses contact"
        case .noLongerRequired: "No longer requires services"
        case .returnedHome: "Returned home for 6 months or more"
        }
    }
    public var isInTouch: Bool { self == .yes || self == .noLongerRequired || self == .returnedHome }
}

/// A care leaver's accommodation (SSDA903 OC3 `ACCOM`, the letter without the suitability digit).
public enum CareLeaverAccommodation: String, CodeList {
    case b = "B", c = "C", d = "D", e = "E", g = "G", h = "H", k = "K", r = "R", s = "S"
    case t = "T", u = "U", v = "V", w = "W", x = "X", y = "Y", z = "Z"
    public static let listName = "Accommodation"
    public var label: String {
        switch self {
        case .b: "With parents or relatives"
        case .c: "Community home or other residential care"
        case .d: "Semi-independent, transitional accommodation"
        case .e: "Supported lodgings"
        case .g: "Gone abroad"
        case .h: "Deported"
        case .k: "Ordinary lodgings"
        case .r: "Residence not known"
        case .s: "No fixed abode or homeless"
        case .t: "Foyers"
        case .u: "Independent living"
        case .v: "Emergency accommodation"
        case .w: "Bed and breakfast"
        case .x: "In custody"
        case .y: "Other accommodation"
        case .z: "With former foster carers (staying put)"
        }
    }
}

/// A care leaver's main activity (SSDA903 OC3 `ACTIV`).
public enum CareLeaverActivity: String, CodeList {
    case f1 = "F1", p1 = "P1", f2 = "F2", p2 = "P2", f4 = "F4", p4 = "P4", f5 = "F5", p5 = "P5"
    case g4 = "G4", g5 = "G5", g6 = "G6"
    public static let listName = "Activity"
    public var label: String {
        switch self {
        case .f1: "Higher education, full time"
        case .p1: "Higher education, part time"
        case .f2: "Other education, full time"
        case .p2: "Other education, part time"
        case .f4: "Apprenticeship, full time"
        case .p4: "Apprenticeship, part time"
        case .f5: "Training or employment, full time"
        case .p5: "Training or employment, part time"
        case .g4: "Not in education, employment or training: illness or disability"
        case .g5: "Not in education, employment or training: other"
        case .g6: "Not in education, employment or training: pregnancy or parenting"
        }
    }
    public var isInEducationEmploymentOrTraining: Bool { ![.g4, .g5, .g6].contains(self) }
}

/// Why a child's social worker changed (SSDA903 `SW_REASON`).
public enum WorkerChangeReason: String, CodeList {
    case managingCaseloads = "MANAGE", firstContact = "FCONTA", previousWorkerLeft = "LEFTRL"
    case restructure = "ORGRST", standardTransfer = "TSPROC", absence = "ABSENC", childRequest = "CHCHAN"
    case parentRequest = "PCCHAN", previousWorkerDied = "SWDIED", other = "OTHERS"
    public static let listName = "WorkerChangeReason"
    public var label: String {
        switch self {
        case .managingCaseloads: "Managing caseloads"
        case .firstContact: "First contact or re-referral"
        case .previousWorkerLeft: "Previous social worker left the role"
        case .restructure: "Organisational restructure"
        case .standardTransfer: "Standard transfer process"
        case .absence: "Absence cover or return"
        case .childRequest: "Child requested a change"
        case .parentRequest: "Parent or carer requested a change"
        case .previousWorkerDied: "Previous social worker died"
        case .other: "Other"
        }
    }
}
