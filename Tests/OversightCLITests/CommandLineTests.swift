import Foundation
import Glibc
import Testing

/// Runs the built `oversight` executable, which SwiftPM puts beside the test bundle.
///
/// - Parameter environment: variables to set (or, with `nil`, remove) in the child's environment.
func runOversight(_ arguments: [String], environment: [String: String?] = [:]) throws -> (status: Int32, output: String, errors: String) {
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [bundleDirectory, bundleDirectory.deletingLastPathComponent(), bundleDirectory.deletingLastPathComponent().deletingLastPathComponent()]
    guard let binary = candidates.map({ $0.appendingPathComponent("oversight") }).first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CLITestFailure(description: "the oversight executable was not found near \(bundleDirectory.path)")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if !environment.isEmpty {
        var merged = ProcessInfo.processInfo.environment
        for (name, value) in environment { merged[name] = value }
        process.environment = merged
    }
    // Standard error goes to a file and standard output to a pipe read to the end, so a chatty
    // child can never block on a full pipe.
    let errorPath = NSTemporaryDirectory() + "oversight-stderr-" + UUID().uuidString
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: errorPath) }
    let errorHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
    let output = Pipe()
    process.standardOutput = output
    process.standardError = errorHandle
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errorHandle.close()
    let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), errors)
}

struct CLITestFailure: Error, CustomStringConvertible { var description: String }

func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "oversight-cli-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func lines(of path: String) -> [String] {
    (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) ?? []
}

/// `stats --format json` read back.
struct Stats: Decodable {
    var entities: [String: Int]
    var total: Int
}

@Suite("The oversight command line, end to end", .serialized)
struct CommandLineTests {
    @Test("generate → import ssd → stats: every person row becomes a child, and stats prints JSON")
    func generateImportStats() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let generate = try runOversight(["generate", "--size", "tiny", "--seed", "7", "--out", work + "/ssd"])
        #expect(generate.status == 0, "\(generate.errors)")
        let imported = try runOversight(["import", "ssd", work + "/ssd", "--db", work + "/o.sqlite"])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.errors.contains("Imported"))
        let stats = try runOversight(["stats", "--db", work + "/o.sqlite", "--format", "json"])
        #expect(stats.status == 0)
        let decoded = try JSONDecoder().decode(Stats.self, from: Data(stats.output.utf8))
        let people = lines(of: work + "/ssd/ssd_person.csv").count - 1
        #expect(decoded.entities["child"] == people)
        #expect((decoded.entities["childInNeedEpisode"] ?? 0) > 0)
        #expect((decoded.entities["involvement"] ?? 0) > 0)
        #expect(decoded.total == decoded.entities.values.reduce(0, +))

        // Importing the same extract again changes nothing.
        #expect(try runOversight(["import", "ssd", work + "/ssd", "--db", work + "/o.sqlite"]).status == 0)
        let again = try JSONDecoder().decode(Stats.self, from: Data(try runOversight(["stats", "--db", work + "/o.sqlite", "--format", "json"]).output.utf8))
        #expect(again.entities == decoded.entities)

        let table = try runOversight(["stats", "--db", work + "/o.sqlite"])
        #expect(table.output.contains("Children"))
    }

    @Test("A dirty extract fails with file:line: column, and --skip-invalid rejects exactly the structural errors the generator injected")
    func dirtyExtract() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try runOversight(["generate", "--size", "tiny", "--seed", "3", "--dirt", "--out", work + "/ssd"]).status == 0)
        let strict = try runOversight(["import", "ssd", work + "/ssd", "--db", work + "/o.sqlite"])
        #expect(strict.status != 0)
        #expect(strict.errors.contains("error: ssd_"))
        #expect(strict.errors.contains("the database is unchanged"))
        let empty = try JSONDecoder().decode(Stats.self, from: Data(try runOversight(["stats", "--db", work + "/o.sqlite", "--format", "json"]).output.utf8))
        #expect(empty.total == 0)

        let lenient = try runOversight(["import", "ssd", work + "/ssd", "--db", work + "/o.sqlite", "--skip-invalid", "--rejects", work + "/rejects.csv"])
        #expect(lenient.status == 0, "\(lenient.errors)")
        // Manifest: table,line,column,kind,detail. Rejects: file,line,column,value,reason.
        let injected = Set(lines(of: work + "/ssd/_dirt_manifest.csv").dropFirst().compactMap { line -> String? in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 4, fields[3].hasPrefix("structural") else { return nil }
            return "\(fields[0]).csv:\(fields[1]):\(fields[2])"
        })
        let rejected = Set(lines(of: work + "/rejects.csv").dropFirst().map { line -> String in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(fields[0]):\(fields[1]):\(fields[2])"
        })
        #expect(!injected.isEmpty)
        #expect(rejected == injected)
    }

    @Test("Failures exit non-zero with a message a person can act on")
    func failures() throws {
        let missing = try runOversight(["import", "ssd", "/nonexistent-extract", "--db", NSTemporaryDirectory() + "x-\(UUID()).sqlite"])
        #expect(missing.status != 0)
        #expect(missing.errors.contains("/nonexistent-extract: is not a folder"))
        let noDatabase = try runOversight(["stats", "--db", "/nonexistent.sqlite"])
        #expect(noDatabase.status != 0)
        #expect(noDatabase.errors.contains("does not exist"))
        let badSize = try runOversight(["generate", "--size", "huge", "--out", "/tmp/x"])
        #expect(badSize.status != 0)
    }

    @Test("demo --no-serve generates, imports and leaves a database ready to serve")
    func demo() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let result = try runOversight(["demo", "--size", "tiny", "--db", work + "/demo.sqlite", "--extract", work + "/extract", "--no-serve"])
        #expect(result.status == 0, "\(result.errors)")
        let stats = try JSONDecoder().decode(Stats.self, from: Data(try runOversight(["stats", "--db", work + "/demo.sqlite", "--format", "json"]).output.utf8))
        #expect((stats.entities["child"] ?? 0) > 100)
    }

    @Test("working-days counts across the 2022 State Funeral, and later years come from a holidays file")
    func workingDays() throws {
        #expect(try runOversight(["working-days", "2022-09-16", "2022-09-20"]).output == "1\n")
        #expect(try runOversight(["working-days", "2024-03-01", "--add", "45"]).output == "2024-05-08\n")
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try "date,title\n2028-04-14,Good Friday\n2028-04-17,Easter Monday\n".write(toFile: work + "/h.csv", atomically: true, encoding: .utf8)
        let without = try runOversight(["working-days", "2028-04-13", "2028-04-18"])
        #expect(without.output == "3\n")
        #expect(without.errors.contains("only to 2027"))
        let with = try runOversight(["working-days", "2028-04-13", "2028-04-18", "--holidays", work + "/h.csv"])
        #expect(with.output == "1\n")
        #expect(with.errors.isEmpty)
        try "2028-02-30,Bad\n".write(toFile: work + "/bad.csv", atomically: true, encoding: .utf8)
        let bad = try runOversight(["working-days", "2028-04-13", "2028-04-18", "--holidays", work + "/bad.csv"])
        #expect(bad.status != 0)
        #expect(bad.errors.contains("bad.csv:1: date: '2028-02-30' is not a YYYY-MM-DD date"))
    }

    @Test("serve on a port that is taken says so and exits non-zero")
    func portInUse() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try runOversight(["demo", "--size", "tiny", "--db", work + "/d.sqlite", "--extract", work + "/x", "--no-serve"]).status == 0)
        // Hold a port open with a plain socket, then ask the server for it.
        let socket = BusyPort.listeningSocket()
        defer { BusyPort.close(socket.descriptor) }
        let result = try runOversight(["serve", "--db", work + "/d.sqlite", "--port", String(socket.port)])
        #expect(result.status != 0)
        #expect(result.errors.contains("port \(socket.port) on 127.0.0.1 is already in use"))
    }

    @Test("The demo holds the 2022 action plan; serve answers /health, then shuts down gracefully on SIGTERM and exits 0")
    func gracefulShutdown() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try runOversight(["demo", "--size", "tiny", "--db", work + "/d.sqlite", "--extract", work + "/x", "--no-serve"]).status == 0)
        let plans = try runOversight(["plan", "list", "--db", work + "/d.sqlite"]).output
        #expect(plans.contains("ofsted-2022") && plans.contains("wsoa"), "the demo holds the action plan and the SEND WSOA")
        let pack = try runOversight(["board-pack", "--db", work + "/d.sqlite", "--plan", "ofsted-2022", "--as-of", "2026-10-31", "--out", work + "/pack.html"])
        #expect(pack.status == 0, "\(pack.errors)")
        #expect(pack.output.contains("Wrote the board pack for ofsted-2022 as at 2026-10-31"))
        let html = try String(contentsOfFile: work + "/pack.html", encoding: .utf8)
        #expect(html.contains("Improvement board pack as at 31 Oct 2026"))
        #expect(html.contains("data-measure=\"CIN-02\""), "the demo's case data gives the linked measures")
        let wrongKind = try runOversight(["board-pack", "--db", work + "/d.sqlite", "--as-of", "2026-10-31", "--out", work + "/x", "--kind", "weekly"])
        #expect(wrongKind.status != 0)
        #expect(wrongKind.errors.contains("--kind must be board or quarterly"))
        let socket = BusyPort.listeningSocket()
        BusyPort.close(socket.descriptor)
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let binary = try #require([bundle, bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("oversight") }.first { FileManager.default.isExecutableFile(atPath: $0.path) })
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--db", work + "/d.sqlite", "--port", String(socket.port)]
        let log = work + "/serve.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var healthy = false
        for _ in 0..<100 where !healthy {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-sf", "-o", "/dev/null", "http://127.0.0.1:\(socket.port)/health"]
            try curl.run()
            curl.waitUntilExit()
            healthy = curl.terminationStatus == 0
            if !healthy { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(healthy)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test("The mapping command prints the standard mapping as JSON a council can edit")
    func mapping() throws {
        let result = try runOversight(["mapping"])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(object?["allocatedWorkerRoles"] as? [String] == ["CW"])
        let values = object?["values"] as? [String: [String: String]]
        #expect(values?["LegalStatus"]?["full care order"] == "C2")
    }
}

/// A listening TCP socket on 127.0.0.1 with a kernel-chosen port, to make a port busy.
enum BusyPort {
    static func listeningSocket() -> (descriptor: Int32, port: Int) {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, length) } }
        _ = Glibc.listen(descriptor, 1)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    static func close(_ descriptor: Int32) { _ = Glibc.close(descriptor) }
}
