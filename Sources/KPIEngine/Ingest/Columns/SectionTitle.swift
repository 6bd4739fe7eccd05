/// The title line above a Meta Business Suite "Insights" table ("Reach", "Instagram reach",
/// "Facebook visits"): it names the metric of the table's `Primary` column and often its
/// platform.
struct SectionTitle: Equatable, Sendable {
    /// The title as written (trimmed).
    let text: String
    /// The platform the title starts with, if any.
    let platform: String?
    /// The metric the title names; nil when kpitop does not know it.
    let field: CanonicalField?

    /// Reads a title; `mapping` (normalised name -> field) may name titles kpitop does not know.
    init(_ raw: String, mapping: [String: CanonicalField]) {
        text = String(raw.trimmingWhitespace())
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" }).map(String.init)
        var platform: String?
        if let first = words.first, let name = Self.platforms[first] {
            platform = name
            words.removeFirst()
            if words.first == "page" { words.removeFirst() }
        }
        self.platform = platform
        let metric = words.joined(separator: " ")
        field = mapping[HeaderName.normalize(text)] ?? mapping[HeaderName.normalize(metric)] ?? Self.metrics[metric]
    }

    /// Titles (after any platform word) and the field they name.
    static let metrics: [String: CanonicalField] = [
        "reach": .metric(.reach),
        "viewers": .metric(.reach),
        "views": .metric(.impressions),
        "impressions": .metric(.impressions),
        "interactions": .metric(.engagements),
        "content interactions": .metric(.engagements),
        "link clicks": .metric(.clicks),
        "follows": .metric(.followersGained),
        "new follows": .metric(.followersGained),
        "new followers": .metric(.followersGained),
        "unfollows": .metric(.followersLost),
        "visits": .metric(.profileVisits),
        "profile visits": .metric(.profileVisits),
        "page visits": .metric(.profileVisits),
    ]

    private static let platforms: [String: String] = [
        "facebook": "facebook", "fb": "facebook", "instagram": "instagram", "ig": "instagram",
        "threads": "threads",
    ]
}
