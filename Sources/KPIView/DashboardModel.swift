import KPIEngine

/// The dashboard's state machine: keys become actions, one reducer applies them to the
/// UI state, and `render` draws the whole screen from that state. The terminal backend
/// owns the loop: it feeds keys and engine updates in, and draws what `render` returns.
public struct DashboardModel: Sendable {
    private var state: UIState
    private let themes: [Theme]
    private let options: RenderOptions
    private let dataDirectory: String
    private let bell: Bool
    /// The breached alerts the bell has rung for (and that have not cleared since).
    private var rungAlerts: Set<AlertRule> = []

    /// `themes[0]` is the starting theme (the built-in default when the list is empty);
    /// `window` is the window the dashboard starts with; `goalProblems` are the goals file's
    /// mistakes, listed on the goals page; a platform without data for longer than
    /// `staleAfter` is marked stale; `bell` rings the terminal bell for each new alert breach.
    public init(themes: [Theme], options: RenderOptions, dataDirectory: String,
                window: WindowLength = .days(28), goalProblems: [ConfigProblem] = [],
                staleAfter: Duration = DashboardModel.defaultStaleAfter, bell: Bool = false) {
        self.themes = themes.isEmpty ? [ThemeLoader.builtInDefault] : themes
        self.options = options
        self.dataDirectory = dataDirectory
        self.bell = bell
        state = UIState(window: window, themeCount: self.themes.count,
                        status: EngineStatus(dataDirectory: dataDirectory))
        state.goalProblems = goalProblems
        state.staleAfter = staleAfter
    }

    /// A platform without data for 48 hours is stale.
    public static let defaultStaleAfter = Duration.seconds(48 * 3600)

    /// Takes the engine's newest snapshot (nil while the first load runs) and status.
    public mutating func update(snapshot: KPISnapshot?, status: EngineStatus) {
        state.snapshot = snapshot
        state.status = status
    }

    /// Applies a key (or a resize or a click); returns false when the user asked to quit.
    /// Clicks need the terminal size, which the model learns from `Key.resize`.
    public mutating func handle(_ key: Key) -> Bool {
        let action: Action?
        if case .click(let x, let y) = key {
            action = target(atX: x, y: y).map(Action.select)
        } else {
            action = KeyMap.action(for: key, in: state)
        }
        if let action { reduce(&state, action) }
        return !state.quitRequested
    }

    /// The window the engine should compute snapshots for (`w` changes it).
    public var window: WindowLength { state.window }

    /// The theme in use (`t` cycles).
    public var theme: Theme { themes[state.themeIndex] }

    /// True once per breach when the bell is on: an alert that becomes breached rings once,
    /// and again only after it has cleared and come back. Call after each `update`.
    public mutating func takeBell() -> Bool {
        let breached = Set(state.snapshot?.breachedAlerts.map(\.rule) ?? [])
        let isNew = !breached.isSubset(of: rungAlerts)
        rungAlerts = breached
        return bell && isNew
    }

    /// Everything on screen that changes with the time alone: the header's "updated 3s ago",
    /// each platform's data age (and its newest ticket's), and which platforms are stale. When
    /// it is the same as at the last `render`, so is the screen, unless keys or engine news
    /// came in between.
    public func clockText(now: Int64) -> String {
        let freshness = state.freshness(now: now)
        let ages = state.platforms.map { platform in
            (freshness.age(of: platform).map { AgeFormat.text(milliseconds: $0) } ?? "no data")
                + (freshness.isStale(platform) ? " stale" : "")
                + (state.snapshot?.newestInquiry[platform].map { ", ticket " + AgeFormat.text(milliseconds: now - $0) } ?? "")
        }
        return ([Header.freshness(state.status, now: now)] + ages).joined(separator: "; ")
    }

    /// Draws the whole screen for a terminal of this size; `now` (ms since the epoch) dates
    /// the "updated 3s ago" note.
    public func render(width: Int, height: Int, now: Int64) -> Buffer {
        frame(width: width, height: height, now: now).buffer
    }

    private func frame(width: Int, height: Int, now: Int64) -> Canvas {
        DashboardRenderer.render(state, sheet: StyleSheet(theme: theme, options: options),
                                 dataDirectory: dataDirectory, width: width, height: height, now: now)
    }

    /// What a click at (x, y) lands on, laid out exactly as the last drawn screen
    /// (the later region wins: overlays are drawn last).
    private func target(atX x: Int, y: Int) -> HitTarget? {
        let canvas = frame(width: state.terminalWidth, height: state.terminalHeight, now: 0)
        return canvas.hits.last { $0.rect.contains(x: x, y: y) }?.target
    }
}
