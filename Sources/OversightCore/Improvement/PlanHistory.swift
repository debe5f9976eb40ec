/// Reads an append-only list of updates back as of a date.
public enum PlanHistory {
    /// Each action's latest update on or before `date`, keyed by the action's ref.
    ///
    /// Updates are ordered by their day and then by the order they were given in (the order they were recorded),
    /// so two updates on the same day resolve to the later-recorded one. Updates whose `at` does not begin with a
    /// date cannot be placed in time and are left out.
    /// - Parameters:
    ///   - updates: every update of a plan, in the order recorded.
    ///   - date: the day to read the plan as of; `nil` reads the latest of all.
    /// - Returns: the latest update of each action that has one by then.
    public static func latestUpdates(_ updates: [ActionUpdate], asOf date: LocalDate?) -> [String: ActionUpdate] {
        var latest: [String: (day: LocalDate, update: ActionUpdate)] = [:]
        for update in updates {
            guard let day = update.date, date.map({ day <= $0 }) ?? true else { continue }
            if let current = latest[update.ref], current.day > day { continue }
            latest[update.ref] = (day, update)
        }
        return latest.mapValues(\.update)
    }

    /// One action's updates on or before `date`, oldest first (recorded order within a day).
    public static func history(of ref: String, in updates: [ActionUpdate], asOf date: LocalDate?) -> [ActionUpdate] {
        updates.enumerated()
            .compactMap { index, update -> (LocalDate, Int, ActionUpdate)? in
                guard update.ref == ref, let day = update.date, date.map({ day <= $0 }) ?? true else { return nil }
                return (day, index, update)
            }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map(\.2)
    }
}
