import Testing
@testable import KPIEngine

@Suite struct FollowerTests {
    typealias F = StoreFixture

    @Test func startIsTheLatestObservationBeforeTheWindow() {
        // Window 7d ending day 13 = days 7...13.
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 3, followers: 900),
            F.row("x", day: 5, followers: 1000),
            F.row("x", day: 9, followers: 1100),
            F.row("x", day: 12, followers: 1150),
            F.row("x", day: 20, followers: 5000),   // after the window end: ignored
        ])])
        #expect(s.value(.followers, platform: "x").value == 1150)
        #expect(s.value(.followersStart, platform: "x").value == 1000)
        #expect(s.value(.followerGrowth, platform: "x").value == 150)
        #expect(s.value(.followerGrowthRate, platform: "x").value == 0.15)
    }

    @Test func startFallsBackToTheEarliestObservationInsideTheWindow() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 8, followers: 200),
            F.row("x", day: 10, followers: 260),
        ])])
        #expect(s.value(.followersStart, platform: "x").value == 200)
        #expect(s.value(.followerGrowth, platform: "x").value == 60)
        #expect(s.value(.followerGrowthRate, platform: "x").value == 0.3)
    }

    @Test func latestObservationOfADayWins() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 13, followers: 300, hour: 18, line: 2),
            F.row("x", day: 13, followers: 100, hour: 6, line: 3),
        ])])
        #expect(s.value(.followers, platform: "x").value == 300)
    }

    @Test func noObservationsMeansNull() {
        let s = F.snapshot([F.file("a.csv", rows: [F.row("x", day: 13, [.reach: 1])])])
        #expect(s.value(.followers, platform: "x").value == nil)
        #expect(s.value(.followerGrowth, platform: "x").value == nil)
        #expect(s.value(.engagementRateFollowers, platform: "x").value == nil)
    }

    @Test func allSumsPerPlatformFollowers() {
        let s = F.snapshot([F.file("a.csv", rows: [
            F.row("x", day: 2, followers: 100), F.row("x", day: 12, followers: 150),
            F.row("tiktok", day: 10, followers: 1000), F.row("tiktok", day: 11, followers: 1200),
            F.row("youtube", day: 11, [.reach: 5]),
        ])])
        #expect(s.value(.followers).value == 1350)
        #expect(s.value(.followersStart).value == 1100)
        #expect(s.value(.followerGrowth).value == 250)
    }
}
