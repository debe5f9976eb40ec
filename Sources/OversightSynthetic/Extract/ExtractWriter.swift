import Foundation
import OversightCore
import OversightInterchange

/// Turns simulated children into SSD rows: applies the six-year window, SystemC's renderings and
/// quirks, and (with `dirt`) the injected errors, writing each row as soon as it is made.
final class ExtractWriter {
    let options: GeneratorOptions
    let windowStart: LocalDate
    let workforce: SyntheticWorkforce
    private var writers: [TableWriter] = []
    let manifest: DirtManifest?
    var quota: StructuralQuota

    /// Open `CW` involvements per worker on the caseload census date (`prof_professional_caseload`).
    var caseloads: [Int]
    /// The latest 30 September on or before the extract date, the CSWW census day SystemC counts on.
    let caseloadCensus: LocalDate

    // Per-child state, reset by `begin(_:)`.
    var text: SystemCText
    var dirtRNG: SeededGenerator
    var personID = ""
    var wroteRows = false
    private var unknownPeople = 0
    var extraRows = 0

    init(directory: String, options: GeneratorOptions, workforce: SyntheticWorkforce, children: Int, scale: Double) throws(InterchangeError) {
        self.options = options
        windowStart = options.windowStart
        self.workforce = workforce
        for table in SSDTable.allCases { writers.append(try TableWriter(table: table, directory: directory)) }
        manifest = options.dirt ? try DirtManifest(directory: directory) : nil
        func target(_ small: Double) -> Int { max(1, Int((small * scale).rounded())) }
        quota = StructuralQuota(
            children: children,
            targets: [
                .impossibleDate: target(10), .unknownPerson: target(10), .unknownPlacementType: target(4),
                .unknownEthnicity: target(4), .unknownLegalStatus: target(6),
            ])
        caseloads = Array(repeating: 0, count: workforce.members.count)
        let extract = options.extractDate
        let september = LocalDate(year: extract.year, month: 9, day: 30)!
        caseloadCensus = september <= extract ? september : LocalDate(year: extract.year - 1, month: 9, day: 30)!
        text = SystemCText(rng: SeededGenerator(seed: options.seed, stream: 0, purpose: .rendering))
        dirtRNG = SeededGenerator(seed: options.seed, stream: 0, purpose: .dirt)
    }

    // MARK: Rows

    /// Writes a row, recording its injected error (if any) with the line it landed on.
    func emit(_ table: SSDTable, _ cells: [Cell], _ mark: DirtMark? = nil) {
        let line = writers[table.rawValue].write(cells)
        if table != .person { wroteRows = true }
        if let mark, let manifest {
            manifest.record(table: table, line: line, mark: mark, value: cells[table.index(of: mark.column)].rendered)
        }
    }

    /// A semantic error is due on this row (never when dirt is off).
    func dirtDue(_ probability: Double) -> Bool {
        options.dirt && dirtRNG.chance(probability)
    }

    /// A structural error of this kind is due (never when dirt is off).
    func structuralDue(_ slot: StructuralQuota.Slot) -> Bool {
        options.dirt && quota.take(slot)
    }

    /// A person ID that is in no row of `ssd_person`: above every real one.
    func unknownPersonID() -> String {
        unknownPeople += 1
        return String(990_000_000 + unknownPeople)
    }

    /// A date that cannot exist, in the year of the real one.
    func impossibleDate(near date: LocalDate) -> String {
        let monthDay = dirtRNG.element(of: ["02-30", "02-31", "04-31", "06-31", "09-31", "11-31"])
        return String(date.year) + "-" + monthDay + " 00:00:00.000"
    }

    func rows(in table: SSDTable) -> Int { writers[table.rawValue].rows }

    func close() {
        for writer in writers { writer.close() }
        manifest?.close()
    }

    // MARK: Children

    func write(_ child: SimulatedChild) {
        text = SystemCText(rng: SeededGenerator(seed: options.seed, stream: UInt64(child.index), purpose: .rendering))
        dirtRNG = SeededGenerator(seed: options.seed, stream: UInt64(child.index), purpose: .dirt)
        if options.dirt { quota.beginChild(child.index) }
        personID = String(child.personID)
        wroteRows = false

        writeFrontDoor(child)
        let emitted = writeChildInNeed(child)
        writeLookedAfter(child)
        writeInvolvements(child, emittedReferrals: emitted)
        if wroteRows || child.isCohortOnly { writePerson(child) }
    }

    private func writePerson(_ child: SimulatedChild) {
        var cells: [Cell] = [
            child.legacyID.map(Cell.text) ?? .empty, .text(personID), child.upn.map(Cell.text) ?? .empty,
            .text(child.forename), .text(child.surname), .text(child.sex.rawValue), .text(child.sex.rawValue),
            .text(child.ethnicity.rawValue), child.dateOfBirth.map(Cell.datetime) ?? .empty, .empty,
            child.upnUnknown.map(Cell.text) ?? .empty, .text(child.hasEHCP ? "Y" : "N"),
            child.expectedDateOfBirth.map(Cell.datetime) ?? .empty, .empty, child.isMother ? .text("Y") : .empty,
            .text(child.nationality),
        ]
        var mark: DirtMark?
        if child.isCohortOnly && structuralDue(.unknownEthnicity) {
            // Only cohort-only people are safe to corrupt: no other row refers to them.
            cells[7] = .text("XXXX")
            mark = DirtMark(kind: .unknownCode, column: "pers_ethnicity", explanation: "is not a DfE ethnicity code")
        } else if let upn = child.upn, dirtDue(0.015) {
            cells[2] = .text(UniquePupilNumber.withWrongCheckLetter(upn))
            mark = DirtMark(
                kind: .wrongUPNCheckLetter, column: "pers_upn",
                explanation: "has the wrong check letter (the digits give \(UniquePupilNumber.checkLetter(forDigits: String(upn.dropFirst()))))")
        }
        emit(.person, cells, mark)
    }

    // MARK: Workforce

    func writeDepartments() {
        emit(.department, [.number(SyntheticWorkforce.parentDepartmentID), .text(SyntheticWorkforce.parentDepartmentName), .empty, .empty])
        for team in workforce.teams {
            emit(
                .department,
                [.number(team.id), .text(team.name), .number(SyntheticWorkforce.parentDepartmentID), .text(team.function.departmentType)])
        }
    }

    func writeProfessionals() {
        var rng = SeededGenerator(seed: options.seed, stream: 1, purpose: .dirt)
        let unreferenced = workforce.members.indices.filter { workforce.members[$0].isReferencedByNothing }
        var corrupt: [Int] = []
        if options.dirt {
            let wanted = max(1, Int((3 * AuthorityProfile(size: options.size).scale).rounded()))
            let step = max(1, unreferenced.count / wanted)
            corrupt = stride(from: 0, to: unreferenced.count, by: step).prefix(wanted).map { unreferenced[$0] }
        }
        for (index, worker) in workforce.members.enumerated() {
            let department = worker.team.map { workforce.teams[$0].name } ?? SyntheticWorkforce.parentDepartmentName
            var cells: [Cell] = [
                .number(worker.id), worker.staffID.map(Cell.text) ?? .empty, .text(worker.name),
                worker.registration.map(Cell.text) ?? .empty, .text(worker.isAgency ? "Y" : "N"), .text(worker.role.jobTitle),
                .number(caseloads[index]), .text(department), .text(worker.fullTimeEquivalent.oneDecimal),
            ]
            var mark: DirtMark?
            if corrupt.contains(index) {
                cells[8] = .text(rng.element(of: ["TBC", "Full-time", "n/a", "0.8 FTE"]))
                mark = DirtMark(kind: .nonNumericFTE, column: "prof_full_time_equivalency", explanation: "is not a number")
            }
            emit(.professionals, cells, mark)
        }
    }
}
