/// What a KPI is computed from, which decides the platforms that enter its value for `all`
/// (docs/DATA.md section 4: a ratio sums its fields only over the platforms where every field
/// of its formula is non-null).
public enum KPIInput: Hashable, Sendable {
    /// A summed field, non-null where the platform reports it anywhere in the data.
    case field(MetricField)
    /// The follower count at the window end.
    case followers
    /// Service records (inquiries).
    case service
    /// The lifetime value of a customer (config or data).
    case customerValue
    /// Website sessions from every source (social or not), for the share of traffic.
    case allSessions
}

extension KPI {
    /// The inputs of the KPI's formula, every one of which must be non-null for a platform to
    /// enter the KPI's value for `all`.
    public var inputs: [KPIInput] {
        if let field { return [.field(field)] }
        switch self {
        case .frequency: return [.field(.impressions), .field(.reach)]
        case .shareOfVoice: return [.field(.mentions), .field(.competitorMentions)]
        case .followers, .followersStart, .followerGrowth, .followerGrowthRate: return [.followers]
        case .engagementRate: return [.field(.interactions), .field(.reach)]
        case .engagementRateImpressions: return [.field(.interactions), .field(.impressions)]
        case .engagementRateFollowers: return [.field(.interactions), .followers]
        case .ctr: return [.field(.clicks), .field(.impressions)]
        case .conversionRate: return [.field(.conversions), .field(.clicks)]
        case .leadRate: return [.field(.leads), .field(.clicks)]
        case .cpc: return [.field(.spend), .field(.clicks)]
        case .cpa: return [.field(.spend), .field(.conversions)]
        case .roas, .roi: return [.field(.revenue), .field(.spend)]
        case .averageViewDurationSeconds: return [.field(.watchTimeSeconds), .field(.videoViews)]
        case .viralityRate: return [.field(.shares), .field(.impressions)]
        case .amplificationRate: return [.field(.shares), .followers]
        case .cac: return [.field(.spend), .field(.newCustomers)]
        case .cltv: return [.customerValue]
        case .cltvToCac: return [.customerValue, .field(.spend), .field(.newCustomers)]
        case .bounceRate: return [.field(.engagedSessions), .field(.sessions)]
        case .socialShareOfTraffic: return [.field(.sessions), .allSessions]
        case .inquiries, .responseRate, .firstResponseMedianSeconds, .firstResponseP90Seconds, .resolutionRate,
             .resolutionMedianSeconds, .csat, .sentiment, .backlog:
            return [.service]
        default: return []
        }
    }

    /// True when the KPI is worked out from money (it has no value across mixed currencies).
    public var involvesMoney: Bool {
        unit == .money || self == .roas || self == .roi || self == .cltvToCac
    }

    /// How a change of this KPI against an earlier window is told.
    public var changeKind: ChangeKind {
        switch unit {
        case .fraction: .percentagePoints
        case .score, .multiple: .difference
        case .count, .money, .seconds: .relative
        }
    }
}

/// How the change of a KPI is told: relative (`▲ 12%`, sums, money, durations), in
/// percentage points (`+0.4 pp`, rates) or as a plain difference (`-0.05`, the sentiment
/// index; `+0.3x`, multiples).
public enum ChangeKind: Sendable {
    case relative, percentagePoints, difference
}
