/// Everything the KPIs of one platform (or `all`) over one window are computed from.
struct WindowFacts: Sendable {
    /// Window sums; a field is present when the platform reports it anywhere in the data.
    var sums = MetricValues.zero
    var followers: Double?
    var followersStart: Double?
    var service = ServiceFacts()

    /// Adds another platform's facts (for `all`: sums, and followers summed where known).
    mutating func add(_ other: WindowFacts) {
        sums.add(other.sums)
        followers = Self.sum(followers, other.followers)
        followersStart = Self.sum(followersStart, other.followersStart)
        service.add(other.service)
    }

    private static func sum(_ a: Double?, _ b: Double?) -> Double? {
        switch (a, b) {
        case let (x?, y?): x + y
        case let (x?, nil): x
        case let (nil, y?): y
        case (nil, nil): nil
        }
    }

    /// Every KPI of contract section 4; nil where undefined.
    func kpiValues() -> [KPI: Double?] {
        var out: [KPI: Double?] = [:]
        for kpi in KPI.allCases { out[kpi] = value(of: kpi) }
        return out
    }

    func value(of kpi: KPI) -> Double? {
        if let field = kpi.field { return sums[field] }
        let s = sums
        switch kpi {
        case .frequency: return ratio(s[.impressions], s[.reach])
        case .shareOfVoice:
            guard let m = s[.mentions], let c = s[.competitorMentions] else { return nil }
            return ratio(m, m + c)
        case .followers: return followers
        case .followersStart: return followersStart
        case .followerGrowth:
            guard let f = followers, let f0 = followersStart else { return nil }
            return f - f0
        case .followerGrowthRate:
            guard let f = followers, let f0 = followersStart else { return nil }
            return ratio(f - f0, f0)
        case .engagementRate: return ratio(s[.interactions], s[.reach])
        case .engagementRateImpressions: return ratio(s[.interactions], s[.impressions])
        case .engagementRateFollowers: return ratio(s[.interactions], followers)
        case .ctr: return ratio(s[.clicks], s[.impressions])
        case .conversionRate: return ratio(s[.conversions], s[.clicks])
        case .leadRate: return ratio(s[.leads], s[.clicks])
        case .cpc: return ratio(s[.spend], s[.clicks])
        case .cpa: return ratio(s[.spend], s[.conversions])
        case .roas: return ratio(s[.revenue], s[.spend])
        case .roi:
            guard let r = s[.revenue], let sp = s[.spend] else { return nil }
            return ratio(r - sp, sp)
        case .inquiries: return service.hasServiceData ? Double(service.inquiries) : nil
        case .responseRate: return count(service.answered, of: service.inquiries)
        case .firstResponseMedianSeconds: return Percentile.median(service.firstResponseSeconds.sorted())
        case .firstResponseP90Seconds: return Percentile.p90(service.firstResponseSeconds.sorted())
        case .resolutionRate: return count(service.resolved, of: service.inquiries)
        case .resolutionMedianSeconds: return Percentile.median(service.resolutionSeconds.sorted())
        case .csat: return count(service.satisfied, of: service.rated)
        case .sentiment: return count(service.positive - service.negative, of: service.withSentiment)
        case .backlog: return service.hasServiceData ? Double(service.backlog) : nil
        case .averageViewDurationSeconds: return ratio(s[.watchTimeSeconds], s[.videoViews])
        case .viralityRate: return ratio(s[.shares], s[.impressions])
        case .amplificationRate: return ratio(s[.shares], followers)
        case .cac: return ratio(s[.spend], s[.newCustomers])
        case .bounceRate:
            guard let engaged = s[.engagedSessions], let sessions = s[.sessions], sessions != 0 else { return nil }
            return 1 - engaged / sessions
        default: return nil
        }
    }

    private func ratio(_ numerator: Double?, _ denominator: Double?) -> Double? {
        guard let n = numerator, let d = denominator, d != 0 else { return nil }
        return n / d
    }

    private func count(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}
