import KPIEngine

/// The window picker (`W`): the usual lengths, month and quarter to date, or any number of
/// days typed in.
enum WindowPickerOverlay {
    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let presets = WindowChoices.presets
        let box = rect.centred(width: 36, height: presets.count + 5)
        let inner = canvas.box(box, title: "Window", focused: true)
        let typing = !state.windowDraft.isEmpty
        for (index, window) in presets.enumerated() where index < inner.height {
            let line = inner.row(index)
            let current = window == state.window ? " (shown)" : ""
            var style = sheet.style(typing ? .muted : .text)
            if index == state.overlayRow, !typing {
                style = sheet.selected(style)
                canvas.clear(line, style: sheet.selected(sheet.base))
                canvas.field(sheet.glyphs.selectionMarker, x: line.x, y: line.y, width: 1,
                             style: sheet.selected(sheet.style(.accent)))
            }
            let label = window.description.padding(toLength: 5) + WindowChoices.label(window) + current
            canvas.field(label, x: line.x + 2, y: line.y, width: line.width - 2, style: style)
            canvas.hit(line, .overlayRow(index))
        }
        let prompt = inner.row(presets.count + 1)
        let typed = typing ? state.windowDraft + "d" + (WindowChoices.typed(state.windowDraft) == nil ? " (too long)" : "")
            : "type a number of days"
        canvas.field("days: " + typed, x: prompt.x + 2, y: prompt.y, width: prompt.width - 2,
                     style: sheet.style(typing ? .accent : .muted, bold: typing))
    }
}

private extension String {
    /// This text padded with spaces to `length` characters.
    func padding(toLength length: Int) -> String {
        self + String(repeating: " ", count: max(1, length - count))
    }
}
