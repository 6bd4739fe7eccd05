import Foundation
import Testing

/// How a person moves through the dashboard, in a real terminal (tmux): the mouse and PgDn
/// from the first frame, the post level, a small terminal, a wrong --data, Ctrl-\ and
/// TERM=dumb. Each test asserts what is on screen, not just that the screen changed.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct InteractionEndToEndTests {
    /// The overview, loaded: the header says when the data was updated (while the first load
    /// runs, a progress line pushes everything a row down).
    private static func showsAllPanels(_ screen: String) -> Bool {
        ["Reach", "Engagement", "Conversion", "Customer service", "updated"].allSatisfy(screen.contains)
    }

    /// The selected rows (marked `▶`).
    private static func selected(_ screen: String) -> [Substring] {
        screen.split(separator: "\n").filter { $0.contains("▶") }
    }

    /// The 0-based row of the first line containing `text`.
    private static func row(of text: String, in screen: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }
    }

    /// A click of button 1 at a cell, as a terminal reports it to ncurses (xterm's normal
    /// mouse mode, `kmous` of tmux-256color): press, then release.
    private static func click(x: Int, y: Int) -> String {
        let cell = String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
        return "\u{1B}[M " + cell + "\u{1B}[M#" + cell
    }

    private func open(_ fixture: DashboardFixture, width: Int = 120, height: Int = 40,
                      _ extra: String = "") throws -> TmuxSession {
        let session = try TmuxSession(command: "exec " + fixture.dashboardCommand(extra), width: width, height: height)
        let screen = try session.waitForScreen(Self.showsAllPanels)
        try #require(Self.showsAllPanels(screen), "dashboard did not open:\n\(screen)")
        return session
    }

    @Test func aClickBeforeAnyResizeSelectsTheRowUnderIt() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let session = try open(fixture)
        let screen = try session.screen()
        let reach = try #require(Self.row(of: "│  Reach ", in: screen), "no Reach row:\n\(screen)")
        try session.type(Self.click(x: 5, y: reach))
        let after = try session.waitForScreen { Self.selected($0).contains { $0.contains("Reach ") } }
        #expect(Self.selected(after).contains { $0.contains("Reach ") }, "the click did not select Reach:\n\(after)")
    }

    @Test func pageDownMovesAPageFromTheFirstFrame() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let session = try open(fixture)
        try session.press("PPage")  // nothing above: the selection stays on the first row
        try session.press("NPage")
        // Half of 40 rows is more than the Reach panel's 7: the selection reaches its last row.
        let after = try session.waitForScreen { Self.selected($0).contains { $0.contains("Share of voice") } }
        #expect(Self.selected(after).contains { $0.contains("Share of voice") }, "PgDn moved less than a page:\n\(after)")
    }

    @Test func enterOnAPostOpensItsPage() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try fixture.writePosts()
        let session = try open(fixture)
        // The platform list, instagram, its posts list, the first post.
        try session.press("5")
        let platforms = try session.waitForScreen { $0.contains("▶ instagram") }
        try #require(platforms.contains("▶ instagram"), "\(platforms)")
        try session.press("Enter")
        let posts = try session.waitForScreen { $0.contains("Posts by interactions (3)") }
        try #require(posts.contains("Posts by interactions (3)"), "no posts list:\n\(posts)")
        #expect(posts.contains("date"), "the posts list has no date column:\n\(posts)")
        try session.press("Tab", "Enter")
        let post = try session.waitForScreen { $0.contains("Engagement rate") && $0.contains("bakery next door") }
        #expect(post.contains("Autumn sale reel: the whole collection"), "no title:\n\(post)")
        #expect(post.contains("bakery next door"), "the title is not shown whole:\n\(post)")
        #expect(post.contains("first day \(DashboardFixture.day(offset: -3))"), "no first day:\n\(post)")
        #expect(post.contains("published \(DashboardFixture.day(offset: -3)) 14:05 · type Reels · id p1"),
                "no publish time or type:\n\(post)")
        #expect(post.contains("https://instagram.example/p/1"), "no link:\n\(post)")
        #expect(post.contains("CTR") && post.contains("2.00%"), "CTR = 60 / 3,000 not shown:\n\(post)")
        #expect(post.contains("Engagement rate") && post.contains("6.88%"), "ER = 165 / 2,400 not shown:\n\(post)")
        try session.press("Escape")
        let back = try session.waitForScreen { $0.contains("Posts by interactions (3)") }
        #expect(back.contains("Posts by interactions (3)"), "Esc did not go back to the posts:\n\(back)")
    }

    @Test func at80x24EveryScreenOpensWithoutACrash() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try fixture.writePosts()
        let session = try TmuxSession(command: "exec " + fixture.dashboardCommand(), width: 80, height: 24)
        let overview = try session.waitForScreen { $0.contains("Reach") && $0.contains("updated") }
        try #require(overview.contains("Reach"), "80x24 did not open:\n\(overview)")
        for keys in [["?"], ["Escape", "5", "Down", "Enter"], ["Tab", "Enter"], ["Escape", "Escape", "g"],
                     ["Escape", "a"], ["Escape", "W"], ["Escape", "p"], ["Escape", "r"]] {
            for key in keys { try session.press(key) }
            #expect(try session.commandIsRunning(), "the dashboard exited after \(keys)")
        }
        try session.press("Escape", "Escape", "Escape")
        func onOverview(_ screen: String) -> Bool {
            // The breadcrumb, under the header's one or two lines (today's line when there is room).
            screen.split(separator: "\n").dropFirst().prefix(2).contains { $0.trimmingCharacters(in: .whitespaces) == "Overview" }
        }
        let back = try session.waitForScreen(onOverview)
        #expect(onOverview(back), "not back on the overview:\n\(back)")
        #expect(try session.commandIsRunning())
    }

    @Test func aWrongDataDirectoryIsExplainedAndRecoversWhenItAppears() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let missing = fixture.dataDirectory.appendingPathComponent("exports")
        let session = try TmuxSession(
            command: "exec '\(DashboardFixture.executable.path)' --data '\(missing.path)' --config /dev/null")
        let message = try session.waitForScreen { $0.contains("cannot read the data directory") }
        #expect(message.contains("kpitop cannot read the data directory"), "\(message)")
        #expect(message.contains(missing.path) && message.contains("(no such directory)"), "\(message)")
        #expect(message.contains("kpitop --data DIR") && message.contains("kpitop demo"), "\(message)")

        try FileManager.default.createDirectory(at: missing.appendingPathComponent("x"), withIntermediateDirectories: true)
        try (DashboardFixture.header + "\(DashboardFixture.yesterday),1234567,1000,1,1,1,1,1,1\n")
            .write(to: missing.appendingPathComponent("x/daily.csv"), atomically: true, encoding: .utf8)
        let recovered = try session.waitForScreen { Self.showsAllPanels($0) && $0.contains("1.2M") }
        #expect(Self.showsAllPanels(recovered) && recovered.contains("1.2M"), "did not recover:\n\(recovered)")
    }

    @Test func termDumbIsRefusedWithTheUnknownTerminalMessage() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let command = fixture.dashboardCommand()
        let session = try TmuxSession(command: """
            TERM=dumb \(command); echo "dumb exited with $?"; TERM=no-such-terminal \(command); \
            echo "unknown exited with $?"; exec cat
            """)
        let screen = try session.waitForScreen { $0.contains("unknown exited with") }
        #expect(screen.contains("dumb exited with 1") && screen.contains("unknown exited with 1"), "\(screen)")
        // The messages are wider than the pane: compare them with the wrapping (and all
        // spaces) taken out.
        let text = screen.filter { !$0.isWhitespace }
        let messages = text.matches(of: #/kpitop:.*?`kpitopreport`/#).map { String($0.output) }
        try #require(messages.count == 2, "\(screen)")
        let (dumb, unknown) = (messages[0], messages[1])
        #expect(dumb.contains("'dumb'") && unknown.contains("'no-such-terminal'"), "\(screen)")
        #expect(dumb.replacing("'dumb'", with: "X") == unknown.replacing("'no-such-terminal'", with: "X"),
                "not the same message:\n\(screen)")
        #expect(dumb.contains("TERM=xterm-256color"))
    }

    @Test func theWindowAndThemeChosenWithKeysAreKeptForTheNextRun() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let state = fixture.dataDirectory.appendingPathComponent("state")
        let command = fixture.dashboardCommand() + "; echo \"kpitop exited with $?\"; exec cat"
        do {
            let session = try TmuxSession(command: command, stateHome: state)
            _ = try session.waitForScreen(Self.showsAllPanels)
            try session.press("w")  // 28 days -> 90 days
            let ninety = try session.waitForScreen { $0.contains("90d ") }
            #expect(ninety.contains("90d "), "\(ninety)")
            try session.press("t")
            let notice = try session.waitForScreen { $0.contains("theme: ") }
            #expect(notice.contains("theme: "), "the theme's name did not show:\n\(notice)")
            try session.press("q")
            _ = try session.waitForScreen { $0.contains("kpitop exited with 0") }
        }
        let kept = try String(contentsOf: state.appendingPathComponent("kpitop/dashboard.toml"), encoding: .utf8)
        #expect(kept.contains("window = '90d'"), "\(kept)")
        #expect(kept.contains("platform = 'all'"), "\(kept)")

        let again = try TmuxSession(command: "exec " + fixture.dashboardCommand(), stateHome: state)
        let reopened = try again.waitForScreen { Self.showsAllPanels($0) && $0.contains("90d ") }
        #expect(reopened.contains("90d "), "the next run did not start with 90 days:\n\(reopened)")
        // A flag still wins.
        let flagged = try TmuxSession(command: "exec " + fixture.dashboardCommand("--window 7d"), stateHome: state)
        let seven = try flagged.waitForScreen { Self.showsAllPanels($0) && $0.contains("7d ") }
        #expect(seven.contains("7d "), "--window did not beat the kept window:\n\(seven)")
    }

    @Test func eSavesTheViewAsMarkdownAndCSVAndSaysWhere() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let folder = fixture.dataDirectory.appendingPathComponent("saved")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let session = try TmuxSession(command: "cd '\(folder.path)' && exec " + fixture.dashboardCommand())
        _ = try session.waitForScreen(Self.showsAllPanels)
        try session.press("e")
        let said = try session.waitForScreen { $0.contains("saved kpitop-") }
        #expect(said.contains("saved kpitop-all-platforms-28d-\(DashboardFixture.yesterday).md and .csv in"), "\(said)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["kpitop-all-platforms-28d-\(DashboardFixture.yesterday).csv",
                          "kpitop-all-platforms-28d-\(DashboardFixture.yesterday).md"], "\(files)")
        let csv = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(csv.hasPrefix("kpi,value,previous,change\r\nimpressions,2009610,"), "\(csv)")
        let markdown = try String(contentsOf: folder.appendingPathComponent(files[1]), encoding: .utf8)
        #expect(markdown.contains("| Impressions | 2.0M |"), "\(markdown)")
    }

    @Test func theDemoRemovesItsFolderOnAHangUp() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let temporary = fixture.dataDirectory.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let session = try TmuxSession(command: "TMPDIR='\(temporary.path)' exec '\(DashboardFixture.executable.path)' "
                                          + "demo --config /dev/null")
        let screen = try session.waitForScreen { $0.contains("DEMO DATA") }
        try #require(screen.contains("DEMO DATA"), "the demo did not open:\n\(screen)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        try #require(folders.count == 1 && folders[0].hasPrefix("kpitop-demo-"), "\(folders)")
        kill(try session.panePID(), SIGHUP)
        let removed = try TmuxSession.waitUntil {
            (try? FileManager.default.contentsOfDirectory(atPath: temporary.path))?.isEmpty == true
        }
        #expect(removed, "the demo folder is still there after SIGHUP")
    }
}
