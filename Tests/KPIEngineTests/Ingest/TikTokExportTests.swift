import Testing
@testable import KPIEngine

/// TikTok Studio's exports in their real shapes (headers copied from real exports, values
/// invented), each read whole and in pieces.
@Suite struct TikTokExportTests {
    @Test func overviewWithoutYearsAcrossNewYearAndNetComments() throws {
        let sink = try Ingest.parseFixture("tiktok_overview_2025.csv", path: "Overview.csv", modified: "2026-01-03")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["tiktok", "tiktok", "tiktok", "tiktok"])
        #expect(sink.metricsRows.map(\.day) == ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"].map(Ingest.day))
        #expect(sink.metricsRows.map(\.values[.comments]) == [4, -3, 2, -7])
        #expect(sink.metricsRows.map(\.values[.videoViews]) == [1000, 1100, 1200, 900])
        #expect(sink.metricsRows.map(\.values[.profileVisits]) == [10, 11, 12, 9])
        #expect(sink.metricsRows.map(\.values[.interactions]) == [56, 38, 32, 16])
        #expect(sink.notes.contains("negative values kept as net changes (comments, first at line 3)"))
        #expect(sink.notes.contains("dates without a year: 2025-12-30..2026-01-02, from the file's export day "
            + "(2026-01-03, the file's modification day)"))
        #expect(sink.summary.line(path: "Overview.csv")
            == "Overview.csv: tiktok (from header), 4 rows, dates Dec 30, 2025..Jan 2, 2026")
    }

    @Test func aYearOfDaysEndingTheDayBeforeTheExportDay() throws {
        var lines = ["\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\""]
        var day = Ingest.day("2025-02-28")
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        while day <= Ingest.day("2026-02-27") {
            lines.append("\"\(months[day.civil.month - 1]) \(day.civil.day)\",\"1\",\"0\",\"0\",\"0\",\"0\"")
            day = day.adding(days: 1)
        }
        let sink = Ingest.parseBothWays(Array((lines.joined(separator: "\n") + "\n").utf8), path: "Overview.csv",
                                        modified: "2026-02-28")
        #expect(sink.metricsRows.count == 365)
        #expect(sink.metricsRows.first?.day == Ingest.day("2025-02-28"))
        #expect(sink.metricsRows.last?.day == Ingest.day("2026-02-27"))
        #expect(sink.notes.contains("dates without a year: 2025-02-28..2026-02-27, from the file's export day "
            + "(2026-02-28, the file's modification day)"))
    }

    @Test func overview2026WithReachedAudienceAndFollowerGrowth() throws {
        let sink = try Ingest.parseFixture("tiktok_overview_2026.csv", path: "exports/tiktok_overview_2026.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["tiktok", "tiktok"])
        #expect(sink.metricsRows.map(\.day) == [Ingest.day("2026-05-10"), Ingest.day("2026-05-11")])
        #expect(sink.metricsRows.map(\.values[.reach]) == [2200, 2500])
        #expect(sink.metricsRows.map(\.values[.clicks]) == [6, 4])
        #expect(sink.metricsRows.map(\.values[.netFollowerGrowth]) == [-2, 10])
        #expect(sink.metricsRows.map(\.values[.followersGained]) == [5, 12])
        #expect(sink.metricsRows.map(\.values[.followersLost]) == [7, 2])
        #expect(sink.metricsRows.map(\.values[.comments]) == [15, -1])
        #expect(sink.summary.platforms == [.init(name: "tiktok", origin: .header)])
    }

    @Test func nanIsNoValueNotAReason() throws {
        let sink = try Ingest.parseFixture("tiktok_overview_leads.csv", path: "tiktok/overview.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.values[.clicks]) == [nil, 3])
        #expect(sink.metricsRows.map(\.values[.leads]) == [nil, 1])
        #expect(sink.metricsRows.map(\.values[.videoViews]) == [700, 800])
    }

    @Test func contentListTakesThePostTimeAndTheVideoLink() throws {
        let sink = try Ingest.parseFixture("tiktok_content_2025.csv", path: "Content.csv", modified: "2026-02-28")
        #expect(sink.rejections.isEmpty)
        // Sorted by views, not by date: each date takes the latest year on or before the export day.
        #expect(sink.metricsRows.map(\.day) == ["2025-07-16", "2026-01-23", "2025-09-03"].map(Ingest.day))
        #expect(sink.metricsRows.map(\.id) == (1...3).map { "https://www.tiktok.com/@acme/video/700000000000000000\($0)" })
        #expect(sink.metricsRows.map(\.title) == ["Boots in the rain", nil, "Sale!"])
        #expect(sink.metricsRows.map(\.values[.videoViews]) == [9000, 4000, 2500])
        #expect(sink.metricsRows.map(\.values[.interactions]) == [540, 5, 110])
        #expect(sink.metricsRows.allSatisfy { $0.platform == "tiktok" })
    }

    @Test func videoList2026() throws {
        let sink = try Ingest.parseFixture("tiktok_content_2026.csv", path: "videos.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.time) == [Ingest.utcMilliseconds("2026-06-29", 18, 30), Ingest.utcMilliseconds("2026-06-30", 9, 5)])
        #expect(sink.metricsRows.map(\.platform) == ["tiktok", "tiktok"])
        #expect(sink.metricsRows.map(\.values[.likes]) == [80, 40])
    }

    @Test func followerHistoryWithUndefinedAndNegativeDifferences() throws {
        let sink = try Ingest.parseFixture("tiktok_follower_history_2025.csv", path: "FollowerHistory.csv", modified: "2025-03-01")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.day) == ["2025-02-26", "2025-02-27", "2025-02-28"].map(Ingest.day))
        #expect(sink.metricsRows.map(\.followers) == [nil, 500, 497])
        #expect(sink.metricsRows.map(\.values[.netFollowerGrowth]) == [0, 0, -3])
        #expect(sink.metricsRows.allSatisfy { $0.platform == "tiktok" })
    }

    @Test func withoutAnExportDayYearlessDatesAreRejected() throws {
        let content = try Ingest.parseFixture("tiktok_content.csv", path: "tiktok/Content.csv")
        #expect(content.metricsRows.isEmpty)
        #expect(content.rejectionReasons.first?.hasPrefix("date without a year: 'April 12'") == true)
        #expect(content.summary.undatedExplanation?.hasPrefix("No row could be dated (date without a year") == true)
    }

    @Test func olderFixtureShapes() throws {
        let overview = try Ingest.parseFixture("tiktok_overview.csv", path: "tt/Overview.csv")
        #expect(overview.metricsRows.first?.values[.videoViews] == 5000)
        #expect(overview.metricsRows.first?.values[.interactions] == 442)
        let followers = try Ingest.parseFixture("tiktok_follower_history.csv", path: "tiktok/FollowerHistory.csv")
        #expect(followers.metricsRows.first?.followers == 12000)
        #expect(followers.metricsRows.first?.values[.netFollowerGrowth] == 35)
    }
}
