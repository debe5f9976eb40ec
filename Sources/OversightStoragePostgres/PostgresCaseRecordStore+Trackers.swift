import Foundation
import OversightCore
import OversightStorage
import PostgresNIO

/// LADO allegations and partner notifications in the catalogue schema (migration `006-lado-notifications`), behaving
/// as the SQLite store's do; the tracker store contract suite runs against both.
extension PostgresCaseRecordStore: AllegationStore, PartnerNotificationStore {
    public func saveAllegations(_ allegations: [Allegation]) throws(StorageError) {
        let logger = pool.logger
        try database("saving \(allegations.count) allegations") { connection in
            try transaction(connection) {
                for allegation in allegations {
                    var binds = Self.binds(allegation.id.rawValue, allegation.receivedOn.isoString, allegation.officer)
                    binds.append(allegation.outcome?.rawValue)
                    binds.append(allegation.closedOn?.isoString)
                    binds.append(TrackerJSON.encode(allegation))
                    try connection.run(
                        """
                        INSERT INTO \(catalogue("lado_allegation")) (id, received_on, officer, outcome, closed_on, document)
                        VALUES ($1, $2::text::date, $3, $4, $5::text::date, $6)
                        ON CONFLICT (id) DO UPDATE SET received_on = excluded.received_on, officer = excluded.officer,
                            outcome = excluded.outcome, closed_on = excluded.closed_on, document = excluded.document
                        """, binds, logger: logger)
                }
            }
        }
    }

    public func fetchAllegations() throws(StorageError) -> [Allegation] {
        try documents("lado_allegation", as: Allegation.self, kind: "allegation")
    }

    /// Every record of a tracker table, decoded from its document, in SQLite's order (IDs byte-wise).
    private func documents<T: Decodable>(_ table: String, as type: T.Type, kind: String) throws(StorageError) -> [T] {
        let operation = "listing \(kind)s"
        let rows = try execute(operation, "SELECT id, document FROM \(catalogue(table)) ORDER BY id COLLATE \"C\"")
        return try rows.map { row throws(StorageError) in
            let (id, document) = try Self.decode(row, (String, String).self, operation)
            return try TrackerJSON.decode(type, document, record: "\(kind) \(id)")
        }
    }

    public func fetchAllegation(_ id: Identifier<Allegation>) throws(StorageError) -> Allegation? {
        let operation = "reading allegation \(id)"
        guard let row = try execute(operation, "SELECT document FROM \(catalogue("lado_allegation")) WHERE id = $1", Self.binds(id.rawValue)).first
        else { return nil }
        let document = try Self.decode(row, String.self, operation)
        return try TrackerJSON.decode(Allegation.self, document, record: "allegation \(id)")
    }

    public func disposeAllegations(_ disposals: [AllegationDisposal]) throws(StorageError) {
        let logger = pool.logger
        try database("purging \(disposals.count) allegations") { connection in
            try transaction(connection) {
                for disposal in disposals {
                    let id = disposal.allegationID.rawValue
                    if try connection.run("DELETE FROM \(catalogue("lado_allegation")) WHERE id = $1 RETURNING id", Self.binds(id), logger: logger).isEmpty {
                        throw TrackerJSON.notStored("allegation", id)
                    }
                    var binds = Self.binds(id)
                    binds.append(disposal.outcome?.rawValue)
                    binds.append(disposal.closedOn.isoString)
                    binds.append(disposal.retainedUntil.isoString)
                    binds.append(disposal.reason)
                    binds.append(disposal.disposedOn.isoString)
                    try connection.run(
                        """
                        INSERT INTO \(catalogue("lado_disposal")) (allegation_id, outcome, closed_on, retained_until, reason, disposed_on)
                        VALUES ($1, $2, $3::text::date, $4::text::date, $5, $6::text::date)
                        """, binds, logger: logger)
                }
            }
        }
    }

    public func fetchDisposals() throws(StorageError) -> [AllegationDisposal] {
        let operation = "listing disposals"
        let rows = try execute(
            operation,
            """
            SELECT allegation_id, outcome, to_char(closed_on, 'YYYY-MM-DD'), to_char(retained_until, 'YYYY-MM-DD'), reason,
                to_char(disposed_on, 'YYYY-MM-DD')
            FROM \(catalogue("lado_disposal")) ORDER BY allegation_id COLLATE "C"
            """)
        return try rows.map { row throws(StorageError) in
            let (id, outcome, closed, until, reason, disposed) = try Self.decode(row, (String, String?, String, String, String, String).self, operation)
            return try TrackerJSON.disposal(id: id, outcome: outcome, closedOn: closed, retainedUntil: until, reason: reason, disposedOn: disposed)
        }
    }

    public func addNotifications(_ notifications: [PartnerNotification]) throws(StorageError) {
        let logger = pool.logger
        try database("adding \(notifications.count) partner notifications") { connection in
            try transaction(connection) {
                for notification in notifications {
                    var binds = Self.binds(notification.id.rawValue, notification.source.rawValue, notification.receivedOn.isoString)
                    binds.append(notification.screenedOn?.isoString)
                    binds.append(TrackerJSON.encode(notification))
                    let inserted = try connection.run(
                        """
                        INSERT INTO \(catalogue("partner_notification")) (id, source, received_on, screened_on, document)
                        VALUES ($1, $2, $3::text::date, $4::text::date, $5) ON CONFLICT (id) DO NOTHING RETURNING id
                        """, binds, logger: logger)
                    if inserted.isEmpty { throw TrackerJSON.alreadyStored("notification", notification.id.rawValue) }
                }
            }
        }
    }

    public func updateNotification(_ notification: PartnerNotification) throws(StorageError) {
        var binds = Self.binds(notification.id.rawValue, notification.source.rawValue, notification.receivedOn.isoString)
        binds.append(notification.screenedOn?.isoString)
        binds.append(TrackerJSON.encode(notification))
        let updated = try execute(
            "updating notification \(notification.id)",
            """
            UPDATE \(catalogue("partner_notification")) SET source = $2, received_on = $3::text::date, screened_on = $4::text::date, document = $5
            WHERE id = $1 RETURNING id
            """, binds)
        if updated.isEmpty { throw TrackerJSON.notStored("notification", notification.id.rawValue) }
    }

    public func fetchNotifications() throws(StorageError) -> [PartnerNotification] {
        try documents("partner_notification", as: PartnerNotification.self, kind: "notification")
    }
}
