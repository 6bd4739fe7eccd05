import KPIEngine

/// The words reports use for a goal's progress: status, target and projection.
public enum GoalLine {
    /// "met", "on track", "at risk", "off track", "expired".
    public static func status(_ status: GoalProgress.Status) -> String {
        status.rawValue.replacing("_", with: " ")
    }

    /// "≥ 5.00%", "≤ $30.00" or "≤ 2h 0m" (ASCII: ">=", "<=").
    public static func target(_ goal: Goal, currency: Currency? = nil, ascii: Bool = false) -> String {
        let sign = goal.direction == .atLeast ? (ascii ? ">=" : "≥") : (ascii ? "<=" : "≤")
        return sign + " " + ValueFormat.format(goal.target, unit: goal.kpi.unit, ascii: ascii, currency: currency)
    }

    /// "38 days left", "due today", "ended 3 days ago".
    public static func daysLeft(_ days: Int) -> String {
        switch days {
        case 0: return "due today"
        case 1: return "1 day left"
        case 2...: return "\(days) days left"
        case -1: return "ended 1 day ago"
        default: return "ended \(-days) days ago"
        }
    }
}
