import OversightCore
import OversightInterchange

/// Shapes the 3xx–6xx rules share: a child's age from the header on an episode's dates, how long an episode
/// lasted, and episodes next to each other in a child's history.
extension SSDA903Context {
    /// Each child's date of birth as the header gives it.
    public var birthDates: [String: LocalDate] {
        let header = self[.header]
        let born = header.dates(.dob)
        var dates: [String: LocalDate] = [:]
        for (row, child) in header.children.enumerated() {
            if let child, let date = born[row], dates[child] == nil { dates[child] = date }
        }
        return dates
    }

    /// Episode rows where `fails(row, age)` holds for the child's age (from the header) on the episode's `field` date.
    public func episodes(agedOn field: SSDA903Field, where fails: (_ row: Int, _ age: Int) -> Bool) -> [SSDA903RowReference] {
        let born = birthDates
        let episodes = self[.episodes]
        let dates = episodes.dates(field), children = episodes.children
        return flag(.episodes) { row in
            guard let child = children[row], let birth = born[child], let date = dates[row] else { return false }
            return fails(row, birth.age(on: date))
        }
    }

    /// Episode rows with a legal status or placement in `codes` that lasted more than `days` days (start to end).
    /// With `countingOpen`, an episode still open has lasted until 31 March; otherwise only ended episodes count.
    public func episodes(
        _ field: SSDA903Field, in codes: Set<String>, lastingMoreThan days: Int, countingOpen: Bool = true
    ) -> [SSDA903RowReference] {
        let episodes = self[.episodes]
        let values = episodes[field], began = episodes.dates(.decom), ended = episodes.dates(.dec), endText = episodes[.dec]
        return flag(.episodes) { row in
            guard let code = values[row], codes.contains(code), let start = began[row] else { return false }
            if let end = ended[row] { return start.days(to: end) > days }
            return countingOpen && endText[row] == nil && start.days(to: collectionEnd) > days
        }
    }

    /// Pairs of a child's consecutive episodes (in start order) for which `fails` holds; flags the rows it returns.
    public func consecutiveEpisodes(_ fails: (_ previous: Int, _ next: Int) -> [Int]) -> [SSDA903RowReference] {
        var flagged: [SSDA903RowReference] = []
        for (child, rows) in episodesByChild where !child.isEmpty {
            for (previous, next) in zip(rows, rows.dropFirst()) {
                flagged += fails(previous, next).map { SSDA903RowReference(.episodes, $0) }
            }
        }
        return flagged
    }

    /// Rows of `table` whose child is in `children`.
    public func rows(of table: SSDA903TableKind, for children: Set<String>) -> [SSDA903RowReference] {
        let column = self[table].children
        return flag(table) { column[$0].map(children.contains) ?? false }
    }

    /// Children whose episodes satisfy `holds` for some row.
    public func childrenWithEpisode(_ holds: (Int) -> Bool) -> Set<String> {
        var children = Set<String>()
        for (child, rows) in episodesByChild where !child.isEmpty && rows.contains(where: holds) { children.insert(child) }
        return children
    }

    /// Each child's rows of `table` with a valid `start` date, in start order (file order on a tie).
    public func rowsByChild(_ table: SSDA903TableKind, orderedBy start: SSDA903Field) -> [[Int]] {
        let began = self[table].dates(start)
        var byChild: [String: [Int]] = [:]
        for (row, child) in self[table].children.enumerated() where began[row] != nil { byChild[child ?? "", default: []].append(row) }
        return byChild.values.map { rows in rows.sorted { began[$0]! < began[$1]! || (began[$0]! == began[$1]! && $0 < $1) } }
    }

    /// Rows of `table` that start before the child's previous period (by `start`) ended, or while it was still open.
    public func overlappingPeriods(_ table: SSDA903TableKind, start: SSDA903Field, end: SSDA903Field) -> [SSDA903RowReference] {
        let began = self[table].dates(start), ended = self[table].dates(end)
        return rowsByChild(table, orderedBy: start).flatMap { rows in
            zip(rows, rows.dropFirst()).compactMap { previous, next -> SSDA903RowReference? in
                guard let end = ended[previous] else { return SSDA903RowReference(table, next) }
                return began[next]! < end ? SSDA903RowReference(table, next) : nil
            }
        }
    }

    /// Rows of `table` where `field` is completed but `other`, which must come with it, is blank.
    public func completed(_ table: SSDA903TableKind, _ field: SSDA903Field, without other: SSDA903Field) -> [SSDA903RowReference] {
        let values = self[table][field], others = self[table][other]
        return flag(table) { values[$0] != nil && others[$0] == nil }
    }

    /// Each episode's last day in care as the return shows it: its end date, or 31 March while it is still open;
    /// nil for an impossible end date, which 147 reports.
    public func lastDaysInCare() -> [LocalDate?] {
        let episodes = self[.episodes]
        let ended = episodes.dates(.dec), endText = episodes[.dec]
        return episodes.indices.map { endText[$0] == nil ? collectionEnd : ended[$0] }
    }
}
