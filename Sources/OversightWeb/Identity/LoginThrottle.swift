import Synchronization

/// Refuses sign-in for a while after repeated failures, per username and per client address, so a
/// password cannot be guessed by trying many.
final class LoginThrottle: Sendable {
    let attempts: Int
    let windowSeconds: Int64
    private let failures = Mutex<[String: [Int64]]>([:])

    init(attempts: Int, windowSeconds: Int64) {
        self.attempts = attempts
        self.windowSeconds = windowSeconds
    }

    /// Seconds until `keys` may try again; `nil` when they may try now.
    func retryAfter(_ keys: [String], now: Int64) -> Int64? {
        failures.withLock { failures in
            keys.compactMap { key -> Int64? in
                let recent = (failures[key] ?? []).filter { $0 > now - windowSeconds }
                failures[key] = recent
                guard recent.count >= attempts, let oldest = recent.first else { return nil }
                return oldest + windowSeconds - now
            }.max()
        }
    }

    func recordFailure(_ keys: [String], now: Int64) {
        failures.withLock { failures in
            for key in keys { failures[key, default: []].append(now) }
        }
    }

    func recordSuccess(_ keys: [String]) {
        failures.withLock { failures in
            for key in keys { failures[key] = nil }
        }
    }
}
