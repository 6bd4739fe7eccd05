/// A platform's export recognised by its header: its name (for `check`), the platform it
/// belongs to, and what its columns mean where that differs from the general aliases.
///
/// The shape is found once per header; the first shape whose every signature name is among
/// the header's (normalised) names wins.
struct ExportShape: Sendable {
    /// How `check` names it ("YouTube Studio").
    let name: String
    /// The platform of its rows (nil: the folder or file name says, or a `platform` column).
    let platform: String?
    /// Normalised header names that must all be present.
    let signature: [String]
    /// Column meanings of this export that win over the general aliases.
    var columns: [String: CanonicalField] = [:]
    /// True when the export's daily counts are net changes that may be negative (TikTok Studio
    /// Overview's `Comments` goes down when comments are deleted).
    var hasNetDailyCounts = false
    /// True for Meta Business Suite's one-metric files: the value column `Primary` takes its
    /// field (and often its platform) from the title line above the header.
    var takesFieldFromTitle = false
    /// True for a post export whose time column is each post's publish time (one row a post).
    var rowTimeIsPublishTime = false

    /// The shape of a header given as normalised names, if it is a known export.
    static func recognise(_ names: [String]) -> ExportShape? {
        let present = Set(names)
        return known.first { shape in shape.signature.allSatisfy(present.contains) }
    }

    /// The known exports, most specific first.
    static let known: [ExportShape] = [
        ExportShape(name: "X tweet activity", platform: "x", signature: ["tweet_id", "tweet_permalink"],
                    rowTimeIsPublishTime: true),
        ExportShape(name: "X daily activity", platform: "x", signature: ["tweets_published", "impressions"]),
        ExportShape(name: "YouTube Studio", platform: "youtube", signature: ["video_title", "video_publish_time"],
                    columns: youtubeColumns),
        ExportShape(name: "YouTube Studio", platform: "youtube", signature: ["watch_time_(hours)"],
                    columns: youtubeColumns),
        ExportShape(name: "TikTok Studio follower history", platform: "tiktok",
                    signature: ["difference_in_followers_from_previous_day"]),
        ExportShape(name: "TikTok Studio overview", platform: "tiktok", signature: ["reached_audience"],
                    hasNetDailyCounts: true),
        ExportShape(name: "TikTok Studio overview", platform: "tiktok", signature: ["video_views", "profile_views"],
                    hasNetDailyCounts: true),
        ExportShape(name: "TikTok Studio content", platform: "tiktok", signature: ["video_link"]),
        ExportShape(name: "TikTok Studio viewers", platform: "tiktok",
                    signature: ["total_viewers", "new_viewers", "returning_viewers"],
                    columns: ["total_viewers": .metric(.reach)]),
        ExportShape(name: "Facebook Ads Manager", platform: "facebook", signature: ["reporting_starts"]),
        ExportShape(name: "UCI Facebook metrics", platform: "facebook",
                    signature: ["page_total_likes", "lifetime_post_total_reach"]),
        ExportShape(name: "Facebook Insights posts", platform: "facebook", signature: ["lifetime_post_total_reach"]),
        ExportShape(name: "Meta Business Suite Facebook posts", platform: "facebook", signature: ["page_id"]),
        ExportShape(name: "Meta Business Suite Facebook posts", platform: "facebook", signature: ["page_name"]),
        ExportShape(name: "Meta Business Suite Instagram posts", platform: "instagram", signature: ["account_username"]),
        ExportShape(name: "Instagram post insights", platform: "instagram", signature: ["from_hashtags"]),
        ExportShape(name: "Instagram post insights", platform: "instagram", signature: ["from_home"]),
        ExportShape(name: "LinkedIn page followers", platform: "linkedin",
                    signature: ["organic_followers", "sponsored_followers"],
                    columns: ["total_followers": .metric(.followersGained)]),
        ExportShape(name: "LinkedIn page", platform: "linkedin", signature: ["impressions_(total)"]),
        ExportShape(name: "Meta Business Suite insights", platform: nil, signature: ["date", "primary"],
                    takesFieldFromTitle: true),
        ExportShape(name: "Sprout Social posts", platform: nil, signature: ["network", "post_id"],
                    rowTimeIsPublishTime: true),
        ExportShape(name: "Zendesk tickets", platform: nil, signature: ["satisfaction_score"]),
    ]

    /// YouTube Studio: `Views` are video views, `Content` the video's id, `Subscribers` the net
    /// change of subscribers the video brought.
    private static let youtubeColumns: [String: CanonicalField] = [
        "views": .metric(.videoViews),
        "content": .id,
        "subscribers": .metric(.netFollowerGrowth),
    ]
}
