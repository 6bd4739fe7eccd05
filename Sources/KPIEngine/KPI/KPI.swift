/// The four KPI families, in dashboard order.
public enum KPIFamily: Int, CaseIterable, Sendable {
    case reach, engagement, conversion, service

    public var title: String {
        switch self {
        case .reach: "Reach"
        case .engagement: "Engagement"
        case .conversion: "Conversion"
        case .service: "Customer service"
        }
    }
}

/// How a KPI's value is expressed.
public enum KPIUnit: Sendable {
    /// A count (impressions, likes, inquiries...).
    case count
    /// A fraction shown as a percentage (0.0412 -> 4.1%).
    case fraction
    /// Money, in the data's currency.
    case money
    /// A plain multiple (frequency 2.3x, ROAS 4.1x).
    case multiple
    /// Seconds, shown as a duration.
    case seconds
    /// A score in [-1, 1] (sentiment).
    case score
}

/// How a KPI is computed, which decides how goals treat it (contract section 9).
public enum KPIKind: Sendable {
    /// A sum over the window (section 4 sums, interactions, inquiries).
    case sum
    /// The followers level.
    case level
    /// Anything else: ratios, growth, durations, backlog.
    case other
}

/// Every KPI of the data contract, section 4, in the order reports list them.
public enum KPI: String, CaseIterable, Sendable, Codable {
    // 4.1 Reach
    case impressions, reach
    case videoViews = "video_views"
    case mentions
    case competitorMentions = "competitor_mentions"
    case frequency
    case shareOfVoice = "share_of_voice"
    case followers
    case followersStart = "followers_start"
    case followerGrowth = "follower_growth"
    case followerGrowthRate = "follower_growth_rate"
    // 4.2 Engagement
    case interactions, likes, comments, shares, saves
    case engagementRate = "engagement_rate"
    case engagementRateImpressions = "engagement_rate_impressions"
    case engagementRateFollowers = "engagement_rate_followers"
    case clicks, ctr
    // 4.4 Conversion
    case websiteVisits = "website_visits"
    case leads, conversions, revenue, spend
    case conversionRate = "conversion_rate"
    case leadRate = "lead_rate"
    case cpc, cpa, roas, roi
    // 4.5 Customer service
    case inquiries
    case responseRate = "response_rate"
    case firstResponseMedianSeconds = "first_response_median_s"
    case firstResponseP90Seconds = "first_response_p90_s"
    case resolutionRate = "resolution_rate"
    case resolutionMedianSeconds = "resolution_median_s"
    case csat, sentiment, backlog

    /// The contract's id (`engagement_rate`, `first_response_p90_s`...).
    public var id: String { rawValue }

    /// The summed field behind a sum KPI, nil for computed KPIs.
    public var field: MetricField? {
        switch self {
        case .impressions: .impressions
        case .reach: .reach
        case .videoViews: .videoViews
        case .mentions: .mentions
        case .competitorMentions: .competitorMentions
        case .likes: .likes
        case .comments: .comments
        case .shares: .shares
        case .saves: .saves
        case .interactions: .interactions
        case .clicks: .clicks
        case .websiteVisits: .websiteVisits
        case .leads: .leads
        case .conversions: .conversions
        case .revenue: .revenue
        case .spend: .spend
        default: nil
        }
    }

    public var family: KPIFamily {
        switch self {
        case .impressions, .reach, .videoViews, .mentions, .competitorMentions, .frequency,
             .shareOfVoice, .followers, .followersStart, .followerGrowth, .followerGrowthRate:
            .reach
        case .interactions, .likes, .comments, .shares, .saves, .engagementRate,
             .engagementRateImpressions, .engagementRateFollowers, .clicks, .ctr:
            .engagement
        case .websiteVisits, .leads, .conversions, .revenue, .spend, .conversionRate, .leadRate,
             .cpc, .cpa, .roas, .roi:
            .conversion
        case .inquiries, .responseRate, .firstResponseMedianSeconds, .firstResponseP90Seconds,
             .resolutionRate, .resolutionMedianSeconds, .csat, .sentiment, .backlog:
            .service
        }
    }

    public var unit: KPIUnit {
        switch self {
        case .revenue, .spend, .cpc, .cpa: .money
        case .frequency, .roas: .multiple
        case .shareOfVoice, .followerGrowthRate, .engagementRate, .engagementRateImpressions,
             .engagementRateFollowers, .ctr, .conversionRate, .leadRate, .roi, .responseRate,
             .resolutionRate, .csat:
            .fraction
        case .firstResponseMedianSeconds, .firstResponseP90Seconds, .resolutionMedianSeconds: .seconds
        case .sentiment: .score
        default: .count
        }
    }

    public var kind: KPIKind {
        if field != nil || self == .inquiries { return .sum }
        if self == .followers { return .level }
        return .other
    }

    /// True when a fall is good news (costs, response times, backlog).
    public var lowerIsBetter: Bool {
        switch self {
        case .cpc, .cpa, .firstResponseMedianSeconds, .firstResponseP90Seconds,
             .resolutionMedianSeconds, .backlog, .competitorMentions:
            true
        default: false
        }
    }

    /// A short human title for screens and reports.
    public var title: String {
        switch self {
        case .impressions: "Impressions"
        case .reach: "Reach"
        case .videoViews: "Video views"
        case .mentions: "Mentions"
        case .competitorMentions: "Competitor mentions"
        case .frequency: "Frequency"
        case .shareOfVoice: "Share of voice"
        case .followers: "Followers"
        case .followersStart: "Followers at start"
        case .followerGrowth: "Follower growth"
        case .followerGrowthRate: "Follower growth rate"
        case .interactions: "Interactions"
        case .likes: "Likes"
        case .comments: "Comments"
        case .shares: "Shares"
        case .saves: "Saves"
        case .engagementRate: "Engagement rate"
        case .engagementRateImpressions: "ER by impressions"
        case .engagementRateFollowers: "ER by followers"
        case .clicks: "Clicks"
        case .ctr: "CTR"
        case .websiteVisits: "Website visits"
        case .leads: "Leads"
        case .conversions: "Conversions"
        case .revenue: "Revenue"
        case .spend: "Spend"
        case .conversionRate: "Conversion rate"
        case .leadRate: "Lead rate"
        case .cpc: "CPC"
        case .cpa: "CPA"
        case .roas: "ROAS"
        case .roi: "ROI"
        case .inquiries: "Inquiries"
        case .responseRate: "Response rate"
        case .firstResponseMedianSeconds: "First response p50"
        case .firstResponseP90Seconds: "First response p90"
        case .resolutionRate: "Resolution rate"
        case .resolutionMedianSeconds: "Resolution p50"
        case .csat: "CSAT"
        case .sentiment: "Sentiment"
        case .backlog: "Backlog"
        }
    }

    /// The KPIs of a family, in order.
    public static func all(in family: KPIFamily) -> [KPI] { allCases.filter { $0.family == family } }
}
