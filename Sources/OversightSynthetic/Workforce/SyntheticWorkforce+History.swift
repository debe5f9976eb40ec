import OversightCore
import OversightInterchange

/// The workforce register behind the synthetic authority: who held each post over the years, written as the
/// documented workforce CSV (docs/workforce.md) beside the SSD tables.
///
/// Every post in the SSD's professionals table is held today by the professional the SSD names; before them it was
/// held by a chain of earlier workers, with a vacancy between each. Employed staff stay about four and a half years
/// (a permanent turnover near 22%, Buckinghamshire's 2021 figure in kpis.md §3.6) and agency staff about eight
/// months, so agency posts churn. A team's establishment is 88% of its social work posts' FTE: with about a third of
/// posts held by agency workers, that puts the vacancy rate near Buckinghamshire's 25–30% and leaves some agency
/// workers above establishment, as the seeds' project teams were. About one employed worker in twenty has moved
/// team within the authority. The chains are drawn from a stream of their own, so the SSD tables are unchanged.
///
/// The SSD's allocations are drawn among today's post holders, so a current worker's earlier allocations can
/// predate their start in the register; the caseload report still counts every allocated child (see
/// `CaseloadGrid`).
extension SyntheticWorkforce {
    static let staffFile = "workforce_staff.csv"
    static let establishmentFile = "workforce_establishment.csv"

    private static let permanentTenureDays = 1_650.0
    private static let agencyTenureDays = 240.0
    private static let vacancyDays = 45.0
    private static let agencyGapDays = 14.0
    static let establishmentShare = 0.88

    private static let permanentReasons: [(LeavingReason, Double)] = [
        (.pay, 0.20), (.workload, 0.25), (.careerProgression, 0.18), (.relocation, 0.12), (.retirement, 0.06), (.movedToAgency, 0.12),
        (.dismissal, 0.02), (.other, 0.03), (.notRecorded, 0.02),
    ]
    private static let agencyReasons: [(LeavingReason, Double)] = [
        (.endOfAssignment, 0.6), (.pay, 0.15), (.workload, 0.1), (.relocation, 0.05), (.notRecorded, 0.1),
    ]

    var registerRole: [WorkerRole: WorkforceRole] {
        [
            .socialWorker: .qualifiedSocialWorker, .asye: .asye, .seniorPractitioner: .seniorPractitioner,
            .advancedPractitioner: .seniorPractitioner, .assistantTeamManager: .teamManager, .teamManager: .teamManager,
            .reviewingOfficer: .independentReviewingOfficer, .personalAdviser: .personalAdviser, .serviceManager: .teamManager,
        ]
    }

    /// The register from `historyStart` (a year before the SSD window, so the first year has its flows) to `extractDate`.
    func register(seed: UInt64, historyStart: LocalDate, extractDate: LocalDate) -> WorkforceRegister {
        var rng = SeededGenerator(seed: seed, stream: 1, purpose: .workforce)
        let caseHolders = Set(teams.flatMap(\.caseHolders))
        var spells: [StaffSpell] = []
        var nextFormer = 500_001
        func draw(_ weights: [(LeavingReason, Double)]) -> LeavingReason {
            var u = rng.unit() * weights.reduce(0) { $0 + $1.1 }
            for (reason, weight) in weights {
                if u < weight { return reason }
                u -= weight
            }
            return weights[weights.count - 1].0
        }
        for (index, member) in members.enumerated() {
            let role = registerRole[member.role] ?? .other
            let team = Identifier<Team>(String(member.team.map { teams[$0].id } ?? Self.parentDepartmentID))
            let holding = caseHolders.contains(index)
            var start = extractDate.adding(days: -Int(rng.exponential(mean: member.isAgency ? Self.agencyTenureDays : Self.permanentTenureDays)) - 1)
            let current = StaffSpell(
                workerID: Identifier(String(member.id)), name: member.name, role: role, teamID: team, contract: member.isAgency ? .agency : .permanent,
                fullTimeEquivalent: member.fullTimeEquivalent, start: start, isCaseHolding: holding)
            if !member.isAgency, let from = member.team, start.days(to: extractDate) > 730, rng.chance(0.05),
               let other = teamsByFunction[teams[from].function.rawValue].first(where: { $0 != from }) ?? teams.indices.first(where: { $0 != from })
            {
                // Moved in from another team: the earlier spell ends the day before this one starts.
                let moved = start.adding(days: rng.int(in: 365...(start.days(to: extractDate) - 180)))
                var before = current
                before.teamID = Identifier(String(teams[other].id))
                before.end = moved.adding(days: -1)
                var after = current
                after.start = moved
                spells += [before, after]
            } else {
                spells.append(current)
            }
            // Earlier holders of the post, back to the start of the history.
            while start > historyStart {
                // A post filled through an agency today mostly was before (agencies fill gaps within a fortnight);
                // an employed post mostly had employed holders.
                let agency = rng.chance(member.isAgency ? 0.95 : 0.05)
                let end = start.adding(days: -1 - Int(rng.exponential(mean: agency ? Self.agencyGapDays : Self.vacancyDays)))
                let begin = end.adding(days: -max(30, Int(rng.exponential(mean: agency ? Self.agencyTenureDays : Self.permanentTenureDays))))
                spells.append(StaffSpell(
                    workerID: Identifier(String(nextFormer)),
                    name: rng.element(of: SyntheticNames.adults) + " " + rng.element(of: SyntheticNames.surnames), role: role, teamID: team,
                    contract: agency ? .agency : .permanent, fullTimeEquivalent: member.fullTimeEquivalent, start: begin, end: end,
                    leavingReason: draw(agency ? Self.agencyReasons : Self.permanentReasons), isCaseHolding: holding))
                nextFormer += 1
                start = begin
            }
        }

        var funded: [Int: Double] = [:]
        for member in members where registerRole[member.role]?.isSocialWorker ?? false {
            funded[member.team.map { teams[$0].id } ?? Self.parentDepartmentID, default: 0] += member.fullTimeEquivalent
        }
        var establishment = teams.map { team in
            TeamEstablishment(
                teamID: Identifier(String(team.id)), teamName: team.name, service: team.function.departmentType,
                fundedFTE: ((funded[team.id] ?? 0) * Self.establishmentShare * 2).rounded() / 2, from: historyStart)
        }
        establishment.append(TeamEstablishment(
            teamID: Identifier(String(Self.parentDepartmentID)), teamName: Self.parentDepartmentName, service: "Senior management",
            fundedFTE: funded[Self.parentDepartmentID] ?? 0, from: historyStart))
        return WorkforceRegister(spells: spells, establishment: establishment)
    }

    /// Writes the register as `workforce_staff.csv` and `workforce_establishment.csv`.
    /// - Throws: `InterchangeError.cannotWrite`.
    func writeRegister(_ register: WorkforceRegister, into directory: String) throws(InterchangeError) {
        let staff = try CSVWriter(path: directory + "/" + Self.staffFile, header: WorkforceCSV.staffColumns)
        for spell in register.spells.sorted(by: { ($0.workerID.rawValue.count, $0.workerID.rawValue, $0.start) < ($1.workerID.rawValue.count, $1.workerID.rawValue, $1.start) }) {
            staff.row([
                spell.workerID.rawValue, spell.name, spell.role.rawValue, spell.teamID.rawValue, spell.contract.rawValue,
                String(spell.fullTimeEquivalent), spell.start.isoString, spell.end?.isoString, spell.leavingReason?.rawValue,
                spell.isCaseHolding ? "Y" : "N",
            ])
        }
        staff.close()
        let teams = try CSVWriter(path: directory + "/" + Self.establishmentFile, header: WorkforceCSV.establishmentColumns)
        for row in register.establishment {
            teams.row([row.teamID.rawValue, row.teamName, row.service, String(row.fundedFTE), row.from.isoString])
        }
        teams.close()
    }
}
