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

    /// How quickly is the benchmark's business (Scripts/bench_live.py prints the latency);
    /// here the row must show up at all, within a generous wait.
    @Test func aRowAppendedWhileOpenChangesAKPI() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let session = try TmuxSession(command: "exec " + fixture.dashboardCommand())
        let opened = try session.waitForScreen { Self.impressionsRow($0) != nil && $0.contains("updated") }
        let before = try #require(Self.impressionsRow(opened), "dashboard did not open:\n\(opened)")
        #expect(before.contains("2.0M"), "the window's 2,009,610 impressions before the append:\n\(opened)")

        try fixture.append("\(DashboardFixture.yesterday),5000000,3000000,900,80,40,20,700,20500\n",
                           to: "instagram/daily.csv")
        // 2,009,610 impressions in the window, then 5,000,000 more.
        let after = try session.waitForScreen { Self.impressionsRow($0)?.contains("7.0M") == true }
        #expect(Self.impressionsRow(after)?.contains("7.0M") == true,
                "the appended 5,000,000 impressions are not in the total:\n\(after)")
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
        let after = try session.waitForScreen { $0.contains("kpitop exited with") }
        #expect(after.contains("kpitop exited with 0"), "after q:\n\(after)")
    }
}
