import KPIEngine

/// A KPI's value as a cell: in its unit and the data's currency, bold; a dash in the muted
/// colour when undefined; `mixed` in the warning colour when the engine refused to add up
/// different currencies (the full reason is in the selection line and the KPI's page).
enum ValueText {
    static func span(_ kpi: KPI, _ value: KPIValue, currency: Currency?, sheet: StyleSheet, alert: Bool = false,
                     bold: Bool = true) -> TextSpan {
        if value.unavailable != nil { return TextSpan("mixed", sheet.style(.warning, bold: bold)) }
        let text = ValueFormat.format(value.value, unit: kpi.unit, ascii: sheet.options.asciiOnly, currency: currency)
        if alert { return TextSpan(text, sheet.style(.bad, bold: bold)) }
        return TextSpan(text, sheet.style(value.value == nil ? .muted : .text, bold: bold))
    }
}
