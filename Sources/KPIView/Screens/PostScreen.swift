import KPIEngine
import KPIReport

/// One post or campaign (Enter on a post): its full title, its first day and days with data,
/// its publish time, type and link when the data says them, every metric over the window and over all its days with its engagement rate and CTR, and
/// the daily series of the selected metric.
enum PostScreen {
    static func draw(_ state: UIState, post: PostReference, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        guard let snapshot = state.snapshot, let detail = snapshot.postDetail, detail.post == post else {
            let waiting = state.answeredChoice != state.viewChoice
            let text = waiting ? "loading the post…" : "This post has no rows in the data any more."
            let inner = canvas.box(rect, title: "Post \(post.id)")
            canvas.field(text, x: inner.x + 1, y: inner.y, width: inner.width - 2, style: sheet.style(.muted))
            return
        }
        let title = detail.title ?? post.id
        let facts = facts(detail, snapshot: snapshot)
        let titleLines = WordWrap.lines(title, width: max(1, rect.width - 4))
        let headHeight = min(titleLines.count + facts.count + 2, max(3, rect.height / 3))
        let (head, body) = rect.splitTop(headHeight)
        let headInner = canvas.box(head, title: "\(post.platform) post")
        var y = headInner.y
        // The title gets the rows the first two facts leave (at least one; the link is the first
        // to go when rows are short); a longer one ends in an ellipsis.
        let titleRows = max(1, min(titleLines.count, headInner.height - min(facts.count, 2)))
        for (index, line) in titleLines.prefix(titleRows).enumerated() {
            let cut = index == titleRows - 1 && titleLines.count > titleRows
            canvas.field(cut ? line + sheet.glyphs.ellipsis : line, x: headInner.x + 1, y: y,
                         width: headInner.width - 2, style: sheet.style(.text, bold: true))
            y += 1
        }
        for fact in facts where y < headInner.maxY {
            canvas.field(fact, x: headInner.x + 1, y: y, width: headInner.width - 2, style: sheet.style(.muted))
            y += 1
        }

        let rows = PostMetricRows.rows(for: detail)
        let selected = min(state.page.row, max(0, rows.count - 1))
        let tableRect, chartRect: Rect
        if body.width >= 100 {
            (tableRect, chartRect) = body.splitLeft(min(56, body.width / 2))
        } else {
            (tableRect, chartRect) = body.splitTop(max(3, body.height / 2))
        }
        let focused = state.overlay == nil
        let tableInner = canvas.box(tableRect, title: "Metrics", focused: focused)
        let ascii = sheet.options.asciiOnly
        let currency = snapshot.currencies[post.platform]
        let columns = [
            TableColumn(title: "metric", width: 0),
            TableColumn(title: "window", width: 12, alignment: .right),
            TableColumn(title: "all days", width: 12, alignment: .right),
        ]
        let cells: [[TableCell]] = rows.map { row in
            [.text(row.title, sheet.style(.text)),
             .text(ValueFormat.format(row.window, unit: row.unit, ascii: ascii, currency: currency),
                   sheet.style(row.window == nil ? .muted : .text, bold: true)),
             .text(ValueFormat.format(row.lifetime, unit: row.unit, ascii: ascii, currency: currency),
                   sheet.style(row.lifetime == nil ? .muted : .text))]
        }
        canvas.table(tableInner, columns: columns, rows: cells, selected: selected, area: 0, focused: focused)

        guard rows.indices.contains(selected), !chartRect.isEmpty else { return }
        let row = rows[selected]
        let chartInner = canvas.box(chartRect, title: "\(row.title) daily")
        let series = ChartSeries(values: PostMetricRows.daily(row, of: detail, over: snapshot.window),
                                 days: snapshot.window.allDays, unit: row.unit, currency: currency,
                                 mode: state.chartsZoomed ? .fitted : .fromZero, zoomed: state.chartsZoomed)
        canvas.chart(series, in: chartInner)
    }

    /// The lines under the title: where the post comes from and what the data says about it.
    static func facts(_ detail: PostDetail, snapshot: KPISnapshot) -> [String] {
        var lines: [String] = []
        let inWindow = detail.days.filter { snapshot.window.contains($0.day) }.count
        var first = "first day \(detail.firstDay?.description ?? "unknown")"
        if let last = detail.days.last?.day, last != detail.firstDay { first += ", last \(last)" }
        lines.append(first + " · \(detail.days.count) day\(detail.days.count == 1 ? "" : "s") with data, \(inWindow) in the window")
        var about: [String] = []
        if let published = detail.published {
            about.append("published \(published.day) \(ClockTime.text(millisecondOfDay: published.millisecondOfDay))")
        }
        if let type = detail.type { about.append("type " + Sanitized.line(type)) }
        about.append("id " + Sanitized.line(detail.post.id))
        if detail.published == nil, detail.type == nil, detail.permalink == nil {
            about.append("publish time, type and link are not in the data")
        }
        lines.append(about.joined(separator: " · "))
        if let link = detail.permalink { lines.append(Sanitized.line(link)) }
        return lines
    }
}
