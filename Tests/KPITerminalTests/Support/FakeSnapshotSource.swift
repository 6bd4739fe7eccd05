import KPIEngine
import Synchronization

/// An engine for ``DashboardLoop`` tests: it keeps every choice of view the loop sends and
/// publishes whatever snapshot the test gives it.
final class FakeSnapshotSource: SnapshotSource {
    private struct State {
        var requests: [ViewChoice] = []
        var snapshot: KPISnapshot?
        var status: EngineStatus
        var version = 0
    }

    private let state: Mutex<State>

    init(snapshot: KPISnapshot?, status: EngineStatus = LoopFixture.status) {
        state = Mutex(State(snapshot: snapshot, status: status))
    }

    /// Every choice the loop asked for, in order.
    var requests: [ViewChoice] { state.withLock { $0.requests } }

    /// Publishes a new snapshot (and status), as the engine does after a change.
    func publish(_ snapshot: KPISnapshot?, status: EngineStatus? = nil) {
        state.withLock { s in
            s.snapshot = snapshot
            if let status { s.status = status }
            s.version += 1
        }
    }

    func request(_ choice: ViewChoice) { state.withLock { $0.requests.append(choice) } }

    func latest() -> (snapshot: KPISnapshot?, status: EngineStatus, version: Int) {
        state.withLock { ($0.snapshot, $0.status, $0.version) }
    }

    var wakeFileDescriptor: Int32 { -1 }
}
