import ArgumentParser
import OversightStorage

extension OversightCommand {
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore a backup made by 'oversight backup' into a database.",
            discussion: """
                A SQLite backup restores into a SQLite file, a PostgreSQL backup into a PostgreSQL database (pg_restore \
                and psql must be on PATH; the schema restored into is the one --db names, ?schema=NAME or oversight). \
                A database that already holds imports, users or access-log entries is refused unless --force is given. \
                The restore lands whole or not at all.
                """)

        @Option(help: "The backup folder.")
        var from: String

        @OptionGroup var database: TargetDatabase

        @Flag(help: "Replace a database that already holds data.")
        var force = false

        func run() throws {
            let manifest: BackupManifest
            do {
                manifest = try database.location.restore(from: from, force: force)
            } catch .targetHoldsData(let target, let contents) {
                throw failure(CommandFailure("\(BackupError.targetHoldsData(target, contents: contents)); pass --force to restore over it"))
            } catch {
                throw failure(error)
            }
            print("Restored \(from) (backed up \(manifest.createdAt)) into \(database.location): \(manifest.contents).")
        }
    }
}
