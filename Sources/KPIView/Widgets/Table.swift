/// A column of a ``Canvas/table(_:columns:rows:selected:area:focused:)``.
struct TableColumn {
    var title: String
    /// Columns wide; 0 for a column that takes whatever width is left (at least 4).
    var width: Int
    var alignment: Alignment = .left
    /// Shorter titles, tried in order when `title` does not fit the column's width.
    var shorterTitles: [String] = []

    /// The first of the titles that fits in `width` columns (the shortest one, cut, when none does).
    func title(fitting width: Int) -> String {
        ([title] + shorterTitles).first { TextWidth.columns($0) <= width } ?? shorterTitles.last ?? title
    }

    /// A column as wide as the widest of `cells` and of its title (shorter titles are used when
    /// the title is wider than every cell, but not narrower than `minimum`).
    static func fitted(_ title: String, shorterTitles: [String] = [], cells: [String], minimum: Int = 1,
                       alignment: Alignment = .left) -> TableColumn {
        let content = cells.map { TextWidth.columns($0) }.max() ?? 0
        let titles = [title] + shorterTitles
        let titleWidth = titles.first { TextWidth.columns($0) <= max(content, minimum) }.map { TextWidth.columns($0) }
            ?? titles.map { TextWidth.columns($0) }.min() ?? 0
        return TableColumn(title: title, width: max(minimum, content, titleWidth), alignment: alignment,
                           shorterTitles: shorterTitles)
    }
}

/// One cell of a table row.
enum TableCell {
    case text(String, Style)
    /// Text in several styles (a value and its note, a change and its cue).
    case spans([TextSpan])
    /// A sparkline of a daily series, with its vertical scale.
    case sparkline([Double?], AxisMode)
    /// A bar filled to a fraction (0...1) of the cell.
    case bar(Double, Style)
    /// A goal gauge filled to a fraction (0...1), over a track.
    case gauge(Double, Style)
}

extension Canvas {
    /// A table with a header row; the selected row is highlighted and kept in view
    /// (the table scrolls). Columns that do not fit are left out from the right; each row is
    /// a click region `(area, index)`.
    mutating func table(_ rect: Rect, columns: [TableColumn], rows: [[TableCell]], selected: Int?,
                        area: Int, focused: Bool) {
        guard rect.height >= 1 else { return }
        let layout = Self.columnLayout(columns, width: rect.width - Self.markerWidth)
        for placement in layout {
            let column = columns[placement.column]
            field(column.title(fitting: placement.width), x: rect.x + Self.markerWidth + placement.x, y: rect.y,
                  width: placement.width, alignment: column.alignment, style: sheet.style(.muted, bold: true))
        }
        let visibleRows = rect.height - 1
        guard visibleRows > 0 else { return }
        if rows.isEmpty {
            field("nothing to show", x: rect.x + Self.markerWidth, y: rect.y + 1,
                  width: rect.width - Self.markerWidth, style: sheet.style(.muted))
            return
        }
        let scroll = max(0, min((selected ?? 0) - visibleRows + 1, rows.count - visibleRows))
        for (offset, row) in rows.dropFirst(scroll).prefix(visibleRows).enumerated() {
            let index = scroll + offset
            let y = rect.y + 1 + offset
            let isSelected = index == selected
            let line = Rect(x: rect.x, y: y, width: rect.width, height: 1)
            if isSelected {
                clear(line, style: sheet.selected(sheet.base))
                let markerStyle = sheet.selected(focused ? sheet.style(.accent, bold: true) : sheet.style(.muted))
                field(glyphs.selectionMarker, x: rect.x, y: y, width: 1, style: markerStyle)
            }
            for placement in layout where placement.column < row.count {
                let x = rect.x + Self.markerWidth + placement.x
                let alignment = columns[placement.column].alignment
                switch row[placement.column] {
                case .text(let text, let style):
                    field(text, x: x, y: y, width: placement.width, alignment: alignment,
                          style: isSelected ? sheet.selected(style) : style)
                case .spans(let spans):
                    self.spans(isSelected ? spans.map { TextSpan($0.text, sheet.selected($0.style)) } : spans,
                               x: x, y: y, width: placement.width, alignment: alignment)
                case .sparkline(let values, let mode):
                    sparkline(values, mode: mode, x: x, y: y, width: placement.width)
                case .bar(let fraction, let style):
                    bar(fraction, x: x, y: y, width: placement.width, style: style)
                case .gauge(let fraction, let style):
                    let track = sheet.style(.border)
                    gauge(fraction, x: x, y: y, width: placement.width, style: isSelected ? sheet.selected(style) : style,
                          track: isSelected ? sheet.selected(track) : track)
                }
            }
            hit(line, .row(area: area, index: index))
        }
    }

    /// Room for the selection marker before the first column.
    static let markerWidth = 2

    /// Index, x offset and width of each column that fits in `width`, in order; a column of
    /// width 0 gets the rest (or is left out below 4). Columns are left out from the right
    /// when they do not fit.
    static func columnLayout(_ columns: [TableColumn], width: Int) -> [(column: Int, x: Int, width: Int)] {
        let fixed = columns.filter { $0.width > 0 }.reduce(0) { $0 + $1.width + 1 }
        var layout: [(column: Int, x: Int, width: Int)] = []
        var x = 0
        for (index, column) in columns.enumerated() {
            let columnWidth = column.width > 0 ? column.width : width - fixed
            if column.width == 0, columnWidth < 4 { continue }
            guard x + columnWidth <= width else { break }
            layout.append((index, x, columnWidth))
            x += columnWidth + 1
        }
        return layout
    }
}
