/// What a terminal below the minimum size shows: `Terminal too small: 25x7, need 30x8`,
/// centred and wrapped to fit.
enum TooSmallScreen {
    static let minimumWidth = 30
    static let minimumHeight = 8

    static func fits(width: Int, height: Int) -> Bool { width >= minimumWidth && height >= minimumHeight }

    static func draw(on canvas: inout Canvas) {
        let bounds = canvas.bounds
        let message = "Terminal too small: \(bounds.width)x\(bounds.height), need \(minimumWidth)x\(minimumHeight)"
        let lines = WordWrap.lines(message, width: bounds.width)
        let top = (bounds.height - lines.count) / 2
        for (index, line) in lines.enumerated() {
            let x = (bounds.width - TextWidth.columns(line)) / 2
            canvas.buffer.write(line, x: max(0, x), y: top + index, style: canvas.sheet.style(.warning, bold: true))
        }
    }
}
