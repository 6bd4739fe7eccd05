/// The command-line flags that override the config file; nil = not given.
public struct ConfigFlags: Sendable, Equatable {
    public var data: String?
    public var window: WindowLength?
    public var tz: String?
    public var goals: String?
    public var theme: String?
    public var refresh: RefreshInterval?
    public var poll: Bool?
    public var bell: Bool?
    /// `--compare previous|year`.
    public var compare: Comparison?
    /// `--benchmarks FILE`.
    public var benchmarks: String?
    /// `--brand NAME`: a brand of the config file's `[brands]`.
    public var brand: String?

    /// `--follow-links` / `--no-follow-links`.
    public var followLinks: Bool?

    public init(data: String? = nil, window: WindowLength? = nil, tz: String? = nil, goals: String? = nil,
                theme: String? = nil, refresh: RefreshInterval? = nil, poll: Bool? = nil, bell: Bool? = nil,
                compare: Comparison? = nil, benchmarks: String? = nil, brand: String? = nil, followLinks: Bool? = nil) {
        self.data = data
        self.window = window
        self.tz = tz
        self.goals = goals
        self.theme = theme
        self.refresh = refresh
        self.poll = poll
        self.bell = bell
        self.compare = compare
        self.benchmarks = benchmarks
        self.brand = brand
        self.followLinks = followLinks
    }
}
