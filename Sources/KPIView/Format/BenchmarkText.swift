import KPIEngine
import KPIReport

/// Where a KPI stands against its benchmark (`benchmarks.toml`), as a cell: `above ✓` when
/// that is good news for the KPI, `below ✗` when it is bad (for costs and times below is the
/// good side), `at` on the benchmark, in the colour of the news; the short form is an arrow and
/// the cue (`▲✓`, `▼✗`; ASCII `^+`, `v!`). Empty without a benchmark, a dash without a value.
enum BenchmarkText {
    static func spans(_ benchmark: Benchmark?, value: KPIValue, sheet: StyleSheet, short: Bool = false) -> [TextSpan] {
        guard let benchmark else { return [] }
        let ascii = sheet.options.asciiOnly
        guard value.unavailable == nil, let standing = benchmark.standing(of: value.value) else {
            return [TextSpan(ValueFormat.missing(ascii: ascii), sheet.style(.muted))]
        }
        let tone: ChangeTone = switch standing.isGood(for: benchmark.kpi) {
        case true?: .good
        case false?: .bad
        case nil: .neutral
        }
        let style = sheet.style(for: tone)
        let cue = tone == .good ? sheet.glyphs.better : tone == .bad ? sheet.glyphs.worse : ""
        let words: String = switch standing {
        case .above: short ? (ascii ? "^" : "▲") : "above "
        case .below: short ? (ascii ? "v" : "▼") : "below "
        case .equal: short ? "=" : "at"
        }
        return [TextSpan(words, style), TextSpan(cue, style)].filter { !$0.text.isEmpty }
    }

    /// `benchmark 0.60% (Rival IQ 2025): above ✓`, then shorter forms, for the KPI page's
    /// line under its table; nil without a benchmark for `platform`.
    static func referenceForms(_ snapshot: KPISnapshot?, _ kpi: KPI, platform: String,
                               sheet: StyleSheet) -> [[TextSpan]]? {
        guard let snapshot, let benchmark = snapshot.benchmark(kpi, platform: platform) else { return nil }
        let ascii = sheet.options.asciiOnly
        let currency = snapshot.currencies[platform]
        let standing = spans(benchmark, value: snapshot.value(kpi, platform: platform), sheet: sheet)
        let value = ValueFormat.format(benchmark.value, unit: kpi.unit, ascii: ascii, currency: currency)
        let reference = BenchmarkLine.reference(benchmark, currency: currency, ascii: ascii)
        let lead = TextSpan("benchmark for \(platform): ", sheet.style(.muted))
        let colon = TextSpan(": ", sheet.style(.muted))
        return [
            [lead, TextSpan(reference, sheet.style(.text))] + [colon] + standing,
            [TextSpan("benchmark: ", sheet.style(.muted)), TextSpan(reference, sheet.style(.text))] + [colon] + standing,
            [TextSpan("benchmark ", sheet.style(.muted)), TextSpan(value, sheet.style(.text)), TextSpan(" ", sheet.base)]
                + spans(benchmark, value: snapshot.value(kpi, platform: platform), sheet: sheet, short: true),
        ]
    }
}
