import Testing
@testable import KPIEngine
@testable import KPIReport

@Suite struct OpenMetricsReportTests {
    typealias F = StoreFixture

    /// Two platforms (one with a name that needs escaping), three KPIs, a goal and two alerts.
    static func snapshot() -> KPISnapshot {
        let asOf = F.d0.adding(days: 27)
        let odd = "we\"ird\\name"
        var snapshot = KPISnapshot(
            asOf: asOf, anchoredOnNewest: false, window: ReportWindow(days: 28, endingOn: asOf), timeZone: "UTC",
            platforms: [odd, "x"],
            kpis: [
                "all": [.impressions: KPIValue(value: 1500, previous: 1000), .ctr: KPIValue(value: 0.0125, previous: nil),
                        .firstResponseP90Seconds: KPIValue(value: 18_120, previous: nil)],
                odd: [.impressions: KPIValue(value: 500, previous: nil), .ctr: KPIValue(value: nil, previous: nil)],
                "x": [.impressions: KPIValue(value: 1000, previous: nil), .ctr: KPIValue(value: 0.01875, previous: nil)],
            ],
            posts: [:], newestData: [:], rejectedRows: 3, rejections: [], fileCount: 2)
        let empty = KPICalculator(store: MetricsStore(clock: F.utc))
        let goal = Goal(name: "Reach \"Q4\"", kpi: .impressions, platform: "x", target: 5000, direction: .atLeast,
                        start: nil, deadline: asOf.adding(days: 30), line: 1)
        var progress = GoalProgress(goal: goal, calculator: empty, snapshot: snapshot)
        progress.value = 1000
        snapshot.goals = [progress]
        snapshot.alerts = [
            AlertState(rule: AlertRule(name: "Slow replies", kpi: .firstResponseP90Seconds, bound: .above, limit: 14_400),
                       snapshot: snapshot),
            AlertState(rule: AlertRule(kpi: .ctr, platform: "x", bound: .below, limit: 0.01), snapshot: snapshot),
        ]
        return snapshot
    }

    @Test func exactExposition() {
        #expect(OpenMetricsReport.render(Self.snapshot()) == #"""
            # TYPE kpitop_impressions gauge
            # HELP kpitop_impressions Impressions over the window (a count).
            kpitop_impressions{platform="all",window="28d"} 1500
            kpitop_impressions{platform="we\"ird\\name",window="28d"} 500
            kpitop_impressions{platform="x",window="28d"} 1000
            # TYPE kpitop_ctr gauge
            # HELP kpitop_ctr CTR over the window (a fraction, 0.05 = 5%).
            kpitop_ctr{platform="all",window="28d"} 0.0125
            kpitop_ctr{platform="x",window="28d"} 0.01875
            # TYPE kpitop_first_response_p90_seconds gauge
            # UNIT kpitop_first_response_p90_seconds seconds
            # HELP kpitop_first_response_p90_seconds First response p90 over the window (seconds).
            kpitop_first_response_p90_seconds{platform="all",window="28d"} 18120
            # TYPE kpitop_rejected_rows gauge
            # HELP kpitop_rejected_rows Rows refused while reading the data directory (kpitop check lists them).
            kpitop_rejected_rows 3
            # TYPE kpitop_goal_value gauge
            # HELP kpitop_goal_value A goal's progress: the sum since its start for sums (per day for a relative goal), else the KPI over the window.
            kpitop_goal_value{goal="Reach \"Q4\"",kpi="impressions",platform="x"} 1000
            # TYPE kpitop_goal_target gauge
            # HELP kpitop_goal_target A goal's target, in its KPI's unit.
            kpitop_goal_target{goal="Reach \"Q4\"",kpi="impressions",platform="x"} 5000
            # TYPE kpitop_alert_breached gauge
            # HELP kpitop_alert_breached 1 when the alert's KPI is beyond its limit over the window, else 0.
            kpitop_alert_breached{alert="Slow replies",kpi="first_response_p90_s",platform="all",bound="above",window="28d"} 1
            kpitop_alert_breached{alert="CTR (x)",kpi="ctr",platform="x",bound="below",window="28d"} 0
            # EOF

            """#)
    }

    @Test func durationsEndInSecondsAndOtherNamesAreTheKPIId() {
        #expect(OpenMetricsReport.metricName(.firstResponseMedianSeconds) == "kpitop_first_response_median_seconds")
        #expect(OpenMetricsReport.metricName(.resolutionMedianSeconds) == "kpitop_resolution_median_seconds")
        #expect(OpenMetricsReport.metricName(.engagementRate) == "kpitop_engagement_rate")
        let names = KPI.allCases.map(OpenMetricsReport.metricName)
        #expect(Set(names).count == names.count)
    }

    @Test func labelValuesAreEscapedAndNeverCarryControlCharacters() {
        #expect(OpenMetricsReport.escaped("a\"b\\c") == #"a\"b\\c"#)
        #expect(OpenMetricsReport.escaped("line\nbreak\u{1B}[2J") == "line?break?[2J")
    }

    @Test func theAllWindowIsLabelledAll() {
        var snapshot = Self.snapshot()
        snapshot.window = ReportWindow(start: F.d0, end: F.d0.adding(days: 27), isAll: true)
        #expect(OpenMetricsReport.render(snapshot).contains(#"kpitop_impressions{platform="all",window="all"} 1500"#))
    }
}
