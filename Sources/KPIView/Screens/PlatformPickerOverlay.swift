/// The platform picker (`p`): `all` and every platform; Enter shows the one chosen.
enum PlatformPickerOverlay {
    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let choices = state.platformChoices
        let box = rect.centred(width: 32, height: choices.count + 2)
        let inner = canvas.box(box, title: "Platform", focused: true)
        let scroll = max(0, state.overlayRow - inner.height + 1)
        for (offset, platform) in choices.dropFirst(scroll).prefix(inner.height).enumerated() {
            let index = scroll + offset
            let line = inner.row(offset)
            let current = platform == state.platformFilter ? " (shown)" : ""
            var style = sheet.style(.text)
            if index == state.overlayRow {
                style = sheet.selected(style)
                canvas.clear(line, style: sheet.selected(sheet.base))
                canvas.field(sheet.glyphs.selectionMarker, x: line.x, y: line.y, width: 1, style: sheet.selected(sheet.style(.accent)))
            }
            canvas.field(platform + current, x: line.x + 2, y: line.y, width: line.width - 2, style: style)
            canvas.hit(line, .overlayRow(index))
        }
    }
}
