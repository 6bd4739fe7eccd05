/// Data files under a root: recursive walk applying the contract's ignore rules.
public enum DataFiles {
    /// The data files under a root, and the directory links the walk did not follow.
    public struct Listing: Sendable {
        /// Relative paths, in byte order.
        public var files: [String]
        public var skippedLinks: [SkippedLink]
    }

    /// Relative paths (byte order sorted) of every data file under `root`.
    ///
    /// Hidden and temporary names are skipped; symbolic links to directories are followed
    /// only with `followLinks`, and then as ``DirectoryWalker`` says (never into /proc, /sys
    /// or /dev, never twice into one directory).
    public static func list(root: String, followLinks: Bool = false) -> [String] {
        scan(root: root, followLinks: followLinks).files
    }

    /// Every data file under `root`, and the directory links not followed (for `check`).
    public static func scan(root: String, followLinks: Bool = false) -> Listing {
        let walker = DirectoryWalker(root: root, isDataFile: isDataFile, followsLinks: followLinks)
        var visited: Set<DirectoryWalker.DirectoryIdentity> = []
        let walk = walker.walk(visited: &visited)
        return Listing(files: walk.files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
                       skippedLinks: walk.skippedLinks)
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
}
