import KPIEngine

/// What the KPIs are compared with, in words: "the previous 28 days (2026-09-29..2026-10-26)"
/// or "the same days a year earlier (...)".
public enum ComparisonText {
    public static func phrase(_ snapshot: KPISnapshot) -> String {
        guard let window = snapshot.comparisonWindow else { return "nothing" }
        let days = "\(window.start)..\(window.end)"
        switch snapshot.comparison {
        case .previousWindow:
            return (window.days == 1 ? "the previous day" : "the previous \(window.days) days") + " (\(days))"
        case .yearBefore: return "the same days a year earlier (\(days))"
        }
    }
}
