import KPIEngine
import KPITerminal
import KPIView

/// Snapshots, models and services for ``DashboardLoop`` tests.
enum LoopFixture {
    static let anchor = Day(year: 2026, month: 11, day: 23)!
    /// 2026-11-24 10:00:00.500 UTC.
    static let start: Int64 = 1_795_514_400_500
    static let status = EngineStatus(dataDirectory: "/srv/kpi", watchMode: .inotify, updatedAt: start - 2000)

    /// Two platforms over 28 days; instagram has `posts` posts, each with a title and a day.
    static func snapshot(impressions: Double = 1000, posts: Int = 40, window: WindowLength = .days(28),
                         alerts: [AlertRule] = []) -> KPISnapshot {
        let reportWindow = switch window {
        case .days(let n): ReportWindow(days: n, endingOn: anchor)
        case .all: ReportWindow(start: anchor.adding(days: -200), end: anchor, isAll: true)
        case .toDate(let period): ReportWindow(toDate: period, endingOn: anchor)
        }
        var kpis: [String: [KPI: KPIValue]] = [:]
        for (index, platform) in ["all", "instagram", "x"].enumerated() {
            let scale = index == 0 ? 2 : 1
            kpis[platform] = [.impressions: KPIValue(value: impressions * Double(scale), previous: 900),
                              .reach: KPIValue(value: 700, previous: 650)]
        }
        let summaries = (0..<posts).map { number in
            var values = MetricValues()
            values[.impressions] = Double(1000 + number)
            values[.interactions] = Double(100 - number)
            return PostSummary(platform: "instagram", id: "p\(number)", title: "Post number \(number)", values: values,
                               firstDay: anchor.adding(days: -number))
        }
        var snapshot = KPISnapshot(asOf: anchor, anchoredOnNewest: false, window: reportWindow, timeZone: "UTC",
                                   platforms: ["instagram", "x"], kpis: kpis,
                                   posts: ["instagram": summaries, "all": summaries],
                                   newestData: ["instagram": start - 3_600_000, "x": start - 3_600_000],
                                   rejectedRows: 0, rejections: [], fileCount: 2)
        snapshot.alerts = alerts.map { AlertState(rule: $0, snapshot: snapshot) }
        return snapshot
    }

    static func model(bell: Bool = false, themes: [Theme] = [ThemeLoader.builtInDefault]) -> DashboardModel {
        DashboardModel(themes: themes, options: RenderOptions(), dataDirectory: "/srv/kpi", bell: bell)
    }
}

/// The loop's world for a test: a clock the script moves, a signal to deliver, and what the
/// loop saved and remembered.
@MainActor
final class LoopWorld {
    var now = LoopFixture.start
    var signal: Int32?
    var saved: [ViewExport] = []
    var remembered: [SavedChoices] = []
    var saveError: (any Error)?
    /// The engines `B` opens, by brand; a brand not here cannot be opened.
    var brandSources: [String: FakeSnapshotSource] = [:]
    /// The brands opened, in order.
    var openedBrands: [String] = []

    var services: LoopServices {
        LoopServices(
            now: { [unowned self] in now },
            takeSignal: { [unowned self] in defer { signal = nil }; return signal },
            save: { [unowned self] export in
                if let saveError { throw saveError }
                saved.append(export)
                return "\(export.name).md and .csv in /tmp"
            },
            remember: { [unowned self] in remembered.append($0) },
            openBrand: { [unowned self] brand in
                guard let source = brandSources[brand] else { throw BrandSource.NoBrands() }
                openedBrands.append(brand)
                return BrandSource(source: source, dataDirectory: "/srv/\(brand)", goalProblems: [])
            })
    }

    /// Runs the loop to its end and returns the exit status and the model it ended with.
    func run(_ screen: FakeScreen, source: FakeSnapshotSource,
             model: DashboardModel = LoopFixture.model()) -> (status: Int32, model: DashboardModel) {
        var loop = DashboardLoop(screen: screen, source: source, model: model, services: services)
        let status = loop.run()
        return (status, loop.model)
    }
}
