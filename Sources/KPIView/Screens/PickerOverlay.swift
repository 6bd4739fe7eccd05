/// A box of choices over the screen, as the platform (`p`) and brand (`B`) pickers draw it:
/// the selected row highlighted and kept in view, the one on screen marked `(shown)`, each
/// row a click region.
enum PickerOverlay {
    static func draw(title: String, choices: [String], shown: String?, selected: Int, width: Int,
                     on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let box = rect.centred(width: width, height: choices.count + 2)
        let inner = canvas.box(box, title: title, focused: true)
        let scroll = max(0, selected - inner.height + 1)
        for (offset, choice) in choices.dropFirst(scroll).prefix(inner.height).enumerated() {
            let index = scroll + offset
            let line = inner.row(offset)
            let current = choice == shown ? " (shown)" : ""
            var style = sheet.style(.text)
            if index == selected {
                style = sheet.selected(style)
                canvas.clear(line, style: sheet.selected(sheet.base))
                canvas.field(sheet.glyphs.selectionMarker, x: line.x, y: line.y, width: 1,
                             style: sheet.selected(sheet.style(.accent)))
            }
            canvas.field(choice + current, x: line.x + 2, y: line.y, width: line.width - 2, style: style)
            canvas.hit(line, .overlayRow(index))
        }
    }
}
