import Testing
@testable import KPIEngine

/// Google Analytics 4 "Download file" CSV exports (issue 13, point 2), in the shapes of real
/// files (comment lines on top, the report range in them, several tables in a report
/// overview, localised headers, an exploration's total row), with invented numbers. Each file
/// is read whole and in small random pieces, with the same result (``Ingest/parseBothWays``).
@Suite struct GoogleAnalyticsExportTests {
    static let notSocial = KPISnapshot.notSocialPlatform

    /// Sums of a field by platform over every row.
    static func sums(_ sink: CollectingSink, _ field: MetricField) -> [String: Double] {
        var out: [String: Double] = [:]
        for row in sink.metricsRows { if let v = row.values[field] { out[row.platform, default: 0] += v } }
        return out
    }

    @Test func aSourceMediumReportWithoutDatesIsAPeriodTotalOverItsRange() throws {
        let sink = try Ingest.parseFixture("ga4/Traffic_acquisition_Session_source_medium.csv", path: "ga4/traffic.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.summary.shape == "Google Analytics 4 traffic by session source")
        #expect(sink.summary.rows == 10)
        #expect(sink.summary.firstDay == Ingest.day("2026-11-01") && sink.summary.lastDay == Ingest.day("2026-11-07"))
        #expect(sink.notes.contains { $0.hasPrefix("period totals, not daily: spread evenly over the report's range 2026-11-01..2026-11-07") })
        // Sources mapped to platforms: facebook.com, m.facebook.com and Meta's Facebook_Mobile_Feed;
        // l.instagram.com and ig; t.co; lnkd.in. The rest is not social.
        let sessions = Self.sums(sink, .sessions)
        #expect(sessions == ["facebook": 889, "instagram": 280, "x": 35, "linkedin": 28, Self.notSocial: 2268])
        #expect(Self.sums(sink, .engagedSessions) == ["facebook": 427, "instagram": 182, "x": 7, "linkedin": 21,
                                                      Self.notSocial: 1526])
        // Key events, not the session key event rate.
        #expect(Self.sums(sink, .siteConversions) == ["facebook": 21, "instagram": 7, "x": 0, "linkedin": 7,
                                                      Self.notSocial: 119])
        #expect(Self.sums(sink, .siteRevenue)["facebook"] == 1750.5)
        #expect(Self.sums(sink, .websiteVisits).isEmpty)
        // Spread over the 7 days: one row a day per platform, 127 facebook sessions each day.
        let facebook = sink.metricsRows.filter { $0.platform == "facebook" }
        #expect(facebook.count == 7)
        #expect(facebook.allSatisfy { $0.values[.sessions] == 127 && $0.values[.engagedSessions] == 61 })
        #expect(facebook.map(\.day) == (0..<7).map { Ingest.day("2026-11-01").adding(days: $0) })
    }

    @Test func aDateColumnBooksEachRowOnItsDay() throws {
        let sink = try Ingest.parseFixture("ga4/daily-traffic_acquisition_Session_source_medium.csv", path: "ga4/daily.csv")
        #expect(sink.rejections.isEmpty)
        #expect(!sink.notes.contains { $0.hasPrefix("period totals") })
        func on(_ platform: String, _ day: String) -> Double? {
            sink.metricsRows.first { $0.platform == platform && $0.day == Ingest.day(day) }?.values[.sessions]
        }
        // facebook.com and m.facebook.com on the same day add up.
        #expect(on("facebook", "2026-11-03") == 120)
        #expect(on("facebook", "2026-11-02") == 120)
        #expect(on("instagram", "2026-11-03") == 90)
        #expect(on("youtube", "2026-11-03") == 25)
        #expect(on(Self.notSocial, "2026-11-02") == 310)
        #expect(on(Self.notSocial, "2026-11-03") == 355)
        #expect(Self.sums(sink, .siteRevenue)["instagram"] == 45.5)
    }

    @Test func channelGroupsGiveSocialSessionsWithoutANetwork() throws {
        let sink = try Ingest.parseFixture("ga4/Traffic_acquisition_Session_primary_channel_group_(Default_Channel_Group).csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.summary.shape == "Google Analytics 4 traffic by channel group")
        // Organic Social and Paid Social, over 4 days.
        #expect(Self.sums(sink, .sessions) == [TrafficSource.unattributedSocial: 200, Self.notSocial: 644])
        #expect(Self.sums(sink, .engagedSessions) == [TrafficSource.unattributedSocial: 68, Self.notSocial: 390])
        #expect(Set(sink.metricsRows.map(\.day)).count == 4)
    }

    @Test func aReportOverviewBooksOnlyItsMostDetailedTrafficTable() throws {
        let sink = try Ingest.parseFixture("ga4/Acquisition_overview.csv")
        #expect(sink.rejections.isEmpty)
        // The session manual source table wins over the channel group one (the same sessions).
        #expect(Self.sums(sink, .sessions) == ["facebook": 16, "instagram": 8, "x": 2, Self.notSocial: 2])
        #expect(sink.notes.contains("table at line 33 (by channel group) left out: the table at line 54 breaks the same sessions down by session source"))
        // Tables that are not traffic are skipped with a note, not rejected.
        #expect(sink.notes.contains { $0.hasPrefix("table at line 9 skipped: not a website-traffic table") })
        // Users by day, sessions by day (of no source), new users by first channel, an empty
        // Google Ads table, a cohort table.
        #expect(sink.notes.filter { $0.contains("skipped: not a website-traffic table") }.map { $0.prefix(17) }
                == ["table at line 9 s", "table at line 17 ", "table at line 26 ", "table at line 41 ", "table at line 47 "])
        #expect(sink.metricsRows.allSatisfy { $0.day >= Ingest.day("2026-11-01") && $0.day <= Ingest.day("2026-11-04") })
    }

    @Test func anExplorationsRangeLineAndGrandTotalRow() throws {
        let sink = try Ingest.parseFixture("ga4/ga4_exploration_free_form.csv")
        #expect(sink.rejections.isEmpty)
        // The `,,600,330,...,Grand total` row is skipped: it would count everything twice.
        #expect(Self.sums(sink, .sessions) == ["facebook": 210, "x": 30, Self.notSocial: 360])
        #expect(sink.summary.rows == 5)
    }

    @Test func germanHeadersAndComments() throws {
        let sink = try Ingest.parseFixture("ga4/Traffic_acquisition_Sitzung_Quelle_Medium.csv")
        #expect(sink.rejections.isEmpty)
        #expect(Self.sums(sink, .sessions) == ["instagram": 50, "facebook": 30, "linkedin": 20, Self.notSocial: 100])
        #expect(Self.sums(sink, .engagedSessions) == ["instagram": 40, "facebook": 12, "linkedin": 15, Self.notSocial: 70])
        // Schlüsselereignisse (key events), not the rate beside them.
        #expect(Self.sums(sink, .siteConversions) == ["instagram": 4, "facebook": 0, "linkedin": 2, Self.notSocial: 6])
        #expect(Self.sums(sink, .siteRevenue)["linkedin"] == 90.5)
        #expect(Set(sink.metricsRows.map(\.day)) == [Ingest.day("2026-11-01"), Ingest.day("2026-11-02")])
    }

    @Test func campaignsAreSummedPerPlatformAndDay() throws {
        let sink = try Ingest.parseFixture("ga4/Traffic_acquisition_Session_source_medium_campaign.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.summary.shape == "Google Analytics 4 traffic by source and campaign")
        func row(_ platform: String, _ id: String?, _ day: String) -> MetricsRow? {
            sink.metricsRows.first { $0.platform == platform && $0.id == id && $0.day == Ingest.day(day) }
        }
        // facebook / paid_social and fb / cpc carry the same campaign: one row of 250 sessions.
        #expect(row("facebook", "winter_sale", "2026-11-01")?.values[.sessions] == 250)
        #expect(row("facebook", "winter_sale", "2026-11-01")?.title == "winter_sale")
        #expect(row("facebook", "gear_launch", "2026-11-01")?.values[.siteRevenue] == 450)
        // `(referral)` and `(not set)` are no campaign.
        #expect(row("facebook", nil, "2026-11-01")?.values[.sessions] == 40)
        #expect(row("linkedin", nil, "2026-11-02")?.values[.sessions] == 15)
        #expect(row("instagram", "winter_sale", "2026-11-02")?.values[.sessions] == 70)
        // A campaign of a source that is not social is not a social campaign.
        #expect(row(Self.notSocial, nil, "2026-11-02")?.values[.sessions] == 300)
    }

    @Test func theMappingFileNamesMoreSources() throws {
        let mapping = try ColumnMapping.parse("""
            [sources]
            "newsletter" = "email"
            "google" = "not social"
            "linktr.ee" = "Instagram"
            """, file: "mapping.toml")
        let sink = Ingest.parseBothWays(Array("""
            # Start date: 20261101
            # End date: 20261101
            Session source / medium,Sessions
            newsletter / email,10
            linktr.ee / referral,5
            google / organic,7
            """.utf8), path: "ga4.csv", mapping: mapping)
        #expect(Self.sums(sink, .sessions) == ["email": 10, "instagram": 5, Self.notSocial: 7])
    }

    @Test func sourcesMapToPlatforms() {
        let sources = TrafficSource()
        for (source, platform) in [("facebook.com / referral", "facebook"), ("m.facebook.com", "facebook"),
                                   ("l.facebook.com / referral", "facebook"), ("lm.facebook.com", "facebook"),
                                   ("fb / cpc", "facebook"), ("Facebook_Mobile_Reels / paid", "facebook"),
                                   ("instagram.com", "instagram"), ("l.instagram.com", "instagram"), ("ig", "instagram"),
                                   ("Instagram_Stories / paid", "instagram"), ("t.co", "x"), ("x.com", "x"),
                                   ("twitter.com", "x"), ("www.linkedin.com", "linkedin"), ("lnkd.in", "linkedin"),
                                   ("linkedin / sponsored", "linkedin"), ("youtube.com", "youtube"),
                                   ("m.youtube.com", "youtube"), ("tiktok.com / referral", "tiktok"),
                                   ("facebook", "facebook")] {
            #expect(sources.platform(ofSource: source) == platform, "\(source)")
        }
        for source in ["google / organic", "(direct) / (none)", "bing", "newsletter / email", "github.com", "linktr.ee"] {
            #expect(sources.platform(ofSource: source) == nil, "\(source)")
        }
        #expect(sources.platform(ofChannel: "Organic Social") == "social")
        #expect(sources.platform(ofChannel: "Paid Social") == "social")
        #expect(sources.platform(ofChannel: "Organic Search") == nil)
    }

    @Test func aCampaignTableWithoutASourceNeedsAPlatformFromTheMapping() throws {
        let text = """
            # ----------------------------------------
            # Start date: 20261101
            # End date: 20261101
            Session campaign,Sessions
            winter_sale,10
            """
        let plain = Ingest.parseBothWays(Array(text.utf8), path: "ga4/campaigns.csv")
        #expect(plain.metricsRows.isEmpty)
        #expect(plain.notes.contains { $0.contains("sessions by campaign alone do not say their platform") })
        let mapping = try ColumnMapping.parse("""
            [[file]]
            match = "ga4/campaigns.csv"
            platform = "facebook"
            """, file: "mapping.toml")
        let mapped = Ingest.parseBothWays(Array(text.utf8), path: "ga4/campaigns.csv", mapping: mapping)
        #expect(mapped.metricsRows.map(\.platform) == ["facebook"])
        #expect(mapped.metricsRows.map(\.id) == ["winter_sale"])
    }

    @Test func aPipelineTableOfUTMSourcesIsReadToo() {
        let sink = Ingest.parseBothWays(Array("""
            date,utm_source,utm_campaign,sessions,engaged_sessions,key_events
            2026-11-01,facebook,spring,10,5,1
            2026-11-01,ig,spring,4,2,0
            2026-11-01,google,spring,9,3,1
            """.utf8), path: "pipeline/traffic.csv")
        #expect(Self.sums(sink, .sessions) == ["facebook": 10, "instagram": 4, Self.notSocial: 9])
        #expect(sink.metricsRows.first { $0.platform == "facebook" }?.id == "spring")
    }

    @Test func aCommentLineBeforeAnOrdinaryHeaderIsSkipped() {
        let sink = Ingest.parseBothWays(Array("# exported by our pipeline\ndate,impressions\n2026-11-01,5\n".utf8),
                                        path: "x/a.csv")
        #expect(sink.rejections.isEmpty)
        #expect(sink.metricsRows.map { $0.values[.impressions] } == [5])
    }
}
