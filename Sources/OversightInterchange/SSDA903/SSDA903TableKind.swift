/// A column of an SSDA903 table, named exactly as the DfE's CSV specification names it.
public enum SSDA903Field: String, CaseIterable, Sendable, Hashable {
    case child = "CHILD", sex = "SEX", dob = "DOB", ethnic = "ETHNIC", upn = "UPN", mother = "MOTHER", motherChildDOB = "MC_DOB"
    case decom = "DECOM", rne = "RNE", ls = "LS", cin = "CIN", place = "PLACE", placeProvider = "PLACE_PROVIDER"
    case dec = "DEC", rec = "REC", reasonPlaceChange = "REASON_PLACE_CHANGE", homePost = "HOME_POST", plPost = "PL_POST"
    case urn = "URN"
    case review = "REVIEW", reviewCode = "REVIEW_CODE"
    case duc = "DUC"
    case sdqScore = "SDQ_SCORE", sdqReason = "SDQ_REASON", convicted = "CONVICTED", healthCheck = "HEALTH_CHECK"
    case immunisations = "IMMUNISATIONS", teethCheck = "TEETH_CHECK", healthAssessment = "HEALTH_ASSESSMENT"
    case substanceMisuse = "SUBSTANCE_MISUSE", interventionReceived = "INTERVENTION_RECEIVED"
    case interventionOffered = "INTERVENTION_OFFERED"
    case inTouch = "IN_TOUCH", activ = "ACTIV", accom = "ACCOM"
    case dateInt = "DATE_INT", dateMatch = "DATE_MATCH", fosterCare = "FOSTER_CARE", nbAdoptr = "NB_ADOPTR"
    case sexAdoptr = "SEX_ADOPTR", lsAdoptr = "LS_ADOPTR"
    case datePlaced = "DATE_PLACED", datePlacedCeased = "DATE_PLACED_CEASED", reasonPlacedCeased = "REASON_PLACED_CEASED"
    case prevPerm = "PREV_PERM", laPerm = "LA_PERM", datePerm = "DATE_PERM"
    case missing = "MISSING", misStart = "MIS_START", misEnd = "MIS_END"
    case swID = "SW_ID", swDecom = "SW_DECOM", swDec = "SW_DEC", swReason = "SW_REASON"
    case doloStart = "DOLO_START", doloEnd = "DOLO_END"

    /// The return writes these as dd/mm/yyyy; the reader also holds them parsed.
    public var isDate: Bool {
        switch self {
        case .dob, .motherChildDOB, .decom, .dec, .review, .duc, .dateInt, .dateMatch, .datePlaced, .datePlacedCeased,
            .datePerm, .misStart, .misEnd, .swDecom, .swDec, .doloStart, .doloEnd:
            true
        default: false
        }
    }
}

/// One of the SSDA903 tables. A file is recognised by its exact set of columns, never by its name, because
/// councils' case systems name the files as they please.
public enum SSDA903TableKind: String, CaseIterable, Sendable, Hashable, Comparable {
    case header = "Header", episodes = "Episodes", reviews = "Reviews", uasc = "UASC", oc2 = "OC2", oc3 = "OC3"
    case ad1 = "AD1", placedAdoption = "PlacedAdoption", previousPermanence = "PrevPerm", missing = "Missing"
    case socialWorkerEpisodes = "SWEpisodes", deprivationOfLiberty = "DoLo"

    /// The columns in the DfE's order, which the writer follows.
    public var fields: [SSDA903Field] {
        switch self {
        case .header: [.child, .sex, .dob, .ethnic, .upn, .mother, .motherChildDOB]
        case .episodes:
            [.child, .decom, .rne, .ls, .cin, .place, .placeProvider, .dec, .rec, .reasonPlaceChange, .homePost, .plPost, .urn]
        case .reviews: [.child, .dob, .review, .reviewCode]
        case .uasc: [.child, .sex, .dob, .duc]
        case .oc2:
            [
                .child, .dob, .sdqScore, .sdqReason, .convicted, .healthCheck, .immunisations, .teethCheck, .healthAssessment,
                .substanceMisuse, .interventionReceived, .interventionOffered,
            ]
        case .oc3: [.child, .dob, .inTouch, .activ, .accom]
        case .ad1: [.child, .dob, .dateInt, .dateMatch, .fosterCare, .nbAdoptr, .sexAdoptr, .lsAdoptr]
        case .placedAdoption: [.child, .dob, .datePlaced, .datePlacedCeased, .reasonPlacedCeased]
        case .previousPermanence: [.child, .dob, .prevPerm, .laPerm, .datePerm]
        case .missing: [.child, .dob, .missing, .misStart, .misEnd]
        case .socialWorkerEpisodes: [.child, .dob, .swID, .swDecom, .swDec, .swReason]
        case .deprivationOfLiberty: [.child, .dob, .doloStart, .doloEnd]
        }
    }

    /// The file name the DfE's guidance and the peer validator's fixtures use; the writer uses it.
    public var fileName: String {
        switch self {
        case .header: "header.csv"
        case .episodes: "episodes.csv"
        case .reviews: "reviews.csv"
        case .uasc: "uasc.csv"
        case .oc2: "oc2.csv"
        case .oc3: "oc3.csv"
        case .ad1: "ad1.csv"
        case .placedAdoption: "placed_for_adoption.csv"
        case .previousPermanence: "previous_permanence.csv"
        case .missing: "missing.csv"
        case .socialWorkerEpisodes: "sw_episodes.csv"
        case .deprivationOfLiberty: "dolo.csv"
        }
    }

    /// The table whose column set is exactly `columns` (in any order), if there is one.
    public init?(columns: some Collection<String>) {
        let names = Set(columns)
        guard names.count == columns.count,
            let kind = Self.allCases.first(where: { Set($0.fields.map(\.rawValue)) == names })
        else { return nil }
        self = kind
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
