/// A notice over the status line for a moment: the theme just chosen, where a view was saved.
enum NoticeLine {
    static func draw(_ notice: Notice, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        canvas.clear(rect, style: sheet.base)
        canvas.field(notice.text, x: rect.x, y: rect.y, width: rect.width,
                     style: sheet.style(notice.isWarning ? .warning : .accent, bold: true))
    }
}
