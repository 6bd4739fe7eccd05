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
        return Listing(files: walk.files.sorted { $0.precedesInByteOrder($1) },
                       skippedLinks: walk.skippedLinks)
    }

    /// True when a relative path names a data file (.csv, .jsonl, .ndjson) that is not ignored.
    /// Read from the bytes of the path (a walk asks for every entry of 20,000-file folders).
    public static func isDataFile(_ relativePath: String) -> Bool {
        var path = relativePath
        return path.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                let component = UnsafeBufferPointer(rebasing: bytes[start..<index])
                start = index + 1
                if component.isEmpty { continue }
                if isIgnored(component) { return false }
                if index == bytes.count {
                    return dataExtensions.contains { hasSuffix(component, $0, ignoringCase: true) }
                }
            }
            return false
        }
    }

    /// Platform from the path alone (first directory, else the leading letters of the file
    /// name unless they are a month or a generic word, else a platform named in the file name),
    /// aliases applied; nil if none. See ``PathPlatform``.
    public static func platform(forPath relativePath: String) -> String? {
        PathPlatform.of(relativePath)?.name
    }

    private static let dataExtensions: [[UInt8]] = [".csv", ".jsonl", ".ndjson"].map { Array($0.utf8) }
    private static let ignoredSuffixes: [[UInt8]] = ["~", ".tmp", ".part", ".swp"].map { Array($0.utf8) }

    private static func isIgnored(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.first == UInt8(ascii: ".") || ignoredSuffixes.contains { hasSuffix(name, $0, ignoringCase: false) }
    }

    /// True when `name` ends with the ASCII bytes of `suffix` (in either case, if asked).
    private static func hasSuffix(_ name: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8], ignoringCase: Bool) -> Bool {
        guard name.count >= suffix.count else { return false }
        let offset = name.count - suffix.count
        for index in suffix.indices {
            let byte = name[offset + index]
            let folded = ignoringCase && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if folded != suffix[index] { return false }
        }
        return true
    }
}
