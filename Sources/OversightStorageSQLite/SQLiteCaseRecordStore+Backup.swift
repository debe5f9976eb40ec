import Foundation
import GRDB
import OversightStorage

/// Backups of a SQLite store: a folder holding a copy of the catalogue, made with SQLite's online backup API, and a
/// copy of the snapshot file that copy names as current.
///
/// ```
/// BACKUP/oversight-backup.json           what the backup holds (BackupManifest)
/// BACKUP/catalogue.sqlite                imports, users, sessions, tokens, restrictions, audits, access log
/// BACKUP/snapshots/snapshot-<uuid>.sqlite  the current case records (absent before the first import)
/// ```
///
/// The pair is consistent: the catalogue is copied inside one read transaction, so it is a single moment's state,
/// and the snapshot it names is written once and never changed. A server or an import can keep running meanwhile.
extension SQLiteCaseRecordStore {
    static let backupCatalogue = "catalogue.sqlite"
    static let backupSnapshots = "snapshots"

    /// What the catalogue holds besides case records: imports, users, sessions and so on, counted.
    /// - Throws: `StorageError.database`.
    public func contents() throws(StorageError) -> StoreContents {
        try readCatalogue("counting what the database holds") { db in try Self.contents(db) }
    }

    private static func contents(_ db: Database) throws -> StoreContents {
        var contents = StoreContents()
        for table in StoreContents.tables where try db.tableExists(table.table) {
            contents[keyPath: table.path] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.table)") ?? 0
        }
        return contents
    }

    /// Copies the catalogue and the current snapshot into a new folder.
    ///
    /// The catalogue is copied first; the snapshot it names is then opened and copied. An import that lands in
    /// between removes that file, so the copy starts again from the catalogue, up to five times.
    ///
    /// - Parameters:
    ///   - folder: a folder that does not exist yet, or an empty one.
    ///   - createdAt: the time to record in the manifest (ISO 8601).
    /// - Returns: the manifest written into the folder.
    /// - Throws: `BackupError`; the folder is removed again if the backup fails.
    public func backup(to folder: String, createdAt: String) throws(BackupError) -> BackupManifest {
        try BackupManifest.createFolder(folder)
        do {
            return try writeBackup(to: folder, createdAt: createdAt)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    private func writeBackup(to folder: String, createdAt: String) throws(BackupError) -> BackupManifest {
        let fileManager = FileManager.default
        let copyPath = folder + "/" + Self.backupCatalogue
        for _ in 1...5 {
            try? fileManager.removeItem(atPath: copyPath)
            let described: (snapshot: String?, contents: StoreContents, migrations: [String])
            do {
                let copy = try DatabaseQueue(path: copyPath)
                try catalogue.backup(to: copy)
                described = try copy.read { db in
                    (try String.fetchOne(db, sql: "SELECT snapshot FROM extract ORDER BY id DESC LIMIT 1"), try Self.contents(db),
                     try Migrations.catalogue.appliedMigrations(db))
                }
                // One self-contained file, whatever the catalogue's journal mode: reading it back needs no -wal or -shm.
                try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
                try copy.close()
            } catch {
                throw .storage(.database(operation: "copying the catalogue to \(copyPath)", reason: Self.reason(error)))
            }
            if let snapshot = described.snapshot {
                // Opened before it is read: once open, the file stays readable even if a newer import removes it.
                guard let source = FileHandle(forReadingAtPath: snapshotFolder + "/" + snapshot) else { continue }
                defer { try? source.close() }
                let destination = folder + "/" + Self.backupSnapshots + "/" + snapshot
                try Self.copy(source, to: destination)
            }
            let manifest = BackupManifest(
                store: .sqlite, createdAt: createdAt, migrations: described.migrations, snapshot: described.snapshot,
                contents: described.contents)
            try manifest.write(to: folder)
            return manifest
        }
        throw .storage(.database(operation: "backing up \(path)", reason: "imports kept replacing the snapshot being copied; try again"))
    }

    /// Restores a backup made by `backup(to:createdAt:)` into the database at `path`, creating it if needed.
    ///
    /// The snapshot file is copied in first, under its own name, then the backup's catalogue replaces the database's
    /// through SQLite's backup API, in one step: a server reading the database moves to the restored data on its next
    /// read. Snapshot files the restored catalogue does not name are then removed, and migrations newer than the
    /// backup are applied.
    ///
    /// - Parameters:
    ///   - folder: the backup.
    ///   - path: the database file to restore into.
    ///   - force: replace a database that already holds data (imports, users or access-log entries); without it,
    ///     such a database is refused and left untouched.
    /// - Returns: the backup's manifest.
    /// - Throws: `BackupError.notABackup`, `.wrongStore`, `.targetHoldsData`, `.file` or `.storage`.
    @discardableResult
    public static func restore(from folder: String, to path: String, force: Bool) throws(BackupError) -> BackupManifest {
        let manifest = try BackupManifest.read(from: folder)
        guard manifest.store == .sqlite else { throw .wrongStore(folder, holds: manifest.store, target: .sqlite) }
        let sourcePath = folder + "/" + backupCatalogue
        let snapshotSource = manifest.snapshot.map { folder + "/" + backupSnapshots + "/" + $0 }
        for file in [sourcePath] + (snapshotSource.map { [$0] } ?? []) where !FileManager.default.fileExists(atPath: file) {
            throw .notABackup(folder, reason: "\(file) is missing")
        }

        try refuseForeignTables(at: path)
        let target: SQLiteCaseRecordStore
        do { target = try SQLiteCaseRecordStore(path: path) } catch { throw .storage(error) }
        let existing: StoreContents
        do { existing = try target.contents() } catch { throw .storage(error) }
        guard force || existing.isEmpty else { throw .targetHoldsData(path, contents: existing) }

        var copiedSnapshot: String?
        if let snapshot = manifest.snapshot, let snapshotSource {
            guard let source = FileHandle(forReadingAtPath: snapshotSource) else {
                throw .file(snapshotSource, reason: "cannot be opened")
            }
            defer { try? source.close() }
            // Written beside its final name and moved into place, so a reader never sees half a file.
            let destination = target.snapshotFolder + "/" + snapshot
            let existed = FileManager.default.fileExists(atPath: destination)
            try copy(source, to: destination + ".restoring")
            guard rename(destination + ".restoring", destination) == 0 else {
                try? FileManager.default.removeItem(atPath: destination + ".restoring")
                throw .file(destination, reason: String(cString: strerror(errno)))
            }
            if !existed { copiedSnapshot = destination }
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let source = try DatabaseQueue(path: sourcePath, configuration: configuration)
            try source.backup(to: target.catalogue)
            try source.close()
        } catch {
            // The catalogue is as it was, so the snapshot copied in for it is not named: nothing is left behind.
            if let copiedSnapshot { try? FileManager.default.removeItem(atPath: copiedSnapshot) }
            throw .storage(.database(operation: "restoring the catalogue from \(sourcePath)", reason: reason(error)))
        }
        // Snapshots of the replaced data are not named any more.
        let kept = Set(manifest.snapshot.map { [$0] } ?? [])
        for file in (try? FileManager.default.contentsOfDirectory(atPath: target.snapshotFolder)) ?? [] where !kept.contains(file) {
            try? FileManager.default.removeItem(atPath: target.snapshotFolder + "/" + file)
        }
        // A backup from an earlier version gains the migrations added since.
        do { _ = try SQLiteCaseRecordStore(path: path) } catch { throw .storage(error) }
        return manifest
    }

    /// Refuses a file that holds tables Oversight did not create, looking without changing it.
    private static func refuseForeignTables(at path: String) throws(BackupError) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? NSNumber, size.intValue > 0 else { return }
        let tables: [String]
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            tables = try queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
            }
            try queue.close()
        } catch {
            throw .storage(.cannotOpen(path: path, reason: reason(error)))
        }
        let foreign = tables.filter { !StoreContents.catalogueTables.contains($0) }
        guard foreign.isEmpty else { throw .foreignTables(path, tables: foreign) }
    }

    /// Copies everything readable from `source` into a new file at `path`, a few megabytes at a time.
    private static func copy(_ source: FileHandle, to path: String) throws(BackupError) {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard fileManager.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            let destination = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? destination.close() }
            while let chunk = try source.read(upToCount: 8 << 20), !chunk.isEmpty {
                try destination.write(contentsOf: chunk)
            }
            try destination.synchronize()
        } catch {
            throw .file(path, reason: error.localizedDescription)
        }
    }
}
