import KPIEngine
/// How one demo platform behaves: its scale, weekly rhythm, trend and typical ratios.
struct DemoPlatformProfile: Sendable {
    /// How the platform's content metrics are exported.
    enum Layout: Sendable {
        /// One row per post, in the canonical column names.
        case posts(file: String)
        /// One row per post, in Meta Business Suite's column names.
        case metaPosts(file: String)
        /// One row per day for the whole account (TikTok overview, LinkedIn page), with these
        /// metric columns between `date` and `followers`.
        case daily(file: String, fields: [MetricField])
    }

    var name: String
    var layout: Layout
    /// Impressions (or, for video-first platforms, views) on an average weekday.
    var impressionsPerDay: Double
    /// Reach as a share of impressions.
    var reachShare: Double
    /// Video views as a share of impressions.
    var videoShare: Double
    /// Interactions (likes + comments + shares + saves) per reach.
    var engagementRate: Double
    /// Shares of interactions that are likes, comments, shares and saves.
    var interactionMix: (likes: Double, comments: Double, shares: Double, saves: Double)
    /// Link clicks per impression.
    var clickThroughRate: Double
    /// Activity on Saturday and Sunday relative to weekdays.
    var weekendFactor: Double
    /// Relative change of activity per day (0.002 = +0.2 % a day).
    var dailyTrend: Double
    var postsPerDay: Double
    var followersAtStart: Double
    var followerGrowthPerDay: Double
    /// Conversions and leads per click.
    var conversionRate: Double
    var leadRate: Double
    /// Spend per conversion and revenue per spend.
    var costPerAcquisition: Double
    var returnOnAdSpend: Double
    var mentionsPerDay: Double
    /// Competitors' mentions per own mention.
    var competitorMentionRatio: Double
    /// Share of the customer-service inquiries arriving through this platform.
    var inquiryShare: Double

    /// The file holding the platform's content metrics, relative to the data directory.
    var contentFile: String {
        switch layout {
        case .posts(let file), .metaPosts(let file), .daily(let file, _): file
        }
    }

    /// The header line of ``contentFile``.
    var contentHeader: [String] {
        switch layout {
        case .posts:
            ["timestamp", "id", "title", "impressions", "reach", "video_views", "likes", "comments", "shares",
             "saves", "clicks"]
        case .metaPosts:
            ["Post ID", "Page name", "Title", "Publish time", "Views", "Reach", "Reactions", "Comments", "Shares",
             "Link Clicks"]
        case .daily(_, let fields):
            ["date"] + fields.map(\.id) + ["followers"]
        }
    }

    /// Whether the account-level `daily.csv` carries this platform's followers (daily layouts
    /// carry their own).
    var followersInAccountFile: Bool {
        if case .daily = layout { return false }
        return true
    }

    /// Activity factor of a day: weekly rhythm times trend, without noise. `dayIndex` counts
    /// from the first day of history.
    func seasonality(of day: Day, dayIndex: Int) -> Double {
        let weekly = day.weekday >= 5 ? weekendFactor : (day.weekday == 2 ? 1.08 : 1.0)
        return weekly * (1 + dailyTrend * Double(dayIndex))
    }

    /// The six demo platforms.
    static let all: [DemoPlatformProfile] = [
        DemoPlatformProfile(
            name: "instagram", layout: .posts(file: "instagram/posts.csv"),
            impressionsPerDay: 45_000, reachShare: 0.62, videoShare: 0.35, engagementRate: 0.042,
            interactionMix: (0.78, 0.05, 0.07, 0.10), clickThroughRate: 0.006,
            weekendFactor: 1.18, dailyTrend: 0.003, postsPerDay: 1.6,
            followersAtStart: 48_200, followerGrowthPerDay: 55,
            conversionRate: 0.032, leadRate: 0.06, costPerAcquisition: 24, returnOnAdSpend: 4.2,
            mentionsPerDay: 38, competitorMentionRatio: 1.8, inquiryShare: 0.32),
        DemoPlatformProfile(
            name: "facebook", layout: .metaPosts(file: "facebook/posts.csv"),
            impressionsPerDay: 31_000, reachShare: 0.7, videoShare: 0.15, engagementRate: 0.019,
            interactionMix: (0.74, 0.15, 0.11, 0), clickThroughRate: 0.011,
            weekendFactor: 0.86, dailyTrend: -0.0005, postsPerDay: 1.2,
            followersAtStart: 82_400, followerGrowthPerDay: 12,
            conversionRate: 0.024, leadRate: 0.05, costPerAcquisition: 31, returnOnAdSpend: 3.1,
            mentionsPerDay: 22, competitorMentionRatio: 2.4, inquiryShare: 0.28),
        DemoPlatformProfile(
            name: "x", layout: .posts(file: "x/tweets.csv"),
            impressionsPerDay: 21_000, reachShare: 0.74, videoShare: 0.08, engagementRate: 0.013,
            interactionMix: (0.66, 0.16, 0.18, 0), clickThroughRate: 0.008,
            weekendFactor: 0.72, dailyTrend: -0.001, postsPerDay: 3.2,
            followersAtStart: 31_050, followerGrowthPerDay: 4,
            conversionRate: 0.014, leadRate: 0.03, costPerAcquisition: 52, returnOnAdSpend: 2.2,
            mentionsPerDay: 64, competitorMentionRatio: 2.9, inquiryShare: 0.18),
        DemoPlatformProfile(
            name: "youtube", layout: .posts(file: "youtube/videos.csv"),
            impressionsPerDay: 26_000, reachShare: 0.55, videoShare: 0.34, engagementRate: 0.031,
            interactionMix: (0.84, 0.09, 0.07, 0), clickThroughRate: 0.012,
            weekendFactor: 1.25, dailyTrend: 0.002, postsPerDay: 0.45,
            followersAtStart: 12_300, followerGrowthPerDay: 21,
            conversionRate: 0.028, leadRate: 0.04, costPerAcquisition: 38, returnOnAdSpend: 3.6,
            mentionsPerDay: 9, competitorMentionRatio: 1.5, inquiryShare: 0.05),
        DemoPlatformProfile(
            name: "tiktok", layout: .daily(file: "tiktok/overview.csv", fields: [.videoViews, .impressions, .reach, .likes, .comments, .shares]),
            impressionsPerDay: 160_000, reachShare: 0.8, videoShare: 1, engagementRate: 0.055,
            interactionMix: (0.86, 0.06, 0.08, 0), clickThroughRate: 0.002,
            weekendFactor: 1.32, dailyTrend: 0.004, postsPerDay: 0,
            followersAtStart: 64_000, followerGrowthPerDay: 170,
            conversionRate: 0.018, leadRate: 0.03, costPerAcquisition: 19, returnOnAdSpend: 5.1,
            mentionsPerDay: 30, competitorMentionRatio: 1.2, inquiryShare: 0.09),
        DemoPlatformProfile(
            name: "linkedin", layout: .daily(file: "linkedin/page.csv", fields: [.impressions, .reach, .clicks, .likes, .comments, .shares]),
            impressionsPerDay: 7_200, reachShare: 0.56, videoShare: 0, engagementRate: 0.045,
            interactionMix: (0.8, 0.1, 0.1, 0), clickThroughRate: 0.019,
            weekendFactor: 0.34, dailyTrend: 0.001, postsPerDay: 0,
            followersAtStart: 9_100, followerGrowthPerDay: 11,
            conversionRate: 0.046, leadRate: 0.09, costPerAcquisition: 58, returnOnAdSpend: 2.6,
            mentionsPerDay: 6, competitorMentionRatio: 3.5, inquiryShare: 0.08),
    ]
}
