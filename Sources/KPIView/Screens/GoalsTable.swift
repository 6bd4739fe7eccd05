import KPIEngine
import KPIReport

/// The goals as a table: name, platform, KPI, a gauge of the progress, the value against
/// the target, the projection at the deadline, the deadline, the days left and the status,
/// coloured by status. Narrow screens leave out the least needed columns first; the name,
/// the gauge and the status always stay.
enum GoalsTable {
    enum Column: CaseIterable {
        case name, platform, kpi, gauge, progress, baseline, projection, deadline, daysLeft, status

        var title: String {
            switch self {
            case .name: "goal"
            case .platform: "platform"
            case .kpi: "KPI"
            case .gauge: "progress"
            case .progress: "value of target"
            case .baseline: "baseline to target"
            case .projection: "projected"
            case .deadline: "deadline"
            case .daysLeft: "time left"
            case .status: "status"
            }
        }

        var alignment: Alignment {
            switch self {
            case .progress, .projection: .right
            default: .left
            }
        }
    }

    /// The columns that give way on narrow screens, the most needed first.
    static let optionalColumns: [Column] = [.progress, .baseline, .daysLeft, .projection, .kpi, .platform, .deadline]
    static let minimumNameWidth = 12
    static let minimumGaugeWidth = 10
    static let narrowestGaugeWidth = 4
    static let maximumGaugeWidth = 20
    /// Longer texts (a long name or platform) are cut with an ellipsis.
    static let maximumColumnWidth = 24

    static func draw(_ goals: [GoalProgress], on canvas: inout Canvas, in rect: Rect, selected: Int?,
                     focused: Bool) {
        let sheet = canvas.sheet
        let ascii = sheet.options.asciiOnly
        let shown = columns(for: goals, width: rect.width - Canvas.markerWidth, ascii: ascii)
        let tableColumns = shown.map { column, width in
            TableColumn(title: column.title, width: width, alignment: column.alignment,
                        shorterTitles: column == .gauge ? ["done"] : [])
        }
        let rows: [[TableCell]] = goals.map { progress in
            let tone = GoalTone(progress.status)
            return shown.map { column, _ in
                switch column {
                case .gauge: .gauge(progress.fraction, sheet.style(for: tone))
                case .status: .text(text(column, progress, ascii: ascii), sheet.style(for: tone, bold: true))
                case .name: .text(text(column, progress, ascii: ascii), sheet.style(.text, bold: true))
                case .kpi, .progress: .text(text(column, progress, ascii: ascii), sheet.style(.text))
                case .daysLeft where progress.daysLeft < 0:
                    .text(text(column, progress, ascii: ascii), sheet.style(for: tone))
                case .platform, .projection, .deadline, .daysLeft, .baseline:
                    .text(text(column, progress, ascii: ascii), sheet.style(.muted))
                }
            }
        }
        canvas.table(rect, columns: tableColumns, rows: rows, selected: selected, area: 0, focused: focused)
    }

    /// The columns that fit in `width`, in screen order, with their widths. The name asks
    /// for its longest text (up to `maximumColumnWidth`, at least `minimumNameWidth`) and
    /// takes what is left (width 0); the gauge grows into spare room.
    static func columns(for goals: [GoalProgress], width: Int, ascii: Bool) -> [(Column, Int)] {
        func contentWidth(_ column: Column) -> Int {
            let widest = goals.map { TextWidth.columns(text(column, $0, ascii: ascii)) }
                .reduce(TextWidth.columns(column.title), max)
            return min(maximumColumnWidth, widest)
        }
        var chosen: Set<Column> = [.name, .gauge, .status]
        // On narrow screens the gauge gives way (down to `narrowestGaugeWidth`) before names are cut.
        let gaugeRoom = width - contentWidth(.status) - 2 - contentWidth(.name)
        let smallestGauge = min(minimumGaugeWidth, max(narrowestGaugeWidth, gaugeRoom))
        let essentials = smallestGauge + 1 + contentWidth(.status) + 1
        var used = max(minimumNameWidth, min(contentWidth(.name), width - essentials)) + essentials
        let hasRelative = goals.contains { $0.goal.isRelative }
        for column in optionalColumns where used + contentWidth(column) + 1 <= width && (column != .baseline || hasRelative) {
            chosen.insert(column)
            used += contentWidth(column) + 1
        }
        let gaugeWidth = smallestGauge + min(maximumGaugeWidth - smallestGauge, max(0, width - used))
        return Column.allCases.filter(chosen.contains).map { column in
            switch column {
            case .name: (column, 0)
            case .gauge: (column, gaugeWidth)
            default: (column, contentWidth(column))
            }
        }
    }

    /// The text of a column for one goal (the gauge has none).
    static func text(_ column: Column, _ progress: GoalProgress, ascii: Bool) -> String {
        let goal = progress.goal
        return switch column {
        case .name: goal.name
        case .platform: goal.platform
        case .kpi: goal.kpi.title
        case .gauge: ""
        case .progress: GoalText.progress(progress, ascii: ascii)
        case .baseline: GoalLine.baselineToTarget(progress, ascii: ascii) ?? ""
        case .projection: GoalText.projection(progress, ascii: ascii)
        case .deadline: goal.deadline.description
        case .daysLeft: GoalText.daysLeft(progress.daysLeft)
        case .status: GoalLine.status(progress.status)
        }
    }
}
