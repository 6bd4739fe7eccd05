import Foundation
import Testing
@testable import KPIEngine
@testable import KPIReport

/// The traffic KPIs (issue 13, point 2) from a Google Analytics export, worked out by hand:
/// sessions, engaged sessions, bounce rate, site conversions, site revenue and the social
/// share of traffic, with the "not social" total kept out of the platforms and of `all`.
@Suite struct TrafficKPITests {
    static func snapshot(window: WindowLength = .days(7), asOf: String = "2026-11-07") throws -> KPISnapshot {
        let text = String(decoding: try Ingest.fixture("Exports/ga4/Traffic_acquisition_Session_source_medium.csv"), as: UTF8.self)
        return ParsedStore.store([("ga4/traffic.csv", text)]).snapshot(SnapshotRequest(window: window, asOf: Day(iso: asOf)!, now: 0))
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-12 } ?? false }

    @Test func thePlatformsAreTheSocialOnesOnly() throws {
        let s = try Self.snapshot()
        #expect(s.platforms == ["facebook", "instagram", "linkedin", "x"])
        #expect(s.kpis[KPISnapshot.notSocialPlatform] == nil)
        #expect(s.notSocial[.sessions]?.value == 2268)
        #expect(s.notSocial[.siteConversions]?.value == 119)
    }

    @Test func sessionsEngagementBounceConversionsAndRevenue() throws {
        let s = try Self.snapshot()
        #expect(s.value(.sessions, platform: "facebook").value == 889)
        #expect(s.value(.engagedSessions, platform: "facebook").value == 427)
        #expect(Self.close(s.value(.bounceRate, platform: "facebook").value, 1 - 427.0 / 889))
        #expect(s.value(.siteConversions, platform: "facebook").value == 21)
        #expect(s.value(.siteRevenue, platform: "facebook").value == 1750.5)
        // all: the social platforms only (889 + 280 + 35 + 28), never the not-social sessions.
        #expect(s.value(.sessions).value == 1232)
        #expect(s.value(.engagedSessions).value == 637)
        #expect(Self.close(s.value(.bounceRate).value, 1 - 637.0 / 1232))
        #expect(s.value(.bounceRate).platforms == ["facebook", "instagram", "linkedin", "x"])
    }

    @Test func theSocialShareOfTrafficIsOverEverySource() throws {
        let s = try Self.snapshot()
        // The site had 3500 sessions: 1232 social, 2268 not.
        #expect(Self.close(s.value(.socialShareOfTraffic).value, 1232.0 / 3500))
        #expect(Self.close(s.value(.socialShareOfTraffic, platform: "facebook").value, 889.0 / 3500))
        #expect(Self.close(s.value(.socialShareOfTraffic, platform: "instagram").value, 0.08))
        #expect(s.value(.socialShareOfTraffic).platforms == ["facebook", "instagram", "linkedin", "x"])
        // Each day: 127 of 500.
        #expect(s.value(.socialShareOfTraffic, platform: "facebook").daily.allSatisfy { Self.close($0, 0.254) })
        // The same through the calculator (goals use it).
        let store = ParsedStore.store([("ga4/traffic.csv", String(decoding: try Ingest.fixture(
            "Exports/ga4/Traffic_acquisition_Session_source_medium.csv"), as: UTF8.self))])
        let window = ReportWindow(days: 7, endingOn: Day(iso: "2026-11-07")!)
        #expect(Self.close(KPICalculator(store: store).value(.socialShareOfTraffic, platform: nil, window: window), 0.352))
        #expect(Self.close(KPICalculator(store: store).value(.socialShareOfTraffic, platform: "x", window: window), 0.01))
    }

    @Test func withoutTheRestOfTheSitesTrafficThereIsNoShare() {
        let store = ParsedStore.store([("ga4.csv", "# Start date: 20261101\n# End date: 20261101\nSession source,Sessions\nfacebook.com,10\n")])
        let s = store.snapshot(SnapshotRequest(window: .days(7), asOf: Day(iso: "2026-11-07")!, now: 0))
        #expect(s.value(.sessions, platform: "facebook").value == 10)
        #expect(s.value(.socialShareOfTraffic, platform: "facebook").value == nil)
        #expect(s.value(.socialShareOfTraffic).value == nil)
    }

    @Test func theJSONReportHasEveryTrafficKPIAndTheNotSocialTotal() throws {
        let s = try Self.snapshot()
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(s).utf8)) as! [String: Any]
        let platforms = json["platforms"] as! [String: [String: [String: Any]]]
        #expect(Set(platforms.keys) == ["all", "facebook", "instagram", "linkedin", "x"])
        for kpi in ["sessions", "engaged_sessions", "bounce_rate", "site_conversions", "site_revenue",
                    "social_share_of_traffic", "virality_rate", "amplification_rate", "cac", "cltv", "cltv_to_cac"] {
            #expect(platforms["all"]?[kpi] != nil, "\(kpi)")
        }
        #expect(platforms["all"]!["sessions"]!["value"] as? Double == 1232)
        let notSocial = json["not_social"] as! [String: [String: Any]]
        #expect(notSocial["sessions"]?["value"] as? Double == 2268)
        let metrics = OpenMetricsReport.render(s)
        #expect(metrics.contains("kpitop_social_share_of_traffic{platform=\"all\",window=\"7d\"} 0.352\n"))
        #expect(metrics.contains("kpitop_sessions{platform=\"facebook\",window=\"7d\"} 889\n"))
        let csv = CSVReport.render(s)
        #expect(csv.contains("\nall,social_share_of_traffic,Traffic,0.352,"))
        let text = TextReport.render(s, dataDirectory: "d")
        #expect(text.contains("Traffic ") && text.contains("35.2%"))
        let markdown = MarkdownReport.render(s)
        #expect(markdown.contains("## Traffic"))
    }
}
