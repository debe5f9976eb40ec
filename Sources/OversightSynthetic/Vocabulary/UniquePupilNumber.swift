/// Unique Pupil Numbers with a valid check letter (DfE UPN guidance; statutory-returns.md §7).
///
/// A UPN is a check letter then twelve digits: the LA number, the school's establishment number, the
/// two-digit year of allocation and a serial. The check letter is the sum of each digit times its
/// character position (2–13), modulo 23, read from the alphabet without I, O and S.
enum UniquePupilNumber {
    static let checkAlphabet: [Character] = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    static func checkLetter(forDigits digits: String) -> Character {
        var sum = 0
        var weight = 2
        for byte in digits.utf8 {
            sum += Int(byte &- 0x30) * weight
            weight += 1
        }
        return checkAlphabet[sum % 23]
    }

    static func make(localAuthority: Int, rng: inout SeededGenerator, birthYear: Int) -> String {
        let establishment = rng.chance(0.5) ? rng.int(in: 2000...2999) : rng.int(in: 4000...4999)
        let year = (birthYear + 4) % 100
        let serial = rng.int(in: 0...999)
        let digits = String(localAuthority) + String(establishment) + pad(year, 2) + pad(serial, 3)
        return String(checkLetter(forDigits: digits)) + digits
    }

    /// The same number with a check letter that does not match its digits.
    static func withWrongCheckLetter(_ upn: String) -> String {
        let digits = String(upn.dropFirst())
        let right = checkLetter(forDigits: digits)
        let index = checkAlphabet.firstIndex(of: right) ?? 0
        return String(checkAlphabet[(index + 7) % checkAlphabet.count]) + digits
    }

    static func isValid(_ upn: String) -> Bool {
        guard upn.count == 13, let first = upn.first else { return false }
        let digits = String(upn.dropFirst())
        guard digits.allSatisfy(\.isNumber) else { return false }
        return checkLetter(forDigits: digits) == first
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
