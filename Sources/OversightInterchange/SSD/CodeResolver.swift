import OversightCore

/// Resolves coded values through a `ValueMapping`, remembering each distinct text it has seen.
///
/// An extract repeats a handful of wordings millions of times ("Full care order"), and resolving a
/// description means normalising it; caching per list makes that a dictionary lookup.
final class CodeResolver {
    let mapping: ValueMapping
    private enum Cached { case code(String), notApplicable, unknown }
    /// Keyed by the code list's type first, which hashes as a pointer.
    private var cache: [ObjectIdentifier: [String: Cached]] = [:]

    init(mapping: ValueMapping) { self.mapping = mapping }

    func resolve<C: CodeList>(_ text: String, as type: C.Type) -> ValueMapping.Resolution<C> {
        if let cached = cache[ObjectIdentifier(C.self)]?[text] {
            switch cached {
            case .code(let raw): return C(rawValue: raw).map { .code($0) } ?? .unknown
            case .notApplicable: return .notApplicable
            case .unknown: return .unknown
            }
        }
        let resolution = mapping.resolve(text, as: C.self)
        let entry: Cached
        switch resolution {
        case .code(let code): entry = .code(code.rawValue)
        case .notApplicable: entry = .notApplicable
        case .unknown: entry = .unknown
        }
        cache[ObjectIdentifier(C.self), default: [:]][text] = entry
        return resolution
    }
}
