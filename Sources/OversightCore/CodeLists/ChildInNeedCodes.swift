/// Source of a referral (CIN census `ReferralSource`).
public enum ReferralSource: String, CodeList {
    case family = "1A", acquaintance = "1B", selfReferral = "1C", otherIndividual = "1D"
    case schools = "2A", educationServices = "2B"
    case gp = "3A", healthVisitor = "3B", schoolNurse = "3C", otherPrimaryHealth = "3D"
    case accidentAndEmergency = "3E", otherHealth = "3F"
    case housing = "4"
    case laSocialCare = "5A", otherInternalLA = "5B", otherLA = "5C", earlyHelp = "5D"
    case police = "6", otherLegalAgency = "7", other = "8", anonymous = "9", unknown = "10"
    public static let listName = "ReferralSource"
    public var label: String {
        switch self {
        case .family: "Individual: family member, relative or carer"
        case .acquaintance: "Individual: acquaintance"
        case .selfReferral: "Individual: self"
        case .otherIndividual: "Individual: other"
        case .schools: "Schools"
        case .educationServices: "Education services"
        case .gp: "Health: GP"
        case .healthVisitor: "Health: health visitor"
        case .schoolNurse: "Health: school nurse"
        case .otherPrimaryHealth: "Health: other primary health"
        case .accidentAndEmergency: "Health: A&E"
        case .otherHealth: "Health: other"
        case .housing: "Housing"
        case .laSocialCare: "LA services: social care"
        case .otherInternalLA: "LA services: other internal"
        case .otherLA: "LA services: another LA"
        case .earlyHelp: "LA services: early help"
        case .police: "Police"
        case .otherLegalAgency: "Other legal agency"
        case .other: "Other"
        case .anonymous: "Anonymous"
        case .unknown: "Unknown"
        }
    }
}

/// Category of need (CIN census `PrimaryNeedCode`, 903 `CIN`).
public enum CategoryOfNeed: String, CodeList {
    case n0 = "N0", n1 = "N1", n2 = "N2", n3 = "N3", n4 = "N4", n5 = "N5", n6 = "N6", n7 = "N7", n8 = "N8", n9 = "N9"
    public static let listName = "CategoryOfNeed"
    public var label: String {
        switch self {
        case .n0: "Not stated"
        case .n1: "Abuse or neglect"
        case .n2: "Child's disability"
        case .n3: "Parental illness or disability"
        case .n4: "Family in acute stress"
        case .n5: "Family dysfunction"
        case .n6: "Socially unacceptable behaviour"
        case .n7: "Low income"
        case .n8: "Absent parenting"
        case .n9: "Cases other than children in need"
        }
    }
}

/// Why a CIN episode closed (CIN census `ReasonForClosure`).
public enum ClosureReason: String, CodeList {
    case rc1 = "RC1", rc2 = "RC2", rc3 = "RC3", rc4 = "RC4", rc5 = "RC5", rc6 = "RC6", rc7 = "RC7", rc8 = "RC8", rc9 = "RC9"
    public static let listName = "ReasonForClosure"
    public var label: String {
        switch self {
        case .rc1: "Adopted"
        case .rc2: "Died"
        case .rc3: "Child arrangements order"
        case .rc4: "Special guardianship order"
        case .rc5: "Transferred to another local authority"
        case .rc6: "Transferred to adult social care"
        case .rc7: "Services ceased for any other reason, including no longer in need"
        case .rc8: "Case closed after assessment, no further action"
        case .rc9: "Case closed after assessment, referred to early help"
        }
    }
}

/// Factors identified at the end of assessment (CIN census `AssessmentFactors`).
public enum AssessmentFactor: String, CodeList {
    case f1A = "1A", f1B = "1B", f1C = "1C", f2A = "2A", f2B = "2B", f2C = "2C", f3A = "3A", f3B = "3B", f3C = "3C"
    case f4A = "4A", f4B = "4B", f4C = "4C", f5A = "5A", f5B = "5B", f5C = "5C", f6A = "6A", f6B = "6B", f6C = "6C"
    case f7A = "7A", f8B = "8B", f8C = "8C", f8D = "8D", f8E = "8E", f8F = "8F", f9A = "9A", f10A = "10A"
    case f11A = "11A", f12A = "12A", f13A = "13A", f14A = "14A", f15A = "15A", f16A = "16A", f17A = "17A"
    case f18A = "18A", f18B = "18B", f18C = "18C", f19A = "19A", f19B = "19B", f19C = "19C"
    case f20 = "20", f21 = "21", f22A = "22A", f23A = "23A", f24A = "24A"
    public static let listName = "AssessmentFactors"
    public var label: String {
        switch self {
        case .f1A: "Alcohol misuse: child"
        case .f1B: "Alcohol misuse: parent or carer"
        case .f1C: "Alcohol misuse: other person in household"
        case .f2A: "Drug misuse: child"
        case .f2B: "Drug misuse: parent or carer"
        case .f2C: "Drug misuse: other person in household"
        case .f3A: "Domestic abuse: child"
        case .f3B: "Domestic abuse: parent or carer"
        case .f3C: "Domestic abuse: other person in household"
        case .f4A: "Mental health: child"
        case .f4B: "Mental health: parent or carer"
        case .f4C: "Mental health: other person in household"
        case .f5A: "Learning disability: child"
        case .f5B: "Learning disability: parent or carer"
        case .f5C: "Learning disability: other person in household"
        case .f6A: "Physical disability or illness: child"
        case .f6B: "Physical disability or illness: parent or carer"
        case .f6C: "Physical disability or illness: other person in household"
        case .f7A: "Young carer"
        case .f8B: "Privately fostered: overseas, returning"
        case .f8C: "Privately fostered: overseas, staying"
        case .f8D: "Privately fostered: UK educational placement"
        case .f8E: "Privately fostered: UK alternative family arrangement"
        case .f8F: "Privately fostered: other"
        case .f9A: "Unaccompanied asylum-seeking child"
        case .f10A: "Going or being missing"
        case .f11A: "Child sexual exploitation"
        case .f12A: "Trafficking"
        case .f13A: "Gangs"
        case .f14A: "Socially unacceptable behaviour"
        case .f15A: "Self-harm"
        case .f16A: "Neglect"
        case .f17A: "Emotional abuse"
        case .f18A: "Physical abuse"
        case .f18B: "Physical abuse: child on child"
        case .f18C: "Physical abuse: adult on child"
        case .f19A: "Sexual abuse"
        case .f19B: "Sexual abuse: child on child"
        case .f19C: "Sexual abuse: adult on child"
        case .f20: "Other"
        case .f21: "No factors identified"
        case .f22A: "Female genital mutilation"
        case .f23A: "Abuse linked to faith or belief"
        case .f24A: "Child criminal exploitation"
        }
    }
}

/// Category of abuse on a child protection plan (CIN census `InitialCategoryOfAbuse`).
public enum CategoryOfAbuse: String, CodeList {
    case neglect = "NEG", physical = "PHY", sexual = "SAB", emotional = "EMO", multiple = "MUL"
    public static let listName = "CategoryOfAbuse"
    public var label: String {
        switch self {
        case .neglect: "Neglect"
        case .physical: "Physical abuse"
        case .sexual: "Sexual abuse"
        case .emotional: "Emotional abuse"
        case .multiple: "Multiple"
        }
    }
}

import Foundation

/// A disability recorded in the CIN census (`Disability` within `Disabilities`): NONE, or one code per condition.
public enum Disability: String, CodeList {
    case none = "NONE", mobility = "MOB", handFunction = "HAND", personalCare = "PC", incontinence = "INC"
    case communication = "COMM", learning = "LD", hearing = "HEAR", vision = "VIS", behaviour = "BEH"
    case consciousness = "CON", autism = "AUT", otherDDA = "DDA"
    public static let listName = "Disability"
    public var label: String {
        switch self {
        case .none: "No disability"
        case .mobility: "Mobility"
        case .handFunction: "Hand function"
        case .personalCare: "Personal care"
        case .incontinence: "Incontinence"
        case .communication: "Communication"
        case .learning: "Learning"
        case .hearing: "Hearing"
        case .vision: "Vision"
        case .behaviour: "Behaviour"
        case .consciousness: "Consciousness"
        case .autism: "Diagnosed with autism or Asperger syndrome"
        case .otherDDA: "Other disability under the Equality Act"
        }
    }
}
