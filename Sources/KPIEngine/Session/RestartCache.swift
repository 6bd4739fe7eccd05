import Foundation
import Synchronization

/// What the last load of a data directory found, kept under `$XDG_CACHE_HOME/kpitop` (else
/// `~/.cache/kpitop`), one file per data directory, so that a restart reads only what changed:
/// the sums of each file without ids (see ``CachedContribution``) with how far it was read, and
/// the numbers the dashboard showed, shown at once while the rest loads.
///
/// The cache is validated, never trusted. It is used only when this very kpitop executable
/// wrote it, for the same data directory, read the same way (time zone, `mapping.toml`,
/// currency, links followed, the day hourly sums start). A kept file is used only when it is
/// still the one that was read: the same device, inode, size and modification time; any other
/// file is read again. The numbers shown at once also need the same request (window, anchor
/// day, goals, alerts...) and every file unchanged. Anything else, or a cache that cannot be
/// read or decoded, and it is ignored (and written anew after the load).
public struct RestartCache: Sendable {
    /// The cache file.
    public let path: String
    /// The data directory, as an absolute path.
    let dataDirectory: String


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

    /// `data-<FNV-1a of the directory's path, in hex>.cache`.
    static func fileName(for directory: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in directory.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return "data-" + String(hash, radix: 16) + ".cache"
    }

    /// One data file as it was read.
    struct FileStamp: Equatable {
        var path: String
        var identity: FileIdentity
    }

    /// A file without ids as the last load left it.
    struct CachedFile {
        var path: String
        var position: TrackedFile.ReadPosition
        var contribution: CachedContribution
    }

    /// What the last run leaves to this start.
    struct LastRun {
        /// The numbers it showed, when the request and every file are the same.
        var snapshot: KPISnapshot?
        /// The cache, its kept files not read yet.
        let contents: CacheContents
        /// The data files as they are now.
        let stamps: [FileStamp]

        /// The files it kept that are unchanged, read from the cache now (after the numbers are
        /// shown); none when that part of the cache is damaged.
        var unchanged: [CachedFile] {
            guard let kept = try? contents.keptFiles() else { return [] }
            if contents.files == stamps { return kept }
            let identities = Dictionary(stamps.map { ($0.path, $0.identity) }, uniquingKeysWith: { first, _ in first })
            return kept.filter { identities[$0.path] == $0.position.identity }
        }

        /// The unchanged files, ready to follow with their contributions in `context`'s
        /// numbering (made after the numbers are shown: 20,000 files take a while); a file
        /// whose parts do not hold together is left out, to be read again.
        func files(context: IngestContext) -> [LoadedFile] {
            unchanged.compactMap { cached in
                cached.contribution.contribution(path: cached.path, modificationTime: cached.position.identity.modifiedNanoseconds,
                                                 context: context)
                    .map { LoadedFile(file: TrackedFile(path: cached.path, restoring: cached.position), contribution: $0) }
            }
        }
    }

    /// The data files under `root` as they are now (those that cannot be stat-ed are left out,
    /// so they differ from any stamp); stat-ed on all cores, a few thousand at a time (one
    /// core took some 60 ms for 20,000 files).
    static func stamps(root: String, paths: [String]) -> [FileStamp] {
        let batch = 2_048
        let batches = (paths.count + batch - 1) / batch
        let found = Mutex([[FileStamp]](repeating: [], count: batches))
        DispatchQueue.concurrentPerform(iterations: batches) { number in
            let stamps = paths[number * batch..<min(paths.count, (number + 1) * batch)].compactMap { path in
                FileIdentity(path: root + "/" + path).map { FileStamp(path: path, identity: $0) }
            }
            found.withLock { $0[number] = stamps }
        }
        return found.withLock { $0.flatMap { $0 } }
    }

    /// What the cache holds that is valid for reading the files of `root` listed in `paths`
    /// with `context`, and for showing `request` on `today`; nil when nothing is.
    func lastRun(for request: SnapshotRequest, today: Day, root: String, paths: [String],
                 context: IngestContext) -> LastRun? {
        guard let data = FileManager.default.contents(atPath: path),
              let contents = try? CacheContents(head: [UInt8](data)),
              contents.dataDirectory == dataDirectory, contents.reading == Self.readingKey(root: root, context: context)
        else { return nil }
        let stamps = Self.stamps(root: root, paths: paths)
        let isSame = (Self.key(request, today: today).map { $0 == contents.request } ?? false) && contents.files == stamps
        return LastRun(snapshot: isSame ? contents.snapshot : nil, contents: contents, stamps: stamps)
    }

    /// Keeps what a complete load read from `files` with `context`, and `snapshot`, computed
    /// from them for `request` on `today`. A file that was left out, could not be read or holds
    /// back a last line is not kept (and the numbers are then not kept either); a failure to
    /// write is ignored (the next start then reads everything).
    func store(_ snapshot: KPISnapshot, for request: SnapshotRequest, today: Day, files: [LoadedFile],
               root: String, context: IngestContext) {
        var stamps: [FileStamp] = []
        var cachedFiles: [CachedFile] = []
        for loaded in files {
            guard let position = loaded.file.readPosition else { continue }
            stamps.append(FileStamp(path: loaded.file.path, identity: position.identity))
            if let contribution = CachedContribution(loaded.contribution) {
                cachedFiles.append(CachedFile(path: loaded.file.path, position: position, contribution: contribution))
            }
        }
        guard let key = Self.key(request, today: today) else { return }
        let contents = CacheContents(dataDirectory: dataDirectory, reading: Self.readingKey(root: root, context: context),
                                     request: key, files: stamps, snapshot: stamps.count == files.count ? snapshot : nil,
                                     cachedFiles: cachedFiles)
        guard let bytes = contents.bytes() else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// How files are read, as a key: the executable (another build may read differently), the
    /// time zone, the directory's `mapping.toml` (as a file: device, inode, size, modification
    /// time), the configured currency, whether links are followed and the first day with
    /// hourly sums.
    static func readingKey(root: String, context: IngestContext) -> String {
        func stamp(_ path: String) -> String {
            guard let identity = FileIdentity(path: path) else { return "none" }
            return "\(identity.device):\(identity.inode):\(identity.size):\(identity.modifiedNanoseconds)"
        }
        return [
            "executable " + stamp("/proc/self/exe"),
            "zone " + context.clock.identifier,
            "mapping " + stamp(root + "/" + ColumnMapping.fileName),
            "currency " + (context.currency?.description ?? "none"),
            "links \(context.followLinks)",
            "hourly " + (context.hourlyFrom?.description ?? "none"),
        ].joined(separator: "; ")
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
