import KPIEngine
/// Lines collected per file, then appended with one write per file.
struct PendingWrites {
    private var order: [String] = []
    private var texts: [String: String] = [:]

    /// Queues `line` (ending with `\n`) for the file at `path`, relative to the data directory.
    mutating func add(_ line: String, to path: String) {
        if texts[path] == nil { order.append(path) }
        texts[path, default: ""] += line
    }

    /// Appends each file's lines under `root`, in the order the files were first used.
    func flush(under root: String) throws(DemoWriteError) {
        for path in order {
            try AppendWriter.append(texts[path] ?? "", to: root + "/" + path)
        }
    }
}
