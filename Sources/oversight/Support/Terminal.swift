import ArgumentParser
import Foundation

/// Progress and messages on standard error, so standard output stays clean for tables and JSON.
struct Terminal {
    let isInteractive = isatty(STDERR_FILENO) == 1
    private var lastPercent = -1

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Shows a progress line: redrawn in place on a terminal, one line per 10% in a log.
    mutating func progress(_ label: String, done: Int, total: Int) {
        let percent = total > 0 ? min(100, done * 100 / total) : 0
        if isInteractive {
            guard percent != lastPercent else { return }
            Self.write("\r\u{1B}[2K\(label) \(percent)%")
        } else {
            guard percent / 10 != lastPercent / 10 else { return }
            Self.write("\(label) \(percent)%\n")
        }
        lastPercent = percent
    }

    mutating func finish(_ message: String) {
        if isInteractive { Self.write("\r\u{1B}[2K") }
        Self.write(message + "\n")
        lastPercent = -1
    }
}

/// Prints a message a person can act on and returns the failing exit code to throw.
func failure(_ error: any Error) -> ExitCode {
    Terminal.write("error: \(error)\n")
    return ExitCode.failure
}

/// A failure the CLI itself detects, such as a folder it cannot create.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func isoTimestamp(_ date: Date = Date()) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}
