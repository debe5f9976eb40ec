/// The SSDA903 code lists as the DfE's rules enforce them, by the codes' raw text.
///
/// The rules compare raw text rather than Core's enums because an unknown code is itself the finding,
/// and because the lists change by year (2025/26 removed H5, P2 and Z1 and added K3 and Z11–Z14).
public enum SSDA903Codes {
    public static let ethnicity: Set<String> = [
        "WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR",
        "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ]
    public static let reasonNewEpisode: Set<String> = ["S", "L", "P", "T", "U", "B"]
    public static let legalStatus: Set<String> = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"]
    public static let categoryOfNeed: Set<String> = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]
    public static let reasonEpisodeCeased: Set<String> = [
        "X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9",
        "E14", "E15", "E16", "E17",
    ]
    public static let temporaryPlacements: Set<String> = ["T0", "T1", "T2", "T3", "T4"]
    static let placementsThrough2025: Set<String> = [
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4",
        "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
    ]

    /// Placement types valid in a collection year: 2025/26 removed H5, P2 and Z1, and added K3 and Z11–Z14.
    public static func placement(year: Int) -> Set<String> {
        year <= 2025 ? placementsThrough2025 : placementsThrough2025.subtracting(["H5", "P2", "Z1"]).union(["K3", "Z11", "Z12", "Z13", "Z14"])
    }

    public static let inTouch: Set<String> = ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"]
    public static let activity: Set<String> = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"]
    public static let placementProvider: Set<String> = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]
    public static let reviewParticipation: Set<String> = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]
    public static let adoptionReversalReason: Set<String> = ["RD1", "RD2", "RD3", "RD4"]
    public static let numberOfAdopters: Set<String> = ["1", "2"]
    public static let sexOfAdopters: Set<String> = ["M1", "F1", "MM", "FF", "MF"]
    public static let legalStatusOfAdopters: Set<String> = ["L0", "L11", "L12", "L2", "L3", "L4"]
    public static let sdqReason: Set<String> = ["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"]
    public static let zeroOrOne: Set<String> = ["0", "1"]

    /// A care leaver's accommodation: a letter and 1 (suitable) or 2 (unsuitable), or 0 when not known.
    /// No fixed abode (S) and custody (X) can never be suitable, so S1 and X1 are not codes.
    public static let accommodation: Set<String> = {
        var codes: Set<String> = ["0"]
        for letter in ["B", "C", "D", "E", "G", "H", "K", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"] {
            codes.insert(letter + "1")
            codes.insert(letter + "2")
        }
        return codes.subtracting(["S1", "X1"])
    }()

    /// Placement types that take no placement provider: temporary moves, and from 2025/26 the Z1x "other" codes.
    public static func placementsWithoutProvider(year: Int) -> Set<String> {
        year <= 2025 ? temporaryPlacements : temporaryPlacements.union(["Z11", "Z12", "Z13", "Z14"])
    }

    /// A Unique Pupil Number: a letter other than I, O or S, eleven digits and a digit or letter (a
    /// temporary UPN ends in a letter), or UN1–UN5 when it is not known.
    public static func isUniquePupilNumber(_ upn: String) -> Bool {
        if ["UN1", "UN2", "UN3", "UN4", "UN5"].contains(upn) { return true }
        let bytes = Array(upn.utf8)
        func isLetter(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        guard bytes.count == 13, isLetter(bytes[0]), !"IOS".utf8.contains(bytes[0]) else { return false }
        return bytes[1...11].allSatisfy(isDigit) && (isDigit(bytes[12]) || isLetter(bytes[12]))
    }

    /// Placement types Ofsted does not register, so an Ofsted URN cannot be recorded for them.
    public static func placementsWithoutURN(year: Int) -> Set<String> {
        let always: Set<String> = ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4"]
        return year <= 2025 ? always.union(["Z1"]) : always.union(["Z11", "Z12", "Z13", "Z14"])
    }

    public static let reasonPlacementChange: Set<String> = [
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER",
    ]
}
