/// The registry of implemented SSDA903 rules.
///
/// Each file under `Rules/` declares one `static let` list in an extension of this type; to add a file,
/// add its list to ``families`` (one line) and nothing else. See `docs/ssda903.md`, "How to add a rule".
public enum SSDA903Rules {
    /// Every rule file's list.
    static let families: [[SSDA903Rule]] = [
        rules1xx,
        rules2xx,
        rules1000s,
        rules3xx,
        rules4xx,
        rules5xx,
        rulesAdoption,
        rules6xx,
        rulesInternal,
        rulesSocialWorker,
        rulesOfstedProviders,
        rulesPlacementGeography,
        rulesProviderPremises,
    ]

    /// Every implemented rule, for every year.
    public static var all: [SSDA903Rule] { families.flatMap { $0 } }

    /// The implemented rule for `code` in a collection year, if there is one.
    public static func rule(_ code: String, year: Int) -> SSDA903Rule? {
        byCode[code]?.first { $0.years.contains(year) }
    }

    private static let byCode: [String: [SSDA903Rule]] = Dictionary(grouping: families.flatMap { $0 }, by: \.code)
}
