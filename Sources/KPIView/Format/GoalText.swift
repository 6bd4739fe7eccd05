import KPIEngine
import KPIReport

/// A goal's figures as the goals page shows them, in the dashboard's number format.
enum GoalText {
    /// The value against the target: `4.70% of ≥ 5.00%`, `1.3K/day of ≥ 1.4K/day`.
    static func progress(_ progress: GoalProgress, ascii: Bool) -> String {
        GoalLine.amount(progress.value, progress, ascii: ascii) + " of " + GoalLine.target(progress, ascii: ascii)
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

    /// How a relative goal is counted, in a sentence: its baseline and target, then its pace.
    static func relativeCounting(_ progress: GoalProgress, ascii: Bool) -> String {
        let goal = progress.goal
        let period = goal.baselineWindow.map { "\($0.start)..\($0.end)" } ?? ""
        let baseline = "Baseline \(period): " + (GoalLine.baselineToTarget(progress, ascii: ascii) ?? "") + "."
        let value = GoalLine.amount(progress.value, progress, ascii: ascii)
        let pace = switch goal.kpi.kind {
        case .sum: " Since \(progress.start): \(value); the last 28 days' pace: \(projection(progress, ascii: ascii))."
        case .level: " Now \(value); at the pace of the last 28 days \(projection(progress, ascii: ascii)) by the deadline."
        case .other: " Since \(progress.start): \(value); over the last 28 days: \(projection(progress, ascii: ascii))."
        }
        return progress.target == nil ? baseline + " No baseline: the data has nothing before the start." : baseline + pace
    }

    /// The value expected at the deadline.
    static func projection(_ progress: GoalProgress, ascii: Bool) -> String {
        GoalLine.amount(progress.projection, progress, ascii: ascii)
    }
}
