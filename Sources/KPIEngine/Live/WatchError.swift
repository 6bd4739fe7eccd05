/// Why a ``DirectoryWatcher`` could not start.
public enum WatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data directory does not exist or is not a directory.
    case notADirectory(String)
    /// A system call failed with this `errno`.
    case system(call: String, errno: Int32)
    /// inotify refused another watch (`fs.inotify.max_user_watches`).
    case watchLimitReached

    public var description: String {
        switch self {
        case .notADirectory(let path): "not a directory: \(path)"
        case .system(let call, let code): "\(call) failed (errno \(code))"
        case .watchLimitReached: "inotify watch limit reached"
        }
    }
}
