import Foundation
import OversightCore

/// The catalogue tables of the IRO escalation and SEND trackers (migration `007-escalations-send`).
public enum TrackerTable: String, CaseIterable, Sendable {
    case escalation
    case iroReviewRecord = "iro_review_record"
    case ehcNeedsAssessment = "ehc_needs_assessment"
    case ehcAnnualReview = "ehc_annual_review"
    case waitingListReferral = "waiting_list_referral"
}

/// One tracker record as stored: keyed by its ID and the child it is about, the rest kept whole as JSON.
///
/// A tracker record is only ever read whole (a report reads every escalation), so its stages, actions and dates
/// live in one JSON column rather than in tables nobody queries; the ID and child are columns of their own so the
/// database enforces uniqueness and finds a child's records.
public struct TrackerDocument: Sendable, Hashable {
    public var id: String
    public var child: String
    public var body: String

    public init(id: String, child: String, body: String) {
        self.id = id
        self.child = child
        self.body = body
    }
}

/// Records the trackers keep in the catalogue, beside improvement plans: they outlive every import of case records.
///
/// Saving is all or nothing and by ID: a record already stored is replaced by the newer one, so importing a
/// tracker's spreadsheet again each month brings it up to date without duplicating anything.
public protocol TrackerDocumentStore: Sendable {
    /// Stores the documents in one transaction, replacing any with the same ID.
    /// - Throws: `StorageError.database`; nothing is stored when it throws.
    func saveTrackerDocuments(_ documents: [TrackerDocument], in table: TrackerTable) throws(StorageError)

    /// Every document in the table, by ID.
    func fetchTrackerDocuments(in table: TrackerTable) throws(StorageError) -> [TrackerDocument]
}

extension TrackerDocumentStore {
    public func saveEscalations(_ escalations: [Escalation]) throws(StorageError) {
        try save(escalations, in: .escalation) { ($0.id.rawValue, $0.child.rawValue) }
    }

    public func fetchEscalations() throws(StorageError) -> [Escalation] { try fetch(Escalation.self, in: .escalation) }

    public func saveReviewRecords(_ records: [IROReviewRecord]) throws(StorageError) {
        try save(records, in: .iroReviewRecord) { ($0.id.rawValue, $0.child.rawValue) }
    }

    public func fetchReviewRecords() throws(StorageError) -> [IROReviewRecord] { try fetch(IROReviewRecord.self, in: .iroReviewRecord) }

    public func saveNeedsAssessments(_ assessments: [EHCNeedsAssessment]) throws(StorageError) {
        try save(assessments, in: .ehcNeedsAssessment) { ($0.id.rawValue, $0.child.rawValue) }
    }

    public func fetchNeedsAssessments() throws(StorageError) -> [EHCNeedsAssessment] {
        try fetch(EHCNeedsAssessment.self, in: .ehcNeedsAssessment)
    }

    public func saveAnnualReviews(_ reviews: [EHCAnnualReview]) throws(StorageError) {
        try save(reviews, in: .ehcAnnualReview) { ($0.id.rawValue, $0.child.rawValue) }
    }

    public func fetchAnnualReviews() throws(StorageError) -> [EHCAnnualReview] { try fetch(EHCAnnualReview.self, in: .ehcAnnualReview) }

    public func saveWaitingListReferrals(_ referrals: [WaitingListReferral]) throws(StorageError) {
        try save(referrals, in: .waitingListReferral) { ($0.id.rawValue, $0.child.rawValue) }
    }

    public func fetchWaitingListReferrals() throws(StorageError) -> [WaitingListReferral] {
        try fetch(WaitingListReferral.self, in: .waitingListReferral)
    }

    private func save<T: Encodable>(_ values: [T], in table: TrackerTable, key: (T) -> (String, String)) throws(StorageError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var documents: [TrackerDocument] = []
        documents.reserveCapacity(values.count)
        for value in values {
            let (id, child) = key(value)
            do {
                documents.append(TrackerDocument(id: id, child: child, body: String(decoding: try encoder.encode(value), as: UTF8.self)))
            } catch {
                throw .database(operation: "encoding \(table.rawValue) \(id)", reason: "\(error)")
            }
        }
        try saveTrackerDocuments(documents, in: table)
    }

    private func fetch<T: Decodable>(_ type: T.Type, in table: TrackerTable) throws(StorageError) -> [T] {
        let decoder = JSONDecoder()
        var values: [T] = []
        for document in try fetchTrackerDocuments(in: table) {
            do {
                values.append(try decoder.decode(type, from: Data(document.body.utf8)))
            } catch {
                throw .database(operation: "reading \(table.rawValue) '\(document.id)'", reason: "unreadable stored record: \(error)")
            }
        }
        return values
    }
}

/// Tracker documents in memory, for tests and tools that need no database.
public final class InMemoryTrackerDocumentStore: TrackerDocumentStore, @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [TrackerTable: [String: TrackerDocument]] = [:]

    public init() {}

    public func saveTrackerDocuments(_ documents: [TrackerDocument], in table: TrackerTable) throws(StorageError) {
        lock.withLock { for document in documents { tables[table, default: [:]][document.id] = document } }
    }

    public func fetchTrackerDocuments(in table: TrackerTable) throws(StorageError) -> [TrackerDocument] {
        lock.withLock { (tables[table] ?? [:]).values.sorted { $0.id < $1.id } }
    }
}
