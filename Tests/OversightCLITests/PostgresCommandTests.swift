import Foundation
import OversightStorage
import OversightStoragePostgres
import Testing

/// The PostgreSQL server the tests use: `OVERSIGHT_TEST_POSTGRES`, which `scripts/test` sets after starting one.
enum PostgresTestServer {
    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "OVERSIGHT_TEST_POSTGRES is not set, so the command line cannot be tested on PostgreSQL: run `bash scripts/test` "
                + "(it starts a throwaway PostgreSQL 15 and sets it), or set OVERSIGHT_SKIP_POSTGRES=1 to leave PostgreSQL out on purpose"
        }
    }

    static var isSkipped: Bool { ProcessInfo.processInfo.environment["OVERSIGHT_SKIP_POSTGRES"] == "1" }

    /// The server's URL; a test that needs it fails, never skips, when it is missing.
    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["OVERSIGHT_TEST_POSTGRES"], !url.isEmpty else { throw NotConfigured() }
        return url
    }
}

/// A catalogue schema of its own on the test server, for one test: `--db` names it with `?schema=`, and `drop()`
/// removes it with its snapshot schemas, so tests can run side by side on one database.
struct PostgresTestSchema {
    let url: String
    let schema: String

    init(_ label: String) throws {
        url = try PostgresTestServer.url()
        schema = "cli_\(label)_\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
    }

    /// The `--db` value.
    var db: String { "\(url)?schema=\(schema)" }

    func drop() {
        guard let store = try? PostgresCaseRecordStore(url: url, schema: schema) else { return }
        try? store.dropSchemas()
        store.close()
    }
}

@Suite("The command line on PostgreSQL", .serialized, .enabled(if: !PostgresTestServer.isSkipped, "OVERSIGHT_SKIP_POSTGRES=1"))
struct PostgresCommandTests {
    @Test("import ssd, stats and measures on PostgreSQL give exactly SQLite's figures for the same extract")
    func sameFiguresAsSQLite() throws {
        let postgres = try PostgresTestSchema("figures")
        let work = temporaryDirectory()
        defer {
            postgres.drop()
            try? FileManager.default.removeItem(atPath: work)
        }
        let sqlite = work + "/o.sqlite"
        let generate = try runOversight(["generate", "--size", "tiny", "--seed", "3", "--out", work + "/ssd"])
        try #require(generate.status == 0, "\(generate.errors)")
        for db in [sqlite, postgres.db] {
            let imported = try runOversight(["import", "ssd", work + "/ssd", "--db", db])
            try #require(imported.status == 0, "\(imported.errors)")
            #expect(imported.errors.contains("Imported"))
        }

        let fromSQLite = try JSONDecoder().decode(Stats.self, from: Data(try runOversight(["stats", "--db", sqlite, "--format", "json"]).output.utf8))
        let statsRun = try runOversight(["stats", "--db", postgres.db, "--format", "json"])
        #expect(statsRun.status == 0, "\(statsRun.errors)")
        let fromPostgres = try JSONDecoder().decode(Stats.self, from: Data(statsRun.output.utf8))
        #expect(fromPostgres.entities == fromSQLite.entities)
        #expect(fromPostgres.total == fromSQLite.total)
        #expect((fromPostgres.entities["child"] ?? 0) > 100)
        #expect(try runOversight(["stats", "--db", postgres.db]).output.contains("Latest extract: ssd"))

        // The same command on either store prints the same text, byte for byte.
        let commands: [[String]] = [
            ["measures", "--period", "2025-26", "--population", "20000", "--format", "json"],
            ["measures", "--period", "2024-25", "--format", "csv", "--suppress"],
            ["measures", "--period", "2025-26", "--cohort", "age=10-15", "--format", "json"],
            ["measures", "explain", "CIN-06", "--period", "2025-26", "--format", "csv"],
            ["measures", "trend", "CP-04", "--period", "2026-03", "--format", "csv"],
        ]
        for command in commands {
            let onSQLite = try runOversight(command + ["--db", sqlite])
            let onPostgres = try runOversight(command + ["--db", postgres.db])
            #expect(onSQLite.status == 0, "\(command): \(onSQLite.errors)")
            #expect(onPostgres.status == 0, "\(command): \(onPostgres.errors)")
            #expect(onPostgres.output == onSQLite.output, "\(command.joined(separator: " "))")
            #expect(onSQLite.output.count > 200)
        }
        let measures = try JSONDecoder().decode([MeasureOutput].self, from: Data(
            try runOversight(["measures", "--db", postgres.db, "--period", "2025-26", "--format", "json"]).output.utf8))
        #expect((measures.first { $0.id == "CIN-06" }?.denominator ?? 0) > 0)

        let badTeam = try runOversight(["measures", "--db", postgres.db, "--period", "2025-26", "--team", "No Such Team"])
        #expect(badTeam.status != 0)
        #expect(badTeam.errors.contains("no team with ID or name 'No Such Team' in postgres://"))
        #expect(!badTeam.errors.contains(":oversight@"), "the password is never printed")
    }

    @Test("user add, list, token and restrict work on PostgreSQL")
    func users() throws {
        let postgres = try PostgresTestSchema("users")
        defer { postgres.drop() }
        let added = try runOversight(["user", "add", "Dee", "--role", "director", "--name", "Dee Director", "--db", postgres.db],
                                     environment: ["OVERSIGHT_PASSWORD": "correct horse"])
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output == "Saved dee (Director or senior leader).\n")
        let listed = try runOversight(["user", "list", "--db", postgres.db])
        #expect(listed.output.split(separator: "\n").last?.split(separator: " ") == ["dee", "Dee", "Director", "director"])
        let token = try runOversight(["user", "token", "dee", "--db", postgres.db])
        #expect(token.status == 0, "\(token.errors)")
        #expect(!token.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(try runOversight(["user", "token", "nobody", "--db", postgres.db]).errors.contains("no user called nobody"))
        #expect(try runOversight(["user", "restrict", "C1", "--users", "dee", "--reason", "relative", "--db", postgres.db]).output == "Restricted C1.\n")
        #expect(try runOversight(["user", "assign-audit", "dee", "C1", "C2", "--db", postgres.db]).output == "Assigned 2 children to dee.\n")

        let store = try PostgresCaseRecordStore(url: postgres.url, schema: postgres.schema)
        defer { store.close() }
        #expect(try store.users().map(\.username) == ["dee"])
        #expect(try store.restrictions().map(\.childID) == ["C1"])
        #expect(try store.auditedChildren(of: "dee") == ["C1", "C2"])
    }

    @Test("serve opens the PostgreSQL store and names it without the password")
    func serve() throws {
        let postgres = try PostgresTestSchema("serve")
        defer { postgres.drop() }
        let socket = BusyPort.listeningSocket()
        defer { BusyPort.close(socket.descriptor) }
        let result = try runOversight(["serve", "--db", postgres.db, "--port", String(socket.port)])
        #expect(result.status != 0)
        let url = try PostgresURL(parsing: postgres.url)
        #expect(result.errors.contains("Oversight is serving \(url)?schema=\(postgres.schema) at http://127.0.0.1:\(socket.port)/"), "\(result.errors)")
        #expect(result.errors.contains("port \(socket.port) on 127.0.0.1 is already in use"))
    }
}

@Suite("--db names a SQLite file or a PostgreSQL database")
struct DatabaseOptionTests {
    @Test("A PostgreSQL server that cannot be reached is one line naming its host and port, never 'does not exist'")
    func unreachable() throws {
        for command in [["stats"], ["user", "list"], ["measures", "--period", "2025-26"], ["import", "ssd", "/nonexistent"], ["migrate"],
                        ["backup", "--out", NSTemporaryDirectory() + "/never-written"]] {
            let result = try runOversight(command + ["--db", "postgres://oversight:secret@127.0.0.1:1/oversight"])
            #expect(result.status != 0, "\(command)")
            #expect(result.errors == "error: cannot open database postgres://oversight@127.0.0.1:1/oversight: connection refused: "
                + "no PostgreSQL server is listening on 127.0.0.1 port 1\n", "\(command)")
        }
    }

    @Test("A PostgreSQL URL that cannot be read is refused before anything runs, naming the part that is wrong")
    func badURL() throws {
        let result = try runOversight(["stats", "--db", "postgres://oversight:secret@127.0.0.1:port/oversight"])
        #expect(result.status != 0)
        #expect(result.errors.contains("--db: the port 'port' is not a number from 1 to 65535"))
        #expect(!result.errors.contains("secret"))
    }

    @Test("sqlite:PATH and a plain path name the same file")
    func sqlitePrefix() throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(try runOversight(["generate", "--size", "tiny", "--seed", "5", "--out", work + "/ssd"]).status == 0)
        let imported = try runOversight(["import", "ssd", work + "/ssd", "--db", "sqlite:" + work + "/o.sqlite"])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(FileManager.default.fileExists(atPath: work + "/o.sqlite"))
        let plain = try runOversight(["stats", "--db", work + "/o.sqlite", "--format", "json"])
        let prefixed = try runOversight(["stats", "--db", "sqlite:" + work + "/o.sqlite", "--format", "json"])
        #expect(plain.status == 0 && plain.output == prefixed.output)
        let missing = try runOversight(["stats", "--db", "sqlite:" + work + "/none.sqlite"])
        #expect(missing.errors.contains("does not exist"))
    }
}
