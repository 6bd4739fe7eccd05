/// One character cell of the screen.
public struct Cell: Hashable, Sendable {
    /// One grapheme; "" for the right half of a double-width character.
    public var symbol: String
    public var style: Style

    public init(_ symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    public static let blank = Cell()
}

/// An in-memory screen: a grid of styled cells that views draw into and the terminal
/// backend (or a test) reads back. Drawing outside the grid is clipped, never a crash.
public struct Buffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from (x, y) on one line, clipped to `maxWidth` columns and the grid;
    /// control characters are replaced so data can never drive the terminal.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain,
                               maxWidth: Int = .max) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(maxWidth, width - x)
        var column = 0
        for character in text {
            let symbol = TextWidth.displayable(character)
            let w = TextWidth.columns(of: symbol)
            if column + w > limit { break }
            if x + column >= 0 {
                self[x + column, y] = Cell(symbol, style: style)
                if w == 2 { self[x + column + 1, y] = Cell("", style: style) }
            }
            column += w
        }
        return max(0, column)
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, with cell: Cell) {
        for row in max(0, y)..<min(height, y + h) where w > 0 {
            for col in max(0, x)..<min(width, x + w) { cells[row * width + col] = cell }
        }
    }

    /// The screen as plain text, one string per row, trailing spaces kept.
    public var lines: [String] {
        (0..<height).map { row in
            cells[(row * width)..<(row * width + width)].map(\.symbol).joined()
        }
    }

    /// The screen as one string (rows joined by newlines, trailing spaces trimmed), for tests.
    public var text: String {
        lines.map { line in
            var s = Substring(line)
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }.joined(separator: "\n")
    }

    /// Replaces every non-ASCII symbol (data text included) with `?`, for terminals that
    /// cannot show anything else; a double-width character becomes `??`.
    public mutating func replaceNonASCII() {
        for index in cells.indices where !cells[index].symbol.unicodeScalars.allSatisfy(\.isASCII)
            || cells[index].symbol.isEmpty {
            cells[index].symbol = "?"
        }
    }
}
