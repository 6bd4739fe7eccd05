/// The summed metric fields of a metrics record (docs/DATA.md section 2, and the fields real
/// exports add), in a fixed order so that a row's values fit one `SIMD32<Double>`.
///
/// `interactions` is not a column: the ingester computes it per row as likes + comments +
/// shares + saves, or the row's `engagements` when it has none of the four. Likewise
/// `net_follower_growth` is a row's own net column, else its gained − lost.
public enum MetricField: Int, CaseIterable, Sendable {
    case impressions, reach, videoViews, mentions, competitorMentions
    case likes, comments, shares, saves, interactions
    case clicks, websiteVisits, leads, conversions, revenue, spend
    /// A platform's own interaction total (X's `engagements`), shown as it is.
    case engagements
    case profileVisits
    case followersGained, followersLost, netFollowerGrowth
    /// Watch time in seconds.
    case watchTimeSeconds
    /// Website sessions referred by the platform (Google Analytics 4), and the engaged ones.
    case sessions, engagedSessions
    /// Key events and revenue on the website from those sessions (Google Analytics 4).
    case siteConversions, siteRevenue
    case newCustomers
    /// A row's customer lifetime value (`cltv`) times its weight, and the weight: the row's
    /// new customers, or 1 for a row without them. Their ratio over a window is the window's
    /// CLTV, the rows' values weighted by the customers they brought (docs/DATA.md).
    case customerValueSum, customerValueWeight

    /// The canonical snake_case name used in the contract and in reports.
    public var id: String {
        switch self {
        case .impressions: "impressions"
        case .reach: "reach"
        case .videoViews: "video_views"
        case .mentions: "mentions"
        case .competitorMentions: "competitor_mentions"
        case .likes: "likes"
        case .comments: "comments"
        case .shares: "shares"
        case .saves: "saves"
        case .interactions: "interactions"
        case .clicks: "clicks"
        case .websiteVisits: "website_visits"
        case .leads: "leads"
        case .conversions: "conversions"
        case .revenue: "revenue"
        case .spend: "spend"
        case .engagements: "engagements"
        case .profileVisits: "profile_visits"
        case .followersGained: "followers_gained"
        case .followersLost: "followers_lost"
        case .netFollowerGrowth: "net_follower_growth"
        case .watchTimeSeconds: "watch_time_s"
        case .sessions: "sessions"
        case .engagedSessions: "engaged_sessions"
        case .siteConversions: "site_conversions"
        case .siteRevenue: "site_revenue"
        case .newCustomers: "new_customers"
        case .customerValueSum: "cltv_weighted_sum"
        case .customerValueWeight: "cltv_weight"
        }
    }

    /// True for money fields, which may be negative (refunds) and carry a currency.
    public var isMoney: Bool { self == .revenue || self == .spend || self == .siteRevenue || self == .customerValueSum }

    /// True for the lanes the ingester works out from other columns, which no column or
    /// mapping entry names.
    public var isDerived: Bool {
        self == .interactions || self == .customerValueSum || self == .customerValueWeight
    }

    /// True for fields whose daily value is a net change and may be negative (TikTok's daily
    /// `Comments` net of deletions, net follower growth).
    public var mayBeNegative: Bool { isMoney || self == .netFollowerGrowth }

    /// The bit of this field in a ``MetricValues/present`` mask.
    public var bit: UInt32 { 1 << UInt32(rawValue) }
}

/// The summed fields of one row or of many rows added together, with which fields had a value.
///
/// Values are kept as whole ten-thousandths (`12.34` is 123,400 units): integer sums are exact
/// and do not depend on the order rows are added or taken back in, so a file followed live,
/// read in parallel parts, or read once cold gives the very same totals. Four decimals are
/// kept; values beyond ``largestMagnitude`` are refused by the ingester.
///
/// Missing is not zero: a field whose bit is not in `present` had no value in any added row.
public struct MetricValues: Sendable, Equatable, Codable {
    /// Each field's value in units of 1/``unitsPerOne``.
    public var units: SIMD32<Int64>
    public var present: UInt32

    public init(units: SIMD32<Int64> = .zero, present: UInt32 = 0) {
        self.units = units
        self.present = present
    }

    public static let zero = MetricValues()

    /// Units in one: values keep four decimals.
    public static let unitsPerOne: Int64 = 10_000

    /// The largest magnitude a single value may have (10^12), so that sums of millions of rows
    /// stay far inside 64-bit units.
    public static let largestMagnitude = 1e12

    /// ``largestMagnitude`` in units.
    public static let largestUnits: Int64 = 1_000_000_000_000 * unitsPerOne

    public subscript(field: MetricField) -> Double? {
        get { present & field.bit != 0 ? Self.double(units: units[field.rawValue]) : nil }
        set {
            if let v = newValue {
                set(field, to: v)
            } else {
                storeLane(0, at: field.rawValue)
                present &= ~field.bit
            }
        }
    }

    /// The field's value in units (0 when missing).
    @inline(__always)
    public func units(of field: MetricField) -> Int64 { units[field.rawValue] }

    /// Gives `field` a value, rounded to four decimals and clamped to ``largestMagnitude``.
    @inline(__always)
    public mutating func set(_ field: MetricField, to value: Double) {
        set(field, units: Self.units(value))
    }

    /// Gives `field` a value in units.
    @inline(__always)
    public mutating func set(_ field: MetricField, units value: Int64) {
        storeLane(value, at: field.rawValue)
        present |= field.bit
    }

    /// A plain store into one lane: `units[lane] = value` with a lane known only at run time
    /// makes the compiler copy the whole vector out and back for every store.
    @inline(__always)
    private mutating func storeLane(_ value: Int64, at lane: Int) {
        withUnsafeMutableBytes(of: &units) { $0.storeBytes(of: value, toByteOffset: lane &* 8, as: Int64.self) }
    }

    @inline(__always)
    public mutating func add(_ other: MetricValues) {
        units &+= other.units
        present |= other.present
    }

    /// Takes back values added before (presence is the caller's to keep).
    @inline(__always)
    public mutating func subtract(_ other: MetricValues) {
        units &-= other.units
    }

    /// A value in units: rounded to four decimals, clamped to ``largestMagnitude``.
    @inline(__always)
    public static func units(_ value: Double) -> Int64 {
        let clamped = max(-largestMagnitude, min(largestMagnitude, value.isNaN ? 0 : value))
        return Int64((clamped * Double(unitsPerOne)).rounded())
    }

    /// Units as a number: exact for whole values, else the nearest double of the four-decimal
    /// value.
    @inline(__always)
    public static func double(units: Int64) -> Double {
        Double(units / unitsPerOne) + Double(units % unitsPerOne) / Double(unitsPerOne)
    }
}
