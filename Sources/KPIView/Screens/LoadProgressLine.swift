import KPIEngine

/// The first load's progress: `loading 3/10 files 42% ████░░░`.
enum LoadProgressLine {
    static func draw(_ progress: LoadProgress, on canvas: inout Canvas, in rect: Rect) {
        let percent = Int((progress.fraction * 100).rounded(.down))
        let label = "loading \(progress.filesDone)/\(progress.filesTotal) files \(percent)% "
        let written = canvas.text(label, x: rect.x, y: rect.y, style: canvas.sheet.style(.warning), clip: rect)
        canvas.bar(progress.fraction, x: rect.x + written, y: rect.y, width: rect.width - written,
                   style: canvas.sheet.style(.accent), track: canvas.sheet.style(.border))
    }
}
