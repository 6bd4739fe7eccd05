import KPIEngine

/// The first load's progress: `loading 3/10 files · 120 MB of 286 MB 42% ████░░░`.
enum LoadProgressLine {
    static func draw(_ progress: LoadProgress, on canvas: inout Canvas, in rect: Rect) {
        let percent = Int((progress.fraction * 100).rounded(.down))
        let label = progress.filesTotal == 0 ? "loading: listing the data directory "
            : "loading \(progress.filesDone)/\(progress.filesTotal) files · "
                + "\(ByteCount.format(progress.bytesDone)) of \(ByteCount.format(progress.bytesTotal)) \(percent)% "
        let written = canvas.text(label, x: rect.x, y: rect.y, style: canvas.sheet.style(.warning), clip: rect)
        canvas.bar(progress.fraction, x: rect.x + written, y: rect.y, width: rect.width - written,
                   style: canvas.sheet.style(.accent), track: canvas.sheet.style(.border))
    }
}
