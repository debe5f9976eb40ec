import Foundation
import OversightCore
import OversightSynthetic

/// Runs the generator into a scratch folder for a test and removes it afterwards.
func withGeneratedAuthority<T>(
    _ options: GeneratorOptions, _ body: (String, GenerationSummary) throws -> T
) throws -> T {
    let directory = NSTemporaryDirectory() + "oversight-synthetic-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let summary = try SyntheticAuthority.generate(options, into: directory)
    return try body(directory, summary)
}

/// The `small` authority, generated once per test process (about ten seconds in a debug build) and
/// shared by the suites that measure rates and invariants at realistic volume.
enum SmallAuthority {
    static let generated: Result<String, any Error> = Result {
        let directory = NSTemporaryDirectory() + "oversight-synthetic-small-tests"
        try? FileManager.default.removeItem(atPath: directory)
        _ = try SyntheticAuthority.generate(GeneratorOptions(size: .small, seed: 1), into: directory)
        return directory
    }

    static func directory() throws -> String { try generated.get() }
}
