import KPIEngine

/// The rows of a post's page: every metric the post's platform reports, then its engagement
/// rate (interactions / reach) and click-through rate (clicks / impressions), each over the
/// window and over all the post's days.
enum PostMetricRows {
    struct Row: Equatable {
        var title: String
        var unit: KPIUnit
        var window: Double?
        var lifetime: Double?
        /// The post's value on each day of `days` (nil: no row that day), for the chart.
        var field: MetricField?
    }

    static func rows(for detail: PostDetail?) -> [Row] {
        guard let detail else { return [] }
        let fields = MetricField.allCases.filter { detail.lifetime.present & $0.bit != 0 }
        var rows = fields.map { field in
            Row(title: title(of: field), unit: field.isMoney ? .money : field == .watchTimeSeconds ? .seconds : .count,
                window: detail.window[field], lifetime: detail.lifetime[field], field: field)
        }
        rows.append(Row(title: "Engagement rate", unit: .fraction,
                        window: ratio(detail.window, .interactions, .reach),
                        lifetime: ratio(detail.lifetime, .interactions, .reach)))
        rows.append(Row(title: "CTR", unit: .fraction, window: ratio(detail.window, .clicks, .impressions),
                        lifetime: ratio(detail.lifetime, .clicks, .impressions)))
        return rows
    }

    /// The daily series of row `row` over `window`: a field's value each day, or the day's ratio.
    static func daily(_ row: Row, of detail: PostDetail, over window: ReportWindow) -> [Double?] {
        detail.daily(over: window).map { values in
            guard let values else { return nil }
            if let field = row.field { return values[field] }
            return row.title == "CTR" ? ratio(values, .clicks, .impressions) : ratio(values, .interactions, .reach)
        }
    }

    /// `numerator / denominator`, nil when either is missing or the denominator is 0.
    static func ratio(_ values: MetricValues, _ numerator: MetricField, _ denominator: MetricField) -> Double? {
        guard let n = values[numerator], let d = values[denominator], d != 0 else { return nil }
        return n / d
    }

    /// `Watch time`, `Followers gained`: the field's id in words.
    static func title(of field: MetricField) -> String {
        switch field {
        case .watchTimeSeconds: return "Watch time"
        case .videoViews: return "Video views"
        default:
            let words = field.id.replacing("_", with: " ")
            return words.prefix(1).uppercased() + words.dropFirst()
        }
    }
}
