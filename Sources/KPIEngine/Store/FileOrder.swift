/// Where a file stands in upsert order: the later modification time wins, then the later path
/// in byte order. A followed file's pending last line (see ``MetricsStore/setPendingLine(_:for:)``)
/// comes right after its file.
struct FileOrder: Comparable, Sendable {
    var modificationTime: Int64
    var pathBytes: [UInt8]

    init(modificationTime: Int64, path: String, isPendingLine: Bool = false) {
        self.modificationTime = modificationTime
        pathBytes = Array(path.utf8) + (isPendingLine ? [0] : [])
    }

    static func < (a: FileOrder, b: FileOrder) -> Bool {
        a.modificationTime != b.modificationTime
            ? a.modificationTime < b.modificationTime
            : a.pathBytes.lexicographicallyPrecedes(b.pathBytes)
    }
}
