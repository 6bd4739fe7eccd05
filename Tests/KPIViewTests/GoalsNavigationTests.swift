import KPIEngine
import Testing
@testable import KPIView

/// `g`, the arrows, Enter and Esc on the goals page, through the key map and the reducer.
@Suite struct GoalsNavigationTests {
    private func press(_ keys: Key..., on state: inout UIState) {
        for key in keys {
            if let action = KeyMap.action(for: key, in: state) { reduce(&state, action) }
        }
    }

    @Test func gOpensTheGoalsPageAndEscapeGoesBack() {
        var state = SampleData.state()
        press(.character("g"), on: &state)
        #expect(state.page.screen == .goals)
        #expect(Breadcrumb.segments(of: state.pages) == ["Overview", "Goals"])
        #expect(state.rowCount(area: 0) == SampleData.goals.count)
        press(.escape, on: &state)
        #expect(state.pages.map(\.screen) == [.overview])
    }

    @Test func enterOpensTheSelectedGoalsKPIOnItsPlatform() throws {
        var state = SampleData.state()
        press(.character("g"), .down, .down, .down, on: &state)
        let goal = SampleData.goals[3].goal
        press(.enter, on: &state)
        #expect(state.page.screen == .kpi(goal.kpi, platform: goal.platform))
        #expect(state.platformChoices[state.page.row] == goal.platform)
        #expect(Breadcrumb.segments(of: state.pages) == ["Overview", "Goals", goal.kpi.title])

        press(.escape, on: &state)
        #expect(state.page.screen == .goals)
        #expect(state.page.row == 3, "going back keeps the selected goal")
    }

    @Test func selectionStopsAtTheLastGoal() {
        var state = SampleData.state()
        press(.character("g"), on: &state)
        for _ in 0..<20 { press(.down, on: &state) }
        #expect(state.page.row == SampleData.goals.count - 1)
        press(.up, on: &state)
        #expect(state.page.row == SampleData.goals.count - 2)
    }

    @Test func gReturnsToTheGoalsPageInsteadOfStackingAnother() {
        var state = SampleData.state()
        press(.character("g"), .down, .enter, on: &state)
        #expect(state.pages.count == 3)
        press(.character("g"), on: &state)
        #expect(state.pages.map(\.screen) == [.overview, .goals])
        #expect(state.page.row == 1)
        press(.character("g"), on: &state)
        #expect(state.pages.map(\.screen) == [.overview, .goals], "g on the goals page stays there")
    }

    @Test func gFromAPlatformComesBackToThePlatform() {
        var state = SampleData.state()
        press(.character("5"), .enter, .character("g"), on: &state)
        #expect(state.pages.map(\.screen) == [.overview, .platform("facebook"), .goals])
        press(.escape, on: &state)
        #expect(state.page.screen == .platform("facebook"))
    }

    @Test func enterWithoutGoalsStaysOnTheGoalsPage() {
        var state = SampleData.state()
        state.snapshot = SampleData.snapshot(withGoals: false)
        press(.character("g"), .down, .enter, on: &state)
        #expect(state.pages.map(\.screen) == [.overview, .goals])
        #expect(state.page.row == 0)
    }

    @Test func clickingAGoalSelectsItThenOpensIt() throws {
        var model = SampleData.model(width: 120, height: 40)
        _ = model.handle(.character("g"))
        let screen = model.render(width: 120, height: 40, now: SampleData.now).lines
        let row = try #require(screen.firstIndex { $0.contains("TikTok followers") })
        _ = model.handle(.click(x: 10, y: row))
        _ = model.handle(.click(x: 10, y: row))
        let opened = model.render(width: 120, height: 40, now: SampleData.now).lines
        #expect(opened[1].hasPrefix("Overview › Goals › Followers"), "\(opened[1])")
    }
}
