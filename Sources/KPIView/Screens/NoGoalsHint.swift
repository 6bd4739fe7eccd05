import KPIEngine

/// What the goals page says when there are no goals: where to write them, with an example;
/// or, when the goals file had only mistakes, to look at them below.
enum NoGoalsHint {
    /// An example goal in `goals.toml` syntax, due `deadline`.
    static func example(deadline: Day) -> [String] {
        [
            "[[goal]]",
            "name = \"Instagram engagement\"",
            "kpi = \"engagement_rate\"",
            "platform = \"instagram\"",
            "target = \"5%\"",
            "deadline = \(deadline)",
        ]
    }

    /// `asOf` dates the example (its deadline is 90 days later).
    static func draw(dataDirectory: String, asOf: Day, hasProblems: Bool, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let path = GoalFile.defaultPath(dataDirectory: dataDirectory)
        let headline = hasProblems ? "No goal could be read: see below." : "No goals yet."
        let advice = "Write them in \(path) (or pass --goals FILE) and start kpitop again. For example:"
        let lines: [(String, Style)] = [(headline, sheet.style(.text, bold: true))]
            + WordWrap.lines(advice, width: rect.width - 2).map { ($0, sheet.style(.muted)) }
            + [("", sheet.base)]
            + example(deadline: asOf.adding(days: 90)).map { ("  " + $0, sheet.style(.accent)) }
        for (index, (text, style)) in lines.enumerated() where index < rect.height {
            canvas.field(text, x: rect.x + 1, y: rect.y + index, width: rect.width - 2, style: style)
        }
    }
}
