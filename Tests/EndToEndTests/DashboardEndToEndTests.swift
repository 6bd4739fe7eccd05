import Foundation
import Testing

/// The built `kpitop` in a real terminal (tmux): what a person sees and what the terminal
/// is left like afterwards. Skipped where tmux is not installed.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct DashboardEndToEndTests {
    private static let panelTitles = ["Reach", "Engagement", "Conversion", "Customer service"]

    private static func showsAllPanels(_ screen: String) -> Bool {
        panelTitles.allSatisfy(screen.contains)
    }

    /// A breadcrumb below the overview: `Overview › ...` (`>` in ASCII mode).
    private static func showsBreadcrumb(_ screen: String) -> Bool {
        screen.contains("Overview ›") || screen.contains("Overview >")
    }

    private func withDashboard(width: Int = 120, height: Int = 40,
                               _ body: (TmuxSession) throws -> Void) throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let session = try TmuxSession(command: "exec " + fixture.dashboardCommand(), width: width, height: height)
        let screen = try session.waitForScreen(Self.showsAllPanels)
        try #require(Self.showsAllPanels(screen), "dashboard did not open:\n\(screen)")
        try body(session)
    }

    @Test func opensOnTheFourPanelsAndQuitsWithQ() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let session = try TmuxSession(command: fixture.dashboardCommand() + "; echo \"kpitop exited with $?\"; exec cat")
        let screen = try session.waitForScreen(Self.showsAllPanels)
        try #require(Self.showsAllPanels(screen), "dashboard did not open:\n\(screen)")
        try session.press("q")
        let after = try session.waitForScreen { $0.contains("kpitop exited with") }
        #expect(after.contains("kpitop exited with 0"), "after q:\n\(after)")
        #expect(!Self.showsAllPanels(after), "the dashboard is still on the screen after q:\n\(after)")
    }

    @Test func drillsDownWithEnterAndComesBackWithEscape() throws {
        try withDashboard { session in
            try session.press("Enter")
            let drilled = try session.waitForScreen(Self.showsBreadcrumb)
            #expect(Self.showsBreadcrumb(drilled), "no breadcrumb after Enter:\n\(drilled)")
            try session.press("Escape")
            let back = try session.waitForScreen { Self.showsAllPanels($0) && !Self.showsBreadcrumb($0) }
            #expect(Self.showsAllPanels(back) && !Self.showsBreadcrumb(back), "not back on the overview:\n\(back)")
        }
    }

    @Test func navigatesBetweenPanelsWithoutLeavingTheOverview() throws {
        try withDashboard { session in
            let before = try session.screen()
            try session.press("Tab", "Down", "j", "Right")
            let after = try session.waitForScreen { $0 != before }
            #expect(after != before, "the selection did not move")
            #expect(Self.showsAllPanels(after))
        }
    }

    @Test func adaptsToEverySizeAndSaysWhenTooSmall() throws {
        try withDashboard { session in
            try session.resize(width: 80, height: 24)
            // All four panels at once, and no label cut short.
            let medium = try session.waitForScreen { Self.showsAllPanels($0) && $0.split(separator: "\n").count <= 24 }
            #expect(Self.showsAllPanels(medium), "80x24:\n\(medium)")
            #expect(!medium.contains("…"), "80x24:\n\(medium)")

            try session.resize(width: 40, height: 12)
            let small = try session.waitForScreen { !$0.contains("Customer service") && $0.contains("Reach") }
            #expect(!small.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "40x12 is blank")

            try session.resize(width: 20, height: 6)
            let tiny = try session.waitForScreen { $0.lowercased().contains("too small") }
            #expect(tiny.lowercased().contains("too small"), "20x6:\n\(tiny)")

            try session.resize(width: 120, height: 40)
            let restored = try session.waitForScreen(Self.showsAllPanels)
            #expect(Self.showsAllPanels(restored), "120x40 again:\n\(restored)")
            #expect(try session.commandIsRunning(), "the dashboard exited while resizing")
        }
    }

    @Test func showsHelpWithQuestionMark() throws {
        try withDashboard { session in
            try session.press("?")
            let help = try session.waitForScreen { $0.lowercased().contains("help") && $0.lowercased().contains("quit") }
            #expect(help.lowercased().contains("quit"), "no help overlay:\n\(help)")
            try session.press("Escape")
            let closed = try session.waitForScreen { !$0.lowercased().contains("help") || Self.showsAllPanels($0) }
            #expect(Self.showsAllPanels(closed))
        }
    }

    @Test func showsTheGoalsWithGAndComesBackWithEscape() throws {
        try withDashboard { session in
            try session.press("g")
            let names = DashboardFixture.goals.map(\.name)
            let goals = try session.waitForScreen { screen in names.allSatisfy(screen.contains) }
            #expect(Self.showsBreadcrumb(goals) && goals.contains("Goals"), "no goals page after g:\n\(goals)")
            for goal in DashboardFixture.goals {
                let row = goals.split(separator: "\n").first { $0.contains(goal.name) } ?? ""
                #expect(row.contains(" \(goal.status)"), "\(goal.name) is not \(goal.status):\n\(goals)")
            }
            try session.press("Escape")
            let back = try session.waitForScreen { Self.showsAllPanels($0) && !Self.showsBreadcrumb($0) }
            #expect(Self.showsAllPanels(back) && !Self.showsBreadcrumb(back), "not back on the overview:\n\(back)")
        }
    }

    @Test func asciiModeDrawsOnlyASCII() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let session = try TmuxSession(command: "exec " + fixture.dashboardCommand("--ascii --no-color"))
        let screen = try session.waitForScreen(Self.showsAllPanels)
        #expect(Self.showsAllPanels(screen))
        let asciiOnly = screen.unicodeScalars.allSatisfy(\.isASCII)
        #expect(asciiOnly, "non-ASCII glyphs:\n\(screen)")
    }

    /// How the dashboard is ended in the terminal-restore tests, and its expected exit status.
    enum Ending: String, CaseIterable, CustomTestStringConvertible {
        /// Ctrl-\ sends SIGQUIT: the dashboard quits as for `q`, no core dump, no crash report.
        case quitKey, controlC, controlBackslash, terminate, hangUp

        var expectedStatus: Int32 { self == .hangUp ? 129 : 0 }
        var testDescription: String { rawValue }
    }

    @Test(arguments: Ending.allCases)
    func leavesTheTerminalSettingsAsTheyWere(ending: Ending) throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let before = fixture.dataDirectory.appendingPathComponent("stty-before").path
        let after = fixture.dataDirectory.appendingPathComponent("stty-after").path
        let status = fixture.dataDirectory.appendingPathComponent("status").path
        let session = try TmuxSession(command: "sh")
        try session.type("stty -a > '\(before)'; \(fixture.dashboardCommand()); echo $? > '\(status)'; stty -a > '\(after).tmp' && mv '\(after).tmp' '\(after)'")
        try session.press("Enter")
        let screen = try session.waitForScreen(Self.showsAllPanels)
        try #require(Self.showsAllPanels(screen), "dashboard did not open:\n\(screen)")

        switch ending {
        case .quitKey: try session.press("q")
        case .controlC: try session.press("C-c")
        case .controlBackslash: try session.press("C-\\")
        case .terminate: kill(try dashboardPID(under: session.panePID()), SIGTERM)
        case .hangUp: kill(try dashboardPID(under: session.panePID()), SIGHUP)
        }
        #expect(try TmuxSession.waitUntil { FileManager.default.fileExists(atPath: after) })
        let exitStatus = try String(contentsOfFile: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(exitStatus == "\(ending.expectedStatus)")
        #expect(try String(contentsOfFile: after, encoding: .utf8) == String(contentsOfFile: before, encoding: .utf8))
    }

    /// The dashboard process the pane's shell started.
    private func dashboardPID(under shell: Int32) throws -> Int32 {
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").compactMap { Int32($0) }.first)
    }
}
