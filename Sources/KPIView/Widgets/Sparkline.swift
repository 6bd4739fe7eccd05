/// A one-row chart of a daily series: one cell per day (or per group of days, see
/// ``DayGrouping``), ▁▂▃▄▅▆▇█ (ASCII `.:-=+*#@`) on the scale of ``AxisMode``; a 0 on a
/// scale from 0 is a blank cell, a day without data is `░` (ASCII `/`).
enum Sparkline {
    enum Mark: Equatable {
        case blank
        case noData
        /// Glyph index 0...7 and the height 0...1 (which picks the colour).
        case level(Int, Double)
    }

    /// The cells of `values` in at most `width` cells.
    static func marks(_ values: [Double?], mode: AxisMode, width: Int) -> [Mark] {
        guard width > 0, !values.isEmpty else { return [] }
        let points = DayGrouping(days: values.count, slots: width).values(values)
        // A series without any data (a KPI the platform does not report) is no line at all.
        guard let scale = ValueScale(points, mode: mode) else { return [] }
        return points.map { point in
            guard let point else { return .noData }
            let level = scale.level(point)
            guard level > 0 else { return .blank }
            return .level(min(7, max(0, Int((level * 8).rounded(.up)) - 1)), level)
        }
    }
}

extension Canvas {
    /// Draws a sparkline of `values` in one row, coloured along the graph gradient.
    mutating func sparkline(_ values: [Double?], mode: AxisMode, x: Int, y: Int, width: Int) {
        for (index, mark) in Sparkline.marks(values, mode: mode, width: width).enumerated() {
            switch mark {
            case .blank: continue
            case .noData: buffer.write(glyphs.noData, x: x + index, y: y, style: sheet.style(.border))
            case .level(let glyph, let level):
                buffer.write(glyphs.sparkLevels[glyph], x: x + index, y: y, style: sheet.graph(level: level))
            }
        }
    }
}
