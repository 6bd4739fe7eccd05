/// The customer-service facts of one day's inquiries (by the day they were opened), which add
/// up over a window.
struct ServiceCounters: Sendable, Equatable {
    var inquiries = 0
    var answered = 0
    var resolved = 0
    var rated = 0
    var satisfied = 0
    var withSentiment = 0
    var positive = 0
    var negative = 0

    mutating func add(_ t: StoredTicket, _ sign: Int) {
        inquiries += sign
        if t.firstResponseAt != nil { answered += sign }
        if t.resolvedAt != nil { resolved += sign }
        if let s = t.satisfied {
            rated += sign
            if s { satisfied += sign }
        }
        if let s = t.sentiment {
            withSentiment += sign
            if s == .positive { positive += sign }
            if s == .negative { negative += sign }
        }
    }

    mutating func add(_ o: ServiceCounters) {
        inquiries += o.inquiries
        answered += o.answered
        resolved += o.resolved
        rated += o.rated
        satisfied += o.satisfied
        withSentiment += o.withSentiment
        positive += o.positive
        negative += o.negative
    }
}

/// The inquiries opened on one day: counters, and their response and resolution times in
/// ascending order (a window's percentiles are selected across its days, see ``SortedRuns``).
struct ServiceDay: Sendable {
    var counters = ServiceCounters()
    /// first_response_at − opened_at, seconds, of the answered inquiries.
    var firstResponseSeconds: [Double] = []
    /// resolved_at − opened_at, seconds, of the resolved inquiries.
    var resolutionSeconds: [Double] = []
}

/// One platform's inquiries (after upsert), kept per day so that any window's service KPIs
/// come from a few days' facts: counters, sorted response and resolution times for the
/// percentiles, and the opened/resolved counts the backlog is reckoned from. An inquiry is
/// added or taken back in O(k) for a day of k inquiries (a binary search and a move); many
/// added at once (``beginBulk()`` ... ``endBulk()``) are appended and each day sorted once.
struct ServiceDays: Sendable {
    /// By the day opened.
    private(set) var days: [Day: ServiceDay] = [:]
    /// Inquiries opened, by the day of the instant just before `opened_at`: summed up to a day D
    /// they count those opened at or before the end of D (the start of D + 1).
    private(set) var openedUpTo: [Day: Int] = [:]
    /// Likewise for `resolved_at`.
    private(set) var resolvedUpTo: [Day: Int] = [:]
    /// Days with inquiries opened, in order.
    private(set) var sortedDays: [Day] = []
    /// Days whose durations lost their order during a bulk change (empty outside one).
    private var unsortedDays: Set<Day> = []
    private var isBulk = false

    var isEmpty: Bool { sortedDays.isEmpty }

    /// Adds (`sign` 1) or takes back (`sign` -1) one inquiry.
    mutating func add(_ t: StoredTicket, sign: Int, clock: DayClock) {
        let day = clock.day(ofEpochMilliseconds: t.openedAt)
        let (response, resolution) = Self.durations(of: t)
        var emptied = false
        var outOfOrder = false
        let isBulk = self.isBulk
        if days.index(forKey: day) == nil { sortedDays.insertSorted(day) }
        /// Adds or takes back one duration, in order outside a bulk change.
        func update(_ values: inout [Double], with value: Double?) {
            guard let value else { return }
            if sign > 0 {
                outOfOrder = Self.insert(value, into: &values, appendingOutOfOrder: isBulk) || outOfOrder
            } else if isBulk {
                values.removeOne(value)
                outOfOrder = true
            } else {
                values.removeSorted(value)
            }
        }
        Self.change(&days[day, default: ServiceDay()]) { d in
            d.counters.add(t, sign)
            update(&d.firstResponseSeconds, with: response)
            update(&d.resolutionSeconds, with: resolution)
            emptied = d.counters.inquiries == 0
        }
        if outOfOrder { unsortedDays.insert(day) }
        if emptied {
            days[day] = nil
            sortedDays.removeSorted(day)
            unsortedDays.remove(day)
        }
        let backlog = Self.backlogInstants(of: t)
        openedUpTo[clock.day(ofEpochMilliseconds: backlog.opened), default: 0] += sign
        if let resolved = backlog.resolved { resolvedUpTo[clock.day(ofEpochMilliseconds: resolved), default: 0] += sign }
    }

    private static func change(_ day: inout ServiceDay, _ body: (inout ServiceDay) -> Void) { body(&day) }

    /// Adds many inquiries: in a bulk change, with each day looked up once for a run of
    /// inquiries opened on the same day (a file's usually come in the order they were opened),
    /// and likewise the days they count in the backlog; else one by one.
    mutating func add(_ tickets: some Sequence<StoredTicket>, clock: DayClock) {
        guard isBulk else {
            for t in tickets { add(t, sign: 1, clock: clock) }
            return
        }
        var run = ServiceDay(), runDay: Day?, runOutOfOrder = false
        var opened = BacklogCounts(), resolved = BacklogCounts()
        var openedDay = RecentDay()
        for t in tickets {
            let day = openedDay.day(of: t.openedAt, clock: clock)
            if day != runDay {
                if let runDay { put(run, day: runDay, outOfOrder: runOutOfOrder) }
                if let known = days.removeValue(forKey: day) {
                    run = known
                } else {
                    run = ServiceDay()
                    sortedDays.insertSorted(day)
                }
                runDay = day
                runOutOfOrder = false
            }
            run.counters.add(t, 1)
            let (response, resolution) = Self.durations(of: t)
            if let response {
                runOutOfOrder = Self.insert(response, into: &run.firstResponseSeconds, appendingOutOfOrder: true) || runOutOfOrder
            }
            if let resolution {
                runOutOfOrder = Self.insert(resolution, into: &run.resolutionSeconds, appendingOutOfOrder: true) || runOutOfOrder
            }
            let backlog = Self.backlogInstants(of: t)
            opened.count(openedDay.day(of: backlog.opened, clock: clock), of: &openedUpTo)
            if let at = backlog.resolved { resolved.count(clock.day(ofEpochMilliseconds: at), of: &resolvedUpTo) }
        }
        if let runDay { put(run, day: runDay, outOfOrder: runOutOfOrder) }
        opened.add(to: &openedUpTo)
        resolved.add(to: &resolvedUpTo)
    }

    /// Adds the inquiries of `rows` in `slots` (every one when nil). In a bulk change, a run of
    /// inquiries opened on the same day (a file's come in the order they were opened) is added
    /// as one: the day looked up once, its counters added once (the ratings and sentiments
    /// counted by their flags), its durations appended at once and its inquiries counted in the
    /// backlog once; only the backlog day of a resolution is found for each inquiry. Else one
    /// by one.
    mutating func add(_ rows: TicketRows, slots: [Int32]?, clock: DayClock) {
        guard isBulk else {
            for slot in slots ?? Array(0..<Int32(rows.count)) { add(rows[slot], sign: 1, clock: clock) }
            return
        }
        rows.withColumns { columns in
            guard let slots else { return addRuns(of: columns, at: nil, clock: clock) }
            slots.withUnsafeBufferPointer { addRuns(of: columns, at: $0, clock: clock) }
        }
    }

    /// ``add(_:slots:clock:)`` in a bulk change: the records of `columns` at `slots` (every
    /// one, in order, when nil).
    private mutating func addRuns(of columns: TicketRows.Columns, at slots: UnsafeBufferPointer<Int32>?, clock: DayClock) {
        let count = slots?.count ?? columns.openedAt.count
        @inline(__always) func slot(_ k: Int) -> Int { slots.map { Int($0[k]) } ?? k }
        let opened = columns.openedAt, responded = columns.firstResponseAt, resolvedAt = columns.resolvedAt
        let none = TicketRows.none
        var scratch = RunScratch()
        var openedCounts = BacklogCounts(), resolvedCounts = BacklogCounts()
        var start = 0
        while start < count {
            let (day, instants) = clock.daySpan(ofEpochMilliseconds: opened[slot(start)])
            var end = start + 1
            while end < count, instants.contains(opened[slot(end)]) { end += 1 }
            scratch.clear(room: end - start)
            // Inquiries opened at the first instant of the span count in the backlog on the day
            // of the instant before (the day before, or the same day before a change of offset).
            var openedAtSpanStart = 0
            for k in start..<end {
                let i = slot(k), at = opened[i]
                if responded[i] != none { scratch.appendResponse(Double(responded[i] - at) / 1000) }
                if resolvedAt[i] != none {
                    scratch.appendResolution(Double(resolvedAt[i] - at) / 1000)
                    resolvedCounts.count(clock.day(ofEpochMilliseconds: resolvedAt[i] - 1), of: &resolvedUpTo)
                }
                scratch.countFlags(columns.flags[i])
                if at == instants.lowerBound {
                    openedAtSpanStart += 1
                    openedCounts.count(clock.day(ofEpochMilliseconds: at - 1), of: &openedUpTo)
                }
            }
            openedCounts.count(day, times: end - start - openedAtSpanStart, of: &openedUpTo)
            var run: ServiceDay
            if let known = days.removeValue(forKey: day) {
                run = known
            } else {
                run = ServiceDay()
                sortedDays.insertSorted(day)
            }
            run.counters.inquiries += end - start
            run.counters.answered += scratch.responses.count
            run.counters.resolved += scratch.resolutions.count
            scratch.flagCounts.withUnsafeBufferPointer { TicketRows.addRatings($0, to: &run.counters) }
            let responsesOutOfOrder = Self.append(scratch.responses, to: &run.firstResponseSeconds)
            let resolutionsOutOfOrder = Self.append(scratch.resolutions, to: &run.resolutionSeconds)
            let outOfOrder = responsesOutOfOrder || resolutionsOutOfOrder
            put(run, day: day, outOfOrder: outOfOrder)
            start = end
        }
        openedCounts.add(to: &openedUpTo)
        resolvedCounts.add(to: &resolvedUpTo)
    }

    /// Appends `run` to `values`; true when they are out of order then (a value below the one
    /// before it).
    private static func append(_ run: [Double], to values: inout [Double]) -> Bool {
        guard var previous = values.last ?? run.first else { return false }
        var outOfOrder = false
        for value in run {
            outOfOrder = outOfOrder || value < previous
            previous = value
        }
        values.append(contentsOf: run)
        return outOfOrder
    }

    /// What a run of inquiries of one day brings, gathered before it is added to the day: its
    /// durations and its inquiries counted by flags (see ``TicketRows/addRatings(_:to:)``).
    /// Kept from one run to the next, so that its room is made once.
    private struct RunScratch {
        private(set) var responses: [Double] = []
        private(set) var resolutions: [Double] = []
        private(set) var flagCounts = [Int](repeating: 0, count: TicketRows.flagValues)

        /// Empties it, with room for the durations of `room` inquiries.
        mutating func clear(room: Int) {
            responses.removeAll(keepingCapacity: true)
            resolutions.removeAll(keepingCapacity: true)
            responses.reserveCapacity(room)
            resolutions.reserveCapacity(room)
            for f in flagCounts.indices { flagCounts[f] = 0 }
        }

        @inline(__always) mutating func appendResponse(_ seconds: Double) { responses.append(seconds) }
        @inline(__always) mutating func appendResolution(_ seconds: Double) { resolutions.append(seconds) }
        @inline(__always) mutating func countFlags(_ flags: UInt8) { flagCounts[Int(flags)] += 1 }
    }

    /// An inquiry's first response and resolution times in seconds (nil when not yet).
    @inline(__always)
    private static func durations(of t: StoredTicket) -> (response: Double?, resolution: Double?) {
        (t.firstResponseAt.map { Double($0 - t.openedAt) / 1000 }, t.resolvedAt.map { Double($0 - t.openedAt) / 1000 })
    }

    /// The instants whose days an inquiry counts on in ``openedUpTo`` and ``resolvedUpTo``:
    /// those just before it was opened and resolved.
    @inline(__always)
    private static func backlogInstants(of t: StoredTicket) -> (opened: Int64, resolved: Int64?) {
        (t.openedAt - 1, t.resolvedAt.map { $0 - 1 })
    }

    /// Puts back a day taken out by ``add(_:clock:)``.
    private mutating func put(_ day: ServiceDay, day key: Day, outOfOrder: Bool) {
        days[key] = day
        if outOfOrder { unsortedDays.insert(key) }
    }

    /// The day of instants that mostly come one after another on the same day (a file's
    /// inquiries in the order they were opened), kept with the instants that have that day.
    private struct RecentDay {
        private var day = Day(number: 0)
        private var instants: Range<Int64> = 0..<0

        mutating func day(of ms: Int64, clock: DayClock) -> Day {
            if !instants.contains(ms) { (day, instants) = clock.daySpan(ofEpochMilliseconds: ms) }
            return day
        }
    }

    /// Inquiries counted by day during a bulk add, before they go into ``openedUpTo`` or
    /// ``resolvedUpTo`` once a day: an array by day from the first day counted, grown either
    /// way (a file's inquiries span a few years; resolutions fall on ever other days, and a
    /// `Dictionary` update each was 1-2% of a cold load's CPU). A day too far from the others
    /// to keep in the array is counted in the dictionary at once.
    private struct BacklogCounts {
        private var first: Int32 = 0
        private var counts: [Int] = []
        /// Days kept in the array at most (the array takes 8 bytes a day).
        private static let maximumDays = 1 << 16

        /// Counts `times` inquiries on `day`.
        @inline(__always)
        mutating func count(_ day: Day, times: Int = 1, of dictionary: inout [Day: Int]) {
            let index = Int(day.number) - Int(first)
            if index >= 0 && index < counts.count {
                counts[index] += times
            } else if times > 0 {
                countOutside(day, times: times, of: &dictionary)
            }
        }

        /// Counts a day before or after the array's, growing the array.
        private mutating func countOutside(_ day: Day, times: Int, of dictionary: inout [Day: Int]) {
            if counts.isEmpty { first = day.number }
            var index = Int(day.number) - Int(first)
            let low = min(index, 0), high = max(index + 1, counts.count)
            guard high - low <= Self.maximumDays else {
                dictionary[day, default: 0] += times
                return
            }
            if low < 0 {
                counts.insert(contentsOf: repeatElement(0, count: -low), at: 0)
                first = day.number
                index = 0
            }
            if high > counts.count { counts.append(contentsOf: repeatElement(0, count: high - counts.count)) }
            counts[index] += times
        }

        /// Adds the counts into `dictionary`.
        func add(to dictionary: inout [Day: Int]) {
            for (offset, count) in counts.enumerated() where count > 0 {
                dictionary[Day(number: first + Int32(offset)), default: 0] += count
            }
        }
    }

    /// From now until ``endBulk()``, durations are appended or removed without keeping their
    /// order, and the days changed are sorted at the end.
    mutating func beginBulk() { isBulk = true }

    /// Sorts the days changed in bulk (a radix sort: durations are never negative or NaN, see
    /// ``Swift/Array/radixSort()``), and gives back the room the duration arrays hold
    /// beyond their values.
    mutating func endBulk() {
        isBulk = false
        for index in days.indices {
            if unsortedDays.contains(days.keys[index]) {
                days.values[index].firstResponseSeconds.radixSort()
                days.values[index].resolutionSeconds.radixSort()
            }
            days.values[index].firstResponseSeconds.shrinkToFit()
            days.values[index].resolutionSeconds.shrinkToFit()
        }
        unsortedDays = []
    }

    /// Inserts `value` in order; with `appendingOutOfOrder`, appends it even out of order (true
    /// then: the array needs sorting).
    private static func insert(_ value: Double, into values: inout [Double], appendingOutOfOrder: Bool) -> Bool {
        if values.last.map({ $0 <= value }) ?? true {
            values.append(value)
            return false
        }
        if appendingOutOfOrder {
            values.append(value)
            return true
        }
        values.insert(value, at: values.insertionIndex(of: value))
        return false
    }

    /// Inquiries opened at or before the end of `day` and not resolved by then.
    func backlog(atEndOf day: Day) -> Int {
        var opened = 0, resolved = 0
        for (d, n) in openedUpTo where d <= day { opened += n }
        for (d, n) in resolvedUpTo where d <= day { resolved += n }
        return opened - resolved
    }
}

extension Array where Element: Equatable {
    /// Removes one element equal to `element` (the last one), if any; order is not kept.
    mutating func removeOne(_ element: Element) {
        guard let index = lastIndex(of: element) else { return }
        swapAt(index, count - 1)
        removeLast()
    }
}

extension Array where Element: Comparable {
    /// Inserts keeping ascending order.
    mutating func insertSorted(_ element: Element) {
        insert(element, at: insertionIndex(of: element))
    }

    /// Removes one element equal to `element`, if there is one.
    mutating func removeSorted(_ element: Element) {
        let index = insertionIndex(of: element)
        if index < count, self[index] == element { remove(at: index) }
    }

    /// The first index whose element is not below `element`.
    func insertionIndex(of element: Element) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < element { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
