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
        /// What the row shows: a metric, or a ratio of two.
        var source: Source
        /// The name in exports: the field's id, `engagement_rate` or `ctr`.
        var id: String
    }

    enum Source: Equatable {
        case field(MetricField)
        case ratio(MetricField, over: MetricField)

        func value(in values: MetricValues) -> Double? {
            switch self {
            case .field(let field): values[field]
            case .ratio(let numerator, let denominator): PostMetricRows.ratio(values, numerator, denominator)
            }
        }
    }

    static func rows(for detail: PostDetail?) -> [Row] {
        guard let detail else { return [] }
        let fields = MetricField.allCases.filter { detail.lifetime.present & $0.bit != 0 }
        func row(_ title: String, _ unit: KPIUnit, _ source: Source, id: String) -> Row {
            Row(title: title, unit: unit, window: source.value(in: detail.window),
                lifetime: source.value(in: detail.lifetime), source: source, id: id)
        }
        return fields.map { field in
            row(title(of: field), field.isMoney ? .money : field == .watchTimeSeconds ? .seconds : .count,
                .field(field), id: field.id)
        } + [
            row("Engagement rate", .fraction, .ratio(.interactions, over: .reach), id: "engagement_rate"),
            row("CTR", .fraction, .ratio(.clicks, over: .impressions), id: "ctr"),
        ]
    }

    /// The daily series of row `row` over `window`: a field's value each day, or the day's ratio.
    static func daily(_ row: Row, of detail: PostDetail, over window: ReportWindow) -> [Double?] {
        detail.daily(over: window).map { values in values.flatMap(row.source.value) }
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
