#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks the data directory: its subdirectories and data files, by path relative to the root.
/// The cold read (``DataFiles``), polling and inotify all walk with it, so that they see the
/// same files under the same paths.
///
/// Directories whose name starts with `.` are not entered (docs/DATA.md section 1 ignores such
/// names). Symbolic links to files count as files. Symbolic links to directories are skipped
/// unless ``followsLinks``; followed, they never lead into a pseudo file system (/proc, /sys,
/// /dev) nor out of one, and a directory already walked (same device and inode: a loop, or a
/// second way to the same place) is not walked again. Real directories are walked before any
/// link is followed, and names in byte order, so a directory reachable both ways always has
/// the same path.
struct DirectoryWalker: Sendable {
    /// The data directory.
    let root: String
    /// Decides, from a relative path, whether a file is data (the others are ignored).
    let isDataFile: @Sendable (String) -> Bool
    /// Whether symbolic links to directories are followed.
    var followsLinks = false

    /// A directory by device and inode, whatever the path it was reached by.
    struct DirectoryIdentity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// What a walk found.
    struct Walk {
        /// Data files, in walk order.
        var files: [String] = []
        /// Directory links not followed, and why.
        var skippedLinks: [SkippedLink] = []
    }

    /// Walks `start` (`""` is the root) and everything below it; `visited` holds directories
    /// already walked, which are not walked again, and gets those of this walk. `entering` is
    /// called before a directory is read (so a watch can be put on it first); it returns
    /// false to leave that directory out. Without `listingFiles` the walk's files are left
    /// empty (a first watch of the tree needs only its directories).
    func walk(from start: String = "", visited: inout Set<DirectoryIdentity>, listingFiles: Bool = true,
              entering: (String) -> Bool = { _ in true }) -> Walk {
        var result = Walk()
        var info = stat()
        guard stat(absolutePath(of: start), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
              visited.insert(DirectoryIdentity(info)).inserted, entering(start)
        else { return result }
        let startIsPseudo = PseudoFileSystem.contains(absolutePath(of: start))
        var links: [(path: String, inPseudo: Bool)] = []
        var pending = [(path: start, device: UInt64(info.st_dev), inPseudo: startIsPseudo)]
        var linkIndex = 0
        while true {
            // Real directories first, depth first in name order; then the links they hold.
            while let directory = pending.popLast() {
                let entries = self.entries(of: directory.path, listingFiles: listingFiles)
                result.files.append(contentsOf: entries.files)
                links.append(contentsOf: entries.links.map { ($0, directory.inPseudo) })
                for path in entries.directories.reversed() {
                    var sub = stat()
                    guard stat(absolutePath(of: path), &sub) == 0 else { continue }
                    // A mount point (another device) into a pseudo file system is not entered.
                    let isPseudo = UInt64(sub.st_dev) != directory.device
                        && PseudoFileSystem.contains(absolutePath(of: path))
                    guard directory.inPseudo || !isPseudo,
                          visited.insert(DirectoryIdentity(sub)).inserted, entering(path)
                    else { continue }
                    pending.append((path, UInt64(sub.st_dev), directory.inPseudo || isPseudo))
                }
            }
            guard linkIndex < links.count else { break }
            let link = links[linkIndex]
            linkIndex += 1
            switch follow(link.path, fromPseudo: link.inPseudo, visited: &visited, entering: entering) {
            case .followed(let device): pending.append((link.path, device, false))
            case .skipped(let skipped): result.skippedLinks.append(skipped)
            }
        }
        return result
    }

    private enum LinkDecision {
        case followed(device: UInt64)
        case skipped(SkippedLink)
    }

    /// Decides whether the directory link at `path` is followed (then marks its directory
    /// visited), or why not.
    private func follow(_ path: String, fromPseudo: Bool, visited: inout Set<DirectoryIdentity>,
                        entering: (String) -> Bool) -> LinkDecision {
        let absolute = absolutePath(of: path)
        func skip(_ reason: SkippedLink.Reason) -> LinkDecision {
            .skipped(SkippedLink(path: path, target: Self.linkTarget(absolute), reason: reason))
        }
        guard followsLinks else { return skip(.notFollowed) }
        if fromPseudo || PseudoFileSystem.contains(absolute) { return skip(.pseudoFileSystem) }
        var info = stat()
        guard stat(absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return skip(.notFollowed) }
        guard visited.insert(DirectoryIdentity(info)).inserted, entering(path) else { return skip(.alreadyWalked) }
        return .followed(device: UInt64(info.st_dev))
    }

    /// The identity of every data file in the tree, by relative path.
    func identities() -> [String: FileIdentity] {
        var visited: Set<DirectoryIdentity> = []
        var result: [String: FileIdentity] = [:]
        for file in walk(visited: &visited).files {
            if let identity = FileIdentity(path: absolutePath(of: file)) { result[file] = identity }
        }
        return result
    }

    /// The subdirectories, data files (unless not `listingFiles`) and directory links directly
    /// inside `directory` (relative to the root; `""` is the root), each in byte order of their
    /// names. Empty when the directory cannot be read.
    func entries(of directory: String, listingFiles: Bool = true) -> (directories: [String], files: [String], links: [String]) {
        guard let handle = opendir(absolutePath(of: directory)) else { return ([], [], []) }
        defer { closedir(handle) }
        var directories: [String] = []
        var files: [String] = []
        var links: [String] = []
        while let entry = readdir(handle) {
            if !listingFiles, Int32(entry.pointee.d_type) == Int32(DT_REG) { continue }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = Self.join(directory, name)
            switch kind(of: path, type: entry.pointee.d_type) {
            case .directory where Self.isEntered(directoryName: name): directories.append(path)
            case .directoryLink where Self.isEntered(directoryName: name): links.append(path)
            case .file where isDataFile(path): files.append(path)
            default: continue
            }
        }
        let byBytes = { (a: String, b: String) in a.precedesInByteOrder(b) }
        return (directories.sorted(by: byBytes), files.sorted(by: byBytes), links.sorted(by: byBytes))
    }

    /// True for a symbolic link at `relative` to a directory that a walk follows (links are
    /// followed, and neither the link nor its directory is in a pseudo file system); whether
    /// its directory was walked already is for the walk to tell.
    func isFollowedLink(_ relative: String) -> Bool {
        let absolute = absolutePath(of: relative)
        var info = stat()
        guard followsLinks, lstat(absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
              stat(absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR
        else { return false }
        let parent = relative.split(separator: "/").dropLast().joined(separator: "/")
        return !PseudoFileSystem.contains(absolute) && !PseudoFileSystem.contains(absolutePath(of: parent))
    }

    /// True when two relative paths lead to the same directory (device and inode).
    func leadToTheSameDirectory(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return stat(absolutePath(of: a), &first) == 0 && stat(absolutePath(of: b), &second) == 0
            && DirectoryIdentity(first) == DirectoryIdentity(second)
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

    private enum EntryKind { case file, directory, directoryLink, other }

    private func kind(of path: String, type: UInt8) -> EntryKind {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK): return linkKind(path)
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard lstat(absolutePath(of: path), &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .directory
            case S_IFLNK: return linkKind(path)
            default: return .other
            }
        default: return .other
        }
    }

    /// A link to a regular file is a file; to a directory, a directory link.
    private func linkKind(_ path: String) -> EntryKind {
        var info = stat()
        guard stat(absolutePath(of: path), &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directoryLink
        default: return .other
        }
    }

    /// What the link at `path` points to, as written.
    private static func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension DirectoryWalker.DirectoryIdentity {
    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

/// A symbolic link to a directory that a walk of the data directory did not follow.
public struct SkippedLink: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Links are not followed (no `--follow-links`).
        case notFollowed
        /// It leads into (or lies in) /proc, /sys, /dev or another pseudo file system.
        case pseudoFileSystem
        /// Its directory was walked already (a loop, or a second way to the same directory).
        case alreadyWalked
    }

    /// The link, relative to the data directory.
    public var path: String
    /// What it points to, as written.
    public var target: String
    public var reason: Reason

    public init(path: String, target: String, reason: Reason) {
        self.path = path
        self.target = target
        self.reason = reason
    }

    /// `archive -> /mnt/old: not followed (--follow-links follows directory links)`.
    public var description: String {
        let why = switch reason {
        case .notFollowed: "not followed (--follow-links follows directory links)"
        case .pseudoFileSystem: "not followed: /proc, /sys and /dev are never read"
        case .alreadyWalked: "not followed: its directory is read already (a loop or a second way in)"
        }
        return "\(path) -> \(target): \(why)"
    }
}
