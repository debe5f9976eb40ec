/// A period of care: consecutive SSDA903 episodes from the day a child starts to be looked after
/// (reason for new episode `S`) to the first episode that ends for a reason other than `X1`.
///
/// The SSD carries its own grouping (`clae_cla_id`), but that is the CMS's view; the returns and the
/// measures use the 903 rule, so Oversight rebuilds periods from the episodes themselves and says where
/// the chain is broken rather than guessing.
public struct PeriodOfCare: Hashable, Sendable {
    public var childID: Identifier<Child>
    /// Episodes in start order; never empty.
    public var episodes: [LookedAfterEpisode]

    public var start: LocalDate { episodes[0].start }
    /// The end of the last episode when it ended the period; `nil` while the child is still looked after.
    public var end: LocalDate? {
        guard let last = episodes.last, let reason = last.reasonCeased, reason.endsPeriodOfCare else { return nil }
        return last.end
    }
    public var reasonEnded: ReasonEpisodeCeased? { end == nil ? nil : episodes.last?.reasonCeased }
    public var interval: DateInterval { DateInterval(start: start, end: end) }

    /// Every episode is a short break (V3/V4): respite, not counted as looked after.
    public var isShortBreaksOnly: Bool { episodes.allSatisfy { $0.legalStatus?.isShortBreak == true } }

    /// Looked after on every day of the `days` ending on `date` (the 903's OC2 cohort is 12 months to
    /// 31 March), without short breaks.
    public func isContinuouslyLookedAfter(throughout window: DateInterval) -> Bool {
        guard !isShortBreaksOnly, start <= window.start else { return false }
        guard let windowEnd = window.end else { return end == nil }
        return end.map { $0 >= windowEnd } ?? true
    }
}

/// A break in a child's chain of episodes that stops a clean period-of-care reading.
public struct EpisodeChainFinding: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The first episode of a period does not have reason for new episode `S`.
        case periodDoesNotStartWithS
        /// An episode ended `X1` but the next one does not start on the same day.
        case gapAfterX1
        /// An episode ended `X1` and no episode follows it.
        case x1WithoutSuccessor
        /// An episode with no end date is followed by another episode.
        case openEpisodeNotLast
        /// An episode starts `S` while the previous one continued the period (`X1`).
        case startedAgainWithinPeriod
        /// An episode ends before it starts.
        case endsBeforeStart
    }

    public var kind: Kind
    public var childID: Identifier<Child>
    public var episodeID: Identifier<LookedAfterEpisode>

    public var message: String {
        switch kind {
        case .periodDoesNotStartWithS: "episode \(episodeID) begins a period of care but its reason for new episode is not S"
        case .gapAfterX1: "episode \(episodeID) ended X1 but the next episode does not start on the same day"
        case .x1WithoutSuccessor: "episode \(episodeID) ended X1 but no episode follows it"
        case .openEpisodeNotLast: "episode \(episodeID) has no end date but a later episode follows it"
        case .startedAgainWithinPeriod: "episode \(episodeID) has reason S although the previous episode ended X1"
        case .endsBeforeStart: "episode \(episodeID) ends before it starts"
        }
    }
}

extension PeriodOfCare {
    /// Groups one child's episodes into periods of care by the SSDA903 rules.
    ///
    /// - Parameter episodes: the child's episodes in any order (all for the same child).
    /// - Returns: the periods in date order, and every place the chain did not follow the rules.
    ///   A broken chain still yields periods: a gap after `X1` closes the period at that episode.
    public static func reconstruct(from episodes: [LookedAfterEpisode]) -> (periods: [PeriodOfCare], findings: [EpisodeChainFinding]) {
        guard let childID = episodes.first?.childID else { return ([], []) }
        let ordered = episodes.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        var periods: [PeriodOfCare] = []
        var findings: [EpisodeChainFinding] = []
        var current: [LookedAfterEpisode] = []

        func note(_ kind: EpisodeChainFinding.Kind, _ episode: LookedAfterEpisode) {
            findings.append(EpisodeChainFinding(kind: kind, childID: childID, episodeID: episode.id))
        }
        func close() {
            if !current.isEmpty { periods.append(PeriodOfCare(childID: childID, episodes: current)) }
            current = []
        }
        func open(with episode: LookedAfterEpisode) {
            if episode.reasonNewEpisode != .started { note(.periodDoesNotStartWithS, episode) }
            current = [episode]
        }

        for episode in ordered {
            if let end = episode.end, end < episode.start { note(.endsBeforeStart, episode) }
            guard let previous = current.last else {
                open(with: episode)
                continue
            }
            guard let previousEnd = previous.end else {
                note(.openEpisodeNotLast, previous)
                close()
                open(with: episode)
                continue
            }
            if previous.reasonCeased == .x1 || previous.reasonCeased == nil {
                if previousEnd == episode.start {
                    if episode.reasonNewEpisode == .started { note(.startedAgainWithinPeriod, episode) }
                    current.append(episode)
                } else {
                    note(.gapAfterX1, previous)
                    close()
                    open(with: episode)
                }
            } else {
                close()
                open(with: episode)
            }
        }
        if let last = current.last, last.reasonCeased == .x1 { note(.x1WithoutSuccessor, last) }
        close()
        return (periods, findings)
    }
}
