import Foundation

/// A figure as DfE would publish it (kpis.md §0.5): rounded to the published precision, with counts
/// of 1 to 5, and anything computed from them, shown as `c` so no child can be identified.
public struct PublishedFigure: Sendable, Codable, Equatable {
    public var value: String
    public var numerator: String
    public var denominator: String

    public init(value: String, numerator: String, denominator: String) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
    }
}

extension MeasureResult {
    /// The figure rounded and suppressed for sharing outside the authority.
    /// - Parameter decimals: the measure's published precision (`MeasureDefinition.publishedDecimals`).
    public func published(decimals: Int) -> PublishedFigure {
        func isSmall(_ count: Double?) -> Bool { count.map { $0 > 0 && $0 <= 5 } ?? false }
        func count(_ number: Double?) -> String {
            guard let number else { return "x" }
            if isSmall(number) { return "c" }
            return number == number.rounded() ? String(Int(number)) : String(format: "%.1f", number)
        }
        let numerator = count(self.numerator)
        // A rate's denominator is the population, which is public; a percentage's is a count of children.
        let denominator = unit == .ratePer10000 ? (self.denominator.map { String(Int($0)) } ?? "x") : count(self.denominator)
        let value: String
        if self.value == nil {
            value = "x"
        } else if isSmall(self.numerator) || (unit != .ratePer10000 && unit != .count && isSmall(self.denominator)) {
            value = "c"
        } else {
            value = String(format: "%.\(decimals)f", self.value!)
        }
        return PublishedFigure(value: value, numerator: numerator, denominator: denominator)
    }
}
