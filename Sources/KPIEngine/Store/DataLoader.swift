import Foundation
import Synchronization

/// Reads a whole data directory once (for `report`, `check` and the first load of the
/// dashboard): every data file is parsed into its ``FileContribution``, files in parallel.
public struct DataLoader: Sendable {
    /// Bytes read per `read(2)` call.
    public static let chunkSize = 1 << 20

    public let root: String
    public let context: IngestContext

    public init(root: String, context: IngestContext) {
        self.root = root
        self.context = context
    }

    /// Reads every data file under the root. Unreadable files become a line-0 rejection.
    /// `progress` is called (from any thread) after each file.
    public func load(progress: (@Sendable (LoadProgress) -> Void)? = nil) throws(DataDirectoryError) -> MetricsStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
              access(root, R_OK | X_OK) == 0
        else { throw DataDirectoryError(path: root) }

        let paths = DataFiles.list(root: root)
        let sizes = paths.map { Self.fileSize(root + "/" + $0) }
        let total = LoadProgress(filesDone: 0, filesTotal: paths.count, bytesDone: 0,
                                 bytesTotal: sizes.reduce(0, +))
        let results = Mutex<[FileContribution?]>(Array(repeating: nil, count: paths.count))
        let done = Mutex(total)
        // Biggest files first, so the two cores finish together.
        let order = paths.indices.sorted { sizes[$0] > sizes[$1] }
        DispatchQueue.concurrentPerform(iterations: order.count) { slot in
            let index = order[slot]
            let contribution = readFile(paths[index])
            results.withLock { $0[index] = contribution }
            let now = done.withLock { p -> LoadProgress in
                p.filesDone += 1
                p.bytesDone += sizes[index]
                return p
            }
            progress?(now)
        }
        var store = MetricsStore(clock: context.clock)
        for contribution in results.withLock({ $0 }) { if let contribution { store.set(contribution) } }
        return store
    }

    /// Parses one file from its first byte to its end (a last line without a newline counts).
    public func readFile(_ relativePath: String) -> FileContribution {
        let fd = open(root + "/" + relativePath, O_RDONLY | O_CLOEXEC)
        var contribution = FileContribution(path: relativePath)
        guard fd >= 0 else {
            contribution.rejected(line: 0, reason: "cannot read file: \(String(cString: strerror(errno)))")
            return contribution
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 {
            contribution.modificationTime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        }
        var parser = FileParser(relativePath: relativePath, context: context)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, Self.chunkSize)
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                contribution.rejected(line: 0, reason: "read error: \(String(cString: strerror(errno)))")
                break
            }
            if n == 0 { break }
            parser.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<n]), into: &contribution)
        }
        parser.finish(into: &contribution)
        return contribution
    }

    private static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}

/// The data directory does not exist or cannot be read.
public struct DataDirectoryError: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "cannot read data directory '\(path)'" }
}
