import Foundation
import OversightCore

extension QualityReport {
    /// Percent to one decimal place, or a dash.
    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0) } ?? "–" }

    /// The grade rows of one section, for the table, CSV and HTML.
    var gradeSections: [(title: String, rows: [Row])] {
        var sections: [(title: String, rows: [Row])] = [
            ("Grades by month", byMonth), ("Grades by team", byTeam), ("Grades by practice area", byPracticeArea),
            ("Grades by month and team", byMonthAndTeam), ("Grades by month and practice area", byMonthAndPracticeArea),
        ]
        if let versus = versusMeasure {
            sections.append(("\(versus.practiceArea.title) against \(versus.measureID) \(versus.measureTitle)", versus.groups))
        }
        return sections
    }

    /// Plain text for the terminal and for pasting into a council's report template.
    public func text() -> String {
        var lines = ["Quality assurance, \(period) (as at \(asOf))", ""]
        lines.append("Audits due in the period: \(allocated); recorded: \(completed); overdue: \(overdue)")
        lines.append("Overall: " + gradeLine(overall))
        for section in gradeSections {
            lines.append("")
            lines.append(section.title)
            if section.rows.isEmpty { lines.append("  none") }
            for row in section.rows { lines.append("  \(row.key): " + gradeLine(row.grades)) }
        }
        lines.append("")
        lines.append(collaborationLine)
        lines.append("")
        lines.append(
            "Moderation: \(moderation.moderated) of \(moderation.completed) audits (\(Self.percent(moderation.moderatedShare))); "
                + "grades agreed in \(moderation.agreed) (\(Self.percent(moderation.agreement)))")
        for change in moderation.changes {
            lines.append("  \(change.auditID): \(change.from.title) → \(change.to.title) by \(change.moderator) (auditor \(change.auditor)): \(change.reason)")
        }
        lines.append("")
        lines.append("Recurring themes")
        if themes.isEmpty { lines.append("  none recorded") }
        for theme in themes { lines.append("  \(theme.title): \(theme.audits) audit\(theme.audits == 1 ? "" : "s")\(theme.planAction.map { "; plan action \($0)" } ?? "")") }
        lines.append("")
        lines.append(
            "Case actions: \(caseActions.open) open, \(caseActions.inProgress) in progress, \(caseActions.completed) completed, "
                + "\(caseActions.withdrawn) withdrawn; \(caseActions.overdue) overdue")
        for action in caseActions.overdueActions { lines.append("  overdue: \(action)") }
        lines.append("")
        lines.append("Spot checks")
        if spotChecks.isEmpty { lines.append("  none scheduled") }
        for check in spotChecks {
            lines.append("  \(check.title) [\(check.status.rawValue)]: next due \(check.nextDue); last done \(check.lastDone?.isoString ?? "never")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var collaborationLine: String {
        "Collaboration: the worker took part in \(collaboration.workerTookPart) of \(completed) audits, the manager in "
            + "\(collaboration.managerTookPart); feedback recorded for \(collaboration.feedbackGiven)"
            + (collaboration.meanDaysToFeedback.map { String(format: ", %.1f days after the audit on average", $0) } ?? "")
    }

    private func gradeLine(_ grades: GradeCounts) -> String {
        let counts = Grade.allCases.map { "\($0.title) \(grades.count($0))" }.joined(separator: ", ")
        return "\(counts); good or better \(Self.percent(grades.goodOrBetter))"
    }

    /// One row per count, long format, for spreadsheets: section, key, grade, audits.
    public func csvRows() -> [[String]] {
        var rows = [["section", "key", "grade", "audits"]]
        for grade in Grade.allCases { rows.append(["overall", period, grade.rawValue, String(overall.count(grade))]) }
        for section in gradeSections {
            for row in section.rows {
                for grade in Grade.allCases { rows.append([section.title, row.key, grade.rawValue, String(row.grades.count(grade))]) }
            }
        }
        rows.append(["moderation", "moderated", "", String(moderation.moderated)])
        rows.append(["moderation", "agreed", "", String(moderation.agreed)])
        for theme in themes { rows.append(["theme", theme.title, "", String(theme.audits)]) }
        for check in spotChecks { rows.append(["spot check", check.title, check.status.rawValue, check.nextDue.isoString]) }
        return rows
    }

    /// A self-contained HTML document: its own styles, nothing fetched.
    public func html() -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        func table(_ rows: [Row]) -> String {
            let head = "<tr><th scope=\"col\"></th>" + Grade.allCases.map { "<th scope=\"col\" class=\"num\">\($0.title)</th>" }.joined()
                + "<th scope=\"col\" class=\"num\">Good or better</th></tr>"
            let body = rows.map { row in
                "<tr class=\"grades\" data-key=\"\(escape(row.key))\"><td>\(escape(row.key))</td>"
                    + Grade.allCases.map { "<td class=\"num\">\(row.grades.count($0))</td>" }.joined()
                    + "<td class=\"num\">\(Self.percent(row.grades.goodOrBetter))</td></tr>"
            }.joined()
            return "<table><thead>\(head)</thead><tbody>\(body)</tbody></table>"
        }
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><title>Quality assurance, \(escape(period))</title>
            <style>body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:24px;font-size:11pt}table{border-collapse:collapse;width:100%;margin:0 0 12px}
            th,td{border-bottom:1px solid #b1b4b6;padding:4px 8px 4px 0;text-align:left}.num{text-align:right}h2{border-bottom:2px solid #0b0c0c}</style></head>
            <body><h1>Quality assurance, \(escape(period))</h1><p>As at \(asOf). Audits due in the period: \(allocated); recorded: \(completed); overdue: \(overdue).</p>
            <h2>Overall</h2>\(table([Row(key: "All audits", grades: overall)]))
            """
        for section in gradeSections { html += "<h2>\(escape(section.title))</h2>" + (section.rows.isEmpty ? "<p>None.</p>" : table(section.rows)) }
        html += "<h2>Collaboration</h2><p>\(escape(collaborationLine)).</p>"
        html += "<h2>Moderation</h2><p>\(moderation.moderated) of \(moderation.completed) audits moderated (\(Self.percent(moderation.moderatedShare))); "
        html += "grades agreed in \(moderation.agreed) (\(Self.percent(moderation.agreement))).</p><ul>"
        for change in moderation.changes {
            html += "<li class=\"moderation-change\">\(escape(change.auditID)): \(change.from.title) → \(change.to.title) (\(escape(change.moderator))): \(escape(change.reason))</li>"
        }
        html += "</ul><h2>Recurring themes</h2><ul>"
        for theme in themes {
            html += "<li class=\"theme\">\(escape(theme.title)): \(theme.audits)\(theme.planAction.map { "; plan action " + escape($0) } ?? "")</li>"
        }
        html += "</ul><h2>Case actions</h2><p>\(caseActions.open) open, \(caseActions.inProgress) in progress, \(caseActions.completed) completed, "
        html += "\(caseActions.withdrawn) withdrawn; \(caseActions.overdue) overdue.</p><h2>Spot checks</h2><ul>"
        for check in spotChecks {
            html += "<li class=\"spot-check\" data-status=\"\(check.status.rawValue)\">\(escape(check.title)): \(check.status.rawValue), next due \(check.nextDue)</li>"
        }
        return html + "</ul></body></html>\n"
    }
}
