/// A piece of text in its own style; a table cell or a line can be made of several.
struct TextSpan: Equatable {
    var text: String
    var style: Style

    init(_ text: String, _ style: Style) {
        self.text = text
        self.style = style
    }
}

extension TextSpan {
    /// The columns of spans side by side.
    static func columns(_ spans: [TextSpan]) -> Int {
        spans.reduce(0) { $0 + TextWidth.columns($1.text) }
    }
}
