import OversightCore
import Synchronization

/// One workforce register import, for listing.
public struct WorkforceImport: Sendable, Hashable {
    public var source: String
    public var importedAt: String
    public var spellCount: Int
    public var establishmentCount: Int

    public init(source: String, importedAt: String, spellCount: Int, establishmentCount: Int) {
        self.source = source
        self.importedAt = importedAt
        self.spellCount = spellCount
        self.establishmentCount = establishmentCount
    }
}

/// The workforce register (issue 6): staff spells in post and team establishments, kept in the catalogue because
/// they outlive every case-record import.
///
/// Like an SSD import, a register import is whole: it replaces the register in one transaction, and a failure
/// leaves the previous register as it was.
public protocol WorkforceStore: Sendable {
    /// Replaces the whole register and records the import, atomically.
    /// - Throws: `StorageError.database` when the store fails; nothing is changed then.
    func replaceWorkforceRegister(_ register: WorkforceRegister, source: String, importedAt: String) throws(StorageError)

    /// The register: spells ordered by worker ID and start date, establishment rows by team ID and date.
    /// An authority that never imported one gets an empty register.
    func fetchWorkforceRegister() throws(StorageError) -> WorkforceRegister

    /// Every register import, oldest first.
    func fetchWorkforceImports() throws(StorageError) -> [WorkforceImport]
}

extension WorkforceRegister {
    /// The order every store returns the register in, so their answers compare equal.
    public func inStoreOrder() -> WorkforceRegister {
        func before(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        return WorkforceRegister(
            spells: spells.sorted {
                $0.workerID != $1.workerID ? before($0.workerID.rawValue, $1.workerID.rawValue) : $0.start < $1.start
            },
            establishment: establishment.sorted {
                $0.teamID != $1.teamID ? before($0.teamID.rawValue, $1.teamID.rawValue) : $0.from < $1.from
            })
    }
}

/// The register held in memory: for tests, and the reference the database stores must match.
public final class InMemoryWorkforceStore: WorkforceStore {
    private struct State {
        var register = WorkforceRegister()
        var imports: [WorkforceImport] = []
    }
    private let state = Mutex(State())

    public init() {}

    public func replaceWorkforceRegister(_ register: WorkforceRegister, source: String, importedAt: String) throws(StorageError) {
        state.withLock { state in
            state.register = register.inStoreOrder()
            state.imports.append(WorkforceImport(
                source: source, importedAt: importedAt, spellCount: register.spells.count, establishmentCount: register.establishment.count))
        }
    }

    public func fetchWorkforceRegister() throws(StorageError) -> WorkforceRegister { state.withLock { $0.register } }

    public func fetchWorkforceImports() throws(StorageError) -> [WorkforceImport] { state.withLock { $0.imports } }
}

/// Turns a stored register row back into its Core value, the same way in every store.
public enum WorkforceColumns {
    /// - Throws: `StorageError.database` naming the column whose stored text is not a value Oversight writes.
    public static func spell(
        workerID: String, name: String?, role: String, teamID: String, contract: String, fte: Double, start: String, end: String?,
        leavingReason: String?, isCaseHolding: Bool
    ) throws(StorageError) -> StaffSpell {
        func corrupt(_ column: String, _ value: String) -> StorageError {
            .database(operation: "reading the workforce register", reason: "worker \(workerID): \(column) holds '\(value)'")
        }
        guard let role = WorkforceRole(rawValue: role) else { throw corrupt("role", role) }
        guard let contract = ContractType(rawValue: contract) else { throw corrupt("contract", contract) }
        guard let startDate = LocalDate(iso: start) else { throw corrupt("start_date", start) }
        var endDate: LocalDate?
        if let end {
            guard let date = LocalDate(iso: end) else { throw corrupt("end_date", end) }
            endDate = date
        }
        var reason: LeavingReason?
        if let leavingReason {
            guard let value = LeavingReason(rawValue: leavingReason) else { throw corrupt("leaving_reason", leavingReason) }
            reason = value
        }
        return StaffSpell(
            workerID: Identifier(workerID), name: name, role: role, teamID: Identifier(teamID), contract: contract, fullTimeEquivalent: fte,
            start: startDate, end: endDate, leavingReason: reason, isCaseHolding: isCaseHolding)
    }

    /// - Throws: `StorageError.database` when the stored date is not ISO.
    public static func establishment(teamID: String, teamName: String, service: String, fundedFTE: Double, from: String) throws(StorageError)
        -> TeamEstablishment
    {
        guard let date = LocalDate(iso: from) else {
            throw .database(operation: "reading the workforce register", reason: "team \(teamID): from_date holds '\(from)'")
        }
        return TeamEstablishment(teamID: Identifier(teamID), teamName: teamName, service: service, fundedFTE: fundedFTE, from: date)
    }
}
