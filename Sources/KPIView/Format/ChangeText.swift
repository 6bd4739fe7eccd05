import KPIEngine
import KPIReport

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
