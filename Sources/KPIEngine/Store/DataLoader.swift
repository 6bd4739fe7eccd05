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
    /// follow (see ``TrackedFile``). `progress` is called (from any thread) after each file.
    public func readAll(progress: (@Sendable (LoadProgress) -> Void)? = nil) throws(DataDirectoryError) -> [TrackedFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
              access(root, R_OK | X_OK) == 0
        else { throw DataDirectoryError(path: root) }

        let paths = DataFiles.list(root: root)
        let sizes = paths.map { Self.fileSize(root + "/" + $0) }
        let results = Mutex<[TrackedFile?]>(Array(repeating: nil, count: paths.count))
        let done = Mutex(LoadProgress(filesDone: 0, filesTotal: paths.count, bytesDone: 0,
                                      bytesTotal: sizes.reduce(0, +)))
        // Biggest files first, so the two cores finish together.
        let order = paths.indices.sorted { sizes[$0] > sizes[$1] }
        DispatchQueue.concurrentPerform(iterations: order.count) { slot in
            let index = order[slot]
            var file = TrackedFile(path: paths[index], context: context)
            file.refresh(root: root, context: context, chunkSize: Self.chunkSize)
            results.withLock { $0[index] = file }
            let now = done.withLock { p -> LoadProgress in
                p.filesDone += 1
                p.bytesDone += sizes[index]
                return p
            }
            progress?(now)
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
