import KPIEngine
import Testing
@testable import KPIView

/// Keys through the key map and the reducer: drill-down and back, panels, overlays, windows,
/// themes, filters and sorting, as a person presses them.
@Suite struct NavigationTests {
    /// The sample state after pressing `keys` in order.
    private func state(after keys: [Key], from start: UIState = SampleData.state()) -> UIState {
        var state = start
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { reduce(&state, action) }
        }
        return state
    }

    @Test func enterOnAPanelRowOpensThatKPIAndEscapeComesBack() {
        let drilled = state(after: [.character("2"), .down, .enter])
        #expect(drilled.page.screen == .kpi(.engagementRate, platform: KPISnapshot.allPlatforms))
        #expect(drilled.pages.count == 2)
        for backKey in [Key.escape, .backspace, .character("h")] {
            let back = state(after: [backKey], from: drilled)
            #expect(back.page.screen == .overview)
            #expect(back.page.focus == 1 && back.page.row == 1, "the overview keeps its selection")
        }
    }

    @Test func platformRowOpensThePlatformAndItsKPIListOpensAKPI() {
        let platform = state(after: [.character("5"), .down, .enter])
        #expect(platform.page.screen == .platform("instagram"))
        let kpi = state(after: [.down, .down, .enter], from: platform)
        #expect(kpi.page.screen == .kpi(KPI.allCases[2], platform: "instagram"))
        #expect(kpi.pages.map(\.screen) == [.overview, .platform("instagram"), .kpi(KPI.allCases[2], platform: "instagram")])
        #expect(state(after: [.escape, .escape], from: kpi).page.screen == .overview)
        #expect(state(after: [.escape, .escape, .escape], from: kpi).pages.count == 1, "back stops at the overview")
    }

    @Test func tabCyclesAreasAndArrowsMoveAcrossTheGrid() {
        #expect(state(after: [.tab]).page.focus == 1)
        #expect(state(after: [.backTab]).page.focus == 4)
        #expect(state(after: [.tab, .tab, .tab, .tab, .tab]).page.focus == 0)
        #expect(state(after: [.right]).page.focus == 1)
        #expect(state(after: [.character("4"), .left]).page.focus == 2)
        #expect(state(after: [.right, .left]).page.focus == 0)
    }

    @Test func selectionStaysInsideTheList() {
        #expect(state(after: [.up, .up]).page.row == 0)
        let panelRows = OverviewArea.reach.kpis.count
        #expect(state(after: Array(repeating: .down, count: panelRows + 5)).page.row == panelRows - 1)
        #expect(state(after: [.end]).page.row == panelRows - 1)
        #expect(state(after: [.end, .home]).page.row == 0)
    }

    @Test func platformPickerNarrowsTheDashboardToOnePlatform() {
        let picked = state(after: [.character("p"), .down, .down, .enter])
        #expect(picked.overlay == nil)
        #expect(picked.platformFilter == "instagram")
        #expect(picked.page.screen == .platform("instagram"))
        let all = state(after: [.character("p"), .home, .enter], from: picked)
        #expect(all.platformFilter == KPISnapshot.allPlatforms)
        #expect(all.pages.count == 1)
    }

    @Test func overlaysOpenAndCloseWithTheirKeyOrEscape() {
        #expect(state(after: [.character("?")]).overlay == .help)
        #expect(state(after: [.character("?"), .character("?")]).overlay == nil)
        #expect(state(after: [.character("?"), .escape]).overlay == nil)
        #expect(state(after: [.character("r")]).overlay == .rejections)
        #expect(state(after: [.character("r"), .character("r")]).overlay == nil)
        #expect(state(after: [.character("?"), .enter]).pages.count == 1, "Enter on help does not drill down")
    }

    @Test func windowAndThemeCycle() {
        #expect(state(after: [.character("w")]).window == .days(90))
        #expect(state(after: [.character("w"), .character("w")]).window == .all)
        #expect(state(after: [.character("w"), .character("w"), .character("w")]).window == .days(1))
        #expect(state(after: [.character("t")]).themeIndex == 1)
        #expect(state(after: [.character("t"), .character("t"), .character("t")]).themeIndex == 0)
    }

    @Test func filterTypesIntoThePostsListAndEscapeDropsIt() {
        let platform = state(after: [.character("5"), .enter])
        let typing = state(after: [.character("/"), .character("g"), .character("i"), .character("v")], from: platform)
        #expect(typing.isEditingFilter)
        #expect(typing.filter == "giv")
        #expect(typing.page.focus == PlatformArea.posts.rawValue)
        #expect(typing.visiblePosts(of: "facebook").allSatisfy { ($0.title ?? $0.id).lowercased().contains("giv") })
        #expect(state(after: [.character("q")], from: typing).quitRequested == false, "q is typed, not quit")
        let kept = state(after: [.enter], from: typing)
        #expect(!kept.isEditingFilter && kept.filter == "giv")
        let dropped = state(after: [.escape], from: typing)
        #expect(!dropped.isEditingFilter && dropped.filter.isEmpty)
    }

    @Test func sortCyclesOnlyOnAPlatformPage() {
        #expect(state(after: [.character("s")]).postSort == .interactions)
        let platform = state(after: [.character("5"), .enter, .character("s")])
        #expect(platform.postSort == PostSort.interactions.next)
    }

    @Test func quitKeys() {
        #expect(state(after: [.character("q")]).quitRequested)
        #expect(state(after: [.interrupt]).quitRequested)
        #expect(state(after: [.character("?"), .character("q")]).quitRequested)
    }
}
