import KPIEngine
import KPIReport

/// The selected goal in words, under the goals table: what it asks for, by when, and how
/// its value and projection are counted.
enum GoalDetail {
    /// The lines for `progress`, wrapped to `width`, each with its style; `window` is the
    /// report window ratios and times are computed over.
    static func lines(_ progress: GoalProgress, window: ReportWindow, width: Int, sheet: StyleSheet) -> [(String, Style)] {
        let ascii = sheet.options.asciiOnly
        let goal = progress.goal
        let value = GoalLine.amount(progress.value, progress, ascii: ascii)
        let projection = GoalText.projection(progress, ascii: ascii)
        let aim = "\(goal.kpi.title) \(GoalText.platform(goal)) \(GoalLine.target(progress, ascii: ascii)) by \(goal.deadline)"
            + " (\(GoalLine.daysLeft(progress.daysLeft)))."
        if goal.isRelative {
            return [(goal.name, sheet.style(.text, bold: true))]
                + WordWrap.lines(aim, width: width).map { ($0, sheet.style(.muted)) }
                + WordWrap.lines(GoalText.relativeCounting(progress, ascii: ascii), width: width).map { ($0, sheet.style(.text)) }
        }
        let counting = switch goal.kpi.kind {
        case .sum: "\(value) since \(progress.start); at the recent daily pace \(projection) by the deadline."
        case .level: "\(value) now; at the pace of the last 28 days \(projection) by the deadline."
        case .other: "\(value) over \(window.isAll ? "all the data" : "the last \(window.days) days"); "
            + "a ratio or a time is not projected."
        }
        return [(goal.name, sheet.style(.text, bold: true))]
            + WordWrap.lines(aim, width: width).map { ($0, sheet.style(.muted)) }
            + WordWrap.lines(counting, width: width).map { ($0, sheet.style(.text)) }
    }
}
