import Testing
@testable import KPIEngine

/// One self-written file per real export shape of Meta, LinkedIn, Sprout Social and Zendesk
/// (real header names and value formats, invented values), each read whole and in pieces.
@Suite struct RealExportTests {
    @Test func metaFacebookPosts() throws {
        let sink = try Ingest.parseFixture("meta_facebook_posts.csv", path: "facebook/posts.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(sink.rejections.isEmpty)
        #expect(row.id == "1001" && row.title == "Autumn launch" && row.platform == "facebook")
        #expect(row.time == Ingest.utcMilliseconds("2026-11-20", 14, 5))
        #expect(row.values[.impressions] == 15000 && row.values[.reach] == 9000)
        #expect(row.values[.likes] == 100 && row.values[.comments] == 25 && row.values[.shares] == 15)
        #expect(row.values[.clicks] == 100 && row.values[.interactions] == 140 && row.values[.engagements] == 140)
    }

    @Test func metaFacebookPostsNamedByMetaTakeThePlatformFromTheHeader() throws {
        let sink = try Ingest.parseFixture("Jan-14-2025_Apr-14-2025_1396269028466733.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["facebook", "facebook"])
        #expect(sink.summary.platforms == [.init(name: "facebook", origin: .header)])
        #expect(sink.summary.shape == "Meta Business Suite Facebook posts")
        let first = sink.metricsRows[0]
        #expect(first.id == "9100001" && first.title == "Spring line")
        #expect(first.time == Ingest.utcMilliseconds("2025-02-16", 5, 14))
        #expect(first.values[.impressions] == 400 && first.values[.reach] == 150)
        #expect(first.values[.likes] == 20 && first.values[.comments] == 6 && first.values[.shares] == 4)
        #expect(first.values[.clicks] == 5 && first.values[.interactions] == 30)
        #expect(sink.metricsRows[1].values[.clicks] == nil && sink.metricsRows[1].title == "Short one")
    }

    @Test func metaInstagramPostsWithUSPublishTime() throws {
        let sink = try Ingest.parseFixture("meta_instagram_posts.csv", path: "ig/posts.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(row.platform == "instagram" && row.title == "Reel about boots")
        #expect(row.time == Ingest.utcMilliseconds("2026-09-15", 18))
        #expect(row.values[.impressions] == 4200 && row.values[.saves] == 40 && row.values[.interactions] == 332)
        #expect(row.values[.followersGained] == 3 && row.values[.netFollowerGrowth] == 3)
    }

    @Test func metaInstagramPostsNamedByMeta() throws {
        let sink = try Ingest.parseFixture("Mar-18-2025_Apr-14-2025_1019826952924933.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["instagram", "instagram"])
        #expect(sink.metricsRows.map(\.values[.impressions]) == [520, 1660])
        #expect(sink.metricsRows.map(\.values[.reach]) == [370, 1520])
        #expect(sink.metricsRows.map(\.values[.followersGained]) == [1, nil])
        #expect(sink.metricsRows.map(\.day) == [Ingest.day("2025-03-18"), Ingest.day("2025-03-19")])
    }

    @Test func instagramPostInsightsWithoutDatesAreASnapshotOnTheExportDay() throws {
        let sink = try Ingest.parseFixture("instagram_post_insights.csv", modified: "2026-05-16")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["instagram", "instagram"])
        #expect(sink.metricsRows.allSatisfy { $0.day == Ingest.day("2026-05-16") && $0.isLifetimeSnapshot })
        #expect(sink.metricsRows.map(\.values[.impressions]) == [4000, 5000])
        #expect(sink.metricsRows.map(\.values[.profileVisits]) == [30, 50])
        #expect(sink.metricsRows.map(\.values[.followersGained]) == [3, 7])
        #expect(sink.metricsRows.map(\.values[.interactions]) == [265, 471])
        #expect(sink.metricsRows.map(\.title) == ["Lacing guide, part 1", "Rain test"])
        #expect(sink.notes.count == 1 && sink.notes[0].hasPrefix("no date column: rows are lifetime totals, booked on the export day 2026-05-16"))
        #expect(sink.summary.exportDay == ExportDay(day: Ingest.day("2026-05-16"), origin: .modificationTime))
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

    @Test func oldFacebookInsightsReadsActionsVideoViewsAndTwelveHourTimes() throws {
        let sink = try Ingest.parseFixture("facebook_insights_posts_2017.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.platform) == ["facebook", "facebook", "facebook", "facebook"])
        #expect(sink.metricsRows.map(\.time) == [
            Ingest.utcMilliseconds("2017-01-19", 9, 3, 47), Ingest.utcMilliseconds("2017-01-19", 21, 3, 47),
            Ingest.utcMilliseconds("2017-01-20", 0, 15), Ingest.utcMilliseconds("2017-01-20", 12, 15),
        ])
        let morning = sink.metricsRows[0]
        #expect(morning.values[.likes] == 40 && morning.values[.comments] == 5 && morning.values[.shares] == 3)
        #expect(morning.values[.engagements] == 80 && morning.values[.clicks] == 90 && morning.values[.interactions] == 48)
        #expect(morning.values[.videoViews] == nil)
        // Organic + paid video views, each the first of its duplicated pair (the total count).
        #expect(sink.metricsRows[1].values[.videoViews] == 1000)
        #expect(sink.notes.contains("column 'Lifetime Organic Video Views' appears twice; the first one is used"))
        #expect(sink.notes.contains { $0.contains("description row") })
    }

    @Test func linkedinTotalColumns() throws {
        let metrics = try Ingest.parseFixture("linkedin_metrics.csv", path: "li/metrics.csv")
        let row = try #require(metrics.metricsRows.first)
        #expect(row.platform == "linkedin" && row.day == Ingest.day("2026-11-20"))
        #expect(row.values[.impressions] == 1000 && row.values[.clicks] == 40)
        #expect(row.values[.likes] == 25 && row.values[.comments] == 5 && row.values[.shares] == 3)
        // LinkedIn's follower sheet counts new followers per day (our reading, see docs/DATA.md).
        let followers = try Ingest.parseFixture("linkedin_followers.csv", path: "linkedin_followers.csv")
        #expect(followers.metricsRows.first?.values[.followersGained] == 5400)
        #expect(followers.metricsRows.first?.followers == nil)
        #expect(followers.metricsRows.first?.platform == "linkedin")
    }

    @Test func facebookAdsManagerSingleDay() throws {
        let sink = try Ingest.parseFixture("facebook_ads.csv", path: "fb/ads.csv")
        let row = try #require(sink.metricsRows.first)
        #expect(sink.metricsRows.count == 1 && sink.notes.isEmpty)
        #expect(row.id == "6006" && row.title == "Black Friday" && row.day == Ingest.day("2026-11-20"))
        #expect(row.values[.spend] == 35.2 && row.values[.impressions] == 12000 && row.values[.clicks] == 150)
        #expect(row.values[.likes] == 50 && row.values[.interactions] == 60 && row.currency == .usd)
    }

    @Test func facebookAdsManagerPeriodTotalsAreSpreadOverTheCampaignsDays() throws {
        let sink = try Ingest.parseFixture("facebook_ads_range.csv", path: "ads/range.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.notes == ["period totals, not daily: spread evenly over each row's reporting range (first at line 2); "
            + "export with the Day breakdown for a daily series"])
        let spring = sink.metricsRows.filter { $0.id == "6101" }
        // Clipped to the campaign's own Starts..Ends: March 1 to 10.
        #expect(spring.map(\.day) == (0..<10).map { Ingest.day("2026-03-01").adding(days: $0) })
        #expect(spring.allSatisfy { $0.platform == "facebook" && $0.line == 2 && $0.currency == .usd })
        #expect(spring.map(\.values[.impressions]) == Array(repeating: 100, count: 10))
        #expect(spring.map(\.values[.spend]).compactMap { $0 }.reduce(0, +) == 100)
        #expect(spring.map(\.values[.comments]) == [1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
        // Ongoing campaign: the whole 31-day range; 31 impressions, one a day; money in shares.
        let always = sink.metricsRows.filter { $0.id == "6102" }
        #expect(always.count == 31 && always.allSatisfy { $0.values[.impressions] == 1 })
        #expect(always.map(\.values[.clicks]).compactMap { $0 }.reduce(0, +) == 7)
        #expect(abs(always.compactMap { $0.values[.spend] }.reduce(0, +) - 31.1) < 1e-9)
        #expect(always.first?.currency == .usd)
        let daily = sink.metricsRows.filter { $0.id == "6103" }
        #expect(daily.map(\.day) == [Ingest.day("2026-03-02")] && daily.first?.values[.spend] == 12.5)
        #expect(sink.summary.rows == 3)
        #expect(sink.summary.firstDay == Ingest.day("2026-03-01") && sink.summary.lastDay == Ingest.day("2026-03-31"))
    }

    @Test func adsManagerDayBreakdownWithAnotherCurrency() throws {
        let sink = try Ingest.parseFixture("facebook_ads_daily_aud.csv")
        #expect(sink.rejections.isEmpty && sink.notes.isEmpty)
        #expect(sink.metricsRows.map(\.day) == [Ingest.day("2026-08-01"), Ingest.day("2026-08-02")])
        #expect(sink.metricsRows.map(\.values[.spend]) == [1250.5, 640])
        #expect(sink.metricsRows.map(\.currency) == [Currency(code: "AUD"), Currency(code: "AUD")])
        #expect(sink.metricsRows.map(\.platform) == ["facebook", "facebook"])
        #expect(sink.metricsRows.map(\.values[.reach]) == [21000, 15000])
    }

    @Test func sproutSocialPlatformFromNetwork() throws {
        let sink = try Ingest.parseFixture("sprout_posts.csv", path: "sprout.csv")
        #expect(sink.metricsRows.map(\.platform) == ["instagram", "x"])
        let first = sink.metricsRows[0]
        #expect(first.title == "Boots!" && first.id == "8008")
        #expect(first.values[.likes] == 50 && first.values[.clicks] == 9 && first.values[.interactions] == 67)
        #expect(sink.metricsRows[1].values[.interactions] == 6)
        #expect(sink.summary.hasPlatformColumn)
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
        #expect(sink.summary.rows == 2 && sink.summary.shape == "Zendesk tickets")
    }

    @Test func decimalCommaSpreadsheetWithEuroAmounts() throws {
        let sink = try Ingest.parseFixture("ads_de.csv", path: "ads/ads_de.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map(\.values[.impressions]) == [1200, 800])
        #expect(sink.metricsRows.map(\.values[.spend]) == [1234.5, 99.9])
        #expect(sink.metricsRows.map(\.currency) == [.eur, .eur])
        #expect(sink.notes == ["numbers are written with a decimal comma (decided at line 2)"])
    }
}
