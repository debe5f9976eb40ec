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
}
