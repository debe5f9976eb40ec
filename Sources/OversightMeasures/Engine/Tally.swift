import OversightCore

/// One child-level row behind a figure: a record in the denominator and whether it met the numerator.
public struct ExplanationRow: Sendable, Codable, Equatable {
    public var childID: String
    /// The event the row is about (a referral, an assessment…); `nil` for child-level measures.
    public var recordID: String?
    public var inNumerator: Bool
    /// The dates that decided the row, named ("referral", "authorised").
    public var fromLabel: String?
    public var from: LocalDate?
    public var toLabel: String?
    public var to: LocalDate?
    public var workingDays: Int?
    public var days: Int?
    /// The row's own value, for measures that average (days to adoption, cases held).
    public var value: Double?
    /// Why the row is or is not in the numerator, in a sentence a manager can check.
    public var reason: String
}

/// The parts of an explanation a measure supplies; built only when an explanation was asked for.
public struct RowDetail {
    var recordID: String?
    var from: (String, LocalDate)?
    var to: (String, LocalDate)?
    var workingDays: Int?
    var days: Int?
    var value: Double?
    var reason: String

    init(
        _ recordID: String? = nil, from: (String, LocalDate)? = nil, to: (String, LocalDate)? = nil,
        workingDays: Int? = nil, days: Int? = nil, value: Double? = nil, reason: String
    ) {
        self.recordID = recordID
        self.from = from
        self.to = to
        self.workingDays = workingDays
        self.days = days
        self.value = value
        self.reason = reason
    }
}

/// Accumulates a measure's numerator and denominator, and its rows when asked to explain.
///
/// Measures describe each row with an autoclosure, so computing a dashboard full of figures never
/// formats a sentence it will not show.
public struct Tally {
    public private(set) var numerator: Double = 0
    public private(set) var denominator: Double = 0
    public private(set) var rows: [ExplanationRow] = []
    let explains: Bool
    let slice: ResolvedSlice
    let snapshot: CaseSnapshot

    init(snapshot: CaseSnapshot, slice: ResolvedSlice, explains: Bool) {
        self.snapshot = snapshot
        self.slice = slice
        self.explains = explains
    }

    /// Adds one row.
    /// - Parameters:
    ///   - on: the day the row is judged, which decides team, worker and age band.
    ///   - team: the team the record itself names, if any.
    ///   - numerator: what the row adds to the numerator (1 or 0 for counts; days for averages).
    ///   - denominator: what the row adds to the denominator.
    ///   - counted: whether the row is "in the numerator" when the numerator is a sum rather than a count.
    @inline(__always)
    mutating func add(
        child: Int32, on date: LocalDate, team: Int32 = CaseSnapshot.none, numerator: Double, denominator: Double = 1,
        counted: Bool? = nil, _ detail: @autoclosure () -> RowDetail
    ) {
        guard slice.includes(child: child, on: date, team: team, in: snapshot) else { return }
        self.numerator += numerator
        self.denominator += denominator
        if explains {
            let d = detail()
            rows.append(ExplanationRow(
                childID: snapshot.children.ids[Int(child)], recordID: d.recordID, inNumerator: counted ?? (numerator > 0),
                fromLabel: d.from?.0, from: d.from?.1, toLabel: d.to?.0, to: d.to?.1, workingDays: d.workingDays,
                days: d.days, value: d.value, reason: d.reason))
        }
    }

    /// Adds a row the slice has already been applied to (workforce rows are about workers, not children).
    mutating func addUnsliced(numerator: Double, denominator: Double, row: @autoclosure () -> ExplanationRow) {
        self.numerator += numerator
        self.denominator += denominator
        if explains { rows.append(row()) }
    }

    /// Shorthand for a row that is in the numerator or not.
    @inline(__always)
    mutating func add(child: Int32, on date: LocalDate, team: Int32 = CaseSnapshot.none, met: Bool, _ detail: @autoclosure () -> RowDetail) {
        add(child: child, on: date, team: team, numerator: met ? 1 : 0, denominator: 1, detail())
    }
}
