/// Computes a ``KPISnapshot`` from a ``MetricsStore``: every KPI of every platform and of
/// `all`, over the window and the window it is compared with, with daily series, top posts
/// and today's figures so far (docs/DATA.md sections 4 and 5).
public struct KPICalculator: Sendable {
    public let store: MetricsStore
    /// The config's customer lifetime value per platform (`*`: every platform).
    public var customerValues: [String: Double]

    public init(store: MetricsStore, customerValues: [String: Double] = [:]) {
        self.store = store
        self.customerValues = customerValues
    }

    /// The config's CLTV for a platform: its own, else the one for every platform.
    func configuredCustomerValue(_ platform: String) -> Double? {
        customerValues[platform] ?? customerValues["*"]
    }

    public var clock: DayClock { store.clock }

    /// The anchor day and window for a request (docs/DATA.md section 5): by default the window
    /// ends with the last complete day (yesterday); when all the data is older than that
    /// window, it ends with the newest record's day.
    public func resolveWindow(_ request: SnapshotRequest) -> (window: ReportWindow, anchoredOnNewest: Bool) {
        let today = clock.day(ofEpochMilliseconds: request.now)
        var anchor = request.asOf ?? today.adding(days: -1)
        var anchoredOnNewest = false
        let span = store.dataSpan
        let length: Int
        switch request.window {
        case .days(let n): length = n
        case .all: length = 28
        case .toDate(let period): length = period.firstDay(of: anchor).distance(to: anchor) + 1
        }
        if request.asOf == nil, let newest = span?.upperBound, newest < anchor.adding(days: -(length - 1)) {
            anchor = newest
            anchoredOnNewest = true
        }
        switch request.window {
        case .days(let n):
            return (ReportWindow(days: n, endingOn: anchor), anchoredOnNewest)
        case .all:
            let start = min(span?.lowerBound ?? anchor, anchor)
            return (ReportWindow(start: start, end: anchor, isAll: true), anchoredOnNewest)
        case .toDate(let period):
            return (ReportWindow(toDate: period, endingOn: anchor), anchoredOnNewest)
        }
    }

    public func snapshot(_ request: SnapshotRequest) -> KPISnapshot {
        var cache = SnapshotCache()
        return snapshot(request, cache: &cache)
    }

    /// A snapshot, with each platform's part taken from `cache` when neither the platform nor
    /// the request's window changed.
    public func snapshot(_ request: SnapshotRequest, cache: inout SnapshotCache) -> KPISnapshot {
        var calculator = self
        calculator.customerValues = request.customerValues
        return calculator.computeSnapshot(request, cache: &cache)
    }

    private func computeSnapshot(_ request: SnapshotRequest, cache: inout SnapshotCache) -> KPISnapshot {
        let (window, anchoredOnNewest) = resolveWindow(request)
        let comparisonWindow = window.comparisonWindow(request.comparison)
        let everyRollup = store.platforms.values.sorted { $0.name < $1.name }
        let rollups = everyRollup.filter { $0.name != KPISnapshot.notSocialPlatform }
        let notSocial = everyRollup.first { $0.name == KPISnapshot.notSocialPlatform }.map {
            PlatformFacts(rollup: $0, window: window, comparison: comparisonWindow, defaultCurrency: request.defaultCurrency,
                          clock: clock)
        }
        var kpis: [String: [KPI: KPIValue]] = [:]
        var posts: [String: [PostSummary]] = [:]
        var postCounts: [String: Int] = [:]
        var newest: [String: Int64] = [:]
        var newestInquiry: [String: Int64] = [:]
        var currencies: [String: Currency] = [:]
        var facts: [PlatformFacts] = []

        let keys = rollups.map { rollup in
            SnapshotCache.Key(version: rollup.version, window: window, comparison: comparisonWindow,
                              defaultCurrency: request.defaultCurrency, postLimit: request.postLimit,
                              configuredCustomerValue: configuredCustomerValue(rollup.name))
        }
        let parts = cache.parts(of: zip(rollups, keys).map { ($0.name, $1) }) { index in
            let rollup = rollups[index]
            let facts = PlatformFacts(rollup: rollup, window: window, comparison: comparisonWindow,
                                      defaultCurrency: request.defaultCurrency,
                                      configuredCustomerValue: keys[index].configuredCustomerValue, clock: clock)
            let (top, count) = topPosts(rollup, window, limit: request.postLimit)
            return SnapshotCache.Part(facts: facts, values: facts.values(), posts: top, postCount: count)
        }
        for (rollup, part) in zip(rollups, parts) {
            facts.append(part.facts)
            kpis[rollup.name] = part.values
            if let currency = part.facts.currencies.single { currencies[rollup.name] = currency }
            posts[rollup.name] = part.posts
            postCounts[rollup.name] = part.postCount
            if let instant = rollup.newestMetrics { newest[rollup.name] = instant }
            if let instant = rollup.newestInquiry { newestInquiry[rollup.name] = instant }
        }
        kpis[KPISnapshot.allPlatforms] = allValues(facts, window: window)
        let shares = TrafficShare.values(facts, notSocial: notSocial, days: window.days, hasPrevious: !window.isAll)
        for (name, share) in shares { kpis[name]?[.socialShareOfTraffic] = share }
        if let currency = Self.currencyOfAll(facts) { currencies[KPISnapshot.allPlatforms] = currency }
        cache.keep(only: Set(rollups.map(\.name)))
        posts[KPISnapshot.allPlatforms] = PostSummary.ranked(Array(posts.values), limit: request.postLimit)
        postCounts[KPISnapshot.allPlatforms] = postCounts.values.reduce(0, +)

        var snapshot = KPISnapshot(
            asOf: window.end, anchoredOnNewest: anchoredOnNewest, window: window,
            timeZone: clock.identifier, platforms: rollups.map(\.name), kpis: kpis, posts: posts,
            newestData: newest, rejectedRows: store.rejectedRows, rejections: store.rejections,
            fileCount: store.fileCount)
        snapshot.comparison = request.comparison
        snapshot.notSocial = notSocial.map { facts in
            let values = facts.values()
            return Dictionary(uniqueKeysWithValues: KPI.all(in: .traffic).compactMap { kpi in values[kpi].map { (kpi, $0) } })
        } ?? [:]
        snapshot.comparisonWindow = comparisonWindow
        snapshot.postCounts = postCounts
        snapshot.newestInquiry = newestInquiry
        snapshot.currencies = currencies
        snapshot.today = today(rollups, now: request.now)
        snapshot.postDetail = request.post.flatMap { postDetail($0, window: window) }
        snapshot.goals = request.goals.map { GoalProgress(goal: $0, calculator: self, snapshot: snapshot) }
        snapshot.alerts = request.alerts.map { AlertState(rule: $0, snapshot: snapshot) }
        for benchmark in request.benchmarks { snapshot.benchmarks[benchmark.platform, default: [:]][benchmark.kpi] = benchmark }
        return snapshot
    }

    /// One KPI of one platform (nil = `all`, with its platforms paired as in section 4) over
    /// any window.
    public func value(_ kpi: KPI, platform: String?, window: ReportWindow) -> Double? {
        var rollups = store.platforms
        let notSocial = rollups.removeValue(forKey: KPISnapshot.notSocialPlatform)
        if kpi == .socialShareOfTraffic {
            return TrafficShare.value(platform: platform, facts: rollups.mapValues { WindowFacts($0, window, clock: clock) },
                                      notSocial: notSocial.map { WindowFacts($0, window, clock: clock) })
        }
        if let platform {
            guard let rollup = rollups[platform] else { return nil }
            return WindowFacts(rollup, window, clock: clock, configuredCustomerValue: configuredCustomerValue(platform))
                .value(of: kpi)
        }
        var all = WindowFacts()
        for rollup in rollups.values {
            let facts = WindowFacts(rollup, window, clock: clock, configuredCustomerValue: configuredCustomerValue(rollup.name))
            if kpi.inputs.allSatisfy(facts.has) { all.add(facts) }
        }
        return all.value(of: kpi)
    }

    // MARK: all

    /// Every KPI for `all`: each from the platforms that report all of its inputs.
    private func allValues(_ facts: [PlatformFacts], window: ReportWindow) -> [KPI: KPIValue] {
        var out: [KPI: KPIValue] = [:]
        var combined: [[Bool]: (current: WindowFacts, previous: WindowFacts, daily: [WindowFacts])] = [:]
        for kpi in KPI.allCases {
            let entering = facts.map { platform in kpi.inputs.allSatisfy(platform.current.has) }
            if combined[entering] == nil {
                var current = WindowFacts(), previous = WindowFacts()
                var daily = Array(repeating: WindowFacts(), count: window.days)
                for (platform, enters) in zip(facts, entering) where enters {
                    current.add(platform.current)
                    if let p = platform.previous { previous.add(p) }
                    for i in daily.indices { daily[i].add(platform.daily[i]) }
                }
                combined[entering] = (current, previous, daily)
            }
            let (current, previous, daily) = combined[entering]!
            let names = zip(facts, entering).filter(\.1).map(\.0.name)
            let enteringFacts = zip(facts, entering).filter(\.1).map(\.0)
            if kpi.involvesMoney, let mixed = Self.mixedCurrencies(enteringFacts) {
                out[kpi] = KPIValue(value: nil, previous: nil, daily: Array(repeating: nil, count: window.days),
                                    platforms: names, unavailable: "mixed currencies: " + mixed)
                continue
            }
            let value = current.value(of: kpi)
            let gaps = enteringFacts.compactMap(\.gap)
            let hasPrevious = !window.isAll && gaps.isEmpty && !enteringFacts.isEmpty
            var gap: PreviousGap?
            if !gaps.isEmpty, value != nil { gap = gaps.allSatisfy { $0 == .new } ? .new : .noEarlierData }
            out[kpi] = KPIValue(value: value, previous: hasPrevious ? previous.value(of: kpi) : nil,
                                daily: daily.map { $0.value(of: kpi) }, platforms: names, previousGap: gap)
        }
        return out
    }

    /// The currencies of these platforms when they differ ("EUR, USD"); nil when they agree.
    private static func mixedCurrencies(_ facts: [PlatformFacts]) -> String? {
        let all = Set(facts.flatMap(\.currencies.known))
        return all.count > 1 ? all.sorted().map(\.code).joined(separator: ", ") : nil
    }

    /// The one currency of every platform with money, if they agree.
    private static func currencyOfAll(_ facts: [PlatformFacts]) -> Currency? {
        let all = Set(facts.flatMap(\.currencies.known))
        return all.count == 1 ? all.first : nil
    }

    // MARK: Posts

    /// The posts with data in the window, ranked by interactions (see ``PostSummary/ranked``),
    /// at most `limit` of them, and how many there are in all. Ranking reads the interactions
    /// kept beside each day's keys; only the chosen posts' rows are read.
    private func topPosts(_ rollup: PlatformRollup, _ window: ReportWindow, limit: Int) -> ([PostSummary], Int) {
        let days = window.days <= rollup.sortedDays.count ? window.allDays
            : rollup.sortedDays.filter(window.contains)
        var scores = KeyTable<Int64>(filler: 0)
        for day in days {
            rollup.postsByDay[day]?.forEach { raw, units in
                scores.modify(UInt64(RowKey(raw: raw).id), default: 0) { $0 &+= units }
            }
        }
        var entries: [(id: UInt32, score: Int64)] = []
        entries.reserveCapacity(scores.count)
        scores.forEach { id, score in entries.append((UInt32(id), score)) }
        // Keep the `limit` best scores (and every post tied with the last), then order those by
        // score and id.
        if entries.count > limit, limit > 0 {
            var ranked = entries.map(\.score)
            let threshold = Percentile.select(&ranked, ranked.count - limit)  // the limit-th largest
            entries.removeAll { $0.score < threshold }
        }
        let names = store.interning.ids.strings(entries.map(\.id))
        let chosen = Array(zip(entries, names)
            .sorted { a, b in a.0.score != b.0.score ? a.0.score > b.0.score : a.1 < b.1 }
            .prefix(limit))
        // The chosen posts' rows in the window, found in one pass over the window's days rather
        // than by looking every post up in every day: by post, then latest day first (on the
        // same day, the dated row before the lifetime snapshot's).
        var placeOfPost = KeyTable<Int32>(filler: 0, minimumCapacity: chosen.count)
        for (place, entry) in chosen.enumerated() { placeOfPost[UInt64(entry.0.id)] = Int32(place) }
        var rows: [(place: Int32, order: Int32, key: RowKey)] = []
        for (order, day) in days.reversed().enumerated() {
            rollup.postsByDay[day]?.forEach { raw, _ in
                let key = RowKey(raw: raw)
                if let place = placeOfPost[UInt64(key.id)] {
                    rows.append((place, Int32(order * 2 + (key.day == nil ? 1 : 0)), key))
                }
            }
        }
        rows.sort { a, b in a.place != b.place ? a.place < b.place : a.order < b.order }
        // Their winners, looked up in the order of the index's buckets: a table larger than the
        // cache is then read in passing rather than missed once a row.
        var winners = [RowRef?](repeating: nil, count: rows.count)
        let lookups = KeyTable<RowRef>.inBucketOrder(rows.indices.map { (index: $0, key: rows[$0].key) }) { $0.key.raw }
        for (index, key) in lookups { winners[index] = rollup.posts.winner(key) }
        var next = rows.startIndex
        let top = chosen.enumerated().map { place, pick -> PostSummary in
            let (entry, name) = pick
            var values = MetricValues.zero
            // The title of the latest row in the window that has one.
            var title: String?
            while next < rows.endIndex, rows[next].place == place {
                if let ref = winners[next] {
                    store.addValues(of: ref, into: &values)
                    if title == nil {
                        let number = store.post(ref).title
                        if number != 0 { title = store.title(ref, number: number) }
                    }
                }
                next += 1
            }
            values.present = rollup.presentFields
            return PostSummary(platform: rollup.name, id: name, title: title, values: values,
                               firstDay: rollup.postSpans[UInt64(entry.id)]?.firstDay ?? window.start)
        }
        return (top, scores.count)
    }

    // MARK: Today

    /// Today's sums so far and yesterday's up to the same time of day; nil when no platform
    /// has data today.
    private func today(_ rollups: [PlatformRollup], now: Int64) -> TodaySoFar? {
        let today = clock.day(ofEpochMilliseconds: now)
        let yesterday = today.adding(days: -1)
        let timeOfDay = clock.millisecondOfDay(now)
        let hour = Int(timeOfDay / 3_600_000)
        let fractionOfHour = Double(timeOfDay % 3_600_000) / 3_600_000
        let sumKPIs = KPI.allCases.filter { $0.field != nil }
        var values: [String: [KPI: Double]] = [:]
        var yesterdayValues: [String: [KPI: Double]] = [:]
        var allToday = MetricValues.zero, allYesterday = MetricValues.zero
        var everyPlatformHasTimes = true
        for rollup in rollups {
            guard let totals = rollup.days[today] else { continue }
            var sums = totals.values
            sums.present = rollup.presentFields
            allToday.add(sums)
            values[rollup.name] = Self.sumValues(sums, sumKPIs)
            let hours = (0...hour).compactMap { h in rollup.hours[PlatformHour(platform: rollup.number, day: yesterday, hour: UInt8(h))].map { (h, $0) } }
            guard !hours.isEmpty else {
                everyPlatformHasTimes = false
                continue
            }
            var sameTime = MetricValues(present: rollup.presentFields)
            for (h, bucket) in hours {
                if h < hour {
                    sameTime.add(bucket)
                } else {
                    var prorated = bucket
                    prorated.units = SIMD32((0..<32).map { Int64((Double(bucket.units[$0]) * fractionOfHour).rounded()) })
                    sameTime.add(prorated)
                }
            }
            allYesterday.add(sameTime)
            yesterdayValues[rollup.name] = Self.sumValues(sameTime, sumKPIs)
        }
        guard !values.isEmpty else { return nil }
        values[KPISnapshot.allPlatforms] = Self.sumValues(allToday, sumKPIs)
        if everyPlatformHasTimes { yesterdayValues[KPISnapshot.allPlatforms] = Self.sumValues(allYesterday, sumKPIs) }
        return TodaySoFar(day: today, millisecondOfDay: timeOfDay, values: values, yesterdaySameTime: yesterdayValues)
    }

    private static func sumValues(_ sums: MetricValues, _ kpis: [KPI]) -> [KPI: Double] {
        var out: [KPI: Double] = [:]
        for kpi in kpis { if let v = sums[kpi.field!] { out[kpi] = v } }
        return out
    }
}

extension PostSummary {
    /// The first `limit` posts of `lists` by most interactions, then by platform and id for a
    /// stable order. Sorts places in the lists rather than the summaries themselves, which are
    /// large to move (nor are the lists joined into one).
    static func ranked(_ lists: [[PostSummary]], limit: Int) -> [PostSummary] {
        let places = lists.indices.flatMap { list in lists[list].indices.map { (list: list, index: $0) } }
        let interactions = places.map { lists[$0.list][$0.index].values[.interactions] ?? 0 }
        let order = places.indices.sorted { i, j in
            if interactions[i] != interactions[j] { return interactions[i] > interactions[j] }
            let a = places[i], b = places[j]
            return (lists[a.list][a.index].platform, lists[a.list][a.index].id)
                < (lists[b.list][b.index].platform, lists[b.list][b.index].id)
        }
        return order.prefix(limit).map { lists[places[$0].list][places[$0].index] }
    }
}
