/// Every key, explained, and how to read the numbers, over the whole screen (`?`). Complete
/// on an 80x24 terminal; on smaller ones it scrolls (↑ ↓) and says so.
enum HelpOverlay {
    static func entries(themeName: String) -> [(keys: String, meaning: String)] {
        [
            ("↑ ↓  j k", "move the selection"),
            ("← →  h l", "overview: panel left / right; elsewhere back / open"),
            ("Tab  Shift-Tab", "next / previous panel or list"),
            ("1-4  5", "jump to a KPI panel; 5 = platforms"),
            ("Enter  click", "open the selected KPI or platform"),
            ("Esc  Backspace  h", "back to the previous screen"),
            ("p", "choose a platform"),
            ("g", "goals: progress, projection, days left"),
            ("w", "window: 1, 7, 28 or 90 days"),
            ("y", "charts: y axis from 0, or zoomed to the data"),
            ("/", "filter the list (posts, rejected rows)"),
            ("s", "sort posts by the next column"),
            ("t", "next theme (now: \(themeName))"),
            ("r", "list the rejected rows"),
            ("PgUp PgDn Home End", "scroll"),
            ("?", "this help"),
            ("q  Ctrl-C", "quit"),
        ]
    }

    /// How to read the screen, with the glyphs it is drawn with.
    static func notes(_ glyphs: Glyphs) -> [String] {
        [
            "Values cover the header's window; changes compare it with the one before.",
            "\(glyphs.better) better, \(glyphs.worse) worse (green, red); new / no earlier data: nothing to compare.",
            "from 2 of 6: an all-platforms ratio of the platforms reporting both parts.",
            "Charts start at 0 (y zooms): an empty column is 0, \(glyphs.noData) a day without data.",
        ]
    }

    /// The help's lines for a screen `width` columns wide, wrapped to fit.
    static func lines(themeName: String, width: Int, sheet: StyleSheet) -> [[TextSpan]] {
        let ascii = sheet.options.asciiOnly
        let entries = entries(themeName: themeName).map { entry in
            (keys: ascii ? asciiKeys(entry.keys) : entry.keys, meaning: entry.meaning)
        }
        let inner = boxWidth(for: width) - 4
        let keyWidth = min(entries.map { TextWidth.columns($0.keys) }.max() ?? 0, inner / 3)
        let meaningWidth = inner - keyWidth - 2
        var lines: [[TextSpan]] = []
        for entry in entries {
            let keys = WordWrap.lines(entry.keys, width: keyWidth)
            let meaning = WordWrap.lines(entry.meaning, width: meaningWidth)
            for index in 0..<max(keys.count, meaning.count) {
                let key = index < keys.count ? keys[index] : ""
                let padding = String(repeating: " ", count: keyWidth - TextWidth.columns(key) + 2)
                lines.append([TextSpan(key + padding, sheet.style(.accent, bold: true)),
                              TextSpan(index < meaning.count ? meaning[index] : "", sheet.style(.text))])
            }
        }
        lines.append([])
        for note in notes(sheet.glyphs) {
            lines += WordWrap.lines(note, width: inner).map { [TextSpan($0, sheet.style(.muted))] }
        }
        return lines
    }

    /// How far ↑ ↓ can scroll the help on a `width` x `height` screen: 1 when it fits.
    static func scrollPositions(width: Int, height: Int) -> Int {
        let sheet = StyleSheet(theme: ThemeLoader.builtInDefault, options: RenderOptions())
        let count = lines(themeName: ThemeLoader.builtInDefault.name, width: width, sheet: sheet).count
        return max(1, count - max(1, height - 2) + 1)
    }

    private static func boxWidth(for width: Int) -> Int { min(width, 80) }

    /// `scroll` is the first line shown when the help is taller than the screen.
    static func draw(themeName: String, scroll: Int, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let ascii = sheet.options.asciiOnly
        let lines = lines(themeName: themeName, width: rect.width, sheet: sheet)
        let box = rect.centred(width: boxWidth(for: rect.width), height: lines.count + 2)
        let visible = max(0, box.height - 2)
        let first = max(0, min(scroll, lines.count - visible))
        let scrolling = ascii ? "Up/Down scroll" : "↑↓ scroll"
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
