/// A line of explanatory text wrapped to a width, keeping its indentation (and the indent
/// under a `- ` item's text) on every line it wraps to.
enum Paragraph {
    static func lines(_ text: String, width: Int) -> [String] {
        guard !text.isEmpty else { return [""] }
        let indent = String(text.prefix { $0 == " " })
        let body = String(text.dropFirst(indent.count))
        let hanging = indent + (body.hasPrefix("- ") ? "  " : "")
        let parts = WordWrap.lines(body, width: max(1, width - hanging.count))
        return parts.enumerated().map { index, part in (index == 0 ? indent : hanging) + part }
    }
}
