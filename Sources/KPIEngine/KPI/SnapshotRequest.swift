/// What each KPI is compared with.
public enum Comparison: String, Sendable, Equatable, CaseIterable, Codable {
    /// The L days just before the window.
    case previousWindow = "previous"
    /// The same days a year earlier.
    case yearBefore = "year"
}

/// What a snapshot is asked for: the window, the anchor, the moment "now", and the goals and
/// alerts to evaluate.
public struct SnapshotRequest: Sendable, Equatable, Codable {
    public var window: WindowLength
    /// `--as-of`; nil = the last complete day (yesterday), or the newest record's day when the
    /// data is older than the window.
    public var asOf: Day?
    /// The current instant (ms since the epoch), which decides "today".
    public var now: Int64
    /// At most this many posts per platform in the snapshot.
    public var postLimit: Int
    /// Goals whose progress the snapshot carries (docs/DATA.md section 9).
    public var goals: [Goal]
    /// Alert rules the snapshot checks against its current window.
    public var alerts: [AlertRule]
    /// What each KPI is compared with.
    public var comparison: Comparison
    /// The currency of money values that say none (the config's `currency`).
    public var defaultCurrency: Currency?
    /// A post whose detail the snapshot should carry (the post page is open).
    public var post: PostReference?
    /// The customer lifetime value per platform from the config (`cltv`), for platforms whose
    /// data has none; the key `*` stands for every platform.
    public var customerValues: [String: Double] = [:]
    /// Reference values the snapshot carries beside each KPI (`benchmarks.toml`).
    public var benchmarks: [Benchmark] = []

    public init(window: WindowLength = .days(28), asOf: Day? = nil, now: Int64, postLimit: Int = 500,
                goals: [Goal] = [], alerts: [AlertRule] = [], comparison: Comparison = .previousWindow,
                defaultCurrency: Currency? = nil) {
        self.window = window
        self.asOf = asOf
        self.now = now
        self.postLimit = postLimit
        self.goals = goals
        self.alerts = alerts
        self.comparison = comparison
        self.defaultCurrency = defaultCurrency
    }
}
