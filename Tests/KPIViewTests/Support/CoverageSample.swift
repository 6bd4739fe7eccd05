import KPIEngine
@testable import KPIView

/// A snapshot with everything issue 8 says misled: six platforms of which only facebook and
/// instagram report reach (so the `all` engagement rate is theirs alone), x's data starting
/// inside the window (`new`) and youtube's inside the earlier one (`no earlier data`), days
/// without data and days with 0, rates and the sentiment index that changed, money in euros
/// and dollars (mixed for `all`), a stale linkedin, today so far, 535 instagram posts of which
/// the snapshot lists 12, and a goal on the engagement rate.
enum CoverageSample {
    static let platforms = ["facebook", "instagram", "linkedin", "tiktok", "x", "youtube"]
    static let reporting = ["facebook", "instagram"]
    static let asOf = Day(year: 2026, month: 11, day: 23)!
    static let window = ReportWindow(days: 28, endingOn: asOf)
    /// 2026-11-24 14:05 UTC: today is the 24th, the window ends with the 23rd.
    static let now: Int64 = 1_795_529_100_000
    static let status = EngineStatus(dataDirectory: "~/kpi-data", watchMode: .inotify, updatedAt: now - 3000)
    static let days = 28

    /// Impressions of facebook per day: a 0 on the 5th day, no data on the 10th and 11th.
    static let facebookImpressions: [Double?] = (0..<days).map { day in
        switch day {
        case 4: 0
        case 9, 10: nil
        default: 1000 + Double(day * 37 % 11) * 40
        }
    }

    /// x's data starts on the 7th day of the window.
    static let xImpressions: [Double?] = (0..<days).map { $0 < 6 ? nil : 2000 + Double($0 % 5) * 150 }

    static func snapshot() -> KPISnapshot {
        var kpis: [String: [KPI: KPIValue]] = [:]
        for platform in platforms {
            kpis[platform] = Dictionary(uniqueKeysWithValues: KPI.allCases.map { ($0, value($0, platform: platform)) })
        }
        kpis["x"]![.impressions] = KPIValue(value: 42_000, previous: nil, daily: xImpressions, previousGap: .new)
        kpis["facebook"]![.impressions] = KPIValue(value: facebookImpressions.compactMap { $0 }.reduce(0, +),
                                                   previous: 27_000, daily: facebookImpressions)
        kpis["facebook"]![.cpa] = KPIValue(value: 12.5, previous: 14.0, daily: daily(12.5))
        for kpi in [KPI.revenue, .spend] {
            kpis["facebook"]![kpi] = KPIValue(value: 1_234.5, previous: 1_100, daily: daily(44))
            kpis["instagram"]![kpi] = KPIValue(value: 2_345, previous: 2_400, daily: daily(84))
        }

        var all: [KPI: KPIValue] = [:]
        for kpi in KPI.allCases {
            let value = kpis["facebook"]![kpi]!.value.map { $0 * 6 }
            all[kpi] = KPIValue(value: value, previous: value.map { $0 * 0.97 }, daily: daily(60), platforms: platforms)
        }
        all[.impressions] = KPIValue(value: 250_000, previous: nil, daily: daily(9_000), platforms: platforms,
                                     previousGap: .noEarlierData)
        all[.reach] = KPIValue(value: 90_000, previous: 80_000, daily: daily(3_200), platforms: reporting)
        all[.engagementRate] = KPIValue(value: 0.0402, previous: 0.0380, daily: daily(0.04), platforms: reporting)
        all[.frequency] = KPIValue(value: 1.9, previous: 1.8, daily: daily(1.9), platforms: reporting)
        all[.ctr] = KPIValue(value: 0.0121, previous: 0.0151, daily: daily(0.012), platforms: platforms)
        all[.sentiment] = KPIValue(value: 0.21, previous: 0.26, daily: daily(0.2), platforms: reporting)
        all[.cpa] = KPIValue(value: 12.5, previous: 14.0, daily: daily(12.5), platforms: reporting)
        for kpi in KPI.allCases where kpi.involvesMoney {
            all[kpi] = KPIValue(value: nil, previous: nil, daily: Array(repeating: nil, count: days), platforms: reporting,
                                unavailable: "mixed currencies: EUR, USD")
        }
        kpis[KPISnapshot.allPlatforms] = all
        // No Google Analytics export: no traffic KPIs.
        kpis = kpis.mapValues { $0.filter { $0.key.family != .traffic } }

        var newest = Dictionary(uniqueKeysWithValues: platforms.map { ($0, now - 3_600_000) })
        newest["linkedin"] = now - 3 * 86_400_000
        let posts = (0..<12).map { number in
            var values = MetricValues()
            values[.interactions] = Double(900 - number * 50)
            values[.impressions] = Double(20_000 - number * 900)
            values[.revenue] = Double(150 - number * 10)
            return PostSummary(platform: "instagram", id: "ig-\(number)", title: "Post number \(number + 1)", values: values,
                               firstDay: asOf.adding(days: -number))
        }
        var snapshot = KPISnapshot(asOf: asOf, anchoredOnNewest: false, window: window, timeZone: "UTC",
                                   platforms: platforms, kpis: kpis, posts: ["instagram": posts], newestData: newest,
                                   rejectedRows: 0, rejections: [], fileCount: 8)
        snapshot.postCounts = ["instagram": 535]
        snapshot.newestInquiry = ["facebook": now - 2 * 3_600_000, "instagram": now - 20 * 60_000]
        snapshot.currencies = ["facebook": .eur, "instagram": .usd]
        snapshot.today = TodaySoFar(day: asOf.adding(days: 1), millisecondOfDay: (14 * 60 + 5) * 60_000,
                                    values: [KPISnapshot.allPlatforms: [.impressions: 1_234, .interactions: 56, .clicks: 12]],
                                    yesterdaySameTime: [KPISnapshot.allPlatforms: [.impressions: 1_100, .interactions: 60]])
        snapshot.goals = [goal]
        return snapshot
    }

    /// At least 5% engagement for all platforms by the end of the year.
    static let goal: GoalProgress = {
        let goal = Goal(name: "Engagement", kpi: .engagementRate, platform: KPISnapshot.allPlatforms, target: 0.05,
                        direction: .atLeast, start: nil, deadline: Day(year: 2026, month: 12, day: 31)!, line: 1)
        return GoalProgress(goal: goal, start: Day(year: 2026, month: 10, day: 1)!, value: 0.0402, projection: 0.0402,
                            daysLeft: 38)
    }()

    /// A model showing the sample, sized to `width` x `height`.
    static func model(width: Int = 120, height: Int = 40, options: RenderOptions = RenderOptions()) -> DashboardModel {
        var model = DashboardModel(themes: [ThemeLoader.builtInDefault], options: options, dataDirectory: "~/kpi-data")
        model.update(snapshot: snapshot(), status: status)
        _ = model.handle(.resize(width: width, height: height))
        return model
    }

    private static func daily(_ base: Double) -> [Double?] {
        (0..<days).map { day -> Double? in
            let wave = Double(day % 7 - 3) / 15
            return base * (1 + wave)
        }
    }

    /// Plain values: the platforms without reach have none, nor do their ratios on reach.
    private static func value(_ kpi: KPI, platform: String) -> KPIValue {
        let index = Double(platforms.firstIndex(of: platform)! + 1)
        let reports = reporting.contains(platform)
        if !reports, kpi.inputs.contains(.field(.reach)) || kpi.involvesMoney {
            return KPIValue(value: nil, previous: nil, daily: Array(repeating: nil, count: days))
        }
        let base: Double = switch kpi.unit {
        case .fraction: 0.02 + 0.005 * index
        case .money: 10 * index
        case .multiple: 1 + 0.2 * index
        case .seconds: 600 * index
        case .score: 0.1 * index - 0.3
        case .count: 1000 * index
        }
        let total = kpi.kind == .sum ? base * Double(days) : base
        let previous = kpi.kind == .sum ? total * 0.9 : total * 0.95
        return KPIValue(value: total, previous: previous, daily: daily(base))
    }
}
