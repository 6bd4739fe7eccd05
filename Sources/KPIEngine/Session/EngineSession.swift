import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The engine as the dashboard sees it. On a background queue it reads the data directory
/// (publishing progress), then follows it: the ``DirectoryWatcher`` names changed paths, each
/// ``TrackedFile`` reads only what was appended (or reads again what was truncated or
/// replaced), and a new snapshot is published. The UI thread only copies the latest result
/// and is woken through a pipe.
public final class EngineSession: SnapshotSource {
    /// How the session follows the directory.
    public struct Options: Sendable {
        public var watcher: DirectoryWatcher.Options
        /// A last line without a newline counts once its file has been quiet this long
        /// (a writer is never that slow mid-line); if the file grows later, the line is
        /// simply continued.
        public var completeLinesAfter: Duration
        /// While the data directory cannot be read, it is looked for again this often.
        public var retryUnreadableAfter: Duration
        /// Where the numbers of the last load are kept for the next start (nil: nowhere).
        public var restartCache: RestartCache?

        public init(watcher: DirectoryWatcher.Options = .init(), completeLinesAfter: Duration = .seconds(1),
                    retryUnreadableAfter: Duration = .milliseconds(500), restartCache: RestartCache? = nil) {
            self.watcher = watcher
            self.completeLinesAfter = completeLinesAfter
            self.retryUnreadableAfter = retryUnreadableAfter
            self.restartCache = restartCache
        }
    }

    /// What the engine queue owns: the files followed and the store of their rows.
    private struct EngineState {
        var files: [String: TrackedFile] = [:]
        var store: MetricsStore
        /// The platforms' parts of the last snapshot, reused for those that did not change.
        var cache = SnapshotCache()
        /// Paths whose held-back last line still waits for the file to go quiet.
        var waitingLines: Set<String> = []
    }

    /// What the UI reads.
    private struct Published {
        var snapshot: KPISnapshot?
        var status: EngineStatus
        var request: SnapshotRequest
        var version = 0
        /// Changes not yet applied; merged so that a slow recomputation never queues up work.
        var pendingChanges: ChangeBatch?
    }

    private let root: String
    private let context: IngestContext
    private let options: Options
    private let now: @Sendable () -> Int64
    private let queue = DispatchQueue(label: "kpitop.engine")
    private let engine: Mutex<EngineState>
    private let published: Mutex<Published>
    private let wake: WakePipe
    private let watcher = Mutex<DirectoryWatcher?>(nil)
    private let stopped = Mutex(false)

    /// - Parameter now: the clock (ms since the epoch).
    public init(root: String, context: IngestContext, status: EngineStatus, request: SnapshotRequest,
                options: Options = Options(), now: @escaping @Sendable () -> Int64) throws(WatchError) {
        self.root = root
        self.context = context
        self.options = options
        self.now = now
        wake = try WakePipe()
        engine = Mutex(EngineState(store: MetricsStore(clock: context.clock, interning: context.interning)))
        published = Mutex(Published(status: status, request: request))
    }

    deinit { stop() }

    public var wakeFileDescriptor: Int32 { wake.readDescriptor }

    /// Starts watching (so no change falls between the load and the watch), then the first
    /// load. While the directory cannot be read, the status says why (``EngineProblem``) and
    /// the session looks again every `retryUnreadableAfter`, loading it once it can.
    public func start() {
        queue.async { [self] in startWhenReadable() }
    }

    private func startWhenReadable() {
        guard !stopped.withLock({ $0 }) else { return }
        if let reason = DataDirectoryAccess.problem(root) {
            publish { s in
                s.status.problems.removeAll { if case .unreadableDirectory = $0 { true } else { false } }
                s.status.problems.append(.unreadableDirectory(path: s.status.dataDirectory, reason: reason))
                s.status.loading = nil
            }
            let retry = Int(options.retryUnreadableAfter.milliseconds)
            queue.asyncAfter(deadline: .now() + .milliseconds(retry)) { [weak self] in self?.startWhenReadable() }
            return
        }
        startWatcher()
        let paths = DataFiles.list(root: root, followLinks: context.followLinks)
        let lastRun = restoreLastRun(paths: paths)
        let restored = Set(lastRun.files.map(\.file.path))
        let files: [LoadedFile]
        do {
            files = try DataLoader(root: root, context: context).readAll(listed: paths.filter { !restored.contains($0) },
                progress: { [self, pace = ProgressPace()] progress in
                    if pace.admits(progress) { publish { $0.status.loading = progress } }
                },
                firstLook: lastRun.showsNumbers ? nil : { [self] store in publishFirstLook(store) }) + lastRun.files
        } catch {
            // Gone again between the check and the read: look again later.
            stopWatcher()
            queue.async { [self] in startWhenReadable() }
            return
        }
        publish { s in s.status.problems.removeAll { if case .unreadableDirectory = $0 { true } else { false } } }
        engine.withLock { e in
            for loaded in files { e.files[loaded.file.path] = loaded.file }
            e.store.set(files.map(\.contribution))
        }
        countPendingLines(of: Set(files.map(\.file.path)))
        // Nothing read and the same numbers shown: the cache holds this very load already.
        if !(lastRun.showsNumbers && restored.count == files.count) { keepForRestart(files) }
        // The numbers are shown: make what the load left to the first change.
        engine.withLock { $0.store.indexDeferred() }
    }

    /// What the restart cache gives this start: the files it kept that are unchanged (they
    /// are not read again), and whether it showed the last run's numbers while the directory
    /// loads (when the request and every file, `paths` as listed for the load, are unchanged).
    private func restoreLastRun(paths: [String]) -> (files: [LoadedFile], showsNumbers: Bool) {
        guard let cache = options.restartCache else { return ([], false) }
        var request = published.withLock { $0.request }
        request.now = now()
        guard let lastRun = cache.lastRun(for: request, today: context.clock.day(ofEpochMilliseconds: request.now),
                                          root: root, paths: paths, context: context)
        else { return ([], false) }
        guard let snapshot = lastRun.snapshot else { return (lastRun.files(context: context), false) }
        publish { s in
            guard s.status.loading != nil else { return }
            s.snapshot = snapshot
            s.status.provisional = .lastRun
        }
        return (lastRun.files(context: context), true)
    }

    /// Keeps what a complete load read in the restart cache (see ``RestartCache/store(_:for:today:files:root:context:)``),
    /// with the numbers it shows; not while a last line is still waiting.
    private func keepForRestart(_ files: [LoadedFile]) {
        guard let cache = options.restartCache else { return }
        var request = published.withLock { $0.request }
        request.now = now()
        guard let snapshot = engine.withLock({ e -> KPISnapshot? in
            guard e.waitingLines.isEmpty else { return nil }
            // The platforms' parts are those of the snapshot just published: reused, not recomputed.
            return e.store.snapshot(request, cache: &e.cache)
        }) else { return }
        cache.store(snapshot, for: request, today: context.clock.day(ofEpochMilliseconds: request.now), files: files,
                    root: root, context: context)
    }

    /// Shows the numbers of a first look at a large directory while it loads: marked partial
    /// (the status's `loading` stays until the load ends), never kept.
    private func publishFirstLook(_ store: MetricsStore) {
        var request = published.withLock { $0.request }
        request.now = now()
        let snapshot = store.snapshot(request)
        publish { s in
            guard s.status.loading != nil else { return }
            s.snapshot = snapshot
            s.status.provisional = .firstLook
        }
    }

    /// Stops following the directory (and looking for it, while it cannot be read).
    public func stop() {
        stopped.withLock { $0 = true }
        stopWatcher()
    }

    private func stopWatcher() {
        watcher.withLock { w in
            w?.stop()
            w = nil
        }
    }

    public func request(_ choice: ViewChoice) {
        published.withLock { $0.request = $0.request.choosing(choice) }
        queue.async { [self] in recompute(dataChanged: false) }
    }

    public func latest() -> (snapshot: KPISnapshot?, status: EngineStatus, version: Int) {
        published.withLock { ($0.snapshot, $0.status, $0.version) }
    }

    // MARK: - Engine queue

    private func startWatcher() {
        var watcherOptions = options.watcher
        watcherOptions.followLinks = context.followLinks
        let w = DirectoryWatcher(root: root, options: watcherOptions, isDataFile: DataFiles.isDataFile) {
            [weak self] batch in self?.enqueue(batch)
        }
        do {
            try w.start()
            watcher.withLock { $0 = w }
            publish { s in
                s.status.watchMode = w.choice.mode
                s.status.watchNote = w.choice.note
            }
        } catch {
            publish { s in
                s.status.watchMode = .none
                s.status.problems.append(.notWatching(reason: "\(error)"))
            }
        }
    }

    /// Merges a batch into the pending one; schedules one apply when none is scheduled.
    private func enqueue(_ batch: ChangeBatch) {
        let schedule = published.withLock { s -> Bool in
            if var pending = s.pendingChanges {
                pending.merge(batch)
                s.pendingChanges = pending
                return false
            }
            s.pendingChanges = batch
            return true
        }
        if schedule { queue.async { [self] in applyPendingChanges() } }
    }

    private func applyPendingChanges() {
        guard let batch = published.withLock({ s -> ChangeBatch? in
            defer { s.pendingChanges = nil }
            return s.pendingChanges
        }) else { return }
        let changed = engine.withLock { e -> Set<String> in
            var candidates = batch.paths
            // The files of the whole directory, walked once when needed: a directory reached
            // through a link has one path only, the one the walk gives it.
            var walked: [String]?
            func allFiles() -> [String] {
                if walked == nil { walked = DataFiles.list(root: root, followLinks: context.followLinks) }
                return walked!
            }
            if batch.rescanAll {
                candidates.formUnion(allFiles())
                candidates.formUnion(e.files.keys)
            }
            // A path may name a directory: everything followed below it is a candidate too,
            // and so is every data file in it now. A followed file that is still no directory
            // has nothing below it (and its path is not compared with every followed path).
            for path in batch.paths {
                let isDirectory = Self.isDirectory(root + "/" + path)
                guard isDirectory || e.files.index(forKey: path) == nil else { continue }
                let prefix = path + "/"
                candidates.formUnion(e.files.keys.filter { $0.hasPrefix(prefix) })
                if isDirectory { candidates.formUnion(allFiles().filter { $0.hasPrefix(prefix) }) }
            }
            var changed: Set<String> = []
            for path in candidates {
                var file = e.files[path] ?? TrackedFile(path: path)
                guard e.files[path] != nil || DataFiles.isDataFile(path) else { continue }
                switch file.refresh(root: root, context: context, store: &e.store) {
                case .unchanged:
                    continue
                case .deleted:
                    if e.files.removeValue(forKey: path) != nil {
                        e.waitingLines.remove(path)
                        changed.insert(path)
                    }
                case .touched, .appended, .replaced:
                    e.files[path] = file
                    changed.insert(path)
                }
            }
            return changed
        }
        if batch.rescanAll, let choice = watcher.withLock({ $0?.choice }) {
            // A watch limit reached while running turns inotify into polling.
            publish { s in
                s.status.watchMode = choice.mode
                s.status.watchNote = choice.note
            }
        }
        if !changed.isEmpty { countPendingLines(of: changed) }
    }

    /// Counts the held-back last lines of these files (and of those still waiting) once their
    /// file has been quiet long enough, then recomputes the snapshot; a line whose file is not
    /// quiet yet is looked at again later.
    private func countPendingLines(of changed: Set<String>) {
        let instant = now()
        let wait = engine.withLock { e -> Bool in
            for path in changed.union(e.waitingLines) {
                guard let file = e.files[path] else {
                    e.waitingLines.remove(path)
                    continue
                }
                let quietFor = instant - file.modificationTime / 1_000_000
                if file.hasPendingLine && quietFor < options.completeLinesAfter.milliseconds {
                    e.store.setPendingLine(nil, for: path)
                    e.waitingLines.insert(path)
                } else {
                    e.store.setPendingLine(file.pendingLineContribution(context: context), for: path)
                    e.waitingLines.remove(path)
                }
            }
            return !e.waitingLines.isEmpty
        }
        recompute(dataChanged: true)
        if wait {
            queue.asyncAfter(deadline: .now() + .milliseconds(Int(options.completeLinesAfter.milliseconds))) {
                [weak self] in self?.countPendingLines(of: [])
            }
        }
    }

    /// Computes a snapshot for the current request and publishes it; `dataChanged` moves
    /// the "updated" time.
    private func recompute(dataChanged: Bool) {
        var request = published.withLock { $0.request }
        request.now = now()
        let snapshot = engine.withLock { e in e.store.snapshot(request, cache: &e.cache) }
        let finished = now()
        publish { s in
            s.snapshot = snapshot
            s.status.loading = nil
            s.status.provisional = nil
            if dataChanged { s.status.updatedAt = finished }
        }
    }

    private func publish(_ change: (inout Published) -> Void) {
        published.withLock { s in
            change(&s)
            s.version += 1
        }
        wake.signal()
    }
}

extension EngineSession {
    /// True when `path` is a directory (or a link to one).
    fileprivate static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
