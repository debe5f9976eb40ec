import Foundation
import OversightInterchange

/// The generator's postcodes: a small fixed list of real postcodes of public buildings and town-centre streets
/// (never a child's address), with their grid references and authorities from the ONS postcode directory, so a
/// generated return can be checked by the distance and placing-authority rules, ours and the sector's.
extension SSDA903Generator {
    /// One postcode as `postcodes.csv` holds it.
    public struct PostcodePlace: Sendable {
        public let postcode: String
        public let easting: Int
        public let northing: Int
        /// Lower-tier (`laua`) and placing (`utla`) authority.
        public let authority: String
        public let upperTier: String
    }

    /// The submitting authority the generator writes for: Richmond upon Thames, where every child's home is.
    public static let submittingAuthority = "E09000027"

    static let homePostcodes = ["TW1 3BZ", "TW1 3AA", "TW9 1TP", "TW10 6UQ", "TW11 8HA", "TW12 2EB", "SW14 8AB"]

    /// Inside Richmond (most placements) and elsewhere: neighbouring boroughs, shire counties, cities, Wales and
    /// Scotland, all under 350 miles from any home (454).
    static let placementsInside = ["TW9 1AF", "TW9 3AD", "TW1 3BZ", "TW10 6UQ", "SW14 8AB", "TW12 2EB"]
    static let placementsOutside = [
        "KT1 1EU", "TW3 4DN", "KT10 9SD", "RH2 8EF", "ME14 1XQ", "SW1A 2AA", "B1 1BB", "M60 2LA", "LS1 1UR", "CF99 1SN", "EH99 1SP",
    ]
    /// Dirt: more than 350 miles from Richmond (Lerwick).
    static let farPostcode = "ZE1 0AA"

    /// Postcodes in Wales and Scotland (ONS codes starting W and S), where Ofsted registers no provider.
    static let outsideEngland = Set(postcodeDirectory.filter { !$0.3.hasPrefix("E") }.map(\.0))

    /// Every postcode the generator writes, as the ONS postcode directory places it.
    public static let postcodePlaces: [PostcodePlace] = postcodeDirectory.map {
        PostcodePlace(postcode: $0.0, easting: $0.1, northing: $0.2, authority: $0.3, upperTier: $0.4)
    }

    private static let postcodeDirectory: [(String, Int, Int, String, String)] = [
        ("TW1 3BZ", 516438, 173412, "E09000027", "E09000027"), ("TW1 3AA", 516529, 173388, "E09000027", "E09000027"),
        ("TW9 1TP", 517750, 174677, "E09000027", "E09000027"), ("TW9 1AF", 517685, 174773, "E09000027", "E09000027"),
        ("TW9 3AD", 518800, 177600, "E09000027", "E09000027"), ("TW10 6UQ", 517834, 174572, "E09000027", "E09000027"),
        ("TW11 8HA", 516115, 171139, "E09000027", "E09000027"), ("TW12 2EB", 514101, 169600, "E09000027", "E09000027"),
        ("SW14 8AB", 520511, 175695, "E09000027", "E09000027"), ("KT1 1EU", 517923, 168994, "E09000021", "E09000021"),
        ("TW3 4DN", 513419, 176346, "E09000018", "E09000018"), ("KT10 9SD", 514124, 164702, "E07000207", "E10000030"),
        ("RH2 8EF", 525832, 148846, "E07000211", "E10000030"), ("ME14 1XQ", 576017, 156294, "E07000110", "E10000016"),
        ("SW1A 2AA", 530047, 179951, "E09000033", "E09000033"), ("B1 1BB", 406654, 286948, "E08000025", "E08000025"),
        ("M60 2LA", 385021, 398985, "E08000003", "E08000003"), ("LS1 1UR", 429833, 434079, "E08000035", "E08000035"),
        ("CF99 1SN", 319353, 174506, "W06000015", "W06000015"), ("EH99 1SP", 326751, 673849, "S12000036", "S12000036"),
        ("ZE1 0AA", 447759, 1_141_280, "S12000027", "S12000027"),
    ]

    /// A placement postcode: inside the authority six times in ten, never the home postcode itself (392d).
    static func placementPostcode(awayFrom home: String, random: inout SeededGenerator) -> String {
        let choices = (random.chance(0.6) ? placementsInside : placementsOutside).filter { $0 != home }
        return random.element(of: choices)
    }

    /// Writes `postcodes.csv` for `--reference DIR`: the grid rows of every postcode the generator uses.
    public static func writePostcodeReference(to directory: String) throws(InterchangeError) -> String {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: error.localizedDescription)
        }
        let path = directory + "/postcodes.csv"
        let writer = try CSVWriter(path: path, header: ["pcd", "oseast1m", "osnrth1m", "laua", "utla"])
        for place in postcodePlaces {
            writer.row([place.postcode, String(place.easting), String(place.northing), place.authority, place.upperTier])
        }
        writer.close()
        return path
    }
}
