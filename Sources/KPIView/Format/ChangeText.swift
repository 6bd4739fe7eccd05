import KPIEngine

/// A KPI's change against the window it is compared with, as a cell: the engine's words
/// (`▲ 12.3%` for sums, `▼ 0.4 pp` for rates, `▼ 0.05` for the sentiment index, `new` or
/// `no earlier data` without a baseline) in the colour of its tone, followed by a cue that
/// needs no colour: `✓` when the change is good news, `✗` when it is bad (ASCII `+` and `!`),
/// nothing when it is neither.
enum ChangeText {
    /// The words and the cue; `short` says `no earlier` for `no earlier data`.
    static func spans(_ kpi: KPI, _ value: KPIValue, sheet: StyleSheet, short: Bool = false) -> [TextSpan] {
        if let unavailable = value.unavailable {
            return [TextSpan(currencies(in: unavailable) ?? "", sheet.style(.muted))]
        }
        let ascii = sheet.options.asciiOnly
        var words = ChangeFormat.text(kpi, value, ascii: ascii)
        // A change too small to show (`= 0.0%`) is neither good nor bad news.
        let tone = words.hasPrefix("=") ? .neutral
            : ChangeTone(change: value.change(for: kpi), lowerIsBetter: kpi.lowerIsBetter)
        if short, value.previousGap == .noEarlierData { words = "no earlier" }
        let style = sheet.style(for: tone)
        switch tone {
        case .good: return [TextSpan(words + " ", style), TextSpan(sheet.glyphs.better, style)]
        case .bad: return [TextSpan(words + " ", style), TextSpan(sheet.glyphs.worse, style)]
        case .neutral: return [TextSpan(words, style)]
        }
    }

    /// The codes of a refusal over mixed currencies (`EUR, USD`), nil for another reason.
    static func currencies(in unavailable: String) -> String? {
        let prefix = "mixed currencies: "
        return unavailable.hasPrefix(prefix) ? String(unavailable.dropFirst(prefix.count)) : nil
    }
}

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

extension TextSpan {
    /// The columns of spans side by side.
    static func columns(_ spans: [TextSpan]) -> Int {
        spans.reduce(0) { $0 + TextWidth.columns($1.text) }
    }
}
