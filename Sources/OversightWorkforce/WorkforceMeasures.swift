import OversightCore
import OversightMeasures

/// WF-01..WF-05 (kpis.md §3.6) from the workforce register, on any day or on the 30-September census basis.
///
/// The DfE's formulas, applied to the authority's own register:
/// - WF-01 FTE social workers in post: employed (not agency) child and family social workers in post on the day.
/// - WF-02 vacancy rate = vacant FTE ÷ (vacant FTE + FTE in post), where a team's vacant FTE is its funded posts less
///   its employed social workers' FTE (a post covered by an agency worker is still vacant, as the CSWW counts it).
/// - WF-03 agency rate = agency FTE ÷ (agency FTE + FTE in post).
/// - WF-04 turnover = FTE of employed social workers who left in the 12 months to the day ÷ FTE in post on the day.
///   Moving team is not leaving; moving from employment to agency work is.
/// - WF-05 average caseload = children held by case-holding social workers on the day ÷ their FTE.
///
/// The catalogue's snapshot-only WF measures (`oversight measures`) have no establishment or leaving dates; these
/// take them from the register.
public struct WorkforceMeasures: Sendable {
    public var date: LocalDate
    public var results: [MeasureResult]
    /// Employed social workers who left in the 12 months, for the figures' explanation.
    public var leavers: [StaffSpell]

    /// The census day of the workforce year `year`: 30 September.
    public static func censusDate(_ year: Int) -> LocalDate { LocalDate(year: year, month: 9, day: 30)! }

    /// - Parameters:
    ///   - date: the day the figures describe; flows cover the 12 months ending on it.
    ///   - register: the workforce register.
    ///   - history: allocations, for WF-05.
    ///   - comparators: England, Buckinghamshire and statistical-neighbour figures for the census year.
    public init(on date: LocalDate, register: WorkforceRegister, history: AllocationHistory, comparators: ComparatorTable = .shipped) {
        self.date = date
        let employed = register.spells(on: date).filter { $0.role.isSocialWorker && $0.contract == .permanent }
        let (employedFTE, agencyFTE) = Self.socialWorkerFTE(register, on: date)

        let establishment = register.establishment(on: date)
        var vacantFTE: Double?
        if !establishment.isEmpty {
            var employedByTeam: [Identifier<Team>: Double] = [:]
            for spell in employed { employedByTeam[spell.teamID, default: 0] += spell.fullTimeEquivalent }
            vacantFTE = establishment.values.reduce(0) { $0 + max(0, $1.fundedFTE - (employedByTeam[$1.teamID] ?? 0)) }
        }

        let yearStart = date.adding(years: -1).adding(days: 1)
        leavers = Self.leaversInYear(register, on: date)
        let leaverFTE = leavers.reduce(0) { $0 + $1.fullTimeEquivalent }

        let grid = CaseloadGrid(history: history, register: register, from: date, days: 1)
        let caseload = grid.overall[0]

        let year = date >= Self.censusDate(date.year) ? date.year : date.year - 1
        func result(_ id: String, value: Double?, numerator: Double?, denominator: Double?, note: String? = nil) -> MeasureResult {
            let definition = MeasureCatalogue.measure(id)
            return MeasureResult(
                id: id, title: definition?.title ?? id, unit: definition?.unit ?? .percentage, period: "as at \(date.isoString)",
                slice: "authority", value: value, numerator: numerator, denominator: denominator,
                polarity: definition?.polarity ?? .neither, comparators: comparators.comparators(for: id, year: year), note: note)
        }
        func percentage(_ numerator: Double, _ denominator: Double) -> Double? { denominator > 0 ? 100 * numerator / denominator : nil }
        results = [
            result("WF-01", value: employedFTE, numerator: employedFTE, denominator: nil, note: "\(employed.count) employed social workers"),
            result(
                "WF-02", value: vacantFTE.flatMap { percentage($0, $0 + employedFTE) }, numerator: vacantFTE,
                denominator: vacantFTE.map { $0 + employedFTE },
                note: vacantFTE == nil ? "no establishment (funded posts) in the register" : "\(establishment.count) teams' establishment"),
            result("WF-03", value: percentage(agencyFTE, agencyFTE + employedFTE), numerator: agencyFTE, denominator: agencyFTE + employedFTE),
            result(
                "WF-04", value: percentage(leaverFTE, employedFTE), numerator: leaverFTE, denominator: employedFTE,
                note: "\(leavers.count) leavers from \(yearStart.isoString)"),
            result(
                "WF-05", value: caseload.casesPerFTE, numerator: Double(caseload.cases), denominator: caseload.fullTimeEquivalent,
                note: "\(caseload.workers) case-holding social workers"),
        ]
    }

    /// Employed and agency FTE of the social workers in post on `date` (WF-01 and WF-03's numerator).
    public static func socialWorkerFTE(_ register: WorkforceRegister, on date: LocalDate) -> (employed: Double, agency: Double) {
        var employed = 0.0, agency = 0.0
        for spell in register.spells where spell.role.isSocialWorker && spell.covers(date) {
            if spell.contract == .permanent { employed += spell.fullTimeEquivalent } else { agency += spell.fullTimeEquivalent }
        }
        return (employed, agency)
    }

    /// Employed social workers who left the authority's employment in the 12 months to `date`, by leaving day.
    public static func leaversInYear(_ register: WorkforceRegister, on date: LocalDate) -> [StaffSpell] {
        let yearStart = date.adding(years: -1).adding(days: 1)
        let spellsByWorker = Dictionary(grouping: register.spells, by: \.workerID)
        return register.spells.filter { spell in
            guard spell.role.isSocialWorker, spell.contract == .permanent, let end = spell.end, end >= yearStart, end <= date else { return false }
            let next = end.adding(days: 1)
            // Still employed the next day (a move of team or post) is not leaving.
            return !(spellsByWorker[spell.workerID] ?? []).contains { $0.contract == .permanent && $0.covers(next) }
        }.sorted { ($0.end!, $0.workerID) < ($1.end!, $1.workerID) }
    }

    /// Leavers in the 12 months by reason given at the exit interview, most common first.
    public var leavingReasons: [(reason: LeavingReason, count: Int, fte: Double)] {
        let grouped = Dictionary(grouping: leavers, by: { $0.leavingReason ?? .notRecorded })
        return grouped.map { (reason: $0.key, count: $0.value.count, fte: $0.value.reduce(0) { $0 + $1.fullTimeEquivalent }) }
            .sorted { ($1.count, $0.reason.rawValue) < ($0.count, $1.reason.rawValue) }
    }
}
