import KPIEngine

/// The dashboard's state machine: keys become actions, one reducer applies them to the
/// UI state, and `render` draws the whole screen from that state. The terminal backend
/// owns the loop: it feeds time, keys and engine updates in, performs the effects the model
/// asks for (``takeEffects()``), and draws what `render` returns.
public struct DashboardModel: Sendable {
    private var state: UIState
    private let themes: [Theme]
    private let options: RenderOptions
    private var dataDirectory: String
    private let bell: Bool
    /// The breached alerts the bell has rung for (and that have not cleared since).
    private var rungAlerts: Set<AlertRule> = []
    private var effects: [DashboardEffect] = []

    /// How long a notice (the new theme's name, where a view was saved) stays on screen.
    public static let noticeDuration: Int64 = 2500

    /// `themes[0]` is the starting theme (the built-in default when the list is empty);
    /// `window` and `platform` are what the dashboard starts with (`all` for every platform);
    /// `goalProblems` are the goals file's mistakes, listed on the goals page; a platform
    /// without data for longer than `staleAfter` is marked stale; `bell` rings the terminal
    /// bell for each new alert breach; `comparison` is what KPIs are compared with at first;
    /// `brands` are the config file's brands by name (`B` picks one) and `brand` the one shown.
    public init(themes: [Theme], options: RenderOptions, dataDirectory: String,
                window: WindowLength = .days(28), platform: String = KPISnapshot.allPlatforms,
                goalProblems: [ConfigProblem] = [], staleAfter: Duration = DashboardModel.defaultStaleAfter,
                bell: Bool = false, comparison: Comparison = .previousWindow, brands: [String] = [],
                brand: String? = nil) {
        self.themes = themes.isEmpty ? [ThemeLoader.builtInDefault] : themes
        self.options = options
        self.dataDirectory = dataDirectory
        self.bell = bell
        state = UIState(window: window, themeCount: self.themes.count,
                        status: EngineStatus(dataDirectory: dataDirectory))
        state.goalProblems = goalProblems
        state.staleAfter = staleAfter
        state.comparison = comparison
        state.brands = brands
        state.brand = brand
        if platform != KPISnapshot.allPlatforms {
            state.platformFilter = platform
            state.pages.append(Page(.platform(platform)))
        }
    }

    /// A platform without data for 48 hours is stale.
    public static let defaultStaleAfter = Duration.seconds(48 * 3600)

    /// Takes the engine's newest snapshot (nil while the first load runs) and status. While
    /// paused (`z`) they are held back, except the first snapshot that answers a new choice
    /// of window, anchor or post.
    public mutating func update(snapshot: KPISnapshot?, status: EngineStatus) {
        let choice = state.viewChoice
        let answers = snapshot.map { Self.snapshot($0, answers: choice) } ?? false
        if state.paused, !(answers && state.answeredChoice != choice) {
            state.held = (snapshot, status)
            return
        }
        state.snapshot = snapshot
        state.status = status
        if answers {
            state.answeredChoice = choice
            if choice.asOf == nil, let snapshot { state.latestAnchor = snapshot.asOf }
        }
        if let snapshot, state.platformFilter != KPISnapshot.allPlatforms,
           status.loading == nil, !snapshot.platforms.contains(state.platformFilter) {
            // A platform remembered from another data directory: show them all.
            state.platformFilter = KPISnapshot.allPlatforms
            state.pages = [state.pages[0]]
        }
        if state.pages[0].focus == OverviewArea.traffic.rawValue, !state.hasTraffic {
            // The Traffic panel went with its data.
            state.pages[0].focus = 0
        }
        ringForNewBreaches()
    }

    /// The backend opened `brand` (asked for with ``DashboardEffect/switchBrand(_:)``): its
    /// data directory, whose first snapshot is to come, and its goals file's problems. The
    /// overview of every platform shows again, with the window and comparison kept.
    public mutating func switched(toBrand brand: String, dataDirectory: String, goalProblems: [ConfigProblem]) {
        self.dataDirectory = dataDirectory
        state.brand = brand
        state.snapshot = nil
        state.status = EngineStatus(dataDirectory: dataDirectory)
        state.held = nil
        state.answeredChoice = nil
        state.latestAnchor = nil
        state.asOf = nil
        state.goalProblems = goalProblems
        state.platformFilter = KPISnapshot.allPlatforms
        state.pages = [Page(.overview)]
        state.filter = ""
        state.isEditingFilter = false
        rungAlerts = []
        state.notice = Notice(text: "brand: \(brand)", until: state.now + Self.noticeDuration)
    }

    /// The brand could not be opened: says why for a moment; the brand on screen stays.
    public mutating func brandSwitchFailed(_ brand: String, reason: String) {
        state.notice = Notice(text: "brand \(brand) not opened: \(reason)", until: state.now + 2 * Self.noticeDuration,
                              isWarning: true)
    }

    /// The brand on screen; nil without one.
    public var brand: String? { state.brand }

    /// The time (ms since the epoch) the next keys arrive at; notices last from it.
    public mutating func advance(to now: Int64) {
        state.now = now
        if let notice = state.notice, notice.until <= now { state.notice = nil }
    }

    /// Applies a key (or a resize, a click, the wheel); returns false when the user asked to quit.
    /// Mouse events are placed on the screen as last drawn at the size from `Key.resize`.
    public mutating func handle(_ key: Key) -> Bool {
        let before = savedChoices
        let themeBefore = state.themeIndex
        if let action = action(for: key) { reduce(&state, action) }
        if state.themeIndex != themeBefore {
            state.notice = Notice(text: "theme: \(theme.name)", until: state.now + Self.noticeDuration)
        }
        if savedChoices != before { effects.append(.remember(savedChoices)) }
        if let brand = state.requestedBrand {
            state.requestedBrand = nil
            effects.append(.switchBrand(brand))
        }
        if state.exportRequested {
            state.exportRequested = false
            if let export = ViewExporter.export(state, dataDirectory: dataDirectory) {
                effects.append(.save(export))
            } else {
                state.notice = Notice(text: "nothing to save yet: the data is still loading",
                                      until: state.now + Self.noticeDuration, isWarning: true)
            }
        }
        return !state.quitRequested
    }

    /// The effects asked for since the last call, in order.
    public mutating func takeEffects() -> [DashboardEffect] {
        defer { effects = [] }
        return effects
    }

    /// The view was saved: says where for a moment (`where` names the files).
    public mutating func saved(at location: String) {
        state.notice = Notice(text: "saved " + location, until: state.now + 2 * Self.noticeDuration)
    }

    /// The view could not be saved: says why for a moment.
    public mutating func saveFailed(_ reason: String) {
        state.notice = Notice(text: "not saved: " + reason, until: state.now + 2 * Self.noticeDuration,
                              isWarning: true)
    }

    /// What the engine should compute snapshots for: the window, the anchor day and the post
    /// whose page is open. The loop sends it whenever it changes.
    public var viewChoice: ViewChoice { state.viewChoice }

    /// The window the engine should compute snapshots for (`w`, `W`).
    public var window: WindowLength { state.window }

    /// The terminal size the model lays the screen out for (from `Key.resize`).
    public var size: (width: Int, height: Int) { (state.terminalWidth, state.terminalHeight) }

    /// True while updates are paused (`z`).
    public var isPaused: Bool { state.paused }

    /// The theme in use (`t` cycles).
    public var theme: Theme { themes[state.themeIndex] }

    /// The window, theme and platform, as the next run should start with them.
    public var savedChoices: SavedChoices {
        SavedChoices(window: state.window, theme: theme.name, platform: state.platformFilter)
    }

    /// Everything on screen that changes with the time alone: the header's "updated 3s ago",
    /// each platform's data age (and its newest ticket's), which platforms are stale, and the
    /// notice while it lasts. When it is the same as at the last `render`, so is the screen,
    /// unless keys or engine news came in between.
    public func clockText(now: Int64) -> String {
        let freshness = state.freshness(now: now)
        let ages = state.platforms.map { platform in
            (freshness.age(of: platform).map { AgeFormat.text(milliseconds: $0) } ?? "no data")
                + (freshness.isStale(platform) ? " stale" : "")
                + (state.snapshot?.newestInquiry[platform].map { ", ticket " + AgeFormat.text(milliseconds: now - $0) } ?? "")
        }
        let notice = state.notice.map { $0.until > now ? $0.text : "" } ?? ""
        return ([Header.freshness(state.status, now: now), notice] + ages).joined(separator: "; ")
    }

    /// When the screen changes next without input (a notice ends), if it does before the
    /// clock's next tick; the loop wakes up then.
    public func nextChange(after now: Int64) -> Int64? {
        state.notice.map(\.until).flatMap { $0 > now ? $0 : nil }
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

    private func action(for key: Key) -> Action? {
        switch key {
        case .click(let x, let y):
            return target(atX: x, y: y).map(Action.select)
        case .doubleClick(let x, let y):
            return target(atX: x, y: y).map(Action.open)
        case .wheel(let x, let y, let lines):
            if state.overlay != nil { return .scroll(area: nil, rows: lines) }
            if case .row(let area, _) = target(atX: x, y: y) { return .scroll(area: area, rows: lines) }
            return .scroll(area: nil, rows: lines)
        default:
            return KeyMap.action(for: key, in: state)
        }
    }

    /// What a click at (x, y) lands on, laid out exactly as the last drawn screen
    /// (the later region wins: overlays are drawn last).
    private func target(atX x: Int, y: Int) -> HitTarget? {
        let canvas = frame(width: state.terminalWidth, height: state.terminalHeight, now: state.now)
        return canvas.hits.last { $0.rect.contains(x: x, y: y) }?.target
    }

    /// Rings once per breach when the bell is on: an alert that becomes breached rings once,
    /// and again only after it has cleared and come back.
    private mutating func ringForNewBreaches() {
        let breached = Set(state.snapshot?.breachedAlerts.map(\.rule) ?? [])
        let isNew = !breached.isSubset(of: rungAlerts)
        rungAlerts = breached
        if bell && isNew { effects.append(.bell) }
    }

    /// True when `snapshot` was computed for `choice`: its window, its anchor (when one was
    /// chosen), its comparison and its post (when one is open).
    static func snapshot(_ snapshot: KPISnapshot, answers choice: ViewChoice) -> Bool {
        let window = snapshot.window
        let sameWindow = switch choice.window {
        case .days(let n): !window.isAll && window.period == nil && window.days == n
        case .all: window.isAll
        case .toDate(let period): window.period == period
        }
        let sameAnchor = choice.asOf.map { $0 == snapshot.asOf } ?? true
        let samePost = choice.post.map { snapshot.postDetail?.post == $0 } ?? true
        return sameWindow && sameAnchor && samePost && snapshot.comparison == choice.comparison
    }
}
