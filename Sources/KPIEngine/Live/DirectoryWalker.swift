#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the data directory: subdirectories and data files, by path relative to the root.
///
/// Directories whose name starts with `.` are not entered (docs/DATA.md section 1 ignores such
/// names). Symbolic links to files count as files; symbolic links to directories are not
/// followed, so a link cycle cannot trap a walk.
struct DirectoryWalker: Sendable {
    /// The data directory.
    let root: String
    /// Decides, from a relative path, whether a file is data (the others are ignored).
    let isDataFile: @Sendable (String) -> Bool

    /// The subdirectories and data files directly inside `directory` (relative to the root;
    /// `""` is the root). Empty when the directory cannot be read.
    func entries(of directory: String) -> (directories: [String], files: [String]) {
        guard let handle = opendir(absolutePath(of: directory)) else { return ([], []) }
        defer { closedir(handle) }
        var directories: [String] = []
        var files: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = Self.join(directory, name)
            switch kind(of: path, type: entry.pointee.d_type) {
            case .directory where Self.isEntered(directoryName: name): directories.append(path)
            case .file where isDataFile(path): files.append(path)
            default: continue
            }
        }
        return (directories, files)
    }

    /// The identity of every data file in the tree, by relative path.
    func identities() -> [String: FileIdentity] {
        var result: [String: FileIdentity] = [:]
        var pending = [""]
        while let directory = pending.popLast() {
            let (directories, files) = entries(of: directory)
            pending.append(contentsOf: directories)
            for file in files {
                if let identity = FileIdentity(path: absolutePath(of: file)) { result[file] = identity }
            }
        }
        return result
    }

    /// False for directories a walk skips: names starting with `.`.
    static func isEntered(directoryName name: String) -> Bool { !name.hasPrefix(".") }

    /// The absolute path of a path relative to the root.
    func absolutePath(of relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    /// `directory/name`, or `name` at the root.
    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }

    private enum EntryKind { case file, directory, other }

    private func kind(of path: String, type: UInt8) -> EntryKind {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return FileIdentity(path: absolutePath(of: path)) != nil ? .file : .other
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard lstat(absolutePath(of: path), &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .directory
            case S_IFLNK: return FileIdentity(path: absolutePath(of: path)) != nil ? .file : .other
            default: return .other
            }
        default: return .other
        }
    }
}
