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

    /// Reads every data file under the root, files in parallel, and returns them ready to
    /// follow (see ``TrackedFile``). `progress` is called (from any thread) once the files are
    /// listed, then after each file and each further percent of the bytes.
    public func readAll(progress: (@Sendable (LoadProgress) -> Void)? = nil) throws(DataDirectoryError) -> [TrackedFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
              access(root, R_OK | X_OK) == 0
        else { throw DataDirectoryError(path: root) }

        let paths = DataFiles.list(root: root)
        let sizes = paths.map { Self.fileSize(root + "/" + $0) }
        let results = Mutex<[TrackedFile?]>(Array(repeating: nil, count: paths.count))
        let start = LoadProgress(filesDone: 0, filesTotal: paths.count, bytesDone: 0, bytesTotal: sizes.reduce(0, +))
        progress?(start)
        let done = Mutex(start)
        /// Counts read bytes or a finished file, and reports a finished file or a further
        /// percent of the bytes (under the lock, so that reports never go backwards).
        @Sendable func advance(bytes: Int, fileFinished: Bool) {
            done.withLock { p in
                let percentBefore = p.bytesDone * 100 / max(1, p.bytesTotal)
                p.bytesDone += Int64(bytes)
                if fileFinished { p.filesDone += 1 }
                if fileFinished || p.bytesDone * 100 / max(1, p.bytesTotal) > percentBefore { progress?(p) }
            }
        }
        // Biggest files first, so the two cores finish together.
        let order = paths.indices.sorted { sizes[$0] > sizes[$1] }
        DispatchQueue.concurrentPerform(iterations: order.count) { slot in
            let index = order[slot]
            var file = TrackedFile(path: paths[index], context: context)
            file.refresh(root: root, context: context, chunkSize: Self.chunkSize) { bytes in
                advance(bytes: bytes, fileFinished: false)
            }
            results.withLock { $0[index] = file }
            advance(bytes: 0, fileFinished: true)
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    /// Reads every data file once, as `report` and `check` do: a last line without a newline
    /// counts.
    public func load(progress: (@Sendable (LoadProgress) -> Void)? = nil) throws(DataDirectoryError) -> MetricsStore {
        var store = MetricsStore(clock: context.clock)
        for file in try readAll(progress: progress) { store.set(file.completedContribution()) }
        return store
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
