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
}
