/// Names one post (or campaign): its platform and id.
public struct PostReference: Sendable, Hashable, Codable {
    public var platform: String
    public var id: String

    public init(platform: String, id: String) {
        self.platform = platform
        self.id = id
    }
}

/// Everything about one post that the post page shows: its title, its days, its sums over the
/// window and over all its days, and its daily series.
public struct PostDetail: Sendable, Equatable, Codable {
    /// One day of a post: that day's values (its winning row).
    public struct PostDay: Sendable, Equatable, Codable {
        public var day: Day
        public var values: MetricValues
    }

    /// When a post was published, in the dashboard's time zone.
    public struct PublishTime: Sendable, Equatable, Codable {
        public var epochMilliseconds: Int64
        public var day: Day
        /// Milliseconds since that day's local midnight.
        public var millisecondOfDay: Int64
    }

    public var post: PostReference
    /// Untrusted text from the data (its latest title); sanitise before display.
    public var title: String?
    /// Its publish time, when the data says it (a later file's word wins).
    public var published: PublishTime?
    /// Its type (`Reels`, `Photo`): untrusted text from the data; sanitise before display.
    public var type: String?
    /// Its link: untrusted text from the data; sanitise before display.
    public var permalink: String?
    /// Every day the post has a row for, in order.
    public var days: [PostDay]
    /// Sums over the days of the window.
    public var window: MetricValues
    /// Sums over all its days.
    public var lifetime: MetricValues

    /// The first day with data (a post export's publish day).
    public var firstDay: Day? { days.first?.day }

    /// One point per day of `window`: the day's values, nil when the post has no row that day.
    public func daily(over window: ReportWindow) -> [MetricValues?] {
        let byDay = Dictionary(uniqueKeysWithValues: days.map { ($0.day, $0.values) })
        return window.allDays.map { byDay[$0] }
    }
}

extension KPICalculator {
    /// The detail of one post for the window; nil when the store has no such post.
    func postDetail(_ post: PostReference, window: ReportWindow) -> PostDetail? {
        guard let rollup = store.platforms[post.platform],
              let id = store.interning.ids.existingNumber(for: post.id),
              let span = rollup.postSpans[UInt64(id)],
              let snapshotKey = RowKey(platform: rollup.number, id: id, day: nil)
        else { return nil }
        var days: [PostDetail.PostDay] = []
        var title: String?
        let start = rollup.sortedDays.insertionIndex(of: span.firstDay)
        for day in rollup.sortedDays[start...] where days.count < span.rows {
            guard let keys = rollup.postsByDay[day] else { continue }
            for key in [snapshotKey, RowKey(platform: rollup.number, id: id, day: day)] {
                guard let key, keys[key.raw] != nil, let ref = rollup.posts.winner(key) else { continue }
                let row = store.post(ref)
                days.append(PostDetail.PostDay(day: day, values: row.values))
                if row.title != 0 { title = store.title(ref, number: row.title) }
            }
        }
        var inWindow = MetricValues.zero, lifetime = MetricValues.zero
        for day in days {
            lifetime.add(day.values)
            if window.contains(day.day) { inWindow.add(day.values) }
        }
        inWindow.present = rollup.presentFields
        lifetime.present = rollup.presentFields
        let facts = store.facts(of: snapshotKey)
        let published = facts?.publishedAt.map { instant in
            PostDetail.PublishTime(epochMilliseconds: instant, day: store.clock.day(ofEpochMilliseconds: instant),
                                   millisecondOfDay: store.clock.millisecondOfDay(instant))
        }
        return PostDetail(post: post, title: title, published: published, type: facts?.type,
                          permalink: facts?.permalink, days: days, window: inWindow, lifetime: lifetime)
    }
}
