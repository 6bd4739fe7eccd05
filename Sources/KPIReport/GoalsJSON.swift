import KPIEngine

/// The `goals` array of `report --format json` (docs/DATA.md section 9), in file order.
public enum GoalsJSON {
    public static func member(_ progress: [GoalProgress]) -> (String, String) {
        let items = progress.map { p in
            JSONWriter.object([
                ("name", JSONWriter.string(p.goal.name)),
                ("kpi", JSONWriter.string(p.goal.kpi.id)),
                ("platform", JSONWriter.string(p.goal.platform)),
                ("target", JSONWriter.number(p.goal.target)),
                ("direction", JSONWriter.string(p.goal.direction.rawValue)),
                ("start", JSONWriter.string(p.start.description)),
                ("deadline", JSONWriter.string(p.goal.deadline.description)),
                ("days_left", String(p.daysLeft)),
                ("value", JSONWriter.number(p.value)),
                ("projection", JSONWriter.number(p.projection)),
                ("status", JSONWriter.string(p.status.rawValue)),
            ])
        }
        return ("goals", JSONWriter.lines(items))
    }

    /// `goal_problems`: goals that were left out, with file, line and reason.
    public static func problemsMember(_ problems: [ConfigProblem]) -> (String, String) {
        let items = problems.map { p in
            JSONWriter.object([
                ("file", JSONWriter.string(p.file)), ("line", String(p.line)), ("reason", JSONWriter.string(p.reason)),
            ])
        }
        return ("goal_problems", "[" + items.joined(separator: ", ") + "]")
    }
}
