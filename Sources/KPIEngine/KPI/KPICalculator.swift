/// Computes a ``KPISnapshot`` from a ``Rollup``: every KPI of every platform and of `all`,
/// over the window and the previous window, with daily series and top posts.
public struct KPICalculator: Sendable {
    public let rollup: Rollup
    public let clock: DayClock

    public init(rollup: Rollup, clock: DayClock) {
        self.rollup = rollup
        self.clock = clock
    }

    /// The anchor day and window for a request (contract section 5).
    public func resolveWindow(_ request: SnapshotRequest) -> (window: ReportWindow, anchoredOnNewest: Bool) {
        let today = clock.day(ofEpochMilliseconds: request.now)
        var anchor = request.asOf ?? today
        var anchoredOnNewest = false
        let span = rollup.dataSpan
        let length: Int
        switch request.window {
        case .days(let n): length = n
        case .all: length = 28
        }
        if request.asOf == nil, let newest = span?.upperBound, newest < today.adding(days: -(length - 1)) {
            anchor = newest
            anchoredOnNewest = true
        }
        switch request.window {
        case .days(let n):
            return (ReportWindow(days: n, endingOn: anchor), anchoredOnNewest)
        case .all:
            let start = min(span?.lowerBound ?? anchor, anchor)
            return (ReportWindow(start: start, end: anchor, isAll: true), anchoredOnNewest)
        }
    }

    public func snapshot(_ request: SnapshotRequest) -> KPISnapshot {
        let (window, anchoredOnNewest) = resolveWindow(request)
        let names = rollup.platformNames
        var kpis: [String: [KPI: KPIValue]] = [:]
        var allCurrent = WindowFacts(), allPrevious = WindowFacts()
        var allDaily = Array(repeating: WindowFacts(), count: window.days)
        var posts: [String: [PostSummary]] = [:]
        var newest: [String: Int64] = [:]

        for name in names {
            let platform = rollup.platforms[name]!
            let current = facts(platform, window)
            let previous = window.previous.map { facts(platform, $0) }
            let daily = window.allDays.map { facts(platform, ReportWindow(start: $0, end: $0)) }
            kpis[name] = values(current: current, previous: previous, daily: daily)
            allCurrent.add(current)
            if let previous { allPrevious.add(previous) }
            for i in daily.indices { allDaily[i].add(daily[i]) }
            posts[name] = topPosts(platform, name, window, limit: request.postLimit)
            if platform.newestTime != .min { newest[name] = platform.newestTime }
        }
        kpis[KPISnapshot.allPlatforms] = values(
            current: allCurrent, previous: window.isAll ? nil : allPrevious, daily: allDaily)
        posts[KPISnapshot.allPlatforms] = PostSummary.ranked(Array(posts.values.joined()), limit: request.postLimit)

        var snapshot = KPISnapshot(
            asOf: window.end, anchoredOnNewest: anchoredOnNewest, window: window,
            timeZone: clock.identifier, platforms: names, kpis: kpis, posts: posts,
            newestData: newest, rejectedRows: rollup.rejectedRows, rejections: rollup.rejections,
            fileCount: rollup.fileCount)
        snapshot.goals = request.goals.map { GoalProgress(goal: $0, calculator: self, snapshot: snapshot) }
        snapshot.alerts = request.alerts.map { AlertState(rule: $0, snapshot: snapshot) }
        return snapshot
    }

    /// One KPI of one platform (nil = `all`) over any window.
    public func value(_ kpi: KPI, platform: String?, window: ReportWindow) -> Double? {
        if let platform {
            guard let data = rollup.platforms[platform] else { return nil }
            return facts(data, window).value(of: kpi)
        }
        var all = WindowFacts()
        for data in rollup.platforms.values { all.add(facts(data, window)) }
        return all.value(of: kpi)
    }

    private func values(current: WindowFacts, previous: WindowFacts?, daily: [WindowFacts]) -> [KPI: KPIValue] {
        let now = current.kpiValues()
        let before = previous?.kpiValues()
        let series = daily.map { $0.kpiValues() }
        var out: [KPI: KPIValue] = [:]
        for kpi in KPI.allCases {
            out[kpi] = KPIValue(value: now[kpi]!, previous: before?[kpi] ?? nil,
                                daily: series.map { $0[kpi]! })
        }
        return out
    }

    /// The facts of one platform over one window.
    private func facts(_ platform: Rollup.Platform, _ window: ReportWindow) -> WindowFacts {
        var f = WindowFacts()
        if window.days <= platform.days.count {
            for day in window.allDays { if let t = platform.days[day] { f.sums.add(t.values) } }
        } else {
            for day in platform.sortedDays where window.contains(day) { f.sums.add(platform.days[day]!.values) }
        }
        f.sums.present = platform.presentFields
        (f.followers, f.followersStart) = followers(platform.followerTimeline, window)
        let start = clock.startOfDay(window.start)
        let end = clock.startOfDay(window.end.adding(days: 1))
        f.service = ServiceFacts(inquiries: platform.inquiries, opened: start..<end)
        return f
    }

    /// Followers at the window end and at its start (contract section 4.3).
    private func followers(_ timeline: [(day: Day, observation: FollowerObservation)],
                           _ window: ReportWindow) -> (Double?, Double?) {
        // Index of the first entry with day > d.
        func upperBound(_ d: Day) -> Int {
            var lo = 0, hi = timeline.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if timeline[mid].day <= d { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let endIndex = upperBound(window.end)
        guard endIndex > 0 else { return (nil, nil) }
        let atEnd = timeline[endIndex - 1].observation.value
        let beforeStart = upperBound(window.start.adding(days: -1))
        let atStart = beforeStart > 0
            ? timeline[beforeStart - 1].observation.value
            : timeline[beforeStart].observation.value
        return (atEnd, atStart)
    }

    private func topPosts(_ platform: Rollup.Platform, _ name: String, _ window: ReportWindow,
                          limit: Int) -> [PostSummary] {
        var out: [PostSummary] = []
        for (id, days) in platform.posts {
            var values = MetricValues.zero
            var inWindow = false
            var title: String?
            var titleDay: Day?
            var firstDay: Day?
            for (day, row) in days {
                firstDay = min(firstDay ?? day, day)
                if let t = row.title, !t.isEmpty, day >= (titleDay ?? day) {
                    title = t
                    titleDay = day
                }
                guard window.contains(day) else { continue }
                inWindow = true
                values.add(row.values)
            }
            if inWindow, let firstDay {
                out.append(PostSummary(platform: name, id: id, title: title, values: values, firstDay: firstDay))
            }
        }
        return PostSummary.ranked(out, limit: limit)
    }
}

extension PostSummary {
    /// The first `limit` posts by most interactions, then by platform and id for a stable
    /// order. Sorts positions rather than the summaries themselves, which are large to move.
    static func ranked(_ posts: [PostSummary], limit: Int) -> [PostSummary] {
        let interactions = posts.map { $0.values[.interactions] ?? 0 }
        let order = posts.indices.sorted { i, j in
            if interactions[i] != interactions[j] { return interactions[i] > interactions[j] }
            return (posts[i].platform, posts[i].id) < (posts[j].platform, posts[j].id)
        }
        return order.prefix(limit).map { posts[$0] }
    }
}
