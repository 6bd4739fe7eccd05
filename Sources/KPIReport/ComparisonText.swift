import KPIEngine

/// What the KPIs are compared with, in words: "the previous 28 days (2026-09-29..2026-10-26)"
/// or "the same days a year earlier (...)".
public enum ComparisonText {
    public static func phrase(_ snapshot: KPISnapshot) -> String {
        guard let window = snapshot.comparisonWindow else { return "nothing" }
        let days = window.start == window.end ? "\(window.start)" : "\(window.start)..\(window.end)"
        switch snapshot.comparison {
        case .previousWindow where window.days == 1: return "the day before (\(days))"
        case .previousWindow: return "the previous \(window.days) days (\(days))"
        case .yearBefore where window.days == 1: return "the same day a year earlier (\(days))"
        case .yearBefore: return "the same days a year earlier (\(days))"
        }
    }
}
