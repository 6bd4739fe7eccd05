import Dispatch
import Synchronization

/// The engine as the dashboard sees it: loads the data directory on a background queue
/// (with progress), computes snapshots for the requested window there, and wakes the UI
/// through a pipe. The UI thread only ever copies the latest result.
public final class EngineSession: SnapshotSource {
    private struct State {
        var store: MetricsStore?
        var snapshot: KPISnapshot?
        var status: EngineStatus
        var request: SnapshotRequest
        var version = 0
    }

    private let loader: DataLoader
    private let queue = DispatchQueue(label: "kpitop.engine")
    private let state: Mutex<State>
    private let wake = WakePipe()
    private let now: @Sendable () -> Int64

    /// - Parameters:
    ///   - now: the clock (ms since the epoch); tests pass a fixed one.
    public init(loader: DataLoader, status: EngineStatus, request: SnapshotRequest,
                now: @escaping @Sendable () -> Int64) {
        self.loader = loader
        self.now = now
        state = Mutex(State(status: status, request: request))
    }

    public var wakeFileDescriptor: Int32 { wake.readDescriptor }

    /// Starts the first load in the background.
    public func start() {
        queue.async { [self] in
            var store: MetricsStore
            do {
                store = try loader.load { [self] progress in
                    update { $0.status.loading = progress }
                }
            } catch {
                store = MetricsStore(clock: loader.context.clock)
                var failed = FileContribution(path: loader.root)
                failed.rejected(line: 0, reason: "\(error)")
                store.set(failed)
            }
            recompute(store: store)
        }
    }

    public func request(window: WindowLength) {
        queue.async { [self] in
            let store: MetricsStore? = state.withLock { s in
                s.request.window = window
                return s.store
            }
            if let store { recompute(store: store) }
        }
    }

    public func latest() -> (snapshot: KPISnapshot?, status: EngineStatus, version: Int) {
        state.withLock { ($0.snapshot, $0.status, $0.version) }
    }

    /// Computes a snapshot of `store` for the current request and publishes both.
    /// Runs on the engine queue.
    private func recompute(store: MetricsStore) {
        var store = store
        var request = state.withLock { $0.request }
        request.now = now()
        let snapshot = store.snapshot(request)
        let finished = now()
        update { s in
            s.store = store
            s.snapshot = snapshot
            s.status.loading = nil
            s.status.updatedAt = finished
        }
    }

    private func update(_ change: (inout State) -> Void) {
        state.withLock { s in
            change(&s)
            s.version += 1
        }
        wake.signal()
    }
}
