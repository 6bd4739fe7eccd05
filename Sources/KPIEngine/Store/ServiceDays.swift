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

/// One platform's inquiries (after upsert), kept per day so that any window's service KPIs
/// come from a few days' facts: counters, sorted response and resolution times for the
/// percentiles, and the opened/resolved counts the backlog is reckoned from. Every inquiry is
/// added or taken back in O(log n + k) for a day of k inquiries.
struct ServiceDays: Sendable {
    private(set) var counters: [Day: ServiceCounters] = [:]
    /// first_response_at − opened_at in seconds, sorted, by the day opened.
    private(set) var firstResponseSeconds: [Day: [Double]] = [:]
    /// resolved_at − opened_at in seconds, sorted, by the day opened.
    private(set) var resolutionSeconds: [Day: [Double]] = [:]
    /// Inquiries opened, by the day of the instant just before `opened_at`: summed up to a day D
    /// they count those opened at or before the end of D (the start of D + 1).
    private(set) var openedUpTo: [Day: Int] = [:]
    /// Likewise for `resolved_at`.
    private(set) var resolvedUpTo: [Day: Int] = [:]
    /// Days with inquiries opened, in order.
    private(set) var sortedDays: [Day] = []

    var isEmpty: Bool { sortedDays.isEmpty }

    /// Adds (`sign` 1) or takes back (`sign` -1) one inquiry.
    mutating func add(_ t: StoredTicket, sign: Int, clock: DayClock) {
        let day = clock.day(ofEpochMilliseconds: t.openedAt)
        counters[day, default: ServiceCounters()].add(t, sign)
        if counters[day]!.inquiries == 0 {
            counters[day] = nil
            sortedDays.removeSorted(day)
        } else if sign > 0, counters[day]!.inquiries == 1 {
            sortedDays.insertSorted(day)
        }
        if let at = t.firstResponseAt { Self.change(&firstResponseSeconds, day, Double(at - t.openedAt) / 1000, sign) }
        if let at = t.resolvedAt { Self.change(&resolutionSeconds, day, Double(at - t.openedAt) / 1000, sign) }
        openedUpTo[clock.day(ofEpochMilliseconds: t.openedAt - 1), default: 0] += sign
        if let at = t.resolvedAt { resolvedUpTo[clock.day(ofEpochMilliseconds: at - 1), default: 0] += sign }
    }

    private static func change(_ table: inout [Day: [Double]], _ day: Day, _ value: Double, _ sign: Int) {
        if sign > 0 {
            table[day, default: []].insertSorted(value)
        } else {
            table[day]?.removeSorted(value)
            if table[day]?.isEmpty == true { table[day] = nil }
        }
    }

    /// Inquiries opened at or before the end of `day` and not resolved by then.
    func backlog(atEndOf day: Day) -> Int {
        var opened = 0, resolved = 0
        for (d, n) in openedUpTo where d <= day { opened += n }
        for (d, n) in resolvedUpTo where d <= day { resolved += n }
        return opened - resolved
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
