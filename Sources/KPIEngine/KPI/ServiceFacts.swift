/// What the customer-service KPIs of one window are computed from (docs/DATA.md
/// section 4, customer service).
struct ServiceFacts: Sendable {
    /// False when the platform has no service records anywhere: its counts are then null.
    var hasServiceData = false
    var counters = ServiceCounters()
    var backlog = 0
    /// first_response_at − opened_at, seconds, of answered inquiries (the days' sorted arrays).
    var firstResponseSeconds = SortedRuns()
    /// resolved_at − opened_at, seconds, of resolved inquiries.
    var resolutionSeconds = SortedRuns()

    init() {}

    /// The facts of a platform's inquiries opened in `window`, with the backlog at its end.
    init(_ service: ServiceDays, window: ReportWindow) {
        hasServiceData = !service.isEmpty
        guard hasServiceData else { return }
        let start = service.sortedDays.insertionIndex(of: window.start)
        for day in service.sortedDays[start...] {
            guard day <= window.end else { break }
            let facts = service.days[day]!
            counters.add(facts.counters)
            firstResponseSeconds.append(facts.firstResponseSeconds)
            resolutionSeconds.append(facts.resolutionSeconds)
        }
        backlog = service.backlog(atEndOf: window.end)
    }

    /// Adds another platform's facts (for `all`).
    mutating func add(_ other: ServiceFacts) {
        hasServiceData = hasServiceData || other.hasServiceData
        counters.add(other.counters)
        backlog += other.backlog
        firstResponseSeconds.append(other.firstResponseSeconds)
        resolutionSeconds.append(other.resolutionSeconds)
    }
}
