/// Paths under the data directory that may have changed, as a ``DirectoryWatcher`` reports them.
///
/// The consumer stats each path and reads what is new. A path that no longer exists takes
/// away everything at or under it: a removed or moved-away directory is reported by its own
/// path, not file by file.
public struct ChangeBatch: Sendable, Equatable {
    /// Paths relative to the data directory (`instagram/posts.csv`), without a leading `/`.
    public var paths: Set<String>
    /// True when events were lost (inotify queue overflow, watch mode switch, root moved):
    /// anything in the directory may have changed, so compare every file.
    public var rescanAll: Bool

    public init(paths: Set<String> = [], rescanAll: Bool = false) {
        self.paths = paths
        self.rescanAll = rescanAll
    }

    /// True when the batch reports nothing.
    public var isEmpty: Bool { paths.isEmpty && !rescanAll }

    /// Adds another batch's paths and flag to this one.
    public mutating func merge(_ other: ChangeBatch) {
        paths.formUnion(other.paths)
        rescanAll = rescanAll || other.rescanAll
    }
}
