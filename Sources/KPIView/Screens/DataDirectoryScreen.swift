/// The whole screen when the data directory cannot be read: which path, why, and what to do.
/// The engine keeps looking, so the dashboard appears by itself once the directory does.
enum DataDirectoryScreen {
    static func lines(path: String, reason: String) -> [(text: String, role: ThemeRole, bold: Bool)] {
        [
            ("kpitop cannot read the data directory", .warning, true),
            ("", .text, false),
            ("  \(path)", .text, true),
            ("  (\(reason))", .muted, false),
            ("", .text, false),
            ("What to do:", .text, true),
            ("- Check the path: kpitop --data DIR, or data = \"DIR\" in the config file (kpitop config shows where it comes from).",
             .text, false),
            ("- Or create the directory and put your exports in it: .csv, .jsonl and .ndjson files, a folder per platform (docs/DATA.md).",
             .text, false),
            ("- Or try the dashboard on demo data: kpitop demo", .text, false),
            ("", .text, false),
            ("Waiting for the directory to appear; the dashboard opens by itself. q quits.", .muted, false),
        ]
    }

    static func draw(path: String, reason: String, on canvas: inout Canvas) {
        let sheet = canvas.sheet
        let bounds = canvas.bounds
        let width = min(bounds.width - 2, 76)
        var wrapped: [(String, Style)] = []
        for line in lines(path: path, reason: reason) {
            let style = sheet.style(line.role, bold: line.bold)
            for part in Paragraph.lines(line.text, width: width) { wrapped.append((part, style)) }
        }
        let top = max(0, (bounds.height - wrapped.count) / 2)
        let left = max(0, (bounds.width - width) / 2)
        for (index, line) in wrapped.enumerated() where top + index < bounds.height {
            canvas.field(line.0, x: left, y: top + index, width: bounds.width - left, style: line.1)
        }
    }
}
