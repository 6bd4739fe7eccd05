import Testing
@testable import KPIEngine

@Suite struct ServiceKPITests {
    typealias F = StoreFixture

    static func inquiry(_ id: String?, day: Int, hour: Int = 9, respondSeconds: Int64? = nil,
                        resolveSeconds: Int64? = nil, csat: Double? = nil, sentiment: Sentiment? = nil,
                        platform: String = "x") -> ServiceRow {
        let opened = F.ms(F.d0.adding(days: day), hour: hour)
        return ServiceRow(platform: platform, id: id, openedAt: opened,
                          firstResponseAt: respondSeconds.map { opened + $0 * 1000 },
                          resolvedAt: resolveSeconds.map { opened + $0 * 1000 },
                          csat: csat, sentiment: sentiment, line: 1)
    }

    @Test func percentilesAreNearestRank() {
        #expect(Percentile.median([10, 20, 30, 40]) == 20)
        #expect(Percentile.p90([10, 20, 30, 40]) == 40)
        #expect(Percentile.p90((1...10).map(Double.init)) == 9)
        #expect(Percentile.p90((1...30).map(Double.init)) == 27)
        #expect(Percentile.median([7]) == 7)
        #expect(Percentile.median([]) == nil)
    }

    @Test func serviceKPIs() {
        let s = F.snapshot([F.file("t.jsonl", inquiries: [
            Self.inquiry("1", day: 10, respondSeconds: 60, resolveSeconds: 3600, csat: 5, sentiment: .positive),
            Self.inquiry("2", day: 11, respondSeconds: 120, csat: 4, sentiment: .negative),
            Self.inquiry("3", day: 12, respondSeconds: 600, resolveSeconds: 7200, csat: 2, sentiment: .neutral),
            Self.inquiry("4", day: 12),
            Self.inquiry("5", day: 3, resolveSeconds: 86_400 * 20),  // before the window, resolved after it
            Self.inquiry("6", day: 2),                                // never resolved: backlog
        ])])
        func v(_ k: KPI) -> Double? { s.value(k, platform: "x").value }
        #expect(v(.inquiries) == 4)
        #expect(v(.responseRate) == 0.75)
        #expect(v(.firstResponseMedianSeconds) == 120)
        #expect(v(.firstResponseP90Seconds) == 600)
        #expect(v(.resolutionRate) == 0.5)
        #expect(v(.resolutionMedianSeconds) == 3600)
        #expect(v(.csat) == 2.0 / 3.0)
        #expect(v(.sentiment) == 0)
        // Open at the window end: 2, 4 (no resolution), 5 (resolved later), 6.
        #expect(v(.backlog) == 4)
    }

    @Test func laterRecordWithTheSameIdReplacesTheEarlier() {
        let s = F.snapshot([
            F.file("a.jsonl", mtime: 1, inquiries: [Self.inquiry("1", day: 12)]),
            F.file("b.jsonl", mtime: 2, inquiries: [Self.inquiry("1", day: 12, respondSeconds: 30)]),
        ])
        #expect(s.value(.inquiries).value == 1)
        #expect(s.value(.responseRate).value == 1)
    }

    @Test func platformWithoutServiceDataHasNullCounts() {
        let s = F.snapshot([F.file("a.csv", rows: [F.row("ig", day: 13, [.reach: 1])])])
        #expect(s.value(.inquiries, platform: "ig").value == nil)
        #expect(s.value(.backlog, platform: "ig").value == nil)
        #expect(s.value(.responseRate, platform: "ig").value == nil)
    }
}
