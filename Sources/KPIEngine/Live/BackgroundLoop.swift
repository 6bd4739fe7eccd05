import Foundation
import Synchronization

/// A blocking loop on its own thread, woken and ended through a ``WakePipe``.
///
/// The body must return soon after the wake descriptor becomes readable. ``stop()`` waits for
/// it to return, except when called from the loop thread itself (from a change handler).
final class BackgroundLoop: Sendable {
    private struct State {
        var started = false
        /// The loop's thread, once it runs.
        var loopThread: pthread_t?
        var stopped = false
    }

    private let wake: WakePipe
    private let finished = DispatchSemaphore(value: 0)
    private let state = Mutex(State())

    init() throws(WatchError) {
        wake = try WakePipe()
    }

    /// Starts `body` on a new thread; it gets the descriptor that becomes readable on stop.
    func start(name: String, body: @escaping @Sendable (_ wakeDescriptor: Int32) -> Void) {
        let wakeDescriptor = wake.readDescriptor
        let finished = finished
        let thread = Thread { [self] in
            state.withLock { $0.loopThread = pthread_self() }
            body(wakeDescriptor)
            finished.signal()
        }
        thread.name = name
        state.withLock { $0.started = true }
        thread.start()
    }

    /// Asks the loop to end and, unless called from the loop itself, waits until it has.
    /// Calling it again does nothing.
    func stop() {
        let (started, loopThread, alreadyStopped) = state.withLock { s in
            defer { s.stopped = true }
            return (s.started, s.loopThread, s.stopped)
        }
        guard started, !alreadyStopped else { return }
        wake.signal()
        let isLoopThread = loopThread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
        if !isLoopThread { finished.wait() }
    }
}
