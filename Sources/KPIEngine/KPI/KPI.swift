/// The KPI families, in dashboard order.
public enum KPIFamily: Int, CaseIterable, Sendable {
    case reach, engagement, conversion, service
    /// Website traffic from social (Google Analytics 4 exports).
    case traffic

    public var title: String {
        switch self {
        case .reach: "Reach"
        case .engagement: "Engagement"
        case .conversion: "Conversion"
        case .service: "Customer service"
        case .traffic: "Traffic"
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

/// How a KPI is computed, which decides how goals treat it (docs/DATA.md section 9).
public enum KPIKind: Sendable {
    /// A sum over the window (docs/DATA.md section 4 sums, interactions, inquiries).
    case sum
    /// The followers level.
    case level
    /// Anything else: ratios, growth, durations, backlog.
    case other
}

/// Every KPI: those of docs/DATA.md section 4, then the ones added since, in the order
/// reports list them.
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
    // Added after the first contract: reach and virality, a platform's own engagement total,
    // customer value, and website traffic from social (Google Analytics 4). Listed last so
    // that reports keep the contract's order first.
    case followersGained = "followers_gained"
    case followersLost = "followers_lost"
    case netFollowerGrowth = "net_follower_growth"
    case profileVisits = "profile_visits"
    case watchTimeSeconds = "watch_time_s"
    case averageViewDurationSeconds = "average_view_duration_s"
    case viralityRate = "virality_rate"
    case amplificationRate = "amplification_rate"
    case engagements
    case newCustomers = "new_customers"
    case cac, cltv
    case cltvToCac = "cltv_to_cac"
    // Traffic from social (Google Analytics 4)
    case sessions
    case engagedSessions = "engaged_sessions"
    case bounceRate = "bounce_rate"
    case siteConversions = "site_conversions"
    case siteRevenue = "site_revenue"
    case socialShareOfTraffic = "social_share_of_traffic"

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
        case .engagements: .engagements
        case .profileVisits: .profileVisits
        case .followersGained: .followersGained
        case .followersLost: .followersLost
        case .netFollowerGrowth: .netFollowerGrowth
        case .watchTimeSeconds: .watchTimeSeconds
        case .sessions: .sessions
        case .engagedSessions: .engagedSessions
        case .siteConversions: .siteConversions
        case .siteRevenue: .siteRevenue
        case .newCustomers: .newCustomers
        default: nil
        }
    }

    public var family: KPIFamily {
        switch self {
        case .impressions, .reach, .videoViews, .mentions, .competitorMentions, .frequency,
             .shareOfVoice, .followers, .followersStart, .followerGrowth, .followerGrowthRate,
             .followersGained, .followersLost, .netFollowerGrowth, .profileVisits, .watchTimeSeconds,
             .averageViewDurationSeconds, .viralityRate, .amplificationRate:
            .reach
        case .interactions, .likes, .comments, .shares, .saves, .engagementRate,
             .engagementRateImpressions, .engagementRateFollowers, .clicks, .ctr, .engagements:
            .engagement
        case .websiteVisits, .leads, .conversions, .revenue, .spend, .conversionRate, .leadRate,
             .cpc, .cpa, .roas, .roi, .newCustomers, .cac, .cltv, .cltvToCac:
            .conversion
        case .inquiries, .responseRate, .firstResponseMedianSeconds, .firstResponseP90Seconds,
             .resolutionRate, .resolutionMedianSeconds, .csat, .sentiment, .backlog:
            .service
        case .sessions, .engagedSessions, .bounceRate, .siteConversions, .siteRevenue, .socialShareOfTraffic:
            .traffic
        }
    }

    public var unit: KPIUnit {
        switch self {
        case .revenue, .spend, .cpc, .cpa, .cac, .cltv, .siteRevenue: .money
        case .frequency, .roas, .cltvToCac: .multiple
        case .shareOfVoice, .followerGrowthRate, .engagementRate, .engagementRateImpressions,
             .engagementRateFollowers, .ctr, .conversionRate, .leadRate, .roi, .responseRate,
             .resolutionRate, .csat, .viralityRate, .amplificationRate, .bounceRate, .socialShareOfTraffic:
            .fraction
        case .firstResponseMedianSeconds, .firstResponseP90Seconds, .resolutionMedianSeconds,
             .watchTimeSeconds, .averageViewDurationSeconds:
            .seconds
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
             .resolutionMedianSeconds, .backlog, .competitorMentions, .followersLost, .cac, .bounceRate:
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
        case .followersGained: "Followers gained"
        case .followersLost: "Followers lost"
        case .netFollowerGrowth: "Net new followers"
        case .profileVisits: "Profile visits"
        case .watchTimeSeconds: "Watch time"
        case .averageViewDurationSeconds: "Avg view duration"
        case .viralityRate: "Virality rate"
        case .amplificationRate: "Amplification rate"
        case .engagements: "Engagements (platform)"
        case .newCustomers: "New customers"
        case .cac: "CAC"
        case .cltv: "CLTV"
        case .cltvToCac: "CLTV : CAC"
        case .sessions: "Sessions"
        case .engagedSessions: "Engaged sessions"
        case .bounceRate: "Bounce rate"
        case .siteConversions: "Site conversions"
        case .siteRevenue: "Site revenue"
        case .socialShareOfTraffic: "Social share of traffic"
        }
    }

    /// The KPIs of a family, in order.
    public static func all(in family: KPIFamily) -> [KPI] { allCases.filter { $0.family == family } }

    /// The KPIs of docs/DATA.md section 4, which every report lists; the ones added
    /// since are listed by text and Markdown reports only where some platform has a value.
    public static let contractKPIs: Set<KPI> = Set(allCases.prefix { $0 != .followersGained })

    /// True for a KPI of docs/DATA.md section 4.
    public var isContractKPI: Bool { Self.contractKPIs.contains(self) }
}

extension KPISnapshot {
    /// The KPIs of a family that a human-readable report lists: the contract's, and the added
    /// ones where some platform (or `all`) has a value.
    public func listedKPIs(in family: KPIFamily) -> [KPI] {
        KPI.all(in: family).filter { kpi in
            kpi.isContractKPI || kpis.values.contains { $0[kpi]?.value != nil }
        }
    }
}
