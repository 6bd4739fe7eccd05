import Foundation
import Testing

/// Issue 13 in the real dashboard (tmux): the Traffic panel on a data directory holding a
/// Google Analytics 4 export, and the brand switch (`B`) between two data directories of a
/// config file's `[brands]`. Skipped where tmux is not installed.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct TrafficAndBrandEndToEndTests {
    /// The day `offset` days from today as GA4 writes it: `20261123`.
    private static func gaDay(_ offset: Int) -> String {
        DashboardFixture.day(offset: offset).replacingOccurrences(of: "-", with: "")
    }

    /// A GA4 "Download file" export (BOM, `#` lines, a Date column) of the seven days that end
    /// yesterday: each day facebook 100 sessions (60 engaged), instagram 50 (40 engaged) and
    /// google 300 (210 engaged, not social).
    private static func googleAnalyticsExport() -> String {
        var csv = "\u{FEFF}# ----------------------------------------\n# Traffic acquisition: Session source / medium\n"
        csv += "# Account: Test Shop\n# Property: shop.example - GA4\n# ----------------------------------------\n#\n"
        csv += "# All Users\n# Start date: \(gaDay(-7))\n# End date: \(gaDay(-1))\n"
        csv += "Session source / medium,Date,Sessions,Engaged sessions,Engagement rate,Key events,Session key event rate,Total revenue\n"
        for offset in -7...(-1) {
            csv += "facebook.com / referral,\(gaDay(offset)),100,60,0.6,3,0.03,90\n"
            csv += "l.instagram.com / referral,\(gaDay(offset)),50,40,0.8,1,0.02,20\n"
            csv += "google / organic,\(gaDay(offset)),300,210,0.7,9,0.03,450\n"
        }
        return csv
    }

    /// The overview with the Traffic panel: all platforms' 1,050 sessions; 2,100 from other sources.
    private static func showsTraffic(_ screen: String) -> Bool {
        screen.contains("6 Traffic") && screen.contains("not social: 2,100 sessions") && screen.contains("Bounce rate")
            && screen.contains("│  Sessions ")
    }

    @Test func aGoogleAnalyticsExportAddsTheTrafficPanelWithItsDrillDown() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        try fixture.write(Self.googleAnalyticsExport(), to: "analytics/traffic-acquisition.csv")
        let session = try TmuxSession(command: "exec " + fixture.dashboardCommand())
        let overview = try session.waitForScreen(Self.showsTraffic)
        try #require(Self.showsTraffic(overview), "no Traffic panel:\n\(overview)")
        let sessions = try #require(overview.split(separator: "\n").first { $0.contains("│  Sessions ") }, "\(overview)")
        #expect(sessions.contains(" 1,050 "), "all platforms' sessions:\n\(overview)")
        let bounce = try #require(overview.split(separator: "\n").first { $0.contains("Bounce rate") })
        #expect(bounce.contains("33.3%"), "1 - 700 engaged / 1,050:\n\(overview)")
        #expect(overview.contains("30.0% bounce"), "the other sources' bounce rate:\n\(overview)")

        // 6 focuses the panel, Enter opens its first KPI across platforms.
        try session.press("6", "Enter")
        let drill = try session.waitForScreen {
            $0.contains("Sessions by platform") && $0.contains("not social: 2,100 sessions") && $0.contains("350")
        }
        #expect(drill.contains("Sessions by platform"), "\(drill)")
        let facebook = try #require(drill.split(separator: "\n").first { $0.contains("facebook") && $0.contains("700") },
                                    "facebook's 700 sessions:\n\(drill)")
        #expect(!facebook.isEmpty)
        #expect(drill.split(separator: "\n").contains { $0.contains("instagram") && $0.contains("350") }, "\(drill)")
        #expect(drill.contains("not social: 2,100 sessions"), "\(drill)")
    }

    @Test func theTrafficPanelAppearsWhenAnExportArrives() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let session = try TmuxSession(command: "exec " + fixture.dashboardCommand())
        let before = try session.waitForScreen { $0.contains("5 Platforms") && $0.contains("instagram") }
        try #require(before.contains("5 Platforms"), "dashboard did not open:\n\(before)")
        #expect(!before.contains("Traffic"), "a Traffic panel without traffic data:\n\(before)")
        try fixture.write(Self.googleAnalyticsExport(), to: "analytics/traffic-acquisition.csv")
        let after = try session.waitForScreen(Self.showsTraffic)
        #expect(Self.showsTraffic(after), "no Traffic panel after the export arrived:\n\(after)")
    }

    // MARK: - Brands

    /// A brand's data directory: one platform with `impressions` a day over the 28 days that
    /// end yesterday.
    private static func brandDirectory(platform: String, impressions: Int) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kpitop-brand-\(UUID().uuidString)")
        let folder = directory.appendingPathComponent(platform)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var csv = "date,impressions,reach,likes,comments,shares,clicks\n"
        for offset in -28...(-1) {
            csv += "\(DashboardFixture.day(offset: offset)),\(impressions),\(impressions * 3 / 4),10,2,1,5\n"
        }
        try csv.write(to: folder.appendingPathComponent("daily.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func bSwitchesToAnotherBrandWithItsDataBenchmarksAndAlerts() throws {
        let acme = try Self.brandDirectory(platform: "instagram", impressions: 100)
        let globex = try Self.brandDirectory(platform: "tiktok", impressions: 200)
        defer {
            try? FileManager.default.removeItem(at: acme)
            try? FileManager.default.removeItem(at: globex)
        }
        // globex has its own benchmark (its engagement rate is far above 1%) and its own alert.
        try "[all]\nengagement_rate = { value = \"1%\", source = \"industry report\" }\n"
            .write(to: globex.appendingPathComponent("benchmarks.toml"), atomically: true, encoding: .utf8)
        let config = acme.appendingPathComponent("kpitop.toml")
        try """
            brand = "acme"

            [brands]
            acme = "\(acme.path)"

            [brands.globex]
            data = "\(globex.path)"

            [[brands.globex.alert]]
            name = "Globex reach watch"
            kpi = "reach"
            below = 1e12

            """.write(to: config, atomically: true, encoding: .utf8)
        let command = "exec '\(DashboardFixture.executable.path)' --config '\(config.path)'"
        let session = try TmuxSession(command: command)

        // acme: 28 days of 100 impressions on instagram.
        // (Waiting for every part: a capture may catch the screen half drawn.)
        let opened = try session.waitForScreen {
            $0.contains("brand acme") && $0.contains("2,800") && $0.contains("instagram")
        }
        try #require(opened.contains("brand acme") && opened.contains("2,800"), "acme did not open:\n\(opened)")
        #expect(opened.contains("instagram") && !opened.contains("tiktok"))
        #expect(!opened.contains("ALERT") && !opened.contains("▲✓"), "\(opened)")

        try session.press("B")
        let picker = try session.waitForScreen { $0.contains("acme (shown)") && $0.contains("globex") }
        #expect(picker.contains("acme (shown)") && picker.contains("globex"), "no brand picker:\n\(picker)")
        try session.press("Down", "Enter")

        // globex: 28 days of 200 impressions on tiktok, its benchmark marked, its alert named.
        let switched = try session.waitForScreen {
            $0.contains("brand globex") && $0.contains("5,600") && $0.contains("tiktok") && $0.contains("▲✓")
        }
        #expect(switched.contains("brand globex") && switched.contains("5,600"), "globex not shown:\n\(switched)")
        #expect(switched.contains("tiktok") && !switched.contains("instagram"), "acme's data is still shown:\n\(switched)")
        #expect(!switched.contains("2,800"), "\(switched)")
        let engagement = switched.split(separator: "\n").first { $0.contains("Engagement rate") } ?? ""
        #expect(engagement.contains("▲✓"), "globex's benchmark is not marked:\n\(switched)")
        let alert = try session.waitForScreen { $0.contains("ALERT: Globex reach watch") }
        #expect(alert.contains("ALERT: Globex reach watch"), "globex's alert is not checked:\n\(alert)")

        // And back: the picker now marks globex as shown.
        try session.press("B")
        _ = try session.waitForScreen { $0.contains("globex (shown)") }
        try session.press("Up", "Enter")
        let back = try session.waitForScreen {
            $0.contains("brand acme") && $0.contains("2,800") && $0.contains("instagram") && !$0.contains("ALERT")
        }
        #expect(back.contains("brand acme") && back.contains("instagram") && !back.contains("ALERT"), "\(back)")
    }
}
