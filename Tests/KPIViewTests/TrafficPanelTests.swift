import KPIEngine
import SnapshotTesting
import Testing
@testable import KPIView

/// The Traffic panel (website traffic from social, Google Analytics): on the overview only
/// when the data has traffic, with the site's other sessions on `all`; reached with `6`, Tab
/// and the arrows like the other panels; its KPIs drill down per platform.
@Suite struct TrafficPanelTests {
    private func model(width: Int = 120, height: Int = 40, withTraffic: Bool = true) -> DashboardModel {
        var model = DashboardModel(themes: [ThemeLoader.builtInDefault], options: RenderOptions(),
                                   dataDirectory: "~/kpi-data")
        model.update(snapshot: SampleData.snapshot(withTraffic: withTraffic), status: SampleData.status)
        _ = model.handle(.resize(width: width, height: height))
        return model
    }

    private func screen(_ keys: [Key] = [], width: Int = 120, height: Int = 40, withTraffic: Bool = true) -> Buffer {
        var model = model(width: width, height: height, withTraffic: withTraffic)
        for key in keys { _ = model.handle(key) }
        return model.render(width: width, height: height, now: SampleData.now)
    }

    /// The sample state (with traffic) after pressing `keys`.
    private func state(after keys: [Key], withTraffic: Bool = true) -> UIState {
        var state = SampleData.state()
        state.snapshot = SampleData.snapshot(withTraffic: withTraffic)
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { reduce(&state, action) }
        }
        return state
    }

    @Test func overviewScreens() {
        for (width, height) in [(120, 40), (80, 24), (40, 12)] {
            assertSnapshot(of: screen(width: width, height: height).text, as: .lines, named: "\(width)x\(height)")
        }
        // At 80x24 the list and the Traffic panel take the lower half while one has the focus.
        assertSnapshot(of: screen([.character("6")], width: 80, height: 24).text, as: .lines, named: "focused-80x24")
    }

    @Test func thePanelListsTheTrafficKPIsAndTheSessionsFromOtherSources() throws {
        let buffer = screen()
        let title = try #require(buffer.find("6 Traffic"), "\(buffer.text)")
        for kpi in KPI.all(in: .traffic) {
            let label = try #require(buffer.find(kpi.title, rows: title.y..<buffer.height), "\(kpi.title)\n\(buffer.text)")
            #expect(label.x > title.x - 4, "\(kpi.title) is in the Traffic panel")
        }
        let sessions = ValueFormat.format(SampleData.snapshot(withTraffic: true).value(.sessions).value, unit: .count)
        #expect(buffer.find(sessions, inRowWith: "Sessions") != nil, "\(buffer.text)")
        let notSocial = try #require(buffer.find("not social: 2,968 sessions · 42.9% bounce"), "\(buffer.text)")
        #expect(notSocial.y > title.y)
        // The platform list keeps its place left of the panel.
        let platforms = try #require(buffer.find("5 Platforms"))
        #expect(platforms.y == title.y && platforms.x < title.x)
    }

    @Test func withoutTrafficDataTheOverviewIsAsBefore() {
        let buffer = screen(withTraffic: false)
        #expect(buffer.find("Traffic") == nil)
        #expect(buffer.find("not social") == nil)
        #expect(buffer.find("5 Platforms") != nil)
        #expect(state(after: [.character("6")], withTraffic: false).page.focus == 0, "6 means nothing then")
        #expect(state(after: [.backTab], withTraffic: false).page.focus == OverviewArea.platforms.rawValue)
    }

    @Test func onOnePlatformTheOtherSourcesAreNotShown() throws {
        let buffer = screen([.character("p"), .down, .enter, .escape])
        #expect(buffer.find("6 Traffic") != nil, "\(buffer.text)")
        #expect(buffer.find("not social") == nil, "\(buffer.text)")
    }

    @Test func tabAndArrowsReachThePanelBesideThePlatformList() {
        #expect(state(after: [.character("6")]).page.focus == OverviewArea.traffic.rawValue)
        #expect(state(after: [.backTab]).page.focus == OverviewArea.traffic.rawValue)
        #expect(state(after: Array(repeating: .tab, count: 6)).page.focus == 0)
        #expect(state(after: [.character("5"), .right]).page.focus == OverviewArea.traffic.rawValue)
        #expect(state(after: [.character("6"), .left]).page.focus == OverviewArea.platforms.rawValue)
        #expect(state(after: [.character("6"), .end]).page.row == KPI.all(in: .traffic).count - 1)
    }

    @Test func aTrafficKPIDrillsDownPerPlatformWithTheOtherSourcesUnderIt() throws {
        let kpi = state(after: [.character("6"), .down, .down, .enter])
        #expect(kpi.page.screen == .kpi(.bounceRate, platform: KPISnapshot.allPlatforms))
        let buffer = screen([.character("6"), .enter])
        #expect(buffer.find("Sessions by platform") != nil, "\(buffer.text)")
        for platform in SampleData.platforms { #expect(buffer.find(platform, inRowWith: "%") != nil) }
        #expect(buffer.find("not social: 2,968 sessions") != nil, "\(buffer.text)")
        // A platform of it opens that platform's page, where the traffic KPIs are listed too.
        let platform = state(after: [.down, .enter], from: kpi)
        #expect(platform.page.screen == .platform("facebook"))
    }

    @Test func theTrafficPanelGoesWhenItsDataGoes() {
        var model = model()
        _ = model.handle(.character("6"))
        model.update(snapshot: SampleData.snapshot(withTraffic: false), status: SampleData.status)
        let buffer = model.render(width: 120, height: 40, now: SampleData.now)
        #expect(buffer.find("Traffic") == nil)
        // The focus went back to the first panel: Enter opens one of its KPIs.
        _ = model.handle(.enter)
        #expect(model.render(width: 120, height: 40, now: SampleData.now).find("Impressions by platform") != nil)
    }

    private func state(after keys: [Key], from start: UIState) -> UIState {
        var state = start
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { reduce(&state, action) }
        }
        return state
    }
}
