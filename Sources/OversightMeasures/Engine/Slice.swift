import OversightCore

/// Whose figure: the whole authority, one team, one worker, or a cohort of children.
public enum Slice: Sendable, Hashable, CustomStringConvertible {
    case authority
    /// A team, by its ID or name; an event recorded against a team counts for that team, anything
    /// else for the team holding the child's allocation on the day the row is judged.
    case team(String)
    /// A worker, by ID or name: the child's allocated worker on the day the row is judged.
    case worker(String)
    case cohort(Cohort)

    public var description: String {
        switch self {
        case .authority: "authority"
        case .team(let t): "team \(t)"
        case .worker(let w): "worker \(w)"
        case .cohort(let c): "cohort \(c)"
        }
    }
}

/// A group of children by a characteristic on the day a row is judged.
public enum Cohort: Sendable, Hashable, CustomStringConvertible {
    case ageBand(AgeBand)
    case ethnicity(Ethnicity)
    case sex(Sex)

    /// Reads `age=10-15`, `ethnicity=WBRI` or `sex=F`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return nil }
        switch parts[0].lowercased() {
        case "age": guard let band = AgeBand(rawValue: parts[1]) else { return nil }; self = .ageBand(band)
        case "ethnicity": guard let code = Ethnicity(code: parts[1]) else { return nil }; self = .ethnicity(code)
        case "sex": guard let code = Sex(code: parts[1]) else { return nil }; self = .sex(code)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .ageBand(let band): "age=\(band.rawValue)"
        case .ethnicity(let code): "ethnicity=\(code.rawValue)"
        case .sex(let code): "sex=\(code.rawValue)"
        }
    }
}

/// DfE's published age bands.
public enum AgeBand: String, Sendable, Hashable, CaseIterable {
    case unborn, under1 = "under-1", oneToFour = "1-4", fiveToNine = "5-9", tenToFifteen = "10-15", sixteenPlus = "16+"

    public init?(age: Int?) {
        guard let age else { return nil }
        switch age {
        case ..<1: self = .under1
        case 1...4: self = .oneToFour
        case 5...9: self = .fiveToNine
        case 10...15: self = .tenToFifteen
        default: self = .sixteenPlus
        }
    }
}

/// The slice resolved against one snapshot: names turned into team and worker numbers once.
struct ResolvedSlice: Sendable {
    enum Kind: Sendable { case all, team(Int32), worker(Int32), cohort(Cohort), nothing }
    let kind: Kind

    init(_ slice: Slice, in snapshot: CaseSnapshot) {
        switch slice {
        case .authority: kind = .all
        case .team(let text): kind = snapshot.teamIndex(forIDOrName: text).map(Kind.team) ?? .nothing
        case .worker(let text): kind = snapshot.workerIndex(forIDOrName: text).map(Kind.worker) ?? .nothing
        case .cohort(let cohort): kind = .cohort(cohort)
        }
    }

    @inline(__always)
    func includes(child: Int32, on date: LocalDate, team: Int32, in snapshot: CaseSnapshot) -> Bool {
        switch kind {
        case .all: return true
        case .nothing: return false
        case .team(let wanted):
            if team != CaseSnapshot.none { return team == wanted }
            return snapshot.allocation(of: child, on: date)?.team == wanted
        case .worker(let wanted): return snapshot.allocation(of: child, on: date)?.worker == wanted
        case .cohort(.ageBand(let band)):
            if snapshot.isUnborn(child, on: date) { return band == .unborn }
            return AgeBand(age: snapshot.age(of: child, on: date)) == band
        case .cohort(.ethnicity(let code)): return snapshot.children.ethnicity[Int(child)] == code
        case .cohort(.sex(let code)): return snapshot.children.sex[Int(child)] == code
        }
    }
}
