import KPIEngine

/// The column a platform's post list is sorted by (`s` cycles; `S` turns the order round).
enum PostSort: CaseIterable, Equatable {
    case interactions, impressions, reach, clicks, conversions, revenue
    /// The post's first day with data (a post export's publish day).
    case date

    /// The metric sorted by; nil for the date.
    var field: MetricField? {
        switch self {
        case .interactions: .interactions
        case .impressions: .impressions
        case .reach: .reach
        case .clicks: .clicks
        case .conversions: .conversions
        case .revenue: .revenue
        case .date: nil
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
        case .date: "Date"
        }
    }

    /// The metric columns of the posts table, in order (the date has a column of its own).
    static let metrics: [PostSort] = allCases.filter { $0.field != nil }

    var unit: KPIUnit { self == .revenue ? .money : .count }

    var next: PostSort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Posts by this column, largest (or newest) first unless `ascending`; missing values
    /// last either way, then by title and id.
    func sorted(_ posts: [PostSummary], ascending: Bool = false) -> [PostSummary] {
        posts.sorted { a, b in
            if let field {
                switch (a.values[field], b.values[field]) {
                case let (x?, y?) where x != y: return ascending ? x < y : x > y
                case (.some, nil): return true
                case (nil, .some): return false
                default: break
                }
            } else if a.firstDay != b.firstDay {
                return ascending ? a.firstDay < b.firstDay : a.firstDay > b.firstDay
            }
            return (a.title ?? a.id, a.id) < (b.title ?? b.id, b.id)
        }
    }
}
