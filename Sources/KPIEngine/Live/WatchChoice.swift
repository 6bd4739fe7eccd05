/// How a ``DirectoryWatcher`` notices changes, and why, for `EngineStatus.watchMode` and
/// `watchNote`.
public struct WatchChoice: Sendable, Equatable {
    /// `.inotify` or `.polling`.
    public var mode: EngineStatus.WatchMode
    /// Why polling is used ("network file system (nfs)"); nil for inotify.
    public var note: String?

    public init(mode: EngineStatus.WatchMode, note: String? = nil) {
        self.mode = mode
        self.note = note
    }

    /// Polling because inotify refused another watch.
    public static let watchLimitReached = WatchChoice(mode: .polling, note: "inotify watch limit reached")

    /// The mode to try first: polling when asked for (`--poll`), on systems without inotify,
    /// and on network file systems; inotify otherwise. `fileSystem` is nil when unknown.
    public static func preferred(forcePolling: Bool, fileSystem: FileSystemKind?) -> WatchChoice {
        if forcePolling { return WatchChoice(mode: .polling, note: "--poll") }
        #if os(Linux)
        if case .network(let name) = fileSystem {
            return WatchChoice(mode: .polling, note: "network file system (\(name))")
        }
        return WatchChoice(mode: .inotify)
        #else
        return WatchChoice(mode: .polling, note: "no inotify on this system")
        #endif
    }
}
