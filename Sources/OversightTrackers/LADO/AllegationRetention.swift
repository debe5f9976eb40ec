import OversightCore
import OversightStorage

/// How long an allegation's record is kept, by outcome.
///
/// Keeping Children Safe in Education 2025 (part 4) and Working Together 2023: a record of a substantiated or
/// unsubstantiated allegation is kept until the person reaches normal retirement age or for 10 years from the date of
/// the allegation, whichever is longer. False, malicious and unfounded allegations are kept for the shortest period:
/// the authority sets it (`shortRetentionMonths` after closure, 12 unless told), long enough to notice a pattern of
/// malicious referrals and no longer.
public struct RetentionSchedule: Sendable, Equatable {
    /// State pension age for people born on or after 6 March 1961 (Pensions Act 2014).
    public var normalRetirementAge: Int
    public var longMinimumYears: Int
    public var shortRetentionMonths: Int

    public init(normalRetirementAge: Int = 67, longMinimumYears: Int = 10, shortRetentionMonths: Int = 12) {
        self.normalRetirementAge = normalRetirementAge
        self.longMinimumYears = longMinimumYears
        self.shortRetentionMonths = shortRetentionMonths
    }

    /// Until when the record must be kept, and why.
    public func retention(of allegation: Allegation) -> RetentionDecision {
        guard let closed = allegation.closedOn else { return .keepWhileOpen }
        guard let outcome = allegation.outcome else {
            // Closed at initial consideration without the formal process: a consultation, kept as briefly as the
            // allegations found false, malicious or unfounded.
            return .keepUntil(closed.adding(months: shortRetentionMonths), reason: "threshold not met: \(shortRetentionMonths) months from closure")
        }
        if outcome.isKeptLong {
            guard let born = allegation.subject.dateOfBirth else { return .needsDateOfBirth }
            let retirement = born.adding(years: normalRetirementAge)
            let tenYears = allegation.receivedOn.adding(years: longMinimumYears)
            return retirement >= tenYears
                ? .keepUntil(retirement, reason: "\(outcome.rawValue): to normal retirement age (\(normalRetirementAge))")
                : .keepUntil(tenYears, reason: "\(outcome.rawValue): \(longMinimumYears) years from the allegation")
        }
        return .keepUntil(closed.adding(months: shortRetentionMonths), reason: "\(outcome.rawValue): \(shortRetentionMonths) months from closure")
    }

    /// The allegations whose retention has ended before `date`, as the disposal records a purge on that day writes.
    public func due(_ allegations: [Allegation], on date: LocalDate) -> [AllegationDisposal] {
        allegations.compactMap { allegation in
            guard case .keepUntil(let until, let reason) = retention(of: allegation), until < date, let closed = allegation.closedOn
            else { return nil }
            return AllegationDisposal(
                allegationID: allegation.id, outcome: allegation.outcome, closedOn: closed, retainedUntil: until, reason: reason, disposedOn: date)
        }.sorted { $0.allegationID < $1.allegationID }
    }
}

public enum RetentionDecision: Sendable, Equatable {
    /// Not closed: never purged.
    case keepWhileOpen
    /// A long-kept outcome without the person's date of birth: kept until someone records it.
    case needsDateOfBirth
    case keepUntil(LocalDate, reason: String)
}

/// The retention purge: removes every allegation whose retention ended before `asOf`, leaving a disposal record for
/// each; a dry run lists them and changes nothing.
public enum AllegationPurge {
    /// - Returns: the disposals made, or that a real run would make.
    /// - Throws: `StorageError` from the store; nothing is removed then.
    public static func run(
        _ store: any AllegationStore, asOf: LocalDate, schedule: RetentionSchedule = RetentionSchedule(), dryRun: Bool
    ) throws(StorageError) -> [AllegationDisposal] {
        let due = schedule.due(try store.fetchAllegations(), on: asOf)
        if !dryRun, !due.isEmpty { try store.disposeAllegations(due) }
        return due
    }
}
