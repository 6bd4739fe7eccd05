/// A threshold from the config file's `[[alert]]` tables: one KPI of one platform (or of
/// `all`) that must not go above, or below, a limit.
public struct AlertRule: Sendable, Hashable, Codable {
    /// Which side of the limit is a breach.
    public enum Bound: String, Sendable, CaseIterable, Codable {
        /// Breached when the value is greater than the limit.
        case above
        /// Breached when the value is less than the limit.
        case below
    }

    /// As written in the file, or the KPI's title (with the platform unless it is `all`).
    public var name: String
    public var kpi: KPI
    public var platform: String
    public var bound: Bound
    /// In the KPI's unit: fractions for percentages, seconds for durations.
    public var limit: Double
    /// The limit as the user wrote it ("4h", "2%"), for messages.
    public var limitText: String
    /// The line of the `[[alert]]` header, for messages.
    public var line: Int

    public init(name: String? = nil, kpi: KPI, platform: String = KPISnapshot.allPlatforms, bound: Bound,
                limit: Double, limitText: String? = nil, line: Int = 0) {
        self.name = name ?? (platform == KPISnapshot.allPlatforms ? kpi.title : "\(kpi.title) (\(platform))")
        self.kpi = kpi
        self.platform = platform
        self.bound = bound
        self.limit = limit
        self.limitText = limitText ?? ValueFormat.format(limit, unit: kpi.unit)
        self.line = line
    }

    /// True when `value` is beyond the limit; an undefined value (nil) never breaches.
    public func isBreached(by value: Double?) -> Bool {
        guard let value, value.isFinite else { return false }
        switch bound {
        case .above: return value > limit
        case .below: return value < limit
        }
    }
}
