/// The built-in table from normalised header names to canonical fields, gathered from the
/// contract and from real exports (Meta Business Suite, old Facebook Insights, X, TikTok,
/// YouTube Studio, LinkedIn, Facebook Ads Manager, Zendesk, Sprout Social, the UCI data set).
///
/// Within a field, earlier names win: when a file has several columns for one field, the
/// column whose name comes first in the field's list feeds it.
enum FieldAliases {
    /// Canonical field -> its header names, most preferred first.
    static let table: [(field: CanonicalField, names: [String])] = [
        (.time, ["date", "timestamp", "publish_time", "posted", "post_time", "video_publish_time",
                 "published_at", "created_time", "datetime", "day", "time"]),
        (.rangeStart, ["reporting_starts", "start_date"]),
        (.rangeEnd, ["reporting_ends", "end_date"]),
        (.campaignStart, ["starts"]),
        (.campaignEnd, ["ends"]),
        (.platform, ["platform", "network", "channel", "social_network"]),
        (.currency, ["currency"]),
        (.id, ["id", "post_id", "campaign_id", "tweet_id", "video", "video_id", "video_link", "media_id", "ad_id"]),
        (.title, ["title", "video_title", "campaign_name", "campaign", "name", "post", "tweet_text",
                  "post_message", "description", "caption", "message", "text"]),
        (.postType, ["post_type", "type", "media_type", "content_type", "update_type"]),
        (.permalink, ["permalink", "tweet_permalink", "post_link", "update_link", "link", "url"]),
        (.metric(.impressions), ["impressions", "impressions_(total)", "lifetime_post_total_impressions",
                                 "total_impressions", "views", "shown_in_feed"]),
        (.metric(.reach), ["reach", "post_reach", "lifetime_post_total_reach", "total_reach", "unique_impressions_(total)",
                           "reached_audience"]),
        (.metric(.videoViews), ["video_views", "total_views", "video_plays", "lifetime_total_video_views",
                                "3_second_video_views", "media_views"]),
        (.metric(.mentions), ["mentions", "brand_mentions"]),
        (.metric(.competitorMentions), ["competitor_mentions"]),
        (.metric(.likes), ["likes", "like", "reactions", "favorites", "total_likes", "post_reactions",
                           "reactions_(total)", "lifetime_post_stories_by_action_type___like",
                           "lifetime_talking_about_this_(post)_by_action_type___like"]),
        (.metric(.comments), ["comments", "comment", "replies", "total_comments", "post_comments",
                              "comments_added", "comments_(total)", "lifetime_post_stories_by_action_type___comment",
                              "lifetime_talking_about_this_(post)_by_action_type___comment"]),
        (.metric(.shares), ["shares", "share", "retweets", "reposts", "total_shares", "post_shares",
                            "reposts_(total)", "lifetime_post_stories_by_action_type___share",
                            "lifetime_talking_about_this_(post)_by_action_type___share"]),
        (.metric(.saves), ["saves", "saved"]),
        (.metric(.clicks), ["clicks", "link_clicks", "url_clicks", "post_link_clicks", "clicks_(total)",
                            "website_clicks", "lifetime_post_consumptions_by_type___link_clicks",
                            "total_clicks", "lifetime_post_consumptions"]),
        (.metric(.websiteVisits), ["website_visits", "sessions", "landing_page_views"]),
        (.metric(.leads), ["leads", "leads_submission"]),
        (.metric(.conversions), ["conversions", "purchases"]),
        (.metric(.revenue), ["revenue", "your_estimated_revenue", "estimated_revenue", "estimated_earnings",
                             "purchases_conversion_value", "website_purchases_conversion_value", "total_revenue"]),
        (.metric(.spend), ["spend", "amount_spent", "cost"]),
        (.followers, ["followers", "total_followers", "page_total_likes", "subscribers_total", "fans"]),
        (.metric(.engagements), ["engagements", "engagement", "post_engagement", "reactions,_comments_and_shares",
                                 "total_engagements", "total_interactions", "content_interactions",
                                 "lifetime_engaged_users"]),
        (.metric(.profileVisits), ["profile_visits", "profile_views", "user_profile_clicks", "page_visits"]),
        (.metric(.followersGained), ["followers_gained", "subscribers_gained", "new_followers", "follows",
                                     "instagram_follows"]),
        (.metric(.followersLost), ["followers_lost", "subscribers_lost", "lost_followers", "unfollows"]),
        (.metric(.netFollowerGrowth), ["net_follower_growth", "net_growth", "net_followers",
                                       "difference_in_followers_from_previous_day"]),
        (.metric(.watchTimeSeconds), ["watch_time_s", "watch_time_seconds"]),
        (.averageViewDuration, ["average_view_duration"]),
        (.metric(.newCustomers), ["new_customers", "customers_acquired", "first_purchases", "first_time_customers"]),
        (.customerValue, ["cltv", "customer_lifetime_value", "clv", "ltv", "lifetime_value"]),
        (.metric(.engagedSessions), ["engaged_sessions"]),
        (.metric(.siteConversions), ["site_conversions", "key_events"]),
        (.metric(.siteRevenue), ["site_revenue"]),
        (.openedAt, ["opened_at", "created_at", "received_at"]),
        (.firstResponseAt, ["first_response_at", "first_reply_at", "responded_at", "first_responded_at"]),
        (.resolvedAt, ["resolved_at", "solved_at", "closed_at"]),
        (.csat, ["csat", "satisfaction_score", "satisfaction", "rating", "satisfaction_rating"]),
        (.sentiment, ["sentiment", "sentiment_score"]),
        (.firstReplyMinutes, ["first_reply_time_in_minutes", "first_reply_minutes"]),
    ]

    /// Columns in another unit than their field: the factor turns their values into the field's.
    static let scaled: [(name: String, field: MetricField, factor: Double)] = [
        ("watch_time_(hours)", .watchTimeSeconds, 3600),
        ("watch_time_(minutes)", .watchTimeSeconds, 60),
    ]

    /// Fields a file may split over several columns that add up (old Facebook Insights' organic
    /// and paid video views), used only when no column of the field's own list is present.
    static let summedParts: [(field: MetricField, names: [String])] = [
        (.videoViews, ["lifetime_organic_video_views", "lifetime_paid_video_views"]),
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

    /// What a normalised header name means by itself: its field, rank, unit factor and, for a
    /// money column named with an ISO code (`amount_spent_(usd)`), the currency.
    static func meaning(of name: String) -> ColumnMeaning? {
        if let (field, rank) = byName[name] { return ColumnMeaning(field: field, rank: rank) }
        if let entry = scaled.first(where: { $0.name == name }) {
            return ColumnMeaning(field: .metric(entry.field), rank: -1, factor: entry.factor)
        }
        guard let (base, currency) = Currency.splitHeaderSuffix(name),
              let (field, rank) = byName[base], case .metric(let metric) = field, metric.isMoney
        else { return nil }
        return ColumnMeaning(field: field, rank: rank, currency: currency)
    }

    /// Columns that say when a post was published, most preferred first: the post's publish
    /// time even where another column gives the row's time. All but `created_date` (LinkedIn,
    /// read only as the publish time) are time aliases too.
    static let publishTimeNames = ["publish_time", "video_publish_time", "post_time", "posted", "published_at",
                                   "created_time", "created_date"]

    /// Id columns that hold the post's link (TikTok Studio's `Video link`), which is then its
    /// permalink too when no column names one.
    static let linkIDNames: Set<String> = ["video_link"]

    /// A few names of the time field for messages.
    static let timeNamesForMessages = "date, timestamp, time, publish_time, ..."
}

/// What one column feeds, decided once per header.
struct ColumnMeaning {
    var field: CanonicalField
    /// Position in the field's alias list (lower wins); -1 for columns a mapping or an export
    /// shape names, which win over aliases.
    var rank: Int
    /// Multiplies the column's values (hours of watch time into seconds).
    var factor: Double = 1
    /// The currency a money column's header names (`Amount Spent (USD)`).
    var currency: Currency?
    /// True for one of several columns whose values add up into the field.
    var isPart = false
}

extension Currency {
    /// `amount_spent_(usd)` -> (`amount_spent`, USD): a normalised header name ending in an ISO
    /// code in parentheses; nil for other names.
    static func splitHeaderSuffix(_ name: String) -> (base: String, currency: Currency)? {
        let scalars = Array(name.utf8)
        guard scalars.count > 6, scalars[scalars.count - 1] == UInt8(ascii: ")"),
              scalars[scalars.count - 5] == UInt8(ascii: "("), scalars[scalars.count - 6] == UInt8(ascii: "_"),
              let currency = Currency(code: String(decoding: scalars[(scalars.count - 4)..<(scalars.count - 1)], as: UTF8.self))
        else { return nil }
        return (String(decoding: scalars[0..<(scalars.count - 6)], as: UTF8.self), currency)
    }
}
