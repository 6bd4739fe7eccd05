import KPIEngine

/// The rows the engine refused (`r`): where they are and why, sanitised, filterable.
enum RejectionsOverlay {
    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let total = state.snapshot?.rejectedRows ?? 0
        let listed = state.snapshot?.rejections.count ?? 0
        var title = "\(total) rejected row\(total == 1 ? "" : "s")"
        if listed < total { title += ", first \(listed) listed" }
        if !state.filter.isEmpty { title += " matching \"\(state.filter)\"" }
        let box = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let inner = canvas.box(box, title: title, focused: true)
        let rejections = state.visibleRejections
        let whereWidth = min(inner.width / 2, rejections.map { TextWidth.columns(location(of: $0)) }.max() ?? 8)
        let columns = [TableColumn(title: "file:line", width: max(9, whereWidth)), TableColumn(title: "reason", width: 0)]
        let rows: [[TableCell]] = rejections.map { rejection in
            [.text(location(of: rejection), sheet.style(.muted)), .text(rejection.reason, sheet.style(.text))]
        }
        canvas.table(inner, columns: columns, rows: rows, selected: state.overlayRow, area: 0, focused: true)
    }

    /// `file:line`, or just the file when the whole file was refused (line 0).
    static func location(of rejection: Rejection) -> String {
        rejection.line > 0 ? "\(rejection.file):\(rejection.line)" : rejection.file
    }
}
