import GRDB
import OversightStorage

/// The IRO escalation and SEND trackers' records, in the catalogue (migration `007-escalations-send`).
extension SQLiteCaseRecordStore: TrackerDocumentStore {
    public func saveTrackerDocuments(_ documents: [TrackerDocument], in table: TrackerTable) throws(StorageError) {
        try writeCatalogue("saving \(documents.count) \(table.rawValue) records") { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO \(table.rawValue) (id, child_id, body) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET child_id = excluded.child_id, body = excluded.body
                """)
            for document in documents { try statement.execute(arguments: [document.id, document.child, document.body]) }
        }
    }

    public func fetchTrackerDocuments(in table: TrackerTable) throws(StorageError) -> [TrackerDocument] {
        try readCatalogue("reading \(table.rawValue) records") { db in
            try Row.fetchAll(db, sql: "SELECT id, child_id, body FROM \(table.rawValue) ORDER BY id").map { row in
                TrackerDocument(id: row["id"], child: row["child_id"], body: row["body"])
            }
        }
    }
}
