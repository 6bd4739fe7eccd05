/// A one-row chart of a daily series: one cell per point (▁▂▃▄▅▆▇█, ASCII ` .:-=+*#`).
enum Sparkline {
    /// The series fitted to `width` cells (bucket averages when longer, one cell per point
    /// when shorter) and scaled to 0...1 between its minimum and maximum;
    /// nil where a cell has no data.
    static func levels(_ values: [Double?], width: Int) -> [Double?] {
        guard width > 0, !values.isEmpty else { return [] }
        let points = values.count > width ? buckets(values, count: width) : values
        let known = points.compactMap { $0 }.filter(\.isFinite)
        guard let low = known.min(), let high = known.max() else { return points.map { _ in nil } }
        return points.map { value in
            guard let value, value.isFinite else { return nil }
            return high > low ? (value - low) / (high - low) : 0.5
        }
    }

    /// The averages of `count` consecutive, nearly equal slices of `values`.
    static func buckets(_ values: [Double?], count: Int) -> [Double?] {
        (0..<count).map { bucket in
            let start = bucket * values.count / count
            let end = max(start + 1, (bucket + 1) * values.count / count)
            let known = values[start..<end].compactMap { $0 }.filter(\.isFinite)
            return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
        }
    }
}

extension Canvas {
    /// Draws a sparkline of `values` in one row, coloured along the graph gradient.
    mutating func sparkline(_ values: [Double?], x: Int, y: Int, width: Int) {
        let levels = Sparkline.levels(values, width: width)
        for (index, level) in levels.enumerated() {
            guard let level else { continue }
            let step = min(glyphs.sparkLevels.count - 1, Int(level * Double(glyphs.sparkLevels.count - 1) + 0.5))
            buffer.write(glyphs.sparkLevels[step], x: x + index, y: y, style: sheet.graph(level: level))
        }
    }
}
