import Foundation
import OversightCore
import OversightInterchange

/// Validates a CIN census against its year's DfE rule pack, one child at a time.
///
/// Children are added as a reader streams them (or as the store hands them over), so a census of any size
/// is validated without holding it; only what the return-level and cross-child rules need is kept.
public struct CINValidation {
    public let period: CINCensusPeriod
    public private(set) var header: CINCensusHeader?
    private let rules: [RuleDescription]
    private let checks: [(index: Int, check: CINChildCheck)]
    private let context: CINRuleContext
    private var failures: [[FailureLocation]]
    private var childCount = 0
    private var childrenByID: [String: [String]] = [:]
    private var childrenByUPN: [String: [String]] = [:]
    private var bornWithoutSex = 0
    private var born = 0
    private var disabilityCodesUsed = Set<String>()
    private var childrenWithSeveralDisabilities = 0
    private var childrenWithDisabilities = 0
    /// Child protection plans starting in the year and initial conferences held in it, across the return (rule 2883).
    private var plansStarting = 0
    private var conferencesHeld = 0
    /// The DfE's local authority numbers, for rule 1530: the shipped list unless the caller supplies another (the list
    /// changes with local government reorganisation). With nil the rule is reported as not run.
    private let localAuthorityNumbers: Set<String>?

    /// - Parameters:
    ///   - year: the collection year (2025 is the census of the year to 31 March 2025).
    ///   - header: the return's header, for the reference-date rule; nil when validating stored data.
    ///   - localAuthorityNumbers: the DfE's three-digit LA numbers, for rule 1530; nil leaves that rule not run.
    public init(
        year: Int, header: CINCensusHeader? = nil, calendar: WorkingDayCalendar = .englandAndWales,
        localAuthorityNumbers: Set<String>? = Set(LocalAuthorityNumbers.bundled)
    ) {
        self.localAuthorityNumbers = localAuthorityNumbers
        period = CINCensusPeriod(year: year)
        self.header = header
        rules = CINRulePack.rules(year: year)
        context = CINRuleContext(period: period, calendar: calendar)
        checks = rules.enumerated().compactMap { index, rule in cinChildChecks[rule.code].map { (index, $0) } }
        failures = Array(repeating: [], count: rules.count)
    }

    /// The same validation, judged against `header` as well (the header is only known once the file is read).
    public func withHeader(_ header: CINCensusHeader) -> CINValidation {
        var copy = self
        copy.header = header
        return copy
    }

    /// Characters 2–4 of a UPN, where the DfE puts the number of the authority that issued it.
    static func localAuthorityPart(of upn: String) -> String { String(upn.dropFirst().prefix(3)) }

    /// The name a finding gives the child: its LA child ID, or its place in the file when the ID is missing.
    static func reference(_ child: CINCensusChild) -> String { child.laChildID ?? "line \(child.line)" }

    public mutating func add(_ child: CINCensusChild) {
        childCount += 1
        let reference = Self.reference(child)
        for (index, check) in checks {
            let count = check(child, context)
            if count > 0 {
                failures[index].append(contentsOf: repeatElement(FailureLocation(child: reference), count: count))
            }
        }
        if let id = child.laChildID { childrenByID[id, default: []].append(reference) }
        if let upn = child.upn { childrenByUPN[upn, default: []].append(reference) }
        if let numbers = localAuthorityNumbers, let upn = child.upn, !numbers.contains(Self.localAuthorityPart(of: upn)),
            let index = rules.firstIndex(where: { $0.code == "1530" })
        {
            failures[index].append(FailureLocation(child: reference))
        }
        if !child.isUnborn {
            born += 1
            if child.sex == nil || child.sex == "U" { bornWithoutSex += 1 }
        }
        disabilityCodesUsed.formUnion(child.disabilities.filter { $0 != "NONE" })
        if child.disabilities.count > 1 { childrenWithSeveralDisabilities += 1 }
        if child.disabilities.contains(where: { $0 != "NONE" }) { childrenWithDisabilities += 1 }
        for episode in child.episodes {
            plansStarting += episode.protectionPlans.count { $0.startDate.map(period.contains) ?? false }
            conferencesHeld += episode.conferenceDates.count(where: period.contains)
        }
    }

    /// The report: every rule of the pack, in code order, with the children it flagged.
    public func finish(seconds: Double = 0) -> ValidationReport {
        var failures = failures
        func record(_ code: String, _ locations: [FailureLocation]) {
            guard let index = rules.firstIndex(where: { $0.code == code }) else { return }
            failures[index] += locations
        }
        // A return-level failure belongs to no child.
        let returnLevel = [FailureLocation(child: "")]
        let duplicatedIDs = childrenByID.values.filter { $0.count > 1 }.flatMap { $0 }
        record("8510", duplicatedIDs.map { FailureLocation(child: $0) })
        let duplicatedUPNs = childrenByUPN.values.filter { $0.count > 1 }.flatMap { $0 }
        record("1520", duplicatedUPNs.map { FailureLocation(child: $0) })
        if let header, header.referenceDate != period.referenceDate { record("100", returnLevel) }
        if plansStarting > conferencesHeld { record("2883", returnLevel) }
        if born > 0 && Double(bornWithoutSex) / Double(born) > 0.02 { record("2886Q", returnLevel) }
        if childCount > 0 && disabilityCodesUsed.count < 8 { record("2887Q", returnLevel) }
        // Only a return with disabled children can show them each with one code.
        if childrenWithDisabilities > 0 && childrenWithSeveralDisabilities == 0 { record("2888Q", returnLevel) }
        var outcomes = zip(rules, failures).map { RuleOutcome(rule: $0, failures: $1) }
        if localAuthorityNumbers == nil, let index = rules.firstIndex(where: { $0.code == "1530" }) {
            outcomes[index].skipped = "not run: needs the DfE list of local authority numbers (--la-numbers FILE)"
        }
        return ValidationReport(outcomes: outcomes, childCount: childCount, seconds: seconds)
    }
}

extension CINValidation {
    /// Reads a census file and validates it in one streaming pass, as `oversight cin validate` and the web's census
    /// upload do. The header is read as the file goes, so the return-level rules get it at the end.
    /// - Parameters:
    ///   - localAuthorityNumbers: for rule 1530; the shipped list unless the caller supplies another.
    ///   - eachChild: called with the number of children read so far, for progress.
    /// - Throws: `CINReadError` with the line and column of a file that cannot be read.
    public static func validate(
        file: String, year: Int, localAuthorityNumbers: Set<String>? = Set(LocalAuthorityNumbers.bundled), eachChild: (Int) -> Void = { _ in }
    ) throws -> (report: ValidationReport, summary: CINReadSummary) {
        let started = ContinuousClock.now
        var validation: CINValidation?
        var children = 0
        let summary = try CINCensusReader().read(path: file) { child in
            if validation == nil { validation = CINValidation(year: year, localAuthorityNumbers: localAuthorityNumbers) }
            validation?.add(child)
            children += 1
            eachChild(children)
        }
        let run =
            validation?.withHeader(summary.header) ?? CINValidation(year: year, header: summary.header, localAuthorityNumbers: localAuthorityNumbers)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (run.finish(seconds: seconds), summary)
    }
}
