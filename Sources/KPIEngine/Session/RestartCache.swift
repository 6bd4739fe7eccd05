import Foundation

/// What the dashboard showed when its last load of a data directory ended, kept under
/// `$XDG_CACHE_HOME/kpitop` (else `~/.cache/kpitop`), one file per data directory, so that a
/// restart over unchanged files shows its numbers at once while the load runs again behind them.
///
/// The cache is validated, never trusted: it is used only when it was written by this version
/// of kpitop for the same data directory and the same request (window, time zone, anchor day,
/// goals, alerts...), and when every data file is still the one it was read from: the same list
/// of files, each with the same device, inode, size and modification time. Anything else, or a
/// file that cannot be read or decoded, and it is ignored (and written anew after the load).
public struct RestartCache: Sendable {
    /// The cache file.
    public let path: String
    /// The data directory, as an absolute path.
    let dataDirectory: String

    /// Bumped whenever what a snapshot holds or how it is computed changes.
    static let formatVersion = 2

    /// The cache of `dataDirectory` under the user's cache folder; nil without one
    /// (no `XDG_CACHE_HOME` and no `HOME`).
    public init?(dataDirectory: String, environment: [String: String]) {
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg + "/kpitop"
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache/kpitop"
        } else {
            return nil
        }
        let absolute = URL(fileURLWithPath: dataDirectory).standardizedFileURL.path
        self.dataDirectory = absolute
        path = base + "/" + Self.fileName(for: absolute)
    }

    /// `data-<FNV-1a of the directory's path, in hex>.json`.
    static func fileName(for directory: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in directory.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return "data-" + String(hash, radix: 16) + ".json"
    }

    /// One data file as it was read.
    struct FileStamp: Codable, Equatable {
        var path: String
        var identity: FileIdentity
    }

    private struct Contents: Codable {
        var version: Int
        var dataDirectory: String
        var request: String
        var files: [FileStamp]
        var snapshot: KPISnapshot
    }

    /// The data files under `root` as they are now (those that cannot be stat-ed are left out,
    /// so they differ from any stamp).
    static func stamps(root: String, paths: [String]) -> [FileStamp] {
        paths.compactMap { path in FileIdentity(path: root + "/" + path).map { FileStamp(path: path, identity: $0) } }
    }

    /// The cached snapshot, if it is valid for `request` on `today` and the files of `root`
    /// listed in `paths`.
    func snapshot(for request: SnapshotRequest, today: Day, root: String, paths: [String]) -> KPISnapshot? {
        guard let data = FileManager.default.contents(atPath: path),
              let contents = try? JSONDecoder().decode(Contents.self, from: data),
              contents.version == Self.formatVersion, contents.dataDirectory == dataDirectory,
              let key = Self.key(request, today: today), contents.request == key,
              contents.files == Self.stamps(root: root, paths: paths)
        else { return nil }
        return contents.snapshot
    }

    /// Keeps `snapshot`, computed for `request` on `today` from `files`; a failure to write is
    /// ignored (the next start then simply loads without it).
    func store(_ snapshot: KPISnapshot, for request: SnapshotRequest, today: Day, files: [FileStamp]) {
        guard let key = Self.key(request, today: today) else { return }
        let contents = Contents(version: Self.formatVersion, dataDirectory: dataDirectory, request: key,
                                files: files, snapshot: snapshot)
        guard let data = try? JSONEncoder().encode(contents) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
        else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The request as a key: everything but the instant, which counts by its day (in the
    /// dashboard's time zone) only.
    static func key(_ request: SnapshotRequest, today: Day) -> String? {
        var request = request
        request.now = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(request) else { return nil }
        return "\(today) " + String(decoding: data, as: UTF8.self)
    }
}
