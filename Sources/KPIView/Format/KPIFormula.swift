import KPIEngine

/// What a KPI is, in one line: `Engagement rate = interactions / reach`.
enum KPIFormula {
    /// The title and how the value is worked out.
    static func text(_ kpi: KPI) -> String {
        kpi.title + " = " + definition(kpi)
    }

    /// How the value is worked out over the window, in the words of docs/DATA.md.
    static func definition(_ kpi: KPI) -> String {
        switch kpi {
        case .interactions: "likes + comments + shares + saves"
        case .engagements: "sum of the platforms' own engagement totals"
        case .frequency: "impressions / reach"
        case .shareOfVoice: "mentions / (mentions + competitor mentions)"
        case .followers: "followers at the window's end"
        case .followersStart: "followers before the window starts"
        case .followerGrowth: "followers - followers at start"
        case .followerGrowthRate: "follower growth / followers at start"
        case .engagementRate: "interactions / reach"
        case .engagementRateImpressions: "interactions / impressions"
        case .engagementRateFollowers: "interactions / followers"
        case .ctr: "clicks / impressions"
        case .conversionRate: "conversions / clicks"
        case .leadRate: "leads / clicks"
        case .cpc: "spend / clicks"
        case .cpa: "spend / conversions"
        case .roas: "revenue / spend"
        case .roi: "(revenue - spend) / spend"
        case .inquiries: "inquiries opened in the window"
        case .responseRate: "answered / inquiries"
        case .firstResponseMedianSeconds: "median time to the first response"
        case .firstResponseP90Seconds: "90th percentile of the time to the first response"
        case .resolutionRate: "resolved / inquiries"
        case .resolutionMedianSeconds: "median time to resolution"
        case .csat: "ratings of 4 or 5 / ratings"
        case .sentiment: "(positive - negative) / inquiries with a sentiment"
        case .backlog: "inquiries still open at the window's end"
        case .averageViewDurationSeconds: "watch time / video views"
        case .viralityRate: "shares / impressions"
        case .amplificationRate: "shares / followers"
        case .cac: "spend / new customers"
        case .cltv: "customer lifetime value (config)"
        case .cltvToCac: "CLTV / CAC"
        case .bounceRate: "1 - engaged sessions / sessions"
        case .socialShareOfTraffic: "sessions from social / all sessions"
        default: "sum of " + kpi.title.lowercased()
        }
    }
}
