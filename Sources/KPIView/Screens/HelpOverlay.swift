/// Every key, explained, over the current screen (`?`).
enum HelpOverlay {
    static func entries(themeName: String) -> [(keys: String, meaning: String)] {
        [
            ("↑ ↓  j k", "move the selection"),
            ("← →", "overview: panel left / right; else back / open"),
            ("h  l", "back / open, as Esc and Enter"),
            ("Tab  Shift-Tab", "next / previous panel or list"),
            ("1-4  5", "jump to a KPI panel; 5 = platforms"),
            ("Enter  click", "open the selected KPI, platform or post"),
            ("Esc  Backspace", "clear the filter, else go back"),
            ("p", "choose a platform"),
            ("g", "goals: progress, projection, days left"),
            ("a", "alerts: every alert, breached first"),
            ("w  W", "window: 1, 7, 28, 90 days, all; W picks any"),
            ("[  ]  .", "anchor a day earlier / later / latest"),
            ("/", "filter the list (posts, rejected rows)"),
            ("s  S", "sort posts by the next column / reverse"),
            ("t", "next theme (now: \(themeName))"),
            ("r", "list the rejected rows"),
            ("z", "pause updates / resume"),
            ("e", "save this view as Markdown and CSV"),
            ("PgUp PgDn Home End", "scroll; the wheel scrolls too"),
            ("?", "this help"),
            ("q  Ctrl-C", "quit"),
        ]
    }

    static let notes = [
        "Values cover the window in the header; the change compares",
        "it with the window just before. Green is better, red worse.",
    ]

    static func draw(themeName: String, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let ascii = sheet.options.asciiOnly
        let entries = entries(themeName: themeName).map { entry in
            (keys: ascii ? asciiKeys(entry.keys) : entry.keys, meaning: entry.meaning)
        }
        let box = rect.centred(width: 72, height: entries.count + notes.count + 3)
        let inner = canvas.box(box, title: "Help (Esc closes)", focused: true)
        let keyWidth = min(20, inner.width / 3)
        for (index, entry) in entries.enumerated() where index < inner.height {
            canvas.field(entry.keys, x: inner.x + 1, y: inner.y + index, width: keyWidth,
                         style: sheet.style(.accent, bold: true))
            canvas.field(entry.meaning, x: inner.x + keyWidth + 2, y: inner.y + index,
                         width: inner.width - keyWidth - 3, style: sheet.style(.text))
        }
        for (index, note) in notes.enumerated() {
            canvas.field(note, x: inner.x + 1, y: inner.y + entries.count + 1 + index, width: inner.width - 2,
                         style: sheet.style(.muted))
        }
    }

    private static func asciiKeys(_ keys: String) -> String {
        keys.replacing("↑ ↓", with: "Up Down").replacing("← →", with: "Left Right")
    }
}
