/// Why a KPI has no value for the earlier window it is compared with.
public enum PreviousGap: String, Sendable, Codable {
    /// The data starts inside the current window: there is nothing to compare with.
    case new
    /// The data starts inside the earlier window, after its first day: no full baseline.
    case noEarlierData = "no_earlier_data"
}

/// One KPI over a window: its value, the previous window's value and a daily series.
public struct KPIValue: Sendable, Equatable, Codable {
    /// nil when undefined (a zero denominator, or a field the platform never reports).
    public var value: Double?
    /// The same KPI over the previous window (or the same window a year earlier); nil when
    /// undefined, for the `all` window, or when the data does not cover it (`previousGap`).
    public var previous: Double?
    /// One point per day of the window; a ratio's point is that day's ratio of sums. A sum's
    /// point is nil on a day without any metrics row of the platform (no data, not 0).
    public var daily: [Double?]
    /// For `all`: the platforms that entered the value (for a ratio, those reporting every
    /// field of its formula); nil for a single platform.
    public var platforms: [String]?
    /// Why `previous` is nil although the KPI has data: the data does not cover the earlier window.
    public var previousGap: PreviousGap?
    /// Why `value` is nil although there is data, e.g. "mixed currencies: EUR, USD".
    public var unavailable: String?

    public init(value: Double?, previous: Double?, daily: [Double?] = [], platforms: [String]? = nil,
                previousGap: PreviousGap? = nil, unavailable: String? = nil) {
        self.value = value
        self.previous = previous
        self.daily = daily
        self.platforms = platforms
        self.previousGap = previousGap
        self.unavailable = unavailable
    }

    /// Relative change against the previous window (0.1 = +10%), nil when either is missing
    /// or the previous value is 0.
    public var change: Double? {
        guard let v = value, let p = previous, p != 0 else { return nil }
        return (v - p) / abs(p)
    }

    /// The change as `kpi` tells it (see ``KPI/changeKind``): relative, or the plain difference
    /// (a fraction for percentage points).
    public func change(for kpi: KPI) -> Double? {
        switch kpi.changeKind {
        case .relative: return change
        case .percentagePoints, .difference:
            guard let v = value, let p = previous else { return nil }
            return v - p
        }
    }
}

/// A post or campaign (rows with an id) summed over the window, for drill-down lists.
public struct PostSummary: Sendable, Equatable, Codable {
    public var platform: String
    public var id: String
    /// Untrusted text from the data; sanitise before display.
    public var title: String?
    /// Sums over the window's days.
    public var values: MetricValues
    /// The first day the post has data for.
    public var firstDay: Day

    public init(platform: String, id: String, title: String?, values: MetricValues, firstDay: Day) {
        self.platform = platform
        self.id = id
        self.title = title
        self.values = values
        self.firstDay = firstDay
    }
}

/// Today's figures so far, shown apart from the windows (which end with the last complete day).
public struct TodaySoFar: Sendable, Equatable, Codable {
    /// Today, in the dashboard's time zone.
    public var day: Day
    /// The time of day "now" is, in milliseconds since local midnight.
    public var millisecondOfDay: Int64
    /// Today's sums so far, per platform (`all` included); sum KPIs only.
    public var values: [String: [KPI: Double]]
    /// Yesterday's sums up to the same time of day, per platform, where the rows have times of
    /// day (the last hour prorated by the minutes gone).
    public var yesterdaySameTime: [String: [KPI: Double]]

    public init(day: Day, millisecondOfDay: Int64, values: [String: [KPI: Double]],
                yesterdaySameTime: [String: [KPI: Double]]) {
        self.day = day
        self.millisecondOfDay = millisecondOfDay
        self.values = values
        self.yesterdaySameTime = yesterdaySameTime
    }
}

/// Everything a view or a report needs, computed from the store at one moment.
public struct KPISnapshot: Sendable, Codable {
    /// The reserved name for every platform together.
    public static let allPlatforms = "all"
    /// The reserved platform of website sessions that did not come from social media (Google
    /// Analytics sources kpitop does not map to a platform). The store keeps them like a
    /// platform's; snapshots keep them out of the platforms and out of `all`, and use them
    /// only as the rest of the site's traffic for `social_share_of_traffic`.
    public static let notSocialPlatform = "(not social)"

    /// The anchor day.
    public var asOf: Day
    /// True when the anchor moved to the newest record's day because the data is old.
    public var anchoredOnNewest: Bool
    public var window: ReportWindow
    /// The window each KPI is compared with (nil for the `all` window).
    public var comparisonWindow: ReportWindow?
    /// What the comparison window is.
    public var comparison: Comparison = .previousWindow
    /// IANA name of the dashboard's time zone.
    public var timeZone: String
    /// Platforms seen in the data, sorted; `all` is not among them.
    public var platforms: [String]
    /// KPI values keyed by platform name, `all` included.
    public var kpis: [String: [KPI: KPIValue]]
    /// Posts and campaigns with data in the window, by platform (`all` included), most
    /// interactions first (at most the request's limit).
    public var posts: [String: [PostSummary]]
    /// How many posts each platform has in the window (the list may hold fewer).
    public var postCounts: [String: Int] = [:]
    /// Newest metrics record instant per platform (ms since the epoch).
    public var newestData: [String: Int64]
    /// Newest inquiry (`opened_at`) per platform, for platforms with service records.
    public var newestInquiry: [String: Int64] = [:]
    /// The currency of each platform's money values (`all` included) when one is known.
    public var currencies: [String: Currency] = [:]
    /// Today's figures so far (nil when there is no data today).
    public var today: TodaySoFar?
    /// The detail of the request's post, when it asked for one and the post exists.
    public var postDetail: PostDetail?
    /// Rows refused so far, in total.
    public var rejectedRows: Int
    /// The refused rows (the first few thousand), in file and line order.
    public var rejections: [Rejection]
    /// Data files read.
    public var fileCount: Int
    /// Progress of the request's goals, in file order.
    public var goals: [GoalProgress] = []
    /// The request's alert rules checked against the current window, in file order.
    public var alerts: [AlertState] = []
    /// The website traffic that did not come from social media (``notSocialPlatform``): its
    /// sessions, engaged sessions, bounce rate, site conversions and revenue; empty without
    /// such data.
    public var notSocial: [KPI: KPIValue] = [:]
    /// The benchmarks of the request, by platform (`all` included) and KPI.
    public var benchmarks: [String: [KPI: Benchmark]] = [:]

    /// The benchmark of `kpi` on `platform`, if the benchmarks file has one.
    public func benchmark(_ kpi: KPI, platform: String = KPISnapshot.allPlatforms) -> Benchmark? {
        benchmarks[platform]?[kpi]
    }

    public init(asOf: Day, anchoredOnNewest: Bool, window: ReportWindow, timeZone: String,
                platforms: [String], kpis: [String: [KPI: KPIValue]], posts: [String: [PostSummary]],
                newestData: [String: Int64], rejectedRows: Int, rejections: [Rejection], fileCount: Int) {
        self.asOf = asOf
        self.anchoredOnNewest = anchoredOnNewest
        self.window = window
        self.comparisonWindow = window.previous
        self.timeZone = timeZone
        self.platforms = platforms
        self.kpis = kpis
        self.posts = posts
        self.newestData = newestData
        self.rejectedRows = rejectedRows
        self.rejections = rejections
        self.fileCount = fileCount
    }

    /// The alerts that are breached, in file order.
    public var breachedAlerts: [AlertState] { alerts.filter(\.breached) }

    /// The value of `kpi` for `platform` (`all` by default), or an empty value.
    public func value(_ kpi: KPI, platform: String = KPISnapshot.allPlatforms) -> KPIValue {
        kpis[platform]?[kpi] ?? KPIValue(value: nil, previous: nil)
    }
}
