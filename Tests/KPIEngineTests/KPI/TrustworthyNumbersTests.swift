import Testing
@testable import KPIEngine
@testable import KPIReport

/// The rules of contract sections 4 and 5 that keep a screen from misleading: `all` ratios
/// pair numerator and denominator over the same platforms, a comparison needs a covered
/// baseline, the default window ends with the last complete day, money keeps its currency,
/// and today is shown apart.
@Suite struct TrustworthyNumbersTests {
    typealias F = StoreFixture

    /// Six platforms: two report reach, four only interactions; every platform covers the
    /// previous window (a row on day 0).
    static func sixPlatforms() -> [FileContribution] {
        var rows: [MetricsRow] = []
        for (index, name) in ["facebook", "instagram", "linkedin", "tiktok", "x", "youtube"].enumerated() {
            rows.append(F.row(name, day: 0, [.interactions: 1]))
            var values: [MetricField: Double] = [.interactions: Double(100 * (index + 1))]
            if index < 2 { values[.reach] = Double(4000 * (index + 1)) }
            rows.append(F.row(name, day: 13, values))
        }
        return [F.file("all.csv", rows: rows)]
    }

    @Test func allRatiosDivideOnlyOverThePlatformsThatReportEveryField() {
        let s = F.snapshot(Self.sixPlatforms())
        let er = s.value(.engagementRate)
        // (100 + 200) / (4000 + 8000), never (100 + ... + 600) / 12000.
        #expect(er.value == 300.0 / 12_000)
        #expect(er.platforms == ["facebook", "instagram"])
        // A plain sum still adds every platform that reports the field.
        #expect(s.value(.interactions).value == 2100)
        #expect(s.value(.interactions).platforms?.count == 6)
        #expect(s.value(.reach).platforms == ["facebook", "instagram"])
        #expect(CoverageNote.short(s, .engagementRate) == "from 2 of 6")
    }

    @Test func aRatioWithNoPairedPlatformIsNull() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 13, [.clicks: 5]), F.row("y", day: 13, [.impressions: 100]),
        ])])
        #expect(s.value(.ctr).value == nil)
        #expect(s.value(.ctr).platforms == [])
    }

    @Test func engagementRateByFollowersPairsThePlatformsWithAFollowerCount() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 13, followers: 1000, [.interactions: 50]),
            F.row("y", day: 13, [.interactions: 500]),
        ])])
        #expect(s.value(.engagementRateFollowers).value == 0.05)
        #expect(s.value(.engagementRateFollowers).platforms == ["x"])
    }

    @Test func aPreviousWindowTheDataDoesNotCoverHasNoValue() {
        // Window days 7...13, previous 0...6. x starts on day 3 (inside the previous window),
        // y on day 9 (inside the window), z on day 0 (covers it).
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 3, [.impressions: 1]), F.row("x", day: 10, [.impressions: 500]),
            F.row("y", day: 9, [.impressions: 5000]),
            F.row("z", day: 0, [.impressions: 10]), F.row("z", day: 10, [.impressions: 20]),
        ])])
        #expect(s.value(.impressions, platform: "x").previous == nil)
        #expect(s.value(.impressions, platform: "x").previousGap == .noEarlierData)
        #expect(s.value(.impressions, platform: "y").previousGap == .new)
        #expect(s.value(.impressions, platform: "z").previous == 10)
        #expect(s.value(.impressions, platform: "z").previousGap == nil)
        // all: null as soon as one platform entering the sum is not covered.
        #expect(s.value(.impressions).previous == nil)
        #expect(s.value(.impressions).previousGap == .noEarlierData)
        #expect(s.value(.impressions).change == nil)
    }

    @Test func theDefaultWindowEndsWithTheLastCompleteDay() {
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("a.csv", rows: [
            F.row("x", day: 0, [.impressions: 1]),
            F.row("x", day: 9, [.impressions: 100]),
            F.row("x", day: 10, hour: 1, [.impressions: 7]),   // today, at 01:00
        ]))
        let now = F.ms(F.d0.adding(days: 10), hour: 0, minute: 10)
        let s = store.snapshot(SnapshotRequest(window: .days(1), now: now))
        #expect(s.asOf == F.d0.adding(days: 9))
        #expect(s.value(.impressions).value == 100, "today's partial day is not in the window")
        #expect(!s.anchoredOnNewest)
    }

    @Test func todaySoFarComparesWithYesterdayUpToTheSameTime() {
        var store = MetricsStore(clock: F.utc)
        var file = FileContribution(path: "a.csv", hourlyFrom: F.d0.adding(days: 9), clock: F.utc)
        for row in [
            F.row("x", day: 9, hour: 8, [.impressions: 100]),
            F.row("x", day: 9, hour: 10, [.impressions: 60]),   // half of it counts at 10:30
            F.row("x", day: 9, hour: 20, [.impressions: 999]),
            F.row("x", day: 10, hour: 9, [.impressions: 40]),
        ] { file.metrics(row) }
        store.set(file)
        let s = store.snapshot(SnapshotRequest(window: .days(7), now: F.ms(F.d0.adding(days: 10), hour: 10, minute: 30)))
        let today = try! #require(s.today)
        #expect(today.day == F.d0.adding(days: 10))
        #expect(today.values["x"]?[.impressions] == 40)
        #expect(today.yesterdaySameTime["x"]?[.impressions] == 130)
        #expect(today.values["all"]?[.impressions] == 40)
        #expect(TodayLine.sentence(s.today)?.contains("yesterday by this time 130") == true)
    }

    @Test func moneyInDifferentCurrenciesIsNotAddedUp() {
        var usd = F.row("x", day: 13, [.spend: 100, .clicks: 10])
        usd.currency = .usd
        var eur = F.row("y", day: 13, [.spend: 50, .clicks: 10])
        eur.currency = .eur
        let s = F.snapshot([F.file("a.csv", rows: [usd, eur])])
        #expect(s.value(.spend, platform: "x").value == 100)
        #expect(s.currencies["x"] == .usd)
        #expect(s.currencies["y"] == .eur)
        #expect(s.value(.spend).value == nil)
        #expect(s.value(.spend).unavailable == "mixed currencies: EUR, USD")
        #expect(s.value(.cpc).value == nil)
        #expect(s.value(.clicks).value == 20, "counts still add up")
    }

    @Test func comparingWithTheSameDaysAYearEarlier() {
        var store = MetricsStore(clock: F.utc)
        let d0 = F.d0
        store.set(F.file("a.csv", rows: [
            F.row("x", day: -366, [.impressions: 1]),
            F.row("x", day: 13, [.impressions: 200]),
        ]))
        var lastYear = MetricValues.zero
        lastYear[.impressions] = 100
        store.update(path: "a.csv") { file in
            file.metrics(MetricsRow(platform: "x", day: d0.adding(days: 13).sameDayYearBefore,
                                    time: F.ms(d0.adding(days: 13).sameDayYearBefore), values: lastYear, line: 9))
        }
        let s = store.snapshot(SnapshotRequest(window: .days(7), asOf: d0.adding(days: 13), now: 0, comparison: .yearBefore))
        #expect(s.comparisonWindow?.end == d0.adding(days: 13).sameDayYearBefore)
        #expect(s.value(.impressions, platform: "x").previous == 100)
        #expect(s.value(.impressions, platform: "x").change == 1)
    }

    @Test func monthToDateComparesWithTheSameDaysOfThePreviousMonth() {
        let window = ReportWindow(toDate: .month, endingOn: Day(iso: "2026-11-14")!)
        #expect(window.start == Day(iso: "2026-11-01")!)
        #expect(window.previous == ReportWindow(start: Day(iso: "2026-10-01")!, end: Day(iso: "2026-10-14")!))
        let march = ReportWindow(toDate: .month, endingOn: Day(iso: "2026-03-31")!)
        #expect(march.previous?.end == Day(iso: "2026-02-28")!, "cut at the end of a shorter month")
        let quarter = ReportWindow(toDate: .quarter, endingOn: Day(iso: "2026-11-14")!)
        #expect(quarter.start == Day(iso: "2026-10-01")!)
        #expect(quarter.previous?.start == Day(iso: "2026-07-01")!)
        #expect(WindowLength("mtd") == .toDate(.month))
        #expect(WindowLength("QTD")?.description == "qtd")
    }

    @Test func aPostsDetailHasItsDaysAndSums() {
        var store = MetricsStore(clock: F.utc)
        store.set(F.file("p.csv", rows: [
            F.row("x", day: 5, id: "p1", title: "Launch", [.likes: 5, .interactions: 5]),
            F.row("x", day: 12, id: "p1", title: "Launch!", [.likes: 7, .interactions: 7]),
            F.row("x", day: 13, id: "p1", [.likes: 1, .interactions: 1]),
            F.row("x", day: 13, id: "p2", [.likes: 100, .interactions: 100]),
        ]))
        var request = SnapshotRequest(window: .days(7), asOf: F.d0.adding(days: 13), now: 0)
        request.post = PostReference(platform: "x", id: "p1")
        let detail = try! #require(store.snapshot(request).postDetail)
        #expect(detail.days.map(\.day) == [5, 12, 13].map { F.d0.adding(days: $0) })
        #expect(detail.title == "Launch!")
        #expect(detail.window[.likes] == 8)
        #expect(detail.lifetime[.likes] == 13)
        #expect(detail.firstDay == F.d0.adding(days: 5))
    }
}
