import KPIEngine
import KPIReport

/// One KPI in depth: its value on every platform (bars, values, changes) and the daily
/// series of the selected platform as a large chart.
enum KPIScreen {
    static func draw(_ state: UIState, kpi: KPI, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let ascii = sheet.options.asciiOnly
        let choices = state.platformChoices
        let selected = min(state.page.row, choices.count - 1)
        let values = choices.map { state.snapshot?.value(kpi, platform: $0) ?? KPIValue(value: nil, previous: nil) }
        // Bars compare platforms with each other; the `all` row is their total and has none.
        let scale = zip(choices, values).filter { $0.0 != KPISnapshot.allPlatforms }
            .compactMap { $0.1.value.map(abs) }.filter(\.isFinite).max() ?? 0

        let listHeight = min(choices.count + 3, max(4, rect.height / 2))
        let (listRect, chartRect) = rect.splitTop(listHeight)
        let focused = state.overlay == nil
        let listInner = canvas.box(listRect, title: "\(kpi.title) by platform", focused: focused)
        let columns = [
            TableColumn(title: "platform", width: 12),
            TableColumn(title: "value", width: 9, alignment: .right),
            TableColumn(title: "vs prev", width: 9, alignment: .right),
            TableColumn(title: "", width: 0),
        ]
        let rows: [[TableCell]] = zip(choices, values).map { platform, value in
            let tone = ChangeTone(change: value.change(for: kpi), lowerIsBetter: kpi.lowerIsBetter)
            let fraction = platform == KPISnapshot.allPlatforms || scale == 0 ? 0 : abs(value.value ?? 0) / scale
            return [
                .text(platform, sheet.style(.text, bold: platform == KPISnapshot.allPlatforms)),
                .text(ValueFormat.format(value.value, unit: kpi.unit, ascii: ascii, currency: state.snapshot?.currencies[platform]),
                      sheet.style(value.value == nil ? .muted : .text, bold: true)),
                .text(ChangeFormat.text(kpi, value, ascii: ascii), sheet.style(for: tone)),
                .bar(fraction, sheet.style(.accent)),
            ]
        }
        canvas.table(listInner, columns: columns, rows: rows, selected: selected, area: 0, focused: focused)

        let platform = choices[selected]
        let direction = kpi.lowerIsBetter ? "lower is better" : "higher is better"
        let chartInner = canvas.box(chartRect, title: "\(kpi.title) daily for \(platform) (\(direction))")
        canvas.chart(values[selected].daily, unit: kpi.unit, days: state.snapshot?.window.allDays ?? [], in: chartInner)
    }
}
