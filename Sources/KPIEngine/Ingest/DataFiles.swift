#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Data files under a root: recursive walk applying the contract's ignore rules.
public enum DataFiles {
    /// Relative paths (byte order sorted) of every data file under `root`.
    ///
    /// Hidden and temporary names are skipped, directories included; symbolic links to
    /// directories are followed once (a directory already visited is not entered again).
    public static func list(root: String) -> [String] {
        var found: [String] = []
        var visited: Set<DirectoryIdentity> = []
        walk(directory: root, relative: "", visited: &visited, into: &found)
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// True when a relative path names a data file (.csv, .jsonl, .ndjson) that is not ignored.
    public static func isDataFile(_ relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/")
        guard let name = components.last, !components.contains(where: isIgnored) else { return false }
        let lowercased = name.lowercased()
        return dataExtensions.contains { lowercased.hasSuffix($0) }
    }

    /// Platform from the path alone (first directory, else the leading letters of the file
    /// name unless they are a month or a generic word, else a platform named in the file name),
    /// aliases applied; nil if none. See ``PathPlatform``.
    public static func platform(forPath relativePath: String) -> String? {
        PathPlatform.of(relativePath)?.name
    }

    private static let dataExtensions = [".csv", ".jsonl", ".ndjson"]
    private static let ignoredSuffixes = ["~", ".tmp", ".part", ".swp"]

    private static func isIgnored(_ name: Substring) -> Bool {
        name.hasPrefix(".") || ignoredSuffixes.contains { name.hasSuffix($0) }
    }

    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func walk(directory: String, relative: String, visited: inout Set<DirectoryIdentity>, into found: inout [String]) {
        var info = stat()
        guard stat(directory, &info) == 0,
              visited.insert(DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted,
              let handle = opendir(directory)
        else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != ".", name != "..", !isIgnored(name[...]) else { continue }
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var entryInfo = stat()
            guard stat(path, &entryInfo) == 0 else { continue }
            switch entryInfo.st_mode & S_IFMT {
            case S_IFDIR: walk(directory: path, relative: relativePath, visited: &visited, into: &found)
            case S_IFREG where isDataFile(relativePath): found.append(relativePath)
            default: continue
            }
        }
    }
}
