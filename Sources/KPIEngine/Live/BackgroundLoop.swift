import Foundation

/// A blocking loop on its own thread, woken and ended through a ``WakePipe``.
///
/// The body must return soon after the wake descriptor becomes readable. ``stop()`` waits for
/// it to return, except when called from the loop thread itself (from a change handler).
final class BackgroundLoop: @unchecked Sendable {
    private let wake: WakePipe
    private let finished = DispatchSemaphore(value: 0)
    /// Guards `thread` and `stopped`.
    private let lock = NSLock()
    private var thread: Thread?
    private var stopped = false

    init() throws(WatchError) {
        wake = try WakePipe()
    }

    /// Starts `body` on a new thread; it gets the descriptor that becomes readable on stop.
    func start(name: String, body: @escaping @Sendable (_ wakeDescriptor: Int32) -> Void) {
        let wakeDescriptor = wake.readDescriptor
        let finished = finished
        let thread = Thread {
            body(wakeDescriptor)
            finished.signal()
        }
        thread.name = name
        lock.withLock { self.thread = thread }
        thread.start()
    }

    /// Asks the loop to end and, unless called from the loop itself, waits until it has.
    /// Calling it again does nothing.
    func stop() {
        let (thread, alreadyStopped) = lock.withLock {
            defer { stopped = true }
            return (self.thread, stopped)
        }
        guard let thread, !alreadyStopped else { return }
        wake.signal()
        if Thread.current !== thread { finished.wait() }
    }
}
