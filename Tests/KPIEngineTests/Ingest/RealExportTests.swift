import Testing
@testable import KPIEngine

/// One self-written file per real export shape (real header names, invented values).
@Suite struct RealExportTests {
    @Test func metaFacebookPosts() throws {
        let sink = try Ingest.parseFixture("meta_facebook_posts.csv", path: "facebook/posts.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(sink.rejections.isEmpty)
        #expect(row.id == "1001" && row.title == "Autumn launch" && row.platform == "facebook")
        #expect(row.time == Ingest.utcMilliseconds("2026-11-20", 14, 5))
        #expect(row.values[.impressions] == 15000 && row.values[.reach] == 9000)
        #expect(row.values[.likes] == 100 && row.values[.comments] == 25 && row.values[.shares] == 15)
        #expect(row.values[.clicks] == 100 && row.values[.interactions] == 140)
    }

    @Test func metaInstagramPostsWithUSPublishTime() throws {
        let sink = try Ingest.parseFixture("meta_instagram_posts.csv", path: "ig/posts.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(row.platform == "instagram" && row.title == "Reel about boots")
        #expect(row.time == Ingest.utcMilliseconds("2026-09-15", 18))
        #expect(row.values[.impressions] == 4200 && row.values[.saves] == 40 && row.values[.interactions] == 332)
    }

    @Test func oldFacebookInsightsSkipsDescriptionRowAndDuplicateHeader() throws {
        let sink = try Ingest.parseFixture("facebook_insights_old.csv", path: "fb/insights.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(sink.rejections.isEmpty && sink.metricsRows.count == 1)
        #expect(row.values[.reach] == 1200 && row.values[.impressions] == 2500)
        #expect(row.title == "Hello world" && row.line == 3)
        #expect(row.time == Ingest.utcMilliseconds("2016-11-20", 9, 30))
        #expect(sink.notes.count == 2)
        #expect(sink.notes.contains { $0.contains("'Type' appears twice") })
        #expect(sink.notes.contains { $0.contains("description row") })
    }

    @Test func xTweetActivity() throws {
        let sink = try Ingest.parseFixture("x_tweet_activity.csv", path: "twitter/tweets.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(sink.rejections.isEmpty && row.platform == "x" && row.id == "4004" && row.title == "Big news")
        #expect(row.values[.impressions] == 424 && row.values[.likes] == 20)
        #expect(row.values[.shares] == 5 && row.values[.comments] == 2 && row.values[.clicks] == 7)
        #expect(row.values[.interactions] == 27)
        let old = try Ingest.parseFixture("x_tweet_activity_2015.csv", path: "tw/2015.csv")
        #expect(old.metricsRows.first?.values[.likes] == 8)
    }

    @Test func tiktokShapes() throws {
        let overview = try Ingest.parseFixture("tiktok_overview.csv", path: "tt/Overview.csv")
        #expect(overview.metricsRows.first?.values[.videoViews] == 5000)
        #expect(overview.metricsRows.first?.values[.interactions] == 442)
        let content = try Ingest.parseFixture("tiktok_content.csv", path: "tiktok/Content.csv")
        #expect(content.metricsRows.isEmpty)
        #expect(content.rejectionReasons.first?.hasPrefix("date without a year") == true)
        let followers = try Ingest.parseFixture("tiktok_follower_history.csv", path: "tiktok/FollowerHistory.csv")
        #expect(followers.metricsRows.first?.followers == 12000)
        #expect(followers.metricsRows.first?.values.present == 0)
    }

    @Test func youtubeStudioSkipsTotalRowAndSoftHyphens() throws {
        let sink = try Ingest.parseFixture("youtube_studio.csv", path: "yt/videos.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(sink.metricsRows.count == 1 && sink.rejections.isEmpty)
        #expect(sink.notes.count == 1 && sink.notes[0].contains("Total"))
        #expect(row.platform == "youtube" && row.id == "abc123" && row.title == "How to lace boots")
        #expect(row.day == Ingest.day("2026-11-20"))
        #expect(row.values[.videoViews] == 2000 && row.values[.impressions] == 30000)
        #expect(row.values[.comments] == 9 && row.values[.revenue] == 12.5)
    }

    @Test func linkedinTotalColumns() throws {
        let metrics = try Ingest.parseFixture("linkedin_metrics.csv", path: "li/metrics.csv")
        let row = try #require(metrics.metricsRows.first)
        #expect(row.platform == "linkedin" && row.day == Ingest.day("2026-11-20"))
        #expect(row.values[.impressions] == 1000 && row.values[.clicks] == 40)
        #expect(row.values[.likes] == 25 && row.values[.comments] == 5 && row.values[.shares] == 3)
        let followers = try Ingest.parseFixture("linkedin_followers.csv", path: "linkedin_followers.csv")
        #expect(followers.metricsRows.first?.followers == 5400)
        #expect(followers.metricsRows.first?.platform == "linkedin")
    }

    @Test func facebookAdsManager() throws {
        let sink = try Ingest.parseFixture("facebook_ads.csv", path: "fb/ads.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(row.id == "6006" && row.title == "Black Friday" && row.day == Ingest.day("2026-11-20"))
        #expect(row.values[.spend] == 35.2 && row.values[.impressions] == 12000 && row.values[.clicks] == 150)
        #expect(row.values[.likes] == 50 && row.values[.interactions] == 60)
    }

    @Test func sproutSocialPlatformFromNetwork() throws {
        let sink = try Ingest.parseFixture("sprout_posts.csv", path: "sprout.csv")
        #expect(sink.metricsRows.map(\.platform) == ["instagram", "x"])
        let first = sink.metricsRows[0]
        #expect(first.title == "Boots!" && first.id == "8008")
        #expect(first.values[.likes] == 50 && first.values[.clicks] == 9 && first.values[.interactions] == 67)
        #expect(sink.metricsRows[1].values[.interactions] == 6)
    }

    @Test func zendeskTickets() throws {
        let sink = try Ingest.parseFixture("zendesk_tickets.csv", path: "support/zendesk.csv")
        #expect(sink.metricsRows.isEmpty)
        #expect(sink.serviceRows.count == 2)
        let solved = sink.serviceRows[0]
        #expect(solved.id == "7007" && solved.platform == "support")
        #expect(solved.openedAt == Ingest.utcMilliseconds("2026-11-20", 9))
        #expect(solved.firstResponseAt == Ingest.utcMilliseconds("2026-11-20", 9, 30))
        #expect(solved.resolvedAt == Ingest.utcMilliseconds("2026-11-20", 11) && solved.csat == 5)
        #expect(sink.serviceRows[1].csat == nil && sink.serviceRows[1].firstResponseAt == nil)
        #expect(sink.rejections.map(\.line) == [4])
        #expect(sink.rejectionReasons == ["resolved_at before opened_at"])
    }
}
