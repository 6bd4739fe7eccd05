import Foundation
import Testing

/// The dashboard as a live monitor, in a real terminal (tmux): data written while it is open
/// shows up on screen, and a long first load never holds the keyboard hostage.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct LiveEndToEndTests {
    /// The overview's first Reach row (all platforms): `│▶ Impressions   1.2M ...` (not the
    /// header's line of today so far, which names impressions too).
    private static func impressionsRow(_ screen: String) -> String? {
        screen.split(separator: "\n").first { $0.hasPrefix("│") && $0.contains("Impressions") }.map(String.init)
    }

    @Test func aRowAppendedWhileOpenChangesAKPIWithinASecond() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let session = try TmuxSession(command: "exec " + fixture.dashboardCommand())
        let opened = try session.waitForScreen { Self.impressionsRow($0) != nil && $0.contains("updated") }
        let before = try #require(Self.impressionsRow(opened), "dashboard did not open:\n\(opened)")

        try fixture.append("\(DashboardFixture.yesterday),5000000,3000000,900,80,40,20,700,20500\n",
                           to: "instagram/daily.csv")
        let appendedAt = Date()
        let after = try session.waitForScreen(timeout: 1) { Self.impressionsRow($0) != before }
        let elapsed = Date().timeIntervalSince(appendedAt)
        #expect(Self.impressionsRow(after) != before, "impressions did not change within 1 s:\n\(after)")
        #expect(elapsed < 1, "took \(elapsed) s")
    }

    @Test func qQuitsAtOnceDuringASlowFirstLoad() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        // About 24 MB: seconds of reading for a debug build, so the load is still running
        // when `q` arrives.
        let row = "\(DashboardFixture.today),1000,700,30,4,2,1,25,20000\n"
        try fixture.write(DashboardFixture.header + String(repeating: row, count: 24_000_000 / row.utf8.count),
                          to: "tiktok/history.csv")
        let session = try TmuxSession(command: fixture.dashboardCommand() + "; echo \"kpitop exited with $?\"; exec cat")
        let loading = try session.waitForScreen { $0.contains("loading") && $0.contains("files") }
        try #require(loading.contains("files"), "no load progress on screen:\n\(loading)")

        try session.press("q")
        let pressedAt = Date()
        let after = try session.waitForScreen(timeout: 5) { $0.contains("kpitop exited with") }
        let elapsed = Date().timeIntervalSince(pressedAt)
        #expect(after.contains("kpitop exited with 0"), "after q:\n\(after)")
        #expect(elapsed < 1, "quitting took \(elapsed) s")
    }
}
