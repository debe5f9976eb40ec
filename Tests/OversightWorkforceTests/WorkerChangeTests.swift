import OversightCore
import Testing
@testable import OversightWorkforce

@Suite("Changes of allocated social worker, child by child")
struct WorkerChangeTests {
    @Test("Changes in the 12 months are counted per child and listed most first; 3+ workers counts every allocated child")
    func changes() throws {
        let history = AllocationHistory(involvements: [
            // Jordan: W1, then W2 in July, then back to W1 in January: 2 changes, 2 workers.
            allocation("jordan", to: "W1", from: "2024-01-01", to: "2024-06-30"),
            allocation("jordan", to: "W2", from: "2024-07-01", to: "2024-12-31"),
            allocation("jordan", to: "W1", from: "2025-01-01"),
            // Amara: W3 since 2023 (out of the window's start), then W4 and W5: 2 changes, 3 workers.
            allocation("amara", to: "W3", from: "2023-05-01", to: "2024-08-31"),
            allocation("amara", to: "W4", from: "2024-09-01", to: "2025-01-31"),
            allocation("amara", to: "W5", from: "2025-02-01"),
            // Kit: one worker all year.
            allocation("kit", to: "W1", from: "2023-01-01"),
            // Closed before the day: not listed.
            allocation("rio", to: "W2", from: "2024-01-01", to: "2025-02-01"),
        ])
        let changes = WorkerChanges(on: d("2025-03-31"), history: history)
        #expect(changes.children.map(\.childID) == ["amara", "jordan", "kit"])
        #expect(changes.children.map(\.changes) == [2, 2, 0])
        #expect(changes.children.map(\.workers) == [3, 2, 1])
        #expect(changes.children[0].workerIDs == ["W3", "W4", "W5"])
        #expect(changes.children[0].lastChange == d("2025-02-01"))
        #expect(changes.withThreeOrMoreWorkers == 1)
        #expect(changes.threeOrMorePercentage == 100.0 / 3)
        #expect(changes.distribution.map(\.children) == [1, 2])
    }
}
