import KPIEngine

/// Each platform with how fresh its data is and its headline numbers, as the overview lists
/// them; a stale platform's age is in the warning colour and says so.
enum PlatformTable {
    static let headlines: [KPI] = [.impressions, .interactions, .engagementRate, .conversions, .spend, .revenue]

    /// `now` (ms since the epoch) dates the newest data of each platform.
    static func draw(_ state: UIState, now: Int64, on canvas: inout Canvas, in rect: Rect, selected: Int?, area: Int,
                     focused: Bool) {
        let sheet = canvas.sheet
        guard state.snapshot != nil else {
            canvas.field("waiting for data", x: rect.x + Canvas.markerWidth, y: rect.y, width: rect.width,
                         style: sheet.style(.muted))
            return
        }
        let ascii = sheet.options.asciiOnly
        let freshness = state.freshness(now: now)
        let columns = [TableColumn(title: "platform", width: 12), TableColumn(title: "newest", width: 13)]
            + headlines.map { TableColumn(title: $0.title, width: max(9, $0.title.count), alignment: .right) }
            + [TableColumn(title: "interactions daily", width: 0)]
        let rows: [[TableCell]] = state.platforms.map { platform in
            var row: [TableCell] = [.text(platform, sheet.style(.text, bold: true)), newest(platform, freshness, sheet)]
            for kpi in headlines {
                let value = state.snapshot?.value(kpi, platform: platform).value
                row.append(.text(ValueFormat.format(value, unit: kpi.unit, ascii: ascii,
                                                    currency: state.snapshot?.currencies[platform]),
                                 sheet.style(value == nil ? .muted : .text)))
            }
            row.append(.sparkline(state.snapshot?.value(.interactions, platform: platform).daily ?? []))
            return row
        }
        canvas.table(rect, columns: columns, rows: rows, selected: selected, area: area, focused: focused)
    }

    /// `3m ago`; `stale 3d ago` in the warning colour; a dash without any dated data.
    private static func newest(_ platform: String, _ freshness: DataFreshness, _ sheet: StyleSheet) -> TableCell {
        guard let age = freshness.age(of: platform) else {
            return .text(ValueFormat.missing(ascii: sheet.options.asciiOnly), sheet.style(.muted))
        }
        let text = AgeFormat.text(milliseconds: age)
        return freshness.isStale(platform)
            ? .text("stale " + text, sheet.style(.warning, bold: true))
            : .text(text, sheet.style(.muted))
    }
}
