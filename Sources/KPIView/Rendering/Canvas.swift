/// A region of the screen that a click selects.
struct HitRegion: Equatable {
    var rect: Rect
    var target: HitTarget
}

/// What screens draw on: the cell buffer, the styles of the theme, and the regions a click
/// can land on (recorded while drawing, so clicks match exactly what is on screen).
struct Canvas {
    var buffer: Buffer
    var hits: [HitRegion] = []
    let sheet: StyleSheet

    init(width: Int, height: Int, sheet: StyleSheet) {
        self.sheet = sheet
        buffer = Buffer(width: width, height: height, fill: Cell(" ", style: sheet.base))
    }

    var bounds: Rect { Rect(x: 0, y: 0, width: buffer.width, height: buffer.height) }
    var glyphs: Glyphs { sheet.glyphs }

    /// Writes text on one row of `rect`, clipped to it; returns the columns written.
    @discardableResult
    mutating func text(_ text: String, x: Int, y: Int, style: Style, clip rect: Rect) -> Int {
        guard y >= rect.y, y < rect.maxY, x < rect.maxX else { return 0 }
        let start = max(x, rect.x)
        let skipped = start - x
        let visible = skipped > 0 ? TextWidth.dropping(columns: skipped, of: text) : text
        return buffer.write(visible, x: start, y: y, style: style, maxWidth: rect.maxX - start)
    }

    /// Writes `text` in a row of `width` columns starting at x, aligned, cut with an
    /// ellipsis when too long.
    mutating func field(_ text: String, x: Int, y: Int, width: Int, alignment: Alignment = .left,
                        style: Style) {
        guard width > 0 else { return }
        let fitted = Canvas.fit(text, width: width, ellipsis: glyphs.ellipsis)
        let pad = width - TextWidth.columns(fitted)
        buffer.write(fitted, x: alignment == .right ? x + pad : x, y: y, style: style,
                     maxWidth: width)
    }

    /// Writes spans one after the other in a row of `width` columns, aligned; spans that do not
    /// fit are cut with an ellipsis.
    mutating func spans(_ spans: [TextSpan], x: Int, y: Int, width: Int, alignment: Alignment = .left) {
        guard width > 0 else { return }
        let total = spans.reduce(0) { $0 + TextWidth.columns($1.text) }
        var column = alignment == .right ? x + max(0, width - total) : x
        for span in spans {
            let room = x + width - column
            guard room > 0 else { break }
            field(span.text, x: column, y: y, width: room, style: span.style)
            column += min(room, TextWidth.columns(span.text))
        }
    }

    /// Fills a rectangle with blanks in a style.
    mutating func clear(_ rect: Rect, style: Style) {
        buffer.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, with: Cell(" ", style: style))
    }

    /// Marks a region that a click selects.
    mutating func hit(_ rect: Rect, _ target: HitTarget) {
        if !rect.isEmpty { hits.append(HitRegion(rect: rect, target: target)) }
    }

    /// Copies rows `scroll...` of `source` into `rect`, hit regions included.
    mutating func embed(_ source: Canvas, in rect: Rect, scroll: Int) {
        for row in 0..<rect.height {
            for column in 0..<rect.width where source.buffer.contains(x: column, y: row + scroll) {
                buffer[rect.x + column, rect.y + row] = source.buffer[column, row + scroll]
            }
        }
        for region in source.hits {
            let top = max(region.rect.y - scroll, 0)
            let bottom = min(region.rect.maxY - scroll, rect.height)
            guard bottom > top else { continue }
            hit(Rect(x: rect.x + region.rect.x, y: rect.y + top, width: min(region.rect.width, rect.width),
                     height: bottom - top), region.target)
        }
    }

    /// `text` cut to `width` columns, ending in `ellipsis` when cut.
    static func fit(_ text: String, width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        guard TextWidth.columns(text) > width else { return text }
        return TextWidth.prefix(text, columns: width - TextWidth.columns(ellipsis)) + ellipsis
    }
}

/// Horizontal alignment of a table cell or a field.
enum Alignment { case left, right }
