import KPIEngine
import KPIReport

/// A table of KPIs, as the overview panels and the platform drill-down show them: title (and
/// `◎` when it has a goal), value, change against the earlier window with its good/bad cue,
/// which platforms an `all` value comes from when it leaves some out (`from 2 of 6`), and a
/// sparkline of the daily values; wide screens add the earlier value, the target and the
/// difference. Columns are as wide as what they hold; on narrow screens the longer forms give
/// way to shorter ones (`Eng. rate`, `2/6`) before anything is cut. A KPI with a breached alert
/// for this platform is marked `!` and drawn in the theme's `bad` colour. A KPI with a
/// benchmark for this platform says where it stands against it (`above ✓`, `▼✗`).
struct KPIList {
    var kpis: [KPI]
    var platform: String
    var snapshot: KPISnapshot?
    /// The `y` zoom: sparklines fitted to their data instead of starting at 0.
    var zoomed = false

    /// A sparkline never gets fewer cells than this.
    static let minimumSparkline = 8

    /// What each row shows, in every form a column can take.
    struct Row {
        var kpi: KPI
        var title: [TextSpan]
        var shortTitle: [TextSpan]
        var value: TextSpan
        var change: [TextSpan]
        var shortChange: [TextSpan]
        /// Against the benchmark: `above ✓`, and `▲✓`; empty without one.
        var benchmark: [TextSpan]
        var shortBenchmark: [TextSpan]
        /// `from 2 of 6`, `2 of 6`, `2/6`; nil when the value leaves no platform out.
        var coverage: [String]?
        var previous: TextSpan
        var difference: TextSpan
        var target: TextSpan
        var daily: [Double?]
    }

    /// Which forms and columns a layout uses.
    struct Layout: Equatable {
        var fullTitles = false
        var fullChanges = false
        /// The benchmark column, when some row has a benchmark, and its long form.
        var benchmarks = false
        var fullBenchmarks = false
        /// Index into ``Row/coverage``'s forms; nil without the column.
        var coverageForm: Int?
        var sparkline = 0
        var previous = false
        var target = false
        var difference = false
    }

    func rows(sheet: StyleSheet) -> [Row] {
        let ascii = sheet.options.asciiOnly
        let alerted = Set(snapshot?.breachedAlerts.filter { $0.rule.platform == platform }.map(\.rule.kpi) ?? [])
        let currency = snapshot?.currencies[platform]
        return kpis.map { kpi in
            let value = snapshot?.value(kpi, platform: platform) ?? KPIValue(value: nil, previous: nil)
            let isAlert = alerted.contains(kpi)
            let marker = goalMarker(for: kpi, sheet: sheet)
            func title(_ text: String) -> [TextSpan] {
                isAlert ? [TextSpan("! " + text, sheet.style(.bad, bold: true))] + marker
                    : [TextSpan(text, sheet.style(.text))] + marker
            }
            let benchmark = snapshot?.benchmark(kpi, platform: platform)
            let target = goals(on: kpi).first.map { progress in
                TextSpan(GoalLine.target(progress, ascii: ascii),
                         sheet.style(for: GoalTone(progress.status)))
            } ?? TextSpan("", sheet.base)
            return Row(kpi: kpi, title: title(kpi.title), shortTitle: title(KPILabel.short(kpi)),
                       value: ValueText.span(kpi, value, currency: currency, sheet: sheet, alert: isAlert),
                       change: ChangeText.spans(kpi, value, sheet: sheet),
                       shortChange: ChangeText.spans(kpi, value, sheet: sheet, short: true),
                       benchmark: BenchmarkText.spans(benchmark, value: value, sheet: sheet),
                       shortBenchmark: BenchmarkText.spans(benchmark, value: value, sheet: sheet, short: true),
                       coverage: CoverageText.forms(snapshot, kpi, platform: platform),
                       previous: TextSpan(ValueFormat.format(value.previousGap == nil ? value.previous : nil,
                                                             unit: kpi.unit, ascii: ascii, currency: currency),
                                          sheet.style(.muted)),
                       difference: Self.difference(kpi, value, currency: currency, sheet: sheet),
                       target: target, daily: value.unavailable == nil ? value.daily : [])
        }
    }

    /// The plain difference of a sum, money or duration against the earlier window (`+1,234`,
    /// `-$56.00`), in the change's colour; blank for KPIs whose change already is a difference.
    static func difference(_ kpi: KPI, _ value: KPIValue, currency: Currency?, sheet: StyleSheet) -> TextSpan {
        guard kpi.changeKind == .relative, value.previousGap == nil, let now = value.value, let before = value.previous
        else { return TextSpan("", sheet.base) }
        let amount = now - before
        let text = ValueFormat.format(amount, unit: kpi.unit, ascii: sheet.options.asciiOnly, currency: currency)
        let tone = ChangeTone(change: amount, lowerIsBetter: kpi.lowerIsBetter)
        return TextSpan((amount > 0 && !text.hasPrefix("-") ? "+" : "") + text, sheet.style(for: tone))
    }

    /// The steps from the narrowest layout to the richest, in the order they are taken.
    private static let upgrades: [@Sendable (inout Layout, [Row]) -> Void] = [
        { layout, _ in if layout.coverageForm != nil { layout.coverageForm = 1 } },
        { layout, _ in layout.fullTitles = true },
        { layout, _ in layout.sparkline = minimumSparkline },
        { layout, _ in layout.sparkline = 14 },
        { layout, _ in layout.fullChanges = true },
        { layout, _ in if layout.benchmarks { layout.fullBenchmarks = true } },
        { layout, _ in if layout.coverageForm != nil { layout.coverageForm = 0 } },
        { layout, _ in layout.previous = true },
        { layout, rows in if rows.contains(where: { !$0.target.text.isEmpty }) { layout.target = true } },
        { layout, rows in if rows.contains(where: { !$0.difference.text.isEmpty }) { layout.difference = true } },
    ]

    /// How many of the layout steps fit in `width` columns (after the selection marker).
    func richness(for rows: [Row], width: Int) -> Int {
        var count = 0
        while count < Self.upgrades.count, fits(layout(for: rows, richness: count + 1), rows, width: width) { count += 1 }
        return count
    }

    /// The layout with the first `richness` steps; the sparkline takes what is left of `width`.
    func layout(for rows: [Row], richness: Int, width: Int? = nil) -> Layout {
        var layout = Layout()
        if rows.contains(where: { $0.coverage != nil }) { layout.coverageForm = 2 }
        layout.benchmarks = rows.contains { !$0.benchmark.isEmpty }
        for upgrade in Self.upgrades.prefix(richness) { upgrade(&layout, rows) }
        if let width, layout.sparkline > 0 {
            layout.sparkline += width - columns(rows, layout).reduce(0) { $0 + $1.width + 1 } + 1
        }
        return layout
    }

    private func fits(_ layout: Layout, _ rows: [Row], width: Int) -> Bool {
        columns(rows, layout).reduce(0) { $0 + $1.width + 1 } - 1 <= width
    }

    /// The table's columns for `layout`, each as wide as its content (and a title that fits).
    func columns(_ rows: [Row], _ layout: Layout) -> [TableColumn] {
        func texts(_ spans: (Row) -> [TextSpan]) -> [String] { rows.map { spans($0).map(\.text).joined() } }
        var columns = [
            TableColumn.fitted("KPI", cells: texts { layout.fullTitles ? $0.title : $0.shortTitle }),
            TableColumn.fitted("value", cells: texts { [$0.value] }, alignment: .right),
            TableColumn.fitted(ComparisonTitles.change(snapshot), cells: texts { layout.fullChanges ? $0.change : $0.shortChange },
                               minimum: 7, alignment: .right),
        ]
        if layout.benchmarks {
            columns.append(.fitted("vs bench", shorterTitles: ["bench"],
                                   cells: texts { layout.fullBenchmarks ? $0.benchmark : $0.shortBenchmark }, minimum: 5))
        }
        if let form = layout.coverageForm {
            columns.append(.fitted(form == 0 ? "platforms" : "from", cells: rows.map { $0.coverage?[form] ?? "" }))
        }
        if layout.previous {
            let titles = ComparisonTitles.earlier(snapshot)
            columns.append(.fitted(titles[0], shorterTitles: Array(titles.dropFirst()), cells: texts { [$0.previous] },
                                   alignment: .right))
        }
        if layout.difference {
            columns.append(.fitted("difference", shorterTitles: ["diff"], cells: texts { [$0.difference] },
                                   alignment: .right))
        }
        if layout.target { columns.append(.fitted("target", cells: texts { [$0.target] }, alignment: .right)) }
        if layout.sparkline > 0 {
            let days = rows.map(\.daily.count).max() ?? 0
            let words = DayGrouping(days: days, slots: layout.sparkline).words(per: "cell", short: "cell")
            columns.append(TableColumn(title: words[0], width: layout.sparkline, shorterTitles: Array(words.dropFirst())))
        }
        return columns
    }

    func cells(_ row: Row, _ layout: Layout, sheet: StyleSheet) -> [TableCell] {
        var cells: [TableCell] = [
            .spans(layout.fullTitles ? row.title : row.shortTitle),
            .spans([row.value]),
            .spans(layout.fullChanges ? row.change : row.shortChange),
        ]
        if layout.benchmarks { cells.append(.spans(layout.fullBenchmarks ? row.benchmark : row.shortBenchmark)) }
        if let form = layout.coverageForm {
            cells.append(.text(row.coverage?[form] ?? "", sheet.style(.muted)))
        }
        if layout.previous { cells.append(.spans([row.previous])) }
        if layout.difference { cells.append(.spans([row.difference])) }
        if layout.target { cells.append(.spans([row.target])) }
        if layout.sparkline > 0 { cells.append(.sparkline(row.daily, KPIScale.mode(row.kpi, zoomed: zoomed))) }
        return cells
    }

    /// Draws the list in `rect`, as rich as `richness` steps (see ``richness(for:width:)``; lists
    /// side by side pass the same, and the same `sparkline` width, so their columns match) or
    /// as fits.
    func draw(on canvas: inout Canvas, in rect: Rect, selected: Int?, area: Int, focused: Bool, richness: Int? = nil,
              sparkline: Int? = nil) {
        let rows = rows(sheet: canvas.sheet)
        let width = rect.width - Canvas.markerWidth
        var layout = layout(for: rows, richness: richness ?? self.richness(for: rows, width: width), width: width)
        if let sparkline, layout.sparkline > 0 { layout.sparkline = min(layout.sparkline, sparkline) }
        canvas.table(rect, columns: columns(rows, layout), rows: rows.map { cells($0, layout, sheet: canvas.sheet) },
                     selected: selected, area: area, focused: focused)
    }
}
