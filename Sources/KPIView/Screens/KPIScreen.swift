import KPIEngine
import KPIReport

/// One KPI in depth: its value on every platform (value, change with its cue, which platforms
/// the `all` value comes from, stale platforms flagged; where the room allows the earlier
/// value, the difference and each platform's share of the total; bars to compare) and the
/// daily chart of the selected platform, under the table or, from ``sideBySideWidth``
/// columns, beside it. Where the benchmarks file has the KPI, each platform's standing against
/// its benchmark is a column, and the selected platform's reference value and its source a
/// line under the table; a traffic KPI also says what the site had from other sources.
enum KPIScreen {
    static let sideBySideWidth = 160
    /// Bars keep at least this many columns before the table adds its optional columns.
    static let minimumBar = 12

    static func draw(_ state: UIState, kpi: KPI, now: Int64, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let choices = state.platformChoices
        let selected = min(state.page.row, choices.count - 1)
        let platform = choices[selected]
        let notes = notes(state, kpi: kpi, platform: platform, sheet: sheet)
        let listRect, chartRect: Rect
        if rect.width >= sideBySideWidth {
            (listRect, chartRect) = rect.splitLeft(rect.width / 2)
        } else {
            (listRect, chartRect) = rect.splitTop(min(choices.count + 3 + notes.count, max(4, rect.height / 2)))
        }
        let focused = state.overlay == nil
        let boxInner = canvas.box(listRect, titles: ["\(kpi.title) by platform", KPILabel.short(kpi)], focused: focused)
        // The notes take the last rows while the table keeps its header and a row.
        let noteRows = min(notes.count, max(0, boxInner.height - 2))
        let (listInner, notesRect) = boxInner.splitBottom(noteRows)
        let (columns, rows) = table(state, kpi: kpi, now: now, sheet: sheet, width: listInner.width - Canvas.markerWidth)
        canvas.table(listInner, columns: columns, rows: rows, selected: selected, area: 0, focused: focused)
        for (index, forms) in notes.prefix(noteRows).enumerated() {
            let line = notesRect.row(index)
            let room = line.width - Canvas.markerWidth
            guard let form = forms.first(where: { TextSpan.columns($0) <= room }) ?? forms.last else { continue }
            canvas.spans(form, x: line.x + Canvas.markerWidth, y: line.y, width: room)
        }

        let chartInner = canvas.box(chartRect, titles: KPIChart.titles(kpi: kpi, platform: platform))
        canvas.chart(KPIChart.series(state, kpi: kpi, platform: platform, ascii: sheet.options.asciiOnly), in: chartInner)
    }

    /// The lines under the table, each in forms longest first: the selected platform's
    /// benchmark (`benchmark for instagram: 0.60% (Rival IQ 2025): above ✓`), and for a traffic
    /// KPI on `all` the site's sessions from other sources (`not social: 2,968 sessions · ...`).
    static func notes(_ state: UIState, kpi: KPI, platform: String, sheet: StyleSheet) -> [[[TextSpan]]] {
        var notes: [[[TextSpan]]] = []
        if let benchmark = BenchmarkText.referenceForms(state.snapshot, kpi, platform: platform, sheet: sheet) {
            notes.append(benchmark)
        }
        if kpi.family == .traffic, platform == KPISnapshot.allPlatforms,
           let notSocial = NotSocialText.forms(state.snapshot, ascii: sheet.options.asciiOnly) {
            notes.append(notSocial.map { [TextSpan($0, sheet.style(.muted))] })
        }
        return notes
    }

    /// The columns and rows of the platform table for `width` columns.
    static func table(_ state: UIState, kpi: KPI, now: Int64, sheet: StyleSheet, width: Int)
        -> ([TableColumn], [[TableCell]]) {
        let ascii = sheet.options.asciiOnly
        let snapshot = state.snapshot
        let choices = state.platformChoices
        let freshness = state.freshness(now: now)
        let values = choices.map { snapshot?.value(kpi, platform: $0) ?? KPIValue(value: nil, previous: nil) }
        let total = snapshot?.value(kpi).value
        // Bars compare platforms with each other; the `all` row is their total and has none.
        let scale = zip(choices, values).filter { $0.0 != KPISnapshot.allPlatforms }
            .compactMap { $0.1.value.map(abs) }.filter(\.isFinite).max() ?? 0

        let names: [[TextSpan]] = choices.map { platform in
            let isAll = platform == KPISnapshot.allPlatforms
            var spans = [TextSpan(platform, sheet.style(.text, bold: isAll))]
            if freshness.isStale(platform) { spans.append(TextSpan(" stale", sheet.style(.warning, bold: true))) }
            return spans
        }
        let valueSpans = zip(choices, values).map { platform, value in
            ValueText.span(kpi, value, currency: snapshot?.currencies[platform], sheet: sheet)
        }
        let changes = values.map { ChangeText.spans(kpi, $0, sheet: sheet) }
        let coverage = choices.map { CoverageText.forms(snapshot, kpi, platform: $0) }
        let previous = zip(choices, values).map { platform, value in
            ValueFormat.format(value.previousGap == nil ? value.previous : nil, unit: kpi.unit, ascii: ascii,
                               currency: snapshot?.currencies[platform])
        }
        let differences = zip(choices, values).map { platform, value in
            KPIList.difference(kpi, value, currency: snapshot?.currencies[platform], sheet: sheet)
        }
        let shares: [String] = zip(choices, values).map { platform, value in
            guard kpi.kind == .sum, platform != KPISnapshot.allPlatforms, let v = value.value, let total, total > 0
            else { return "" }
            return ValueFormat.percent(v / total)
        }

        func joined(_ spans: [TextSpan]) -> String { spans.map(\.text).joined() }
        var columns = [
            TableColumn.fitted("platform", cells: names.map(joined)),
            TableColumn.fitted("value", cells: valueSpans.map(\.text), alignment: .right),
            TableColumn.fitted(ComparisonTitles.change(snapshot), cells: changes.map(joined), minimum: 7, alignment: .right),
        ]
        var cells: [[TableCell]] = choices.indices.map { index in
            [.spans(names[index]), .spans([valueSpans[index]]), .spans(changes[index])]
        }
        func used() -> Int { columns.reduce(0) { $0 + $1.width + 1 } }
        /// Adds the column (as wide as its full title when there is room) if the bars keep theirs.
        func add(_ column: TableColumn, _ columnCells: [TableCell]) -> Bool {
            var roomy = column
            roomy.width = max(column.width, TextWidth.columns(column.title))
            guard let chosen = [roomy, column].first(where: { used() + $0.width + 1 + minimumBar <= width }) else {
                return false
            }
            columns.append(chosen)
            for index in cells.indices { cells[index].append(columnCells[index]) }
            return true
        }
        if coverage.contains(where: { $0 != nil }) {
            for form in 0..<3 {
                let texts = coverage.map { $0?[form] ?? "" }
                if add(.fitted(form == 0 ? "platforms" : "from", cells: texts),
                       texts.map { .text($0, sheet.style(.warning)) }) { break }
            }
        }
        let benchmarks = zip(choices, values).map { platform, value in
            (snapshot?.benchmark(kpi, platform: platform)).map { benchmark in
                [TextSpan(ValueFormat.format(benchmark.value, unit: kpi.unit, ascii: ascii,
                                             currency: snapshot?.currencies[platform]) + " ", sheet.style(.muted))]
                    + BenchmarkText.spans(benchmark, value: value, sheet: sheet, short: true)
            } ?? []
        }
        if benchmarks.contains(where: { !$0.isEmpty }) {
            _ = add(.fitted("benchmark", shorterTitles: ["bench"], cells: benchmarks.map(joined), alignment: .right),
                    benchmarks.map { .spans($0) })
        }
        let earlierTitles = ComparisonTitles.earlier(snapshot)
        _ = add(.fitted(earlierTitles[0], shorterTitles: Array(earlierTitles.dropFirst()), cells: previous, alignment: .right),
                previous.map { .text($0, sheet.style(.muted)) })
        if differences.contains(where: { !$0.text.isEmpty }) {
            _ = add(.fitted("difference", shorterTitles: ["diff"], cells: differences.map(\.text), alignment: .right),
                    differences.map { .spans([$0]) })
        }
        if shares.contains(where: { !$0.isEmpty }) {
            _ = add(.fitted("share", cells: shares, alignment: .right), shares.map { .text($0, sheet.style(.muted)) })
        }
        columns.append(TableColumn(title: "", width: 0))
        for index in cells.indices {
            let isAll = choices[index] == KPISnapshot.allPlatforms
            let fraction = isAll || scale == 0 ? 0 : abs(values[index].value ?? 0) / scale
            cells[index].append(.bar(fraction, sheet.style(.accent)))
        }
        return (columns, cells)
    }
}
