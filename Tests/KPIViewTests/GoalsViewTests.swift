import KPIEngine
import Testing
@testable import KPIView

/// The parts of the goals page and the goal markers: columns by width, the gauge, the tone
/// of each status, and which goals mark which KPI row.
@Suite struct GoalsViewTests {
    private let sheet = StyleSheet(theme: ThemeLoader.builtInDefault, options: RenderOptions())

    @Test(arguments: [26, 36, 60, 76, 116, 160])
    func narrowTablesKeepNameGaugeAndStatus(width: Int) {
        let shown = GoalsTable.columns(for: SampleData.goals, width: width, ascii: false)
        #expect([.name, .gauge, .status].allSatisfy(shown.map(\.0).contains))
        // Every chosen column fits: the table leaves none out on the right.
        let layout = Canvas.columnLayout(shown.map { TableColumn(title: "", width: $0.1) }, width: width)
        #expect(layout.count == shown.count)
    }

    @Test func wideTablesShowEveryColumn() {
        let columns = GoalsTable.columns(for: SampleData.goals, width: 160, ascii: false).map(\.0)
        // "baseline to target" only when a goal is relative; the sample goals are absolute.
        #expect(columns == GoalsTable.Column.allCases.filter { $0 != .baseline })
    }

    @Test func asciiGaugeFillsWithHashesOverDashes() {
        var canvas = Canvas(width: 10, height: 1, sheet: StyleSheet(theme: ThemeLoader.builtInDefault,
                                                                    options: RenderOptions(asciiOnly: true)))
        canvas.gauge(0.47, x: 0, y: 0, width: 10, style: .plain, track: .plain)
        #expect(canvas.buffer.text == "####------")
    }

    @Test func unicodeGaugeRoundsDownSoOnlyAMetGoalIsFull() {
        var canvas = Canvas(width: 4, height: 1, sheet: sheet)
        canvas.gauge(0.999, x: 0, y: 0, width: 4, style: .plain, track: .plain)
        #expect(canvas.buffer.text == "███▉")
        canvas.gauge(1, x: 0, y: 0, width: 4, style: .plain, track: .plain)
        #expect(canvas.buffer.text == "████")
    }

    @Test func statusesReadAsGoodWarningOrBad() {
        #expect(SampleData.goals.map { GoalTone($0.status) } == [.warning, .good, .good, .bad, .bad, .warning])
        #expect(SampleData.goals.map(\.status) == [.atRisk, .met, .onTrack, .offTrack, .expired, .atRisk])
    }

    @Test func progressReadsValueOfTarget() {
        #expect(GoalText.progress(SampleData.goals[0], ascii: false) == "4.70% of ≥ 5.00%")
        #expect(GoalText.progress(SampleData.goals[1], ascii: true) == "$12.50 of <= $30.00")
        #expect(GoalText.daysLeft(SampleData.goals[4].daysLeft) == "ended 54d ago")
    }

    @Test func overviewMarksEveryGoalsKPIAndAPlatformOnlyItsOwn() {
        let snapshot = SampleData.snapshot()
        let all = KPIList(kpis: KPI.allCases, platform: KPISnapshot.allPlatforms, snapshot: snapshot)
        #expect(KPI.allCases.filter { !all.goals(on: $0).isEmpty }
            == [.impressions, .reach, .followers, .engagementRate, .cpa, .firstResponseP90Seconds])
        let instagram = KPIList(kpis: KPI.allCases, platform: "instagram", snapshot: snapshot)
        #expect(KPI.allCases.filter { !instagram.goals(on: $0).isEmpty } == [.engagementRate])
    }

    @Test func aMarkerTakesTheWorstStatusColour() throws {
        var snapshot = SampleData.snapshot()
        // An expired reach goal and a met one on the same KPI: the marker is bad.
        var met = SampleData.goals[4]
        met.status = .met
        snapshot.goals = [met, SampleData.goals[4]]
        let list = KPIList(kpis: [.reach], platform: KPISnapshot.allPlatforms, snapshot: snapshot)
        let marker = list.goalMarker(for: .reach, sheet: sheet)
        #expect(marker.map(\.text) == [" ◎"])
        #expect(marker.first?.style == sheet.style(for: GoalTone.bad, bold: true))
        #expect(list.goalMarker(for: .impressions, sheet: sheet).isEmpty)
    }

    @Test func problemsNameTheFileRelativeToTheDataDirectory() {
        let problem = ConfigProblem(file: "/data/goals.toml", line: 4, reason: "x")
        #expect(GoalProblemsList.location(of: problem, dataDirectory: "/data") == "goals.toml:4")
        #expect(GoalProblemsList.location(of: problem, dataDirectory: "/elsewhere") == "/data/goals.toml:4")
        let whole = ConfigProblem(file: "/data/goals.toml", line: 0, reason: "x")
        #expect(GoalProblemsList.location(of: whole, dataDirectory: "/data/") == "goals.toml")
    }
}
