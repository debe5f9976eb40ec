/// Why a child looked after for 12 months has no Strengths and Difficulties score (SSDA903 OC2 `SDQ_REASON`).
public enum SDQReason: String, CodeList {
    case ageOutOfRange = "SDQ1", carerRefused = "SDQ2", disabilityPrevents = "SDQ3", other = "SDQ4"
    case youngPersonRefused = "SDQ5"
    public static let listName = "SDQReason"
    public var label: String {
        switch self {
        case .ageOutOfRange: "No form returned as child was aged under 4 or over 16 on the date of the latest assessment"
        case .carerRefused: "Carer refused to complete and return the questionnaire"
        case .disabilityPrevents: "Not possible to complete the questionnaire due to the severity of the child's disability"
        case .other: "Other"
        case .youngPersonRefused: "Young person refused to allow an SDQ to be completed"
        }
    }
}

/// The sex of the adopter or adopters (SSDA903 AD1 `SEX_ADOPTR`).
public enum AdopterSex: String, CodeList {
    case male = "M1", female = "F1", twoMales = "MM", twoFemales = "FF", maleAndFemale = "MF"
    public static let listName = "SexOfAdopters"
    public var label: String {
        switch self {
        case .male: "Male adopter"
        case .female: "Female adopter"
        case .twoMales: "Two male adopters"
        case .twoFemales: "Two female adopters"
        case .maleAndFemale: "Male and female adopters"
        }
    }
}

/// The legal status of the adopter or adopters (SSDA903 AD1 `LS_ADOPTR`).
public enum AdopterLegalStatus: String, CodeList {
    case single = "L0", marriedCouple = "L11", civilPartners = "L12", unmarriedCouple = "L2", partnerOfParent = "L3"
    case unknown = "L4"
    public static let listName = "LegalStatusOfAdopters"
    public var label: String {
        switch self {
        case .single: "Single person"
        case .marriedCouple: "Married couple"
        case .civilPartners: "Civil partners"
        case .unmarriedCouple: "Unmarried couple"
        case .partnerOfParent: "The partner of the child's parent"
        case .unknown: "Not known"
        }
    }
}

/// Why a decision that a child should be placed for adoption stopped applying (SSDA903 `REASON_PLACED_CEASED`).
public enum ReasonPlacedForAdoptionCeased: String, CodeList {
    case adopted = "RD1", childsNeedsChanged = "RD2", courtRefusedPlacementOrder = "RD3", otherReason = "RD4"
    public static let listName = "ReasonPlacedCeased"
    public var label: String {
        switch self {
        case .adopted: "The child was adopted"
        case .childsNeedsChanged: "The child's needs changed after the decision"
        case .courtRefusedPlacementOrder: "The court did not make a placement order"
        case .otherReason: "Prospective adopters could not be found, or any other reason"
        }
    }
}

/// The permanence order a child had before starting to be looked after (SSDA903 PrevPerm `PREV_PERM`).
public enum PreviousPermanenceOption: String, CodeList {
    case adoption = "P1", specialGuardianshipOrder = "P2", childArrangementsOrder = "P3", unknown = "P4"
    case noPreviousPermanence = "Z1"
    public static let listName = "PreviousPermanence"
    public var label: String {
        switch self {
        case .adoption: "Adoption"
        case .specialGuardianshipOrder: "Special guardianship order"
        case .childArrangementsOrder: "Residence order or child arrangements order"
        case .unknown: "Unknown if a previous permanence option was made"
        case .noPreviousPermanence: "Child has not had a previous permanence option"
        }
    }
}

/// Why a child's allocated social worker changed (SSDA903 SWEpisodes `SW_REASON`).
public enum SocialWorkerChangeReason: String, CodeList {
    case managementDecision = "MANAGE", firstContact = "FCONTA", leftRole = "LEFTRL", reorganisation = "ORGRST"
    case transferBetweenProcesses = "TSPROC", absence = "ABSENC", childRequested = "CHCHAN", carerRequested = "PCCHAN"
    case socialWorkerDied = "SWDIED", other = "OTHERS"
    public static let listName = "SocialWorkerChangeReason"
    public var label: String {
        switch self {
        case .managementDecision: "Management decision"
        case .firstContact: "First allocation"
        case .leftRole: "Social worker left the role"
        case .reorganisation: "Organisational restructure"
        case .transferBetweenProcesses: "Transfer between teams or processes"
        case .absence: "Social worker absent"
        case .childRequested: "Child requested a change"
        case .carerRequested: "Parent or carer requested a change"
        case .socialWorkerDied: "Social worker died"
        case .other: "Other"
        }
    }
}
