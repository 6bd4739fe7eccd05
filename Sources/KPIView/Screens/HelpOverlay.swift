/// Every key, explained, over the current screen (`?`).
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
            ("/", "filter the list (posts, rejected rows)"),
            ("s", "sort posts by the next column"),
            ("t", "next theme (now: \(themeName))"),
            ("r", "list the rejected rows"),
            ("PgUp PgDn Home End", "scroll"),
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
