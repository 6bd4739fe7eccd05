import Foundation
import KPIEngine
import KPITerminal
import KPIView
import Testing

/// The app loop through a fake terminal and a fake engine, as bubbletea's test program or
/// ratatui's TestBackend drive theirs: keys, mouse, resizes, wake-ups, snapshots, signals
/// and quitting, asserted on the frames drawn and the requests sent.
@MainActor
@Suite struct DashboardLoopTests {
    /// The row of `screen` that contains `text`, and its index.
    private func row(containing text: String, in screen: String) -> (index: Int, line: String)? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.firstIndex { $0.contains(text) }.map { ($0, lines[$0]) }
    }

    /// The text of the selected rows (marked `▶`).
    private func selected(_ screen: String) -> [String] {
        screen.split(separator: "\n").filter { $0.contains("▶") }.map(String.init)
    }

    @Test func theFirstFrameHasTheTerminalsSize() {
        let screen = FakeScreen(width: 100, height: 30)
        let (status, model) = LoopWorld().run(screen, source: FakeSnapshotSource(snapshot: LoopFixture.snapshot()))
        #expect(status == DashboardLoop.hangUpStatus, "a terminal that hangs up ends the loop with 129")
        let first = try! #require(screen.frames.first)
        #expect(first.width == 100 && first.height == 30)
        #expect(model.size == (100, 30))
        #expect(screen.screen.contains("Impressions"))
    }

    @Test func aClickOnTheFirstFrameSelectsTheRowUnderIt() throws {
        let source = FakeSnapshotSource(snapshot: LoopFixture.snapshot())
        // Where "Reach" is on the first frame (the same layout at the same size).
        let probe = FakeScreen(width: 120, height: 40)
        _ = LoopWorld().run(probe, source: source)
        let reach = try #require(row(containing: "│  Reach", in: probe.screen))
        let screen = FakeScreen(width: 120, height: 40, script: [.keys([.click(x: 5, y: reach.index)])])
        _ = LoopWorld().run(screen, source: source)
        #expect(selected(screen.screen).contains { $0.contains("Reach") }, "\(screen.screen)")
    }

    @Test func aDoubleClickOpensWhatItLandsOn() throws {
        let source = FakeSnapshotSource(snapshot: LoopFixture.snapshot())
        let probe = FakeScreen(width: 120, height: 40)
        _ = LoopWorld().run(probe, source: source)
        let reach = try #require(row(containing: "│  Reach", in: probe.screen))
        let screen = FakeScreen(width: 120, height: 40, script: [.keys([.doubleClick(x: 5, y: reach.index)])])
        _ = LoopWorld().run(screen, source: source)
        #expect(screen.screen.contains("Reach by platform"), "\(screen.screen)")
    }

    @Test func pageDownMovesAWholePageBeforeAnyResize() {
        let screen = FakeScreen(width: 120, height: 40, script: [.keys([.pageDown])])
        _ = LoopWorld().run(screen, source: FakeSnapshotSource(snapshot: LoopFixture.snapshot()))
        // Half of 40 rows is more than the Reach panel has: the selection reaches its end.
        #expect(selected(screen.screen).first?.contains("Share of voice") == true, "\(screen.screen)")
    }

    @Test func theWheelMovesTheSelectionOfTheListUnderThePointer() throws {
        let source = FakeSnapshotSource(snapshot: LoopFixture.snapshot())
        let probe = FakeScreen(width: 120, height: 40)
        _ = LoopWorld().run(probe, source: source)
        let likes = try #require(row(containing: "Interactions", in: probe.screen))
        let x = try #require(likes.line.range(of: "Interactions")).lowerBound.utf16Offset(in: likes.line)
        let screen = FakeScreen(width: 120, height: 40, script: [.keys([.wheel(x: x, y: likes.index, lines: 3)])])
        _ = LoopWorld().run(screen, source: source)
        #expect(selected(screen.screen).first?.contains("CTR") == true, "\(screen.screen)")
    }

    @Test func aResizeRedrawsAtTheNewSize() {
        let screen = FakeScreen(width: 120, height: 40, script: [.resize(width: 80, height: 24)])
        let (_, model) = LoopWorld().run(screen, source: FakeSnapshotSource(snapshot: LoopFixture.snapshot()))
        #expect(screen.frames.last.map { ($0.width, $0.height) } ?? (0, 0) == (80, 24))
        #expect(model.size == (80, 24))
    }

    @Test func qQuitsWithStatusZeroAtOnce() {
        let screen = FakeScreen(script: [.keys([.character("q")]), .keys([.character("w")])])
        let (status, _) = LoopWorld().run(screen, source: FakeSnapshotSource(snapshot: LoopFixture.snapshot()))
        #expect(status == 0)
        #expect(screen.waits.count == 1, "the loop went on after q")
    }

    nonisolated static let signalStatuses: [(signal: Int32, status: Int32)] = [(SIGINT, 0), (SIGTERM, 0), (SIGQUIT, 0), (SIGHUP, 129)]

    @Test(arguments: signalStatuses)
    func signalsEndTheLoopWithTheirStatus(signal: Int32, expected: Int32) {
        let world = LoopWorld()
        let screen = FakeScreen(script: [.run { world.signal = signal }, .keys([.character("w")])])
        let (status, _) = world.run(screen, source: FakeSnapshotSource(snapshot: LoopFixture.snapshot()))
        #expect(status == expected)
        #expect(screen.waits.count == 1, "the loop went on after signal \(signal)")
    }

    @Test func theEngineIsAskedForTheModelsChoiceWheneverItChanges() throws {
        let source = FakeSnapshotSource(snapshot: LoopFixture.snapshot())
        let screen = FakeScreen(width: 120, height: 40, script: [
            .keys([.character("w")]), .keys([.character("[")]), .keys([.character(".")]),
            // The platform page, its posts list, the first post.
            .keys([.character("5"), .enter, .tab, .enter]),
        ])
        _ = LoopWorld().run(screen, source: source)
        let requests = source.requests
        try #require(requests.count == 5, "\(requests)")
        #expect(requests[0] == ViewChoice(window: .days(28)))
        #expect(requests[1] == ViewChoice(window: .days(90)))
        #expect(requests[2] == ViewChoice(window: .days(90), asOf: LoopFixture.anchor.adding(days: -1)))
        #expect(requests[3] == ViewChoice(window: .days(90)))
        #expect(requests[4].post == PostReference(platform: "instagram", id: "p0"))
    }

    @Test func aNewSnapshotIsDrawnAndAnUnchangedOneIsNot() {
        let source = FakeSnapshotSource(snapshot: LoopFixture.snapshot(impressions: 1000))
        let world = LoopWorld()
        let screen = FakeScreen(width: 120, height: 40, script: [
            .run {},  // a wake-up with nothing new, within the same second
            .run { source.publish(LoopFixture.snapshot(impressions: 5_000_000)) },
        ])
        _ = world.run(screen, source: source)
        #expect(screen.frames.count == 2, "drew \(screen.frames.count) frames")
        #expect(screen.frames.first?.text.contains("5.0M") == false)
        #expect(screen.screen.contains("5.0M"), "\(screen.screen)")
    }

    @Test func anIdleLoopSleepsUntilTheNextTickOfTheClock() {
        let world = LoopWorld()
        let screen = FakeScreen(script: [.run { world.now += 500 }])
        _ = world.run(screen, source: FakeSnapshotSource(snapshot: LoopFixture.snapshot()))
        // The clock starts half a second into a second: 500 ms to the next tick, then 1000.
        #expect(screen.waits == [500, 1000])
    }

    @Test func pauseHoldsNewSnapshotsBackUntilResumed() {
        let source = FakeSnapshotSource(snapshot: LoopFixture.snapshot(impressions: 1000))
        let screen = FakeScreen(width: 120, height: 40, script: [
            .keys([.character("z")]),
            .run { source.publish(LoopFixture.snapshot(impressions: 5_000_000)) },
        ])
        let world = LoopWorld()
        var loop = DashboardLoop(screen: screen, source: source, model: LoopFixture.model(), services: world.services)
        _ = loop.run()
        let during = screen.screen
        #expect(during.contains("PAUSED"), "\(during)")
        #expect(!during.contains("5.0M"), "a paused dashboard showed new data:\n\(during)")

        let resumed = FakeScreen(width: 120, height: 40, script: [.keys([.character("z")])])
        var again = DashboardLoop(screen: resumed, source: source, model: loop.model, services: world.services)
        _ = again.run()
        #expect(resumed.screen.contains("5.0M") && !resumed.screen.contains("PAUSED"), "\(resumed.screen)")
    }

    @Test func aWindowChosenWhilePausedIsStillShown() {
        let source = FakeSnapshotSource(snapshot: LoopFixture.snapshot())
        let screen = FakeScreen(width: 120, height: 40, script: [
            .keys([.character("z"), .character("w")]),
            .run { source.publish(LoopFixture.snapshot(window: .days(90))) },
        ])
        _ = LoopWorld().run(screen, source: source)
        #expect(screen.screen.contains("90d 2026-08-26..2026-11-23"), "\(screen.screen)")
    }

    @Test func theBellRingsForANewBreachWhenAsked() {
        let breach = AlertRule(kpi: .impressions, bound: .above, limit: 10)
        let source = FakeSnapshotSource(snapshot: LoopFixture.snapshot())
        let screen = FakeScreen(script: [.run { source.publish(LoopFixture.snapshot(alerts: [breach])) }, .run {}])
        _ = LoopWorld().run(screen, source: source, model: LoopFixture.model(bell: true))
        #expect(screen.bells == 1)
    }

    @Test func eSavesTheViewAndSaysWhere() throws {
        let world = LoopWorld()
        let screen = FakeScreen(width: 120, height: 40, script: [.keys([.character("e")])])
        _ = world.run(screen, source: FakeSnapshotSource(snapshot: LoopFixture.snapshot()))
        let export = try #require(world.saved.first)
        #expect(export.name == "kpitop-all-platforms-28d-2026-11-23")
        #expect(export.markdown.contains("| Impressions | 2,000 |"), "\(export.markdown)")
        #expect(export.csv.hasPrefix("kpi,value,previous,change\r\nimpressions,2000,900,"), "\(export.csv)")
        #expect(screen.screen.contains("saved kpitop-all-platforms-28d-2026-11-23.md and .csv in /tmp"))
    }

    @Test func aFailedSaveSaysWhy() {
        struct Refused: Error, CustomStringConvertible { var description: String { "cannot write to /ro" } }
        let world = LoopWorld()
        world.saveError = Refused()
        let screen = FakeScreen(width: 120, height: 40, script: [.keys([.character("e")])])
        _ = world.run(screen, source: FakeSnapshotSource(snapshot: LoopFixture.snapshot()))
        #expect(screen.screen.contains("not saved: cannot write to /ro"), "\(screen.screen)")
    }

    @Test func theThemesNameShowsForAMomentAndTheChoiceIsRemembered() throws {
        let themes = [ThemeLoader.builtInDefault, Theme(name: "Nord") { _ in RGB(1, 2, 3) }]
        let world = LoopWorld()
        let screen = FakeScreen(width: 120, height: 40, script: [
            .keys([.character("t")]),
            .run { world.now += DashboardModel.noticeDuration + 1 },
        ])
        let source = FakeSnapshotSource(snapshot: LoopFixture.snapshot())
        var loop = DashboardLoop(screen: screen, source: source, model: LoopFixture.model(themes: themes),
                                 services: world.services)
        _ = loop.run()
        let shown = try #require(screen.frames.dropLast().last?.text)
        #expect(shown.contains("theme: Nord"), "\(shown)")
        #expect(!screen.screen.contains("theme: Nord"), "the notice stayed:\n\(screen.screen)")
        #expect(screen.waits[1] <= Int32(DashboardModel.noticeDuration), "the loop slept past the notice's end")
        #expect(world.remembered.last == SavedChoices(window: .days(28), theme: "Nord", platform: "all"))
    }

    @Test func anUnreadableDirectoryFillsTheScreenUntilItAppears() {
        var missing = LoopFixture.status
        missing.problems = [.unreadableDirectory(path: "/srv/kpi", reason: "no such directory")]
        let source = FakeSnapshotSource(snapshot: nil, status: missing)
        let world = LoopWorld()
        let screen = FakeScreen(width: 100, height: 30, script: [
            .run { world.now += 1000 },
            .run { source.publish(LoopFixture.snapshot(), status: LoopFixture.status) },
        ])
        _ = world.run(screen, source: source)
        let first = screen.frames.first?.text ?? ""
        #expect(first.contains("kpitop cannot read the data directory") && first.contains("/srv/kpi")
                && first.contains("(no such directory)"), "\(first)")
        #expect(screen.screen.contains("Impressions"), "\(screen.screen)")
    }

    @Test func aPickedBrandReplacesTheEngineAndGetsTheViewAtOnce() throws {
        let world = LoopWorld()
        let globex = FakeSnapshotSource(snapshot: nil, status: EngineStatus(dataDirectory: "/srv/globex"))
        world.brandSources = ["globex": globex]
        let acme = FakeSnapshotSource(snapshot: LoopFixture.snapshot())
        let screen = FakeScreen(width: 120, height: 40, script: [
            .keys([.character("w"), .character("Y")]),
            .keys([.character("B"), .down, .enter]),
            .run { globex.publish(LoopFixture.snapshot(impressions: 7_777),
                                  status: EngineStatus(dataDirectory: "/srv/globex", updatedAt: LoopFixture.start)) },
            .run {},
        ])
        let model = DashboardModel(themes: [ThemeLoader.builtInDefault], options: RenderOptions(),
                                   dataDirectory: "/srv/acme", brands: ["acme", "globex"], brand: "acme")
        let (_, ended) = world.run(screen, source: acme, model: model)
        #expect(world.openedBrands == ["globex"])
        #expect(ended.brand == "globex")
        // The new engine was told the window and comparison chosen before the switch.
        let request = try #require(globex.requests.first)
        #expect(request.window == .days(90) && request.comparison == .yearBefore, "\(globex.requests)")
        #expect(acme.requests.count >= 2)
        #expect(screen.screen.contains("brand globex") && screen.screen.contains("7,777"), "\(screen.screen)")
    }

    @Test func aBrandThatCannotBeOpenedKeepsTheEngineAndSaysWhy() {
        let world = LoopWorld()
        let acme = FakeSnapshotSource(snapshot: LoopFixture.snapshot())
        let screen = FakeScreen(width: 120, height: 40, script: [.keys([.character("B"), .down, .enter])])
        let model = DashboardModel(themes: [ThemeLoader.builtInDefault], options: RenderOptions(),
                                   dataDirectory: "/srv/acme", brands: ["acme", "globex"], brand: "acme")
        let (_, ended) = world.run(screen, source: acme, model: model)
        #expect(ended.brand == "acme")
        #expect(screen.screen.contains("brand globex not opened: the config file has no [brands]"), "\(screen.screen)")
    }
}
