import Foundation
import GRDB
import OversightCore
import OversightStorage

/// LADO allegations and partner notifications in the catalogue (migration `006-lado-notifications`).
extension SQLiteCaseRecordStore: AllegationStore, PartnerNotificationStore {
    public func saveAllegations(_ allegations: [Allegation]) throws(StorageError) {
        try writeCatalogue("saving \(allegations.count) allegations") { db in
            for allegation in allegations {
                try db.execute(
                    sql: """
                        INSERT INTO lado_allegation (id, received_on, officer, outcome, closed_on, document) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET received_on = excluded.received_on, officer = excluded.officer,
                            outcome = excluded.outcome, closed_on = excluded.closed_on, document = excluded.document
                        """,
                    arguments: [
                        allegation.id.rawValue, allegation.receivedOn.isoString, allegation.officer, allegation.outcome?.rawValue,
                        allegation.closedOn?.isoString, TrackerJSON.encode(allegation),
                    ])
            }
        }
    }

    public func fetchAllegations() throws(StorageError) -> [Allegation] {
        try documents("lado_allegation", as: Allegation.self, kind: "allegation")
    }

    /// Every record of a tracker table, decoded from its document, by ID.
    private func documents<T: Decodable>(_ table: String, as type: T.Type, kind: String) throws(StorageError) -> [T] {
        let rows = try readCatalogue("listing \(kind)s") { db in
            try Row.fetchAll(db, sql: "SELECT id, document FROM \(table) ORDER BY id").map { ($0["id"] as String, $0["document"] as String) }
        }
        var records: [T] = []
        for (id, document) in rows { records.append(try TrackerJSON.decode(type, document, record: "\(kind) \(id)")) }
        return records
    }

    public func fetchAllegation(_ id: Identifier<Allegation>) throws(StorageError) -> Allegation? {
        let document = try readCatalogue("reading allegation \(id)") { db in
            try String.fetchOne(db, sql: "SELECT document FROM lado_allegation WHERE id = ?", arguments: [id.rawValue])
        }
        guard let document else { return nil }
        return try TrackerJSON.decode(Allegation.self, document, record: "allegation \(id)")
    }

    public func disposeAllegations(_ disposals: [AllegationDisposal]) throws(StorageError) {
        try writeCatalogue("purging \(disposals.count) allegations") { db in
            for disposal in disposals {
                try db.execute(sql: "DELETE FROM lado_allegation WHERE id = ?", arguments: [disposal.allegationID.rawValue])
                guard db.changesCount == 1 else { throw TrackerJSON.notStored("allegation", disposal.allegationID.rawValue) }
                try db.execute(
                    sql: """
                        INSERT INTO lado_disposal (allegation_id, outcome, closed_on, retained_until, reason, disposed_on)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        disposal.allegationID.rawValue, disposal.outcome?.rawValue, disposal.closedOn.isoString, disposal.retainedUntil.isoString,
                        disposal.reason, disposal.disposedOn.isoString,
                    ])
            }
        }
    }

    public func fetchDisposals() throws(StorageError) -> [AllegationDisposal] {
        let rows = try readCatalogue("listing disposals") { db in try Row.fetchAll(db, sql: "SELECT * FROM lado_disposal ORDER BY allegation_id") }
        return try rows.map { row throws(StorageError) in
            try TrackerJSON.disposal(
                id: row["allegation_id"], outcome: row["outcome"], closedOn: row["closed_on"], retainedUntil: row["retained_until"],
                reason: row["reason"], disposedOn: row["disposed_on"])
        }
    }

    public func addNotifications(_ notifications: [PartnerNotification]) throws(StorageError) {
        try writeCatalogue("adding \(notifications.count) partner notifications") { db in
            for notification in notifications {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM partner_notification WHERE id = ?", arguments: [notification.id.rawValue]) == true {
                    throw TrackerJSON.alreadyStored("notification", notification.id.rawValue)
                }
                try db.execute(
                    sql: "INSERT INTO partner_notification (id, source, received_on, screened_on, document) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        notification.id.rawValue, notification.source.rawValue, notification.receivedOn.isoString, notification.screenedOn?.isoString,
                        TrackerJSON.encode(notification),
                    ])
            }
        }
    }

    public func updateNotification(_ notification: PartnerNotification) throws(StorageError) {
        try writeCatalogue("updating notification \(notification.id)") { db in
            try db.execute(
                sql: "UPDATE partner_notification SET source = ?, received_on = ?, screened_on = ?, document = ? WHERE id = ?",
                arguments: [
                    notification.source.rawValue, notification.receivedOn.isoString, notification.screenedOn?.isoString,
                    TrackerJSON.encode(notification), notification.id.rawValue,
                ])
            guard db.changesCount == 1 else { throw TrackerJSON.notStored("notification", notification.id.rawValue) }
        }
    }

    public func fetchNotifications() throws(StorageError) -> [PartnerNotification] {
        try documents("partner_notification", as: PartnerNotification.self, kind: "notification")
    }
}
