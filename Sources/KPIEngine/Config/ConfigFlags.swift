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
    /// `--follow-links` / `--no-follow-links`.
    public var followLinks: Bool?

    public init(data: String? = nil, window: WindowLength? = nil, tz: String? = nil, goals: String? = nil,
                theme: String? = nil, refresh: RefreshInterval? = nil, poll: Bool? = nil, bell: Bool? = nil,
                followLinks: Bool? = nil) {
        self.data = data
        self.window = window
        self.tz = tz
        self.goals = goals
        self.theme = theme
        self.refresh = refresh
        self.poll = poll
        self.bell = bell
        self.followLinks = followLinks
    }
}
