import Foundation
import KPIEngine
@testable import KPIView

/// A hand-built, deterministic snapshot: five platforms (linkedin's data three days old, so
/// stale), a 28-day window ending 2026-11-23, posts with titles (one carrying an escape
/// sequence, one wide), rejected rows, and goals in every status.
enum SampleData {
    static let platforms = ["facebook", "instagram", "linkedin", "tiktok", "x"]
    static let asOf = Day(year: 2026, month: 11, day: 23)!
    static let window = ReportWindow(days: 28, endingOn: asOf)
    /// 2026-11-23 12:00:00 UTC, the clock the tests pass to `render`.
    static let now: Int64 = 1_795_435_200_000
    static let dangerousTitle = "\u{1B}[2J\u{1B}]0;pwned\u{07}Giveaway winners"

    static let status = EngineStatus(dataDirectory: "~/kpi-data", watchMode: .inotify, updatedAt: now - 3000)

    /// Two goals the goals file had to leave out.
    static let goalProblems = [
        ConfigProblem(file: "~/kpi-data/goals.toml", line: 31, reason: "unknown KPI 'engagment_rate' (see docs/DATA.md section 4)"),
        ConfigProblem(file: "~/kpi-data/goals.toml", line: 38, reason: "missing or bad deadline (a date such as 2026-12-31)"),
    ]

    /// `withGoals: false` leaves the goals out; `withTraffic` adds website traffic (a Google
    /// Analytics export) for every platform and the site's sessions from other sources;
    /// `withCustomers` adds new customers and customer value (CAC, CLTV).
    static func snapshot(withGoals: Bool = true, withTraffic: Bool = false, withCustomers: Bool = false) -> KPISnapshot {
        var kpis: [String: [KPI: KPIValue]] = [:]
        for (index, platform) in ([KPISnapshot.allPlatforms] + platforms).enumerated() {
            kpis[platform] = Dictionary(uniqueKeysWithValues: KPI.allCases.enumerated().map { kpiIndex, kpi in
                (kpi, value(kpi, kpiIndex: kpiIndex, platformIndex: index))
            })
        }
        // CPA fell for everyone together: good news, shown in the good colour.
        kpis["all"]![.cpa] = KPIValue(value: 12.5, previous: 14.0, daily: series(base: 12.5, phase: 1, days: 28))
        // LinkedIn does not report saves; TikTok has no spend.
        kpis["linkedin"]![.saves] = KPIValue(value: nil, previous: nil, daily: Array(repeating: nil, count: 28))
        for kpi in [KPI.spend, .cpa, .cpc, .roas, .roi] {
            kpis["tiktok"]![kpi] = KPIValue(value: nil, previous: nil, daily: Array(repeating: nil, count: 28))
        }
        var posts: [String: [PostSummary]] = [:]
        for (index, platform) in platforms.enumerated() {
            posts[platform] = (0..<12).map { post(platform: platform, platformIndex: index, number: $0) }
        }
        posts["all"] = platforms.flatMap { posts[$0]! }
        let rejections = [
            Rejection(file: "instagram/2026-11.csv", line: 14, reason: "csat 7 is outside 1..5"),
            Rejection(file: "instagram/2026-11.csv", line: 52, reason: "negative count in 'likes'"),
            Rejection(file: "x/export.jsonl", line: 3, reason: "unparsable time \"\u{1B}]0;owned\u{07}yesterday\""),
            Rejection(file: "facebook/ads.csv", line: 0, reason: "not a text file"),
        ]
        var newestData = Dictionary(uniqueKeysWithValues: platforms.map { ($0, now - 3_600_000) })
        newestData["linkedin"] = now - 3 * 86_400_000
        var snapshot = KPISnapshot(asOf: asOf, anchoredOnNewest: false, window: window, timeZone: "UTC",
                                   platforms: platforms, kpis: kpis, posts: posts, newestData: newestData,
                                   rejectedRows: 7, rejections: rejections, fileCount: 9)
        snapshot.currencies = Dictionary(uniqueKeysWithValues: ([KPISnapshot.allPlatforms] + platforms).map { ($0, Currency.usd) })
        if withGoals { snapshot.goals = goals }
        if withTraffic {
            snapshot.notSocial = notSocial
        } else {
            snapshot.kpis = snapshot.kpis.mapValues { $0.filter { $0.key.family != .traffic } }
        }
        if !withCustomers {
            let customerKPIs: Set<KPI> = [.newCustomers, .cac, .cltv, .cltvToCac]
            snapshot.kpis = snapshot.kpis.mapValues { $0.filter { !customerKPIs.contains($0.key) } }
        }
        return snapshot
    }

    /// The site's traffic from other sources (search, direct, newsletters).
    static let notSocial: [KPI: KPIValue] = [
        .sessions: KPIValue(value: 2_968, previous: 2_800), .engagedSessions: KPIValue(value: 1_694, previous: 1_600),
        .bounceRate: KPIValue(value: 0.4293, previous: 0.4286), .siteConversions: KPIValue(value: 119, previous: 110),
        .siteRevenue: KPIValue(value: 11_900, previous: 10_000),
    ]

    /// One goal in each status (two at risk), in file order.
    static let goals: [GoalProgress] = [
        goal("Instagram engagement", .engagementRate, "instagram", target: 0.05, value: 0.047, projection: 0.047),
        goal("Cost per acquisition", .cpa, "all", target: 30, direction: .atMost, value: 12.5, projection: 12.5),
        goal("Q4 impressions", .impressions, "all", target: 12_000_000, value: 8_100_000, projection: 13_050_000),
        goal("TikTok followers", .followers, "tiktok", target: 90_000, value: 61_000, projection: 70_500),
        goal("Summer reach on X", .reach, "x", target: 2_000_000, value: 1_240_000, projection: 1_240_000,
             deadline: Day(year: 2026, month: 9, day: 30)!),
        goal("LinkedIn first reply", .firstResponseP90Seconds, "linkedin", target: 3600, direction: .atMost,
             value: 3900, projection: 3900),
    ]

    private static func goal(_ name: String, _ kpi: KPI, _ platform: String, target: Double,
                             direction: Goal.Direction = .atLeast, value: Double?, projection: Double?,
                             deadline: Day = Day(year: 2026, month: 12, day: 31)!) -> GoalProgress {
        let goal = Goal(name: name, kpi: kpi, platform: platform, target: target, direction: direction,
                        start: nil, deadline: deadline, line: 1)
        var progress = GoalProgress(goal: goal, start: Day(year: 2026, month: 10, day: 1)!, value: value,
                                    projection: projection, daysLeft: asOf.distance(to: deadline))
        progress.currency = .usd
        return progress
    }

    /// A model showing the sample snapshot, sized to `width` x `height`.
    static func model(width: Int = 120, height: Int = 40, options: RenderOptions = RenderOptions(),
                      themes: [Theme] = [ThemeLoader.builtInDefault], withGoals: Bool = true,
                      goalProblems: [ConfigProblem] = []) -> DashboardModel {
        var model = DashboardModel(themes: themes, options: options, dataDirectory: "~/kpi-data",
                                   goalProblems: goalProblems)
        model.update(snapshot: snapshot(withGoals: withGoals), status: status)
        _ = model.handle(.resize(width: width, height: height))
        return model
    }

    /// A UI state holding the sample snapshot.
    static func state() -> UIState {
        var state = UIState(window: .days(28), themeCount: 3, status: status)
        state.snapshot = snapshot()
        return state
    }

    // MARK: - Generated values

    /// A wavy series around `base`, the same every run.
    static func series(base: Double, phase: Double, days: Int) -> [Double?] {
        (0..<days).map { day in base * (1 + 0.3 * sin(Double(day) * 0.45 + phase)) }
    }

    private static func value(_ kpi: KPI, kpiIndex: Int, platformIndex: Int) -> KPIValue {
        let scale = Double(platformIndex == 0 ? 15 : platformIndex)
        let base: Double = switch kpi.unit {
        case .count: 850 * scale * Double(kpiIndex % 7 + 1)
        case .fraction: 0.012 * Double(kpiIndex % 5 + 1) + 0.003 * scale / 15
        case .money: kpi == .cpc || kpi == .cpa ? 0.8 + Double(kpiIndex % 4) * scale / 3 : 420 * scale
        case .multiple: 1.4 + Double(platformIndex) * 0.35
        case .seconds: 900 + 1500 * Double(platformIndex + kpiIndex % 3)
        case .score: 0.15 + 0.08 * Double(platformIndex) - 0.1
        }
        let daily = series(base: base, phase: Double(kpiIndex + platformIndex), days: 28)
        let value = kpi.kind == .sum ? daily.compactMap { $0 }.reduce(0, +) : base
        let change = Double((platformIndex * 7 + kpiIndex * 3) % 11 - 5) / 40
        return KPIValue(value: value, previous: value / (1 + change), daily: daily)
    }

    private static let titles = [
        "Autumn sale reel", "Behind the scenes: studio tour", "Customer story – Ana & the bakery",
        "Black Friday teaser", "How-to: 3 ways to style it", "新品发布 launch 🚀", dangerousTitle,
        "Poll: which colour next?", "Founder AMA recap", "Holiday gift guide", "Weekly tips #12",
    ]

    private static func post(platform: String, platformIndex: Int, number: Int) -> PostSummary {
        var values = MetricValues()
        let weight = Double((number * 37 + platformIndex * 11) % 97 + 3)
        values[.impressions] = weight * 1210
        values[.reach] = weight * 830
        values[.likes] = weight * 41
        values[.comments] = weight * 3
        values[.interactions] = weight * 52 + Double(number)
        values[.clicks] = weight * 17
        values[.conversions] = Double((number * 5 + platformIndex) % 23)
        if platform != "tiktok" { values[.revenue] = weight * 19.5 }
        let title = number < titles.count ? titles[number] : nil
        return PostSummary(platform: platform, id: "\(platform)-post-\(number + 1)", title: title, values: values,
                           firstDay: asOf.adding(days: -number * 2))
    }
}
