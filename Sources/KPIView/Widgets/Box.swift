extension Canvas {
    /// Draws a bordered panel with a title in its top border and returns the inside.
    /// A focused panel's border and title use the accent colour (and bold, without colour).
    @discardableResult
    mutating func box(_ rect: Rect, title: String, focused: Bool = false) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        clear(rect, style: sheet.base)
        let border = focused ? sheet.style(.accent, bold: true) : sheet.style(.border)
        let line = String(repeating: glyphs.horizontal, count: rect.width - 2)
        buffer.write(glyphs.topLeft + line + glyphs.topRight, x: rect.x, y: rect.y, style: border)
        buffer.write(glyphs.bottomLeft + line + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, style: border)
        for row in rect.y + 1..<rect.maxY - 1 {
            buffer.write(glyphs.vertical, x: rect.x, y: row, style: border)
            buffer.write(glyphs.vertical, x: rect.maxX - 1, y: row, style: border)
        }
        if !title.isEmpty, rect.width > 4 {
            let titleStyle = focused ? sheet.style(.accent, bold: true) : sheet.style(.text, bold: true)
            field(" \(title) ", x: rect.x + 1, y: rect.y, width: rect.width - 2, style: titleStyle)
        }
        return rect.inset(by: 1)
    }

    /// A panel titled with the first of `titles` that fits its top border whole (the last one,
    /// cut, when none does).
    @discardableResult
    mutating func box(_ rect: Rect, titles: [String], focused: Bool = false) -> Rect {
        let title = titles.first { TextWidth.columns($0) + 2 <= rect.width - 2 } ?? titles.last ?? ""
        return box(rect, title: title, focused: focused)
    }
}
