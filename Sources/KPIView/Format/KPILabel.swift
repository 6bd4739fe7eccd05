import KPIEngine

/// A KPI's name as narrow columns show it: the full title where it fits, else a short one of
/// at most 12 columns that is still read as words (`Eng. rate`, `Reply p90`), never cut.
enum KPILabel {
    /// The longest short title.
    static let shortWidth = 12

    static func short(_ kpi: KPI) -> String {
        switch kpi {
        case .competitorMentions: "Comp. ment."
        case .shareOfVoice: "Voice share"
        case .followersStart: "Foll. start"
        case .followerGrowth: "Foll. growth"
        case .followerGrowthRate: "Growth rate"
        case .engagementRate: "Eng. rate"
        case .engagementRateImpressions: "ER by impr."
        case .engagementRateFollowers: "ER by foll."
        case .websiteVisits: "Site visits"
        case .conversionRate: "Conv. rate"
        case .responseRate: "Resp. rate"
        case .firstResponseMedianSeconds: "Reply p50"
        case .firstResponseP90Seconds: "Reply p90"
        case .resolutionRate: "Resol. rate"
        case .resolutionMedianSeconds: "Resol. p50"
        case .followersGained: "Foll. gained"
        case .followersLost: "Foll. lost"
        case .netFollowerGrowth: "Net new foll"
        case .profileVisits: "Prof. visits"
        case .averageViewDurationSeconds: "Avg view"
        case .viralityRate: "Virality"
        case .amplificationRate: "Amplif. rate"
        case .engagements: "Engagements"
        case .newCustomers: "New cust."
        case .engagedSessions: "Engaged sess"
        case .siteConversions: "Site conv."
        case .siteRevenue: "Site revenue"
        case .socialShareOfTraffic: "Social share"
        default: kpi.title
        }
    }
}
