import KPIEngine
import KPIReport

/// A goal's figures as the goals page shows them, in the dashboard's number format.
enum GoalText {
    /// The value against the target: `4.70% of ≥ 5.00%`.
    static func progress(_ progress: GoalProgress, ascii: Bool) -> String {
        ValueFormat.format(progress.value, unit: progress.goal.kpi.unit, ascii: ascii, currency: progress.currency)
            + " of " + GoalLine.target(progress.goal, currency: progress.currency, ascii: ascii)
    }

    /// The time to the deadline, short: `38d left`, `1d left`, `due today`, `ended 3d ago`.
    static func daysLeft(_ days: Int) -> String {
        switch days {
        case 0: "due today"
        case 1...: "\(days)d left"
        default: "ended \(-days)d ago"
        }
    }

    /// `on instagram`, `on all platforms`.
    static func platform(_ goal: Goal) -> String {
        goal.platform == KPISnapshot.allPlatforms ? "on all platforms" : "on \(goal.platform)"
    }

    /// The value expected at the deadline.
    static func projection(_ progress: GoalProgress, ascii: Bool) -> String {
        ValueFormat.format(progress.projection, unit: progress.goal.kpi.unit, ascii: ascii, currency: progress.currency)
    }
}
