import Synchronization

/// Notices changes by walking the tree at a fixed interval and comparing each data file's
/// ``FileIdentity`` with the previous walk. Works on every file system, at the cost of a walk
/// per interval and up to one interval of latency.
final class PollingWatcher: ChangeSource {
    private let walker: DirectoryWalker
    private let interval: Duration
    private let handler: @Sendable (ChangeBatch) -> Void
    private let loop: BackgroundLoop
    /// The last walk: set by `start()`, then updated by the loop.
    private let known = Mutex<[String: FileIdentity]>([:])

    init(walker: DirectoryWalker, interval: Duration,
         handler: @escaping @Sendable (ChangeBatch) -> Void) throws(WatchError) {
        self.walker = walker
        self.interval = interval
        self.handler = handler
        loop = try BackgroundLoop()
    }

    /// Takes the first walk (changes after this returns are reported) and starts polling.
    func start() throws(WatchError) {
        let first = walker.identities()
        known.withLock { $0 = first }
        loop.start(name: "kpitop.poll") { [self] wakeDescriptor in
            while !waitForInput([wakeDescriptor], timeout: interval)[0] {
                let batch = takeWalk()
                if !batch.isEmpty { handler(batch) }
            }
        }
    }

    func stop() { loop.stop() }

    /// Walks the tree and returns the paths whose identity differs from the last walk.
    private func takeWalk() -> ChangeBatch {
        let current = walker.identities()
        return known.withLock { known in
            var changed = Set<String>()
            for (path, identity) in current where known[path] != identity { changed.insert(path) }
            for path in known.keys where current[path] == nil { changed.insert(path) }
            known = current
            return ChangeBatch(paths: changed)
        }
    }
}
