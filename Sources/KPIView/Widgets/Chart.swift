import KPIEngine

/// A daily series and what a chart needs to say about it.
struct ChartSeries {
    var values: [Double?]
    /// The window's days, one per value.
    var days: [Day]
    var unit: KPIUnit
    /// The currency of money values (the axis labels are in it).
    var currency: Currency?
    var mode: AxisMode
    /// True when `mode` is the user's zoom rather than the KPI's own scale: the chart says so.
    var zoomed = false
    /// A goal's target on the series' scale, drawn as a line across the chart.
    var target: ChartTarget?
    /// Why the KPI has no value at all (mixed currencies): said instead of a chart.
    var unavailable: String?
}

/// A goal's target as a line on a daily chart: its height and its words (`goal ≥ 5.00%`).
struct ChartTarget: Equatable {
    var value: Double
    var label: String
}

extension Canvas {
    /// A column chart of a daily series filling `rect`: one column per day, or per group of
    /// days with a note that says so; heights from 0 (``AxisMode``), so a day with 0 is empty;
    /// a day without data is hatched (`░`); a goal's target is a dashed line. The top and
    /// bottom of the axis are labelled on the left, in the KPI's unit and currency; the first
    /// and last day and the notes are under the columns.
    mutating func chart(_ series: ChartSeries, in rect: Rect) {
        guard !rect.isEmpty else { return }
        if let reason = series.unavailable {
            field(reason, x: rect.x, y: rect.y, width: rect.width, style: sheet.style(.warning))
            return
        }
        let targets = series.target.map { [$0.value] } ?? []
        guard series.values.contains(where: { $0 != nil }),
              let scale = ValueScale(series.values, mode: series.mode, including: targets) else {
            field("no data in this window", x: rect.x, y: rect.y, width: rect.width, style: sheet.style(.muted))
            return
        }
        guard rect.height >= 3, rect.width >= 12 else {
            field("too small for a chart", x: rect.x, y: rect.y, width: rect.width, style: sheet.style(.muted))
            return
        }
        let ascii = sheet.options.asciiOnly
        func label(_ value: Double) -> String {
            ValueFormat.format(value, unit: series.unit, ascii: ascii, currency: series.currency)
        }
        let top = label(scale.high), bottom = label(scale.low)
        let goalLabel = series.target.map { label($0.value) }
        let widest = ([top, bottom] + (goalLabel.map { [$0] } ?? [])).map { TextWidth.columns($0) }.max() ?? 0
        let labelWidth = min(rect.width / 3, widest + 1)
        let plotRows = rect.height - 1
        let plot = Rect(x: rect.x + labelWidth, y: rect.y, width: rect.width - labelWidth, height: plotRows)

        let grouping = DayGrouping(days: series.values.count, slots: plot.width)
        let points = grouping.values(series.values)
        // Columns share the width evenly; wide ones keep a gap between them.
        let count = max(1, points.count)
        let gap = plot.width / count >= 3 ? 1 : 0
        var hatched = false
        for (index, point) in points.enumerated() {
            let x = plot.x + index * plot.width / count
            let columnWidth = max(1, plot.x + (index + 1) * plot.width / count - x - gap)
            guard let point, point.isFinite else {
                hatched = true
                for row in 0..<plotRows {
                    buffer.write(String(repeating: glyphs.noData, count: columnWidth), x: x, y: plot.y + row,
                                 style: sheet.style(.border))
                }
                continue
            }
            column(point, scale: scale, x: x, width: columnWidth, plot: plot)
        }

        field(top, x: rect.x, y: plot.y, width: labelWidth - 1, alignment: .right, style: sheet.style(.muted))
        field(bottom, x: rect.x, y: plot.maxY - 1, width: labelWidth - 1, alignment: .right, style: sheet.style(.muted))
        if let target = series.target, let goalLabel {
            let row = min(plotRows - 1, Int(scale.level(target.value) * Double(plotRows)))
            let y = plot.maxY - 1 - row
            let goalStyle = sheet.style(.accent)
            for x in plot.x..<plot.maxX where buffer[x, y].symbol == " " {
                buffer.write(glyphs.goalLine, x: x, y: y, style: goalStyle)
            }
            if y != plot.y, y != plot.maxY - 1 {
                field(goalLabel, x: rect.x, y: y, width: labelWidth - 1, alignment: .right, style: goalStyle)
            }
        }

        var notes = [grouping.words(per: "column", short: "col")].filter { _ in grouping.isGrouped }
        if hatched { notes.append([glyphs.noData + " no data", glyphs.noData + " none"]) }
        if let target = series.target { notes.append([glyphs.goalLine + " " + target.label, glyphs.goalLine + " goal"]) }
        if series.zoomed { notes.append(["y axis zoomed", "zoomed"]) }
        let first = series.days.indices.contains(grouping.ranges.first?.lowerBound ?? -1)
            ? series.days[grouping.ranges[0].lowerBound].description : nil
        let last = series.days.last?.description
        axisLine(first: first, last: last, notes: notes, in: Rect(x: plot.x, y: rect.maxY - 1,
                 width: plot.width - gap, height: 1))
    }

    /// One column from 0 (or from the bottom) up to `value`, in eighths of a cell; a column
    /// below 0 goes down from the 0 line in whole cells. 0 draws nothing; any other value at
    /// least an eighth.
    private mutating func column(_ value: Double, scale: ValueScale, x: Int, width: Int, plot: Rect) {
        guard value != 0 else { return }
        let rows = Double(plot.height)
        let level = scale.level(value)
        let style = sheet.graph(level: level)
        let base = scale.zeroLevel * rows
        if base == 0 {
            let eighths = max(1, Int((level * rows * 8).rounded()))
            for row in 0..<plot.height {
                let filled = min(8, eighths - row * 8)
                guard filled > 0 else { break }
                buffer.write(String(repeating: glyphs.columnEighths[filled - 1], count: width), x: x,
                             y: plot.maxY - 1 - row, style: style)
            }
            return
        }
        let (from, to) = (min(base, level * rows), max(base, level * rows))
        var drawn = false
        for row in 0..<plot.height where Double(row) + 0.5 >= from && Double(row) + 0.5 <= to {
            buffer.write(String(repeating: glyphs.columnEighths[7], count: width), x: x, y: plot.maxY - 1 - row, style: style)
            drawn = true
        }
        if !drawn {
            let row = min(plot.height - 1, max(0, Int(value > 0 ? base : base - 1)))
            buffer.write(String(repeating: glyphs.columnEighths[7], count: width), x: x, y: plot.maxY - 1 - row, style: style)
        }
    }

    /// The row under the columns: the first day on the left, the last on the right, and the
    /// notes between them (each in its longest form that fits; dates give way first).
    private mutating func axisLine(first: String?, last: String?, notes: [[String]], in rect: Rect) {
        let muted = sheet.style(.muted)
        let gap = 2
        func width(_ parts: [String]) -> Int {
            parts.reduce(0) { $0 + TextWidth.columns($1) } + max(0, parts.count - 1) * gap
        }
        func fits(_ left: String?, _ shown: [String], _ right: String?) -> Bool {
            width([left].compactMap { $0 } + shown + [right].compactMap { $0 }) <= rect.width
        }
        let long = notes.map { $0[0] }, short = notes.map { $0[$0.count - 1] }
        var chosen: (left: String?, notes: [String], right: String?) = (nil, short, nil)
        if let choice = [(first, long, last), (first, short, last), (first, short, nil), (nil, short, nil)]
            .first(where: { fits($0.0, $0.1, $0.2) }) {
            chosen = choice
        } else {
            while !chosen.notes.isEmpty, !fits(nil, chosen.notes, nil) { chosen.notes.removeLast() }
        }
        var x = rect.x
        if let left = chosen.left { x += text(left, x: x, y: rect.y, style: muted, clip: rect) + gap }
        let notesText = chosen.notes.joined(separator: String(repeating: " ", count: gap))
        let rightWidth = chosen.right.map { TextWidth.columns($0) } ?? 0
        let room = rect.maxX - x - (rightWidth > 0 ? rightWidth + gap : 0)
        let notesX = x + max(0, (room - TextWidth.columns(notesText)) / 2)
        text(notesText, x: notesX, y: rect.y, style: muted, clip: rect)
        if let right = chosen.right {
            field(right, x: rect.maxX - rightWidth, y: rect.y, width: rightWidth, style: muted)
        }
    }
}
