import KPIEngine

/// Everything the dashboard shows and remembers: the engine's latest data plus the user's
/// navigation. A value; only `reduce` changes it in response to an ``Action``.
struct UIState {
    /// The back stack; the last page is on screen.
    var pages = [Page(.overview)]
    var overlay: Overlay?
    /// The selected row of the open overlay (picker choice, first visible rejected row).
    var overlayRow = 0
    var window: WindowLength
    /// The anchor day chosen with `[` and `]`; nil = the last complete day.
    var asOf: Day?
    /// The anchor of the last snapshot computed for the last complete day (`]` stops there).
    var latestAnchor: Day?
    /// Digits typed in the window picker (`W`): `14` means 14 days.
    var windowDraft = ""
    /// What each KPI is compared with (`Y` switches).
    var comparison = Comparison.previousWindow
    /// The config file's brands, by name, in file order (`B` picks one).
    var brands: [String] = []
    /// The brand on screen; nil without one.
    var brand: String?
    /// A brand picked with `B` that the model is to ask the backend to open.
    var requestedBrand: String?
    var themeIndex = 0
    var themeCount: Int
    /// The list filter typed after `/` (posts by title, rejected rows by text).
    var filter = ""
    var isEditingFilter = false
    var postSort = PostSort.interactions
    /// Charts and sparklines fitted to their data (`y`) instead of starting at 0.
    var chartsZoomed = false
    /// `S`: smallest (or oldest) first.
    var postSortAscending = false
    /// The platform the overview shows (`all` for every platform together).
    var platformFilter = KPISnapshot.allPlatforms
    var snapshot: KPISnapshot?
    var status: EngineStatus
    /// `z`: the screen keeps its snapshot; the engine's newer ones wait in `held`.
    var paused = false
    /// The newest snapshot and status that came in while paused.
    var held: (snapshot: KPISnapshot?, status: EngineStatus)?
    /// The choice of view the shown snapshot answers; a paused dashboard still takes the
    /// first snapshot for a new choice (a window picked while paused).
    var answeredChoice: ViewChoice?
    /// A short message shown for a moment over the status line (the new theme's name,
    /// where a view was saved).
    var notice: Notice?
    /// The moment of the last input (ms since the epoch); notices last from it.
    var now: Int64 = 0
    /// `e`: the view is to be saved; the model takes it and asks the backend to write it.
    var exportRequested = false
    /// The goals file's mistakes (goals left out), with file and line.
    var goalProblems: [ConfigProblem] = []
    /// A platform whose newest data is older than this is stale.
    var staleAfter = DashboardModel.defaultStaleAfter
    /// Learnt from `Key.resize`; used to find what a click landed on.
    var terminalWidth = 0
    var terminalHeight = 0
    var quitRequested = false

    init(window: WindowLength, themeCount: Int, status: EngineStatus) {
        self.window = window
        self.themeCount = max(1, themeCount)
        self.status = status
    }

    /// The page on screen.
    var page: Page {
        get { pages[pages.count - 1] }
        set { pages[pages.count - 1] = newValue }
    }

    /// Platforms seen in the data, sorted.
    var platforms: [String] { snapshot?.platforms ?? [] }

    /// True when the data has website traffic (Google Analytics): some platform has sessions,
    /// or the site has sessions from other sources. Without it the Traffic panel is left out.
    var hasTraffic: Bool {
        guard let snapshot else { return false }
        return !snapshot.notSocial.isEmpty || snapshot.kpis.values.contains { $0[.sessions]?.value != nil }
    }

    /// The overview's areas on screen, in Tab order: the Traffic panel only with traffic data.
    var overviewAreas: [OverviewArea] {
        OverviewArea.allCases.filter { $0 != .traffic || hasTraffic }
    }

    /// The areas of the current page that can take the focus, in Tab order.
    var focusableAreas: [Int] {
        page.screen == .overview ? overviewAreas.map(\.rawValue) : Array(0..<Page.areaCount(of: page.screen))
    }

    /// The goals' progress, in file order.
    var goals: [GoalProgress] { snapshot?.goals ?? [] }

    /// How fresh each platform's data is at `now` (ms since the epoch).
    func freshness(now: Int64) -> DataFreshness {
        DataFreshness(newestData: snapshot?.newestData ?? [:], now: now, staleAfter: staleAfter)
    }

    /// What the platform picker and the KPI drill-down list: `all`, then each platform.
    var platformChoices: [String] { [KPISnapshot.allPlatforms] + platforms }

    /// A platform's posts, filtered by title and sorted by the sort column.
    func visiblePosts(of platform: String) -> [PostSummary] {
        let posts = snapshot?.posts[platform] ?? []
        let needle = filter.lowercased()
        let matching = needle.isEmpty ? posts : posts.filter {
            ($0.title ?? $0.id).lowercased().contains(needle)
        }
        return postSort.sorted(matching, ascending: postSortAscending)
    }

    /// What the engine should compute: the window, the anchor, and the post whose page is open.
    var viewChoice: ViewChoice {
        var post: PostReference?
        if case .post(let reference) = page.screen { post = reference }
        return ViewChoice(window: window, asOf: asOf, comparison: comparison, post: post)
    }

    /// The alerts, breached ones first, each group in file order.
    var alertsList: [AlertState] {
        let alerts = snapshot?.alerts ?? []
        return alerts.filter(\.breached) + alerts.filter { !$0.breached }
    }

    /// The rejected rows matching the filter.
    var visibleRejections: [Rejection] {
        let rejections = snapshot?.rejections ?? []
        let needle = filter.lowercased()
        guard !needle.isEmpty else { return rejections }
        return rejections.filter { "\($0.file):\($0.line) \($0.reason)".lowercased().contains(needle) }
    }

    /// How many rows an area of the current page has.
    func rowCount(area: Int) -> Int {
        switch page.screen {
        case .overview:
            let overviewArea = OverviewArea(rawValue: area)
            return overviewArea == .platforms ? platforms.count : overviewArea?.kpis(in: self).count ?? 0
        case .platform(let platform):
            return area == PlatformArea.kpis.rawValue ? KPI.allCases.count : visiblePosts(of: platform).count
        case .kpi:
            return platformChoices.count
        case .goals:
            return goals.count
        case .post:
            return PostMetricRows.rows(for: snapshot?.postDetail).count
        }
    }

    /// How many rows the open overlay has.
    var overlayRowCount: Int {
        switch overlay {
        case .platformPicker: platformChoices.count
        case .rejections: visibleRejections.count
        case .help: HelpOverlay.scrollPositions(width: terminalWidth, height: terminalHeight)
        case .alerts: alertsList.count
        case .windowPicker: WindowChoices.presets.count
        case .brandPicker: brands.count
        case nil: 0
        }
    }
}

/// A message shown until `until` (ms since the epoch).
struct Notice: Equatable {
    var text: String
    var until: Int64
    /// Warnings (a failed save) are shown in the warning colour.
    var isWarning = false
}
