import Testing
@testable import KPIView

extension Buffer {
    /// One row as text (a wide character and its empty right half read as one character).
    func row(_ y: Int) -> String { lines[y] }

    /// Where `text` starts (one cell per character of `text`), searching `rows` top to bottom
    /// and each row left to right; nil when it is not on screen.
    func find(_ text: String, rows: Range<Int>? = nil) -> (x: Int, y: Int)? {
        let characters = text.map(String.init)
        for y in rows ?? 0..<height {
            for x in 0...max(0, width - characters.count) where x + characters.count <= width {
                if characters.indices.allSatisfy({ self[x + $0, y].symbol == characters[$0] }) { return (x, y) }
            }
        }
        return nil
    }

    /// Where `text` starts in a row that also holds `label` (the first such row that has it).
    func find(_ text: String, inRowWith label: String) -> (x: Int, y: Int)? {
        for y in 0..<height where find(label, rows: y..<y + 1) != nil {
            if let found = find(text, rows: y..<y + 1) { return found }
        }
        return nil
    }

    /// The style every cell of `text` has at `position`, or nil when they differ.
    func style(of text: String, at position: (x: Int, y: Int)) -> Style? {
        let styles = Set((0..<text.count).map { self[position.x + $0, position.y].style })
        return styles.count == 1 ? styles.first : nil
    }
}

extension Buffer: CustomTestStringConvertible {
    /// Failed expectations name the buffer, not every cell of it.
    public var testDescription: String { "a \(width)x\(height) screen" }
}
