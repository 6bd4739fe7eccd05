/// All files combined, after upserts: per platform the daily totals, the follower timeline,
/// the posts and the inquiries. KPIs for any window are computed from this without touching
/// a file.
public struct Rollup: Sendable {
    /// One platform's combined data.
    public struct Platform: Sendable {
        public var days: [Day: DayTotals] = [:]
        /// The keys of `days`, in order (sums over a window always add in day order, so a
        /// floating-point total never depends on dictionary order).
        public var sortedDays: [Day] = []
        /// The day's latest follower observation, for days that have one, in day order.
        public var followerTimeline: [(day: Day, observation: FollowerObservation)] = []
        /// Fields that have a value anywhere in this platform's data.
        public var presentFields: UInt32 = 0
        /// Per post id: the winning row of each day.
        public var posts: [String: [Day: MetricsRow]] = [:]
        /// Inquiries after upsert by id.
        public var inquiries: [ServiceRow] = []
        /// Newest record instant (ms), metrics or service.
        public var newestTime: Int64 = .min
        public var firstDay: Day?
        public var lastDay: Day?

        mutating func extendSpan(_ day: Day) {
            firstDay = min(firstDay ?? day, day)
            lastDay = max(lastDay ?? day, day)
        }
    }

    public var platforms: [String: Platform] = [:]
    public var rejectedRows = 0
    public var rejections: [Rejection] = []
    public var notes: [(file: String, note: String)] = []
    public var fileCount = 0

    /// Platform names, sorted.
    public var platformNames: [String] { platforms.keys.sorted() }

    /// The first and last day with data on any platform.
    public var dataSpan: ClosedRange<Day>? {
        let firsts = platforms.values.compactMap(\.firstDay)
        let lasts = platforms.values.compactMap(\.lastDay)
        guard let first = firsts.min(), let last = lasts.max() else { return nil }
        return first...last
    }

    /// Combines file contributions. Upserts (rows with an id) go to the later file: later
    /// modification time, then later path in byte order.
    public init(files: [FileContribution], clock: DayClock) {
        let ordered = files.sorted { a, b in
            a.modificationTime != b.modificationTime
                ? a.modificationTime < b.modificationTime
                : Array(a.path.utf8).lexicographicallyPrecedes(Array(b.path.utf8))
        }
        var posts: [PostDayKey: MetricsRow] = [:]
        var inquiries: [InquiryKey: ServiceRow] = [:]
        for file in ordered {
            fileCount += 1
            rejectedRows += file.rejectedCount
            rejections += file.rejections
            notes += file.notes.map { (file.path, $0) }
            for (key, totals) in file.dayTotals {
                platforms[key.platform, default: Platform()].days[key.day, default: DayTotals()].add(totals)
            }
            posts.merge(file.postRows) { _, later in later }
            inquiries.merge(file.inquiries) { _, later in later }
            for row in file.anonymousInquiries {
                platforms[row.platform, default: Platform()].inquiries.append(row)
            }
        }
        // Sorted so that floating-point sums never depend on dictionary order.
        let orderedPosts = posts.sorted { a, b in
            (a.key.platform, a.key.day, a.key.id) < (b.key.platform, b.key.day, b.key.id)
        }
        for (key, row) in orderedPosts {
            var platform = platforms[key.platform, default: Platform()]
            var day = DayTotals()
            day.add(row)
            platform.days[key.day, default: DayTotals()].add(day)
            platform.posts[key.id, default: [:]][key.day] = row
            platforms[key.platform] = platform
        }
        for (key, row) in inquiries {
            platforms[key.platform, default: Platform()].inquiries.append(row)
        }
        for name in platforms.keys {
            platforms[name]!.finish(clock: clock)
        }
        rejections.sort { ($0.file, $0.line) < ($1.file, $1.line) }
    }
}

extension Rollup.Platform {
    /// Derives the timeline, presence, span and newest time once all rows are in.
    fileprivate mutating func finish(clock: DayClock) {
        inquiries.sort { ($0.openedAt, $0.line) < ($1.openedAt, $1.line) }
        for (day, totals) in days {
            presentFields |= totals.values.present
            newestTime = max(newestTime, totals.newestTime)
            extendSpan(day)
            if let f = totals.followers { followerTimeline.append((day, f)) }
        }
        followerTimeline.sort { $0.day < $1.day }
        sortedDays = days.keys.sorted()
        for inquiry in inquiries {
            newestTime = max(newestTime, inquiry.openedAt)
            extendSpan(clock.day(ofEpochMilliseconds: inquiry.openedAt))
        }
    }
}
