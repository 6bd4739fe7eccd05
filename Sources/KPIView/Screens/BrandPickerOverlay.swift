/// The brand picker (`B`): the config file's brands in file order; Enter opens the one
/// chosen (its data directory, goals, benchmarks and alerts).
enum BrandPickerOverlay {
    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let brands = state.brands
        let widest = brands.map { TextWidth.columns($0) }.max() ?? 0
        let box = rect.centred(width: max(32, widest + 14), height: brands.count + 2)
        let inner = canvas.box(box, title: "Brand", focused: true)
        let scroll = max(0, state.overlayRow - inner.height + 1)
        for (offset, brand) in brands.dropFirst(scroll).prefix(inner.height).enumerated() {
            let index = scroll + offset
            let line = inner.row(offset)
            let current = brand == state.brand ? " (shown)" : ""
            var style = sheet.style(.text)
            if index == state.overlayRow {
                style = sheet.selected(style)
                canvas.clear(line, style: sheet.selected(sheet.base))
                canvas.field(sheet.glyphs.selectionMarker, x: line.x, y: line.y, width: 1,
                             style: sheet.selected(sheet.style(.accent)))
            }
            canvas.field(brand + current, x: line.x + 2, y: line.y, width: line.width - 2, style: style)
            canvas.hit(line, .overlayRow(index))
        }
    }
}
