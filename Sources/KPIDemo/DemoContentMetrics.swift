import KPIEngine
/// Content metrics of a post or of a stretch of time on one platform.
struct DemoContentMetrics: Sendable, Equatable {
    var impressions: Double
    var reach: Double
    var videoViews: Double
    var likes: Double
    var comments: Double
    var shares: Double
    var saves: Double
    var clicks: Double

    /// Plausible metrics for `impressions` on `platform`: reach, interactions and clicks in the
    /// platform's typical ratios, each with a little noise.
    init(impressions: Double, on platform: DemoPlatformProfile, random: inout SplitMix64) {
        self.impressions = impressions
        reach = impressions * platform.reachShare * random.logNormal(median: 1, sigma: 0.05)
        videoViews = impressions * platform.videoShare * random.logNormal(median: 1, sigma: 0.1)
        let interactions = reach * platform.engagementRate * random.logNormal(median: 1, sigma: 0.2)
        let mix = platform.interactionMix
        likes = interactions * mix.likes
        comments = interactions * mix.comments
        shares = interactions * mix.shares
        saves = interactions * mix.saves
        clicks = impressions * platform.clickThroughRate * random.logNormal(median: 1, sigma: 0.2)
    }

    /// The value of a content field; zero for fields content metrics do not have.
    subscript(field: MetricField) -> Double {
        switch field {
        case .impressions: impressions
        case .reach: reach
        case .videoViews: videoViews
        case .likes: likes
        case .comments: comments
        case .shares: shares
        case .saves: saves
        case .clicks: clicks
        default: 0
        }
    }

    private init(_ values: [Double]) {
        (impressions, reach, videoViews, likes, comments, shares, saves, clicks) =
            (values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7])
    }

    private var values: [Double] { [impressions, reach, videoViews, likes, comments, shares, saves, clicks] }

    /// Every metric times `factor`, rounded to whole counts.
    func scaled(by factor: Double) -> DemoContentMetrics {
        DemoContentMetrics(values.map { ($0 * factor).rounded() })
    }

    /// Every metric rounded down or up at random, so that many small increments add up right.
    func roundedStochastically(using random: inout SplitMix64) -> DemoContentMetrics {
        DemoContentMetrics(values.map { Double(random.roundStochastically($0)) })
    }
}
