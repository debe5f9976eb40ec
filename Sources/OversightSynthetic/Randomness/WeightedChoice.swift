/// A fixed list of outcomes with relative weights, drawn by a linear scan of cumulative weights.
///
/// The lists are short (at most a few dozen codes) and built once, so a scan is faster than anything
/// cleverer, and arrays keep the draw order fixed, unlike a dictionary's hash order.
struct WeightedChoice<Element: Sendable>: Sendable {
    private let elements: [Element]
    private let cumulative: [Double]

    init(_ pairs: [(Element, Double)]) {
        precondition(!pairs.isEmpty, "a weighted choice needs at least one outcome")
        var running = 0.0
        var elements: [Element] = []
        var cumulative: [Double] = []
        for (element, weight) in pairs where weight > 0 {
            running += weight
            elements.append(element)
            cumulative.append(running)
        }
        self.elements = elements
        self.cumulative = cumulative.map { $0 / running }
    }

    func draw(_ rng: inout SeededGenerator) -> Element {
        let u = rng.unit()
        for (index, bound) in cumulative.enumerated() where u < bound { return elements[index] }
        return elements[elements.count - 1]
    }
}
