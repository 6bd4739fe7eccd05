/// A field a column can feed (docs/DATA.md section 2), as named in mapping files.
enum CanonicalField: Hashable, Sendable {
    case metric(MetricField)
    case followers
    case time
    case id
    case title
    case platform
    /// When a post was published, apart from the row's own time (a mapping names it; the
    /// export columns that say it are time aliases too, see ``FieldAliases/publishTimeNames``).
    case publishTime
    /// A post's type (`Reels`, `Photo`, `Video`).
    case postType
    /// A post's link.
    case permalink
    /// The first day of the period a row totals (Ads Manager's `Reporting starts`).
    case rangeStart
    /// The last day of that period (`Reporting ends`).
    case rangeEnd
    /// The campaign's own first and last day (Ads Manager's `Starts` / `Ends`): a period total
    /// is spread over the part of its range the campaign ran.
    case campaignStart
    case campaignEnd
    /// The ISO code of the row's money (`USD`), as Ads Manager's `Currency` column writes it.
    case currency
    /// Average view duration (`0:02:10`), from which watch time is derived when no column has it.
    case averageViewDuration
    /// A customer lifetime value (`cltv`): money per customer, weighted by the row's new
    /// customers (see ``MetricField/customerValueSum``).
    case customerValue
    /// The source of website sessions (`facebook.com / referral`, `ig`, a `utm_source`): it
    /// decides the row's platform, or the "not social" total.
    case trafficSource
    /// A default channel group (`Organic Social`, `Direct`).
    case channelGroup
    /// A UTM campaign (`Session campaign`, `utm_campaign`): the row's id and title.
    case campaign
    /// `Nth day` of a Google Analytics report: days since the report's start date.
    case nthDay
    case openedAt
    case firstResponseAt
    case resolvedAt
    case csat
    case sentiment
    /// Minutes from opening to the first reply (Zendesk), when there is no first_response_at.
    case firstReplyMinutes

    /// Every field, in the order used for messages.
    static let all: [CanonicalField] =
        MetricField.allCases.filter { !$0.isDerived }.map(CanonicalField.metric)
        + [.followers, .time, .id, .title, .platform, .publishTime, .postType, .permalink, .rangeStart, .rangeEnd, .campaignStart, .campaignEnd,
           .currency, .averageViewDuration, .customerValue, .trafficSource, .channelGroup, .campaign, .nthDay,
           .openedAt, .firstResponseAt, .resolvedAt, .csat, .sentiment, .firstReplyMinutes]

    /// The snake_case name of the contract.
    var name: String {
        switch self {
        case .metric(let field): field.id
        case .followers: "followers"
        case .time: "timestamp"
        case .id: "id"
        case .title: "title"
        case .platform: "platform"
        case .publishTime: "publish_time"
        case .postType: "post_type"
        case .permalink: "permalink"
        case .rangeStart: "range_start"
        case .rangeEnd: "range_end"
        case .campaignStart: "campaign_start"
        case .campaignEnd: "campaign_end"
        case .currency: "currency"
        case .averageViewDuration: "average_view_duration"
        case .customerValue: "cltv"
        case .trafficSource: "traffic_source"
        case .channelGroup: "channel_group"
        case .campaign: "utm_campaign"
        case .nthDay: "nth_day"
        case .openedAt: "opened_at"
        case .firstResponseAt: "first_response_at"
        case .resolvedAt: "resolved_at"
        case .csat: "csat"
        case .sentiment: "sentiment"
        case .firstReplyMinutes: "first_reply_minutes"
        }
    }

    /// The field a mapping file names (`date` and `time` also name the time field).
    init?(name: String) {
        let normalized = HeaderName.normalize(name)
        if normalized == "date" || normalized == "time" {
            self = .time
            return
        }
        guard let field = Self.all.first(where: { $0.name == normalized }) else { return nil }
        self = field
    }

    /// True for the fields whose column makes a header look like metrics.
    var isMeasure: Bool {
        switch self {
        case .metric, .followers, .customerValue: true
        default: false
        }
    }
}
