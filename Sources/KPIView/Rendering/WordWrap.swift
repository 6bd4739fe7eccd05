/// Text broken into lines at spaces, counting terminal columns (a wide character takes two).
enum WordWrap {
    /// Words laid out in lines of at most `width` columns (a longer word is cut).
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        var used = 0
        for word in text.split(separator: " ") {
            let piece = TextWidth.prefix(String(word), columns: width)
            let pieceWidth = TextWidth.columns(piece)
            if current.isEmpty {
                (current, used) = (piece, pieceWidth)
            } else if used + 1 + pieceWidth <= width {
                current += " " + piece
                used += 1 + pieceWidth
            } else {
                lines.append(current)
                (current, used) = (piece, pieceWidth)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
