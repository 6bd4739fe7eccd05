import KPIEngine

/// The words reports use for a goal's progress: status, target, baseline and projection.
public enum GoalLine {
    /// "met", "on track", "at risk", "off track", "expired", "no baseline".
    public static func status(_ status: GoalProgress.Status) -> String {
        status.rawValue.replacing("_", with: " ")
    }

    /// The absolute target: "≥ 5.00%", "≤ $30.00", "≤ 2h 0m", "≥ 1.2K/day" for a relative
    /// sum goal (ASCII: ">=", "<="); a relative goal without a baseline: "+20% (no baseline)".
    public static func target(_ progress: GoalProgress, ascii: Bool = false) -> String {
        let goal = progress.goal
        guard let target = progress.target else { return relative(goal) + " (no baseline)" }
        let sign = goal.direction == .atLeast ? (ascii ? ">=" : "≥") : (ascii ? "<=" : "≤")
        return sign + " " + amount(target, progress, ascii: ascii)
    }

    /// A relative goal's baseline and target: "1.2K/day -> ≥ 1.44K/day (+20%)"; nil for an
    /// absolute goal.
    public static func baselineToTarget(_ progress: GoalProgress, ascii: Bool = false) -> String? {
        guard progress.goal.isRelative else { return nil }
        let arrow = ascii ? " -> " : " → "
        let baseline = progress.baseline.map { amount($0, progress, ascii: ascii) } ?? (ascii ? "-" : "–")
        guard progress.target != nil else { return baseline + arrow + target(progress, ascii: ascii) }
        return baseline + arrow + target(progress, ascii: ascii) + " (" + relative(progress.goal) + ")"
    }

    /// A value of the goal's KPI in its unit and currency, "/day" for a relative sum goal.
    public static func amount(_ value: Double?, _ progress: GoalProgress, ascii: Bool = false) -> String {
        ValueFormat.format(value, unit: progress.goal.kpi.unit, ascii: ascii, currency: progress.currency)
            + (progress.perDay && value != nil ? "/day" : "")
    }

    /// The change a relative goal asks for: "+20%", "-15%".
    public static func relative(_ goal: Goal) -> String {
        guard let p = goal.relative else { return "" }
        let percent = (abs(p) * 100 * 100).rounded() / 100
        let text = percent == percent.rounded() ? String(Int(percent)) : String(percent)
        return (p.sign == .minus ? "-" : "+") + text + "%"
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
