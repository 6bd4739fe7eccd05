import Testing
@testable import KPIEngine

@Suite struct KPIFormulaTests {
    typealias F = StoreFixture

    @Test func ratiosAreRatiosOfSumsNotAveragesOfDailyRatios() {
        let s = F.snapshot([F.file("ig.csv", rows: [
            F.row("instagram", day: 12, [.likes: 10, .interactions: 10, .reach: 100]),
            F.row("instagram", day: 13, [.likes: 1, .interactions: 1, .reach: 1000]),
        ])])
        let er = s.value(.engagementRate, platform: "instagram")
        #expect(er.value == 11.0 / 1100.0)
        #expect(er.value != (0.1 + 0.001) / 2)
        // A daily point is that day's ratio of sums.
        #expect(er.daily.suffix(2) == [0.1, 0.001])
    }

    @Test func everyRatioFormula() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 13, followers: 500, [
                .impressions: 2000, .reach: 800, .interactions: 40, .clicks: 50, .conversions: 5,
                .leads: 10, .spend: 100, .revenue: 450, .mentions: 30, .competitorMentions: 70,
            ]),
        ])])
        func v(_ k: KPI) -> Double? { s.value(k, platform: "x").value }
        #expect(v(.frequency) == 2.5)
        #expect(v(.shareOfVoice) == 0.3)
        #expect(v(.engagementRate) == 0.05)
        #expect(v(.engagementRateImpressions) == 0.02)
        #expect(v(.engagementRateFollowers) == 0.08)
        #expect(v(.ctr) == 0.025)
        #expect(v(.conversionRate) == 0.1)
        #expect(v(.leadRate) == 0.2)
        #expect(v(.cpc) == 2)
        #expect(v(.cpa) == 20)
        #expect(v(.roas) == 4.5)
        #expect(v(.roi) == 3.5)
    }

    @Test func zeroOrMissingDenominatorIsNull() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 13, [.interactions: 4, .reach: 0, .spend: 10]),
        ])])
        #expect(s.value(.reach, platform: "x").value == 0)
        #expect(s.value(.engagementRate, platform: "x").value == nil)   // reach 0
        #expect(s.value(.impressions, platform: "x").value == nil)      // never reported
        #expect(s.value(.ctr, platform: "x").value == nil)              // impressions missing
        #expect(s.value(.cpa, platform: "x").value == nil)              // conversions missing
        #expect(s.value(.roi, platform: "x").value == nil)              // revenue missing
        #expect(s.value(.shareOfVoice, platform: "x").value == nil)
    }

    @Test func aSumIsZeroInAnEmptyWindowButNullWhenNeverReported() {
        let s = F.snapshot([F.file("a.csv", rows: [F.row("x", day: 0, [.impressions: 7])])])
        #expect(s.value(.impressions, platform: "x").value == 0)       // reported, outside the window
        #expect(s.value(.likes, platform: "x").value == nil)
        #expect(s.value(.impressions).value == 0)
        #expect(s.value(.likes).value == nil)
    }

    @Test func allSumsPlatformsAndKeepsRatiosOfSums() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 13, [.interactions: 10, .reach: 100]),
            F.row("linkedin", day: 13, [.interactions: 30, .reach: 900]),
        ])])
        #expect(s.value(.reach).value == 1000)
        #expect(s.value(.engagementRate).value == 0.04)
        #expect(s.platforms == ["linkedin", "x"])
    }

    @Test func previousWindowAndChange() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 0, [.impressions: 40]),    // previous window: days 0...6
            F.row("x", day: 6, [.impressions: 60]),
            F.row("x", day: 7, [.impressions: 150]),   // window: days 7...13
        ])])
        let v = s.value(.impressions, platform: "x")
        #expect(s.window.start == F.d0.adding(days: 7))
        #expect(s.window.end == F.d0.adding(days: 13))
        #expect(v.value == 150)
        #expect(v.previous == 100)
        #expect(v.change == 0.5)
        #expect(v.daily.count == 7)
    }

    @Test func allWindowSpansAllDataAndHasNoPrevious() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 2, [.impressions: 1]), F.row("x", day: 9, [.impressions: 2]),
        ])], window: .all)
        #expect(s.window.start == F.d0.adding(days: 2))
        #expect(s.value(.impressions).value == 3)
        #expect(s.value(.impressions).previous == nil)
    }

    @Test func anchorsOnNewestDataWhenDataIsOlderThanTheWindow() {
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("a.csv", rows: [F.row("x", day: 2, [.impressions: 5])]))
        let snap = store.snapshot(SnapshotRequest(window: .days(7), now: F.ms(F.d0.adding(days: 100))))
        #expect(snap.anchoredOnNewest)
        #expect(snap.asOf == F.d0.adding(days: 2))
        #expect(snap.value(.impressions).value == 5)
        let fresh = store.snapshot(SnapshotRequest(window: .days(7), now: F.ms(F.d0.adding(days: 5))))
        #expect(!fresh.anchoredOnNewest)
        #expect(fresh.asOf == F.d0.adding(days: 4), "the last complete day, yesterday")
    }
}
