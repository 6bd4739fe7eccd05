import KPIEngine

/// Each platform with its headline numbers, as the overview lists them.
enum PlatformTable {
    static let headlines: [KPI] = [.impressions, .interactions, .engagementRate, .conversions, .spend, .revenue]

    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect, selected: Int?, area: Int,
                     focused: Bool) {
        let sheet = canvas.sheet
        guard state.snapshot != nil else {
            canvas.field("waiting for data", x: rect.x + Canvas.markerWidth, y: rect.y, width: rect.width,
                         style: sheet.style(.muted))
            return
        }
        let ascii = sheet.options.asciiOnly
        let columns = [TableColumn(title: "platform", width: 12)]
            + headlines.map { TableColumn(title: $0.title, width: max(9, $0.title.count), alignment: .right) }
            + [TableColumn(title: "interactions daily", width: 0)]
        let rows: [[TableCell]] = state.platforms.map { platform in
            var row: [TableCell] = [.text(platform, sheet.style(.text, bold: true))]
            for kpi in headlines {
                let value = state.snapshot?.value(kpi, platform: platform).value
                row.append(.text(ValueFormat.format(value, unit: kpi.unit, ascii: ascii),
                                 sheet.style(value == nil ? .muted : .text)))
            }
            row.append(.sparkline(state.snapshot?.value(.interactions, platform: platform).daily ?? []))
            return row
        }
        canvas.table(rect, columns: columns, rows: rows, selected: selected, area: area, focused: focused)
    }
}
