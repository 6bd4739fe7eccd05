import Foundation
import Testing
@testable import KPIEngine
@testable import KPIReport

@Suite struct AlertTests {
    typealias F = StoreFixture

    static func rules(_ text: String) throws -> [AlertRule] {
        try ConfigFileTests.parse(text, file: "config.toml").alerts
    }

    static func problem(_ text: String) -> ConfigProblem? {
        ConfigFileTests.problem(text, file: "config.toml")
    }

    @Test func alertTablesParseWithDefaultsAndTargetSyntax() throws {
        let rules = try Self.rules("""
            [[alert]]
            name = "Slow replies"
            kpi = "first_response_p90_s"
            above = "4h"

            [[alert]]
            kpi = "ctr"
            platform = "IG"
            below = "2%"

            [[alert]]
            kpi = "spend"
            above = 1500
            """)
        #expect(rules.map(\.name) == ["Slow replies", "CTR (instagram)", "Spend"])
        #expect(rules.map(\.platform) == ["all", "instagram", "all"])
        #expect(rules.map(\.bound) == [.above, .below, .above])
        #expect(rules.map(\.limit) == [14_400, 0.02, 1500])
        #expect(rules.map(\.limitText) == ["4h", "2%", "1,500"])
        #expect(rules.map(\.line) == [1, 6, 11])
    }

    @Test func aBadAlertNamesItsLine() {
        #expect(Self.problem("[[alert]]\nkpi = \"reach_of_doom\"\nabove = 1")?.description
                == "config.toml:2: unknown KPI 'reach_of_doom' (see docs/DATA.md section 4)")
        #expect(Self.problem("[[alert]]\nabove = 1")?.reason == "alert without a kpi")
        #expect(Self.problem("\n[[alert]]\nkpi = \"ctr\"")?.description
                == "config.toml:2: an alert needs exactly one of above = ... or below = ...")
        #expect(Self.problem("[[alert]]\nkpi = \"ctr\"\nabove = 1\nbelow = 0")?.line == 1)
        #expect(Self.problem("[[alert]]\nkpi = \"ctr\"\nbelow = \"lots\"")?.line == 3)
        #expect(Self.problem("[[alert]]\nkpi = \"ctr\"\nbelow = 1\nplatfrom = \"x\"")?.reason
                == "unknown key 'platfrom' in [[alert]] (did you mean 'platform'?)")
        #expect(Self.problem("[[alert]]\nkpi = \"ctr\"\nbelow = 1\n\n[[alert]]\nkpi = \"cpa\"\nover = 3")?.line == 5)
        #expect(Self.problem("alert = 3")?.line == 1)
    }

    @Test func aboveAndBelowAreStrictAndNullNeverBreaches() {
        let above = AlertRule(kpi: .cpa, bound: .above, limit: 20)
        #expect(above.isBreached(by: 20.01))
        #expect(!above.isBreached(by: 20))
        #expect(!above.isBreached(by: nil))
        let below = AlertRule(kpi: .ctr, bound: .below, limit: 0.02)
        #expect(below.isBreached(by: 0.019))
        #expect(!below.isBreached(by: 0.02))
        #expect(!below.isBreached(by: nil))
        #expect(!below.isBreached(by: .nan))
    }

    /// x: 1,000 impressions and 10 clicks a day; instagram: 1,000 impressions and 50 clicks.
    static func snapshot(_ alerts: [AlertRule]) -> KPISnapshot {
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("a.csv", rows: (0...13).flatMap { day in [
            F.row("x", day: day, [.impressions: 1000, .clicks: 10]),
            F.row("instagram", day: day, [.impressions: 1000, .clicks: 50]),
        ] }))
        return store.snapshot(SnapshotRequest(window: .days(7), asOf: F.d0.adding(days: 13), now: 0, alerts: alerts))
    }

    @Test func alertsAreCheckedAgainstTheCurrentWindowPerPlatform() {
        let rules = [
            AlertRule(kpi: .ctr, platform: "x", bound: .below, limit: 0.02),          // 1% < 2%: breached
            AlertRule(kpi: .ctr, platform: "instagram", bound: .below, limit: 0.02),  // 5%: fine
            AlertRule(kpi: .ctr, bound: .below, limit: 0.02),                         // all: 3%: fine
            AlertRule(kpi: .impressions, bound: .above, limit: 13_000),               // 14,000 in 7 days
            AlertRule(kpi: .ctr, platform: "tiktok", bound: .below, limit: 0.5),      // no data: null
            AlertRule(kpi: .cpc, bound: .above, limit: 0),                            // no spend: null
        ]
        let snapshot = Self.snapshot(rules)
        #expect(snapshot.alerts.map(\.rule) == rules)
        #expect(snapshot.alerts.map(\.value) == [0.01, 0.05, 0.03, 14_000, nil, nil])
        #expect(snapshot.alerts.map(\.breached) == [true, false, false, true, false, false])
        #expect(snapshot.breachedAlerts.map(\.rule.name) == ["CTR (x)", "Impressions"])
        #expect(AlertLine.headline(snapshot.alerts) == "ALERT: CTR (x) 1.00% < 2.00% (+1 more)")
        #expect(AlertLine.count(snapshot.alerts) == "2 of 6 alerts breached")
        #expect(AlertLine.headline(Array(snapshot.alerts.dropFirst(4))) == nil)
    }

    @Test func theStatusLineWordsUseTheLimitAsWritten() {
        let rule = AlertRule(kpi: .firstResponseP90Seconds, bound: .above, limit: 14_400, limitText: "4h")
        #expect(AlertLine.headline([AlertState(rule: rule, value: 18_120)]) == "ALERT: First response p90 5h 2m > 4h")
        #expect(AlertLine.summary(AlertState(rule: rule, value: nil), ascii: true) == "First response p90 - > 4h")
    }

    @Test func theJSONReportListsEveryAlert() throws {
        let snapshot = Self.snapshot([
            AlertRule(name: "Low CTR on X", kpi: .ctr, platform: "x", bound: .below, limit: 0.02),
            AlertRule(kpi: .cpc, bound: .above, limit: 1),
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(snapshot).utf8)) as? [String: Any])
        let alerts = try #require(object["alerts"] as? [[String: Any]])
        #expect(alerts.count == 2)
        #expect(alerts[0]["name"] as? String == "Low CTR on X")
        #expect(alerts[0]["kpi"] as? String == "ctr")
        #expect(alerts[0]["platform"] as? String == "x")
        #expect(alerts[0]["bound"] as? String == "below")
        #expect(alerts[0]["limit"] as? Double == 0.02)
        #expect(alerts[0]["value"] as? Double == 0.01)
        #expect(alerts[0]["breached"] as? Bool == true)
        #expect(alerts[1]["value"] is NSNull)
        #expect(alerts[1]["breached"] as? Bool == false)
    }
}
