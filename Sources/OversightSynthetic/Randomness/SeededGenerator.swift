import OversightCore

/// A xoshiro256** generator seeded through SplitMix64.
///
/// The standard library's `SystemRandomNumberGenerator` cannot be seeded, and its algorithms for ranges
/// may change between toolchains, so every draw the synthetic authority makes goes through this type and
/// the helpers below. Each child gets its own stream, derived from the run's seed and the child's index,
/// which keeps the output byte-identical however the children are later split up.
struct SeededGenerator: RandomNumberGenerator {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A named purpose keeps independent decisions (the journey, the injected errors) on separate
    /// streams, so switching dirt on does not change the authority it is sprinkled over.
    enum Purpose: UInt64 {
        case workforce = 0x5746_4f52_4345
        case journey = 0x4a4f_5552_4e45
        case dirt = 0x4449_5254
        case rendering = 0x5245_4e44_4552
    }

    init(seed: UInt64, stream: UInt64, purpose: Purpose) {
        var mixer = SplitMix64(state: seed ^ (purpose.rawValue &* 0x9E37_79B9_7F4A_7C15))
        // Folding the stream in after one round keeps neighbouring child indexes far apart.
        _ = mixer.next()
        mixer.state ^= stream &* 0xD1B5_4A32_D192_ED03
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension SeededGenerator {
    /// A double in `[0, 1)` with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An integer in `range`, by multiply-shift; the bias is below 2⁻³² for the small ranges used here.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        let high = next().multipliedFullWidth(by: width).high
        return range.lowerBound + Int(high)
    }

    /// An index below `count`.
    mutating func index(below count: Int) -> Int { int(in: 0...(count - 1)) }

    /// An element of a non-empty array.
    mutating func element<T>(of items: [T]) -> T { items[index(below: items.count)] }

    /// A standard normal draw (Box–Muller; the second value is discarded to keep streams simple).
    mutating func normal() -> Double {
        let u1 = max(unit(), 1e-12)
        let u2 = unit()
        return (-2 * logarithm(u1)).squareRoot() * cosine(2 * Double.pi * u2)
    }

    /// An exponential draw with the given mean.
    mutating func exponential(mean: Double) -> Double { -mean * logarithm(max(1 - unit(), 1e-12)) }

    /// A Poisson count; fine for the small means used per child.
    mutating func poisson(mean: Double) -> Int {
        let limit = exponentialFunction(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }
}

// Foundation's `log`/`cos`/`exp` are deterministic but importing Foundation here only for them would
// make the generator depend on the platform's libm; these short series are exact enough for sampling.
private func logarithm(_ x: Double) -> Double {
    // log(x) = 2·atanh((x−1)/(x+1)) after reducing x into [1, 2) by powers of two.
    var m = x
    var exponent = 0.0
    while m >= 2 { m /= 2; exponent += 1 }
    while m < 1 { m *= 2; exponent -= 1 }
    let y = (m - 1) / (m + 1)
    let y2 = y * y
    var term = y
    var sum = 0.0
    var n = 1.0
    for _ in 0..<30 {
        sum += term / n
        term *= y2
        n += 2
    }
    return 2 * sum + exponent * 0.693_147_180_559_945_3
}

private func exponentialFunction(_ x: Double) -> Double {
    // exp(x) = (exp(x/2^k))^(2^k) with a short Taylor series for the small reduced argument.
    var k = 0
    var r = x
    while abs(r) > 0.5 { r /= 2; k += 1 }
    var term = 1.0
    var sum = 1.0
    for n in 1..<20 {
        term *= r / Double(n)
        sum += term
    }
    for _ in 0..<k { sum *= sum }
    return sum
}

private func cosine(_ x: Double) -> Double {
    // Reduce to [−π, π], then a Taylor series; |error| < 1e-12 there.
    var r = x.truncatingRemainder(dividingBy: 2 * Double.pi)
    if r > Double.pi { r -= 2 * Double.pi }
    if r < -Double.pi { r += 2 * Double.pi }
    let r2 = r * r
    var term = 1.0
    var sum = 1.0
    var n = 0.0
    for _ in 0..<16 {
        term *= -r2 / ((n + 1) * (n + 2))
        n += 2
        sum += term
    }
    return sum
}
