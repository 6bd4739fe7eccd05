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

    /// Adds one row: its values, and its follower count and instant.
    @inline(__always)
    mutating func add(_ row: MetricsRow) {
        values.add(row.values)
        observe(row)
    }

    /// Takes in a row's follower count and instant, but not its values (a row with an id,
    /// whose values are upserted apart).
    @inline(__always)
    mutating func observe(_ row: MetricsRow) {
        if let f = row.followers { observe(FollowerObservation(time: row.time, value: f)) }
        newestTime = max(newestTime, row.time)
    }

    /// Adds the totals of a later part of the same file.
    mutating func add(_ other: DayTotals) {
        values.add(other.values)
        if let f = other.followers { observe(f) }
        newestTime = max(newestTime, other.newestTime)
    }

    mutating func observe(_ observation: FollowerObservation) {
        if let current = followers, !current.isSupersededBy(observation) { return }
        followers = observation
    }
}

/// A platform, a day and an hour: the key of the hourly sums kept for "today so far".
struct PlatformHour: Hashable, Sendable {
    var platform: UInt16
    var day: Day
    var hour: UInt8
}

/// A platform and a currency its money values were given in.
struct PlatformCurrency: Hashable, Sendable {
    var platform: UInt16
    var currency: Currency
}
