/// The characters the screen is drawn with: Unicode, or plain ASCII for terminals
/// without UTF-8 (`RenderOptions.asciiOnly`).
struct Glyphs {
    var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: String
    /// Sparkline levels, lowest first (8 of them, all visible: 0 is a blank cell).
    var sparkLevels: [String]
    /// Partial blocks for horizontal bars, one eighth to eight eighths.
    var barEighths: [String]
    /// The unfilled part of a progress bar.
    var barTrack: String
    /// Filled part of a goal gauge: partial cells, smallest first, the last one a whole cell.
    var gaugeSteps: [String]
    /// The unfilled part of a goal gauge.
    var gaugeTrack: String
    /// Marks a KPI that has a goal.
    var goalMarker: String
    /// Vertical fill of a chart cell, one eighth to eight eighths.
    var columnEighths: [String]
    var selectionMarker: String
    var breadcrumbSeparator: String
    var separator: String
    var ellipsis: String
    var sortMarker: String
    /// Fills a chart column or sparkline cell of a day without data (a day with 0 is blank).
    var noData: String
    /// A goal's target across a chart.
    var goalLine: String
    /// After a change that is good news, and after one that is bad news: the cue that does not
    /// need colour.
    var better: String
    var worse: String

    static let unicode = Glyphs(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barTrack: "░",
        gaugeSteps: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], gaugeTrack: "░", goalMarker: "◎",
        columnEighths: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        selectionMarker: "▶", breadcrumbSeparator: " › ", separator: " · ", ellipsis: "…", sortMarker: "▼",
        noData: "░", goalLine: "┄", better: "✓", worse: "✗")

    static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        sparkLevels: [".", ":", "-", "=", "+", "*", "#", "@"],
        barEighths: [" ", " ", " ", "#", "#", "#", "#", "#"], barTrack: ".",
        gaugeSteps: ["#"], gaugeTrack: "-", goalMarker: "o",
        columnEighths: [".", ".", ":", ":", "+", "+", "#", "#"],
        selectionMarker: ">", breadcrumbSeparator: " > ", separator: " | ", ellipsis: "~", sortMarker: "*",
        noData: "/", goalLine: "-", better: "+", worse: "!")
}
