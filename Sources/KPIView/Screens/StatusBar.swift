import KPIEngine
import KPIReport

/// The bottom line: the first breached alert when there is one, then the keys that do
/// something here (or the filter being typed); and the count of rejected rows when there
/// are any.
enum StatusBar {
    static func hints(for state: UIState) -> [(key: String, meaning: String)] {
        if state.overlay != nil {
            switch state.overlay {
            case .platformPicker: return [("↑↓", "choose"), ("Enter", "open"), ("Esc", "close")]
            case .rejections: return [("↑↓", "scroll"), ("/", "filter"), ("Esc", "close")]
            case .alerts: return [("↑↓", "choose"), ("Enter", "open its KPI"), ("Esc", "close")]
            case .windowPicker: return [("↑↓", "choose"), ("0-9", "days"), ("Enter", "show"), ("Esc", "close")]
            case .brandPicker: return [("↑↓", "choose"), ("Enter", "open"), ("Esc", "close")]
            default: return [("Esc", "close"), ("q", "quit")]
            }
        }
        var hints: [(String, String)] = [("↑↓", "select"), ("Enter", "open")]
        switch state.page.screen {
        case .overview: hints += [("Tab", "panel"), ("p", "platform"), ("g", "goals")]
        case .platform: hints += [("Tab", "list"), ("s", "sort"), ("/", "filter"), ("Esc", "back"), ("y", "zoom")]
        case .kpi: hints += [("Esc", "back"), ("y", "zoom")]
        case .goals: hints += [("Esc", "back")]
        case .post: hints = [("↑↓", "chart"), ("Esc", "back"), ("y", "zoom")]
        }
        return hints + [("w", "window"), ("t", "theme"), ("?", "help"), ("q", "quit")]
    }

    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        var right = rect.maxX
        if let rejected = state.snapshot?.rejectedRows, rejected > 0 {
            let label = " \(rejected) rejected row\(rejected == 1 ? "" : "s") (r)"
            let width = min(rect.width, TextWidth.columns(label))
            right -= width
            canvas.field(label, x: right, y: rect.y, width: width, style: sheet.style(.warning, bold: true))
            canvas.hit(Rect(x: right, y: rect.y, width: width, height: 1), .rejectedRowsHint)
        }
        let left = Rect(x: rect.x, y: rect.y, width: right - rect.x, height: 1)
        if state.isEditingFilter {
            let written = canvas.text("filter: ", x: left.x, y: left.y, style: sheet.style(.accent, bold: true), clip: left)
            let typed = canvas.text(state.filter + "_", x: left.x + written, y: left.y, style: sheet.style(.text), clip: left)
            canvas.text("  Enter keep · Esc clear", x: left.x + written + typed, y: left.y, style: sheet.style(.muted), clip: left)
            return
        }
        var x = left.x
        if let alert = state.snapshot.flatMap({ AlertLine.headline($0.alerts, ascii: sheet.options.asciiOnly) }) {
            x += canvas.text(alert + "  ", x: x, y: left.y, style: sheet.style(.bad, bold: true), clip: left)
        }
        if !state.filter.isEmpty {
            x += canvas.text("filter \"\(state.filter)\"  ", x: x, y: left.y, style: sheet.style(.warning), clip: left)
        }
        for (key, meaning) in hints(for: state) {
            let shownKey = sheet.options.asciiOnly && key == "↑↓" ? "up/dn" : key
            // A hint is shown whole or not at all.
            guard x + TextWidth.columns(shownKey) + 1 + TextWidth.columns(meaning) <= left.maxX else { break }
            x += canvas.text(shownKey, x: x, y: left.y, style: sheet.style(.accent, bold: true), clip: left)
            x += canvas.text(" \(meaning)  ", x: x, y: left.y, style: sheet.style(.muted), clip: left)
        }
    }
}
