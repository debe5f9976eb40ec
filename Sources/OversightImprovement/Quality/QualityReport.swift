import Foundation
import OversightCore
import OversightMeasures

/// What QA found over a period (issue 8, item 5): grades over time, by team and by practice area; moderation and
/// agreement; recurring themes and where they went in the plan; case actions; the spot-check schedule; and grades
/// set against a measure ("is assessment timeliness related to assessment quality in our audits?").
///
/// An audit belongs to the period in which its auditor first recorded it; its grade is the grade as it stands,
/// moderation included.
public struct QualityReport: Sendable, Codable, Equatable {
    /// How many audits had each grade.
    public struct GradeCounts: Sendable, Codable, Equatable {
        public var outstanding = 0, good = 0, requiresImprovement = 0, inadequate = 0

        public init() {}

        public mutating func add(_ grade: Grade) {
            switch grade {
            case .outstanding: outstanding += 1
            case .good: good += 1
            case .requiresImprovement: requiresImprovement += 1
            case .inadequate: inadequate += 1
            }
        }

        public var total: Int { outstanding + good + requiresImprovement + inadequate }
        public func count(_ grade: Grade) -> Int {
            switch grade {
            case .outstanding: outstanding
            case .good: good
            case .requiresImprovement: requiresImprovement
            case .inadequate: inadequate
            }
        }
        /// Percentage good or outstanding; `nil` with nothing graded.
        public var goodOrBetter: Double? { total == 0 ? nil : 100 * Double(outstanding + good) / Double(total) }
        /// The mean Ofsted number (1 outstanding … 4 inadequate); `nil` with nothing graded.
        public var meanOfstedNumber: Double? {
            total == 0 ? nil : Double(outstanding + 2 * good + 3 * requiresImprovement + 4 * inadequate) / Double(total)
        }
    }

    public struct Row: Sendable, Codable, Equatable {
        /// The month (`2025-07`), team, practice area or measure group the row counts.
        public var key: String
        public var grades: GradeCounts
    }

    public struct ModerationSummary: Sendable, Codable, Equatable {
        public var completed: Int
        public var moderated: Int
        public var agreed: Int
        /// Share of completed audits moderated, percent.
        public var moderatedShare: Double?
        /// Grade agreement between auditor and moderator, percent of moderated audits.
        public var agreement: Double?
        public var changes: [Change]

        public struct Change: Sendable, Codable, Equatable {
            public var auditID: String
            public var auditor: String
            public var moderator: String
            public var from: Grade
            public var to: Grade
            public var reason: String
        }
    }

    public struct CollaborationSummary: Sendable, Codable, Equatable {
        public var workerTookPart = 0, managerTookPart = 0, feedbackGiven = 0
        /// Days from recording to feedback, on average, where both are known.
        public var meanDaysToFeedback: Double?
    }

    public struct ThemeRow: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var audits: Int
        /// The plan action it feeds (`ofsted-2022 2.3`), if linked.
        public var planAction: String?
    }

    public struct CaseActionSummary: Sendable, Codable, Equatable {
        public var open = 0, inProgress = 0, completed = 0, withdrawn = 0, overdue = 0
        public var overdueActions: [String] = []
    }

    public struct SpotCheckRow: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var cohort: String
        public var lastDone: LocalDate?
        public var nextDue: LocalDate
        public var status: SpotCheckSchedule.Status
    }

    /// Grades in one practice area, split by whether the child's row in a measure met it.
    public struct GradeVersusMeasure: Sendable, Codable, Equatable {
        public var measureID: String
        public var measureTitle: String
        public var practiceArea: PracticeArea
        /// `met`, `not met`, and `not in the measure` (children with no row in its denominator for the period).
        public var groups: [Row]
    }

    public var period: String
    public var asOf: LocalDate
    public var allocated: Int
    public var completed: Int
    /// Allocated audits not recorded by their due date.
    public var overdue: Int
    public var overall: GradeCounts
    public var byMonth: [Row]
    public var byTeam: [Row]
    public var byPracticeArea: [Row]
    /// Month by month for each team, and for each practice area (`2025-07 T1`).
    public var byMonthAndTeam: [Row]
    public var byMonthAndPracticeArea: [Row]
    /// How collaborative the recorded audits were: "Beyond Auditing" works with the worker and manager in real time.
    public var collaboration: CollaborationSummary
    public var moderation: ModerationSummary
    public var themes: [ThemeRow]
    public var caseActions: CaseActionSummary
    public var spotChecks: [SpotCheckRow]
    public var versusMeasure: GradeVersusMeasure?

    /// Builds the report.
    /// - Parameters:
    ///   - audits: every audit; those first recorded in `period` are graded, those allocated in it are counted.
    ///   - engine: the measures engine, for grades against a measure; `nil` leaves that part out.
    ///   - measureID: the measure to set grades against (CIN-06, assessments within 45 working days, by default).
    ///   - practiceArea: the practice area whose grades are compared (assessment quality by default).
    public init(
        period: ReportingPeriod, asOf: LocalDate, audits: [Audit], themes: [LearningTheme], caseActions: [TrackedCaseAction],
        spotChecks: [SpotCheckSchedule], engine: MeasureEngine?, measureID: String = "CIN-06", practiceArea: PracticeArea = .assessmentQuality
    ) {
        self.period = period.description
        self.asOf = asOf
        let graded = audits.filter { audit in audit.records.first?.date.map(period.contains) ?? false }
        let due = audits.filter { period.contains($0.allocation.dueBy) }
        allocated = due.count
        completed = graded.count
        overdue = due.filter { $0.isOverdue(on: asOf) }.count

        var overall = GradeCounts()
        var months: [String: GradeCounts] = [:]
        var teams: [String: GradeCounts] = [:]
        var areas: [PracticeArea: GradeCounts] = [:]
        var monthTeams: [String: GradeCounts] = [:]
        var monthAreas: [String: GradeCounts] = [:]
        var collaboration = CollaborationSummary()
        var feedbackDays: [Int] = []
        for audit in graded {
            guard let grade = audit.grade, let record = audit.latestRecord, let first = audit.records.first?.date else { continue }
            overall.add(grade)
            let month = String(first.isoString.prefix(7))
            let team = audit.allocation.teamID ?? "no team"
            months[month, default: GradeCounts()].add(grade)
            teams[team, default: GradeCounts()].add(grade)
            monthTeams["\(month) \(team)", default: GradeCounts()].add(grade)
            if let template = AuditTemplates.template(audit.templateID, version: audit.templateVersion) {
                for (area, areaGrade) in record.grades(by: template) {
                    areas[area, default: GradeCounts()].add(areaGrade)
                    monthAreas["\(month) \(area.title)", default: GradeCounts()].add(areaGrade)
                }
            }
            if record.collaboration.workerTookPart { collaboration.workerTookPart += 1 }
            if record.collaboration.managerTookPart { collaboration.managerTookPart += 1 }
            if let given = record.collaboration.feedbackGivenOn {
                collaboration.feedbackGiven += 1
                if let recorded = record.date { feedbackDays.append(recorded.days(to: given)) }
            }
        }
        collaboration.meanDaysToFeedback = feedbackDays.isEmpty ? nil : Double(feedbackDays.reduce(0, +)) / Double(feedbackDays.count)
        self.collaboration = collaboration
        byMonthAndTeam = monthTeams.keys.sorted().map { Row(key: $0, grades: monthTeams[$0]!) }
        byMonthAndPracticeArea = monthAreas.keys.sorted().map { Row(key: $0, grades: monthAreas[$0]!) }
        self.overall = overall
        byMonth = months.keys.sorted().map { Row(key: $0, grades: months[$0]!) }
        byTeam = teams.keys.sorted().map { Row(key: $0, grades: teams[$0]!) }
        byPracticeArea = PracticeArea.allCases.compactMap { area in areas[area].map { Row(key: area.title, grades: $0) } }

        let moderated = graded.filter(\.isModerated)
        let agreed = moderated.filter { $0.moderationAgreed == true }.count
        moderation = ModerationSummary(
            completed: graded.count, moderated: moderated.count, agreed: agreed,
            moderatedShare: graded.isEmpty ? nil : 100 * Double(moderated.count) / Double(graded.count),
            agreement: moderated.isEmpty ? nil : 100 * Double(agreed) / Double(moderated.count),
            changes: moderated.flatMap { audit in
                audit.moderations.filter { !$0.agreed }.map {
                    ModerationSummary.Change(
                        auditID: audit.id.rawValue, auditor: audit.allocation.auditor, moderator: $0.moderator, from: $0.gradeBefore, to: $0.gradeAfter,
                        reason: $0.reason)
                }
            })

        let named = Dictionary(themes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.themes = ThemeCount.count(graded).map { entry in
            ThemeRow(
                id: entry.theme, title: named[entry.theme]?.title ?? entry.theme, audits: entry.audits,
                planAction: named[entry.theme]?.planAction?.description)
        }

        var actions = CaseActionSummary()
        for tracked in caseActions {
            switch tracked.status(asOf: asOf) {
            case .open: actions.open += 1
            case .inProgress: actions.inProgress += 1
            case .completed: actions.completed += 1
            case .withdrawn: actions.withdrawn += 1
            }
            if tracked.isOverdue(on: asOf) {
                actions.overdue += 1
                actions.overdueActions.append("\(tracked.action.id): \(tracked.action.owner), due \(tracked.action.dueBy)")
            }
        }
        self.caseActions = actions
        self.spotChecks = spotChecks.map {
            SpotCheckRow(id: $0.id, title: $0.title, cohort: $0.cohort, lastDone: $0.completed.max(), nextDue: $0.nextDue, status: $0.status(on: asOf))
        }
        versusMeasure = engine.flatMap { Self.versus(graded, engine: $0, period: period, measureID: measureID, area: practiceArea) }
    }

    static func versus(_ audits: [Audit], engine: MeasureEngine, period: ReportingPeriod, measureID: String, area: PracticeArea) -> GradeVersusMeasure? {
        guard let measure = MeasureCatalogue.measure(measureID), measure.isAvailable else { return nil }
        var met: [String: Bool] = [:]
        for row in engine.explain(measure, period: period).rows {
            // A child with several rows counts as met only if every row met the measure.
            met[row.childID] = (met[row.childID] ?? true) && row.inNumerator
        }
        var groups: [String: GradeCounts] = [:]
        for audit in audits {
            guard let record = audit.latestRecord, let template = AuditTemplates.template(audit.templateID, version: audit.templateVersion),
                let grade = record.grades(by: template)[area]
            else { continue }
            let key = met[audit.allocation.childID.rawValue].map { $0 ? "met" : "not met" } ?? "not in the measure"
            groups[key, default: GradeCounts()].add(grade)
        }
        return GradeVersusMeasure(
            measureID: measure.id, measureTitle: measure.title, practiceArea: area,
            groups: ["met", "not met", "not in the measure"].compactMap { key in groups[key].map { Row(key: key, grades: $0) } })
    }
}
