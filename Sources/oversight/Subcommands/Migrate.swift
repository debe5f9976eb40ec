import ArgumentParser

extension OversightCommand {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring a database's schema up to date, creating it if it is new.",
            discussion: """
                Prints each migration applied now, then every migration the database has. Every other command applies \
                missing migrations when it opens a database too; this one does only that, for a deployment step.
                """)

        @OptionGroup var database: TargetDatabase

        func run() throws {
            let location = database.location
            let migrations: (applied: [String], all: [String])
            do { migrations = try location.migrate() } catch { throw failure(error) }
            for name in migrations.applied { print("applied \(name)") }
            print("\(location) is up to date (\(migrations.all.count) migrations: \(migrations.all.joined(separator: ", ")))")
        }
    }
}
