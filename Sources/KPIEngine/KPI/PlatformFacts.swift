/// One platform's facts for a snapshot: over the window, over the window it is compared with,
/// and per day; whether its data covers the comparison window; and its currencies.
struct PlatformFacts: Sendable {
    let name: String
    let current: WindowFacts
    /// nil when there is no comparison window (the `all` window).
    let previous: WindowFacts?
    let daily: [WindowFacts]
    /// Why the comparison window is not covered by the platform's data, if it is not.
    let gap: PreviousGap?
    let currencies: Currencies

    /// The currencies of a platform's money values.
    struct Currencies: Sendable {
        /// What the data says (or the default when it says nothing).
        let known: [Currency]
        /// The currency when there is exactly one.
        var single: Currency? { known.count == 1 ? known[0] : nil }
    }

    init(rollup: PlatformRollup, window: ReportWindow, comparison: ReportWindow?, defaultCurrency: Currency?,
         clock: DayClock) {
        name = rollup.name
        current = WindowFacts(rollup, window, clock: clock)
        previous = comparison.map { WindowFacts(rollup, $0, clock: clock) }
        // A day without any metrics row of the platform has no sums (nil, not 0): charts tell
        // a day with no data from a day with 0.
        daily = window.allDays.map { day in
            var facts = WindowFacts(rollup, ReportWindow(start: day, end: day), clock: clock)
            if rollup.days[day] == nil { facts.sums.present = 0 }
            return facts
        }
        if let comparison, let first = rollup.span?.lowerBound, first > comparison.start {
            gap = first > window.start ? .new : .noEarlierData
        } else {
            gap = nil
        }
        let seen = rollup.currencies
        currencies = Currencies(known: seen.isEmpty ? (defaultCurrency.map { [$0] } ?? []) : seen)
    }

    /// Every KPI of the platform: value, previous (nil where the data does not cover the
    /// comparison window) and daily series; money KPIs have no value across mixed currencies.
    func values() -> [KPI: KPIValue] {
        var out: [KPI: KPIValue] = [:]
        let mixed = currencies.known.count > 1 ? currencies.known.map(\.code).joined(separator: ", ") : nil
        for kpi in KPI.allCases {
            if kpi.involvesMoney, let mixed {
                out[kpi] = KPIValue(value: nil, previous: nil, daily: Array(repeating: nil, count: daily.count),
                                    unavailable: "mixed currencies: " + mixed)
                continue
            }
            let value = current.value(of: kpi)
            out[kpi] = KPIValue(value: value, previous: gap == nil ? previous?.value(of: kpi) : nil,
                                daily: daily.map { $0.value(of: kpi) },
                                previousGap: value != nil && previous != nil ? gap : nil)
        }
        return out
    }
}

extension WindowFacts {
    /// The facts of one platform over one window.
    init(_ rollup: PlatformRollup, _ window: ReportWindow, clock: DayClock) {
        self.init()
        if window.days <= rollup.sortedDays.count {
            for day in window.allDays { if let t = rollup.days[day] { sums.add(t.values) } }
        } else {
            let start = rollup.sortedDays.insertionIndex(of: window.start)
            for day in rollup.sortedDays[start...] {
                guard day <= window.end else { break }
                sums.add(rollup.days[day]!.values)
            }
        }
        sums.present = rollup.presentFields
        followers = rollup.followers(onOrBefore: window.end)?.value
        if followers != nil {
            followersStart = (rollup.followers(onOrBefore: window.start.adding(days: -1))
                ?? rollup.followers(onOrAfter: window.start, upTo: window.end))?.value
        }
        service = ServiceFacts(rollup.service, window: window)
    }
}
