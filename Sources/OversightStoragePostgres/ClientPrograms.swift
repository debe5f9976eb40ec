import Foundation
import OversightStorage

/// PostgreSQL's own client programs (`pg_dump`, `pg_restore`, `psql`), found on `PATH` and pointed at one database.
///
/// They are run with the connection in a `key='value'` connection string and the password in `PGPASSWORD`, so it
/// never appears in a process listing. Like the store they connect without TLS, and give up after ten seconds
/// without an answer.
struct ClientPrograms {
    let url: PostgresURL
    private let searchPath: [String]
    private let environment: [String: String]

    init(url: PostgresURL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.url = url
        searchPath = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        var environment = environment
        environment["PGPASSWORD"] = url.password
        environment["PGOPTIONS"] = "-c client_min_messages=warning"
        self.environment = environment
    }

    /// The connection string for `--dbname`: every part quoted, so no value is read as another option.
    var connectionString: String {
        func quoted(_ value: String) -> String {
            "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }
        return [
            ("host", url.host), ("port", String(url.port)), ("user", url.username), ("dbname", url.database),
            ("sslmode", "disable"), ("connect_timeout", "10"), ("application_name", "oversight"),
        ].map { "\($0.0)=\(quoted($0.1))" }.joined(separator: " ")
    }

    /// The full path of a program on `PATH`.
    /// - Throws: `BackupError.toolMissing`.
    func locate(_ program: String) throws(BackupError) -> String {
        for folder in searchPath where !folder.isEmpty {
            let candidate = folder + "/" + program
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw .toolMissing(program)
    }

    /// Runs a program to the end, its standard output discarded.
    /// - Throws: `BackupError.toolMissing`, or `BackupError.toolFailed` with what it printed on standard error.
    func run(_ program: String, _ arguments: [String]) throws(BackupError) {
        let executable = try locate(program)
        let errorPath = NSTemporaryDirectory() + "oversight-\(program)-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do {
            // A file rather than a pipe: a chatty program can never block on a full pipe.
            guard FileManager.default.createFile(atPath: errorPath, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
            defer { try? errors.close() }
            process.standardError = errors
            try process.run()
            process.waitUntilExit()
        } catch {
            throw .toolFailed(program, status: -1, message: "it could not be started: \(error.localizedDescription)")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let printed = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            // One line: the program's own lines, joined.
            let message = printed.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " / ")
            throw .toolFailed(program, status: process.terminationStatus, message: message)
        }
    }
}
