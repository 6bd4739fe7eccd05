/// Where a file stands in upsert order: the later modification time wins, then the later path
/// in byte order. A followed file's pending last line (see ``MetricsStore/setPendingLine(_:for:)``)
/// comes right after its file.
struct FileOrder: Comparable, Sendable {
    var modificationTime: Int64
    /// The file's path (the contribution's own string: no copy a file).
    var path: String
    var isPendingLine: Bool

    init(modificationTime: Int64, path: String, isPendingLine: Bool = false) {
        self.modificationTime = modificationTime
        self.path = path
        self.isPendingLine = isPendingLine
    }

    /// Paths compare by their bytes (as `String` equality would not: it takes two spellings of
    /// one accented letter as equal, and such paths name different files).
    static func == (a: FileOrder, b: FileOrder) -> Bool {
        a.modificationTime == b.modificationTime && a.isPendingLine == b.isPendingLine
            && a.path.utf8.elementsEqual(b.path.utf8)
    }

    static func < (a: FileOrder, b: FileOrder) -> Bool {
        if a.modificationTime != b.modificationTime { return a.modificationTime < b.modificationTime }
        if a.path.utf8.elementsEqual(b.path.utf8) { return !a.isPendingLine && b.isPendingLine }
        return a.path.precedesInByteOrder(b.path)
    }
}
