import KPIEngine

/// What the overview shows while the data directory has no data file: how to start, not
/// empty panels.
enum EmptyDataScreen {
    /// True once the first load is done and found no data file at all.
    static func applies(to state: UIState) -> Bool {
        guard let snapshot = state.snapshot, state.status.loading == nil else { return false }
        return snapshot.fileCount == 0 && snapshot.rejectedRows == 0 && snapshot.platforms.isEmpty
    }

    static func lines(directory: String) -> [(text: String, role: ThemeRole)] {
        [
            ("No data files in \(directory) yet.", .text),
            ("", .text),
            ("kpitop reads every .csv, .jsonl and .ndjson file below this folder, for example:", .text),
            ("  \(directory)/instagram/posts-2026-11.csv", .accent),
            ("  \(directory)/linkedin/page.csv", .accent),
            ("  \(directory)/service/tickets.jsonl", .accent),
            ("", .text),
            ("A metrics file has a date column and numbers such as impressions, reach, likes or clicks; the folder (or a platform column) names the platform. docs/DATA.md lists every column and export kpitop understands.",
             .text),
            ("", .text),
            ("Files show up here as soon as they are written. To look around first: kpitop demo", .muted),
        ]
    }

    static func draw(_ state: UIState, on canvas: inout Canvas, in rect: Rect) {
        let sheet = canvas.sheet
        let inner = canvas.box(rect, title: "Getting started", focused: state.overlay == nil)
        let width = max(1, inner.width - 2)
        var y = inner.y
        for line in lines(directory: state.status.dataDirectory) {
            for part in Paragraph.lines(line.text, width: width) where y < inner.maxY {
                canvas.field(part, x: inner.x + 1, y: y, width: width, style: sheet.style(line.role))
                y += 1
            }
        }
    }
}
