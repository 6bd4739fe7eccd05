/// The characters the screen is drawn with: Unicode, or plain ASCII for terminals
/// without UTF-8 (`RenderOptions.asciiOnly`).
struct Glyphs {
    var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: String
    /// Sparkline levels, lowest first (8 of them).
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

    static let unicode = Glyphs(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barTrack: "░",
        gaugeSteps: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], gaugeTrack: "░", goalMarker: "◎",
        columnEighths: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        selectionMarker: "▶", breadcrumbSeparator: " › ", separator: " · ", ellipsis: "…", sortMarker: "▼")

    static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        sparkLevels: [" ", ".", ":", "-", "=", "+", "*", "#"],
        barEighths: [" ", " ", " ", "#", "#", "#", "#", "#"], barTrack: ".",
        gaugeSteps: ["#"], gaugeTrack: "-", goalMarker: "o",
        columnEighths: [".", ".", ":", ":", "+", "+", "#", "#"],
        selectionMarker: ">", breadcrumbSeparator: " > ", separator: " | ", ellipsis: "~", sortMarker: "*")
}
