import ArgumentParser
import OversightStorage

extension OversightCommand {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Back a database up into a new folder, consistently, while it stays in use.",
            discussion: """
                SQLite: a copy of the catalogue made with SQLite's backup API, and the current snapshot file. \
                PostgreSQL: a pg_dump archive of the catalogue schema and the current snapshot schema (pg_dump must \
                be on PATH). Restore it with 'oversight restore --from FOLDER --db DATABASE'.
                """)

        @OptionGroup var database: ExistingDatabase

        @Option(help: "The folder to write the backup into: a new folder, or an empty one.")
        var out: String

        func run() throws {
            let manifest: BackupManifest
            do { manifest = try database.location.backup(to: out, createdAt: isoTimestamp()) } catch { throw failure(error) }
            print("Backed up \(database.location) to \(out): \(manifest.contents).")
        }
    }
}
