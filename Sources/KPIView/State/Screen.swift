import KPIEngine

/// A screen of the dashboard's back stack.
enum Screen: Equatable {
    /// The four KPI panels and the platform list (and the Traffic panel when the data has
    /// website traffic).
    case overview
    /// Every KPI of one platform (or `all`), a chart of the selected one and the top posts.
    case platform(String)
    /// One KPI across platforms, with the daily series of `platform`.
    case kpi(KPI, platform: String)
    /// Every goal with its progress, and the goals file's problems.
    case goals
    /// One post or campaign: its title, days, every metric, ER, CTR and daily series.
    case post(PostReference)
}

/// A screen on the back stack with its own selection, so going back restores where you were.
struct Page: Equatable {
    var screen: Screen
    /// The area that has the keyboard (an overview panel, the KPI list or the posts table...).
    var focus = 0
    /// The selected row of each area.
    var rows: [Int]

    init(_ screen: Screen, row: Int = 0) {
        self.screen = screen
        rows = Array(repeating: 0, count: Self.areaCount(of: screen))
        rows[0] = row
    }

    /// The selected row of the focused area.
    var row: Int {
        get { rows[focus] }
        set { rows[focus] = newValue }
    }

    /// How many areas Tab moves between.
    static func areaCount(of screen: Screen) -> Int {
        switch screen {
        case .overview: OverviewArea.allCases.count
        case .platform: PlatformArea.allCases.count
        case .kpi, .goals, .post: 1
        }
    }
}

/// The areas of the overview, in Tab order: the four KPI panels, the platforms, then the
/// Traffic panel beside them (only while the data has website traffic: ``UIState/overviewAreas``).
enum OverviewArea: Int, CaseIterable {
    case reach, engagement, conversion, service, platforms, traffic

    /// The KPI family of a panel; nil for the platform list.
    var family: KPIFamily? {
        switch self {
        case .reach: .reach
        case .engagement: .engagement
        case .conversion: .conversion
        case .service: .service
        case .traffic: .traffic
        case .platforms: nil
        }
    }

    /// The KPIs a panel shows for the state's platform, in order: ``kpis``, and in the
    /// Conversion panel the customer KPIs (CAC, CLTV, CLTV / CAC) when the data has them.
    func kpis(in state: UIState) -> [KPI] {
        guard self == .conversion, let snapshot = state.snapshot else { return kpis }
        let customerKPIs: [KPI] = [.cac, .cltv, .cltvToCac]
        let hasThem = customerKPIs.contains { snapshot.value($0, platform: state.platformFilter).value != nil }
        return hasThem ? kpis + customerKPIs : kpis
    }

    /// The KPIs a panel always shows, in order.
    var kpis: [KPI] {
        switch self {
        case .reach: [.impressions, .reach, .frequency, .followers, .followerGrowth, .followerGrowthRate,
                      .shareOfVoice]
        case .engagement: [.interactions, .engagementRate, .engagementRateImpressions, .ctr, .likes,
                           .comments, .shares, .saves]
        case .conversion: [.clicks, .conversions, .conversionRate, .leads, .revenue, .spend, .cpa, .roas,
                           .roi]
        case .service: [.inquiries, .responseRate, .firstResponseMedianSeconds, .firstResponseP90Seconds,
                        .resolutionRate, .csat, .sentiment, .backlog]
        case .traffic: KPI.all(in: .traffic)
        case .platforms: []
        }
    }
}

/// The areas of a platform drill-down.
enum PlatformArea: Int, CaseIterable {
    case kpis, posts
}

/// Boxes drawn over the current screen.
enum Overlay: Equatable {
    case help, platformPicker, rejections
    /// Every alert rule with its value, breached ones first (`a`).
    case alerts
    /// The window lengths to choose from, and any `Nd` typed (`W`).
    case windowPicker
    /// The config file's brands (`B`).
    case brandPicker
}
