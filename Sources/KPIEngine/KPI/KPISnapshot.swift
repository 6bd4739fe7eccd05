/// One KPI over a window: its value, the previous window's value and a daily series.
public struct KPIValue: Sendable, Equatable {
    /// nil when undefined (a zero denominator, or a field the platform never reports).
    public var value: Double?
    /// The same KPI over the previous window; nil when undefined or for the `all` window.
    public var previous: Double?
    /// One point per day of the window; a ratio's point is that day's ratio of sums.
    public var daily: [Double?]

    public init(value: Double?, previous: Double?, daily: [Double?] = []) {
        self.value = value
        self.previous = previous
        self.daily = daily
    }

    /// Relative change against the previous window (0.1 = +10%), nil when either is missing
    /// or the previous value is 0.
    public var change: Double? {
        guard let v = value, let p = previous, p != 0 else { return nil }
        return (v - p) / abs(p)
    }
}

/// A post or campaign (rows with an id) summed over the window, for drill-down lists.
public struct PostSummary: Sendable, Equatable {
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

/// Everything a view or a report needs, computed from the store at one moment.
public struct KPISnapshot: Sendable {
    /// The reserved name for every platform together.
    public static let allPlatforms = "all"

    /// The anchor day.
    public var asOf: Day
    /// True when the anchor moved to the newest record's day because the data is old.
    public var anchoredOnNewest: Bool
    public var window: ReportWindow
    /// IANA name of the dashboard's time zone.
    public var timeZone: String
    /// Platforms seen in the data, sorted; `all` is not among them.
    public var platforms: [String]
    /// KPI values keyed by platform name, `all` included.
    public var kpis: [String: [KPI: KPIValue]]
    /// Posts and campaigns with data in the window, by platform (`all` included), most
    /// interactions first.
    public var posts: [String: [PostSummary]]
    /// Newest record instant per platform (ms since the epoch).
    public var newestData: [String: Int64]
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

    public init(asOf: Day, anchoredOnNewest: Bool, window: ReportWindow, timeZone: String,
                platforms: [String], kpis: [String: [KPI: KPIValue]], posts: [String: [PostSummary]],
                newestData: [String: Int64], rejectedRows: Int, rejections: [Rejection], fileCount: Int) {
        self.asOf = asOf
        self.anchoredOnNewest = anchoredOnNewest
        self.window = window
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
