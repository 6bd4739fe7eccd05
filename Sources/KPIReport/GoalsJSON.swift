import KPIEngine

/// The `goals` array of `report --format json` (docs/DATA.md section 9), in file order.
public enum GoalsJSON {
    public static func member(_ progress: [GoalProgress]) -> (String, String) {
        let items = progress.map { p in
            JSONWriter.object([
                ("name", JSONWriter.string(p.goal.name)),
                ("kpi", JSONWriter.string(p.goal.kpi.id)),
                ("platform", JSONWriter.string(p.goal.platform)),
                ("target", JSONWriter.number(p.target)),
                ("relative", JSONWriter.number(p.goal.relative)),
                ("baseline", JSONWriter.number(p.baseline)),
                ("per_day", p.perDay ? "true" : "false"),
                ("direction", JSONWriter.string(p.goal.direction.rawValue)),
                ("start", JSONWriter.string(p.start.description)),
                ("deadline", JSONWriter.string(p.goal.deadline.description)),
                ("days_left", String(p.daysLeft)),
                ("value", JSONWriter.number(p.value)),
                ("projection", JSONWriter.number(p.projection)),
                ("status", JSONWriter.string(p.status.rawValue)),
            ] + baselinePeriod(p))
        }
        return ("goals", JSONWriter.lines(items))
    }

    /// A relative goal's baseline period: `baseline_start`, `baseline_end`.
    private static func baselinePeriod(_ p: GoalProgress) -> [(String, String)] {
        guard let window = p.goal.baselineWindow else { return [] }
        return [("baseline_start", JSONWriter.string(window.start.description)),
                ("baseline_end", JSONWriter.string(window.end.description))]
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
