import Foundation
import OversightCore
@testable import OversightInterchange
import OversightStorage

/// The hand-written fixtures beside this file.
func fixturePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
}

/// A fresh temporary folder, removed by the caller's `defer`.
func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "oversight-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Copies a fixture folder so a test can damage its copy.
func copyOfFixture(_ name: String) -> String {
    let destination = temporaryDirectory() + "/" + name
    try! FileManager.default.copyItem(atPath: fixturePath(name), toPath: destination)
    return destination
}

func write(_ text: String, to path: String) {
    try! text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// Replaces one line (1-based) of a file.
func replaceLine(_ number: Int, in path: String, with line: String) {
    var lines = try! String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    lines[number - 1] = line
    write(lines.joined(separator: "\n"), to: path)
}

func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// Adds a line at the end of a file that ends with a newline.
func appendLine(_ line: String, to path: String) {
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    write(text + line + "\n", to: path)
}
