import Testing
@testable import KPIEngine

/// X (Twitter) analytics exports in their real shapes (headers copied from real exports,
/// values invented), each read whole and in pieces.
@Suite struct XExportTests {
    @Test func tweetActivity() throws {
        let sink = try Ingest.parseFixture("x_tweet_activity.csv", path: "twitter/tweets.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(sink.rejections.isEmpty && row.platform == "x" && row.id == "4004" && row.title == "Big news")
        #expect(row.values[.impressions] == 424 && row.values[.likes] == 20)
        #expect(row.values[.shares] == 5 && row.values[.comments] == 2 && row.values[.clicks] == 7)
        #expect(row.values[.interactions] == 27 && row.values[.engagements] == 30)
        #expect(row.values[.profileVisits] == 1)
        let old = try Ingest.parseFixture("x_tweet_activity_2015.csv", path: "tw/2015.csv")
        #expect(old.metricsRows.first?.values[.likes] == 8)
    }

    @Test func tweetActivityUnderXsOwnFileName() throws {
        let name = "tweet_activity_metrics_acme_20261101_20261201_en.csv"
        let sink = try Ingest.parseFixture(name)
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["x", "x"])
        #expect(sink.summary.line(path: name) == "\(name): x (from header), 2 rows, dates Nov 29, 2026..Nov 30, 2026")
        let first = sink.metricsRows[0]
        #expect(first.id == "1860000000000000001" && first.title == "New boots,\nnew season")
        #expect(first.time == Ingest.utcMilliseconds("2026-11-30", 16))
        #expect(first.values[.impressions] == 2000 && first.values[.engagements] == 40)
        #expect(first.values[.interactions] == 15 && first.values[.profileVisits] == 4)
        #expect(first.values[.videoViews] == 25 && first.values[.followersGained] == 1 && first.values[.clicks] == 6)
        // Zero likes, replies and retweets are zero interactions; X's own engagements stay apart.
        #expect(sink.metricsRows[1].values[.interactions] == 0)
        #expect(sink.metricsRows[1].values[.engagements] == 12)
    }

    @Test func dailyActivity() throws {
        let name = "daily_tweet_activity_metrics_acme_20261101_20261201_en.csv"
        let sink = try Ingest.parseFixture(name)
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["x", "x"])
        #expect(sink.metricsRows.map(\.day) == [Ingest.day("2026-11-01"), Ingest.day("2026-11-02")])
        #expect(sink.metricsRows.map(\.values[.impressions]) == [1000, 300])
        #expect(sink.metricsRows.map(\.values[.interactions]) == [8, 0])
        #expect(sink.summary.shape == "X daily activity")
    }

    @Test func afterASpreadsheetIdsInScientificNotationAreNoIds() throws {
        let sink = try Ingest.parseFixture("x_tweets_resaved.csv", path: "x/resaved.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.id) == [nil, nil])
        #expect(sink.metricsRows.map(\.values[.impressions]) == [100, 200])
        #expect(sink.metricsRows.map(\.time) == [Ingest.utcMilliseconds("2016-11-26", 5, 8, 54), Ingest.utcMilliseconds("2016-11-26", 17, 30)])
        #expect(sink.metricsRows.map(\.title) == ["Café opening", "Second \u{201C}quote\u{201D}"])
        #expect(sink.notes.contains("text that is not valid UTF-8 was read as Windows-1252 (first at line 2)"))
        #expect(sink.notes.contains { $0.hasPrefix("column 'Tweet id' holds ids in scientific notation ('6.54E+17'") })
    }
}
