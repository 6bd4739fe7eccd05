/// Every key, explained, and how to read the numbers, over the whole screen (`?`). Complete
/// on an 80x24 terminal; on smaller ones it scrolls (↑ ↓) and says so.
enum HelpOverlay {
    static func entries(themeName: String) -> [(keys: String, meaning: String)] {
        [
            ("↑ ↓  j k", "move the selection"),
            ("← →", "panels, else back / open"),
            ("h  l", "back / open"),
            ("Tab  Shift-Tab", "next / previous panel"),
            ("1-4  5  6", "panel; 5 list, 6 traffic"),
            ("Enter  click", "open KPI, platform, post"),
            ("Esc  Backspace", "clear filter, else back"),
            ("p  B", "choose a platform / brand"),
            ("g", "goals and their progress"),
            ("a", "alerts, breached first"),
            ("w  W", "window 1-90d, all; W: pick"),
            ("[  ]  .", "day earlier / later / last"),
            ("y  Y", "zoom; Y: vs a year ago"),
            ("/", "filter posts, rejected rows"),
            ("s  S", "sort posts / reverse order"),
            ("t", "next theme (\(themeName))"),
            ("r", "the rejected rows"),
            ("z", "pause updates / resume"),
            ("e", "save view as Markdown, CSV"),
            ("PgUp PgDn Home End", "scroll (the wheel too)"),
            ("?", "this help"),
            ("q  Ctrl-C", "quit"),
        ]
    }

    /// How to read the screen, with the glyphs it is drawn with.
    static func notes(_ glyphs: Glyphs) -> [String] {
        [
            "Changes compare with the window before (Y: a year ago): \(glyphs.better) better, \(glyphs.worse) worse.",
            "new / no earlier data: no baseline. from 2 of 6: the platforms it is from.",
            "Charts start at 0 (y zooms): an empty column is 0, \(glyphs.noData) a day without data.",
            "vs bench: above or below benchmarks.toml; \(glyphs.better) the good side, \(glyphs.worse) the bad.",
        ]
    }

    /// The help's lines for a `width` x `height` screen: the keys in one column, or in two
    /// when one is taller than the screen and two are not; then the notes, all wrapped to fit.
    static func lines(_ entries: [(keys: String, meaning: String)], width: Int, height: Int,
                      sheet: StyleSheet) -> [[TextSpan]] {
        let ascii = sheet.options.asciiOnly
        let entries = entries.map { (keys: ascii ? asciiKeys($0.keys) : $0.keys, meaning: $0.meaning) }
        let inner = boxWidth(for: width) - 4
        var notes: [[TextSpan]] = []
        for note in self.notes(sheet.glyphs) {
            notes += WordWrap.lines(note, width: inner).map { [TextSpan($0, sheet.style(.muted))] }
        }
        let single = keyLines(entries, width: inner, sheet: sheet).flatMap { $0 }
        // A blank line before the notes when there is room for it.
        func withNotes(_ keys: [[TextSpan]]) -> [[TextSpan]] {
            keys + (keys.count + notes.count + 3 <= height ? [[]] : []) + notes
        }
        guard single.count + notes.count + 3 > height else { return withNotes(single) }
        // Two columns, each with keys as wide as its own; the split that needs the fewest rows.
        let columnWidth = (inner - gap) / 2
        let halves = (1..<max(2, entries.count)).map { split in
            (keyLines(Array(entries[..<split]), width: columnWidth, sheet: sheet).flatMap { $0 },
             keyLines(Array(entries[split...]), width: columnWidth, sheet: sheet).flatMap { $0 })
        }
        guard let (left, right) = halves.min(by: { max($0.0.count, $0.1.count) < max($1.0.count, $1.1.count) })
        else { return withNotes(single) }
        let paired = (0..<max(left.count, right.count)).map { row -> [TextSpan] in
            let leftSpans = row < left.count ? left[row] : []
            let padding = String(repeating: " ", count: columnWidth - TextSpan.columns(leftSpans) + gap)
            return leftSpans + [TextSpan(padding, sheet.base)] + (row < right.count ? right[row] : [])
        }
        return withNotes(paired.count < single.count ? paired : single)
    }

    /// Columns between the two columns of keys.
    private static let gap = 2

    /// Each entry's rows in a column `width` wide: its keys, then what they do, both wrapped
    /// (at the key width that needs the fewest rows: `Tab Shift-Tab` may take two).
    private static func keyLines(_ entries: [(keys: String, meaning: String)], width: Int,
                                 sheet: StyleSheet) -> [[[TextSpan]]] {
        let widest = entries.map { TextWidth.columns($0.keys) }.max() ?? 0
        let longestWord = entries.flatMap { $0.keys.split(separator: " ") }.map { TextWidth.columns(String($0)) }.max() ?? 0
        let keyWidth = (min(longestWord, width / 3)...max(min(longestWord, width / 3), min(widest, width / 3)))
            .min { rows(entries, keyWidth: $0, width: width) < rows(entries, keyWidth: $1, width: width) } ?? widest
        let meaningWidth = width - keyWidth - 2
        return entries.map { entry in
            let keys = WordWrap.lines(entry.keys, width: keyWidth)
            let meaning = WordWrap.lines(entry.meaning, width: meaningWidth)
            return (0..<max(keys.count, meaning.count)).map { index in
                let key = index < keys.count ? keys[index] : ""
                let text = index < meaning.count ? meaning[index] : ""
                return [TextSpan(key + String(repeating: " ", count: keyWidth - TextWidth.columns(key) + 2),
                                 sheet.style(.accent, bold: true)),
                        TextSpan(text + String(repeating: " ", count: meaningWidth - TextWidth.columns(text)),
                                 sheet.style(.text))]
            }
        }
    }

    private static func rows(_ entries: [(keys: String, meaning: String)], keyWidth: Int, width: Int) -> Int {
        entries.reduce(0) { total, entry in
            total + max(WordWrap.lines(entry.keys, width: keyWidth).count,
                        WordWrap.lines(entry.meaning, width: width - keyWidth - 2).count)
        }
    }

    /// How far ↑ ↓ can scroll the help on a `width` x `height` screen: 1 when it fits.
    static func scrollPositions(width: Int, height: Int) -> Int {
        let sheet = StyleSheet(theme: ThemeLoader.builtInDefault, options: RenderOptions())
        let count = lines(entries(themeName: ThemeLoader.builtInDefault.name), width: width, height: height,
                          sheet: sheet).count
        return max(1, count - max(1, height - 2) + 1)
    }

    private static func boxWidth(for width: Int) -> Int { min(width, 80) }

    /// `scroll` is the first line shown when the help is taller than the screen.
    static func draw(themeName: String, scroll: Int, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let lines = lines(entries(themeName: themeName), width: rect.width, height: rect.height, sheet: sheet)
        let box = rect.centred(width: boxWidth(for: rect.width), height: lines.count + 2)
        let visible = max(0, box.height - 2)
        let first = max(0, min(scroll, lines.count - visible))
        let scrolling = sheet.options.asciiOnly ? "Up/Down scroll" : "↑↓ scroll"
        let titles = visible < lines.count ? ["Help (Esc closes, \(scrolling))", "Help (\(scrolling))", "Help"]
            : ["Help (Esc closes)", "Help"]
        let area = canvas.box(box, titles: titles, focused: true)
        for (row, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            canvas.spans(line, x: area.x + 1, y: area.y + row, width: area.width - 2)
        }
    }

    private static func asciiKeys(_ keys: String) -> String {
        keys.replacing("↑ ↓", with: "Up Down").replacing("← →", with: "Left Right")
    }
}
