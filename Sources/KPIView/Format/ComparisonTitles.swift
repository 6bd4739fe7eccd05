import KPIEngine

/// The titles of the columns that hold the compared window's change and value: `vs prev` and
/// `previous`, or `vs year` and `year ago` when KPIs are compared with a year earlier (`Y`).
enum ComparisonTitles {
    static func change(_ snapshot: KPISnapshot?) -> String {
        snapshot?.comparison == .yearBefore ? "vs year" : "vs prev"
    }

    /// The earlier value's title, then shorter ones.
    static func earlier(_ snapshot: KPISnapshot?) -> [String] {
        snapshot?.comparison == .yearBefore ? ["year ago", "yr ago"] : ["previous", "prev"]
    }
}
