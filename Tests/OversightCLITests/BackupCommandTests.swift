import Foundation
import OversightStoragePostgres
import Testing

/// A place for one test's database: a SQLite file in the test's folder, or a schema of its own on the test server.
enum DatabaseKind: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }

    static var tested: [DatabaseKind] { PostgresTestServer.isSkipped ? [.sqlite] : allCases }

    /// A new `--db` value, how messages name it (without a password), and how to remove what it names.
    func database(in work: String, named name: String) throws -> (db: String, shown: String, drop: () -> Void) {
        switch self {
        case .sqlite:
            return (work + "/\(name).sqlite", work + "/\(name).sqlite", {})
        case .postgres:
            let schema = try PostgresTestSchema(name)
            return (schema.db, "\(try PostgresURL(parsing: schema.url))?schema=\(schema.schema)", schema.drop)
        }
    }
}

@Suite("oversight migrate, backup and restore", .serialized)
struct BackupCommandTests {
    @Test("migrate prints what it applied; a backup restored into a new database gives the same stats, measures and users",
          arguments: DatabaseKind.tested)
    func roundTrip(kind: DatabaseKind) throws {
        let work = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let (source, shown, dropSource) = try kind.database(in: work, named: "source")
        defer { dropSource() }
        let (copy, _, dropCopy) = try kind.database(in: work, named: "copy")
        defer { dropCopy() }
        let first = try runOversight(["migrate", "--db", source])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output == "applied 001-extracts\napplied 002-access\napplied 003-plans\napplied 004-workforce\napplied 005-audits\napplied 006-lado-notifications\napplied 007-escalations-send\napplied 009-cin-child-details\n\(shown) is up to date (8 migrations: 001-extracts, 002-access, 003-plans, 004-workforce, 005-audits, 006-lado-notifications, 007-escalations-send, 009-cin-child-details)\n")
        #expect(try runOversight(["migrate", "--db", source]).output == "\(shown) is up to date (8 migrations: 001-extracts, 002-access, 003-plans, 004-workforce, 005-audits, 006-lado-notifications, 007-escalations-send, 009-cin-child-details)\n")

        #expect(try runOversight(["generate", "--size", "tiny", "--seed", "3", "--out", work + "/ssd"]).status == 0)
        let imported = try runOversight(["import", "ssd", work + "/ssd", "--db", source])
        try #require(imported.status == 0, "\(imported.errors)")
        #expect(try runOversight(["user", "add", "dee", "--role", "director", "--db", source], environment: ["OVERSIGHT_PASSWORD": "pw"]).status == 0)
        let plan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("OversightInterchangeTests/Fixtures/plans/post-ofsted-action-plan-2022.json").path
        #expect(try runOversight(["plan", "import", plan, "--db", source]).status == 0)
        #expect(try runOversight([
            "plan", "update", "1.1", "--db", source, "--status", "s", "--impact", "i", "--more", "m", "--rag", "G", "--by", "A", "--at", "2022-06-01",
        ]).status == 0)

        let backup = try runOversight(["backup", "--db", source, "--out", work + "/backup"])
        #expect(backup.status == 0, "\(backup.errors)")
        #expect(backup.output == "Backed up \(shown) to \(work)/backup: 1 import, 1 user, 1 improvement plan.\n")
        let again = try runOversight(["backup", "--db", source, "--out", work + "/backup"])
        #expect(again.status != 0)
        #expect(again.errors == "error: \(work)/backup already exists and is not empty; back up into a new folder\n")

        let restored = try runOversight(["restore", "--from", work + "/backup", "--db", copy])
        #expect(restored.status == 0, "\(restored.errors)")
        #expect(restored.output.hasPrefix("Restored \(work)/backup (backed up "))
        #expect(restored.output.hasSuffix(": 1 import, 1 user, 1 improvement plan.\n"))
        for command in [["stats", "--format", "json"], ["measures", "--period", "2025-26", "--format", "json"], ["user", "list"], ["plan", "export", "--format", "json"]] {
            let fromSource = try runOversight(command + ["--db", source])
            let fromCopy = try runOversight(command + ["--db", copy])
            #expect(fromSource.status == 0 && fromCopy.status == 0, "\(command): \(fromCopy.errors)")
            #expect(fromCopy.output == fromSource.output, "\(command)")
        }

        let refused = try runOversight(["restore", "--from", work + "/backup", "--db", copy])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("already holds data (1 import, 1 user, 1 improvement plan); restoring would replace it; pass --force to restore over it"),
                "\(refused.errors)")
        let forced = try runOversight(["restore", "--from", work + "/backup", "--db", copy, "--force"])
        #expect(forced.status == 0, "\(forced.errors)")

        // A backup of one kind of store is refused by the other, before anything is touched.
        let other = kind == .sqlite ? "postgres://oversight:secret@127.0.0.1:1/nowhere" : work + "/other.sqlite"
        let crossed = try runOversight(["restore", "--from", work + "/backup", "--db", other])
        #expect(crossed.status != 0)
        #expect(crossed.errors.contains("cannot be restored into"))
        #expect(!FileManager.default.fileExists(atPath: work + "/other.sqlite"))
    }

    @Test("On PostgreSQL, backup and restore say which client program is missing from PATH, and write nothing",
          .enabled(if: !PostgresTestServer.isSkipped, "OVERSIGHT_SKIP_POSTGRES=1"))
    func missingPrograms() throws {
        let postgres = try PostgresTestSchema("tools")
        let work = temporaryDirectory()
        defer {
            postgres.drop()
            try? FileManager.default.removeItem(atPath: work)
        }
        #expect(try runOversight(["migrate", "--db", postgres.db]).status == 0)
        let backup = try runOversight(["backup", "--db", postgres.db, "--out", work + "/backup"], environment: ["PATH": "/nonexistent"])
        #expect(backup.status != 0)
        #expect(backup.errors.hasPrefix("error: pg_dump was not found on PATH; install PostgreSQL's client programs"))
        #expect(!FileManager.default.fileExists(atPath: work + "/backup"))

        #expect(try runOversight(["backup", "--db", postgres.db, "--out", work + "/backup"]).status == 0)
        let restore = try runOversight(["restore", "--from", work + "/backup", "--db", postgres.db, "--force"], environment: ["PATH": "/nonexistent"])
        #expect(restore.status != 0)
        #expect(restore.errors.hasPrefix("error: pg_restore was not found on PATH"))
    }
}
