import KPIEngine

/// Each platform with how fresh its data is (metrics and tickets apart; a stale platform's age
/// is in the warning colour and says so), its headline numbers in its own currency (more of
/// them on wide screens) and a sparkline of its daily interactions.
enum PlatformTable {
    static let headlines: [KPI] = [.impressions, .interactions, .engagementRate, .conversions, .revenue, .spend,
                                   .reach, .clicks, .ctr, .leads, .inquiries]
    /// The sparkline keeps at least this many cells before more headlines are added (room for
    /// its title, `interactions, 3d/cell`).
    static let minimumSparkline = 21

    /// `now` (ms since the epoch) dates the newest data of each platform.
    static func draw(_ state: UIState, now: Int64, on canvas: inout Canvas, in rect: Rect, selected: Int?, area: Int,
                     focused: Bool) {
        let sheet = canvas.sheet
        guard let snapshot = state.snapshot else {
            canvas.field("waiting for data", x: rect.x + Canvas.markerWidth, y: rect.y, width: rect.width,
                         style: sheet.style(.muted))
            return
        }
        let width = rect.width - Canvas.markerWidth
        let platforms = state.platforms
        let freshness = state.freshness(now: now)
        let metrics = platforms.map { newestMetrics($0, freshness, sheet) }
        // The newest rows' ages under their full titles when the screen is wide enough.
        let roomy = width >= 100
        var columns = [
            TableColumn.fitted("platform", cells: platforms),
            TableColumn.fitted("newest metrics", shorterTitles: ["metrics"], cells: metrics.map(\.text),
                               minimum: roomy ? 14 : 1),
        ]
        var rows: [[TableCell]] = platforms.indices.map { index in
            [.text(platforms[index], sheet.style(.text, bold: true)), .spans([metrics[index]])]
        }
        func used() -> Int { columns.reduce(0) { $0 + $1.width + 1 } }
        if !snapshot.newestInquiry.isEmpty {
            let tickets = platforms.map { platform in
                snapshot.newestInquiry[platform].map { AgeFormat.text(milliseconds: max(0, now - $0)) }
                    ?? ValueFormat.missing(ascii: sheet.options.asciiOnly)
            }
            columns.append(.fitted("newest ticket", shorterTitles: ["tickets"], cells: tickets, minimum: roomy ? 13 : 1))
            for index in rows.indices { rows[index].append(.text(tickets[index], sheet.style(.muted))) }
        }
        for kpi in headlines {
            let spans = platforms.map { platform in
                ValueText.span(kpi, snapshot.value(kpi, platform: platform), currency: snapshot.currencies[platform],
                               sheet: sheet, bold: false)
            }
            let column = TableColumn.fitted(kpi.title, shorterTitles: [KPILabel.short(kpi)], cells: spans.map(\.text),
                                            alignment: .right)
            guard used() + column.width + 1 + minimumSparkline <= width else { break }
            columns.append(column)
            for index in rows.indices { rows[index].append(.spans([spans[index]])) }
        }
        let sparkWidth = width - used()
        if sparkWidth >= 4 {
            let days = snapshot.window.days
            let grouping = DayGrouping(days: days, slots: sparkWidth)
            let words = grouping.words(per: "cell", short: "cell")
            let titles = words.map { grouping.isGrouped ? "interactions, " + $0 : "interactions " + $0 }
            columns.append(TableColumn(title: titles[0], width: sparkWidth, shorterTitles: Array(titles.dropFirst()) + words))
            for index in rows.indices {
                rows[index].append(.sparkline(snapshot.value(.interactions, platform: platforms[index]).daily,
                                              KPIScale.mode(.interactions, zoomed: state.chartsZoomed)))
            }
        }
        canvas.table(rect, columns: columns, rows: rows, selected: selected, area: area, focused: focused)
    }

    /// `3m ago`; `stale 3d ago` in the warning colour; a dash without any dated metrics.
    private static func newestMetrics(_ platform: String, _ freshness: DataFreshness, _ sheet: StyleSheet) -> TextSpan {
        guard let age = freshness.age(of: platform) else {
            return TextSpan(ValueFormat.missing(ascii: sheet.options.asciiOnly), sheet.style(.muted))
        }
        let text = AgeFormat.text(milliseconds: age)
        return freshness.isStale(platform)
            ? TextSpan("stale " + text, sheet.style(.warning, bold: true))
            : TextSpan(text, sheet.style(.muted))
    }
}
