import KPIEngine

/// The goals page (`g`): every goal with a gauge of its progress, coloured by its status,
/// the selected goal in words, and below them the goals the goals file had to leave out. Without goals, a hint says
/// where to write them.
enum GoalsScreen {
    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        let problems = state.goalProblems
        let dataDirectory = state.status.dataDirectory
        var goalsRect = rect
        if !problems.isEmpty {
            let (top, bottom) = rect.splitBottom(GoalProblemsList.height(count: problems.count, available: rect.height))
            goalsRect = top
            GoalProblemsList.draw(problems, dataDirectory: dataDirectory, on: &canvas, in: bottom)
        }
        let focused = state.overlay == nil
        let goals = state.goals
        guard let snapshot = state.snapshot else {
            let inner = canvas.box(goalsRect, title: "Goals", focused: focused)
            canvas.field("waiting for data", x: inner.x + Canvas.markerWidth, y: inner.y, width: inner.width,
                         style: canvas.sheet.style(.muted))
            return
        }
        if goals.isEmpty {
            let inner = canvas.box(goalsRect, title: "Goals", focused: focused)
            NoGoalsHint.draw(dataDirectory: dataDirectory, asOf: snapshot.asOf, hasProblems: !problems.isEmpty, on: &canvas, in: inner)
        } else {
            let title = "\(goals.count) goal\(goals.count == 1 ? "" : "s") on \(snapshot.asOf)"
            let inner = canvas.box(goalsRect, title: title, focused: focused)
            let selected = min(state.page.row, goals.count - 1)
            let (tableRect, rest) = inner.splitTop(goals.count + 1)
            GoalsTable.draw(goals, on: &canvas, in: tableRect, selected: selected, focused: focused)
            // The selected goal in words, below a blank line, when it fits whole.
            let detail = GoalDetail.lines(goals[selected], window: snapshot.window, width: rest.width - 2 * Canvas.markerWidth, sheet: canvas.sheet)
            if rest.height > detail.count {
                for (index, (text, style)) in detail.enumerated() {
                    canvas.field(text, x: rest.x + Canvas.markerWidth, y: rest.y + 1 + index,
                                 width: rest.width - 2 * Canvas.markerWidth, style: style)
                }
            }
        }
    }
}
