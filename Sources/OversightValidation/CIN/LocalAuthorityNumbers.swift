import Foundation

/// The DfE's three-digit local authority numbers, which characters 2–4 of a Unique Pupil Number carry (rule 1530).
///
/// Oversight ships the list (`Resources/la-numbers.txt`: current English authorities, numbers retired by
/// reorganisation since UPNs began, Welsh authorities and establishments outside England); a file in the same format
/// replaces it when local government is reorganised again before Oversight is updated.
public enum LocalAuthorityNumbers {
    /// The shipped list, in number order.
    public static let bundled: [String] = {
        do {
            return try parse(String(decoding: PackageResources.la_numbers_txt, as: UTF8.self), source: "la-numbers.txt").sorted()
        } catch {
            // The file is part of the build and a test reads it, so this is a fault in the build, not in data.
            fatalError("\(error)")
        }
    }()

    /// Reads a list: one three-digit number per line, `#` starting a comment.
    /// - Throws: `LocalAuthorityNumbersError` naming `source` and the line of anything that is not three digits.
    public static func parse(_ text: String, source: String) throws(LocalAuthorityNumbersError) -> Set<String> {
        var numbers = Set<String>()
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            guard line.utf8.count == 3, line.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
                throw LocalAuthorityNumbersError(description: "\(source):\(offset + 1): '\(line)' is not a three-digit local authority number")
            }
            numbers.insert(line)
        }
        return numbers
    }
}

public struct LocalAuthorityNumbersError: Error, CustomStringConvertible {
    public var description: String
}
