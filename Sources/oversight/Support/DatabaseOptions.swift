import ArgumentParser
import Foundation

/// `--db` for commands that read an existing database: one declaration, one check, one message.
struct ExistingDatabase: ParsableArguments {
    @Option(help: "The database: a SQLite file path, or sqlite:PATH.")
    var db: String

    /// The SQLite file path, without the optional `sqlite:` prefix.
    var path: String { db.hasPrefix("sqlite:") ? String(db.dropFirst(7)) : db }

    func validate() throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("\(db) does not exist; import an extract first with 'oversight import ssd DIR --db \(path)', or run 'oversight demo'")
        }
    }
}
