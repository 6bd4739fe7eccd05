/// A follower count seen at an instant; the latest observation of a day wins.
public struct FollowerObservation: Sendable, Equatable {
    /// Milliseconds since the epoch.
    public var time: Int64
    public var value: Double

    /// True when `other` should replace `self` as the day's latest observation. Ties go to
    /// `other`, which callers pass in upsert order (later line, later file).
    func isSupersededBy(_ other: FollowerObservation) -> Bool { other.time >= time }
}

/// What one (platform, day) adds up to: summed fields, the day's latest follower
/// observation and the newest record instant.
public struct DayTotals: Sendable, Equatable {
    public var values = MetricValues.zero
    public var followers: FollowerObservation?
    /// Newest record instant of the day (ms since the epoch), for "newest data" per platform.
    public var newestTime: Int64 = .min

    public init() {}

    /// Adds one row.
    @inline(__always)
    mutating func add(_ row: MetricsRow) {
        values.add(row.values)
        if let f = row.followers { observe(FollowerObservation(time: row.time, value: f)) }
        newestTime = max(newestTime, row.time)
    }

    /// Adds another day's totals (a later file's, when upsert order matters).
    mutating func add(_ other: DayTotals) {
        values.add(other.values)
        if let f = other.followers { observe(f) }
        newestTime = max(newestTime, other.newestTime)
    }

    private mutating func observe(_ observation: FollowerObservation) {
        if let current = followers, !current.isSupersededBy(observation) { return }
        followers = observation
    }
}

/// A (platform, day) pair.
public struct PlatformDay: Hashable, Sendable {
    public var platform: String
    public var day: Day
}

/// The key metrics rows with an id are upserted by.
public struct PostDayKey: Hashable, Sendable {
    public var platform: String
    public var id: String
    public var day: Day
}

/// The key service records with an id are upserted by.
public struct InquiryKey: Hashable, Sendable {
    public var platform: String
    public var id: String
}
