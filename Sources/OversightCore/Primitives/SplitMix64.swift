/// SplitMix64: a small, fast, seedable random number generator.
///
/// Anything Oversight draws at random must be reproducible from a recorded seed: a synthetic authority,
/// an audit sample, a fuzz case. The standard library's generator cannot be seeded, so this one is used
/// instead (Steele, Lea and Flood, 2014; the seeding generator Vigna recommends for xoshiro).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
