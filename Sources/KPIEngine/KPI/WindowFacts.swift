/// Everything the KPIs of one platform (or of platforms together) over one window are
/// computed from.
struct WindowFacts: Sendable {
    /// Window sums; a field is present when the platform reports it anywhere in the data.
    var sums = MetricValues.zero
    var followers: Double?
    var followersStart: Double?
    var service = ServiceFacts()
    /// Customer lifetime value as a weighted total and its weight (their ratio is the CLTV);
    /// nil when neither the data nor the config gives one (see ``settleCustomerValue(configured:)``).
    var customerValue: (total: Double, weight: Double)?

    /// Adds another platform's facts (sums, and followers summed where known).
    mutating func add(_ other: WindowFacts) {
        sums.add(other.sums)
        followers = Self.sum(followers, other.followers)
        followersStart = Self.sum(followersStart, other.followersStart)
        service.add(other.service)
        if let theirs = other.customerValue {
            customerValue = ((customerValue?.total ?? 0) + theirs.total, (customerValue?.weight ?? 0) + theirs.weight)
        }
    }

    /// Decides the platform's customer value over this window: the data's `cltv` rows (their
    /// values weighted by new customers) when the window has any, else `configured` weighted
    /// by the window's new customers (1 when it has none, so the platform's CLTV is the
    /// configured value).
    mutating func settleCustomerValue(configured: Double?) {
        if let weight = sums[.customerValueWeight], weight > 0, let total = sums[.customerValueSum] {
            customerValue = (total, weight)
        } else if let configured {
            let customers = sums[.newCustomers] ?? 0
            let weight = customers > 0 ? customers : 1
            customerValue = (configured * weight, weight)
        } else {
            customerValue = nil
        }
    }

    private static func sum(_ a: Double?, _ b: Double?) -> Double? {
        switch (a, b) {
        case let (x?, y?): x + y
        case let (x?, nil): x
        case let (nil, y?): y
        case (nil, nil): nil
        }
    }

    /// True when `input` is non-null here (the platform reports it).
    func has(_ input: KPIInput) -> Bool {
        switch input {
        case .field(let field): sums.present & field.bit != 0
        case .followers: followers != nil
        case .service: service.hasServiceData
        case .customerValue: customerValue != nil
        case .allSessions: false
        }
    }

    func value(of kpi: KPI) -> Double? {
        if let field = kpi.field { return sums[field] }
        let s = sums
        let c = service.counters
        switch kpi {
        case .frequency: return ratio(s[.impressions], s[.reach])
        case .shareOfVoice:
            guard let m = s[.mentions], let other = s[.competitorMentions] else { return nil }
            return ratio(m, m + other)
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
        case .averageViewDurationSeconds: return ratio(s[.watchTimeSeconds], s[.videoViews])
        case .viralityRate: return ratio(s[.shares], s[.impressions])
        case .amplificationRate: return ratio(s[.shares], followers)
        case .cac: return ratio(s[.spend], s[.newCustomers])
        case .bounceRate:
            guard let engaged = s[.engagedSessions], let sessions = s[.sessions], sessions != 0 else { return nil }
            return 1 - engaged / sessions
        case .cltv: return customerValue.flatMap { ratio($0.total, $0.weight) }
        case .cltvToCac:
            guard let cltv = value(of: .cltv), let cac = value(of: .cac) else { return nil }
            return ratio(cltv, cac)
        case .socialShareOfTraffic: return nil
        case .inquiries: return service.hasServiceData ? Double(c.inquiries) : nil
        case .responseRate: return count(c.answered, of: c.inquiries)
        case .firstResponseMedianSeconds: return service.firstResponseSeconds.median
        case .firstResponseP90Seconds: return service.firstResponseSeconds.p90
        case .resolutionRate: return count(c.resolved, of: c.inquiries)
        case .resolutionMedianSeconds: return service.resolutionSeconds.median
        case .csat: return count(c.satisfied, of: c.rated)
        case .sentiment: return count(c.positive - c.negative, of: c.withSentiment)
        case .backlog: return service.hasServiceData ? Double(service.backlog) : nil
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
