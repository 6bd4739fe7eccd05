import KPIEngine
/// A demo customer-service inquiry, written as JSON Lines: a new line with the same id each
/// time it is answered or resolved (the later record replaces the earlier one).
struct DemoTicket: Sendable {
    var id: String
    var platform: String
    var openedAt: LocalTime
    var firstResponseAt: LocalTime?
    var resolvedAt: LocalTime?
    /// 1...5, given once resolved.
    var csat: Int?
    var sentiment: String?

    /// A new inquiry opened at `openedAt`, with when it will be answered and resolved.
    init(number: Int, platform: String, openedAt: LocalTime, random: inout SplitMix64) {
        id = "T-\(100_000 + number)"
        self.platform = platform
        self.openedAt = openedAt
        if random.chance(0.96) {
            let responseSeconds = min(random.logNormal(median: 38 * 60, sigma: 0.9), 2 * 86_400)
            let response = openedAt.adding(seconds: Int64(max(60, responseSeconds)))
            firstResponseAt = response
            if random.chance(0.92) {
                let resolutionSeconds = min(random.logNormal(median: 3.5 * 3600, sigma: 1.0), 5 * 86_400)
                resolvedAt = response.adding(seconds: Int64(max(120, resolutionSeconds)))
                if random.chance(0.78) { csat = Self.csat(random: &random) }
            }
        }
        if random.chance(0.85) {
            let draw = random.unit()
            sentiment = draw < 0.42 ? "positive" : draw < 0.8 ? "neutral" : "negative"
        }
    }

    /// Mostly 4 and 5, as satisfied customers rate.
    private static func csat(random: inout SplitMix64) -> Int {
        let draw = random.unit()
        return draw < 0.55 ? 5 : draw < 0.8 ? 4 : draw < 0.9 ? 3 : draw < 0.95 ? 2 : 1
    }

    /// The record as known at `now`: responses and resolutions still to come are left out.
    func jsonLine(asOf now: LocalTime) -> String {
        var fields = [("id", quoted(id)), ("platform", quoted(platform)), ("opened_at", quoted("\(openedAt)"))]
        if let response = firstResponseAt, response <= now {
            fields.append(("first_response_at", quoted("\(response)")))
        }
        if let resolved = resolvedAt, resolved <= now {
            fields.append(("resolved_at", quoted("\(resolved)")))
            if let csat { fields.append(("csat", "\(csat)")) }
        }
        if let sentiment { fields.append(("sentiment", quoted(sentiment))) }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}\n"
    }

    /// The next response or resolution after `now`, when the record will change.
    func nextChange(after now: LocalTime) -> LocalTime? {
        [firstResponseAt, resolvedAt].compactMap { $0 }.filter { $0 > now }.min()
    }

    /// Ids, platforms and times hold no characters that need escaping.
    private func quoted(_ text: String) -> String { "\"\(text)\"" }
}
