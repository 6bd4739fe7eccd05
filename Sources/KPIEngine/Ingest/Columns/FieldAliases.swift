/// The built-in table from normalised header names to canonical fields, gathered from the
/// contract and from real exports (Meta Business Suite, old Facebook Insights, X, TikTok,
/// YouTube Studio, LinkedIn, Facebook Ads, Zendesk, Sprout Social, the UCI data set).
///
/// Within a field, earlier names win: when a file has several columns for one field, the
/// column whose name comes first in the field's list feeds it.
enum FieldAliases {
    /// Canonical field -> its header names, most preferred first.
    static let table: [(field: CanonicalField, names: [String])] = [
        (.time, ["date", "timestamp", "time", "publish_time", "posted", "post_time", "video_publish_time",
                 "reporting_starts", "published_at", "created_time", "datetime", "day"]),
        (.platform, ["platform", "network", "channel", "social_network"]),
        (.id, ["id", "post_id", "campaign_id", "tweet_id", "video", "video_id", "media_id", "ad_id"]),
        (.title, ["title", "video_title", "campaign_name", "campaign", "name", "post", "tweet_text",
                  "post_message", "description", "caption", "message", "text"]),
        (.metric(.impressions), ["impressions", "impressions_(total)", "lifetime_post_total_impressions",
                                 "total_impressions", "views"]),
        (.metric(.reach), ["reach", "lifetime_post_total_reach", "total_reach", "unique_impressions_(total)"]),
        (.metric(.videoViews), ["video_views", "total_views", "video_plays"]),
        (.metric(.mentions), ["mentions", "brand_mentions"]),
        (.metric(.competitorMentions), ["competitor_mentions"]),
        (.metric(.likes), ["likes", "like", "reactions", "favorites", "total_likes", "post_reactions",
                           "reactions_(total)"]),
        (.metric(.comments), ["comments", "comment", "replies", "total_comments", "post_comments",
                              "comments_added", "comments_(total)"]),
        (.metric(.shares), ["shares", "share", "retweets", "reposts", "total_shares", "post_shares",
                            "reposts_(total)"]),
        (.metric(.saves), ["saves", "saved"]),
        (.metric(.clicks), ["clicks", "link_clicks", "url_clicks", "post_link_clicks", "clicks_(total)",
                            "total_clicks"]),
        (.metric(.websiteVisits), ["website_visits", "sessions", "landing_page_views"]),
        (.metric(.leads), ["leads"]),
        (.metric(.conversions), ["conversions", "purchases"]),
        (.metric(.revenue), ["revenue", "your_estimated_revenue_(usd)", "estimated_revenue_(usd)",
                             "estimated_earnings_(usd)", "revenue_(usd)"]),
        (.metric(.spend), ["spend", "amount_spent_(usd)", "amount_spent", "cost"]),
        (.followers, ["followers", "total_followers", "page_total_likes", "subscribers_total", "fans"]),
        (.metric(.engagements), ["engagements", "engagement", "post_engagement", "reactions,_comments_and_shares",
                        "total_engagements", "total_interactions"]),
        (.openedAt, ["opened_at", "created_at", "received_at"]),
        (.firstResponseAt, ["first_response_at", "first_reply_at", "responded_at", "first_responded_at"]),
        (.resolvedAt, ["resolved_at", "solved_at", "closed_at"]),
        (.csat, ["csat", "satisfaction_score", "satisfaction", "rating", "satisfaction_rating"]),
        (.sentiment, ["sentiment", "sentiment_score"]),
        (.firstReplyMinutes, ["first_reply_time_in_minutes", "first_reply_minutes"]),
    ]

    /// The header `views`: impressions (Meta 2025+), unless the file has an impressions column
    /// too, then video views (YouTube).
    static let views = "views"

    /// Normalised header name -> field and its rank in that field's list.
    static let byName: [String: (field: CanonicalField, rank: Int)] = {
        var result: [String: (CanonicalField, Int)] = [:]
        for (field, names) in table {
            for (rank, name) in names.enumerated() { result[name] = (field, rank) }
        }
        return result
    }()

    /// A few names of the time field for messages.
    static let timeNamesForMessages = "date, timestamp, time, publish_time, ..."
}
