/// What the customer-service KPIs of one window are computed from (contract section 4.5).
struct ServiceFacts: Sendable {
    /// False when the platform has no service records anywhere: its counts are then null.
    var hasServiceData = false
    var inquiries = 0
    var answered = 0
    var resolved = 0
    var rated = 0
    var satisfied = 0
    var withSentiment = 0
    var positive = 0
    var negative = 0
    var backlog = 0
    /// first_response_at − opened_at, seconds, of answered inquiries.
    var firstResponseSeconds: [Double] = []
    /// resolved_at − opened_at, seconds, of resolved inquiries.
    var resolutionSeconds: [Double] = []

    /// Facts over the inquiries opened in `[startInstant, endInstant)`; backlog counts those
    /// opened at or before `endInstant` and not resolved by it.
    init(inquiries records: [ServiceRow], opened range: Range<Int64>) {
        hasServiceData = !records.isEmpty
        for r in records {
            if r.openedAt <= range.upperBound, (r.resolvedAt ?? .max) > range.upperBound { backlog += 1 }
            guard range.contains(r.openedAt) else { continue }
            inquiries += 1
            if let at = r.firstResponseAt {
                answered += 1
                firstResponseSeconds.append(Double(at - r.openedAt) / 1000)
            }
            if let at = r.resolvedAt {
                resolved += 1
                resolutionSeconds.append(Double(at - r.openedAt) / 1000)
            }
            if let csat = r.csat {
                rated += 1
                if csat >= 4 { satisfied += 1 }
            }
            if let s = r.sentiment {
                withSentiment += 1
                if s == .positive { positive += 1 }
                if s == .negative { negative += 1 }
            }
        }
    }

    init() {}

    /// Adds another platform's facts (for `all`).
    mutating func add(_ other: ServiceFacts) {
        hasServiceData = hasServiceData || other.hasServiceData
        inquiries += other.inquiries
        answered += other.answered
        resolved += other.resolved
        rated += other.rated
        satisfied += other.satisfied
        withSentiment += other.withSentiment
        positive += other.positive
        negative += other.negative
        backlog += other.backlog
        firstResponseSeconds += other.firstResponseSeconds
        resolutionSeconds += other.resolutionSeconds
    }
}
