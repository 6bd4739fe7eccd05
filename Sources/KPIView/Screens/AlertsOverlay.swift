import KPIEngine
import KPIReport

/// Every alert rule of the config file (`a`): breached ones first, each with its value over
/// the window and its limit; Enter opens the alert's KPI.
enum AlertsOverlay {
    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let ascii = sheet.options.asciiOnly
        let alerts = state.alertsList
        let box = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: min(rect.height - 2, alerts.count + 4))
        let title = alerts.isEmpty ? "Alerts" : "Alerts: " + AlertLine.count(alerts)
        let inner = canvas.box(box, title: title, focused: true)
        guard !alerts.isEmpty else {
            let text = "No alerts are set. Add [[alert]] tables to the config file (docs/CONFIG.md); kpitop config lists them."
            for (index, line) in Paragraph.lines(text, width: max(1, inner.width - 2)).enumerated() {
                canvas.field(line, x: inner.x + 1, y: inner.y + index, width: inner.width - 2, style: sheet.style(.muted))
            }
            return
        }
        let columns = [
            TableColumn(title: "state", width: 8),
            TableColumn(title: "alert", width: 0),
            TableColumn(title: "platform", width: 10),
            TableColumn(title: "value", width: 10, alignment: .right),
            TableColumn(title: "limit", width: 14),
        ]
        let rows: [[TableCell]] = alerts.map { alert in
            let rule = alert.rule
            return [
                .text(alert.breached ? "BREACHED" : "ok", sheet.style(alert.breached ? .bad : .good, bold: alert.breached)),
                .text(rule.name, sheet.style(.text, bold: alert.breached)),
                .text(rule.platform, sheet.style(.muted)),
                .text(ValueFormat.format(alert.value, unit: rule.kpi.unit, ascii: ascii,
                                         currency: state.snapshot?.currencies[rule.platform]),
                      sheet.style(alert.breached ? .bad : .text)),
                .text(AlertLine.bound(rule), sheet.style(.muted)),
            ]
        }
        let before = canvas.hits.count
        canvas.table(inner, columns: columns, rows: rows, selected: state.overlayRow, area: 0, focused: true)
        // The table's rows are the overlay's rows.
        for index in before..<canvas.hits.count {
            if case .row(_, let row) = canvas.hits[index].target { canvas.hits[index].target = .overlayRow(row) }
        }
    }
}
