/// One valid metrics row, as the ingester hands it to the store.
public struct MetricsRow: Sendable, Equatable {
    /// Normalised platform name (lower-case, aliases applied).
    public var platform: String
    /// The row's day in the dashboard's time zone.
    public var day: Day
    /// The row's instant, milliseconds since the Unix epoch (orders follower observations).
    public var time: Int64
    /// Post or campaign id; rows with an id are upserted by (platform, id, day).
    public var id: String?
    /// Untrusted label for drill-down lists.
    public var title: String?
    public var values: MetricValues
    /// Audience size at `time` (a level, not a sum).
    public var followers: Double?
    /// The currency of the row's money fields (`revenue`, `spend`, `site_revenue`), when the
    /// data or the config says which.
    public var currency: Currency?
    /// True for a row of a "lifetime" snapshot without a date of its own (booked on the file's
    /// export day): a row with an id then replaces the same (platform, id) of any earlier
    /// snapshot, whatever its day, instead of adding to it.
    public var isLifetimeSnapshot: Bool
    /// 1-based line number in its file.
    public var line: Int
    /// The post's publish time, type and link, when the row has an id and the file says them.
    public var facts: PostFacts

    public init(platform: String, day: Day, time: Int64, id: String? = nil, title: String? = nil,
                values: MetricValues, followers: Double? = nil, currency: Currency? = nil,
                isLifetimeSnapshot: Bool = false, line: Int, facts: PostFacts = PostFacts()) {
        self.platform = platform
        self.day = day
        self.time = time
        self.id = id
        self.title = title
        self.values = values
        self.followers = followers
        self.currency = currency
        self.isLifetimeSnapshot = isLifetimeSnapshot
        self.line = line
        self.facts = facts
    }
}

/// The sign of a sentiment value.
public enum Sentiment: Int8, Sendable, Equatable {
    case negative = -1, neutral = 0, positive = 1
}

/// What a customer-service record says besides its platform, id and line.
public struct ServiceValues: Sendable, Equatable {
    /// Milliseconds since the Unix epoch.
    public var openedAt: Int64
    public var firstResponseAt: Int64?
    public var resolvedAt: Int64?
    /// 1...5 when rated.
    public var csat: Double?
    public var sentiment: Sentiment?

    public init(openedAt: Int64, firstResponseAt: Int64? = nil, resolvedAt: Int64? = nil, csat: Double? = nil,
                sentiment: Sentiment? = nil) {
        self.openedAt = openedAt
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.csat = csat
        self.sentiment = sentiment
    }
}

/// One valid customer-service record (an inquiry).
public struct ServiceRow: Sendable, Equatable {
    public var platform: String
    /// Inquiry id; a later record with the same (platform, id) replaces the earlier one.
    public var id: String?
    /// Milliseconds since the Unix epoch.
    public var openedAt: Int64
    public var firstResponseAt: Int64?
    public var resolvedAt: Int64?
    /// 1...5 when rated.
    public var csat: Double?
    public var sentiment: Sentiment?
    public var line: Int

    public init(platform: String, id: String? = nil, openedAt: Int64, firstResponseAt: Int64? = nil,
                resolvedAt: Int64? = nil, csat: Double? = nil, sentiment: Sentiment? = nil, line: Int) {
        self.platform = platform
        self.id = id
        self.openedAt = openedAt
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.csat = csat
        self.sentiment = sentiment
        self.line = line
    }

    public init(platform: String, id: String?, values: ServiceValues, line: Int) {
        self.init(platform: platform, id: id, openedAt: values.openedAt, firstResponseAt: values.firstResponseAt,
                  resolvedAt: values.resolvedAt, csat: values.csat, sentiment: values.sentiment, line: line)
    }

    /// What the record says besides its platform, id and line.
    public var values: ServiceValues {
        ServiceValues(openedAt: openedAt, firstResponseAt: firstResponseAt, resolvedAt: resolvedAt, csat: csat,
                      sentiment: sentiment)
    }
}

/// Service records of one platform read straight from a file's bytes, given to a
/// ``RecordSink`` together, in line order, with each record's id as its UTF-8 bytes: no
/// `String` is made for an id, and the store numbers a batch's ids together.
public struct ServiceRecordBatch {
    /// One record: its id's bytes (nil for a record without an id; valid only while the batch
    /// is being given), its values and its line.
    public struct Record {
        public var id: UnsafeRawBufferPointer?
        public var values: ServiceValues
        public var line: Int
    }

    public var platform: String
    public internal(set) var records: [Record] = []

    init(platform: String) { self.platform = platform }

    /// The record as a ``ServiceRow``.
    public func row(_ record: Record) -> ServiceRow {
        ServiceRow(platform: platform, id: record.id.map { String(decoding: $0, as: UTF8.self) }, values: record.values,
                   line: record.line)
    }
}

/// Where and why something in a file was refused: a data row (or a whole data file) the
/// ingester rejected, or a mistake in a mapping, goals, config or theme file
/// (``ConfigProblem``).
public struct Rejection: Error, Sendable, Equatable, Hashable, CustomStringConvertible, Codable {
    /// The file as the user knows it: relative to the data directory for data files.
    public var file: String
    /// 1-based line; 0 for a problem with the whole file.
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`, or `file: reason` for the whole file.
    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}
