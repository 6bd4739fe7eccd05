import KPIEngine

extension Canvas {
    /// A column chart of a daily series filling `rect`: the largest value labelled at the top
    /// left, the smallest at the bottom left, first and last day under the columns.
    mutating func chart(_ values: [Double?], unit: KPIUnit, days: [Day], in rect: Rect) {
        let ascii = sheet.options.asciiOnly
        let known = values.compactMap { $0 }.filter(\.isFinite)
        guard rect.height >= 3, rect.width >= 12, let low = known.min(), let high = known.max() else {
            field("no data in this window", x: rect.x, y: rect.y, width: rect.width, style: sheet.style(.muted))
            return
        }
        let top = ValueFormat.format(high, unit: unit, ascii: ascii)
        let bottom = ValueFormat.format(low, unit: unit, ascii: ascii)
        let labelWidth = min(rect.width / 3, max(TextWidth.columns(top), TextWidth.columns(bottom)) + 1)
        let plotRows = rect.height - 1
        let plot = Rect(x: rect.x + labelWidth, y: rect.y, width: rect.width - labelWidth, height: plotRows)
        field(top, x: rect.x, y: rect.y, width: labelWidth - 1, alignment: .right, style: sheet.style(.muted))
        field(bottom, x: rect.x, y: plot.maxY - 1, width: labelWidth - 1, alignment: .right,
              style: sheet.style(.muted))

        let points = values.count > plot.width ? Sparkline.buckets(values, count: plot.width) : values
        // Each day gets an equal share of the width; wide columns keep a gap between days.
        let step = max(1, plot.width / max(1, points.count))
        let columnWidth = step >= 3 ? step - 1 : step
        // Columns start from a floor a little under the minimum, so the smallest day still shows.
        let floor = high > low ? low - (high - low) * 0.1 : low - max(1, abs(low)) * 0.5
        for (index, point) in points.enumerated() {
            guard let point, point.isFinite else { continue }
            let level = (point - floor) / (high - floor)
            let eighths = max(1, Int((level * Double(plotRows * 8)).rounded()))
            let style = sheet.graph(level: high > low ? (point - low) / (high - low) : 0.5)
            for row in 0..<plotRows {
                let filled = min(8, eighths - row * 8)
                guard filled > 0 else { break }
                let cells = String(repeating: glyphs.columnEighths[filled - 1], count: columnWidth)
                buffer.write(cells, x: plot.x + index * step, y: plot.maxY - 1 - row, style: style)
            }
        }
        if let first = days.first, let last = days.last {
            let axis = rect.row(rect.height - 1)
            field(first.description, x: plot.x, y: axis.y, width: plot.width, style: sheet.style(.muted))
            if days.count > 1, plot.width >= 22 {
                let end = min(plot.width, points.count * step)
                field(last.description, x: plot.x + end - 10, y: axis.y, width: 10, style: sheet.style(.muted))
            }
        }
    }
}
