/// Sex as the returns record it (SSDA903 from 2024/25 and the CIN census).
public enum Sex: String, CodeList {
    case male = "M", female = "F", unknown = "U"
    public static let listName = "Sex"
    public var label: String {
        switch self {
        case .male: "Male"
        case .female: "Female"
        case .unknown: "Unknown or not recorded"
        }
    }
}

/// DfE ethnicity codes (CIN census and SSDA903).
public enum Ethnicity: String, CodeList {
    case wbri = "WBRI", wiri = "WIRI", woth = "WOTH", wirt = "WIRT", wrom = "WROM"
    case mwbc = "MWBC", mwba = "MWBA", mwas = "MWAS", moth = "MOTH"
    case aind = "AIND", apkn = "APKN", aban = "ABAN", aoth = "AOTH"
    case bcrb = "BCRB", bafr = "BAFR", both = "BOTH"
    case chne = "CHNE", ooth = "OOTH", refu = "REFU", nobt = "NOBT"
    public static let listName = "Ethnicity"
    public var label: String {
        switch self {
        case .wbri: "White British"
        case .wiri: "White Irish"
        case .woth: "Any other White background"
        case .wirt: "Traveller of Irish heritage"
        case .wrom: "Gypsy/Roma"
        case .mwbc: "White and Black Caribbean"
        case .mwba: "White and Black African"
        case .mwas: "White and Asian"
        case .moth: "Any other mixed background"
        case .aind: "Indian"
        case .apkn: "Pakistani"
        case .aban: "Bangladeshi"
        case .aoth: "Any other Asian background"
        case .bcrb: "Caribbean"
        case .bafr: "African"
        case .both: "Any other Black background"
        case .chne: "Chinese"
        case .ooth: "Any other ethnic group"
        case .refu: "Refused"
        case .nobt: "Information not yet obtained"
        }
    }

}

import Foundation
