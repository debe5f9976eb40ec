/// Running record numbers for each kind of CMS record.
///
/// Children are simulated in index order, so numbering them as they are created gives the same IDs on
/// every run. Each kind starts in its own range, as a CMS's fact tables do; records that fall outside
/// the SSD window still take a number, which leaves the realistic gaps of a windowed extract.
struct RecordNumbers {
    enum Kind: Int, CaseIterable {
        case contact, earlyHelp, referral, assessment, factorRow, cinPlan, visit, enquiry, conference, meeting
        case cpPlan, cpReview, legalStatus, periodOfCare, episode, placement, claReview, missing, careLeaver
        case involvement

        var firstNumber: Int {
            switch self {
            case .contact: 30_000_001
            case .earlyHelp: 3_000_001
            case .referral: 4_000_001
            case .assessment: 5_000_001
            case .factorRow: 5_500_001
            case .cinPlan: 6_000_001
            case .visit: 61_000_001
            case .enquiry: 7_000_001
            case .conference: 7_100_001
            case .meeting: 7_200_001
            case .cpPlan: 7_300_001
            case .cpReview: 7_500_001
            case .legalStatus: 8_000_001
            case .periodOfCare: 8_100_001
            case .episode: 8_200_001
            case .placement: 8_300_001
            case .claReview: 8_400_001
            case .missing: 8_600_001
            case .careLeaver: 8_700_001
            case .involvement: 9_000_001
            }
        }
    }

    private var next: [Int] = Kind.allCases.map(\.firstNumber)

    mutating func take(_ kind: Kind) -> Int {
        let number = next[kind.rawValue]
        next[kind.rawValue] += 1
        return number
    }
}
