/// The DfE's published SSDA903 rules for each collection year: every code and message, whether or not
/// Oversight implements it yet, so a report always accounts for the whole pack.
public enum SSDA903Catalogue {
    /// One published rule.
    public struct Entry: Sendable {
        public let code: String
        public let message: String
        /// Reference data the rule cannot run without.
        public let needs: SSDA903ReferenceNeed?

        init(_ code: String, _ message: String, needs: SSDA903ReferenceNeed? = nil) {
            self.code = code
            self.message = message
            self.needs = needs
        }
    }

    /// The collection years (the year the return is due) with a published pack.
    public static let years: ClosedRange<Int> = 2025...2026

    /// The pack for a collection year: 2025 is 2024/25, 2026 is 2025/26. Empty for other years.
    public static func entries(forYear year: Int) -> [Entry] {
        switch year {
        case 2025: lac2024_25
        case 2026: lac2025_26
        default: []
        }
    }

    /// Each year's pack is the previous one less the codes the DfE deleted, plus those it added or reworded,
    /// as the DfE publishes them; kept in code order.
    static let lac2025_26: [Entry] = {
        let changed = Set(changedIn2025_26.map(\.code))
        let kept = lac2024_25.filter { !removedIn2025_26.contains($0.code) && !changed.contains($0.code) }
        return (kept + changedIn2025_26).sorted { codeOrder($0.code) < codeOrder($1.code) }
    }()

    /// Numeric codes first by number (101 < 1000), then lettered families (INT…, SW…) by their number.
    static func codeOrder(_ code: String) -> (Int, String, Int, String) {
        let prefix = String(code.prefix { !$0.isNumber })
        let digits = code.dropFirst(prefix.count).prefix { $0.isNumber }
        let suffix = String(code.dropFirst(prefix.count + digits.count))
        return (prefix.isEmpty ? 0 : 1, prefix, Int(digits) ?? 0, suffix)
    }
}
