import Foundation
import Testing

/// A breached alert in the real dashboard (tmux): the status line names it and its KPI's
/// row is marked. Skipped where tmux is not installed.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct AlertEndToEndTests {
    @Test func aBreachedAlertIsNamedInTheStatusLineAndMarksItsKPI() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let config = fixture.dataDirectory.appendingPathComponent("kpitop.toml")
        try "[[alert]]\nname = \"Reach under target\"\nkpi = \"reach\"\nbelow = 1e12\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: "exec " + fixture.dashboardCommand(config: config.path))
        let screen = try session.waitForScreen { $0.contains("ALERT: Reach under target") }
        #expect(screen.contains("ALERT: Reach under target"), "no alert in the status line:\n\(screen)")
        #expect(screen.contains("! Reach "), "the Reach row is not marked:\n\(screen)")
    }
}
