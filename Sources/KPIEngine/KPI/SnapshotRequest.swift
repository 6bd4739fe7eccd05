/// What a snapshot is asked for: the window, the anchor, the moment "now", and the goals and
/// alerts to evaluate.
public struct SnapshotRequest: Sendable, Equatable {
    public var window: WindowLength
    /// `--as-of`; nil = today, or the newest record's day when the data is older than the window.
    public var asOf: Day?
    /// The current instant (ms since the epoch), which decides "today".
    public var now: Int64
    /// At most this many posts per platform in the snapshot.
    public var postLimit: Int
    /// Goals whose progress the snapshot carries (data contract section 9).
    public var goals: [Goal]
    /// Alert rules the snapshot checks against its current window.
    public var alerts: [AlertRule]

    public init(window: WindowLength = .days(28), asOf: Day? = nil, now: Int64, postLimit: Int = 500,
                goals: [Goal] = [], alerts: [AlertRule] = []) {
        self.window = window
        self.asOf = asOf
        self.now = now
        self.postLimit = postLimit
        self.goals = goals
        self.alerts = alerts
    }
}
