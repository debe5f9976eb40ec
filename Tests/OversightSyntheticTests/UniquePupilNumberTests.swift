import Testing

@testable import OversightSynthetic

@Suite("Unique Pupil Numbers")
struct UniquePupilNumberTests {
    @Test("The check letter is the weighted digit sum modulo 23, read without I, O and S")
    func checkLetter() {
        // 8·2 + 0·3 + 1·4 + 2·5 + 1·10 + 1·13 = 53; 53 mod 23 = 7 → H.
        #expect(UniquePupilNumber.checkLetter(forDigits: "801200001001") == "H")
        #expect(UniquePupilNumber.isValid("H801200001001"))
        #expect(!UniquePupilNumber.isValid("J801200001001"))
    }

    @Test("Generated numbers are valid and the corrupted ones are not")
    func generated() {
        var rng = SeededGenerator(seed: 9, stream: 0, purpose: .journey)
        for _ in 0..<500 {
            let upn = UniquePupilNumber.make(localAuthority: 825, rng: &rng, birthYear: 2015)
            #expect(upn.count == 13 && upn.dropFirst().hasPrefix("825"))
            #expect(UniquePupilNumber.isValid(upn))
            #expect(!UniquePupilNumber.isValid(UniquePupilNumber.withWrongCheckLetter(upn)))
        }
    }

    @Test("A seeded stream repeats exactly and separate streams differ")
    func seededStreams() {
        var a = SeededGenerator(seed: 1, stream: 42, purpose: .journey)
        var b = SeededGenerator(seed: 1, stream: 42, purpose: .journey)
        var c = SeededGenerator(seed: 1, stream: 43, purpose: .journey)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }
}
