import Dispatch
import OversightCore
import OversightStorage
import Synchronization

/// Writes the access log with group commit: each view waits until its entry is stored, but entries
/// arriving together share one transaction.
///
/// A view is shown only after its entry is durable (the log is the authority's evidence), so entries
/// cannot simply be buffered. One write per view, though, serialises every child-level page on the
/// database's single writer; under load the batch grows to whatever arrived during the last commit.
final class AccessLogWriter: Sendable {
    private struct Waiting {
        var entry: AccessLogEntry
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var pending: [Waiting] = []
        var writing = false
    }

    private let store: any AccessStore
    private let state = Mutex(State())
    /// Writes happen here, never on the server's event loops: a loop blocked on a commit would stall
    /// every connection it serves.
    private let queue = DispatchQueue(label: "oversight.access-log")

    init(store: any AccessStore) { self.store = store }

    func append(_ entry: AccessLogEntry) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let leads = state.withLock { state in
                state.pending.append(Waiting(entry: entry, continuation: continuation))
                guard !state.writing else { return false }
                state.writing = true
                return true
            }
            // The first to arrive starts the writer, which commits until nothing is waiting.
            if leads { queue.async { self.writeUntilDrained() } }
        }
    }

    private func writeUntilDrained() {
        while true {
            let batch: [Waiting] = state.withLock { state in
                let batch = state.pending
                state.pending = []
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                try store.appendAccessLog(batch.map(\.entry))
                for waiting in batch { waiting.continuation.resume() }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }
}
