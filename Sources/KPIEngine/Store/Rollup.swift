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
    /// Each file's summary (see ``FileSummary``), in path order.
    public var fileSummaries: [(file: String, summary: FileSummary)] = []
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

    /// Puts platforms, each combined with ``Platform/init(combining:platform:clock:)``, together
    /// with the counts over `orderedFiles` (in ``upsertOrder(_:)``), the files they come from.
    init(platforms: [String: Platform], orderedFiles: [FileContribution]) {
        self.platforms = platforms
        for file in orderedFiles {
            fileCount += 1
            rejectedRows += file.rejectedCount
            rejections += file.rejections
            notes += file.notes.map { (file.path, $0) }
            fileSummaries.append((file.path, file.summary))
        }
        rejections.sort { ($0.file, $0.line) < ($1.file, $1.line) }
        fileSummaries.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
    }

    /// The order upserts (rows with an id) are applied in: the later file wins, by later
    /// modification time, then later path in byte order.
    static func upsertOrder(_ files: [FileContribution]) -> [FileContribution] {
        files.sorted { a, b in
            a.modificationTime != b.modificationTime
                ? a.modificationTime < b.modificationTime
                : Array(a.path.utf8).lexicographicallyPrecedes(Array(b.path.utf8))
        }
    }
}

extension Rollup.Platform {
    /// One platform's data from `files` (in ``Rollup/upsertOrder(_:)``); rows of other
    /// platforms are skipped.
    init(combining files: [FileContribution], platform name: String, clock: DayClock) {
        var posts: [PostDayKey: MetricsRow] = [:]
        var identified: [InquiryKey: ServiceRow] = [:]
        for file in files {
            for (key, totals) in file.dayTotals where key.platform == name {
                days[key.day, default: DayTotals()].add(totals)
            }
            for (key, row) in file.postRows where key.platform == name { posts[key] = row }
            for (key, row) in file.inquiries where key.platform == name { identified[key] = row }
            inquiries += file.anonymousInquiries.filter { $0.platform == name }
        }
        // Sorted so that floating-point sums never depend on dictionary order (the keys only:
        // moving whole rows around would cost more than looking them up again).
        for key in posts.keys.sorted(by: { a, b in (a.day, a.id) < (b.day, b.id) }) {
            let row = posts[key]!
            days[key.day, default: DayTotals()].add(row)
            self.posts[key.id, default: [:]][key.day] = row
        }
        inquiries += identified.values
        finish(clock: clock)
    }

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
