import Glibc

/// Whether the data directory can be read, and in words why not.
enum DataDirectoryAccess {
    /// nil when `path` is a directory that can be listed; else "no such directory",
    /// "not a directory", "permission denied" or the system's message.
    static func problem(_ path: String) -> String? {
        guard let directory = opendir(path) else {
            let code = errno
            switch code {
            case ENOENT: return "no such directory"
            case ENOTDIR: return "not a directory"
            case EACCES: return "permission denied"
            default: return String(cString: strerror(code))
            }
        }
        closedir(directory)
        return nil
    }
}
