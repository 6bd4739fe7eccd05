import Synchronization

/// Lets through at most one load progress report per interval (the first one and the last
/// one always), so that a load of 20,000 small files, which reports after every file, wakes
/// the dashboard about 30 times a second instead of 20,000 times, each a frame drawn on the
/// core the load could use.
final class ProgressPace: Sendable {
    private let interval: Duration
    private let lastPassed = Mutex<ContinuousClock.Instant?>(nil)

    init(interval: Duration = .milliseconds(33)) {
        self.interval = interval
    }

    /// True when `progress` should be shown: the first report, a finished load, or the first
    /// report an interval after the last one shown.
    func admits(_ progress: LoadProgress) -> Bool {
        let now = ContinuousClock.now
        return lastPassed.withLock { last in
            let finished = progress.filesDone == progress.filesTotal && progress.bytesDone >= progress.bytesTotal
            guard finished || last.map({ now - $0 >= interval }) ?? true else { return false }
            last = now
            return true
        }
    }
}
