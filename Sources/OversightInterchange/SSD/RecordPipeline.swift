import Foundation
import OversightStorage

/// What the reading thread hands the storing thread, in file order.
enum PipelineItem {
    /// The record one row became (`nil` when the row is recognised but not stored).
    case row(SSDTable, line: Int, record: CaseRecord?)
    /// A row that could not be read; the storing side decides whether that stops the import.
    case invalid(SSDTable, SourceLocation, value: String, reason: String)
    case progress(SSDTable, rows: Int, bytes: Int)
    case tableFinished(SSDTable, rowsRead: Int, bytes: Int)
}

/// A bounded hand-off between one reading thread and one storing thread.
///
/// Reading CSV and building records takes about as long as SQLite takes to store them, and SQLite
/// writes from one connection only, so the two halves run on the machine's two cores at once.
/// Items pass in batches to keep locking rare; the bound keeps memory flat however large the extract.
final class RecordPipeline: @unchecked Sendable {
    // All state below is guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [[PipelineItem]] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private let capacity: Int

    init(capacity: Int = 32) { self.capacity = capacity }

    /// Called by the reader; returns false once the storing side has given up.
    func push(_ batch: [PipelineItem]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Called by the reader when it is done, with the error that stopped it, if any.
    func finish(failure: (any Error)?) {
        condition.lock()
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Called by the storer: the next batch, or `nil` when the reader has finished and all is taken.
    /// - Throws: the reader's error, after every batch before it has been taken.
    func next() throws -> [PipelineItem]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Called by the storer when it stops early; the reader stops at its next push.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the reader has called `finish`.
    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
