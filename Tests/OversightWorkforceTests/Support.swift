import OversightCore
@testable import OversightWorkforce

func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// An allocated-worker involvement (System C role `CW`).
func allocation(_ child: String, to worker: String, team: String = "T1", from start: String, to end: String? = nil, role: InvolvementRole = "CW")
    -> Involvement
{
    Involvement(
        id: Identifier("\(child)-\(worker)-\(start)"), childID: Identifier(child), workerID: Identifier(worker), teamID: Identifier(team),
        role: role, start: d(start), end: end.map(d))
}

func spell(
    _ worker: String, team: String = "T1", role: WorkforceRole = .qualifiedSocialWorker, contract: ContractType = .permanent, fte: Double = 1,
    from start: String, to end: String? = nil, reason: LeavingReason? = nil, caseHolding: Bool = true
) -> StaffSpell {
    StaffSpell(
        workerID: Identifier(worker), role: role, teamID: Identifier(team), contract: contract, fullTimeEquivalent: fte, start: d(start),
        end: end.map(d), leavingReason: reason ?? (end == nil ? nil : .notRecorded), isCaseHolding: caseHolding)
}

/// `count` allocations of distinct children to one worker over the same dates.
func caseload(_ count: Int, worker: String, team: String = "T1", from start: String, to end: String? = nil) -> [Involvement] {
    (0..<count).map { allocation("\(worker)-child-\($0)", to: worker, team: team, from: start, to: end) }
}
