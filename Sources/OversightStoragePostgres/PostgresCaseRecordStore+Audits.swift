import OversightCore
import OversightStorage
import PostgresNIO

/// QA audits in the catalogue schema (migration `005-audits`), running the same SQL as the SQLite store: each call is
/// one transaction with `search_path` set to the catalogue, and `?` placeholders numbered for PostgreSQL.
extension PostgresCaseRecordStore: AuditStore, LearningStore, CatalogueTransactions {
    public func catalogueTransaction<T>(_ operation: String, _ body: (any CatalogueStatements) throws -> T) throws -> T {
        let logger = pool.logger
        do {
            return try pool.withConnection { connection in
                try transaction(connection) {
                    try connection.run("SET LOCAL search_path TO \(quoted(schema))", logger: logger)
                    return try body(Statements(connection: connection, logger: logger))
                }
            }
        } catch let error as PSQLError {
            throw Self.storageError(error, operation: operation)
        }
    }

    private struct Statements: CatalogueStatements {
        let connection: PostgresConnection
        let logger: Logger

        func rows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
            var numbered = ""
            var next = 0
            for character in sql {
                if character == "?" {
                    next += 1
                    numbered += "$\(next)"
                } else {
                    numbered.append(character)
                }
            }
            var binds = PostgresBindings(capacity: values.count)
            for value in values {
                switch value {
                case .null: binds.append(String?.none)
                case .integer(let number): binds.append(Int(number))
                case .text(let text): binds.append(text)
                }
            }
            return try connection.run(numbered, binds, logger: logger).map { row in
                try row.map { cell -> SQLValue in
                    guard cell.bytes != nil else { return .null }
                    switch cell.dataType {
                    case .int2, .int4, .int8: return .integer(Int64(try cell.decode(Int.self)))
                    default: return .text(try cell.decode(String.self))
                    }
                }
            }
        }
    }
}
