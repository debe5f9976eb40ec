import Foundation
import OversightCore
import OversightMeasures
import OversightStorage
import Prometheus
import Synchronization

/// The store Oversight serves: case records plus the people who may see them.
public typealias OversightStore = CaseRecordStore & AccessStore & PlanStore

/// Everything a handler needs, shared by every request.
public final class WebServices: Sendable {
    public let store: any OversightStore
    public let configuration: WebConfiguration
    let throttle: LoginThrottle
    let accessLog: AccessLogWriter
    let imports = ImportJobs()
    /// What `/metrics` serves: request metrics (when the process bootstrapped swift-metrics with it)
    /// and Oversight's own gauges.
    public let metrics: PrometheusCollectorRegistry
    private let loaded = Mutex<CaseView?>(nil)

    public init(store: any OversightStore, configuration: WebConfiguration, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.store = store
        self.configuration = configuration
        self.metrics = metrics
        accessLog = AccessLogWriter(store: store)
        throttle = LoginThrottle(attempts: configuration.loginAttemptsAllowed, windowSeconds: configuration.loginWindowSeconds)
    }

    /// The case data as of the latest import, loaded once and reloaded when a new import lands.
    func caseView() throws(StorageError) -> CaseView {
        let extracts = try store.fetchExtracts().count
        if let current = loaded.withLock({ $0 }), current.extractCount == extracts { return current }
        let started = ContinuousClock.now
        let snapshot = try CaseSnapshot.load(from: store)
        metrics.makeGauge(name: "oversight_snapshot_load_seconds", help: "Time to load the case snapshot after an import")
            .set(Self.seconds(ContinuousClock.now - started))
        metrics.makeGauge(name: "oversight_children", help: "Children in the current import").set(Double(snapshot.children.count))
        let view = CaseView(
            engine: MeasureEngine(snapshot: snapshot), extractCount: extracts,
            asOf: configuration.today ?? snapshot.latestRecordedDate ?? LocalDate.today())
        loaded.withLock { $0 = view }
        return view
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Seconds since 1970, from the configured clock (tests move it on to expire sessions).
    var now: Int64 { configuration.clock() }
}

/// One import's case data: the measure engine over its snapshot, and the day the data describes.
final class CaseView: Sendable {
    let engine: MeasureEngine
    let extractCount: Int
    /// "Now" for this data: allocations open on this day are current caseloads.
    let asOf: LocalDate
    /// Figures computed once per import: they depend only on the data, never on who asks.
    private let memos = Mutex<[String: any Sendable]>([:])
    private let pages = Mutex<[String: RenderedPage]>([:])

    init(engine: MeasureEngine, extractCount: Int, asOf: LocalDate) {
        self.engine = engine
        snapshot = engine.snapshot
        self.extractCount = extractCount
        self.asOf = asOf
    }

    /// Held once: reading it through `engine` would copy (and retain) every array on each access.
    let snapshot: CaseSnapshot

    /// The rolling twelve months to the end of the last complete month: the dashboard's period.
    var headlinePeriod: ReportingPeriod { .yearToLastCompleteMonth(asOf: asOf) }

    /// Every measure for a period and slice.
    func results(period: ReportingPeriod, slice: Slice = .authority) -> [MeasureResult] {
        memo("results|\(period)|\(slice)") { engine.computeAll(period: period, slice: slice) }
    }

    /// One measure for one period, for the whole authority.
    func result(_ definition: MeasureDefinition, period: ReportingPeriod) -> MeasureResult {
        memo("result|\(definition.id)|\(period)") { engine.compute(definition, period: period) }
    }

    /// A measure month by month over the 24 months to the end of `period`.
    func trend(_ definition: MeasureDefinition, period: ReportingPeriod) -> [TrendPoint] {
        memo("trend|\(definition.id)|\(period)") { engine.trend(definition, lastMonth: (period.end.year, period.end.month)) }
    }

    /// A measure's child-level rows. Explanations of more than 200,000 rows (England-sized authorities)
    /// are recomputed rather than held, so the cache never doubles the snapshot's memory.
    func explanation(_ definition: MeasureDefinition, period: ReportingPeriod) -> MeasureExplanation {
        let key = "explain|\(definition.id)|\(period)"
        if let known = memos.withLock({ $0[key] }) as? MeasureExplanation { return known }
        let value = engine.explain(definition, period: period)
        if value.rows.count <= 200_000 { memos.withLock { $0[key] = value } }
        return value
    }

    /// Rendered page content, kept for at most `pageLimit` pages (then forgotten all at once): unlike
    /// figures, pages multiply by reader, period and page number.
    func pageMemo(_ key: String, _ render: () -> RenderedPage) -> RenderedPage {
        if let known = pages.withLock({ $0[key] }) { return known }
        let value = render()
        pages.withLock { pages in
            if pages.count >= Self.pageLimit { pages.removeAll(keepingCapacity: true) }
            pages[key] = value
        }
        return value
    }

    static let pageLimit = 2_000

    /// Computes `compute` once for `key` in this import's lifetime.
    func memo<Value: Sendable>(_ key: String, _ compute: () -> Value) -> Value {
        if let known = memos.withLock({ $0[key] }) as? Value { return known }
        let value = compute()
        memos.withLock { $0[key] = value }
        return value
    }
}

/// A page's content rendered for one reader's scope, and how many children it names (for the access log).
struct RenderedPage: Sendable {
    var html: String
    var shownChildren: Int
}

extension LocalDate {
    /// Today by the system clock, in UTC.
    static func today() -> LocalDate {
        LocalDate(dayNumber: Int32(Int(Date().timeIntervalSince1970) / 86_400))
    }
}
