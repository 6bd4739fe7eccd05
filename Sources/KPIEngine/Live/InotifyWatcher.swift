#if os(Linux)
import Glibc
import Synchronization

/// Notices changes through Linux inotify, one watch per directory of the tree.
///
/// New subdirectories are watched as they appear and listed right away, so files created in
/// them before their watch existed are not missed. With `followsLinks`, directories behind
/// symbolic links are watched too, each under the path the walk gives it (``DirectoryWalker``):
/// a directory already watched under another path is not watched again. A queue overflow reports "rescan all".
/// When inotify refuses a watch (the per-user limit), `onWatchLimit` is called from the loop
/// thread and the watcher ends; the owner switches to polling.
final class InotifyWatcher: ChangeSource {
    private let handler: @Sendable (ChangeBatch) -> Void
    private let onWatchLimit: @Sendable () -> Void
    private let inotifyDescriptor: Int32
    private let loop: BackgroundLoop
    /// The watches and the pending changes: set up by `start()`, then used by the loop thread.
    private let watches: Mutex<Watches>

    init(walker: DirectoryWalker, quietPeriod: Duration, maxDelay: Duration,
         handler: @escaping @Sendable (ChangeBatch) -> Void,
         onWatchLimit: @escaping @Sendable () -> Void) throws(WatchError) {
        self.handler = handler
        self.onWatchLimit = onWatchLimit
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw .system(call: "inotify_init1", errno: errno) }
        inotifyDescriptor = descriptor
        watches = Mutex(Watches(walker: walker, inotifyDescriptor: descriptor,
                                coalescer: ChangeCoalescer(quietPeriod: quietPeriod, maxDelay: maxDelay)))
        do {
            loop = try BackgroundLoop()
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(inotifyDescriptor) }

    /// Watches every directory of the tree, then delivers batches from a background thread.
    /// Throws ``WatchError/watchLimitReached`` when the tree needs more watches than allowed.
    func start() throws(WatchError) {
        let limitReached = watches.withLock { w in
            w.watchTree("", listingFiles: false)
            return w.watchLimitReached
        }
        if limitReached { throw .watchLimitReached }
        loop.start(name: "kpitop.inotify") { [self] wakeDescriptor in run(wakeDescriptor: wakeDescriptor) }
    }

    func stop() { loop.stop() }

    private func run(wakeDescriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let timeout = watches.withLock { $0.coalescer.deadline }.map { ContinuousClock.now.duration(to: $0) }
            let ready = waitForInput([wakeDescriptor, inotifyDescriptor], timeout: timeout)
            if ready[0] { return }
            let (batch, limitReached) = watches.withLock { w in
                if ready[1] { w.readEvents(using: &buffer) }
                return (w.coalescer.takeIfDue(at: .now), w.watchLimitReached)
            }
            if let batch { handler(batch) }
            if limitReached {
                onWatchLimit()
                return
            }
        }
    }
}

/// The inotify watches of a tree, by directory, and the changes waiting to be delivered.
private struct Watches: Sendable {
    static let eventMask: UInt32 = UInt32(
        IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB | IN_ONLYDIR)
    /// `sizeof(struct inotify_event)` without its name.
    static let eventHeaderSize = MemoryLayout<inotify_event>.size

    let walker: DirectoryWalker
    let inotifyDescriptor: Int32
    var coalescer: ChangeCoalescer
    var directoryByWatch: [Int32: String] = [:]
    var watchByDirectory: [String: Int32] = [:]
    var watchLimitReached = false

    /// Reads every queued event and adds what they name to the coalescer.
    mutating func readEvents(using buffer: inout [UInt8]) {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotifyDescriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var batch = ChangeBatch()
            var events: [(watch: Int32, mask: UInt32, name: String)] = []
            buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset + Self.eventHeaderSize <= count {
                    let watch = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let nameLength = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameStart = offset + Self.eventHeaderSize
                    let name = String(decoding: raw[nameStart..<nameStart + nameLength].prefix { $0 != 0 },
                                      as: UTF8.self)
                    events.append((watch, mask, name))
                    offset = nameStart + nameLength
                }
            }
            for event in events { handle(watch: event.watch, mask: event.mask, name: event.name, into: &batch) }
            coalescer.add(batch, at: .now)
        }
    }

    mutating func handle(watch: Int32, mask: UInt32, name: String, into batch: inout ChangeBatch) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            batch.rescanAll = true
            watchTree("", listingFiles: false)  // directories created during the overflow need watches too
            return
        }
        guard let directory = directoryByWatch[watch] else { return }
        if mask & UInt32(IN_IGNORED) != 0 {
            forget(watch: watch)
            return
        }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            // A subdirectory's removal is reported through its parent; the root's is not.
            if directory.isEmpty { batch.rescanAll = true }
            return
        }
        guard !name.isEmpty else { return }
        let path = DirectoryWalker.join(directory, name)
        if walker.followsLinks, mask & UInt32(IN_ISDIR) == 0, DirectoryWalker.isEntered(directoryName: name) {
            // A link to a directory comes and goes as a file does.
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, walker.isFollowedLink(path) {
                batch.paths.formUnion(watchTree(path))
                batch.paths.insert(path)
                return
            }
            if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0, watchByDirectory[path] != nil {
                unwatchTree(path)
                batch.paths.insert(path)
                return
            }
        }
        if mask & UInt32(IN_ISDIR) != 0 {
            guard DirectoryWalker.isEntered(directoryName: name) else { return }
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                batch.paths.formUnion(watchTree(path))
            } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                unwatchTree(path)
                batch.paths.insert(path)
            }
        } else if walker.isDataFile(path) {
            batch.paths.insert(path)
        }
    }

    /// Watches `directory` and every directory below it (each before it is listed); returns
    /// the data files found in them (none without `listingFiles`).
    @discardableResult
    mutating func watchTree(_ directory: String, listingFiles: Bool = true) -> [String] {
        guard !watchLimitReached else { return [] }
        var visited: Set<DirectoryWalker.DirectoryIdentity> = []
        return walker.walk(from: directory, visited: &visited, listingFiles: listingFiles) {
            !watchLimitReached && addWatch($0)
        }.files
    }

    /// Watches `directory`; false when it cannot be watched, or is watched already under
    /// another path that still leads to it (a second way in, through a link).
    mutating func addWatch(_ directory: String) -> Bool {
        let watch = inotify_add_watch(inotifyDescriptor, walker.absolutePath(of: directory), Self.eventMask)
        guard watch >= 0 else {
            if errno == ENOSPC { watchLimitReached = true }
            return false
        }
        if let previous = directoryByWatch[watch], previous != directory {
            if walker.leadToTheSameDirectory(previous, directory) { return false }
            watchByDirectory[previous] = nil  // moved: the old path is gone
        }
        directoryByWatch[watch] = directory
        watchByDirectory[directory] = watch
        return true
    }

    /// Removes the watches of `directory` and of everything below it (moved or deleted).
    mutating func unwatchTree(_ directory: String) {
        let prefix = directory + "/"
        for (path, watch) in watchByDirectory where path == directory || path.hasPrefix(prefix) {
            _ = inotify_rm_watch(inotifyDescriptor, watch)
            watchByDirectory[path] = nil
            directoryByWatch[watch] = nil
        }
    }

    mutating func forget(watch: Int32) {
        guard let directory = directoryByWatch.removeValue(forKey: watch) else { return }
        if watchByDirectory[directory] == watch { watchByDirectory[directory] = nil }
    }
}
#endif
