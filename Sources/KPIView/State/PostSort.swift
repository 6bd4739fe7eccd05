import KPIEngine

/// The column a platform's post list is sorted by (`s` cycles), largest first.
enum PostSort: CaseIterable, Equatable {
    case interactions, impressions, reach, clicks, conversions, revenue

    var field: MetricField {
        switch self {
        case .interactions: .interactions
        case .impressions: .impressions
        case .reach: .reach
        case .clicks: .clicks
        case .conversions: .conversions
        case .revenue: .revenue
        }
    }

    var title: String {
        switch self {
        case .interactions: "Interactions"
        case .impressions: "Impressions"
        case .reach: "Reach"
        case .clicks: "Clicks"
        case .conversions: "Conversions"
        case .revenue: "Revenue"
        }
    }

    var unit: KPIUnit { self == .revenue ? .money : .count }

    var next: PostSort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Posts by this column, largest first (missing values last), then by title and id.
    func sorted(_ posts: [PostSummary]) -> [PostSummary] {
        posts.sorted { a, b in
            let (x, y) = (a.values[field] ?? -.infinity, b.values[field] ?? -.infinity)
            if x != y { return x > y }
            return (a.title ?? a.id, a.id) < (b.title ?? b.id, b.id)
        }
    }
}
