/// A DfE code list: raw values are exactly the codes in the specification, and every code has the
/// plain-English label a page shows beside it.
public protocol CodeList: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue == String {
    /// The name of the list as the specification calls it, used in error messages.
    static var listName: String { get }
    var label: String { get }
}

extension CodeList {
    /// Reads a code regardless of case and surrounding spaces, as source systems vary both.
    public init?(code: some StringProtocol) {
        let trimmed = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard let value = Self(rawValue: trimmed) else { return nil }
        self = value
    }
}

import Foundation
