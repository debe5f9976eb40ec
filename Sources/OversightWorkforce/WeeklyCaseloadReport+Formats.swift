import Foundation
import OversightCore

extension WeeklyCaseloadReport {
    public static func figure(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    /// Plain text for the terminal: the week's figures per team, then the authority's 13 weeks.
    public func table() -> String {
        var lines = ["Weekly caseload report, week ending \(weekEnding.ukString) (recommendation 18)"]
        lines.append("Average caseload per case-holding social worker; trend = mean of daily averages over the 14 days to the week's end.")
        if !usesRegister { lines.append("No workforce register imported: workers are those holding at least one case.") }
        lines.append("")
        let header = ["Team", "Average", "", "Trend", "", "Highest", "Lowest", "Workers", "Change", "FTE", "Cases"]
        var rows = [header]
        for series in [overall] + teams {
            let week = series.current
            rows.append([
                series.name, Self.figure(week.average), week.averageDirection.rawValue, Self.figure(week.trend), week.trendDirection.rawValue,
                String(week.highest), String(week.lowest), String(week.workers), Self.signed(week.workersChange),
                String(format: "%.1f", week.fullTimeEquivalent), String(week.cases),
            ])
        }
        lines += Self.aligned(rows)
        lines.append("")
        lines.append("All teams, the 13 weeks to \(weekEnding.ukString):")
        var history = [["Week ending", "Average", "", "Trend", "", "Highest", "Lowest", "Workers", "Change"]]
        for week in overall.weeks {
            history.append([
                week.weekEnding.isoString, Self.figure(week.average), week.averageDirection.rawValue, Self.figure(week.trend),
                week.trendDirection.rawValue, String(week.highest), String(week.lowest), String(week.workers), Self.signed(week.workersChange),
            ])
        }
        lines += Self.aligned(history)
        return lines.joined(separator: "\n") + "\n"
    }

    public static func aligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, text in
                column == 0 ? text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - text.count) + text
            }.joined(separator: "  ")
        }
    }

    public static let csvHeader = [
        "team_id", "team", "service", "week_ending", "workers", "workers_change", "fte", "cases", "average", "average_direction",
        "highest", "lowest", "trend", "trend_direction",
    ]

    /// One row per team (the authority first, with an empty team ID) and week, oldest week first.
    public func csvRows() -> [[String]] {
        ([overall] + teams).flatMap { series in
            series.weeks.map { week in
                [
                    series.teamID ?? "", series.name, series.service ?? "", week.weekEnding.isoString, String(week.workers),
                    String(week.workersChange), String(week.fullTimeEquivalent), String(week.cases), week.average.map { String($0) } ?? "",
                    week.averageDirection.rawValue, String(week.highest), String(week.lowest), week.trend.map { String($0) } ?? "",
                    week.trendDirection.rawValue,
                ]
            }
        }
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every field is a string, number or array of them: encoding cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// One printable page: the headline, then a line per team with a small chart of its 13 weeks.
    public func html(authorityName: String = "Children's Social Care") -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func movement(_ direction: Direction) -> String {
            "<span class=\"\(direction.rawValue)\" title=\"\(direction.rawValue)\">\(direction.arrow) \(direction.rawValue)</span>"
        }
        let week = overall.current
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Weekly caseload report, week ending \(weekEnding.ukString)</title>
            <style>
            body { font: 11pt/1.35 system-ui, sans-serif; margin: 1.5cm; color: #0b0c0c; }
            h1 { font-size: 16pt; margin: 0 0 .2em; } p { margin: .3em 0; }
            .headline { display: flex; gap: 2em; margin: .8em 0; } .headline div { border-left: 4px solid #1d70b8; padding-left: .5em; }
            .headline strong { display: block; font-size: 18pt; }
            table { border-collapse: collapse; width: 100%; } th, td { padding: 3px 6px; border-bottom: 1px solid #b1b4b6; text-align: right; }
            th:first-child, td:first-child { text-align: left; } th { font-size: 9pt; } tr { break-inside: avoid; }
            .up { color: #d4351c; } .down { color: #00703c; } .level { color: #505a5f; }
            .service td { font-weight: bold; text-align: left; background: #f3f2f1; }
            svg { display: block; } small { color: #505a5f; }
            @page { size: A4 landscape; margin: 1cm; } @media print { body { margin: 0; } }
            </style></head><body>
            <h1>\(escape(authorityName)): weekly caseload report</h1>
            <p>Week ending <strong>\(weekEnding.ukString)</strong>. Average caseload per case-holding social worker, with the highest and
            lowest; team numbers and their change since last week; the trend is the mean of the daily averages over the 14 days to each
            week's end. Charts show the 13 weeks to \(weekEnding.ukString): the line is the weekly average, the dashes the trend.</p>
            <div class="headline">
            <div>Average caseload<strong>\(Self.figure(week.average))</strong>\(movement(week.averageDirection)) from \(Self.figure(overall.previous?.average))</div>
            <div>Trend (14 days)<strong>\(Self.figure(week.trend))</strong>\(movement(week.trendDirection))</div>
            <div>Highest / lowest<strong>\(week.highest) / \(week.lowest)</strong></div>
            <div>Social workers<strong>\(week.workers)</strong>\(Self.signed(week.workersChange)) since last week</div>
            </div>
            <table><thead><tr><th scope="col">Team</th><th scope="col">Average</th><th scope="col">Trend</th><th scope="col">Highest</th>
            <th scope="col">Lowest</th><th scope="col">Workers</th><th scope="col">Change</th><th scope="col">13 weeks</th></tr></thead><tbody>

            """
        var service: String?? = .none
        for team in teams {
            if service != .some(team.service) {
                service = .some(team.service)
                html += "<tr class=\"service\"><td colspan=\"8\">\(escape(team.service ?? "Other teams"))</td></tr>\n"
            }
            let current = team.current
            html += """
                <tr><th scope="row">\(escape(team.name))</th><td>\(Self.figure(current.average)) \(movement(current.averageDirection))</td>
                <td>\(Self.figure(current.trend)) \(movement(current.trendDirection))</td><td>\(current.highest)</td><td>\(current.lowest)</td>
                <td>\(current.workers)</td><td>\(Self.signed(current.workersChange))</td><td>\(Self.sparkline(team))</td></tr>

                """
        }
        html += """
            </tbody></table>
            <p><small>Allocations are involvements in role \(allocatedRoles.joined(separator: ", ")); a case ending on a day and one starting on
            it both count that day. \(usesRegister ? "Team numbers come from the workforce register." : "No workforce register was imported: workers are those holding at least one case.") ▲ is up, ▼ down, ▶ level (to one decimal place).</small></p>
            </body></html>

            """
        return html
    }

    /// A 13-week chart small enough to sit in a table row: weekly averages as a line, the trend dashed.
    public static func sparkline(_ series: Series) -> String {
        let width = 180.0, height = 36.0, pad = 3.0
        let values = series.weeks.flatMap { [$0.average, $0.trend] }.compactMap { $0 }
        guard let low = values.min(), let high = values.max() else { return "" }
        let span = max(high - low, 1)
        func point(_ index: Int, _ value: Double) -> String {
            let x = pad + (width - 2 * pad) * Double(index) / Double(max(series.weeks.count - 1, 1))
            let y = height - pad - (height - 2 * pad) * (value - low) / span
            return String(format: "%.1f,%.1f", x, y)
        }
        let averages = series.weeks.enumerated().compactMap { i, week in week.average.map { point(i, $0) } }.joined(separator: " ")
        let trend = series.weeks.enumerated().compactMap { i, week in week.trend.map { point(i, $0) } }.joined(separator: " ")
        let label = "Average caseload, 13 weeks: " + series.weeks.map { figure($0.average) }.joined(separator: ", ")
        return """
            <svg width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(label)">\
            <polyline points="\(trend)" fill="none" stroke="#505a5f" stroke-width="1" stroke-dasharray="3 2"/>\
            <polyline points="\(averages)" fill="none" stroke="#1d70b8" stroke-width="1.5"/></svg>
            """
    }
}
