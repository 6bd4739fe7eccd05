/// One table of an exported view: what Markdown shows (formatted values) and what CSV gets
/// (raw numbers, empty for missing ones).
struct ExportTable {
    var title: String
    var header: [String]
    var shown: [[String]] = []
    var raw: [[String]] = []
    /// Which columns are numbers (right-aligned in Markdown).
    var numeric: Set<Int> = []

    /// Adds a row: `shown` for Markdown, `raw` for CSV (the same text when nil).
    mutating func append(_ shown: [String], raw: [String]? = nil) {
        self.shown.append(shown)
        self.raw.append(raw ?? shown)
    }

    /// `### title` and a pipe table; pipes and line breaks in the text are escaped.
    var markdown: String {
        func cell(_ text: String) -> String {
            text.replacing("\\", with: "\\\\").replacing("|", with: "\\|").replacing("\n", with: " ")
        }
        var lines = ["### \(cell(title))", ""]
        lines.append("| " + header.map(cell).joined(separator: " | ") + " |")
        lines.append("|" + header.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
        for row in shown { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        if shown.isEmpty { lines.append("| " + header.map { _ in "" }.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: a header line, then one line per row; fields with commas, quotes or line
    /// breaks are quoted.
    var csv: String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
            return "\"" + text.replacing("\"", with: "\"\"") + "\""
        }
        return ([header] + raw).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A number as CSV has it: plain digits, no grouping; empty when missing.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
