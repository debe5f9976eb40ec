import Foundation
import OversightCore
import OversightStorage
import OversightStoragePostgres
import OversightStorageSQLite
import Testing

extension StoreKind {
    /// Every store: the in-memory workforce store stands in for the in-memory case-record store.
    func makeWorkforceStore() throws -> (store: any WorkforceStore, cleanup: () -> Void) {
        if self == .memory { return (InMemoryWorkforceStore(), {}) }
        let (store, cleanup) = try make()
        guard let workforce = store as? any WorkforceStore else {
            cleanup()
            throw NoAccessData(kind: self)
        }
        return (workforce, cleanup)
    }
}

private func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// A small register in the shapes the import produces: a team move, a leaver, agency, part-time, an open spell.
private let register = WorkforceRegister(
    spells: [
        StaffSpell(
            workerID: "W2", name: "Ada Okafor", role: .qualifiedSocialWorker, teamID: "T1", contract: .permanent, fullTimeEquivalent: 1,
            start: d("2021-04-01"), end: d("2024-05-14"), isCaseHolding: true),
        StaffSpell(
            workerID: "W2", name: "Ada Okafor", role: .seniorPractitioner, teamID: "T2", contract: .permanent, fullTimeEquivalent: 0.8,
            start: d("2024-05-15"), end: d("2025-01-31"), leavingReason: .careerProgression, isCaseHolding: true),
        StaffSpell(
            workerID: "W10", role: .qualifiedSocialWorker, teamID: "T1", contract: .agency, fullTimeEquivalent: 1, start: d("2024-09-02"),
            isCaseHolding: true),
        StaffSpell(
            workerID: "W1", name: "Sam Reid", role: .teamManager, teamID: "T1", contract: .permanent, fullTimeEquivalent: 0.5,
            start: d("2019-01-07"), isCaseHolding: false),
    ],
    establishment: [
        TeamEstablishment(teamID: "T2", teamName: "Child Protection Team North", service: "Safeguarding", fundedFTE: 12, from: d("2023-04-01")),
        TeamEstablishment(teamID: "T1", teamName: "Assessment Team", service: "Front Door", fundedFTE: 14.5, from: d("2024-04-01")),
        TeamEstablishment(teamID: "T1", teamName: "Assessment Team", service: "Front Door", fundedFTE: 12, from: d("2022-04-01")),
    ])

@Suite("Workforce store contract: the same register from memory, SQLite and PostgreSQL")
struct WorkforceStoreTests {
    @Test("A register reads back whole, in worker and date order, and an import replaces it", arguments: StoreKind.tested)
    func roundTrip(kind: StoreKind) throws {
        let (store, cleanup) = try kind.makeWorkforceStore()
        defer { cleanup() }
        #expect(try store.fetchWorkforceRegister().isEmpty)
        try store.replaceWorkforceRegister(register, source: "staff.csv", importedAt: "2026-11-22T21:00:00Z")
        let read = try store.fetchWorkforceRegister()
        #expect(read == register.inStoreOrder())
        // Byte order, as both databases sort: "W1" < "W10" < "W2".
        #expect(read.spells.map(\.workerID.rawValue) == ["W1", "W10", "W2", "W2"])
        #expect(read.establishment.map(\.from) == [d("2022-04-01"), d("2024-04-01"), d("2023-04-01")])

        let smaller = WorkforceRegister(spells: [register.spells[3]], establishment: [])
        try store.replaceWorkforceRegister(smaller, source: "staff-2.csv", importedAt: "2026-11-23T08:00:00Z")
        #expect(try store.fetchWorkforceRegister() == smaller)
        let imports = try store.fetchWorkforceImports()
        #expect(imports.map(\.source) == ["staff.csv", "staff-2.csv"])
        #expect(imports.map(\.spellCount) == [4, 1])
        #expect(imports.map(\.establishmentCount) == [3, 0])
    }

    @Test("A register the database refuses leaves the previous one whole", arguments: StoreKind.tested.filter { $0 != .memory })
    func atomic(kind: StoreKind) throws {
        let (store, cleanup) = try kind.makeWorkforceStore()
        defer { cleanup() }
        try store.replaceWorkforceRegister(register, source: "staff.csv", importedAt: "2026-11-22T21:00:00Z")
        var broken = register
        // The import checks FTE; the schema refuses it too, after the first rows of the replacement are written.
        broken.spells.append(StaffSpell(
            workerID: "W9", role: .asye, teamID: "T1", contract: .permanent, fullTimeEquivalent: 1.5, start: d("2025-01-01"), isCaseHolding: true))
        #expect(throws: StorageError.self) { try store.replaceWorkforceRegister(broken, source: "bad.csv", importedAt: "2026-11-22T22:00:00Z") }
        #expect(try store.fetchWorkforceRegister() == register.inStoreOrder())
        #expect(try store.fetchWorkforceImports().map(\.source) == ["staff.csv"])
    }
}
