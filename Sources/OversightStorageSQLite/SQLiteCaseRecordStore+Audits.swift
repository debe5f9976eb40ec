import Foundation
import GRDB
import OversightCore
import OversightStorage

/// QA audits in the catalogue (migration `005-audits`): the SQL is `AuditStore`'s and `LearningStore`'s own, run here
/// in one catalogue write transaction per call.
extension SQLiteCaseRecordStore: AuditStore, LearningStore, CatalogueTransactions {
    public func catalogueTransaction<T>(_ operation: String, _ body: (any CatalogueStatements) throws -> T) throws -> T {
        do {
            return try catalogue.write { db in try body(Statements(db: db)) }
        } catch let error as DatabaseError {
            throw StorageError.database(operation: operation, reason: Self.reason(error))
        }
    }

    private struct Statements: CatalogueStatements {
        let db: Database

        func rows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
            let arguments = StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .null: nil
                case .integer(let number): number
                case .text(let text): text
                }
            })
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: .null
                    case .int64(let number): .integer(number)
                    case .double(let number): .text(String(number))
                    case .string(let text): .text(text)
                    case .blob(let data): .text(String(decoding: data, as: UTF8.self))
                    }
                }
            }
        }
    }
}
