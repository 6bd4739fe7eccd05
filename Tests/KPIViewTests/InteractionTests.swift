@testable import KPIEngine
import Testing
@testable import KPIView

/// Issue 11's interaction through the key map, the reducer and the model: Esc and `h`, the
/// post level, windows and anchor days, sorting, alerts, pause, notices and saved choices.
@Suite struct InteractionTests {
    private func state(after keys: [Key], from start: UIState = SampleData.state()) -> UIState {
        var state = start
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { reduce(&state, action) }
        }
        return state
    }

    /// The sample platform page of facebook with its posts list focused.
    private var postsList: UIState { state(after: [.character("5"), .enter, .tab]) }

    @Test func escapeFirstClearsTheFilterThenGoesBack() {
        let filtered = state(after: [.character("/"), .character("g"), .enter], from: postsList)
        #expect(filtered.filter == "g" && !filtered.isEditingFilter)
        let cleared = state(after: [.escape], from: filtered)
        #expect(cleared.filter.isEmpty)
        #expect(cleared.page.screen == .platform("facebook"), "the first Esc went back")
        #expect(state(after: [.escape, .escape], from: filtered).page.screen == .overview)
    }

    @Test func hIsAlwaysBackAndLAlwaysOpens() {
        #expect(state(after: [.character("h")]).page.focus == 0, "h on the overview does not move the panel")
        #expect(state(after: [.character("l")]).page.screen == .kpi(.impressions, platform: "all"))
        #expect(state(after: [.character("l"), .character("h")]).page.screen == .overview)
        // The arrows still move between the overview's panels.
        #expect(state(after: [.right]).page.focus == 1)
        #expect(state(after: [.right, .left]).page.focus == 0)
    }

    @Test func enterOnAPostOpensItsPageAndTheEngineIsAskedForIt() {
        let post = state(after: [.enter], from: postsList)
        let first = postsList.visiblePosts(of: "facebook")[0]
        #expect(post.page.screen == .post(PostReference(platform: "facebook", id: first.id)))
        #expect(post.viewChoice.post == PostReference(platform: "facebook", id: first.id))
        #expect(state(after: [.escape], from: post).viewChoice.post == nil)
    }

    @Test func aFilteredPostListKeepsItsFilterAcrossThePostPage() {
        let filtered = state(after: [.character("/"), .character("r"), .enter, .enter], from: postsList)
        guard case .post = filtered.page.screen else {
            Issue.record("Enter did not open a post: \(filtered.page.screen)")
            return
        }
        let back = state(after: [.escape], from: filtered)
        #expect(back.page.screen == .platform("facebook") && back.filter == "r")
    }

    @Test func sortCyclesThroughTheDateAndSReversesIt() {
        var sorted = postsList
        while sorted.postSort != .date { sorted = state(after: [.character("s")], from: sorted) }
        let newestFirst = sorted.visiblePosts(of: "facebook").map(\.firstDay)
        #expect(newestFirst == newestFirst.sorted(by: >))
        let oldestFirst = state(after: [.character("S")], from: sorted)
        #expect(oldestFirst.postSortAscending)
        #expect(oldestFirst.visiblePosts(of: "facebook").map(\.firstDay) == newestFirst.sorted())
        let byInteractions = state(after: [.character("s")], from: sorted)
        let interactions = byInteractions.visiblePosts(of: "facebook").compactMap { $0.values[.interactions] }
        #expect(byInteractions.postSort == .interactions && interactions == interactions.sorted(by: >))
    }

    @Test func wCyclesAndTheWindowPickerTakesPresetsAndAnyNumberOfDays() {
        #expect(state(after: [.character("w"), .character("w")]).window == .all)
        #expect(state(after: [.character("W")]).overlay == .windowPicker)
        let monthToDate = state(after: [.character("W"), .down, .down, .down, .enter])
        #expect(monthToDate.window == .toDate(.month) && monthToDate.overlay == nil)
        #expect(state(after: [.character("W"), .character("1"), .character("4"), .enter]).window == .days(14))
        #expect(state(after: [.character("W"), .character("4"), .character("5"), .character("d")]).window == .days(45))
        let erased = state(after: [.character("W"), .character("1"), .character("4"), .backspace, .enter])
        #expect(erased.window == .days(1))
        #expect(state(after: [.character("W"), .character("9"), .escape]).window == .days(28), "Esc keeps the window")
    }

    @Test func bracketsMoveTheAnchorAndDotReturnsToTheLatestDay() {
        var start = SampleData.state()
        start.latestAnchor = SampleData.asOf
        let back2 = state(after: [.character("["), .character("[")], from: start)
        #expect(back2.asOf == SampleData.asOf.adding(days: -2))
        #expect(back2.viewChoice.asOf == SampleData.asOf.adding(days: -2))
        #expect(state(after: [.character("]")], from: back2).asOf == SampleData.asOf.adding(days: -1))
        #expect(state(after: [.character("]"), .character("]")], from: back2).asOf == nil, "] stops at the latest day")
        #expect(state(after: [.character("]")], from: start).asOf == nil)
        #expect(state(after: [.character(".")], from: back2).asOf == nil)
    }

    @Test func theAlertsListPutsBreachedAlertsFirstAndEnterOpensTheKPI() {
        var start = SampleData.state()
        let snapshot = start.snapshot!
        let rules = [AlertRule(kpi: .ctr, bound: .above, limit: 100), AlertRule(kpi: .cpa, platform: "x", bound: .above, limit: 0)]
        start.snapshot!.alerts = rules.map { AlertState(rule: $0, snapshot: snapshot) }
        let open = state(after: [.character("a")], from: start)
        #expect(open.overlay == .alerts)
        #expect(open.alertsList.map(\.breached) == [true, false])
        let kpi = state(after: [.enter], from: open)
        #expect(kpi.overlay == nil && kpi.page.screen == .kpi(.cpa, platform: "x"))
        #expect(state(after: [.character("a")], from: open).overlay == nil)
    }

    @Test func theAlertsListSaysHowToSetAlertsWhenThereAreNone() {
        var model = SampleData.model(width: 100, height: 30)
        _ = model.handle(.character("a"))
        let text = model.render(width: 100, height: 30, now: SampleData.now).text
        #expect(text.contains("No alerts are set"), "\(text)")
    }

    @Test func thePostPageShowsTitleDaysMetricsRatesAndChart() throws {
        var model = SampleData.model(width: 120, height: 40)
        for key: Key in [.character("5"), .enter, .tab, .enter] { _ = model.handle(key) }
        let choice = model.viewChoice
        let post = try #require(choice.post)
        var snapshot = SampleData.snapshot()
        var day1 = MetricValues(), day2 = MetricValues()
        day1[.impressions] = 1000; day1[.reach] = 800; day1[.interactions] = 40; day1[.clicks] = 10
        day2[.impressions] = 3000; day2[.reach] = 1200; day2[.interactions] = 60; day2[.clicks] = 50
        var sums = day1
        sums.add(day2)
        let title = "A very long title that goes on and on about the autumn sale, the studio and the bakery on the corner"
        snapshot.postDetail = PostDetail(post: post, title: title,
                                         days: [.init(day: SampleData.asOf.adding(days: -1), values: day1),
                                                .init(day: SampleData.asOf, values: day2)],
                                         window: sums, lifetime: sums)
        model.update(snapshot: snapshot, status: SampleData.status)
        let text = model.render(width: 120, height: 40, now: SampleData.now).text
        #expect(text.contains("A very long title that goes on and on"), "\(text)")
        #expect(text.contains("bakery on the corner"), "the title is not wrapped whole:\n\(text)")
        #expect(text.contains("first day 2026-11-22, last 2026-11-23 · 2 days with data, 2 in the window"))
        #expect(text.contains("Engagement rate") && text.contains("5.00%"), "ER = 100 / 2,000:\n\(text)")
        #expect(text.contains("CTR") && text.contains("1.50%"), "CTR = 60 / 4,000:\n\(text)")
        #expect(text.contains("Impressions daily"))
        #expect(text.contains("publish time, type and link are not in the data"))
    }

    @Test func thePostPageShowsPublishTimeTypeAndLinkWhenTheDataHasThem() throws {
        var model = SampleData.model(width: 120, height: 40)
        for key: Key in [.character("5"), .enter, .tab, .enter] { _ = model.handle(key) }
        let post = try #require(model.viewChoice.post)
        var snapshot = SampleData.snapshot()
        var values = MetricValues()
        values[.impressions] = 1000
        values[.reach] = 800
        let published = PostDetail.PublishTime(epochMilliseconds: 0, day: Day(iso: "2026-11-20")!,
                                               millisecondOfDay: (14 * 60 + 5) * 60_000)
        snapshot.postDetail = PostDetail(post: post, title: "Autumn launch", published: published, type: "Reels\u{1B}[2J",
                                         permalink: "https://fb.example/1001\u{1B}]0;owned\u{07}",
                                         days: [.init(day: SampleData.asOf, values: values)], window: values, lifetime: values)
        model.update(snapshot: snapshot, status: SampleData.status)
        let screen = model.render(width: 120, height: 40, now: SampleData.now)
        let text = screen.text
        #expect(text.contains("published 2026-11-20 14:05 · type Reels?[2J · id \(post.id)"), "\(text)")
        #expect(text.contains("https://fb.example/1001?]0;owned?"), "\(text)")
        #expect(!text.contains("not in the data"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "escape sequences from data reach the screen")

        // Only what is known: a type alone.
        snapshot.postDetail?.published = nil
        snapshot.postDetail?.permalink = nil
        snapshot.postDetail?.type = "Photo"
        model.update(snapshot: snapshot, status: SampleData.status)
        let typeOnly = model.render(width: 120, height: 40, now: SampleData.now).text
        #expect(typeOnly.contains("type Photo · id \(post.id)"), "\(typeOnly)")
        #expect(!typeOnly.contains("published") && !typeOnly.contains("https://"))
    }

    @Test func theWindowPickerShowsThePresetsAndWhatIsTyped() {
        var model = SampleData.model(width: 100, height: 30)
        _ = model.handle(.character("W"))
        var text = model.render(width: 100, height: 30, now: SampleData.now).text
        for label in ["7d   7 days", "28d  28 days (shown)", "all  all the data", "mtd  month to date", "qtd  quarter to date",
                      "days: type a number of days"] {
            #expect(text.contains(label), "no \(label):\n\(text)")
        }
        _ = model.handle(.character("4"))
        _ = model.handle(.character("5"))
        text = model.render(width: 100, height: 30, now: SampleData.now).text
        #expect(text.contains("days: 45d"), "\(text)")
        _ = model.handle(.enter)
        #expect(model.viewChoice.window == .days(45))
    }

    @Test func theHeaderSaysTheExactDaysOfAMonthToDateAndAnEarlierAnchor() {
        var model = SampleData.model(width: 140, height: 30)
        var snapshot = SampleData.snapshot()
        snapshot.window = ReportWindow(toDate: .month, endingOn: SampleData.asOf.adding(days: -3))
        snapshot.asOf = SampleData.asOf.adding(days: -3)
        _ = model.handle(.character("["))
        model.update(snapshot: snapshot, status: SampleData.status)
        let header = model.render(width: 140, height: 30, now: SampleData.now).lines[0]
        #expect(header.contains("mtd 2026-11-01..2026-11-20"), "\(header)")
        #expect(header.contains("earlier day (. latest)"), "\(header)")
    }

    @Test func theAlertsListShowsEachAlertsStateValueAndLimit() {
        var model = SampleData.model(width: 120, height: 40)
        var snapshot = SampleData.snapshot()
        let rules = [AlertRule(name: "Too few clicks", kpi: .ctr, platform: "x", bound: .below, limit: 0.5, limitText: "50%"),
                     AlertRule(name: "Spend cap", kpi: .spend, bound: .above, limit: 1e12, limitText: "$1T")]
        snapshot.alerts = rules.map { AlertState(rule: $0, snapshot: snapshot) }
        model.update(snapshot: snapshot, status: SampleData.status)
        _ = model.handle(.character("a"))
        let text = model.render(width: 120, height: 40, now: SampleData.now).text
        #expect(text.contains("Alerts: 1 of 2 alerts breached"), "\(text)")
        let lines = text.split(separator: "\n")
        let breached = lines.firstIndex { $0.contains("Too few clicks") }
        let fine = lines.firstIndex { $0.contains("Spend cap") }
        #expect(breached != nil && fine != nil && breached! < fine!, "breached alerts come first:\n\(text)")
        #expect(lines.contains { $0.contains("BREACHED") && $0.contains("Too few clicks") && $0.contains("below 50%") })
        #expect(lines.contains { $0.contains(" ok ") && $0.contains("Spend cap") && $0.contains("above $1T") })
    }

    @Test func pauseShowsInTheHeaderAndHoldsSnapshots() {
        var model = SampleData.model(width: 120, height: 40)
        _ = model.handle(.character("z"))
        var newer = SampleData.snapshot()
        newer.fileCount = 99
        model.update(snapshot: newer, status: SampleData.status)
        #expect(model.isPaused)
        #expect(model.render(width: 120, height: 40, now: SampleData.now).text.contains("PAUSED (z)"))
        _ = model.handle(.character("z"))
        #expect(!model.isPaused)
    }

    @Test func keysThatChangeWindowThemeOrPlatformAreRemembered() {
        let themes = [ThemeLoader.builtInDefault, Theme(name: "Nord") { _ in RGB(0, 0, 0) }]
        var model = SampleData.model(themes: themes)
        _ = model.takeEffects()
        for key: Key in [.character("w"), .character("t"), .character("p"), .down, .down, .enter] { _ = model.handle(key) }
        let remembered = model.takeEffects().compactMap { effect -> SavedChoices? in
            if case .remember(let choices) = effect { return choices }
            return nil
        }
        #expect(remembered.last == SavedChoices(window: .days(90), theme: "Nord", platform: "instagram"))
        _ = model.handle(.down)
        #expect(model.takeEffects().isEmpty, "moving the selection is not remembered")
    }

    @Test func aRememberedPlatformStartsOnItsPageAndOneMissingFromTheDataFallsBackToAll() {
        var model = DashboardModel(themes: [], options: RenderOptions(), dataDirectory: "d", platform: "tiktok")
        model.update(snapshot: SampleData.snapshot(), status: SampleData.status)
        #expect(model.savedChoices.platform == "tiktok")
        var gone = DashboardModel(themes: [], options: RenderOptions(), dataDirectory: "d", platform: "myspace")
        gone.update(snapshot: SampleData.snapshot(), status: SampleData.status)
        #expect(gone.savedChoices.platform == "all")
    }

    @Test func anEmptyDataDirectorySaysHowToStart() {
        var model = DashboardModel(themes: [], options: RenderOptions(), dataDirectory: "/srv/empty")
        let empty = KPISnapshot(asOf: SampleData.asOf, anchoredOnNewest: false, window: SampleData.window, timeZone: "UTC",
                                platforms: [], kpis: [:], posts: [:], newestData: [:], rejectedRows: 0, rejections: [],
                                fileCount: 0)
        model.update(snapshot: empty, status: EngineStatus(dataDirectory: "/srv/empty", updatedAt: SampleData.now))
        let text = model.render(width: 100, height: 30, now: SampleData.now).text
        #expect(text.contains("No data files in /srv/empty yet."), "\(text)")
        #expect(text.contains("/srv/empty/instagram/posts-2026-11.csv"))
        #expect(text.contains("docs/DATA.md") && text.contains("kpitop demo"))
    }

    @Test func engineProblemsShowInTheHeaderNotAsRejectedRows() {
        var model = SampleData.model(width: 160, height: 40)
        var status = SampleData.status
        status.problems = [.notWatching(reason: "inotify_init1 failed (errno 24)")]
        model.update(snapshot: SampleData.snapshot(), status: status)
        let header = model.render(width: 160, height: 40, now: SampleData.now).lines[0]
        #expect(header.contains("not following changes: inotify_init1 failed (errno 24)"), "\(header)")
    }

    @Test func theExportOfAPlatformPageHasItsKPIsAndItsPosts() throws {
        var model = SampleData.model()
        for key: Key in [.character("5"), .enter, .tab, .character("e")] { _ = model.handle(key) }
        let export = try #require(model.takeEffects().compactMap { effect -> ViewExport? in
            if case .save(let export) = effect { return export }
            return nil
        }.first)
        #expect(export.name == "kpitop-facebook-28d-2026-11-23")
        #expect(export.markdown.hasPrefix("# kpitop: facebook\n\n28 days, 2026-10-27..2026-11-23 (UTC), compared with"))
        #expect(export.markdown.contains("### KPIs (facebook)") && export.markdown.contains("### Posts by interactions"))
        // The focused list (the posts) is the CSV, with the escape sequence of a title defused.
        let lines = export.csv.split(separator: "\r\n")
        #expect(lines.first == "platform,id,title,first_day,interactions,impressions,reach,clicks,conversions,revenue")
        #expect(lines.count == 13)
        #expect(!export.csv.contains("\u{1B}") && !export.markdown.contains("\u{1B}"))
    }
}
