import Testing
@testable import KPIEngine

/// YouTube Studio's "Table data.csv" in its real shapes (headers copied from real exports,
/// values invented), each read whole and in pieces.
@Suite struct YouTubeExportTests {
    @Test func studioSkipsTotalRowAndSoftHyphens() throws {
        let sink = try Ingest.parseFixture("youtube_studio.csv", path: "yt/videos.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(sink.metricsRows.count == 1 && sink.rejections.isEmpty)
        #expect(sink.notes.count == 1 && sink.notes[0].contains("Total"))
        #expect(row.platform == "youtube" && row.id == "abc123" && row.title == "How to lace boots")
        #expect(row.day == Ingest.day("2026-11-20"))
        #expect(row.values[.videoViews] == 2000 && row.values[.impressions] == 30000)
        #expect(row.values[.comments] == 9 && row.values[.revenue] == 12.5 && row.currency == .usd)
        #expect(row.values[.followersGained] == 10 && row.values[.followersLost] == 2)
        #expect(row.values[.netFollowerGrowth] == 8)
        #expect(row.values[.watchTimeSeconds] == 50.5 * 3600)
    }

    @Test func contentTableWithMonthNameDatesUnderItsOwnName() throws {
        let sink = try Ingest.parseFixture("youtube_table_data_content.csv", path: "Table data.csv")
        #expect(sink.metricsRows.map(\.id) == ["aB3dE5gH7jK", "-xY9zW8vU7t"])
        #expect(sink.metricsRows.map(\.platform) == ["youtube", "youtube"])
        #expect(sink.metricsRows.map(\.day) == [Ingest.day("2020-04-29"), Ingest.day("2021-01-05")])
        #expect(sink.metricsRows.map(\.title) == ["Knots, part one", "Boot care #shorts"])
        #expect(sink.metricsRows.map(\.values[.videoViews]) == [900, 600])
        #expect(sink.metricsRows.map(\.values[.impressions]) == [6000, 3800])
        #expect(sink.metricsRows.map(\.values[.watchTimeSeconds]) == [40.5 * 3600, 20.75 * 3600])
        // `Subscribers` is the net change a video brought, and may be negative.
        #expect(sink.metricsRows.map(\.values[.netFollowerGrowth]) == [5, -1])
        #expect(sink.rejections.map(\.line) == [5] && sink.rejectionReasons == ["no time"])
        #expect(sink.summary.line(path: "Table data.csv")
            == "Table data.csv: youtube (from header), 2 rows, dates Apr 29, 2020..Jan 5, 2021")
        #expect(sink.notes.contains { $0.contains("negative values kept as net changes (net_follower_growth") })
    }

    @Test func shortsTableWithSubscribersGainedAndShownInFeed() throws {
        let sink = try Ingest.parseFixture("youtube_table_data_shorts.csv", path: "Table data.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.day) == [Ingest.day("2023-12-31"), Ingest.day("2024-01-01")])
        #expect(sink.metricsRows.map(\.values[.followersGained]) == [9, 3])
        #expect(sink.metricsRows.map(\.values[.netFollowerGrowth]) == [8, 2])
        #expect(sink.metricsRows.map(\.values[.likes]) == [60, 30])
        // Impressions of the thumbnail win; "Shown in feed" is read only when a file lacks them.
        #expect(sink.metricsRows.map(\.values[.impressions]) == [400, 300])
        #expect(sink.metricsRows.map(\.values[.videoViews]) == [1500, 600])
    }

    @Test func dateTableNewestFirstWithRevenueAndAverageDuration() throws {
        let sink = try Ingest.parseFixture("youtube_table_data_daily.csv", path: "Table data.csv")
        #expect(sink.rejections.isEmpty && sink.notes == ["skipped summary rows ('Total'), first at line 2"])
        #expect(sink.metricsRows.map(\.platform) == ["youtube", "youtube", "youtube"])
        #expect(sink.metricsRows.map(\.day) == ["2024-11-26", "2024-11-25", "2024-11-24"].map(Ingest.day))
        #expect(sink.metricsRows.map(\.values[.videoViews]) == [1200, 1000, 800])
        #expect(sink.metricsRows.map(\.values[.impressions]) == [nil, nil, nil])
        // The watch time column wins over average duration × views.
        let hours: [Double] = [60.25, 50.125, 40.125]
        #expect(sink.metricsRows.map(\.values[.watchTimeSeconds]) == hours.map { $0 * 3600 })
        #expect(sink.metricsRows.map(\.values[.revenue]) == [20.5, 15.25, 10])
        #expect(sink.metricsRows.allSatisfy { $0.currency == .usd })
    }

    @Test func filesResavedBySpreadsheets() throws {
        let dashes = try Ingest.parseFixture("youtube_resaved_dashes.csv", path: "yt/dashes.csv")
        #expect(dashes.rejections.isEmpty)
        #expect(dashes.metricsRows.map(\.day) == [Ingest.day("2020-08-05"), Ingest.day("2020-07-16")])
        let excel = try Ingest.parseFixture("youtube_resaved_excel.csv", path: "yt/excel.csv")
        #expect(excel.rejections.isEmpty)
        #expect(excel.metricsRows.map(\.day) == [Ingest.day("2026-06-03"), Ingest.day("2026-07-09")])
        #expect(excel.metricsRows.map(\.values[.watchTimeSeconds]) == [13.5 * 3600, 7.25 * 3600])
    }

    @Test func subscriptionStatusTableIsASnapshotWithWatchTime() throws {
        let sink = try Ingest.parseFixture("youtube_subscription_status.csv", path: "youtube/status.csv", modified: "2026-05-16")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.title) == [nil, nil])
        #expect(sink.metricsRows.map(\.values[.videoViews]) == [900, 100])
        #expect(sink.metricsRows.map(\.values[.watchTimeSeconds]) == [18 * 3600, 2.5 * 3600])
        #expect(sink.metricsRows.allSatisfy { $0.isLifetimeSnapshot && $0.day == Ingest.day("2026-05-16") })
    }

    @Test func averageViewDurationGivesWatchTimeWhenNoColumnHasIt() {
        let sink = Ingest.parse("Content,Video title,Video publish time,Views,Average view duration\n"
            + "a1,One,\"May 10, 2026\",100,0:02:10\nb2,Two,\"May 11, 2026\",3,1:00:00\n", path: "Table data.csv")
        #expect(sink.metricsRows.map(\.values[.watchTimeSeconds]) == [13000, 10800])
    }
}
