import Foundation
import Synchronization

/// Reports which files of the data directory may have changed (docs/DATA.md section 6): created,
/// appended, truncated, replaced by a rename, deleted, and whole directories created or removed.
///
/// It uses inotify on Linux and falls back to polling when asked to (`--poll`), on other
/// systems, on network file systems, and when the inotify watch limit is reached (also while
/// running). ``choice`` says which mode is in use and why, for the dashboard header.
/// Bursts are coalesced: events are delivered after a short quiet period, and never later than
/// a maximum delay after the first one. The watcher never reads file contents.
///
/// Start it before the first load of the directory, so that no change falls in between.
public final class DirectoryWatcher: Sendable {
    /// Tuning; the defaults suit the dashboard.
    public struct Options: Sendable {
        /// Poll even where inotify would work (`--poll`).
        public var forcePolling: Bool
        /// Time between two walks of the tree when polling.
        public var pollInterval: Duration
        /// With inotify, how long events must stop before a batch is delivered.
        public var quietPeriod: Duration
        /// With inotify, the longest a batch waits after its first event.
        public var maxDelay: Duration
        /// Watch the directories behind symbolic links too (`--follow-links`), as the cold
        /// read walks them (``DataFiles``).
        public var followLinks: Bool

        public init(forcePolling: Bool = false, pollInterval: Duration = .milliseconds(1000),
                    quietPeriod: Duration = .milliseconds(20), maxDelay: Duration = .milliseconds(50),
                    followLinks: Bool = false) {
            self.forcePolling = forcePolling
            self.pollInterval = pollInterval
            self.quietPeriod = quietPeriod
            self.maxDelay = maxDelay
            self.followLinks = followLinks
        }
    }

    private let walker: DirectoryWalker
    private let options: Options
    private let handler: @Sendable (ChangeBatch) -> Void
    private struct State {
        var source: ChangeSource?
        var choice: WatchChoice
        var stopped = false
    }

    private let state: Mutex<State>

    /// - Parameters:
    ///   - root: the data directory.
    ///   - isDataFile: whether a path relative to `root` names a data file (others are ignored;
    ///     the engine passes `DataFiles.isDataFile`).
    ///   - handler: receives each batch, on the watcher's own thread.
    public init(root: String, options: Options = Options(),
                isDataFile: @escaping @Sendable (String) -> Bool,
                handler: @escaping @Sendable (ChangeBatch) -> Void) {
        walker = DirectoryWalker(root: root, isDataFile: isDataFile, followsLinks: options.followLinks)
        self.options = options
        self.handler = handler
        state = Mutex(State(choice: WatchChoice.preferred(forcePolling: options.forcePolling,
                                                          fileSystem: FileSystemKind.of(path: root))))
    }

    /// The mode in use and why; it turns to polling if the watch limit is reached later.
    public var choice: WatchChoice { state.withLock { $0.choice } }

    /// Starts watching: changes made after this returns are reported.
    /// Throws when `root` is not a directory or no watching mode can be set up.
    public func start() throws(WatchError) {
        var info = stat()
        guard stat(walker.root, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .notADirectory(walker.root)
        }
        try state.withLock { (s: inout State) throws(WatchError) in
            #if os(Linux)
            if s.choice.mode == .inotify {
                do throws(WatchError) {
                    let inotify = try InotifyWatcher(
                        walker: walker, quietPeriod: options.quietPeriod, maxDelay: options.maxDelay,
                        handler: handler, onWatchLimit: { [weak self] in self?.switchToPolling() })
                    try inotify.start()
                    s.source = inotify
                    return
                } catch .watchLimitReached {
                    s.choice = .watchLimitReached
                } catch .system(let call, let code) {
                    s.choice = WatchChoice(mode: .polling, note: "\(call) failed (errno \(code))")
                }
            }
            #endif
            let polling = try PollingWatcher(walker: walker, interval: options.pollInterval, handler: handler)
            try polling.start()
            s.source = polling
        }
    }

    /// Stops watching and waits for the background thread, unless called from the handler.
    public func stop() {
        let active = state.withLock { s in
            s.stopped = true
            defer { s.source = nil }
            return s.source
        }
        active?.stop()
    }

    /// Called from the inotify thread when a new directory could not be watched.
    private func switchToPolling() {
        let started: Bool = state.withLock { s in
            guard !s.stopped else { return false }
            s.choice = .watchLimitReached
            guard let polling = try? PollingWatcher(walker: walker, interval: options.pollInterval,
                                                    handler: handler),
                  (try? polling.start()) != nil
            else { return false }
            s.source = polling
            return true
        }
        if started { handler(ChangeBatch(rescanAll: true)) }
    }
}
