import OversightCore

extension BoardPack {
    /// The board pack's QA section, from a ``QualityReport``: the figures a board asks of audit work.
    public struct QualitySection: Sendable {
        public struct GradeLine: Sendable { public var label, outstanding, good, requiresImprovement, inadequate, goodOrBetter: String }
        public struct ThemeLine: Sendable { public var title, audits, planAction: String }
        public struct SpotCheckLine: Sendable { public var title, status, nextDue: String }

        public var period: String
        public var summary: String
        public var moderation: String
        public var caseActions: String
        public var grades: [GradeLine]
        public var themes: [ThemeLine]
        public var spotChecks: [SpotCheckLine]

        public init(_ report: QualityReport) {
            period = report.period
            summary = "\(report.completed) audits recorded; \(report.allocated) due in the period, \(report.overdue) overdue."
            moderation =
                "\(report.moderation.moderated) moderated (\(QualityReport.percent(report.moderation.moderatedShare)) of those recorded); "
                + "auditor and moderator agreed in \(QualityReport.percent(report.moderation.agreement))."
            let actions = report.caseActions
            caseActions = "Case actions: \(actions.open + actions.inProgress) open, \(actions.completed) completed, \(actions.overdue) overdue."
            func line(_ label: String, _ counts: QualityReport.GradeCounts) -> GradeLine {
                GradeLine(
                    label: label, outstanding: String(counts.outstanding), good: String(counts.good),
                    requiresImprovement: String(counts.requiresImprovement), inadequate: String(counts.inadequate),
                    goodOrBetter: QualityReport.percent(counts.goodOrBetter))
            }
            grades = [line("All audits", report.overall)] + report.byPracticeArea.map { line($0.key, $0.grades) }
            themes = report.themes.prefix(5).map { ThemeLine(title: $0.title, audits: String($0.audits), planAction: $0.planAction ?? "not linked") }
            spotChecks = report.spotChecks.map { SpotCheckLine(title: $0.title, status: $0.status.rawValue, nextDue: Figures.date($0.nextDue)) }
        }
    }

    /// Adds the QA section.
    public func with(quality report: QualityReport) -> BoardPack {
        var pack = self
        pack.quality = QualitySection(report)
        return pack
    }

    func qualityLines() -> [String] {
        guard let quality else { return [] }
        var lines = ["", "Quality assurance (\(quality.period))", "  \(quality.summary)", "  \(quality.moderation)", "  \(quality.caseActions)"]
        for grade in quality.grades {
            lines.append(
                "  \(grade.label): Outstanding \(grade.outstanding), Good \(grade.good), Requires improvement \(grade.requiresImprovement), "
                    + "Inadequate \(grade.inadequate); good or better \(grade.goodOrBetter)")
        }
        for theme in quality.themes { lines.append("  Theme: \(theme.title), \(theme.audits) audits; plan: \(theme.planAction)") }
        for check in quality.spotChecks { lines.append("  Spot check: \(check.title), \(check.status), next due \(check.nextDue)") }
        return lines
    }

    static let qualityTemplate = """
        {{#quality}}<h2 id="quality">Quality assurance</h2>
        <p>{{period}}: {{summary}} {{moderation}} {{caseActions}}</p>
        <table><thead><tr><th scope="col">Grades</th><th scope="col" class="num">Outstanding</th><th scope="col" class="num">Good</th><th scope="col" class="num">Requires improvement</th><th scope="col" class="num">Inadequate</th><th scope="col" class="num">Good or better</th></tr></thead>
        <tbody>{{#grades}}<tr class="qa-grades"><td>{{label}}</td><td class="num">{{outstanding}}</td><td class="num">{{good}}</td><td class="num">{{requiresImprovement}}</td><td class="num">{{inadequate}}</td><td class="num">{{goodOrBetter}}</td></tr>{{/grades}}</tbody></table>
        {{^empty(themes)}}<h3>Recurring themes</h3><table><tbody>{{#themes}}<tr class="qa-theme"><td>{{title}}</td><td class="num">{{audits}}</td><td>{{planAction}}</td></tr>{{/themes}}</tbody></table>{{/empty(themes)}}
        {{^empty(spotChecks)}}<h3>Spot checks</h3><table><tbody>{{#spotChecks}}<tr class="qa-spot-check" data-status="{{status}}"><td>{{title}}</td><td>{{status}}</td><td>{{nextDue}}</td></tr>{{/spotChecks}}</tbody></table>{{/empty(spotChecks)}}
        {{/quality}}
        """
}
