/// A typed identifier: a `Identifier<Child>` cannot be passed where an `Identifier<Worker>` is wanted.
///
/// Source systems export every ID as text (SSD columns are `nvarchar(48)`, with leading zeros and GUIDs
/// in some councils), so the raw value stays a `String` and is never parsed as a number.
public struct Identifier<Subject>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    @inlinable public init(_ rawValue: String) { self.rawValue = rawValue }
    @inlinable public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
