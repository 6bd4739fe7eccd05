import SnapshotTesting
import Testing
@testable import KPIEngine
@testable import KPIReport

/// The stakeholder report as text, compared with `__Snapshots__/MarkdownReportTests`.
@Suite struct MarkdownReportTests {
    typealias F = StoreFixture

    /// Two platforms over two weeks: posts, service tickets, a goal and two alerts (one breached).
    static func snapshot() -> KPISnapshot {
        var rows: [MetricsRow] = []
        for day in 0...13 {
            rows.append(F.row("instagram", day: day, id: "ig-\(day % 3)", title: ["Autumn reel", "Studio tour", "Poll | vote"][day % 3],
                              followers: Double(5000 + 12 * day),
                              [.impressions: Double(2000 + 40 * day), .reach: Double(1400 + 25 * day), .likes: Double(80 + day),
                               .comments: 9, .shares: 4, .interactions: Double(93 + day), .clicks: 30, .conversions: 2,
                               .revenue: 120, .spend: 35]))
            rows.append(F.row("linkedin", day: day, [.impressions: 900, .reach: 600, .likes: 20, .interactions: 20, .clicks: 11]))
        }
        let tickets = (0...13).map { day in
            let opened = F.ms(F.d0.adding(days: day), hour: 9)
            return ServiceRow(platform: "instagram", id: "t\(day)", openedAt: opened,
                              firstResponseAt: opened + Int64(1_800_000 * (day % 5 + 1)),
                              resolvedAt: day % 4 == 0 ? nil : opened + 86_400_000, csat: day % 3 == 0 ? 3 : 5,
                              sentiment: day % 2 == 0 ? .positive : .neutral, line: day + 2)
        }
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("export.csv", rows: rows, inquiries: tickets))
        let goal = Goal(name: "Instagram reach", kpi: .reach, platform: "instagram", target: 30_000, direction: .atLeast,
                        start: F.d0, deadline: F.d0.adding(days: 30), line: 1)
        let alerts = [
            AlertRule(name: "Slow first replies", kpi: .firstResponseP90Seconds, bound: .above, limit: 7200, limitText: "2h"),
            AlertRule(kpi: .ctr, platform: "linkedin", bound: .below, limit: 0.005, limitText: "0.5%"),
        ]
        return store.snapshot(SnapshotRequest(window: .days(7), asOf: F.d0.adding(days: 13), now: 0, goals: [goal],
                                              alerts: alerts))
    }

    @Test func weeklyReport() {
        assertSnapshot(of: MarkdownReport.render(Self.snapshot()), as: .lines)
    }
}
