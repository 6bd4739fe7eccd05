import KPIEngine
import SnapshotTesting
import Testing
@testable import KPIView

/// Whole screens as text, compared with the files in `__Snapshots__` (recorded once; any
/// change of content fails until the snapshot is deliberately re-recorded).
@Suite struct ScreenSnapshotTests {
    static let sizes = [(120, 40), (80, 24), (40, 12)]

    private func assertScreens(_ keys: [Key], options: RenderOptions = RenderOptions(), withGoals: Bool = true,
                               goalProblems: [ConfigProblem] = [], testName: String = #function) {
        for (width, height) in Self.sizes {
            var model = SampleData.model(width: width, height: height, options: options, withGoals: withGoals,
                                         goalProblems: goalProblems)
            for key in keys { _ = model.handle(key) }
            let buffer = model.render(width: width, height: height, now: SampleData.now)
            assertSnapshot(of: buffer.text, as: .lines, named: "\(width)x\(height)", testName: testName)
        }
    }

    @Test func overview() { assertScreens([]) }

    @Test func overviewWithEngagementPanelFocused() { assertScreens([.tab, .down, .down]) }

    @Test func platformDrillDown() { assertScreens([.character("5"), .down, .enter]) }

    @Test func kpiDrillDown() { assertScreens([.character("3"), .end, .up, .up, .enter]) }

    @Test func helpOverlay() { assertScreens([.character("?")]) }

    @Test func rejectedRows() { assertScreens([.character("r")]) }

    @Test func platformPicker() { assertScreens([.character("p")]) }

    @Test func asciiMode() { assertScreens([], options: RenderOptions(asciiOnly: true, noColor: true)) }

    @Test func asciiPlatformDrillDown() {
        assertScreens([.character("5"), .enter], options: RenderOptions(asciiOnly: true, noColor: true))
    }

    @Test func goalsView() { assertScreens([.character("g"), .down]) }

    @Test func goalsViewWithProblems() {
        assertScreens([.character("g")], goalProblems: SampleData.goalProblems)
    }

    @Test func asciiGoalsView() {
        assertScreens([.character("g")], options: RenderOptions(asciiOnly: true, noColor: true),
                      goalProblems: SampleData.goalProblems)
    }

    @Test func noGoals() { assertScreens([.character("g")], withGoals: false) }

    @Test func goalKPIDrillDown() { assertScreens([.character("g"), .down, .down, .down, .enter]) }

    @Test func tooSmallTerminal() {
        let model = SampleData.model(width: 25, height: 7)
        for (width, height) in [(25, 7), (12, 3), (29, 20)] {
            let buffer = model.render(width: width, height: height, now: SampleData.now)
            assertSnapshot(of: buffer.text, as: .lines, named: "\(width)x\(height)")
        }
    }

    @Test func loadingWithoutSnapshot() {
        var model = DashboardModel(themes: [ThemeLoader.builtInDefault], options: RenderOptions(),
                                   dataDirectory: "data")
        let progress = LoadProgress(filesDone: 3, filesTotal: 10, bytesDone: 120_400_000, bytesTotal: 286_000_000)
        model.update(snapshot: nil, status: EngineStatus(dataDirectory: "data", isDemo: true, loading: progress))
        assertSnapshot(of: model.render(width: 80, height: 24, now: SampleData.now).text, as: .lines)
    }

    /// The screen while a load is at `progress`, showing `provisional` numbers (the sample
    /// snapshot) or none.
    private func loadingScreen(_ progress: LoadProgress, provisional: ProvisionalNumbers?) -> String {
        var model = SampleData.model(width: 120, height: 40)
        var status = EngineStatus(dataDirectory: "data", isDemo: false, loading: progress)
        status.provisional = provisional
        model.update(snapshot: provisional == nil ? nil : SampleData.snapshot(), status: status)
        return model.render(width: 120, height: 40, now: SampleData.now).text
    }

    /// The numbers of a first look, while the rest of a large directory loads, say they are partial.
    @Test func loadingWithPartialNumbers() {
        let progress = LoadProgress(filesDone: 0, filesTotal: 5, bytesDone: 185_000_000, bytesTotal: 545_000_000)
        let screen = loadingScreen(progress, provisional: .firstLook)
        #expect(screen.contains("loading 33% (partial numbers) · 0/5 files · 185 MB of 545 MB ███"))
        #expect(screen.contains("Impressions"))
    }

    /// Before the bytes are counted (thousands of files are not stat-ed for it), only files are.
    @Test func filesCountedBeforeTheirBytes() {
        let progress = LoadProgress(filesDone: 0, filesTotal: 20_000, bytesDone: 0, bytesTotal: 0)
        #expect(loadingScreen(progress, provisional: nil).contains("loading 0/20000 files 0% ░"))
        let screen = loadingScreen(progress, provisional: .firstLook)
        #expect(screen.contains("loading 0% (partial numbers) · 0/20000 files ░"))
        #expect(!screen.contains("0 B of 0 B"))
    }

    /// The last run's numbers, shown at a restart while the files kept are restored, say so too.
    @Test func lastRunsNumbersBeforeTheFilesAreCounted() {
        let progress = LoadProgress(filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0)
        #expect(loadingScreen(progress, provisional: nil).contains("loading: listing the data directory ░"))
        let screen = loadingScreen(progress, provisional: .lastRun)
        #expect(screen.contains("loading (last run's numbers, files unchanged) · restoring the files kept ░"))
        #expect(screen.contains("Impressions"))
    }
}
