import Foundation
import OversightCore
import Synchronization

/// LADO allegations (issue 10), in the catalogue: they outlive every import of case records.
///
/// An allegation is written whole each time its workflow moves on (the LADO's spreadsheet re-imported, a step
/// recorded), so the store keeps the current state of each; a purge removes the record and leaves a disposal record
/// without names.
public protocol AllegationStore: Sendable {
    /// Adds new allegations and replaces stored ones with the same ID, in one transaction.
    func saveAllegations(_ allegations: [Allegation]) throws(StorageError)

    /// Every stored allegation, by ID.
    func fetchAllegations() throws(StorageError) -> [Allegation]

    /// One allegation; `nil` when there is none (or it was purged).
    func fetchAllegation(_ id: Identifier<Allegation>) throws(StorageError) -> Allegation?

    /// Removes each disposal's allegation and records the disposal, in one transaction.
    /// - Throws: `StorageError.database` naming the allegation when one is not stored; nothing is removed then.
    func disposeAllegations(_ disposals: [AllegationDisposal]) throws(StorageError)

    /// Every disposal recorded, by allegation ID.
    func fetchDisposals() throws(StorageError) -> [AllegationDisposal]
}

/// Partner notifications waiting for, or through, screening (issue 10), in the catalogue.
public protocol PartnerNotificationStore: Sendable {
    /// Adds new notifications in one transaction.
    /// - Throws: `StorageError.database` naming the notification when one with the same ID is stored; none is added then.
    func addNotifications(_ notifications: [PartnerNotification]) throws(StorageError)

    /// Replaces a stored notification: screening, linking and its outcome move it on.
    /// - Throws: `StorageError.database` when no notification has its ID.
    func updateNotification(_ notification: PartnerNotification) throws(StorageError)

    /// Every stored notification, by ID.
    func fetchNotifications() throws(StorageError) -> [PartnerNotification]
}

/// The whole-record JSON column of the tracker tables, written and read the same way by every store; the columns
/// beside it (dates, outcome) exist for indexes and for the purge, and are derived from it.
public enum TrackerJSON {
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Tracker records are plain structs of strings, dates and enums, which always encode.
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, _ text: String, record: String) throws(StorageError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw .database(operation: "reading \(record)", reason: "unreadable record document: \(error)")
        }
    }

    /// A disposal read back from its columns, refusing any value the store could not have written.
    public static func disposal(
        id: String, outcome: String?, closedOn: String, retainedUntil: String, reason: String, disposedOn: String
    ) throws(StorageError) -> AllegationDisposal {
        let outcomeValue = outcome.flatMap(AllegationOutcome.init(rawValue:))
        guard outcome == nil || outcomeValue != nil, let closed = LocalDate(iso: closedOn),
            let until = LocalDate(iso: retainedUntil), let disposed = LocalDate(iso: disposedOn)
        else {
            throw .database(operation: "reading the disposal of allegation \(id)", reason: "unreadable outcome or date")
        }
        return AllegationDisposal(
            allegationID: Identifier(id), outcome: outcomeValue, closedOn: closed, retainedUntil: until, reason: reason, disposedOn: disposed)
    }

    public static func alreadyStored(_ kind: String, _ id: String) -> StorageError {
        .database(operation: "adding \(kind) \(id)", reason: "\(kind) '\(id)' is already stored")
    }

    public static func notStored(_ kind: String, _ id: String) -> StorageError {
        .database(operation: "changing \(kind) \(id)", reason: "no \(kind) has ID '\(id)'")
    }
}

/// Allegations and notifications held in memory: for tests, and the reference the database stores must match.
public final class InMemoryTrackerStore: AllegationStore, PartnerNotificationStore {
    private struct State {
        var allegations: [Identifier<Allegation>: Allegation] = [:]
        var disposals: [Identifier<Allegation>: AllegationDisposal] = [:]
        var notifications: [Identifier<PartnerNotification>: PartnerNotification] = [:]
    }
    private let state = Mutex(State())

    public init() {}

    public func saveAllegations(_ allegations: [Allegation]) throws(StorageError) {
        state.withLock { state in for allegation in allegations { state.allegations[allegation.id] = allegation } }
    }

    public func fetchAllegations() throws(StorageError) -> [Allegation] {
        state.withLock { $0.allegations.values.sorted { $0.id < $1.id } }
    }

    public func fetchAllegation(_ id: Identifier<Allegation>) throws(StorageError) -> Allegation? {
        state.withLock { $0.allegations[id] }
    }

    public func disposeAllegations(_ disposals: [AllegationDisposal]) throws(StorageError) {
        try state.withLock { (state: inout State) throws(StorageError) in
            for disposal in disposals where state.allegations[disposal.allegationID] == nil {
                throw TrackerJSON.notStored("allegation", disposal.allegationID.rawValue)
            }
            for disposal in disposals {
                state.allegations[disposal.allegationID] = nil
                state.disposals[disposal.allegationID] = disposal
            }
        }
    }

    public func fetchDisposals() throws(StorageError) -> [AllegationDisposal] {
        state.withLock { $0.disposals.values.sorted { $0.allegationID < $1.allegationID } }
    }

    public func addNotifications(_ notifications: [PartnerNotification]) throws(StorageError) {
        try state.withLock { (state: inout State) throws(StorageError) in
            var seen = Set<Identifier<PartnerNotification>>()
            for notification in notifications where state.notifications[notification.id] != nil || !seen.insert(notification.id).inserted {
                throw TrackerJSON.alreadyStored("notification", notification.id.rawValue)
            }
            for notification in notifications { state.notifications[notification.id] = notification }
        }
    }

    public func updateNotification(_ notification: PartnerNotification) throws(StorageError) {
        try state.withLock { (state: inout State) throws(StorageError) in
            guard state.notifications[notification.id] != nil else { throw TrackerJSON.notStored("notification", notification.id.rawValue) }
            state.notifications[notification.id] = notification
        }
    }

    public func fetchNotifications() throws(StorageError) -> [PartnerNotification] {
        state.withLock { $0.notifications.values.sorted { $0.id < $1.id } }
    }
}
