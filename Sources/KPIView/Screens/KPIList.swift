import KPIEngine
import KPIReport

/// A table of KPIs (title, a marker when it has a goal, value, change against the previous
/// window, daily sparkline), as the overview panels and the platform drill-down show them.
/// A KPI with a breached alert for this platform is marked `!` and drawn in the theme's
/// `bad` colour.
struct KPIList {
    var kpis: [KPI]
    var platform: String
    var snapshot: KPISnapshot?

    /// The columns for a table `width` wide: the title gives way first on narrow screens.
    func columns(width: Int) -> [TableColumn] {
        let titleWidth = min(20, max(8, width - Canvas.markerWidth - 22))
        return [
            TableColumn(title: "KPI", width: titleWidth),
            TableColumn(title: "", width: 1),
            TableColumn(title: "value", width: 9, alignment: .right),
            TableColumn(title: "vs prev", width: 9, alignment: .right),
            TableColumn(title: "daily", width: 0),
        ]
    }

    func rows(sheet: StyleSheet) -> [[TableCell]] {
        let ascii = sheet.options.asciiOnly
        let alerted = Set(snapshot?.breachedAlerts.filter { $0.rule.platform == platform }.map(\.rule.kpi) ?? [])
        return kpis.map { kpi in
            let value = snapshot?.value(kpi, platform: platform) ?? KPIValue(value: nil, previous: nil)
            let tone = ChangeTone(change: value.change(for: kpi), lowerIsBetter: kpi.lowerIsBetter)
            let isAlert = alerted.contains(kpi)
            return [
                .text(isAlert ? "! " + kpi.title : kpi.title, isAlert ? sheet.style(.bad, bold: true) : sheet.style(.text)),
                goalMarker(for: kpi, sheet: sheet),
                .text(ValueFormat.format(value.value, unit: kpi.unit, ascii: ascii, currency: snapshot?.currencies[platform]),
                      isAlert ? sheet.style(.bad, bold: true) : sheet.style(value.value == nil ? .muted : .text, bold: true)),
                .text(ChangeFormat.text(kpi, value, ascii: ascii), sheet.style(for: tone)),
                .sparkline(value.daily),
            ]
        }
    }

    func draw(on canvas: inout Canvas, in rect: Rect, selected: Int?, area: Int, focused: Bool) {
        canvas.table(rect, columns: columns(width: rect.width), rows: rows(sheet: canvas.sheet),
                     selected: selected, area: area, focused: focused)
    }
}
