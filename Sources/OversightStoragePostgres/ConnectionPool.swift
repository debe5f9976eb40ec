import Foundation
import OversightStorage
import PostgresNIO
import Synchronization

/// Connections to one database, lent out one per operation and blocked on with `wait()`.
///
/// `CaseRecordStore` is synchronous, so each operation takes a connection, runs its statements through
/// PostgresNIO's `EventLoopFuture` API and waits for each result on the calling thread. The futures complete on
/// NIO's event-loop threads, never on Swift's cooperative pool, so a caller that blocks (a test, a request
/// handler's thread) cannot starve the work it waits for. Each operation has a connection to itself, so an
/// import's transaction and a reader's snapshot never share one; idle connections are kept for the next call.
final class ConnectionPool: Sendable {
    let url: PostgresURL
    let logger: Logger
    private let configuration: PostgresConnection.Configuration
    private let state = Mutex(State())

    private struct State {
        var idle: [PostgresConnection] = []
        var nextID = 0
        var isClosed = false
    }

    init(url: PostgresURL) {
        self.url = url
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password, database: url.database,
            tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        self.configuration = configuration
        var logger = Logger(label: "oversight.storage.postgres")
        // PostgresNIO logs connection chatter at debug level; the store reports failures as `StorageError`.
        logger.logLevel = .critical
        self.logger = logger
    }

    /// Runs `body` with a connection of its own, returned to the pool afterwards unless it was closed.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Closes every idle connection; connections in use are closed when they come back.
    func close() {
        let idle = state.withLock { state in
            state.isClosed = true
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { try? connection.close().wait() }
    }

    private func checkOut() throws -> PostgresConnection {
        enum Next {
            case reuse(PostgresConnection)
            case connect(id: Int)
            case closed
        }
        let next: Next = state.withLock { state in
            guard !state.isClosed else { return .closed }
            while let connection = state.idle.popLast() {
                if !connection.isClosed { return .reuse(connection) }
            }
            state.nextID += 1
            return .connect(id: state.nextID)
        }
        switch next {
        case .reuse(let connection):
            return connection
        case .closed:
            throw StorageError.database(operation: "connecting to \(url)", reason: "the store is closed")
        case .connect(let id):
            do {
                return try PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger
                ).wait()
            } catch {
                throw StorageError.cannotOpen(path: url.description, reason: Self.describe(error, url: url))
            }
        }
    }

    private func checkIn(_ connection: PostgresConnection) {
        let keep = state.withLock { state in
            guard !state.isClosed, !connection.isClosed else { return false }
            state.idle.append(connection)
            return true
        }
        if !keep, !connection.isClosed { try? connection.close().wait() }
    }

    /// Plain words for what went wrong: the server's message and SQLSTATE, or the network failure.
    ///
    /// PostgresNIO hides details from `description` so they do not reach end users by accident; Oversight's
    /// errors go to operators, and a message that says only "database error" helps nobody.
    static func describe(_ error: any Error, url: PostgresURL? = nil) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            var text = message
            if let detail = error.serverInfo?[.detail] { text += " (\(detail))" }
            if let state = error.serverInfo?[.sqlState] { text += " [SQLSTATE \(state)]" }
            return text
        }
        if let underlying = error.underlying {
            // One line, whatever NIO's description looks like: operators read these in a terminal or a log.
            let text = String(describing: underlying).split(whereSeparator: \.isNewline).joined(separator: " ")
            guard let url else { return text }
            if text.contains("refused") || text.contains("ECONNREFUSED") {
                return "connection refused: no PostgreSQL server is listening on \(url.host) port \(url.port)"
            }
            if case ChannelError.connectTimeout(let timeout) = underlying {
                return "no answer from \(url.host) port \(url.port) within \(timeout.nanoseconds / 1_000_000_000) seconds"
            }
            if let connectionError = underlying as? NIOConnectionError, connectionError.connectionErrors.isEmpty {
                return "cannot find the host \(url.host) (port \(url.port)): \(text)"
            }
            return "cannot connect to \(url.host) port \(url.port): \(text)"
        }
        if error.code == .authMechanismRequiresPassword {
            return "the server asks for a password and none was given (postgres://USER:PASSWORD@HOST:PORT/DATABASE)"
        }
        if let url, error.code == .serverClosedConnection || error.code == .uncleanShutdown || error.code == .connectionError {
            return "\(url.host) port \(url.port) closed the connection (\(error.code))"
        }
        return "\(error.code)"
    }

    /// The SQLSTATE of a server error, when there is one.
    static func sqlState(_ error: any Error) -> String? { (error as? PSQLError)?.serverInfo?[.sqlState] }
}

extension PostgresConnection {
    /// Runs one statement and collects its rows, waiting on the calling thread.
    @discardableResult
    func run(_ sql: String, _ binds: PostgresBindings = PostgresBindings(), logger: Logger) throws -> [PostgresRow] {
        try query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait().rows
    }
}

/// Quotes an identifier for SQL: the names the store builds are checked, but quoting costs nothing.
func quoted(_ identifier: String) -> String { "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
