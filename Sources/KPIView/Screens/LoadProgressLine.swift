import KPIEngine

/// The first load's progress: `loading 3/10 files · 120 MB of 286 MB 42% ████░░░`; while the
/// screen shows numbers from before the load ends, it leads with where they come from:
/// `loading 42% (partial numbers) · 3/10 files · 120 MB of 286 MB ████░░░`, or
/// `loading 42% (last run's numbers, files unchanged) · ...`; before the files are counted,
/// `loading (last run's numbers, files unchanged) · restoring the files kept`. The bytes are
/// left out until they are counted (a directory of thousands of files is not stat-ed twice).
enum LoadProgressLine {
    static func draw(_ progress: LoadProgress, provisional: ProvisionalNumbers?, on canvas: inout Canvas, in rect: Rect) {
        let percent = Int((progress.fraction * 100).rounded(.down))
        let source = provisional.map { $0 == .firstLook ? "partial numbers" : "last run's numbers, files unchanged" }
        let files = "\(progress.filesDone)/\(progress.filesTotal) files "
        let bytes = progress.bytesTotal > 0
            ? "· \(ByteCount.format(progress.bytesDone)) of \(ByteCount.format(progress.bytesTotal)) " : ""
        let label: String
        if progress.filesTotal == 0 {
            label = source.map { "loading (\($0)) · restoring the files kept " } ?? "loading: listing the data directory "
        } else if let source {
            label = "loading \(percent)% (\(source)) · " + files + bytes
        } else {
            label = "loading " + files + bytes + "\(percent)% "
        }
        let written = canvas.text(label, x: rect.x, y: rect.y, style: canvas.sheet.style(.warning), clip: rect)
        canvas.bar(progress.fraction, x: rect.x + written, y: rect.y, width: rect.width - written,
                   style: canvas.sheet.style(.accent), track: canvas.sheet.style(.border))
    }
}
