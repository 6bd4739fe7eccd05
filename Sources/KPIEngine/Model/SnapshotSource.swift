/// Where the dashboard gets its data: a one-shot load or the live engine.
///
/// The UI loop calls these from its own thread; none of them may block on I/O.
public protocol SnapshotSource: AnyObject, Sendable {
    /// From now on, compute snapshots for this choice of window, anchor, comparison and post.
    func request(_ choice: ViewChoice)
    /// The newest snapshot (nil while the first load runs), the engine's status, and a
    /// version number that grows whenever either changes.
    func latest() -> (snapshot: KPISnapshot?, status: EngineStatus, version: Int)
    /// A file descriptor that becomes readable when `latest()` has something new, so the UI
    /// can sleep in `poll(2)` on it and on the keyboard. The UI drains it with `read`.
    var wakeFileDescriptor: Int32 { get }
}
