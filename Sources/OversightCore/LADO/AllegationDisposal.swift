/// What is left of an allegation after its retention ends: the fact of disposal, with no name in it.
///
/// A council must be able to show what it destroyed and under which rule (a disposal certificate), without keeping
/// the personal details the purge removed.
public struct AllegationDisposal: Sendable, Codable, Equatable, Hashable {
    public var allegationID: Identifier<Allegation>
    /// `nil` for a referral closed at initial consideration without the formal process.
    public var outcome: AllegationOutcome?
    public var closedOn: LocalDate
    public var retainedUntil: LocalDate
    /// The retention rule that ended, in words.
    public var reason: String
    public var disposedOn: LocalDate

    public init(
        allegationID: Identifier<Allegation>, outcome: AllegationOutcome?, closedOn: LocalDate, retainedUntil: LocalDate, reason: String,
        disposedOn: LocalDate
    ) {
        self.allegationID = allegationID
        self.outcome = outcome
        self.closedOn = closedOn
        self.retainedUntil = retainedUntil
        self.reason = reason
        self.disposedOn = disposedOn
    }
}
