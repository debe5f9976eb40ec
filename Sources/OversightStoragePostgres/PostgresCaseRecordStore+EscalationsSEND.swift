import OversightStorage
import PostgresNIO

/// The IRO escalation and SEND trackers' records in the catalogue schema (migration `007-escalations-send`), behaving
/// as the SQLite store's do; the tracker contract suite runs against both.
extension PostgresCaseRecordStore: TrackerDocumentStore {
    public func saveTrackerDocuments(_ documents: [TrackerDocument], in table: TrackerTable) throws(StorageError) {
        let logger = pool.logger
        try database("saving \(documents.count) \(table.rawValue) records") { connection in
            try transaction(connection) {
                for document in documents {
                    try connection.run(
                        """
                        INSERT INTO \(catalogue(table.rawValue)) (id, child_id, body) VALUES ($1, $2, $3)
                        ON CONFLICT (id) DO UPDATE SET child_id = excluded.child_id, body = excluded.body
                        """, Self.binds(document.id, document.child, document.body), logger: logger)
                }
            }
        }
    }

    public func fetchTrackerDocuments(in table: TrackerTable) throws(StorageError) -> [TrackerDocument] {
        let operation = "reading \(table.rawValue) records"
        var documents: [TrackerDocument] = []
        for row in try execute(operation, "SELECT id, child_id, body FROM \(catalogue(table.rawValue)) ORDER BY id COLLATE \"C\"") {
            let (id, child, body) = try Self.decode(row, (String, String, String).self, operation)
            documents.append(TrackerDocument(id: id, child: child, body: body))
        }
        return documents
    }
}
